"""Index answers for the synthetic national dataset (`lumbung generate`), for benchmarks only.

On top of the generated regions and innovations: a report for the edition's year of most innovations last
reported in the two years before (as "Ajukan kembali" does), twenty SID answers each (a few missing), the
SPD answers of every synthetic region, one placeholder evidence link for most answers, and a verifier's
judgement on many. Same seed, same rows; everything is written with bulk inserts in chunks, so memory stays
flat whatever the size.
"""

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

from lumbung.innovations.generate import STATUS_WEIGHTS, synthetic_regions_q
from lumbung.innovations.models import InnovationVersion, Status
from lumbung.innovations.services import PROFILE_FIELDS
from lumbung.regions.models import Region

from .models import Answer, Aspect, Basis, Edition, Evidence, Indicator, Score, VerificationState

Progress = Callable[[str, int, int], None]
CHUNK = 1_000  # versions per chunk: about 20,000 answers and as many evidence rows in memory
EVIDENCE_BASE = "https://contoh.lumbung.test/bukti"
DEVELOPED = "Dikembangkan sejak laporan sebelumnya: cakupan layanan diperluas dan prosedurnya dibakukan."


@dataclass(frozen=True)
class IndexDataSummary:
    versions: int
    answers: int
    evidence: int


def _synthetic_regions() -> Any:
    return Region.objects.filter(synthetic_regions_q())


def delete_index_data(edition: Edition) -> None:
    """Remove the answers, evidence and scores of the synthetic regions, each as one DELETE.

    Run before `lumbung generate --force`, which then deletes the reports themselves: cascading from the
    reports would load every one of ~750,000 answers into the collector first.
    """
    regions = _synthetic_regions()
    answers = Answer.objects.filter(edition=edition, region__in=regions)
    with transaction.atomic():
        Evidence.objects.filter(answer__in=answers).delete()  # no dependants: one DELETE
        answers._raw_delete(answers.db)  # its evidence is gone; skip the collector
        Score.objects.filter(edition=edition, region__in=regions).delete()


