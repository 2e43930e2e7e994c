"""The IID calculator: an edition's rules and a region's answers in, the exact index out.

Pure (plain dataclasses and Decimal, no database), so pages, commands, the what-if sandbox and the
benchmark all compute the same number. Every rule arrives through `Rules` and `IndicatorRule`; see
../shared/domain/iid.md for the formula. Full precision is kept throughout; only the reported figures
are rounded, half up, to two decimals.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal, localcontext
from enum import StrEnum

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
ZERO = Decimal(0)
# Fixed rather than taken from the thread's context, so a caller's context cannot change the index.
PRECISION = 34
# Every indicator of every edition has three options giving levels 1 to 3; 0 means "not fulfilled".
LEVELS = range(0, 4)

SPD = "spd"  # the values of models.Aspect
SID = "sid"


class Category(StrEnum):
    """The values of models.Category (a test keeps the two in step)."""

    VERY_INNOVATIVE = "sangat_inovatif"
    INNOVATIVE = "inovatif"
    LESS_INNOVATIVE = "kurang_inovatif"
    NOT_ASSESSABLE = "tidak_dapat_dinilai"


class Reason(StrEnum):
    """Why a row scores 0."""

    NO_ANSWER = "no answer"
    LEVEL_ZERO = "level 0"
    NO_EVIDENCE = "no evidence"
    NOT_VERIFIED = "not verified"


def two(value: Decimal) -> Decimal:
    """Round a figure for display: two decimals, half up (53.185 → 53.19)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class Rules:
    max_total: Decimal
    divisor_floor: int  # k in SID = Σ kematangan / MAX(k, n) + quantity score
    quantity_factor: Decimal
    quantity_cap: int
    coverage_required: int
    coverage_counts_other_urusan: bool
    very_innovative_min: Decimal
    innovative_min: Decimal
    basic_service_urusan: tuple[int, ...]  # urusan ids, in display order


@dataclass(frozen=True, slots=True)
class IndicatorRule:
    number: str  # "1", "5a", "33"
    aspect: str  # SPD or SID
    weight: Decimal
    mandatory: bool = False
    name: str = ""


# AnswerInput and RowScore are not frozen: a national recompute builds ~750,000 of each, and a frozen
# dataclass's __init__ is four times slower. Treat them as read-only all the same (apply_change copies).
@dataclass(slots=True)
class AnswerInput:
    """One answer. `verified=False` excludes it (the verified projection sets it; claims leave it True)."""

    indicator: str
    level: int
    has_evidence: bool
    verified: bool = True
    answer_id: int | None = None


@dataclass(frozen=True, slots=True)
class InnovationInput:
    key: int  # the innovation version's id
    answers: tuple[AnswerInput, ...]
    main_urusan: int | None
    other_urusan: tuple[int, ...] = ()
    name: str = ""


@dataclass(slots=True)
class RowScore:
    indicator: str
    weight: Decimal
    level: int  # 0 when unanswered
    score: Decimal
    reason: Reason | None  # None when the row counts
    answer_id: int | None = None

    @property
    def counted(self) -> bool:
        return self.reason is None


@dataclass(frozen=True, slots=True)
class InnovationScore:
    key: int
    name: str
    rows: tuple[RowScore, ...]
    maturity: Decimal  # kematangan: the sum of the innovation's SID rows


@dataclass(frozen=True, slots=True)
class Coverage:
    """Which basic-service urusan the reported innovations cover (the quantity score's condition)."""

    required: int
    covered: tuple[int, ...]
    missing: tuple[int, ...]
    counts_other_urusan: bool

    @property
    def met(self) -> bool:
        return len(self.covered) >= self.required


@dataclass(frozen=True, slots=True)
class Figures:
    """The reported figures, each rounded to two decimals."""

    spd: Decimal
    sid_average: Decimal
    quantity_score: Decimal
    sid: Decimal
    total: Decimal
    iid: Decimal


@dataclass(frozen=True, slots=True)
class Result:
    n: int
    spd_rows: tuple[RowScore, ...]
    innovations: tuple[InnovationScore, ...]
    spd: Decimal
    maturity_sum: Decimal
    divisor: int  # MAX(k, n)
    sid_average: Decimal
    coverage: Coverage
    quantity_innovations: int  # MIN(n, cap), counted only when the coverage is met
    quantity_score: Decimal
    sid: Decimal  # includes the quantity score
    total: Decimal
    iid_exact: Decimal
    iid: Decimal  # two decimals; the category is decided on this
    category: Category
    # Innovation key → its index in `innovations` (and in the inputs it was computed from).
    positions: dict[int, int] = field(default_factory=dict, repr=False, compare=False)

    @property
    def rounded(self) -> Figures:
        return Figures(
            spd=two(self.spd),
            sid_average=two(self.sid_average),
            quantity_score=two(self.quantity_score),
            sid=two(self.sid),
            total=two(self.total),
            iid=self.iid,
        )


