"""The calculator's inputs read from the database, for either projection, and the stored scores.

CLAIMED: every non-draft version of the region for the edition's year, answers as given (an answer
counts with at least one piece of evidence). VERIFIED: only approved versions (disetujui, siap kirim,
terkirim), only answers the verifier marked terverifikasi that have evidence. Reads take a constant
number of queries per call (and per chunk of regions in `score_all`), whatever the innovations.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef

from lumbung.innovations.models import InnovationVersion, Status
from lumbung.regions.models import Region, Urusan

from .calculator import (
    AnswerInput,
    IndicatorRule,
    InnovationInput,
    Result,
    Rules,
    compute,
    two,
)
from .models import Answer, Edition, Evidence, Indicator, Projection, Score, VerificationState

VERIFIED_STATUSES = (Status.APPROVED, Status.READY, Status.SENT)
VERIFIED = VerificationState.VERIFIED.value  # a plain str: compared once per answer
# Regions read and scored together by score_all: big enough to amortise the queries, small enough that
# one chunk's answers (~70 innovations × 20 rows per region) stay modest in memory.
CHUNK_REGIONS = 40

Inputs = tuple[tuple[AnswerInput, ...], tuple[InnovationInput, ...]]


def rules_for(edition: Edition) -> Rules:
    """The edition's rules; the basic-service urusan are the Urusan rows of category wajib_dasar."""
    basic = Urusan.objects.filter(category=Urusan.Category.BASIC_SERVICE).order_by("position", "id")
    return Rules(
        max_total=edition.max_total,
        divisor_floor=edition.divisor_floor,
        quantity_factor=edition.quantity_factor,
        quantity_cap=edition.quantity_cap,
        coverage_required=edition.coverage_required,
        coverage_counts_other_urusan=edition.coverage_counts_other_urusan,
        very_innovative_min=edition.very_innovative_min,
        innovative_min=edition.innovative_min,
        basic_service_urusan=tuple(basic.values_list("id", flat=True)),
    )


def indicators_for(edition: Edition) -> tuple[IndicatorRule, ...]:
    rows = edition.indicators.order_by("position").values_list(
        "number", "aspect", "weight", "mandatory", "name"
    )
    return tuple(IndicatorRule(*row) for row in rows)


def inputs_for(region: Region, edition: Edition, projection: str) -> Inputs:
    """The region's SPD answers and reported innovations for the projection (three queries)."""
    return _read([region.pk], edition, _projection(projection)).get(region.pk, ((), ()))


def score_region(region: Region, edition: Edition, projection: str) -> Result:
    spd, innovations = inputs_for(region, edition, projection)
    return compute(rules_for(edition), indicators_for(edition), spd, innovations)


def score_save(*, region: Region, edition: Edition, projection: str, result: Result) -> Score:
    """Store a computed result as the region's score for the edition and projection."""
    score, _created = Score.objects.update_or_create(
        region=region,
        edition=edition,
        projection=_projection(projection),
        defaults=_score_fields(result),
    )
    return score


def score_store(*, region: Region, edition: Edition, projection: str) -> Score:
    """Recompute the region's index from its answers and store it with the edition used."""
    result = score_region(region, edition, projection)
    return score_save(region=region, edition=edition, projection=projection, result=result)


def score_all(edition: Edition, projection: str, progress: Callable[[int, int], None] | None = None) -> int:
    """Recompute and store the index of every region (not the nation) and return how many.

    Regions are read in chunks: a handful of queries per chunk, one bulk upsert of the scores.
    `progress(done, total)` is called after each chunk.
    """
    projection = _projection(projection)
    rules, indicators = rules_for(edition), indicators_for(edition)
    region_ids = list(
        Region.objects.exclude(kind=Region.Kind.NATION).order_by("id").values_list("id", flat=True)
    )
    for start in range(0, len(region_ids), CHUNK_REGIONS):
        chunk = region_ids[start : start + CHUNK_REGIONS]
        inputs = _read(chunk, edition, projection)
        scores = [
            Score(
                region_id=region_id,
                edition=edition,
                projection=projection,
                **_score_fields(compute(rules, indicators, *inputs.get(region_id, ((), ())))),
            )
            for region_id in chunk
        ]
        with transaction.atomic():
            Score.objects.bulk_create(
                scores,
                update_conflicts=True,
                unique_fields=["region", "edition", "projection"],
                update_fields=[*_SCORE_FIELDS, "computed_at"],
            )
        if progress:
            progress(min(start + CHUNK_REGIONS, len(region_ids)), len(region_ids))
    return len(region_ids)


