"""Stage gates: a team submits each stage's work, its coach (or the admin) approves or returns it,
and the team's next stage opens once the previous one is approved. Every move is a history row.

Other stage modules call `require_editable` before they change a team's work, so the same rules
(dates, gate, a submission waiting for review) hold on every page and in every service.
"""

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lumbung.accounts.access import AnyUser
from lumbung.accounts.models import Membership, Role, User
from lumbung.core.files import JPEG, PNG, check_upload, delete_after_commit
from lumbung.core.formatting import format_date
from lumbung.notifications.models import Kind
from lumbung.notifications.services import notify

from .access import can_manage
from .models import (
    CohortStage,
    Commitment,
    Design,
    Entry,
    GateStatus,
    Idea,
    Milestone,
    Participant,
    Problem,
    ReadinessAnswer,
    StageMove,
    StageState,
    StageWork,
    Team,
    TeamFile,
    region_today,
)
from .stages import STAGE_BY_CODE, STAGES

EDITABLE = (GateStatus.DRAFT, GateStatus.RETURNED)


# Reading where a team stands


@dataclass(frozen=True)
class TeamStage:
    """One stage as one team sees it today."""

    stage: CohortStage
    work: StageWork | None
    date_state: str  # StageState of the cohort's stage by its dates
    gate_open: bool  # the previous stage is approved, or the cohort is not gated
    blocked_by: str  # the name of the stage whose approval is awaited, when the gate is shut

    @property
    def status(self) -> str:
        return self.work.status if self.work else GateStatus.DRAFT

    @property
    def is_open(self) -> bool:
        return self.gate_open and self.date_state == StageState.OPEN

    @property
    def is_editable(self) -> bool:
        return self.is_open and self.status in EDITABLE

    def get_status_display(self) -> str:
        return str(GateStatus(self.status).label)


def team_stages(team: Team, today: dt.date | None = None) -> list[TeamStage]:
    """The six stages for this team, in order, with their gate and date states (two queries)."""
    cohort = team.cohort
    today = today or region_today(cohort.region)
    stages = list(CohortStage.objects.filter(cohort=cohort).order_by("position"))
    works = {work.stage: work for work in StageWork.objects.filter(team=team)}
    gates = gate_states(stages, {code: work.status for code, work in works.items()}, gated=cohort.gated)
    return [
        TeamStage(stage, works.get(stage.code), stage.state(today), gate_open, blocked_by)
        for stage, (gate_open, blocked_by) in zip(stages, gates, strict=True)
    ]


def gate_states(
    stages: Sequence[CohortStage], statuses: Mapping[str, str], *, gated: bool
) -> list[tuple[bool, str]]:
    """For each stage in order, whether its gate is open for a team with these statuses (by stage code),
    and the name of the stage whose approval it waits for when it is shut. The one place of the rule."""
    result: list[tuple[bool, str]] = []
    previous: CohortStage | None = None
    for stage in stages:
        if not gated or previous is None or statuses.get(previous.code) == GateStatus.APPROVED:
            result.append((True, ""))
        else:
            result.append((False, previous.name))
        previous = stage
    return result


def team_stage(team: Team, code: str, today: dt.date | None = None) -> TeamStage:
    for item in team_stages(team, today):
        if item.stage.code == code:
            return item
    raise ValueError(f"Unknown stage {code!r}")


@dataclass(frozen=True)
class TeamProgress:
    """Where a team is: the first stage it has not had approved, and that stage's status."""

    stage_name: str
    status: str  # a GateStatus; "approved" only once every stage is approved

    def get_status_display(self) -> str:
        return str(GateStatus(self.status).label)


def progress_by_team(team_ids: Iterable[int]) -> dict[int, TeamProgress]:
    """Each team's current stage, in one query."""
    works: dict[int, dict[str, str]] = {}
    for team_id, stage, status in StageWork.objects.filter(team_id__in=list(team_ids)).values_list(
        "team_id", "stage", "status"
    ):
        works.setdefault(team_id, {})[stage] = status
    result = {}
    for team_id in team_ids:
        statuses = works.get(team_id, {})
        current = next((s for s in STAGES if statuses.get(s.code) != GateStatus.APPROVED), None)
        if current is None:
            result[team_id] = TeamProgress(STAGES[-1].name, GateStatus.APPROVED)
        else:
            result[team_id] = TeamProgress(current.name, statuses.get(current.code, GateStatus.DRAFT))
    return result


