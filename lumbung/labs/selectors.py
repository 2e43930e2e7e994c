"""Reads of the lab that need more than one query."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q

from .models import Cohort, CohortStage, Participant, Session, Team, region_today


@dataclass
class StageRow:
    stage: CohortStage
    state: str
    sessions: list[Session]


@dataclass
class CohortPage:
    cohort: Cohort
    state: str
    stages: list[StageRow]
    teams: Sequence[Team]
    participants: int
    coaches: int


def cohort_page(cohort: Cohort) -> CohortPage:
    """The stages in order with their sessions, the teams with their sizes, and head counts."""
    sessions = Session.objects.prefetch_related("materials")
    stages = list(
        CohortStage.objects.filter(cohort=cohort)
        .order_by("position")
        .prefetch_related(Prefetch("sessions", queryset=sessions))
    )
    today = region_today(cohort.region)
    teams = list(
        Team.objects.filter(cohort=cohort)
        .select_related("unit", "leader__user", "coach")
        .annotate(size=Count("members"))
        .order_by("name")
    )
    counts = Participant.objects.filter(cohort=cohort).aggregate(
        participants=Count("id", filter=Q(role=Participant.Role.PARTICIPANT)),
        coaches=Count("id", filter=Q(role=Participant.Role.COACH)),
    )
    return CohortPage(
        cohort=cohort,
        state=cohort.state(stages, today),
        stages=[StageRow(stage, stage.state(today), list(stage.sessions.all())) for stage in stages],
        teams=teams,
        participants=counts["participants"],
        coaches=counts["coaches"],
    )