@dataclass(frozen=True, slots=True)
class Change:
    """A hypothetical answer: one level up (level=None) or to a target level, filed with evidence."""

    indicator: str
    innovation: int | None = None  # InnovationInput.key; None for an SPD answer
    level: int | None = None
    has_evidence: bool = True
    verified: bool = True


def categorize(rules: Rules, iid: Decimal) -> Category:
    if iid <= ZERO:
        return Category.NOT_ASSESSABLE
    if iid >= rules.very_innovative_min:
        return Category.VERY_INNOVATIVE
    if iid >= rules.innovative_min:
        return Category.INNOVATIVE
    return Category.LESS_INNOVATIVE


def compute(
    rules: Rules,
    indicators: Sequence[IndicatorRule],
    spd: Sequence[AnswerInput],
    innovations: Sequence[InnovationInput],
) -> Result:
    """Score a region: its SPD answers and each reported innovation's SID answers."""
    spd_rules, sid_rules = _split(indicators)
    spd_rows = score_rows(spd_rules, spd)
    scores = tuple(score_innovation(sid_rules, innovation) for innovation in innovations)
    return _assemble(rules, spd_rows, scores, innovations)


def score_rows(rules: Sequence[IndicatorRule], answers: Iterable[AnswerInput]) -> tuple[RowScore, ...]:
    """One row per indicator of the aspect: weight × level, or 0 with the reason."""
    by_number: dict[str, AnswerInput] = {}
    known = {rule.number for rule in rules}
    for answer in answers:
        if answer.indicator not in known:
            raise ValueError(f"Indicator {answer.indicator!r} is not in this aspect of the edition.")
        if answer.indicator in by_number:
            raise ValueError(f"Indicator {answer.indicator!r} is answered twice.")
        if answer.level not in LEVELS:
            raise ValueError(f"Level {answer.level} of indicator {answer.indicator!r} is not 0–3.")
        by_number[answer.indicator] = answer
    return tuple(_row(rule, by_number.get(rule.number)) for rule in rules)


def score_innovation(sid_rules: Sequence[IndicatorRule], innovation: InnovationInput) -> InnovationScore:
    rows = score_rows(sid_rules, innovation.answers)
    return InnovationScore(
        key=innovation.key, name=innovation.name, rows=rows, maturity=sum((r.score for r in rows), ZERO)
    )


def coverage_of(rules: Rules, innovations: Iterable[InnovationInput]) -> Coverage:
    touched: set[int] = set()
    for innovation in innovations:
        if innovation.main_urusan is not None:
            touched.add(innovation.main_urusan)
        if rules.coverage_counts_other_urusan:
            touched.update(innovation.other_urusan)
    covered = tuple(u for u in rules.basic_service_urusan if u in touched)
    missing = tuple(u for u in rules.basic_service_urusan if u not in touched)
    return Coverage(
        required=rules.coverage_required,
        covered=covered,
        missing=missing,
        counts_other_urusan=rules.coverage_counts_other_urusan,
    )


def apply_change(
    spd: Sequence[AnswerInput], innovations: Sequence[InnovationInput], change: Change
) -> tuple[tuple[AnswerInput, ...], tuple[InnovationInput, ...]]:
    """The inputs with one answer changed (or added); the originals are left alone."""
    if change.innovation is None:
        return _changed(spd, change), tuple(innovations)
    for index, innovation in enumerate(innovations):
        if innovation.key == change.innovation:
            changed = replace(innovation, answers=_changed(innovation.answers, change))
            return tuple(spd), (*innovations[:index], changed, *innovations[index + 1 :])
    raise ValueError(f"Innovation {change.innovation} is not among the region's innovations.")


def gain(
    rules: Rules,
    indicators: Sequence[IndicatorRule],
    spd: Sequence[AnswerInput],
    innovations: Sequence[InnovationInput],
    change: Change,
    *,
    base: Result | None = None,
) -> Decimal:
    """The IID gained by one change, at full precision (round with `two` to show it).

    `base`, the result of `compute` on the same inputs, saves recomputing it when ranking many
    changes; only the changed innovation (or the SPD rows) is scored again.
    """
    if base is None:
        base = compute(rules, indicators, spd, innovations)
    spd_rules, sid_rules = _split(indicators)
    # A change of answers never changes which urusan are covered, nor n: only one sum moves, so the
    # gain is a few additions however many innovations the region has (readiness ranks thousands).
    if change.innovation is None:
        spd_rows = score_rows(spd_rules, _changed(spd, change))
        new_spd = sum((row.score for row in spd_rows), ZERO)
        return _iid(rules, new_spd, base.maturity_sum, base.n, base.coverage.met) - base.iid_exact
    position = base.positions.get(change.innovation)
    if position is None or innovations[position].key != change.innovation:
        raise ValueError(f"Innovation {change.innovation} is not among the region's innovations.")
    innovation = innovations[position]
    changed = score_innovation(sid_rules, replace(innovation, answers=_changed(innovation.answers, change)))
    maturity_sum = base.maturity_sum - base.innovations[position].maturity + changed.maturity
    return _iid(rules, base.spd, maturity_sum, base.n, base.coverage.met) - base.iid_exact


