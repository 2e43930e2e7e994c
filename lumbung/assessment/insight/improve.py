"""What to improve first: every answer that can still rise, with the IID each level would add.

Gains are against the claimed projection (what the region's units claim) and computed with the
calculator's `gain` from one base result, so each equals a full recompute with the answer changed.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ..calculator import LEVELS, Change, Reason, RowScore, gain, two
from .readiness import answer_url
from .snapshot import Snapshot

TOP = 20


@dataclass(frozen=True)
class Step:
    level: int
    gain: Decimal  # full precision

    @property
    def shown(self) -> Decimal:
        return two(self.gain)


@dataclass(frozen=True)
class Improvement:
    indicator: str
    name: str
    mandatory: bool
    innovation: int | None  # None for an SPD answer
    innovation_name: str
    level: int  # the level answered now (0 when unanswered)
    has_evidence: bool
    steps: tuple[Step, ...]  # one per reachable level, lowest first
    url: str

    @property
    def best(self) -> Step:
        return self.steps[-1]

    @property
    def per_level(self) -> Decimal:
        """The gain of the best step per level climbed (adding evidence alone counts as one)."""
        return two(self.best.gain / max(self.best.level - self.level, 1))


def improvements(snapshot: Snapshot) -> list[Improvement]:
    """Every answer that can rise (level below 3, or 3 without evidence), the biggest gain first."""
    found = [item for item in _candidates(snapshot) if item.best.gain > 0]
    return sorted(found, key=lambda item: (-item.best.gain, item.best.level - item.level))


def _candidates(snapshot: Snapshot) -> Iterator[Improvement]:
    result = snapshot.claimed_result
    rows: list[tuple[int | None, RowScore]] = [(None, row) for row in result.spd_rows]
    rows += [(score.key, row) for score in result.innovations for row in score.rows]
    for key, row in rows:
        if row.level < LEVELS[-1] or row.reason == Reason.NO_EVIDENCE:
            yield _improvement(snapshot, key, row)


def _improvement(snapshot: Snapshot, key: int | None, row: RowScore) -> Improvement:
    counted = row.level if row.counted else 0
    # A level already answered without evidence counts as a step of its own (adding the evidence).
    lowest = max(row.level, counted + 1, 1)
    steps = tuple(
        Step(
            level,
            gain(
                snapshot.rules,
                snapshot.indicators,
                *snapshot.claimed,
                Change(row.indicator, key, level=level),
                base=snapshot.claimed_result,
            ),
        )
        for level in range(lowest, LEVELS[-1] + 1)
    )
    rule = snapshot.indicator(row.indicator)
    return Improvement(
        indicator=row.indicator,
        name=rule.name,
        mandatory=rule.mandatory,
        innovation=key,
        innovation_name=snapshot.innovation_name(key),
        level=row.level,
        has_evidence=row.reason not in (Reason.NO_EVIDENCE, Reason.NO_ANSWER),
        steps=steps,
        url=answer_url(snapshot, key, row.indicator),
    )
