"""The jury's weighted ranking: a pure calculator over plain values (STYLE §6), no database.

Each entry's total is Σ weight × (mean of the jurors' scores on that criterion) / 100, rounded half up
to two decimals. A criterion no juror has scored counts as 0.

Tie rule: entries with the same total are ordered by the higher mean on the heaviest criterion, then on
the next heaviest (criteria of equal weight in rubric order), and so on; if all are equal, by team name
in alphabetical order.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class RubricCriterion:
    name: str
    weight: int  # percent


@dataclass(frozen=True)
class EntryScores:
    team_name: str
    scores: Mapping[str, Sequence[int]]  # criterion name -> every juror's score on it


@dataclass(frozen=True)
class RankedEntry:
    rank: int
    team_name: str
    total: Decimal
    means: dict[str, Decimal]
    # When this entry's total equals the one above it: the criterion that ordered them, or "" for the name.
    tie_broken_by: str | None = None


def to_decimal(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(TWO_PLACES, ROUND_HALF_UP)


def weights_error(weights: Sequence[int]) -> str | None:
    """Why a rubric's weights are unusable, or None: each 0–100 and summing to exactly 100."""
    if any(w < 0 or w > 100 for w in weights):
        return "range"
    if sum(weights) != 100:
        return "sum"
    return None


def rank_entries(criteria: Sequence[RubricCriterion], entries: Sequence[EntryScores]) -> list[RankedEntry]:
    """The entries best first, with totals, per-criterion means and how each tie was broken."""
    heaviest_first = sorted(criteria, key=lambda c: -c.weight)  # stable: rubric order among equals

    def mean(entry: EntryScores, name: str) -> Fraction:
        values = entry.scores.get(name) or []
        return Fraction(sum(values), len(values)) if values else Fraction(0)

    rows = []
    for entry in entries:
        means = {c.name: mean(entry, c.name) for c in criteria}
        total = to_decimal(sum((c.weight * means[c.name] for c in criteria), Fraction(0)) / 100)
        key = (-total, *(-means[c.name] for c in heaviest_first), entry.team_name.casefold())
        rows.append((key, entry, total, means))
    rows.sort(key=lambda row: row[0])

    ranked: list[RankedEntry] = []
    previous: tuple | None = None
    for position, (key, entry, total, means) in enumerate(rows, start=1):
        broken_by = None
        if previous is not None and previous[0] == key[0]:
            broken_by = ""
            for criterion, mine, theirs in zip(heaviest_first, key[1:-1], previous[1:-1], strict=True):
                if mine != theirs:
                    broken_by = criterion.name
                    break
        ranked.append(
            RankedEntry(
                rank=position,
                team_name=entry.team_name,
                total=total,
                means={name: to_decimal(value) for name, value in means.items()},
                tie_broken_by=broken_by,
            )
        )
        previous = key
    return ranked