def with_innovation(
    rules: Rules,
    indicators: Sequence[IndicatorRule],
    base: Result,
    innovations: Sequence[InnovationInput],
    extra: InnovationInput,
) -> Result:
    """The base result (computed from `innovations`) with one more innovation; only that one is scored."""
    _, sid_rules = _split(indicators)
    score = score_innovation(sid_rules, extra)
    return _assemble(rules, base.spd_rows, (*base.innovations, score), (*innovations, extra))


def without_innovation(
    rules: Rules, base: Result, innovations: Sequence[InnovationInput], key: int
) -> Result:
    """The base result (computed from `innovations`) without one innovation; nothing is scored again."""
    keep = [i for i, score in enumerate(base.innovations) if score.key != key]
    return _assemble(
        rules, base.spd_rows, tuple(base.innovations[i] for i in keep), tuple(innovations[i] for i in keep)
    )


def _split(indicators: Sequence[IndicatorRule]) -> tuple[list[IndicatorRule], list[IndicatorRule]]:
    spd = [rule for rule in indicators if rule.aspect == SPD]
    sid = [rule for rule in indicators if rule.aspect == SID]
    if len(spd) + len(sid) != len(indicators):
        raise ValueError("Every indicator must belong to the SPD or the SID aspect.")
    return spd, sid


def _row(rule: IndicatorRule, answer: AnswerInput | None) -> RowScore:
    if answer is None:
        return RowScore(rule.number, rule.weight, 0, ZERO, Reason.NO_ANSWER)
    reason = None
    if answer.level == 0:
        reason = Reason.LEVEL_ZERO
    elif not answer.has_evidence:
        reason = Reason.NO_EVIDENCE
    elif not answer.verified:
        reason = Reason.NOT_VERIFIED
    score = ZERO if reason else rule.weight * answer.level
    return RowScore(rule.number, rule.weight, answer.level, score, reason, answer.answer_id)


def _changed(answers: Sequence[AnswerInput], change: Change) -> tuple[AnswerInput, ...]:
    current = next((a for a in answers if a.indicator == change.indicator), None)
    level = change.level
    if level is None:
        level = min((current.level if current else 0) + 1, LEVELS[-1])
    if level not in LEVELS:
        raise ValueError(f"Level {level} is not 0–3.")
    new = AnswerInput(
        indicator=change.indicator,
        level=level,
        has_evidence=change.has_evidence,
        verified=change.verified,
        answer_id=current.answer_id if current else None,
    )
    if current is None:
        return (*answers, new)
    return tuple(new if a is current else a for a in answers)


def _assemble(
    rules: Rules,
    spd_rows: tuple[RowScore, ...],
    scores: tuple[InnovationScore, ...],
    innovations: Sequence[InnovationInput],
) -> Result:
    if rules.max_total <= ZERO:
        raise ValueError("The edition's maximum total must be positive.")
    n = len(scores)
    coverage = coverage_of(rules, innovations)
    with localcontext() as context:
        context.prec = PRECISION
        spd = sum((row.score for row in spd_rows), ZERO)
        maturity_sum = sum((score.maturity for score in scores), ZERO)
    parts = _parts(rules, spd, maturity_sum, n, coverage.met)
    divisor, sid_average, quantity_innovations, quantity_score, sid, total, iid_exact = parts
    iid = two(iid_exact)
    return Result(
        n=n,
        spd_rows=spd_rows,
        innovations=scores,
        spd=spd,
        maturity_sum=maturity_sum,
        divisor=divisor,
        sid_average=sid_average,
        coverage=coverage,
        quantity_innovations=quantity_innovations,
        quantity_score=quantity_score,
        sid=sid,
        total=total,
        iid_exact=iid_exact,
        iid=iid,
        category=categorize(rules, iid),
        positions={score.key: i for i, score in enumerate(scores)},
    )


def _parts(
    rules: Rules, spd: Decimal, maturity_sum: Decimal, n: int, coverage_met: bool
) -> tuple[int, Decimal, int, Decimal, Decimal, Decimal, Decimal]:
    """Divisor, SID average, innovations counted, quantity score, SID, total and exact IID: the one place
    this arithmetic lives, so a gain computed from sums equals a full recompute to the last digit."""
    quantity_innovations = min(n, rules.quantity_cap) if coverage_met else 0
    with localcontext() as context:
        context.prec = PRECISION
        divisor = max(rules.divisor_floor, n)
        sid_average = maturity_sum / divisor if divisor else ZERO
        quantity_score = quantity_innovations * rules.quantity_factor
        sid = sid_average + quantity_score
        total = spd + sid
        # One division, after the multiplication: 132.98 × 100 / 250 is exactly 53.192.
        iid_exact = total * HUNDRED / rules.max_total
    return divisor, sid_average, quantity_innovations, quantity_score, sid, total, iid_exact


def _iid(rules: Rules, spd: Decimal, maturity_sum: Decimal, n: int, coverage_met: bool) -> Decimal:
    return _parts(rules, spd, maturity_sum, n, coverage_met)[-1]
