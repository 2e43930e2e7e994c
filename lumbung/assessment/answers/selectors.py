"""Reads for the answer pages, each in a fixed number of queries whatever the number of indicators."""

from dataclasses import dataclass, field
from typing import Any, cast

from django.db.models import Count, Prefetch, Q, QuerySet

from lumbung.accounts.access import AnyUser
from lumbung.innovations.models import InnovationVersion
from lumbung.regions.models import Region

from .. import access
from ..models import Answer, Aspect, Basis, Edition, Evidence, Indicator, Option, VerificationState


@dataclass
class OptionGroup:
    """The options of an indicator, or of one of its measurement bases (indicator 33)."""

    basis: Basis | None
    options: list[Option]


@dataclass
class IndicatorRow:
    indicator: Indicator
    groups: list[OptionGroup]
    answer: Answer | None
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def has_bases(self) -> bool:
        return any(g.basis is not None for g in self.groups)

    @property
    def chosen_text(self) -> str:
        """The text of the chosen option, "" for no answer or level 0."""
        if self.answer is None or self.answer.level == 0:
            return ""
        for group in self.groups:
            if group.basis is None or group.basis.pk == self.answer.basis_id:
                for option in group.options:
                    if option.level == self.answer.level:
                        return option.text
        return ""


@dataclass
class Progress:
    total: int = 0
    answered: int = 0
    with_evidence: int = 0
    verified: int = 0
    rejected: int = 0


@dataclass
class VersionProgress:
    version: InnovationVersion
    progress: Progress


@dataclass
class RegionOverview:
    spd: Progress
    versions: list[VersionProgress]


def _groups(indicator: Indicator) -> list[OptionGroup]:
    options = list(indicator.options.all())
    bases = list(indicator.bases.all())
    if not bases:
        return [OptionGroup(None, [o for o in options if o.basis_id is None])]
    return [OptionGroup(b, [o for o in options if o.basis_id == b.pk]) for b in bases]


def _indicators(edition: Edition, aspect: str) -> list[Indicator]:
    return list(
        edition.indicators.filter(aspect=aspect)
        .order_by("position")
        .prefetch_related("bases", Prefetch("options", queryset=Option.objects.order_by("basis_id", "level")))
    )


def _answers(edition: Edition, region: Region, version: InnovationVersion | None) -> QuerySet[Answer]:
    answers = Answer.objects.filter(edition=edition, region=region)
    answers = answers.filter(version=version) if version is not None else answers.filter(version__isnull=True)
    return answers.select_related("basis", "answered_by", "verified_by").prefetch_related(
        Prefetch("evidence", queryset=Evidence.objects.select_related("uploaded_by").order_by("id"))
    )


def indicator_rows(edition: Edition, region: Region, version: InnovationVersion | None) -> list[IndicatorRow]:
    """Every SPD indicator (no version) or every SID indicator of one innovation, with its answer."""
    aspect = Aspect.SPD if version is None else Aspect.SID
    answers = {a.indicator_id: a for a in _answers(edition, region, version)}
    rows = []
    for indicator in _indicators(edition, aspect):
        answer = answers.get(indicator.pk)
        if answer is not None:
            answer.indicator = indicator  # already loaded: spares a query per row in templates
        evidence = list(answer.evidence.all()) if answer else []
        rows.append(IndicatorRow(indicator, _groups(indicator), answer, evidence))
    return rows


def _progress_counts() -> dict[str, Count]:
    return {
        "answered": Count("id", distinct=True),
        "with_evidence": Count("id", filter=Q(evidence__isnull=False), distinct=True),
        "verified": Count("id", filter=Q(verification=VerificationState.VERIFIED), distinct=True),
        "rejected": Count("id", filter=Q(verification=VerificationState.REJECTED), distinct=True),
    }


def region_overview(edition: Edition, region: Region) -> RegionOverview:
    """SPD progress and, for every innovation version of the edition's year, its SID progress."""
    totals = edition.indicators.aggregate(
        spd=Count("id", filter=Q(aspect=Aspect.SPD)), sid=Count("id", filter=Q(aspect=Aspect.SID))
    )
    counts: dict[int | None, Progress] = {}
    rows = (
        Answer.objects.filter(edition=edition, region=region)
        .values("version")
        .annotate(**_progress_counts())
        .order_by()
    )
    for row in rows:
        data = cast(dict[str, Any], row)
        counts[data["version"]] = Progress(
            0, data["answered"], data["with_evidence"], data["verified"], data["rejected"]
        )

    def progress(version_id: int | None, total: int) -> Progress:
        found = counts.get(version_id) or Progress()
        found.total = total
        return found

    versions = (
        InnovationVersion.objects.filter(region=region, year=edition.year)
        .select_related("innovation__unit")
        .order_by("name", "id")
    )
    return RegionOverview(
        spd=progress(None, totals["spd"]),
        versions=[VersionProgress(v, progress(v.pk, totals["sid"])) for v in versions],
    )


@dataclass
class QueueItem:
    answer: Answer
    chosen_text: str
    evidence: list[Evidence]
    own: bool  # the user changed it last and may not verify it


def verification_queue(user: AnyUser, edition: Edition, region: Region) -> list[QueueItem]:
    """Answers of the region awaiting verification that the user may judge, SPD first, then by innovation."""
    condition = access.verifiable_q(user, region)
    if condition is None:
        return []
    answers = (
        Answer.objects.filter(condition, edition=edition, verification=VerificationState.UNVERIFIED)
        .select_related("indicator", "basis", "region", "answered_by", "version__innovation__unit")
        .prefetch_related(
            Prefetch("evidence", queryset=Evidence.objects.select_related("uploaded_by").order_by("id"))
        )
        .order_by("version__name", "version_id", "indicator__position")
    )
    texts = {
        (o.indicator_id, o.basis_id, o.level): o.text
        for o in Option.objects.filter(indicator__edition=edition)
    }
    items = []
    for answer in answers:
        text = texts.get((answer.indicator_id, answer.basis_id, answer.level), "")
        own = answer.answered_by_id == getattr(user, "pk", None)
        items.append(QueueItem(answer, text, list(answer.evidence.all()), own))
    # SPD answers (no version) first; the database puts nulls first or last depending on the engine.
    items.sort(key=lambda item: item.answer.version_id is not None)
    return items
