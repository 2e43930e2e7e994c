"""The IID calculator against the worked examples of iid.md, the category boundaries and properties."""

import random
from dataclasses import replace
from decimal import Decimal

import pytest

from lumbung.assessment import calculator as calc
from lumbung.assessment.calculator import (
    SID,
    SPD,
    AnswerInput,
    Category,
    Change,
    IndicatorRule,
    InnovationInput,
    Reason,
    Rules,
    compute,
    gain,
)
from lumbung.assessment.models import Category as CategoryChoices

D = Decimal
BASIC = (1, 2, 3, 4, 5, 6)  # ids of the six basic-service urusan
OTHER_URUSAN = 20

# The 2026 catalogue's numbers and weights (iid.md): SPD 21 × 3 = 63, SID 37 × 3 = 111.
SPD_2026 = [
    ("1", "1"), ("2a", "1"), ("2b", "1"), ("3", "1"), ("4", "1"), ("5a", "0.75"), ("5b", "0.75"),
    ("6", "1.5"), ("7", "1.5"), ("8", "1.5"), ("9", "1"), ("10a", "0.75"), ("10b", "0.75"),
    ("11a", "0.75"), ("11b", "0.75"), ("12", "2"), ("13a", "1"), ("13b", "1"), ("14", "1"), ("15", "1"),
]  # fmt: skip
SID_2026 = [
    ("16", "3"), ("17", "2"), ("18", "2"), ("19", "2"), ("20", "1"), ("21", "2"), ("22", "1"),
    ("23", "1"), ("24", "1"), ("25", "1"), ("26", "1"), ("27", "1"), ("28", "2"), ("29", "1"),
    ("30", "2"), ("31", "3"), ("32", "2"), ("33", "3"), ("34", "2"), ("35", "4"),
]  # fmt: skip
INDICATORS_2026 = tuple(
    [IndicatorRule(number, SPD, D(weight)) for number, weight in SPD_2026]
    + [IndicatorRule(number, SID, D(weight)) for number, weight in SID_2026]
)


def rules_2026(**overrides: object) -> Rules:
    values: dict[str, object] = {
        "max_total": D(250),
        "divisor_floor": 12,
        "quantity_factor": D("0.38"),
        "quantity_cap": 200,
        "coverage_required": 5,
        "coverage_counts_other_urusan": False,
        "very_innovative_min": D("65.01"),
        "innovative_min": D("40.01"),
        "basic_service_urusan": BASIC,
    }
    values.update(overrides)
    return Rules(**values)  # type: ignore[arg-type]


def rules_2023() -> Rules:
    return replace(
        rules_2026(),
        max_total=D(100),
        divisor_floor=10,
        very_innovative_min=D("60.01"),
        innovative_min=D("35.00"),
    )


def answer(number: str, level: int, evidence: bool = True) -> AnswerInput:
    return AnswerInput(number, level, evidence)


def spd_45() -> tuple[AnswerInput, ...]:
    """All SPD rows at level 2 (42), indicator 12 (bobot 2) and 1 (bobot 1) at 3: 45."""
    levels = {"12": 3, "1": 3}
    return tuple(answer(number, levels.get(number, 2)) for number, _ in SPD_2026)


def sid_80() -> tuple[AnswerInput, ...]:
    """All SID rows at level 2 (74), indicator 35 (bobot 4) and 17 (bobot 2) at 3: kematangan 80."""
    levels = {"35": 3, "17": 3}
    return tuple(answer(number, levels.get(number, 2)) for number, _ in SID_2026)


def innovations(
    count: int, urusan: tuple[int, ...] = BASIC, other: tuple[int, ...] = ()
) -> list[InnovationInput]:
    return [
        InnovationInput(key=i + 1, answers=sid_80(), main_urusan=urusan[i % len(urusan)], other_urusan=other)
        for i in range(count)
    ]


def test_the_catalogue_sums_to_the_edition_maximum() -> None:
    assert sum(r.weight for r in INDICATORS_2026 if r.aspect == SPD) * 3 == 63
    assert sum(r.weight for r in INDICATORS_2026 if r.aspect == SID) * 3 == 111


def test_worked_example_21_innovations() -> None:
    result = compute(rules_2026(), INDICATORS_2026, spd_45(), innovations(21))
    figures = result.rounded
    assert [i.maturity for i in result.innovations] == [D(80)] * 21
    assert figures.spd == D("45.00")
    assert figures.sid_average == D("80.00")
    assert figures.quantity_score == D("7.98")
    assert figures.sid == D("87.98")
    assert figures.total == D("132.98")
    assert result.iid == D("53.19")
    assert result.category == Category.INNOVATIVE
    assert result.n == 21 and result.divisor == 21
    assert result.coverage.covered == BASIC and result.coverage.missing == ()


