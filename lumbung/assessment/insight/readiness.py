"""Readiness: before the national reporting window closes, everything that loses the region points.

Each item carries its cost in IID points: for answers and urusan against the claimed projection, for
verification against the verified one (what it loses compared with the claims). Eligibility risks
(a short rancang bangun, an implementation date outside the window) cost nothing in the IID directly;
they carry instead what the IID would lose if the innovation were not counted.
"""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from lumbung.core.formatting import format_date, format_number

from .. import projections
from ..calculator import (
    SID,
    ZERO,
    AnswerInput,
    Change,
    IndicatorRule,
    InnovationInput,
    Reason,
    Result,
    RowScore,
    compute,
    gain,
    two,
    with_innovation,
    without_innovation,
)
from ..models import Projection, VerificationState
from .snapshot import Snapshot, with_verified_flags

# A made-up SID indicator that stands for "an innovation with the region's average kematangan": the
# calculator then prices one more innovation exactly, divisor floor and quantity score included.
AVERAGE = "~rata"


class ItemKind(StrEnum):
    MANDATORY_MISSING = "wajib_kosong"
    NO_EVIDENCE = "tanpa_bukti"
    REJECTED = "ditolak"
    UNVERIFIED = "belum_diverifikasi"
    NOT_APPROVED = "belum_disetujui"
    SHORT_DESIGN = "rancang_bangun_pendek"
    OUTSIDE_WINDOW = "di_luar_jendela"
    COVERAGE = "urusan_dasar"
    FEW_INNOVATIONS = "inovasi_kurang"


@dataclass(frozen=True)
class Item:
    kind: ItemKind
    cost: Decimal | None  # IID points lost, full precision; None when the IID does not lose them directly
    projection: str = Projection.CLAIMED
    at_risk: Decimal | None = None  # eligibility: the IID lost if the innovation were not counted
    url: str = ""
    innovation: int | None = None
    indicator: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def weight(self) -> Decimal:
        """What orders the list: the cost, or for an eligibility risk what is at risk."""
        return self.cost if self.cost is not None else max(self.at_risk or ZERO, ZERO)

    @property
    def cost_shown(self) -> Decimal | None:
        return None if self.cost is None else two(self.cost)

    @property
    def at_risk_shown(self) -> Decimal | None:
        return None if self.at_risk is None else two(max(self.at_risk, ZERO))

    @property
    def up_to(self) -> bool:
        """The cost is a ceiling (an unanswered indicator: what level 3 with evidence would add)."""
        return self.kind == ItemKind.MANDATORY_MISSING

    @property
    def text(self) -> str:
        """The item in the reader's language (computed when shown, so a reminder can use it too)."""
        return _TEXTS[self.kind]() % self.params


_TEXTS = {
    ItemKind.MANDATORY_MISSING: lambda: _("Indikator wajib %(number)s (%(name)s) belum dijawab%(where)s."),
    ItemKind.NO_EVIDENCE: lambda: _(
        "Jawaban indikator %(number)s (%(name)s)%(where)s level %(level)s belum punya bukti dukung, "
        "jadi nilainya 0."
    ),
    ItemKind.REJECTED: lambda: _(
        "Jawaban indikator %(number)s (%(name)s)%(where)s ditolak verifikator: perbaiki sesuai catatannya."
    ),
    ItemKind.UNVERIFIED: lambda: _(
        "Jawaban indikator %(number)s (%(name)s)%(where)s dengan bukti dukung belum diverifikasi."
    ),
    ItemKind.NOT_APPROVED: lambda: _(
        "Inovasi %(innovation)s belum disetujui (%(status)s), jadi belum dihitung pada proyeksi "
        "terverifikasi."
    ),
    ItemKind.SHORT_DESIGN: lambda: _(
        "Rancang bangun %(innovation)s baru %(words)s kata, kurang dari minimal %(minimum)s kata: inovasinya "
        "berisiko tidak memenuhi syarat."
    ),
    ItemKind.OUTSIDE_WINDOW: lambda: _(
        "Waktu penerapan %(innovation)s (%(date)s) di luar jendela %(start)s – %(end)s dan tidak ada "
        "pengembangan yang dicatat: inovasinya berisiko tidak memenuhi syarat."
    ),
    ItemKind.COVERAGE: lambda: _(
        "Inovasi baru mencakup %(covered)s dari %(required)s urusan pelayanan dasar yang disyaratkan, jadi "
        "Skor Jumlah Inovasi 0. Belum tercakup: %(missing)s."
    ),
    ItemKind.FEW_INNOVATIONS: lambda: _(
        "Baru %(n)s inovasi dilaporkan, kurang dari pembagi minimum %(k)s: setiap inovasi tambahan dengan "
        "kematangan rata-rata (%(average)s) menambah %(each)s poin IID."
    ),
}


