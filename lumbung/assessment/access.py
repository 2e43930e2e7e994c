"""Who may read, answer and verify a region's index answers.

Admins and region-wide verifiers answer everything of their region (SPD and every innovation); a verifier
limited to a unit, like an innovator, answers only the SID of that unit's innovations. Leaders and the
region's innovators read. Anyone else gets 404, so a region's answers never reveal they exist.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from lumbung.accounts.access import AnyUser, memberships_of
from lumbung.accounts.models import Membership, Role
from lumbung.innovations.models import InnovationVersion
from lumbung.regions.models import Region

from .models import Answer, Edition

READER_ROLES = (Role.ADMIN, Role.VERIFIER, Role.LEADER, Role.INNOVATOR)
VERIFIER_ROLES = (Role.ADMIN, Role.VERIFIER)


def _memberships(user: AnyUser, region_id: int) -> list[Membership]:
    return [m for m in memberships_of(user) if m.region_id == region_id]


def _is_superuser(user: AnyUser) -> bool:
    return bool(user.is_authenticated and user.is_superuser)


def can_read(user: AnyUser, region: Region) -> bool:
    return _is_superuser(user) or any(m.role in READER_ROLES for m in _memberships(user, region.pk))


def _region_wide(user: AnyUser, region_id: int, roles: tuple[Role, ...]) -> bool:
    """An admin, or a holder of one of the roles for the whole region (not limited to a unit)."""
    return _is_superuser(user) or any(
        m.role == Role.ADMIN or (m.role in roles and m.unit_id is None) for m in _memberships(user, region_id)
    )


def _unit_ids(user: AnyUser, region_id: int, roles: tuple[Role, ...]) -> set[int]:
    return {m.unit_id for m in _memberships(user, region_id) if m.role in roles and m.unit_id}


def can_answer_spd(user: AnyUser, region: Region) -> bool:
    return _region_wide(user, region.pk, (Role.VERIFIER,))


def can_answer_sid(user: AnyUser, version: InnovationVersion) -> bool:
    if _region_wide(user, version.region_id, (Role.VERIFIER,)):
        return True
    return version.innovation.unit_id in _unit_ids(user, version.region_id, (Role.INNOVATOR, Role.VERIFIER))


def can_answer(user: AnyUser, answer: Answer) -> bool:
    if answer.version_id is None:
        return can_answer_spd(user, answer.region)
    assert answer.version is not None
    return can_answer_sid(user, answer.version)


def can_verify_in(user: AnyUser, region_id: int, version: InnovationVersion | None) -> bool:
    """Whether the user verifies the SPD answers (no version) or one innovation's answers of a region."""
    if _region_wide(user, region_id, (Role.VERIFIER,)):
        return True
    if version is None:
        return False
    return version.innovation.unit_id in _unit_ids(user, region_id, (Role.VERIFIER,))


def can_verify(user: AnyUser, answer: Answer) -> bool:
    """Whether the user's role lets them verify this answer (the service also refuses their own changes)."""
    return can_verify_in(user, answer.region_id, answer.version if answer.version_id else None)


def can_verify_any(user: AnyUser, region: Region) -> bool:
    """Whether the user verifies anything in the region (shows the verification queue)."""
    return any(m.role in VERIFIER_ROLES for m in _memberships(user, region.pk)) or _is_superuser(user)


def verifiable_q(user: AnyUser, region: Region) -> Q | None:
    """A filter on Answer for what the user may verify in the region; None means nothing."""
    if _region_wide(user, region.pk, (Role.VERIFIER,)):
        return Q(region=region)
    units = _unit_ids(user, region.pk, (Role.VERIFIER,))
    if not units:
        return None
    return Q(region=region, version__innovation__unit_id__in=units)


def get_region_for_reader(user: AnyUser, code: str) -> Region:
    """The region with this code if the user reads its answers; 404 otherwise."""
    region = Region.objects.filter(code=code).first()
    if region is None or not can_read(user, region):
        raise Http404
    return region


def get_edition_for_year(year: int) -> Edition:
    """The edition of the index for a year, published or not; 404 when there is none yet."""
    edition = Edition.objects.filter(year=year).first()
    if edition is None:
        raise Http404
    return edition


def get_version_for_reader(user: AnyUser, region: Region, year: int, pk: int) -> InnovationVersion:
    """A version of the region's report for the year, for someone who reads the region; 404 otherwise."""
    if not can_read(user, region):
        raise Http404
    version = (
        InnovationVersion.objects.filter(region=region, year=year, pk=pk)
        .select_related("innovation__unit", "region")
        .first()
    )
    if version is None:
        raise Http404
    return version


def get_version_for_answerer(user: AnyUser, region: Region, year: int, pk: int) -> InnovationVersion:
    """The version if the user may answer its SID indicators: 404 outside the region, 403 inside it."""
    version = get_version_for_reader(user, region, year, pk)
    if not can_answer_sid(user, version):
        raise PermissionDenied
    return version


def get_answer_for_reader(user: AnyUser, region: Region, edition: Edition, pk: int) -> Answer:
    if not can_read(user, region):
        raise Http404
    answer = (
        Answer.objects.filter(region=region, edition=edition, pk=pk)
        .select_related("indicator", "region", "version__innovation__unit", "answered_by")
        .first()
    )
    if answer is None:
        raise Http404
    return answer