def test_worked_example_6_innovations_uses_the_divisor_floor() -> None:
    result = compute(rules_2026(), INDICATORS_2026, spd_45(), innovations(6))
    figures = result.rounded
    assert result.divisor == 12
    assert figures.sid_average == D("40.00")
    assert figures.quantity_score == D("2.28")
    assert figures.sid == D("42.28")
    assert figures.total == D("87.28")
    assert result.iid == D("34.91")
    assert result.category == Category.LESS_INNOVATIVE


def spd_only(total: str) -> tuple[tuple[IndicatorRule, ...], tuple[AnswerInput, ...]]:
    """One SPD indicator whose weight × level 1 is exactly `total`."""
    return (IndicatorRule("1", SPD, D(total)),), (answer("1", 1),)


@pytest.mark.parametrize(
    ("total", "iid", "category"),
    [
        ("100.00", "40.00", Category.LESS_INNOVATIVE),
        ("100.03", "40.01", Category.INNOVATIVE),  # 40.012
        ("162.50", "65.00", Category.INNOVATIVE),
        ("162.53", "65.01", Category.VERY_INNOVATIVE),  # 65.012
        ("0.02", "0.01", Category.LESS_INNOVATIVE),  # 0.008 rounds up to 0.01
        ("0.01", "0.00", Category.NOT_ASSESSABLE),  # 0.004 rounds to 0: nothing to assess
    ],
)
def test_category_boundaries_2026(total: str, iid: str, category: Category) -> None:
    indicators, spd = spd_only(total)
    result = compute(rules_2026(), indicators, spd, [])
    assert (result.iid, result.category) == (D(iid), category)


@pytest.mark.parametrize(
    ("total", "iid", "category"),
    [
        ("35.00", "35.00", Category.INNOVATIVE),
        ("34.99", "34.99", Category.LESS_INNOVATIVE),
        ("60.00", "60.00", Category.INNOVATIVE),
        ("60.01", "60.01", Category.VERY_INNOVATIVE),
    ],
)
def test_category_boundaries_2023(total: str, iid: str, category: Category) -> None:
    indicators, spd = spd_only(total)
    result = compute(rules_2023(), indicators, spd, [])
    assert (result.iid, result.category) == (D(iid), category)


def test_the_category_is_decided_on_the_rounded_iid() -> None:
    # 40.005 rounds half up to 40.01, which is Inovatif although the exact value is below 40.01.
    indicators, spd = spd_only("100.0125")
    result = compute(rules_2026(), indicators, spd, [])
    assert result.iid_exact == D("40.005")
    assert (result.iid, result.category) == (D("40.01"), Category.INNOVATIVE)


def test_categories_match_the_model_choices() -> None:
    assert {c.value for c in Category} == set(CategoryChoices.values)


def close(value: Decimal, expected: Decimal) -> bool:
    """Equal to 20 decimals (the calculator divides at a higher precision than the default context)."""
    return abs(value - expected) < D("1e-20")


def quantity(result: calc.Result) -> Decimal:
    return result.rounded.quantity_score


def test_coverage_of_four_basic_urusan_gives_no_quantity_score() -> None:
    result = compute(rules_2026(), INDICATORS_2026, [], innovations(21, urusan=(1, 2, 3, 4, OTHER_URUSAN)))
    assert result.coverage.covered == (1, 2, 3, 4) and result.coverage.missing == (5, 6)
    assert not result.coverage.met
    assert quantity(result) == 0 and result.quantity_innovations == 0
    assert result.rounded.sid == D("80.00")


def test_coverage_of_five_basic_urusan_counts() -> None:
    result = compute(rules_2026(), INDICATORS_2026, [], innovations(21, urusan=(1, 2, 3, 4, 5)))
    assert result.coverage.met and result.coverage.missing == (6,)
    assert quantity(result) == D("7.98")


def test_urusan_irisan_count_only_when_the_rule_says_so() -> None:
    inputs = innovations(21, urusan=(1, 2, 3, 4), other=(5,))
    without = compute(rules_2026(), INDICATORS_2026, [], inputs)
    assert without.coverage.covered == (1, 2, 3, 4) and quantity(without) == 0
    with_irisan = compute(rules_2026(coverage_counts_other_urusan=True), INDICATORS_2026, [], inputs)
    assert with_irisan.coverage.covered == (1, 2, 3, 4, 5) and quantity(with_irisan) == D("7.98")


