"""Reads of notifications and mails; each is scoped to one person or one region."""

from django.db.models import QuerySet

from lumbung.accounts.models import Membership, User
from lumbung.jobs.models import OutgoingEmail
from lumbung.regions.models import Region

from .models import Deadline, Notification


def inbox(user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user).select_related("region").order_by("-created_at", "-id")


def unread_count(user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def deadlines_of_region(region: Region) -> QuerySet[Deadline]:
    return Deadline.objects.filter(region=region).order_by("due_date", "due_time", "id")


def unsent_mails_for_region(region: Region) -> QuerySet[OutgoingEmail]:
    """Mails not sent yet (waiting or failed) addressed to people of this region."""
    emails = Membership.objects.filter(region=region).values("user__email")
    return (
        OutgoingEmail.objects.exclude(state=OutgoingEmail.State.SENT)
        .filter(to__in=emails)
        .order_by("-created_at", "-id")
    )