def _closed_message(item: TeamStage) -> str:
    if item.date_state == StageState.UPCOMING:
        if item.stage.start_date:
            return _("Tahap %(stage)s baru dibuka pada %(date)s.") % {
                "stage": item.stage.name,
                "date": format_date(item.stage.start_date),
            }
        return _("Tahap %(stage)s belum dijadwalkan.") % {"stage": item.stage.name}
    if item.date_state == StageState.CLOSED:
        return _("Tahap %(stage)s sudah ditutup pada %(date)s; minta admin membukanya kembali.") % {
            "stage": item.stage.name,
            "date": format_date(item.stage.reopened_until or item.stage.end_date),
        }
    return _("Tahap %(stage)s belum terbuka untuk tim ini: tahap %(previous)s belum disetujui.") % {
        "stage": item.stage.name,
        "previous": item.blocked_by,
    }


def require_editable(*, actor: AnyUser, team: Team, stage: str) -> None:
    """Refuse a change to this stage's work unless the stage is open for the team and not under review.

    The region's admin may correct work at any time, as the organiser of the cohort.
    """
    if can_manage(actor, team.cohort):
        return
    item = team_stage(team, stage)
    if not item.is_open:
        raise ValidationError(_closed_message(item))
    if item.status == GateStatus.SUBMITTED:
        raise ValidationError(
            _("Pekerjaan tahap %(stage)s sedang menunggu persetujuan dan tidak bisa diubah.")
            % {"stage": item.stage.name}
        )
    if item.status == GateStatus.APPROVED:
        raise ValidationError(
            _("Pekerjaan tahap %(stage)s sudah disetujui dan tidak bisa diubah lagi.")
            % {"stage": item.stage.name}
        )


# What each stage needs before it can be submitted; each check returns what is missing, or "".


def _drum_up_missing(team: Team) -> str:
    if not Commitment.objects.filter(team=team).exists():
        return _("Catat dulu komitmen pimpinan unit.")
    return ""


def _diagnose_missing(team: Team) -> str:
    if not ReadinessAnswer.objects.filter(team=team).exists():
        return _("Isi dulu diagnosis kesiapan berinovasi.")
    if not Problem.objects.filter(team=team).exists():
        return _("Catat dulu paling sedikit satu masalah.")
    if not Idea.objects.filter(team=team, chosen=True).exists():
        return _("Pilih dulu satu gagasan untuk dirancang.")
    return ""


def _design_missing(team: Team) -> str:
    if not Design.objects.filter(team=team).exists():
        return _("Isi dulu rancangan inovasi.")
    if not Milestone.objects.filter(team=team).exists():
        return _("Susun dulu rencana aksi (paling sedikit satu tonggak).")
    return ""


def _deliver_missing(team: Team) -> str:
    if Milestone.objects.filter(team=team, updates__isnull=True).exists():
        return _("Laporkan kemajuan setiap tonggak rencana aksi.")
    return ""


def _display_missing(team: Team) -> str:
    if not Entry.objects.filter(team=team).exists():
        return _("Isi dulu bahan pameran tim.")
    return ""


SUBMIT_CHECKS: dict[str, Callable[[Team], str]] = {
    "drum_up": _drum_up_missing,
    "diagnose": _diagnose_missing,
    "design": _design_missing,
    "deliver": _deliver_missing,
    "display": _display_missing,
}


# Moves


def can_review(user: AnyUser, team: Team, stage: str) -> bool:
    """The team's coach for the stages a coach signs off; the region's admin always."""
    if can_manage(user, team.cohort):
        return True
    return (
        STAGE_BY_CODE[stage].signed_off_by == "coach" and user.is_authenticated and team.coach_id == user.pk
    )


def _move(*, work: StageWork, to_status: str, from_statuses: Iterable[str], actor: User, note: str) -> None:
    """Move with a conditional update, so two people acting at once cannot both succeed."""
    now = timezone.now()
    fields: dict[str, object] = {"status": to_status}
    if to_status == GateStatus.SUBMITTED:
        fields["submitted_at"] = now
    else:
        fields.update(decided_at=now, decided_by=actor, note=note)
    previous = work.status
    moved = StageWork.objects.filter(pk=work.pk, status__in=list(from_statuses)).update(**fields)
    if not moved:
        raise ValidationError(
            _("Status pekerjaan tahap ini baru saja diubah orang lain; muat ulang halaman.")
        )
    StageMove.objects.create(
        work=work, from_status=previous, to_status=to_status, actor=actor, note=note, at=now
    )
    work.refresh_from_db()


def _team_people(team: Team) -> list[User]:
    return [p.user for p in Participant.objects.filter(team=team).select_related("user")]


def _reviewers(team: Team, stage: str) -> list[User]:
    if STAGE_BY_CODE[stage].signed_off_by == "coach" and team.coach is not None:
        return [team.coach]
    admins = Membership.objects.filter(region=team.cohort.region, role=Role.ADMIN, is_active=True)
    return [m.user for m in admins.select_related("user")]