def test_all_six_required_in_an_edition_that_says_so() -> None:
    result = compute(rules_2026(coverage_required=6), INDICATORS_2026, [], innovations(21, urusan=BASIC[:5]))
    assert quantity(result) == 0


def test_the_quantity_score_is_capped() -> None:
    result = compute(rules_2026(quantity_cap=10), INDICATORS_2026, [], innovations(21))
    assert result.quantity_innovations == 10
    assert quantity(result) == D("3.80")


def test_the_divisor_floor_keeps_few_innovations_from_a_high_average() -> None:
    one = compute(rules_2026(), INDICATORS_2026, [], innovations(1))
    assert one.divisor == 12
    assert close(one.sid_average, D(80) / 12)
    assert one.rounded.sid_average == D("6.67")
    twelve = compute(rules_2026(), INDICATORS_2026, [], innovations(12))
    thirteen = compute(rules_2026(), INDICATORS_2026, [], innovations(13))
    assert (twelve.sid_average, thirteen.sid_average) == (D(80), D(80))
    assert thirteen.divisor == 13


def test_rows_without_evidence_level_or_answer_score_zero() -> None:
    rows = calc.score_rows(
        [IndicatorRule("16", SID, D(3)), IndicatorRule("17", SID, D(2)), IndicatorRule("18", SID, D(2)),
         IndicatorRule("19", SID, D(2))],
        [answer("16", 3), answer("17", 3, evidence=False), answer("18", 0)],
    )  # fmt: skip
    assert [(r.indicator, r.score, r.reason) for r in rows] == [
        ("16", D(9), None),
        ("17", D(0), Reason.NO_EVIDENCE),
        ("18", D(0), Reason.LEVEL_ZERO),
        ("19", D(0), Reason.NO_ANSWER),
    ]
    assert rows[0].counted and not rows[1].counted
    assert rows[1].level == 3


