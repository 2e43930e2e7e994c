"""The organisers' cohort dashboard: every figure read in a fixed number of aggregate queries.

The figures are plain dataclasses, so the page, its XLSX and the tests read the same numbers.
"""

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from lumbung.accounts.models import Membership, Role
from lumbung.regions.models import Unit

from .diagnose import IdeaSummary, idea_summary
from .gates import EDITABLE, gate_states
from .models import (
    Attendance,
    ClinicAction,
    ClinicBooking,
    ClinicSlot,
    Cohort,
    CohortStage,
    Criterion,
    Entry,
    GateStatus,
    Milestone,
    MilestoneStatus,
    Participant,
    RankingPublication,
    Score,
    Session,
    StageState,
    StageWork,
    Team,
    region_today,
)


def percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


@dataclass(frozen=True)
class Bar:
    """One bar of a core.charts chart."""

    label: str
    value: int
    highlight: bool = False


# The funnel of teams through the six stages


@dataclass(frozen=True)
class FunnelRow:
    code: str
    name: str
    approved: int
    submitted: int
    in_progress: int  # the stage has begun and its gate is open for the team, work not yet submitted
    not_open: int  # the gate is still shut for the team, or the stage has not begun

    @property
    def teams(self) -> int:
        return self.approved + self.submitted + self.in_progress + self.not_open


def stage_funnel(
    *,
    stages: Sequence[CohortStage],
    statuses: Mapping[int, Mapping[str, str]],
    team_ids: Iterable[int],
    gated: bool,
    today: dt.date,
) -> list[FunnelRow]:
    """Count each team once per stage, by the gate rule of gates.gate_states.

    `statuses` maps a team id to its StageWork statuses by stage code; a stage without a row is a draft.
    """
    counts: dict[str, Counter[str]] = {stage.code: Counter() for stage in stages}
    for team_id in team_ids:
        works = statuses.get(team_id, {})
        gates = gate_states(stages, works, gated=gated)
        for stage, (gate_open, _blocked_by) in zip(stages, gates, strict=True):
            status = works.get(stage.code, GateStatus.DRAFT)
            if status in (GateStatus.APPROVED, GateStatus.SUBMITTED):
                bucket = status
            elif status in EDITABLE and gate_open and stage.state(today) != StageState.UPCOMING:
                bucket = "in_progress"
            else:
                bucket = "not_open"
            counts[stage.code][bucket] += 1
    return [
        FunnelRow(
            stage.code,
            stage.name,
            counts[stage.code][GateStatus.APPROVED],
            counts[stage.code][GateStatus.SUBMITTED],
            counts[stage.code]["in_progress"],
            counts[stage.code]["not_open"],
        )
        for stage in stages
    ]


def _funnel(cohort: Cohort, stages: Sequence[CohortStage], today: dt.date) -> tuple[int, list[FunnelRow]]:
    team_ids = list(Team.objects.filter(cohort=cohort).values_list("pk", flat=True))
    statuses: dict[int, dict[str, str]] = defaultdict(dict)
    for team_id, code, status in StageWork.objects.filter(team__cohort=cohort).values_list(
        "team_id", "stage", "status"
    ):
        statuses[team_id][code] = status
    rows = stage_funnel(stages=stages, statuses=statuses, team_ids=team_ids, gated=cohort.gated, today=today)
    return len(team_ids), rows


# Attendance: participant-sessions recorded present over enrolled participants × sessions held


@dataclass(frozen=True)
class RateRow:
    label: str
    people: int
    sessions: int
    attended: int

    @property
    def possible(self) -> int:
        return self.people * self.sessions

    @property
    def percent(self) -> float | None:
        return percent(self.attended, self.possible)


def _kind_label(kind: str | None) -> str:
    return str(Unit.Kind(kind).label) if kind else _("Tanpa unit")


def _kind_order(kind: str | None) -> int:
    kinds = list(Unit.Kind.values)
    return kinds.index(kind) if kind in kinds else len(kinds)


@dataclass(frozen=True)
class AttendanceRates:
    total: RateRow
    by_stage: list[RateRow]
    by_kind: list[RateRow]


def _attendance(cohort: Cohort, stages: Sequence[CohortStage], now: dt.datetime) -> AttendanceRates:
    # Only sessions that have begun count: a session next month is not an absence today.
    held = dict(
        Session.objects.filter(stage__cohort=cohort, starts_at__lte=now)
        .values("stage_id")
        .annotate(n=Count("id"))
        .values_list("stage_id", "n")
    )
    enrolled = dict(
        Participant.objects.filter(cohort=cohort, role=Participant.Role.PARTICIPANT)
        .values("unit__kind")
        .annotate(n=Count("id"))
        .values_list("unit__kind", "n")
    )
    present = Attendance.objects.filter(
        session__stage__cohort=cohort,
        session__starts_at__lte=now,
        participant__cohort=cohort,
        participant__role=Participant.Role.PARTICIPANT,
    )
    by_stage_present = dict(
        present.values("session__stage_id").annotate(n=Count("id")).values_list("session__stage_id", "n")
    )
    by_kind_present = dict(
        present.values("participant__unit__kind")
        .annotate(n=Count("id"))
        .values_list("participant__unit__kind", "n")
    )
    people, sessions = sum(enrolled.values()), sum(held.values())
    return AttendanceRates(
        total=RateRow(_("Seluruh angkatan"), people, sessions, sum(by_stage_present.values())),
        by_stage=[
            RateRow(stage.name, people, held.get(stage.pk, 0), by_stage_present.get(stage.pk, 0))
            for stage in stages
        ],
        by_kind=[
            RateRow(_kind_label(kind), count, sessions, by_kind_present.get(kind, 0))
            for kind, count in sorted(enrolled.items(), key=lambda item: _kind_order(item[0]))
        ],
    )


