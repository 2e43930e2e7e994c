"""Access rules of the registry. Views and services never query versions without these."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from lumbung.accounts.access import AnyUser, memberships_of, region_subtree_q
from lumbung.accounts.models import Role
from lumbung.regions.models import Region, Unit

from .models import Innovation, InnovationVersion, Status
from .workflow import EDITABLE_STATUSES, MOVES, Move

# Coaches and jury read what the region has approved: they learn from it, they do not check drafts.
APPROVED_STATUSES = (Status.APPROVED, Status.READY, Status.SENT)


def visible_versions_q(user: AnyUser) -> Q | None:
    """A filter on InnovationVersion for what the user may read; None means nothing."""
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return Q()
    parts: list[Q] = []
    observer_regions: list[int] = []
    for m in memberships_of(user):
        if m.role == Role.OBSERVER and m.region.kind == Region.Kind.NATION:
            return Q()  # a national observer reads every region; no filter beats a join over all of them
        if m.role == Role.OBSERVER:
            observer_regions.append(m.region_id)
        elif m.role in (Role.ADMIN, Role.LEADER) or (m.role == Role.VERIFIER and m.unit_id is None):
            parts.append(Q(region_id=m.region_id))
        elif m.role in (Role.INNOVATOR, Role.VERIFIER):
            parts.append(Q(innovation__unit_id=m.unit_id))
        elif m.role in (Role.COACH, Role.JURY):
            parts.append(Q(region_id=m.region_id, status__in=APPROVED_STATUSES))
    if observer_regions:
        parts.append(region_subtree_q(observer_regions, prefix="region__"))
    if not parts:
        return None
    combined = parts[0]
    for part in parts[1:]:
        combined |= part
    return combined


def visible_versions(user: AnyUser) -> QuerySet[InnovationVersion]:
    condition = visible_versions_q(user)
    if condition is None:
        return InnovationVersion.objects.none()
    return InnovationVersion.objects.filter(condition)


def get_version_for_user(user: AnyUser, pk: int) -> InnovationVersion:
    """The version if the user may read it; 404 otherwise, so its existence is not revealed."""
    version = (
        visible_versions(user)
        .select_related(
            "region", "innovation__region", "innovation__unit", "main_urusan", "theme", "updated_by"
        )
        .filter(pk=pk)
        .first()
    )
    if version is None:
        raise Http404
    return version


def _acts_for(user: AnyUser, version: InnovationVersion, role: Role) -> bool:
    """Whether the user holds the role over this version's unit (innovators: own unit only)."""
    if not user.is_authenticated:
        return False
    innovation = version.innovation
    for m in memberships_of(user):
        if m.region_id != innovation.region_id or m.role != role:
            continue
        if m.unit_id is None and role != Role.INNOVATOR:
            return True
        if m.unit_id == innovation.unit_id:
            return True
    return False


def can_edit(user: AnyUser, version: InnovationVersion) -> bool:
    if version.status not in EDITABLE_STATUSES:
        return False
    return bool(user.is_authenticated and user.is_superuser) or any(
        _acts_for(user, version, role) for role in (Role.INNOVATOR, Role.ADMIN)
    )


def allowed_moves(user: AnyUser, version: InnovationVersion) -> list[Move]:
    return [
        move
        for move in MOVES
        if version.status in move.sources and any(_acts_for(user, version, role) for role in move.roles)
    ]


def require_edit(user: AnyUser, version: InnovationVersion) -> None:
    if not can_edit(user, version):
        raise PermissionDenied


def units_for_new_innovation(user: AnyUser, region: Region) -> QuerySet[Unit]:
    """Units in which the user may register a new innovation."""
    units = Unit.objects.filter(region=region, is_active=True)
    if user.is_authenticated and user.is_superuser:
        return units
    memberships = [m for m in memberships_of(user) if m.region_id == region.pk]
    if any(m.role == Role.ADMIN for m in memberships):
        return units
    unit_ids = [m.unit_id for m in memberships if m.role == Role.INNOVATOR and m.unit_id]
    return units.filter(pk__in=unit_ids)


def creatable_regions(user: AnyUser) -> list[Region]:
    regions: dict[int, Region] = {}
    for m in memberships_of(user):
        if m.role == Role.ADMIN or (m.role == Role.INNOVATOR and m.unit_id):
            regions.setdefault(m.region_id, m.region)
    return sorted(regions.values(), key=lambda r: r.name)


def can_publish(user: AnyUser, innovation: Innovation) -> bool:
    """Publishing is the region admin's call: it makes the innovation public to anyone."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return any(
        m.role == Role.ADMIN and m.region_id == innovation.region_id and m.unit_id is None
        for m in memberships_of(user)
    )
