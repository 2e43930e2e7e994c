"""Each region's cohorts for `lumbung stats`: three queries whatever the number of cohorts."""

from typing import Any

from django.db.models import Count, Prefetch, Q

from .models import Cohort, CohortStage, Mode, Participant

# The issue asks for `daring`, `luring` or both; both is written as the two joined.
MODE_LABELS = {Mode.ONLINE: "daring", Mode.IN_PERSON: "luring", Mode.BOTH: "daring+luring"}


def cohort_stats(region_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    cohorts = (
        Cohort.objects.filter(region_id__in=region_ids)
        .annotate(
            n_participants=Count(
                "participants", filter=Q(participants__role=Participant.Role.PARTICIPANT), distinct=True
            ),
            n_teams=Count("teams", distinct=True),
        )
        .prefetch_related(Prefetch("stages", queryset=CohortStage.objects.order_by("position")))
        .order_by("region_id", "year", "name")
    )
    result: dict[int, list[dict[str, Any]]] = {}
    for cohort in cohorts:
        result.setdefault(cohort.region_id, []).append(
            {
                "name": cohort.name,
                "year": cohort.year,
                "participants": cohort.n_participants,
                "teams": cohort.n_teams,
                "stages": [
                    {
                        "name": stage.name,
                        "start": stage.start_date.isoformat() if stage.start_date else None,
                        "end": stage.end_date.isoformat() if stage.end_date else None,
                        "mode": MODE_LABELS[Mode(stage.mode)],
                    }
                    for stage in cohort.stages.all()
                ],
            }
        )
    return result
