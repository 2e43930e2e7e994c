"""Reminders before the national reporting window closes, for each region's admins and verifiers."""

import datetime as dt

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from lumbung.accounts.models import Membership, Role, User
from lumbung.notifications.models import Kind, Notification
from lumbung.notifications.services import notify, region_today
from lumbung.regions.models import Region

from ..models import Edition
from .readiness import readiness_items
from .snapshot import snapshot_for

# Days before the deadline on which the reminder goes out (a policy of Lumbung, not a rule of an edition).
REMINDER_DAYS = (14, 7, 3, 1)
RECIPIENT_ROLES = (Role.ADMIN, Role.VERIFIER)


def readiness_url(region: Region, year: int) -> str:
    return reverse("assessment:index_readiness", args=[region.code, year])


def iid_reminders_run(*, now: dt.datetime | None = None) -> int:
    """Remind every region whose own today is 14, 7, 3 or 1 days before an edition's reporting deadline.

    Safe to run again the same day: nobody is reminded twice a day about a region. Returns notifications.
    """
    now = now or timezone.now()
    # Every zone is within a day of UTC: this bound keeps out only deadlines surely past.
    editions = Edition.objects.filter(reporting_deadline__gte=now.date() - dt.timedelta(days=1))
    region_ids = (
        Membership.objects.filter(role__in=RECIPIENT_ROLES, is_active=True, user__is_active=True)
        .values_list("region_id", flat=True)
        .distinct()
    )
    regions = list(Region.objects.filter(pk__in=region_ids).order_by("code"))
    count = 0
    for edition in editions:
        for region in regions:
            count += len(iid_remind(region=region, edition=edition, now=now))
    return count


@transaction.atomic
def iid_remind(*, region: Region, edition: Edition, now: dt.datetime) -> list[Notification]:
    """The reminder due today for this region and edition, to those not yet reminded today."""
    deadline = edition.reporting_deadline
    if deadline is None:
        return []
    today = region_today(region, now)
    days_left = (deadline - today).days
    if days_left not in REMINDER_DAYS:
        return []
    # The region's date in the link makes the reminder of a day recognisable whatever the clock says.
    url = f"{readiness_url(region, edition.year)}?pengingat={today.isoformat()}"
    already = Notification.objects.filter(kind=Kind.IID, region=region, url=url)
    member_ids = Membership.objects.filter(
        region=region, role__in=RECIPIENT_ROLES, is_active=True
    ).values_list("user_id", flat=True)
    recipients = list(
        User.objects.filter(pk__in=member_ids, is_active=True).exclude(
            pk__in=already.values_list("recipient_id", flat=True)
        )
    )
    if not recipients:
        return []
    items = readiness_items(snapshot_for(region, edition))
    context = {
        "event": "reminder",
        "region": region.name,
        "year": edition.year,
        "deadline": deadline,
        "days_left": days_left,
        "count": len(items),
        "top": items[0] if items else None,
    }
    return notify(recipients=recipients, kind=Kind.IID, context=context, url=url, region=region)
