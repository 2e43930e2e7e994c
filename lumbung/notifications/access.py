"""Who may read what here: a person only ever reaches their own notifications; deadlines are the admins'."""

from django.http import Http404

from lumbung.accounts.access import AnyUser, get_region_for_admin
from lumbung.jobs.models import OutgoingEmail
from lumbung.regions.models import Region

from .models import Deadline, Notification
from .selectors import unsent_mails_for_region


def get_notification_for_user(user: AnyUser, pk: int) -> Notification:
    notification = (
        Notification.objects.filter(pk=pk, recipient_id=user.pk).first() if user.is_authenticated else None
    )
    if notification is None:
        raise Http404
    return notification


def get_deadline_for_admin(user: AnyUser, code: str, pk: int) -> tuple[Region, Deadline]:
    region = get_region_for_admin(user, code)
    deadline = Deadline.objects.filter(region=region, pk=pk).first()
    if deadline is None:
        raise Http404
    return region, deadline


def get_unsent_mail_for_admin(user: AnyUser, code: str, pk: int) -> tuple[Region, OutgoingEmail]:
    region = get_region_for_admin(user, code)
    mail = unsent_mails_for_region(region).filter(pk=pk).first()
    if mail is None:
        raise Http404
    return region, mail
