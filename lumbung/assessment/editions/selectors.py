"""Reads for the edition pages: the indicators grouped by aspect and variable, and the computed sums."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from lumbung.core.formatting import format_number

from ..models import Aspect, Basis, Edition, Indicator, Option
from .spec import EditionSums, edition_sums


@dataclass
class IndicatorRow:
    indicator: Indicator
    options: list[Option]
    bases: list[Basis]  # each with .options prefetched

    @property
    def top_level(self) -> int:
        levels = [o.level for o in self.options] + [o.level for b in self.bases for o in b.options.all()]
        return max(levels, default=0)


@dataclass
class VariableGroup:
    name: str
    rows: list[IndicatorRow] = field(default_factory=list)


@dataclass
class AspectGroup:
    aspect: str
    label: str
    variables: list[VariableGroup] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(v.rows) for v in self.variables)


@dataclass
class EditionPage:
    edition: Edition
    aspects: list[AspectGroup]
    sums: EditionSums

    @property
    def quantity_factor(self) -> str:
        """The factor with as many decimals as it has (0,38 or 0,3825), never rounded away."""
        value = self.edition.quantity_factor.normalize()
        exponent = value.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return format_number(float(value), places)


def edition_list() -> QuerySet[Edition]:
    return Edition.objects.annotate(indicator_count=Count("indicators")).select_related("published_by")


def indicator_rows(edition: Edition) -> list[IndicatorRow]:
    """Every indicator with its own options and its bases' options: three queries."""
    indicators = Indicator.objects.filter(edition=edition).prefetch_related(
        Prefetch("options", queryset=Option.objects.filter(basis=None).order_by("level"), to_attr="own"),
        Prefetch(
            "bases",
            queryset=Basis.objects.order_by("code").prefetch_related(
                Prefetch("options", queryset=Option.objects.order_by("level"))
            ),
            to_attr="basis_list",
        ),
    )
    rows = []
    for i in indicators.order_by("position"):
        attrs: Any = i
        rows.append(IndicatorRow(indicator=i, options=attrs.own, bases=attrs.basis_list))
    return rows


def group_rows(rows: list[IndicatorRow]) -> list[AspectGroup]:
    """Aspects in their fixed order, variables in the order their first indicator appears."""
    groups = {a.value: AspectGroup(a.value, str(a.label)) for a in Aspect}
    for row in rows:
        group = groups[row.indicator.aspect]
        if not group.variables or group.variables[-1].name != row.indicator.variable:
            existing = [v for v in group.variables if v.name == row.indicator.variable]
            if existing:
                existing[0].rows.append(row)
                continue
            group.variables.append(VariableGroup(row.indicator.variable))
        group.variables[-1].rows.append(row)
    return list(groups.values())


def sums_of(edition: Edition, rows: list[IndicatorRow]) -> EditionSums:
    return edition_sums(
        ((r.indicator.aspect, r.indicator.weight, r.top_level) for r in rows),
        quantity_cap=edition.quantity_cap,
        quantity_factor=edition.quantity_factor,
        max_total=edition.max_total,
    )


def edition_page(edition: Edition) -> EditionPage:
    rows = indicator_rows(edition)
    return EditionPage(edition=edition, aspects=group_rows(rows), sums=sums_of(edition, rows))