@dataclass(frozen=True)
class Readiness:
    items: list[Item]
    deadline: dt.date | None
    days_left: int | None  # None without a deadline; negative once it has passed

    @property
    def closed(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def total_cost(self) -> Decimal:
        return two(sum((item.cost for item in self.items if item.cost is not None), ZERO))


def readiness_for(snapshot: Snapshot, today: dt.date) -> Readiness:
    deadline = snapshot.edition.reporting_deadline
    days_left = (deadline - today).days if deadline else None
    return Readiness(readiness_items(snapshot), deadline, days_left)


def readiness_items(snapshot: Snapshot) -> list[Item]:
    """Everything that loses points, most costly first (ties keep SPD, then innovations by name)."""
    items = [
        *_answer_items(snapshot),
        *_verification_items(snapshot),
        *_eligibility_items(snapshot),
        *_coverage_items(snapshot),
        *_quantity_items(snapshot),
    ]
    return sorted(items, key=lambda item: -item.weight)


# Answers: missing mandatory ones and those without evidence (claimed projection)


def _answer_items(snapshot: Snapshot) -> Iterator[Item]:
    result = snapshot.claimed_result
    rows: list[tuple[int | None, RowScore]] = [(None, row) for row in result.spd_rows]
    rows += [(score.key, row) for score in result.innovations for row in score.rows]
    for key, row in rows:
        rule = snapshot.indicator(row.indicator)
        if row.reason in (Reason.NO_ANSWER, Reason.LEVEL_ZERO) and rule.mandatory:
            kind, change = ItemKind.MANDATORY_MISSING, Change(row.indicator, key, level=3)
        elif row.reason == Reason.NO_EVIDENCE:
            kind, change = ItemKind.NO_EVIDENCE, Change(row.indicator, key, level=row.level)
        else:
            continue
        cost = gain(snapshot.rules, snapshot.indicators, *snapshot.claimed, change, base=result)
        yield _answer_item(snapshot, kind, cost, rule, key, row.level, Projection.CLAIMED)


def _answer_item(
    snapshot: Snapshot,
    kind: ItemKind,
    cost: Decimal,
    rule: IndicatorRule,
    key: int | None,
    level: int,
    projection: str,
) -> Item:
    name = snapshot.innovation_name(key)
    return Item(
        kind=kind,
        cost=cost,
        projection=projection,
        url=answer_url(snapshot, key, rule.number),
        innovation=key,
        indicator=rule.number,
        params={
            "number": rule.number,
            "name": rule.name,
            "where": f" — {name}" if name else " — SPD",
            "level": level,
        },
    )


def answer_url(snapshot: Snapshot, key: int | None, number: str) -> str:
    return f"{_answers_page(snapshot, key)}#indikator-{number}"


def _answers_page(snapshot: Snapshot, key: int | None) -> str:
    """The answers page of the SPD or of one innovation, reversed once per page (thousands of items)."""
    cache: dict[int | None, str] = snapshot.__dict__.setdefault("_answer_pages", {})
    if key not in cache:
        code, year = snapshot.region.code, snapshot.edition.year
        if key is None:
            cache[key] = reverse("assessment:answers_spd", args=[code, year])
        else:
            cache[key] = reverse("assessment:answers_sid", args=[code, year, key])
    return cache[key]


# Verification: what the verified projection loses compared with the claims


def _verification_items(snapshot: Snapshot) -> Iterator[Item]:
    spd, innovations = snapshot.verified
    verified_keys = {innovation.key for innovation in innovations}
    claimed_spd, claimed_innovations = snapshot.claimed
    yield from _unverified(snapshot, claimed_spd, None, snapshot.verified, snapshot.verified_result)
    for innovation in claimed_innovations:
        if innovation.key in verified_keys:
            base_inputs, base = snapshot.verified, snapshot.verified_result
        else:
            # Priced as if the version were approved, with the answers verified so far.
            approved = with_verified_flags(snapshot, innovation)
            base_inputs = (spd, (*innovations, approved))
            base = with_innovation(
                snapshot.rules, snapshot.indicators, snapshot.verified_result, innovations, approved
            )
            yield _not_approved(snapshot, innovation, base.iid_exact - snapshot.verified_result.iid_exact)
        yield from _unverified(snapshot, innovation.answers, innovation.key, base_inputs, base)


def _unverified(
    snapshot: Snapshot,
    answers: tuple[AnswerInput, ...],
    key: int | None,
    base_inputs: projections.Inputs,
    base: Result,
) -> Iterator[Item]:
    for answer in answers:
        state = snapshot.states.get(answer.answer_id or 0)
        if answer.level == 0 or state == projections.VERIFIED:
            continue
        if state == VerificationState.REJECTED:
            kind = ItemKind.REJECTED
        elif answer.has_evidence:
            kind = ItemKind.UNVERIFIED
        else:
            continue  # without evidence it cannot be verified: the claimed item says so
        change = Change(answer.indicator, key, level=answer.level)
        cost = gain(snapshot.rules, snapshot.indicators, *base_inputs, change, base=base)
        rule = snapshot.indicator(answer.indicator)
        yield _answer_item(snapshot, kind, cost, rule, key, answer.level, Projection.VERIFIED)


def _not_approved(snapshot: Snapshot, innovation: InnovationInput, cost: Decimal) -> Item:
    info = snapshot.versions[innovation.key]
    return Item(
        kind=ItemKind.NOT_APPROVED,
        cost=max(cost, ZERO),  # a weak innovation can lower the average: then nothing is lost
        projection=Projection.VERIFIED,
        url=reverse("innovations:detail", args=[innovation.key]),
        innovation=innovation.key,
        params={"innovation": info.name, "status": info.get_status_display()},
    )


# Eligibility of each reported innovation


def _eligibility_items(snapshot: Snapshot) -> Iterator[Item]:
    edition = snapshot.edition
    spd, innovations = snapshot.claimed
    for innovation in innovations:
        info = snapshot.versions[innovation.key]
        risks: list[tuple[ItemKind, dict[str, Any]]] = []
        if info.design_words < edition.min_design_words:
            risks.append(
                (ItemKind.SHORT_DESIGN, {"words": info.design_words, "minimum": edition.min_design_words})
            )
        window = (edition.eligibility_start, edition.eligibility_end)
        if not info.developed and _outside_window(*window, info.implementation_date):
            risks.append((ItemKind.OUTSIDE_WINDOW, _window_params(snapshot, info.implementation_date)))
        if not risks:
            continue
        without = without_innovation(snapshot.rules, snapshot.claimed_result, innovations, innovation.key)
        at_risk = snapshot.claimed_result.iid_exact - without.iid_exact
        for kind, params in risks:
            yield Item(
                kind=kind,
                cost=None,
                at_risk=at_risk,
                url=reverse("innovations:edit", args=[innovation.key]),
                innovation=innovation.key,
                params={"innovation": info.name, **params},
            )


def _outside_window(start: dt.date | None, end: dt.date | None, date: dt.date | None) -> bool:
    if start is None and end is None:
        return False
    return date is None or (start is not None and date < start) or (end is not None and date > end)


def _window_params(snapshot: Snapshot, date: dt.date | None) -> dict[str, str]:
    edition = snapshot.edition
    return {
        "date": format_date(date) if date else _("belum diisi"),
        "start": format_date(edition.eligibility_start) if edition.eligibility_start else "…",
        "end": format_date(edition.eligibility_end) if edition.eligibility_end else "…",
    }


# The quantity score: basic-service urusan and the divisor floor


def _coverage_items(snapshot: Snapshot) -> Iterator[Item]:
    coverage = snapshot.claimed_result.coverage
    if coverage.met:
        return
    # The quantity score at stake: the same inputs under rules that ask for no coverage.
    relaxed = replace(snapshot.rules, coverage_required=0)
    met = compute(relaxed, snapshot.indicators, *snapshot.claimed)
    yield Item(
        kind=ItemKind.COVERAGE,
        cost=met.iid_exact - snapshot.claimed_result.iid_exact,
        url=reverse("innovations:list"),
        params={
            "covered": len(coverage.covered),
            "required": coverage.required,
            "missing": "; ".join(snapshot.urusan_names.get(u, str(u)) for u in coverage.missing),
        },
    )


def _quantity_items(snapshot: Snapshot) -> Iterator[Item]:
    result = snapshot.claimed_result
    missing = snapshot.rules.divisor_floor - result.n
    if missing <= 0:
        return
    each = more_innovations_gain(snapshot, 1)
    yield Item(
        kind=ItemKind.FEW_INNOVATIONS,
        cost=more_innovations_gain(snapshot, missing),
        url=reverse("innovations:new"),
        params={
            "n": result.n,
            "k": snapshot.rules.divisor_floor,
            "average": format_number(float(two(average_maturity(result))), 2),
            "each": format_number(float(two(each)), 2),
            "missing": missing,
        },
    )


def average_maturity(result: Result) -> Decimal:
    return result.maturity_sum / result.n if result.n else ZERO


def more_innovations_gain(snapshot: Snapshot, count: int) -> Decimal:
    """The claimed IID gained by `count` more innovations of the region's average kematangan."""
    result = snapshot.claimed_result
    average = IndicatorRule(AVERAGE, SID, average_maturity(result))
    spd, innovations = snapshot.claimed
    extra = tuple(
        InnovationInput(key=-(i + 1), answers=(AnswerInput(AVERAGE, 1, True),), main_urusan=None)
        for i in range(count)
    )
    more = compute(snapshot.rules, (*snapshot.indicators, average), spd, (*innovations, *extra))
    return more.iid_exact - result.iid_exact