_SCORE_FIELDS = ("innovations", "spd", "sid", "quantity_score", "total", "iid", "category")


def _score_fields(result: Result) -> dict[str, Any]:
    # The stored sid includes the quantity score, as the national portal reports it.
    return {
        "innovations": result.n,
        "spd": two(result.spd),
        "sid": two(result.sid),
        "quantity_score": two(result.quantity_score),
        "total": two(result.total),
        "iid": result.iid,
        "category": result.category.value,
    }


def _projection(value: str) -> Projection:
    if value not in Projection.values:
        raise ValueError(f"Unknown projection {value!r}: use claimed or verified.")
    return Projection(value)


@dataclass
class _Version:
    region_id: int
    name: str
    main_urusan: int | None
    other_urusan: list[int] = field(default_factory=list)
    answers: list[AnswerInput] = field(default_factory=list)


def _read(region_ids: Sequence[int], edition: Edition, projection: Projection) -> dict[int, Inputs]:
    """Read versions, their urusan irisan and all answers of the regions: three queries."""
    versions = InnovationVersion.objects.filter(region_id__in=region_ids, year=edition.year)
    if projection == Projection.VERIFIED:
        versions = versions.filter(status__in=VERIFIED_STATUSES)
    else:
        versions = versions.exclude(status=Status.DRAFT)
    by_id = {
        pk: _Version(region_id, name, main)
        for pk, region_id, name, main in versions.order_by("name", "id").values_list(
            "id", "region_id", "name", "main_urusan_id"
        )
    }
    through = InnovationVersion.other_urusan.through.objects.filter(
        innovationversion__region_id__in=region_ids, innovationversion__year=edition.year
    )
    for pk, urusan_id in through.order_by("urusan_id").values_list("innovationversion_id", "urusan_id"):
        if pk in by_id:
            by_id[pk].other_urusan.append(urusan_id)
    spd: dict[int, list[AnswerInput]] = defaultdict(list)
    # The hottest loop of a national recompute (one pass per answer): kept flat on purpose.
    check = projection == Projection.VERIFIED
    numbers = _indicator_numbers(edition)
    for pk, region_id, version_id, indicator_id, level, verification, has_evidence in _answers(
        region_ids, edition
    ):
        number = numbers.get(indicator_id)
        if number is None:
            continue  # an answer to another edition's indicator: never counted
        answer = AnswerInput(number, level, has_evidence, not check or verification == VERIFIED, pk)
        if version_id is None:
            spd[region_id].append(answer)
        elif version_id in by_id and by_id[version_id].region_id == region_id:
            # An answer filed under another region than its version's is never counted.
            by_id[version_id].answers.append(answer)
    return _group(spd, by_id.items())


def _indicator_numbers(edition: Edition) -> dict[int, str]:
    """Indicator id → number, read once per edition object (a national recompute reads it once)."""
    cached: dict[int, str] | None = getattr(edition, "_indicator_numbers", None)
    if cached is None:
        cached = dict(Indicator.objects.filter(edition=edition).values_list("id", "number"))
        edition._indicator_numbers = cached  # type: ignore[attr-defined]
    return cached


def _answers(region_ids: Sequence[int], edition: Edition) -> Iterable[tuple[Any, ...]]:
    # No join to the indicators: without planner statistics SQLite would start from them and scan every
    # answer of the edition per chunk of regions (0.48 s instead of 0.08 s); numbers are mapped in Python.
    return (
        Answer.objects.filter(edition=edition, region_id__in=region_ids)
        .annotate(has_evidence=Exists(Evidence.objects.filter(answer=OuterRef("pk"))))
        .order_by()
        .values_list("id", "region_id", "version_id", "indicator_id", "level", "verification", "has_evidence")
    )


def _group(spd: dict[int, list[AnswerInput]], versions: Iterable[tuple[int, _Version]]) -> dict[int, Inputs]:
    innovations: dict[int, list[InnovationInput]] = defaultdict(list)
    for pk, version in versions:
        innovations[version.region_id].append(
            InnovationInput(
                key=pk,
                answers=tuple(version.answers),
                main_urusan=version.main_urusan,
                other_urusan=tuple(version.other_urusan),
                name=version.name,
            )
        )
    return {
        region_id: (tuple(spd.get(region_id, ())), tuple(innovations.get(region_id, ())))
        for region_id in set(spd) | set(innovations)
    }
