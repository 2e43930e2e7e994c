"""The Deliver stage: progress on the action plan with its evidence, overdue milestones, and the
before/after figures of the innovation's main indicator."""

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from lumbung.accounts.access import AnyUser
from lumbung.accounts.models import User
from lumbung.core.formatting import format_date

from . import gates
from .access import can_manage
from .models import (
    Cohort,
    CohortStage,
    Design,
    Milestone,
    MilestoneStatus,
    MilestoneUpdate,
    Participant,
    Team,
    TeamFile,
    region_today,
)

STAGE = "deliver"

# Access


def get_milestone(team: Team, pk: int) -> Milestone:
    milestone = Milestone.objects.filter(team=team, pk=pk).first()
    if milestone is None:
        raise Http404
    milestone.team = team
    return milestone


def overdue_team_ids(user: AnyUser, cohort: Cohort) -> list[int] | None:
    """Teams whose overdue milestones the user may see; None means every team (the region's admin).

    A coach sees the teams they coach, a participant their own team, mirroring get_team_for_user.
    """
    if can_manage(user, cohort):
        return None
    if not user.is_authenticated:
        return []
    me = Participant.objects.filter(cohort=cohort, user=user).first()
    if me is None:
        return []
    if me.role == Participant.Role.COACH:
        return list(Team.objects.filter(cohort=cohort, coach_id=user.pk).values_list("pk", flat=True))
    return [me.team_id] if me.team_id else []


def edit_refusal(actor: AnyUser, team: Team) -> str:
    """Why the actor cannot change the team's Deliver work now, or "" when they can."""
    try:
        gates.require_editable(actor=actor, team=team, stage=STAGE)
    except ValidationError as error:
        return " ".join(error.messages)
    return ""


# Pure calculators

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Figures:
    """An indicator before the innovation (baseline), its target, and where it stands now (actual)."""

    baseline: Decimal | None
    target: Decimal | None
    actual: Decimal | None

    @property
    def decreasing(self) -> bool:
        """A target below the baseline, such as a waiting time to be cut."""
        return self.baseline is not None and self.target is not None and self.target < self.baseline


