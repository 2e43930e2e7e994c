"""Who may do what: the helpers every view, command and API call goes through.

A user's memberships are loaded once per request and cached on the user object.
"""

from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from lumbung.regions.models import Region, Unit

from .models import Membership, Role, User

AnyUser = User | AnonymousUser


class AuthenticatedRequest(HttpRequest):
    """A request to a view behind login_required: for the type checker, its user is signed in."""

    user: User


def memberships_of(user: AnyUser) -> list[Membership]:
    if not user.is_authenticated:
        return []
    cached: list[Membership] | None = getattr(user, "_lumbung_memberships", None)
    if cached is None:
        cached = list(
            Membership.objects.filter(user=user, is_active=True)
            .select_related("region", "region__parent", "unit")
            .order_by("region__name", "role")
        )
        user._lumbung_memberships = cached  # type: ignore[attr-defined]
    return cached


def forget_memberships(user: AnyUser) -> None:
    if hasattr(user, "_lumbung_memberships"):
        del user._lumbung_memberships


def has_role(user: AnyUser, region_id: int, roles: Iterable[Role | str]) -> bool:
    wanted = set(roles)
    return any(m.region_id == region_id and m.role in wanted for m in memberships_of(user))


def is_region_admin(user: AnyUser, region: Region) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or has_role(user, region.pk, [Role.ADMIN])))


def admin_regions(user: AnyUser) -> QuerySet[Region]:
    if user.is_authenticated and user.is_superuser:
        return Region.objects.exclude(kind=Region.Kind.NATION).exclude(kind=Region.Kind.PROVINCE)
    ids = [m.region_id for m in memberships_of(user) if m.role == Role.ADMIN]
    return Region.objects.filter(pk__in=ids)


def get_region_for_admin(user: AnyUser, code: str) -> Region:
    """The region with this code if the user administers it; 404 otherwise (never reveal it exists)."""
    region = admin_regions(user).filter(code=code).first()
    if region is None:
        raise Http404
    return region


def get_unit_for_admin(user: AnyUser, region: Region, pk: int) -> Unit:
    if not is_region_admin(user, region):
        raise PermissionDenied
    unit = Unit.objects.filter(region=region, pk=pk).select_related("parent").first()
    if unit is None:
        raise Http404
    return unit


def get_member_for_admin(user: AnyUser, region: Region, pk: int) -> User:
    if not is_region_admin(user, region):
        raise PermissionDenied
    member = User.objects.filter(pk=pk, memberships__region=region).distinct().first()
    if member is None:
        raise Http404
    return member


def get_membership_for_admin(user: AnyUser, region: Region, member: User, pk: int) -> Membership:
    """One membership of this member in this region, for an admin of the region."""
    if not is_region_admin(user, region):
        raise PermissionDenied
    membership = Membership.objects.filter(pk=pk, user=member, region=region).select_related("unit").first()
    if membership is None:
        raise Http404
    return membership


def region_subtree_q(region_ids: Iterable[int], prefix: str = "") -> Q:
    """Regions given, their children and grandchildren (nation → province → kabupaten/kota)."""
    ids = list(region_ids)
    return (
        Q(**{f"{prefix}id__in": ids})
        | Q(**{f"{prefix}parent_id__in": ids})
        | Q(**{f"{prefix}parent__parent_id__in": ids})
    )
