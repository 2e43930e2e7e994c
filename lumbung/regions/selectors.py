"""Reads on units: the tree of a region's units and the list shown to its admins."""

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Count, Q, QuerySet

from .models import Region, Unit


def descendant_ids(unit: Unit) -> set[int]:
    """Ids of every unit below this one, at any depth (one query for the whole region)."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for pk, parent_id in Unit.objects.filter(region_id=unit.region_id).values_list("pk", "parent_id"):
        children[parent_id].append(pk)
    found: set[int] = set()
    stack = list(children[unit.pk])
    while stack:
        pk = stack.pop()
        if pk not in found:
            found.add(pk)
            stack.extend(children[pk])
    return found


def unit_list(region: Region, *, q: str = "", kind: str = "", active: bool | None = None) -> QuerySet[Unit]:
    """The region's units with their parent and the number of people active in each."""
    units = Unit.objects.filter(region=region)
    if q:
        units = units.filter(Q(name__icontains=q) | Q(short_name__icontains=q))
    if kind:
        units = units.filter(kind=kind)
    if active is not None:
        units = units.filter(is_active=active)
    return (
        units.select_related("parent")
        .annotate(
            people_count=Count("memberships__user", filter=Q(memberships__is_active=True), distinct=True)
        )
        .order_by("name", "pk")
    )


def tree_order(units: Iterable[Unit]) -> list[tuple[Unit, int]]:
    """Units depth first, each child after its parent, with its depth; units whose parent is not
    in the list (filtered out, or none) start at depth 0. Siblings keep their given order."""
    units = list(units)
    present = {unit.pk for unit in units}
    children: dict[int | None, list[Unit]] = defaultdict(list)
    for unit in units:
        children[unit.parent_id if unit.parent_id in present else None].append(unit)
    ordered: list[tuple[Unit, int]] = []
    seen: set[int] = set()
    stack = [(unit, 0) for unit in reversed(children[None])]
    while stack:
        unit, depth = stack.pop()
        if unit.pk in seen:
            continue
        seen.add(unit.pk)
        ordered.append((unit, depth))
        stack.extend((child, depth + 1) for child in reversed(children[unit.pk]))
    # A loop of parents cannot be saved through the services, but must not hide rows if it exists.
    ordered.extend((unit, 0) for unit in units if unit.pk not in seen)
    return ordered
