"""The what-if sandbox: the region's claimed answers with some changed, scored without saving anything.

A posted form names the rows it shows in `rows` ("spd.5a", "<version id>.16", comma-separated); each
has `level.<row>` (0–3) and, when ticked, `bukti.<row>`. Rows the form does not show keep their
current answer, so a form may show only some innovations.
"""

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from ..calculator import LEVELS, SID, SPD, AnswerInput, Result, compute
from .snapshot import Snapshot

# Two fields a row (level, evidence) under Django's default limit of 1,000 fields a request.
MAX_ROWS = 480
MAX_ERRORS = 10

Values = dict[str, tuple[int, bool]]  # row key → (level, has evidence)


@dataclass(frozen=True)
class SandboxRow:
    key: str
    number: str
    name: str
    weight: Decimal
    mandatory: bool
    level: int
    has_evidence: bool


@dataclass(frozen=True)
class SandboxGroup:
    innovation: int | None
    title: str
    rows: list[SandboxRow]


def row_key(innovation: int | None, number: str) -> str:
    return f"{'spd' if innovation is None else innovation}.{number}"


def sandbox_parse(snapshot: Snapshot, data: Mapping[str, Any]) -> tuple[Values, list[str]]:
    """The posted values, or the reasons they are refused (a message each, at most a handful)."""
    keys = [key for key in str(data.get("rows", "")).split(",") if key]
    innovations = {innovation.key for innovation in snapshot.claimed[1]}
    values: Values = {}
    errors: list[str] = []
    for key in keys:
        error = _check_key(snapshot, innovations, key)
        level = _level(data.get(f"level.{key}"))
        if error is None and level is None:
            number = key.partition(".")[2]
            error = _("Level indikator %(number)s harus 0, 1, 2, atau 3.") % {"number": number}
        if error is not None:
            errors.append(error)
            if len(errors) >= MAX_ERRORS:
                break
            continue
        assert level is not None
        values[key] = (level, f"bukti.{key}" in data)
    return values, errors


def _check_key(snapshot: Snapshot, innovations: set[int], key: str) -> str | None:
    group, _dot, number = key.partition(".")
    aspect = SPD if group == "spd" else SID
    rule = next((r for r in snapshot.indicators if r.number == number and r.aspect == aspect), None)
    if rule is None:
        return _("Indikator %(number)s tidak ada pada aspek itu di edisi %(year)s.") % {
            "number": number or "?",
            "year": snapshot.edition.year,
        }
    if group != "spd" and not (group.isdigit() and int(group) in innovations):
        return _("Inovasi itu tidak termasuk inovasi yang dilaporkan wilayah ini pada tahun %(year)s.") % {
            "year": snapshot.edition.year
        }
    return None


def _level(value: Any) -> int | None:
    try:
        level = int(str(value))
    except ValueError:
        return None
    return level if level in LEVELS else None


def sandbox_inputs(snapshot: Snapshot, values: Values) -> tuple[tuple[AnswerInput, ...], tuple[Any, ...]]:
    """The claimed inputs with the posted values in place of the answers they name."""
    spd, innovations = snapshot.claimed
    return (
        _answers(spd, values, "spd"),
        tuple(
            replace(innovation, answers=_answers(innovation.answers, values, str(innovation.key)))
            for innovation in innovations
        ),
    )


def _answers(answers: tuple[AnswerInput, ...], values: Values, group: str) -> tuple[AnswerInput, ...]:
    prefix = group + "."
    changed = {key[len(prefix) :]: value for key, value in values.items() if key.startswith(prefix)}
    if not changed:
        return answers
    kept = [a for a in answers if a.indicator not in changed]
    ids = {a.indicator: a.answer_id for a in answers}
    new = [
        AnswerInput(number, level, evidence, True, ids.get(number))
        for number, (level, evidence) in changed.items()
    ]
    return (*kept, *new)


def sandbox_compute(snapshot: Snapshot, values: Values) -> Result:
    return compute(snapshot.rules, snapshot.indicators, *sandbox_inputs(snapshot, values))


def sandbox_groups(
    snapshot: Snapshot, values: Values, selected: set[int] | None = None
) -> tuple[list[SandboxGroup], bool]:
    """The form's groups (SPD, then each innovation) and whether some innovations were left out.

    Without a selection every innovation is shown if the form stays under MAX_ROWS, else the first ones.
    """
    spd, innovations = sandbox_inputs(snapshot, values)
    spd_rules = [r for r in snapshot.indicators if r.aspect == SPD]
    sid_rules = [r for r in snapshot.indicators if r.aspect == SID]
    groups = [SandboxGroup(None, _("SPD (satuan pemerintah daerah)"), _rows(spd_rules, spd, None))]
    room = len(spd_rules)
    limited = False
    for innovation in innovations:
        chosen = selected is None or innovation.key in selected
        if not chosen or room + len(sid_rules) > MAX_ROWS:
            limited = True
            continue
        room += len(sid_rules)
        rows = _rows(sid_rules, innovation.answers, innovation.key)
        groups.append(SandboxGroup(innovation.key, snapshot.innovation_name(innovation.key), rows))
    return groups, limited


def _rows(rules: list[Any], answers: tuple[AnswerInput, ...], key: int | None) -> list[SandboxRow]:
    by_number = {a.indicator: a for a in answers}
    rows = []
    for rule in rules:
        answer = by_number.get(rule.number)
        rows.append(
            SandboxRow(
                key=row_key(key, rule.number),
                number=rule.number,
                name=rule.name,
                weight=rule.weight,
                mandatory=rule.mandatory,
                level=answer.level if answer else 0,
                has_evidence=bool(answer and answer.has_evidence),
            )
        )
    return rows
