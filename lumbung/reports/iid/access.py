"""Who may export a region's index answers: its admins and verifiers; anyone outside the region gets 404."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from lumbung.accounts.access import AnyUser
from lumbung.assessment import access
from lumbung.assessment.models import Edition
from lumbung.regions.models import Region


def can_export(user: AnyUser, region: Region) -> bool:
    return access.can_verify_any(user, region)


def get_region_for_exporter(user: AnyUser, code: str, year: int) -> tuple[Region, Edition]:
    """404 for a region the user does not read (or a year without an edition); 403 for a reader only."""
    region = Region.objects.filter(code=code).first()
    if region is None or not access.can_read(user, region):
        raise Http404
    edition = Edition.objects.filter(year=year).first()
    if edition is None:
        raise Http404
    if not can_export(user, region):
        raise PermissionDenied
    return region, edition