def test_an_unverified_answer_scores_zero() -> None:
    rows = calc.score_rows([IndicatorRule("1", SPD, D(1))], [AnswerInput("1", 3, True, verified=False)])
    assert rows[0].score == 0 and rows[0].reason == Reason.NOT_VERIFIED


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ([answer("99", 1)], "not in this aspect"),
        ([answer("16", 1)], "not in this aspect"),  # a SID indicator among SPD answers
        ([answer("1", 1), answer("1", 2)], "twice"),
        ([answer("1", 4)], "not 0–3"),
    ],
)
def test_bad_answers_are_refused(answers: list[AnswerInput], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        compute(rules_2026(), INDICATORS_2026, answers, [])


def test_no_answers_gives_zero_and_not_assessable() -> None:
    result = compute(rules_2026(), INDICATORS_2026, [], [])
    assert result.iid == 0 and result.category == Category.NOT_ASSESSABLE
    assert all(row.reason == Reason.NO_ANSWER for row in result.spd_rows)
    unanswered = compute(rules_2026(), INDICATORS_2026, [], [InnovationInput(1, (), main_urusan=1)])
    assert unanswered.iid == 0 and unanswered.category == Category.NOT_ASSESSABLE


def test_gain_of_one_level_on_an_innovation() -> None:
    inputs = innovations(21)
    # Indicator 35 of innovation 1 from 3 is already the top: raise 16 (bobot 3) from 2 to 3.
    value = gain(rules_2026(), INDICATORS_2026, spd_45(), inputs, Change("16", innovation=1))
    assert close(value, D(3) / 21 * 100 / 250)
    assert calc.two(value) == D("0.06")


def test_gain_to_a_target_level_and_for_spd() -> None:
    base = compute(rules_2026(), INDICATORS_2026, spd_45(), innovations(6))
    spd_gain = gain(rules_2026(), INDICATORS_2026, spd_45(), innovations(6), Change("8", level=3), base=base)
    assert spd_gain == D("1.5") * 100 / 250
    target = gain(
        rules_2026(), INDICATORS_2026, spd_45(), innovations(6), Change("35", innovation=2, level=1)
    )
    assert close(target, D(-8) / 12 * 100 / 250)
    assert gain(rules_2026(), INDICATORS_2026, spd_45(), innovations(6), Change("35", innovation=2)) == 0


def test_gain_of_attaching_evidence_to_a_new_answer() -> None:
    inputs = [InnovationInput(1, (answer("16", 2, evidence=False),), main_urusan=1)]
    value = gain(rules_2026(), INDICATORS_2026, [], inputs, Change("16", innovation=1, level=2))
    assert value == D(6) / 12 * 100 / 250


def test_gain_refuses_an_unknown_innovation() -> None:
    with pytest.raises(ValueError, match="not among"):
        gain(rules_2026(), INDICATORS_2026, [], innovations(2), Change("16", innovation=99))


def test_apply_change_leaves_the_inputs_alone() -> None:
    spd = spd_45()
    new_spd, _ = calc.apply_change(spd, [], Change("1", level=0))
    assert spd == spd_45()
    assert next(a for a in new_spd if a.indicator == "1").level == 0


def random_region(rng: random.Random) -> tuple[list[AnswerInput], list[InnovationInput]]:
    def answers(catalogue: list[tuple[str, str]]) -> list[AnswerInput]:
        chosen = [n for n, _ in catalogue if rng.random() < 0.8]
        return [AnswerInput(n, rng.randint(0, 3), rng.random() < 0.85, rng.random() < 0.9) for n in chosen]

    count = rng.choice([0, 1, 3, 11, 12, 13, 25, 60])
    return answers(SPD_2026), [
        InnovationInput(
            key=i,
            answers=tuple(answers(SID_2026)),
            main_urusan=rng.choice([*BASIC, OTHER_URUSAN, None]),
            other_urusan=tuple(rng.sample(range(1, 25), rng.randint(0, 3))),
        )
        for i in range(count)
    ]


def random_rules(rng: random.Random) -> Rules:
    cap, factor = rng.choice([(200, D("0.38")), (5, D("1.5")), (50, D("0.2"))])
    return rules_2026(
        max_total=D(174) + cap * factor,
        divisor_floor=rng.choice([0, 10, 12, 14]),
        quantity_cap=cap,
        quantity_factor=factor,
        coverage_required=rng.randint(0, 6),
        coverage_counts_other_urusan=rng.random() < 0.5,
    )


def test_property_iid_stays_within_0_and_100() -> None:
    rng = random.Random(20260429)
    for _ in range(300):
        rules = random_rules(rng)
        spd, inputs = random_region(rng)
        result = compute(rules, INDICATORS_2026, spd, inputs)
        assert 0 <= result.iid <= 100
        assert (result.category == Category.NOT_ASSESSABLE) == (result.iid == 0)


def test_property_the_full_score_is_100() -> None:
    full_spd = [answer(n, 3) for n, _ in SPD_2026]
    full = [InnovationInput(i, tuple(answer(n, 3) for n, _ in SID_2026), BASIC[i % 6]) for i in range(200)]
    result = compute(rules_2026(), INDICATORS_2026, full_spd, full)
    assert result.iid == 100 and result.category == Category.VERY_INNOVATIVE


def test_property_raising_any_single_level_never_lowers_the_iid() -> None:
    rng = random.Random(1887)
    for _ in range(300):
        rules = random_rules(rng)
        spd, inputs = random_region(rng)
        before = compute(rules, INDICATORS_2026, spd, inputs)
        target = rng.choice([None, *[i.key for i in inputs]])
        pool = spd if target is None else next(i.answers for i in inputs if i.key == target)
        raisable = [a for a in pool if a.level < 3]
        if not raisable:
            continue
        picked = rng.choice(raisable)
        # The answer keeps its evidence and verification: only the level moves.
        change = Change(picked.indicator, target, picked.level + 1, picked.has_evidence, picked.verified)
        after = compute(rules, INDICATORS_2026, *calc.apply_change(spd, inputs, change))
        assert after.iid_exact >= before.iid_exact
        assert after.iid >= before.iid
        assert gain(rules, INDICATORS_2026, spd, inputs, change, base=before) == (
            after.iid_exact - before.iid_exact
        )


def test_property_no_answers_gives_zero() -> None:
    rng = random.Random(7)
    for _ in range(200):
        rules = replace(random_rules(rng), coverage_required=rng.randint(1, 6))
        assert compute(rules, INDICATORS_2026, [], []).category == Category.NOT_ASSESSABLE
        # Innovations outside the basic-service urusan whose answers never count: still nothing.
        spd, inputs = random_region(rng)
        void = [AnswerInput(a.indicator, 0, a.has_evidence) for a in spd]
        unscored = [
            replace(i, main_urusan=OTHER_URUSAN, other_urusan=(), answers=tuple(
                AnswerInput(a.indicator, a.level, False) for a in i.answers))
            for i in inputs
        ]  # fmt: skip
        result = compute(rules, INDICATORS_2026, void, unscored)
        assert result.iid == 0 and result.category == Category.NOT_ASSESSABLE
