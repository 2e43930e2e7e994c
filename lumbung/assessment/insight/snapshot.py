"""Everything the region's index pages need, read once: both projections, their results, and the facts
(versions, verification states, urusan names) that readiness and improvements explain them with.

A fixed number of queries whatever the number of innovations; every gain is then computed in memory
against the one base `Result` of each projection.
"""

import datetime as dt
from dataclasses import dataclass, replace
from functools import cached_property

from django.db.models import F

from lumbung.innovations.models import InnovationVersion, Status
from lumbung.regions.models import Region, Urusan

from .. import projections
from ..calculator import AnswerInput, IndicatorRule, InnovationInput, Result, Rules, compute
from ..models import Answer, Edition, Projection

Inputs = projections.Inputs


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """The facts of an innovation's report that decide its eligibility, and how to name it."""

    pk: int
    name: str
    status: str
    unit: str
    design_words: int
    implementation_date: dt.date | None
    developed: bool  # developed_since is filled in: a development in the window makes it eligible

    @property
    def reported(self) -> bool:
        return self.status != Status.DRAFT

    @property
    def approved(self) -> bool:
        return self.status in projections.VERIFIED_STATUSES

    def get_status_display(self) -> str:
        return str(Status(self.status).label)


@dataclass(frozen=True)
class Snapshot:
    region: Region
    edition: Edition
    rules: Rules
    indicators: tuple[IndicatorRule, ...]
    claimed: Inputs
    verified: Inputs
    claimed_result: Result
    verified_result: Result
    versions: dict[int, VersionInfo]  # every version of the year, drafts included, by name
    states: dict[int, str]  # answer id → verification state
    urusan_names: dict[int, str]  # the basic-service urusan

    def indicator(self, number: str) -> IndicatorRule:
        return self._by_number[number]

    @cached_property
    def _by_number(self) -> dict[str, IndicatorRule]:
        return {rule.number: rule for rule in self.indicators}

    def result(self, projection: str) -> Result:
        return self.claimed_result if projection == Projection.CLAIMED else self.verified_result

    def innovation_name(self, key: int | None) -> str:
        if key is None:
            return ""
        found = self.versions.get(key)
        return found.name if found else ""


def snapshot_for(region: Region, edition: Edition) -> Snapshot:
    """Read the region's answers for the edition and score both projections (about ten queries)."""
    rules, indicators = projections.rules_for(edition), projections.indicators_for(edition)
    claimed = projections.inputs_for(region, edition, Projection.CLAIMED)
    verified = projections.inputs_for(region, edition, Projection.VERIFIED)
    return Snapshot(
        region=region,
        edition=edition,
        rules=rules,
        indicators=indicators,
        claimed=claimed,
        verified=verified,
        claimed_result=compute(rules, indicators, *claimed),
        verified_result=compute(rules, indicators, *verified),
        versions=_versions(region, edition.year),
        states=dict(
            Answer.objects.filter(region=region, edition=edition).order_by().values_list("id", "verification")
        ),
        urusan_names=dict(Urusan.objects.filter(pk__in=rules.basic_service_urusan).values_list("id", "name")),
    )


def _versions(region: Region, year: int) -> dict[int, VersionInfo]:
    rows = (
        InnovationVersion.objects.filter(region=region, year=year)
        .annotate(unit_name=F("innovation__unit__name"))
        .order_by("name", "id")
        .values_list("id", "name", "status", "unit_name", "design", "implementation_date", "developed_since")
    )
    return {
        pk: VersionInfo(pk, name, status, unit, len(design.split()), implemented, bool(developed.strip()))
        for pk, name, status, unit, design, implemented, developed in rows
    }


def with_verified_flags(snapshot: Snapshot, innovation: InnovationInput) -> InnovationInput:
    """A claimed innovation as the verified projection would read it once the version is approved."""
    answers = tuple(
        AnswerInput(
            a.indicator,
            a.level,
            a.has_evidence,
            snapshot.states.get(a.answer_id or 0) == projections.VERIFIED,
            a.answer_id,
        )
        for a in innovation.answers
    )
    return replace(innovation, answers=answers)