def achievement(figures: Figures) -> Decimal | None:
    """The change achieved as a percent of the change planned, to one decimal; None if not computable.

    (actual − baseline) / (target − baseline) works both ways: for a waiting time cut from 60 to 30
    minutes, an actual of 45 is 50%. Above 100 the target was passed; below 0 the indicator moved away.
    """
    baseline, target, actual = figures.baseline, figures.target, figures.actual
    if baseline is None or target is None or actual is None or target == baseline:
        return None
    percent = (actual - baseline) / (target - baseline) * HUNDRED
    return percent.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def overall_percent(percents: Iterable[int]) -> int | None:
    """The mean of the milestones' percents, rounded half up; None for an empty plan."""
    values = list(percents)
    if not values:
        return None
    return int((Decimal(sum(values)) / len(values)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def days_late(milestone: Milestone, today: dt.date) -> int | None:
    """Whole days past the due date by the region's calendar, or None when not overdue."""
    return (today - milestone.due_date).days if milestone.is_overdue(today) else None


# Reads


@dataclass
class MilestoneRow:
    milestone: Milestone
    updates: list[MilestoneUpdate]  # newest first
    days_late: int | None


@dataclass
class DeliverPage:
    rows: list[MilestoneRow]
    overall: int | None
    overdue: int
    design: Design | None
    achievement: Decimal | None
    decreasing: bool
    today: dt.date


def deliver_page(team: Team) -> DeliverPage:
    """The action plan with every report and its evidence, and the figures (three queries)."""
    today = region_today(team.cohort.region)
    updates = MilestoneUpdate.objects.select_related("evidence", "reported_by").order_by(
        "-reported_on", "-id"
    )
    milestones = list(
        Milestone.objects.filter(team=team)
        .order_by("position")
        .prefetch_related(Prefetch("updates", queryset=updates))
    )
    rows = [MilestoneRow(m, list(m.updates.all()), days_late(m, today)) for m in milestones]
    design = Design.objects.filter(team=team).first()
    figures = Figures(design.baseline, design.target, design.actual) if design else Figures(None, None, None)
    return DeliverPage(
        rows=rows,
        overall=overall_percent(m.percent for m in milestones),
        overdue=sum(1 for row in rows if row.days_late is not None),
        design=design,
        achievement=achievement(figures),
        decreasing=figures.decreasing,
        today=today,
    )


@dataclass
class OverdueRow:
    milestone: Milestone
    days_late: int


@dataclass
class OverdueGroup:
    team: Team
    rows: list[OverdueRow]


def _overdue(cohort: Cohort, team_ids: Collection[int] | None, today: dt.date) -> QuerySet[Milestone]:
    found = Milestone.objects.filter(team__cohort=cohort, due_date__lt=today).exclude(
        status=MilestoneStatus.DONE
    )
    return found if team_ids is None else found.filter(team_id__in=list(team_ids))


def overdue_milestones(
    cohort: Cohort, team_ids: Collection[int] | None, today: dt.date | None = None
) -> list[OverdueGroup]:
    """Overdue milestones of these teams (None: all of the cohort's), grouped by team, in one query."""
    if team_ids is not None and not team_ids:
        return []
    today = today or region_today(cohort.region)
    milestones = (
        _overdue(cohort, team_ids, today)
        .select_related("team__unit", "team__coach")
        .order_by("team__name", "team_id", "due_date", "position")
    )
    groups: list[OverdueGroup] = []
    for milestone in milestones:
        if not groups or groups[-1].team.pk != milestone.team_id:
            groups.append(OverdueGroup(milestone.team, []))
        groups[-1].rows.append(OverdueRow(milestone, (today - milestone.due_date).days))
    return groups


def overdue_count_by_team(cohort: Cohort, today: dt.date | None = None) -> dict[int, int]:
    """How many overdue milestones each team of the cohort has, by team id (one query)."""
    today = today or region_today(cohort.region)
    counts = _overdue(cohort, None, today).values("team_id").annotate(n=Count("id")).order_by()
    return {row["team_id"]: row["n"] for row in counts}


# Services


def _check_progress(status: str, percent: int) -> dict[str, str]:
    if status not in MilestoneStatus.values:
        return {"status": _("Pilih status: Belum mulai, Berjalan, atau Selesai.")}
    if isinstance(percent, bool) or not isinstance(percent, int) or not 0 <= percent <= 100:
        return {"percent": _("Persen selesai harus bilangan bulat 0 sampai 100.")}
    if status == MilestoneStatus.DONE and percent != 100:
        return {
            "percent": _(
                "Status Selesai berarti 100%. Isi 100, atau pilih status Berjalan bila tonggak belum tuntas."
            )
        }
    if percent == 100 and status != MilestoneStatus.DONE:
        return {
            "status": _(
                "Kemajuan 100% berarti tonggak sudah selesai. Pilih status Selesai, "
                "atau kurangi persennya bila masih ada yang dikerjakan."
            )
        }
    if status == MilestoneStatus.PLANNED and percent != 0:
        return {
            "percent": _("Status Belum mulai berarti 0%. Pilih status Berjalan bila pekerjaan sudah dimulai.")
        }
    return {}


def _check_report_date(team: Team, reported_on: dt.date) -> dict[str, str]:
    if reported_on > region_today(team.cohort.region):
        return {"reported_on": _("Tanggal laporan tidak boleh di masa depan.")}
    start = (
        CohortStage.objects.filter(cohort_id=team.cohort_id, code=STAGE)
        .values_list("start_date", flat=True)
        .first()
    )
    if start is not None and reported_on < start:
        return {
            "reported_on": _("Tanggal laporan tidak boleh sebelum tahap Deliver dimulai (%(date)s).")
            % {"date": format_date(start)}
        }
    return {}


def _store_evidence(*, actor: User, milestone: Milestone, upload: UploadedFile) -> TeamFile:
    try:
        return gates.team_file_add(
            actor=actor,
            team=milestone.team,
            purpose=TeamFile.Purpose.EVIDENCE,
            upload=upload,
            caption=_("Bukti: %(what)s") % {"what": milestone.what},
        )
    except ValidationError as error:
        raise ValidationError({"evidence": error.messages}) from error


@transaction.atomic
def progress_report(
    *,
    actor: User,
    milestone: Milestone,
    status: str,
    percent: int,
    reported_on: dt.date,
    note: str,
    evidence_upload: UploadedFile | None = None,
) -> MilestoneUpdate:
    """Record a progress report on a milestone, with optional evidence, and bring the milestone up to date."""
    team = milestone.team
    gates.require_editable(actor=actor, team=team, stage=STAGE)
    errors = _check_progress(status, percent) | _check_report_date(team, reported_on)
    if errors:
        raise ValidationError(errors)
    evidence = (
        _store_evidence(actor=actor, milestone=milestone, upload=evidence_upload) if evidence_upload else None
    )
    # Locking the milestone keeps two reports sent at once from leaving it on the older one.
    Milestone.objects.select_for_update().filter(pk=milestone.pk).first()
    update = MilestoneUpdate.objects.create(
        milestone=milestone,
        status=status,
        percent=percent,
        reported_on=reported_on,
        note=note.strip(),
        evidence=evidence,
        reported_by=actor,
    )
    # A late-entered report about an earlier day must not override a newer one.
    latest = MilestoneUpdate.objects.filter(milestone=milestone).order_by("-reported_on", "-id").first()
    assert latest is not None
    milestone.status, milestone.percent = latest.status, latest.percent
    milestone.save(update_fields=["status", "percent", "updated_at"])
    return update


# Figures are stored with two decimals in at most fourteen digits.
MAX_FIGURE = Decimal("999999999999.99")


def _check_figures(values: dict[str, Decimal | None]) -> dict[str, str]:
    errors = {}
    for field, value in values.items():
        if value is None:
            continue
        if value < 0:
            errors[field] = _("Angka tidak boleh negatif.")
        elif value > MAX_FIGURE:
            errors[field] = _("Angka terlalu besar.")
    baseline, target = values["baseline"], values["target"]
    if "target" not in errors and baseline is not None and target is not None and target == baseline:
        errors["target"] = _(
            "Target harus berbeda dari nilai awal; bila sama, tidak ada perubahan yang direncanakan."
        )
    return errors


def _rounded(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@transaction.atomic
def figures_save(
    *,
    actor: User,
    team: Team,
    indicator_name: str,
    indicator_unit: str,
    baseline: Decimal | None,
    target: Decimal | None,
    actual: Decimal | None,
) -> Design:
    """Record the main indicator's figures before and after the innovation on the team's design."""
    gates.require_editable(actor=actor, team=team, stage=STAGE)
    design = Design.objects.select_for_update().filter(team=team).first()
    if design is None:
        raise ValidationError(
            _("Tim ini belum punya rancangan inovasi. Isi dulu rancangannya di tahap Design.")
        )
    name = " ".join(indicator_name.split())
    errors = _check_figures({"baseline": baseline, "target": target, "actual": actual})
    if not name:
        errors["indicator_name"] = _("Nama indikator wajib diisi, misalnya Waktu tunggu layanan.")
    if errors:
        raise ValidationError(errors)
    design.indicator_name, design.indicator_unit = name, " ".join(indicator_unit.split())
    design.baseline, design.target, design.actual = _rounded(baseline), _rounded(target), _rounded(actual)
    design.updated_by = actor
    design.save(
        update_fields=[
            "indicator_name",
            "indicator_unit",
            "baseline",
            "target",
            "actual",
            "updated_by",
            "updated_at",
        ]
    )
    return design
