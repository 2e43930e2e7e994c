"""Reads for the people pages; callers have already checked access with the helpers in access.py."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from lumbung.regions.models import Region, Unit

from .models import Membership, User


def people_in_region(
    region: Region, *, q: str = "", role: str = "", unit: Unit | None = None
) -> QuerySet[User]:
    """Everyone with a membership in the region (active or not), with those memberships prefetched.

    Each user carries `region_memberships`: their memberships in this region only, unit loaded.
    """
    matching = Membership.objects.filter(region=region)
    if role:
        matching = matching.filter(role=role)
    if unit is not None:
        matching = matching.filter(unit=unit)
    people = User.objects.filter(pk__in=matching.values("user_id"))
    if q:
        people = people.filter(Q(full_name__icontains=q) | Q(email__icontains=q))
    return people.order_by("full_name", "email").prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.filter(region=region)
            .select_related("unit")
            .order_by("role", "unit__name"),
            to_attr="region_memberships",
        )
    )


def memberships_in_region(user: User, region: Region) -> list[Membership]:
    return list(
        Membership.objects.filter(user=user, region=region)
        .select_related("unit")
        .order_by("role", "unit__name")
    )


def is_active_in_region(memberships: list[Membership]) -> bool:
    return any(m.is_active for m in memberships)


@dataclass(frozen=True)
class PersonRow:
    person: User
    memberships: list[Membership]
    unit_labels: list[str]
    is_active: bool


def person_rows(people: Iterable[User]) -> list[PersonRow]:
    """One row per person of people_in_region(), ready for the list."""
    rows = []
    for person in people:
        memberships: list[Membership] = getattr(person, "region_memberships", [])
        units = sorted({m.unit.label for m in memberships if m.unit is not None})
        rows.append(PersonRow(person, memberships, units, is_active_in_region(memberships)))
    return rows