def _notify(
    *, recipients: list[User], event: str, team: Team, stage: str, actor: User, note: str = ""
) -> None:
    url = reverse("labs:team_detail", args=[team.cohort_id, team.pk])
    context = {"event": event, "team": team.name, "stage": STAGE_BY_CODE[stage].name, "note": note}
    notify(
        recipients=recipients, kind=Kind.LAB, context=context, url=url, region=team.cohort.region, actor=actor
    )


@transaction.atomic
def stage_submit(*, actor: User, team: Team, stage: str) -> StageWork:
    """Submit a stage's work for review; refused when late, shut by the gate, incomplete or already in."""
    item = team_stage(team, stage)
    if item.status == GateStatus.SUBMITTED:
        raise ValidationError(_("Pekerjaan tahap %(stage)s sudah diajukan.") % {"stage": item.stage.name})
    if item.status == GateStatus.APPROVED:
        raise ValidationError(_("Pekerjaan tahap %(stage)s sudah disetujui.") % {"stage": item.stage.name})
    if not item.is_open:
        raise ValidationError(_closed_message(item))
    check = SUBMIT_CHECKS.get(stage)
    missing = check(team) if check else ""
    if missing:
        raise ValidationError(missing)
    work, _created = StageWork.objects.get_or_create(team=team, stage=stage)
    _move(work=work, to_status=GateStatus.SUBMITTED, from_statuses=EDITABLE, actor=actor, note="")
    _notify(recipients=_reviewers(team, stage), event="submitted", team=team, stage=stage, actor=actor)
    return work


def _decide(*, actor: User, team: Team, stage: str, to_status: str, note: str) -> StageWork:
    if not can_review(actor, team, stage):
        raise PermissionDenied
    work = StageWork.objects.filter(team=team, stage=stage).first()
    if work is None or work.status != GateStatus.SUBMITTED:
        raise ValidationError(_("Tidak ada pekerjaan tahap ini yang menunggu persetujuan."))
    _move(work=work, to_status=to_status, from_statuses=[GateStatus.SUBMITTED], actor=actor, note=note)
    event = "approved" if to_status == GateStatus.APPROVED else "returned"
    _notify(recipients=_team_people(team), event=event, team=team, stage=stage, actor=actor, note=note)
    return work


@transaction.atomic
def stage_approve(*, actor: User, team: Team, stage: str, note: str = "") -> StageWork:
    return _decide(actor=actor, team=team, stage=stage, to_status=GateStatus.APPROVED, note=note.strip())


@transaction.atomic
def stage_return(*, actor: User, team: Team, stage: str, note: str) -> StageWork:
    """Return the work with notes for the team to act on; the notes are required."""
    if not note.strip():
        raise ValidationError({"note": _("Tuliskan catatan agar tim tahu apa yang harus diperbaiki.")})
    return _decide(actor=actor, team=team, stage=stage, to_status=GateStatus.RETURNED, note=note.strip())


def history(team: Team) -> list[StageMove]:
    return list(
        StageMove.objects.filter(work__team=team).select_related("work", "actor").order_by("-at", "-id")
    )


def pending_reviews(user: AnyUser, teams: Iterable[Team]) -> list[StageWork]:
    """Submitted work the user may approve, among these teams, oldest first."""
    by_id = {team.pk: team for team in teams}
    works = StageWork.objects.filter(team_id__in=by_id, status=GateStatus.SUBMITTED).order_by("submitted_at")
    pending = []
    for work in works:
        work.team = by_id[work.team_id]
        if can_review(user, work.team, work.stage):
            pending.append(work)
    return pending


# Team files: letters, evidence, posters and photos, checked by content like every upload


@transaction.atomic
def team_file_add(
    *,
    actor: User,
    team: Team,
    purpose: str,
    upload: UploadedFile,
    caption: str = "",
    images_only: bool = False,
) -> TeamFile:
    """Store an upload for a team; raises ValidationError({"file": ...}) for a bad file."""
    try:
        checked = check_upload(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    if images_only and checked.file_type not in (JPEG, PNG):
        raise ValidationError({"file": _("Unggah gambar JPEG atau PNG.")})
    stored = TeamFile(
        team=team,
        purpose=purpose,
        caption=" ".join(caption.split())[:200],
        original_name=(upload.name or "berkas")[:255],
        content_type=checked.file_type.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=actor,
    )
    stored.file.save((upload.name or "berkas")[-80:], upload, save=False)
    stored.save()
    return stored


def team_file_remove(*, stored: TeamFile) -> None:
    """Remove the row and, once that is committed, its file."""
    file = stored.file
    stored.delete()
    delete_after_commit(file)
