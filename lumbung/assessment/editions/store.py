"""Write a checked edition into the database and read one back into the data-file layout.

The writer takes the model classes so the data migration can pass its historical models.
"""

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import transaction

from .spec import FORMAT, RULES, EditionSpec, read_edition

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SHIPPED_YEAR = 2026


@dataclass(frozen=True)
class ModelSet:
    edition: Any
    indicator: Any
    basis: Any
    option: Any


def current_models() -> ModelSet:
    from ..models import Basis, Edition, Indicator, Option

    return ModelSet(Edition, Indicator, Basis, Option)


def write_edition(spec: EditionSpec, models: ModelSet, **extra: Any) -> Any:
    """Create the edition and all its rows (a handful of bulk inserts); the caller holds the transaction."""
    edition = models.edition.objects.create(
        year=spec.year,
        name=spec.name,
        source=spec.source,
        third_party=spec.third_party,
        notes=spec.notes,
        **spec.rules,
        **extra,
    )
    indicators = models.indicator.objects.bulk_create(
        models.indicator(
            edition=edition,
            aspect=i.aspect,
            number=i.number,
            position=position,
            variable=i.variable,
            name=i.name,
            weight=i.weight,
            mandatory=i.mandatory,
            evidence=i.evidence,
        )
        for position, i in enumerate(spec.indicators, start=1)
    )
    pairs = [(row, b) for row, i in zip(indicators, spec.indicators, strict=True) for b in i.bases]
    bases = models.basis.objects.bulk_create(
        models.basis(indicator=row, code=b.code, name=b.name) for row, b in pairs
    )
    options = [
        models.option(indicator=row, basis=None, level=o.level, text=o.text)
        for row, i in zip(indicators, spec.indicators, strict=True)
        for o in i.options
    ]
    options += [
        models.option(indicator=row, basis=basis, level=o.level, text=o.text)
        for basis, (row, b) in zip(bases, pairs, strict=True)
        for o in b.options
    ]
    models.option.objects.bulk_create(options)
    return edition


def number(value: Decimal) -> int | float:
    """A decimal as JSON writes it: 250, 0.75, 0.38 (the decimals stored have at most four places)."""
    return int(value) if value == value.to_integral_value() else float(value)


def _rule_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return number(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _options(options: list[Any]) -> list[dict[str, Any]]:
    return [{"level": o.level, "text": o.text} for o in sorted(options, key=lambda o: o.level)]


def dump_edition(edition: Any, models: ModelSet) -> dict[str, Any]:
    """The edition in the data-file layout (what `read_edition` reads): 4 queries."""
    indicators = list(models.indicator.objects.filter(edition=edition).order_by("position"))
    bases = list(models.basis.objects.filter(indicator__edition=edition).order_by("code"))
    options = list(models.option.objects.filter(indicator__edition=edition))
    rows = []
    for i in indicators:
        row: dict[str, Any] = {
            "aspect": i.aspect,
            "number": i.number,
            "variable": i.variable,
            "name": i.name,
            "weight": number(i.weight),
            "mandatory": i.mandatory,
            "evidence": i.evidence,
            "options": _options([o for o in options if o.indicator_id == i.pk and o.basis_id is None]),
        }
        own_bases = [b for b in bases if b.indicator_id == i.pk]
        if own_bases:
            row["bases"] = [
                {
                    "code": b.code,
                    "name": b.name,
                    "options": _options([o for o in options if o.basis_id == b.pk]),
                }
                for b in own_bases
            ]
        rows.append(row)
    return {
        "format": FORMAT,
        "year": edition.year,
        "name": edition.name,
        "source": edition.source,
        "third_party": edition.third_party,
        "notes": edition.notes,
        "rules": {key: _rule_value(getattr(edition, key)) for key in RULES},
        "indicators": rows,
    }


def read_shipped(year: int = SHIPPED_YEAR) -> dict[str, Any]:
    """The data file of an edition shipped with Lumbung (lumbung/assessment/data/edition-YEAR.json)."""
    with open(DATA_DIR / f"edition-{year}.json", encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


def shipped_edition_ensure(year: int = SHIPPED_YEAR, models: ModelSet | None = None) -> Any:
    """The shipped edition of this year, loaded from its data file when the database lacks it.

    Safe to call again: an edition already there (perhaps corrected by an administrator) is kept.
    """
    models = models or current_models()
    existing = models.edition.objects.filter(year=year).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        return write_edition(read_edition(read_shipped(year)), models)
