"""Figures per region for `lumbung stats`: a handful of grouped counts, not one query per region."""

from typing import Any

from django.db.models import Count

from lumbung.accounts.models import Membership
from lumbung.regions.models import Region, Unit

from .models import InnovationVersion, Stage, Status


def region_stats(code: str | None = None) -> dict[str, dict[str, Any]]:
    regions = Region.objects.exclude(kind__in=[Region.Kind.NATION, Region.Kind.PROVINCE])
    if code:
        regions = Region.objects.filter(code=code)
    names = dict(regions.values_list("id", "code"))
    result: dict[str, dict[str, Any]] = {
        c: {
            "name": n,
            "units": {},
            "users": {},
            "innovations": {
                "total": 0,
                "status": dict.fromkeys(Status.values, 0),
                "tahapan": dict.fromkeys(Stage.values, 0),
            },
        }
        for c, n in regions.values_list("code", "name")
    }
    units = Unit.objects.filter(region_id__in=names, is_active=True)
    for region_id, kind, n in units.values_list("region_id", "kind").annotate(n=Count("id")).order_by("kind"):
        result[names[region_id]]["units"][kind] = n
    members = Membership.objects.filter(region_id__in=names, is_active=True, user__is_active=True)
    for region_id, role, n in (
        members.values_list("region_id", "role").annotate(n=Count("user_id", distinct=True)).order_by("role")
    ):
        result[names[region_id]]["users"][role] = n
    versions = InnovationVersion.objects.filter(region_id__in=names, is_current=True)
    for region_id, status, stage, n in (
        versions.values_list("region_id", "status", "stage").annotate(n=Count("id")).order_by()
    ):
        row = result[names[region_id]]["innovations"]
        row["total"] += n
        row["status"][status] += n
        row["tahapan"][stage] += n
    if not code:
        result = {c: row for c, row in result.items() if row["units"] or row["innovations"]["total"]}
    return result