def _sources(edition: Edition, share: float, rng: random.Random) -> list[int]:
    """Current reports of the two years before the edition's, a `share` of them, in id order."""
    ids = (
        InnovationVersion.objects.filter(
            region__in=_synthetic_regions(),
            is_current=True,
            year__in=(edition.year - 1, edition.year - 2),
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return [pk for pk in ids if rng.random() < share]


def _copies(edition: Edition, source_ids: list[int], rng: random.Random) -> list[InnovationVersion]:
    fields = [f if f not in ("theme", "main_urusan") else f"{f}_id" for f in PROFILE_FIELDS]
    rows = (
        InnovationVersion.objects.filter(pk__in=source_ids)
        .order_by("pk")
        .values("innovation_id", "region_id", *fields)
    )
    copies = []
    for row in rows:
        row["developed_since"] = DEVELOPED
        status = rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[0]
        copies.append(InnovationVersion(year=edition.year, is_current=True, status=status, **row))
    return copies


def _level(rng: random.Random) -> int:
    return rng.choices((0, 1, 2, 3), weights=(5, 30, 40, 25))[0]


def _judgement(rng: random.Random, has_evidence: bool) -> dict[str, Any]:
    roll = rng.random()
    if has_evidence and roll < 0.55:
        return {"verification": VerificationState.VERIFIED}
    if roll < 0.65:
        return {"verification": VerificationState.REJECTED, "verifier_note": "Bukti dukung belum sesuai."}
    return {}


def _answers(
    edition: Edition,
    indicators: list[Indicator],
    bases: dict[int, list[int]],
    targets: Iterable[tuple[int, int | None]],
    rng: random.Random,
) -> tuple[int, int]:
    """Answers for (region, version) pairs (version None: SPD), with evidence; return how many of each."""
    answers: list[Answer] = []
    linked: list[bool] = []
    for region_id, version_id in targets:
        for indicator in indicators:
            if rng.random() < 0.03:
                continue  # left unanswered
            level = _level(rng)
            has_evidence = level > 0 and rng.random() < 0.88
            answers.append(
                Answer(
                    edition=edition,
                    indicator=indicator,
                    region_id=region_id,
                    version_id=version_id,
                    level=level,
                    basis_id=rng.choice(bases[indicator.pk]) if indicator.pk in bases and level else None,
                    **_judgement(rng, has_evidence),
                )
            )
            linked.append(has_evidence)
    saved = Answer.objects.bulk_create(answers, batch_size=2_000)
    evidence = [
        Evidence(
            answer_id=a.pk, url=f"{EVIDENCE_BASE}/{a.region_id}/{a.version_id or 'spd'}/{a.indicator.number}"
        )
        for a, has in zip(saved, linked, strict=True)
        if has
    ]
    Evidence.objects.bulk_create(evidence, batch_size=2_000)
    return len(answers), len(evidence)


def generate_index_data(
    *, edition: Edition, seed: int = 1, share: float = 0.75, progress: Progress | None = None
) -> IndexDataSummary:
    """Write the edition's year reports and answers for the synthetic regions (after `lumbung generate`)."""
    report: Progress = progress or (lambda label, done, total: None)
    rng = random.Random(f"index-{seed}-{edition.year}")
    indicators = list(edition.indicators.order_by("position"))
    spd = [i for i in indicators if i.aspect == Aspect.SPD]
    sid = [i for i in indicators if i.aspect == Aspect.SID]
    # Indicators measured on one of several bases (33 in the 2026 edition): an answer above 0 names one.
    bases: dict[int, list[int]] = {}
    for indicator_id, basis_id in Basis.objects.filter(indicator__edition=edition).values_list(
        "indicator_id", "pk"
    ):
        bases.setdefault(indicator_id, []).append(basis_id)
    sources = _sources(edition, share, rng)
    counts = [0, 0, 0]
    for start in range(0, len(sources), CHUNK):
        chunk = sources[start : start + CHUNK]
        with transaction.atomic():
            copies = _copies(edition, chunk, rng)
            InnovationVersion.objects.filter(pk__in=chunk).update(is_current=False)
            InnovationVersion.objects.bulk_create(copies, batch_size=2_000)
            _copy_other_urusan(chunk, copies)
            answered = [(v.region_id, v.pk) for v in copies if v.status != Status.DRAFT or rng.random() < 0.5]
            made = _answers(edition, sid, bases, answered, rng)
        counts = [counts[0] + len(copies), counts[1] + made[0], counts[2] + made[1]]
        report("Versi dan jawaban SID", start + len(chunk), len(sources))
    regions = list(_synthetic_regions().order_by("pk").values_list("pk", flat=True))
    with transaction.atomic():
        made = _answers(edition, spd, bases, [(pk, None) for pk in regions], rng)
    report("Jawaban SPD", len(regions), len(regions))
    _analyze()
    return IndexDataSummary(versions=counts[0], answers=counts[1] + made[0], evidence=counts[2] + made[1])


def _copy_other_urusan(source_ids: list[int], copies: list[InnovationVersion]) -> None:
    through = InnovationVersion.other_urusan.through
    copy_of = {source: copy.pk for source, copy in zip(source_ids, copies, strict=True)}
    links = through.objects.filter(innovationversion_id__in=source_ids).values_list(
        "innovationversion_id", "urusan_id"
    )
    through.objects.bulk_create(
        [through(innovationversion_id=copy_of[version], urusan_id=urusan) for version, urusan in links],
        batch_size=2_000,
    )


def _analyze() -> None:
    """Planner statistics for the bulk-loaded tables (PostgreSQL), as lumbung.innovations.generate does."""
    if connection.vendor != "postgresql":
        return
    tables = [m._meta.db_table for m in (InnovationVersion, Answer, Evidence)]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(t) for t in tables))
