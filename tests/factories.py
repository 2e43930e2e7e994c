"""Small builders for registry tests: a valid profile and a version in any state."""

import datetime as dt
from typing import Any

from lumbung.accounts.models import User
from lumbung.innovations import services
from lumbung.innovations.models import InnovationVersion, Status
from lumbung.regions.models import Region, Unit, Urusan

LONG_DESIGN = " ".join(["Rancang bangun layanan kesehatan terpadu bagi warga kota."] * 40)  # 320 words


def profile(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Layanan Antar Obat Lansia",
        "stage": "penerapan",
        "initiator": "opd",
        "initiator_name": "Dinas Kesehatan",
        "kind": "non_digital",
        "form": "pelayanan_publik",
        "main_urusan": Urusan.objects.get(name="Kesehatan"),
        "trial_date": dt.date(2023, 2, 1),
        "implementation_date": dt.date(2023, 6, 1),
        "design": LONG_DESIGN,
        "goals": "Mendekatkan layanan obat kepada lansia.",
        "benefits": "Lansia tidak perlu antre di puskesmas.",
        "results": "Obat sampai ke 300 lansia setiap bulan.",
        "budget": 75_000_000,
    }
    data.update(overrides)
    return data


def make_version(
    actor: User, region: Region, unit: Unit, year: int = 2023, **overrides: Any
) -> InnovationVersion:
    return services.innovation_create(
        actor=actor, region=region, unit=unit, year=year, data=profile(**overrides)
    )


def set_status(version: InnovationVersion, status: str) -> InnovationVersion:
    """Put a version straight into a state (for tests of what happens there)."""
    InnovationVersion.objects.filter(pk=version.pk).update(status=status)
    version.refresh_from_db()
    return version


def walk_to(
    version: InnovationVersion, status: str, innovator: User, verifier: User, admin: User
) -> InnovationVersion:
    """Move a version through the real chain up to a state."""
    path = {
        Status.SUBMITTED: [("submit", innovator)],
        Status.IN_VALIDATION: [("submit", innovator), ("start_validation", verifier)],
        Status.APPROVED: [("submit", innovator), ("start_validation", verifier), ("approve", verifier)],
        Status.READY: [
            ("submit", innovator),
            ("start_validation", verifier),
            ("approve", verifier),
            ("mark_ready", admin),
        ],
    }[Status(status)]
    for move, actor in path:
        version = services.version_move(actor=actor, version=version, move_name=move)
    return version


# The innovation lab


def lab_schedule_open(cohort: Any, days: int = 30) -> None:
    """Schedule every stage of a cohort to be open today and for `days` more (in the region's zone)."""
    from lumbung.labs.models import CohortStage, region_today

    today = region_today(cohort.region)
    CohortStage.objects.filter(cohort=cohort).update(
        start_date=today - dt.timedelta(days=1),
        end_date=today + dt.timedelta(days=days),
        mode="daring",
        meeting_link="https://meet.example.id/lab",
    )


def lab_approve_through(team: Any, stage: str, actor: Any = None) -> None:
    """Mark every stage of the team up to and including `stage` approved, as if its coach had."""
    from lumbung.labs.models import GateStatus, StageWork
    from lumbung.labs.stages import STAGES

    for definition in STAGES:
        StageWork.objects.update_or_create(
            team=team, stage=definition.code, defaults={"status": GateStatus.APPROVED, "decided_by": actor}
        )
        if definition.code == stage:
            return
    raise ValueError(stage)