# Action plans, clinics and the jury


@dataclass(frozen=True)
class TeamMilestones:
    team: str
    total: int
    done: int
    overdue: int


@dataclass(frozen=True)
class MilestoneSummary:
    total: int
    done: int
    overdue: int
    by_team: list[TeamMilestones]  # only teams with an action plan


def _milestones(cohort: Cohort, today: dt.date) -> MilestoneSummary:
    per_team: dict[str, Counter[str]] = defaultdict(Counter)
    for milestone in (
        Milestone.objects.filter(team__cohort=cohort)
        .select_related("team")
        .only("status", "due_date", "team__name")
        .order_by("team__name", "position")
    ):
        counts = per_team[milestone.team.name]
        counts["total"] += 1
        counts["done"] += milestone.status == MilestoneStatus.DONE
        counts["overdue"] += milestone.is_overdue(today)
    rows = [TeamMilestones(name, c["total"], c["done"], c["overdue"]) for name, c in per_team.items()]
    return MilestoneSummary(
        sum(r.total for r in rows), sum(r.done for r in rows), sum(r.overdue for r in rows), rows
    )


@dataclass(frozen=True)
class ClinicUsage:
    slots: int
    places: int  # the slots' capacities added up
    bookings: int  # not cancelled
    cancelled: int
    held: int  # bookings with a clinic record
    actions: int
    open_actions: int  # not yet found done
    overdue_actions: int  # not done and past their due date


def _clinic(cohort: Cohort, today: dt.date) -> ClinicUsage:
    slots = ClinicSlot.objects.filter(cohort=cohort).aggregate(n=Count("id"), places=Sum("capacity"))
    booked = Q(status=ClinicBooking.Status.BOOKED)
    bookings = ClinicBooking.objects.filter(slot__cohort=cohort).aggregate(
        booked=Count("id", filter=booked),
        cancelled=Count("id", filter=Q(status=ClinicBooking.Status.CANCELLED)),
        held=Count("id", filter=booked & Q(record__isnull=False)),
    )
    not_done = ~Q(status=ClinicAction.Status.DONE)
    actions = ClinicAction.objects.filter(record__booking__slot__cohort=cohort).aggregate(
        total=Count("id"),
        open=Count("id", filter=not_done),
        overdue=Count("id", filter=not_done & Q(due_date__lt=today)),
    )
    return ClinicUsage(
        slots=slots["n"],
        places=slots["places"] or 0,
        bookings=bookings["booked"],
        cancelled=bookings["cancelled"],
        held=bookings["held"],
        actions=actions["total"],
        open_actions=actions["open"],
        overdue_actions=actions["overdue"],
    )


@dataclass(frozen=True)
class JuryProgress:
    jurors: int
    entries: int
    criteria: int
    scores: int  # entered by the region's current jurors
    publication: RankingPublication | None

    @property
    def expected(self) -> int:
        return self.jurors * self.entries * self.criteria

    @property
    def percent(self) -> float | None:
        return percent(self.scores, self.expected)

    @property
    def published(self) -> bool:
        return self.publication is not None


def _jury(cohort: Cohort) -> JuryProgress:
    # Jurors are the region's members with the jury role (jury_services.is_juror).
    jurors = Membership.objects.filter(region_id=cohort.region_id, role=Role.JURY, is_active=True)
    juror_ids = jurors.values("user_id")
    return JuryProgress(
        jurors=jurors.values("user_id").distinct().count(),
        entries=Entry.objects.filter(team__cohort=cohort).count(),
        # Read only: jury_services.criteria_for would create the default rubric, and a report writes nothing.
        criteria=Criterion.objects.filter(cohort=cohort).count(),
        scores=Score.objects.filter(
            entry__team__cohort=cohort, criterion__cohort=cohort, juror_id__in=juror_ids
        ).count(),
        publication=RankingPublication.objects.filter(cohort=cohort).first(),
    )


# The whole dashboard


@dataclass(frozen=True)
class Dashboard:
    cohort: Cohort
    today: dt.date
    teams: int
    participants: int
    funnel: list[FunnelRow]
    attendance: AttendanceRates
    ideas: IdeaSummary
    milestones: MilestoneSummary
    clinic: ClinicUsage
    jury: JuryProgress

    @property
    def funnel_bars(self) -> list[Bar]:
        return [Bar(row.name, row.approved) for row in self.funnel]

    @property
    def attendance_bars(self) -> list[Bar]:
        return [Bar(row.label, round(row.percent or 0)) for row in self.attendance.by_stage]


def cohort_dashboard(cohort: Cohort, *, now: dt.datetime | None = None) -> Dashboard:
    """Every figure of the dashboard; the number of queries does not grow with the cohort."""
    now = now or timezone.now()
    today = region_today(cohort.region)
    stages = list(CohortStage.objects.filter(cohort=cohort).order_by("position"))
    teams, funnel = _funnel(cohort, stages, today)
    attendance = _attendance(cohort, stages, now)
    return Dashboard(
        cohort=cohort,
        today=today,
        teams=teams,
        participants=attendance.total.people,
        funnel=funnel,
        attendance=attendance,
        ideas=idea_summary(cohort),
        milestones=_milestones(cohort, today),
        clinic=_clinic(cohort, today),
        jury=_jury(cohort),
    )
