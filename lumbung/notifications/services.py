"""Telling people what happened: inbox rows, mails per their preference, digests and deadline reminders."""

import datetime as dt
import zoneinfo
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from lumbung.accounts.models import Membership, Role, User
from lumbung.jobs.mail import queue_email
from lumbung.jobs.models import OutgoingEmail
from lumbung.regions.models import Region

from .models import (
    DEFAULT_CHANNEL,
    CalendarFeed,
    Channel,
    Deadline,
    Kind,
    Notification,
    Preference,
    ReminderSent,
    new_feed_token,
)

# Moves of the validation chain people are told about; the others (withdraw, start, ready) stay quiet.
MOVE_KINDS = {
    "submit": Kind.SUBMITTED,
    "request_revision": Kind.RETURNED,
    "approve": Kind.APPROVED,
    "mark_sent": Kind.SENT,
}
# Note targets that are not model fields, with the labels the innovation page uses.
EXTRA_NOTE_LABELS = {"team": gettext_lazy("Tim"), "attachments": gettext_lazy("Lampiran")}


def base_url() -> str:
    # The exports work adds LUMBUNG_BASE_URL to settings; until then the development address serves.
    return str(getattr(settings, "LUMBUNG_BASE_URL", "http://127.0.0.1:8000")).rstrip("/")


def absolute_url(path: str) -> str:
    return base_url() + path if path else base_url() + "/"


def is_site_path(url: str) -> bool:
    """A path on this site ("/inovasi/3/"), not an address elsewhere ("//evil.example", "https://…")."""
    return (
        url.startswith("/") and not url.startswith("//") and "\\" not in url and ":" not in url.split("?")[0]
    )


def channels_for(user_ids: Iterable[int], kind: str) -> dict[int, str]:
    """Each person's chosen channel for this kind of event (one query)."""
    ids = list(user_ids)
    chosen = dict(Preference.objects.filter(user_id__in=ids, kind=kind).values_list("user_id", "channel"))
    return {pk: chosen.get(pk, DEFAULT_CHANNEL) for pk in ids}


def preferences_of(user: User) -> dict[str, str]:
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "channel"))
    return {kind: chosen.get(kind, DEFAULT_CHANNEL) for kind in Kind.values}


@transaction.atomic
def preferences_save(*, user: User, channels: dict[str, str]) -> None:
    for kind, channel in channels.items():
        if kind not in Kind.values or channel not in Channel.values:
            raise ValidationError(_("Pilihan pemberitahuan tidak dikenal."))
        Preference.objects.update_or_create(user=user, kind=kind, defaults={"channel": channel})


def _render(kind: str, context: dict[str, Any]) -> tuple[str, str]:
    # A kind with several events (the lab's) keeps one template pair per event in a folder of its own.
    name = f"{kind}/{context['event']}" if "event" in context else kind
    title = render_to_string(f"notifications/kinds/{name}_title.txt", context)
    body = render_to_string(f"notifications/kinds/{name}_body.txt", context)
    return " ".join(title.split())[:250], body.strip()


def _mail_for(notification: Notification, user: User) -> None:
    context = {
        "user": user,
        "notification": notification,
        "link": absolute_url(notification.url) if notification.url else "",
        "preferences_url": absolute_url(reverse("notifications:preferences")),
    }
    text = render_to_string("notifications/email/notification.txt", context)
    queue_email(to=user.email, subject=notification.title, text=text, language=user.language)


@transaction.atomic
def notify(
    *,
    recipients: Iterable[User],
    kind: str,
    context: dict[str, Any],
    url: str = "",
    region: Region | None = None,
    actor: User | None = None,
    mail: bool = True,
) -> list[Notification]:
    """Tell each recipient (never the actor) in their own language, by the channel they chose for `kind`.

    `mail=False` keeps it in the inbox whatever the preference (the caller has mailed already).
    """
    if url and not is_site_path(url):
        raise ValueError(f"Notification links stay on this site: {url!r}")
    people: dict[int, User] = {}
    for user in recipients:
        if user.is_active and (actor is None or user.pk != actor.pk):
            people.setdefault(user.pk, user)
    if not people:
        return []
    channels = channels_for(people, kind) if mail else dict.fromkeys(people, Channel.IN_APP)
    rendered: dict[str, tuple[str, str]] = {}
    rows: list[Notification] = []
    for user in people.values():
        if user.language not in rendered:
            with translation.override(user.language):
                rendered[user.language] = _render(kind, context)
        title, body = rendered[user.language]
        rows.append(
            Notification(
                recipient=user,
                kind=kind,
                title=title,
                body=body,
                url=url,
                region=region,
                digest_pending=channels[user.pk] == Channel.DIGEST,
            )
        )
    Notification.objects.bulk_create(rows)
    for row in rows:
        if channels[row.recipient_id] == Channel.IMMEDIATE:
            with translation.override(row.recipient.language):
                _mail_for(row, row.recipient)
    return rows


def _active_members(region_id: int) -> Any:
    return Membership.objects.filter(region_id=region_id, is_active=True, user__is_active=True)


def _note_label(version: Any, name: str) -> Any:
    try:
        return version._meta.get_field(name).verbose_name
    except (FieldDoesNotExist, AttributeError):
        return EXTRA_NOTE_LABELS.get(name, name)


def notify_version_moved(*, version: Any, move: str, actor: User) -> list[Notification]:
    """Tell the people the chain concerns that a version moved.

    `version` is an innovations.InnovationVersion, read by its attributes: the innovations app sits
    below this one in the import order, so this module cannot import its models.
    """
    kind = MOVE_KINDS.get(move)
    if kind is None:
        return []
    innovation = version.innovation
    members = _active_members(innovation.region_id)
    innovators = Q(role=Role.INNOVATOR, unit_id=innovation.unit_id)
    if kind == Kind.SUBMITTED:
        wanted = Q(role=Role.VERIFIER) & (Q(unit__isnull=True) | Q(unit_id=innovation.unit_id))
    elif kind == Kind.SENT:
        wanted = innovators | Q(role=Role.ADMIN)
    elif kind == Kind.RETURNED:
        team_ids = [pk for pk in version.team.values_list("user_id", flat=True) if pk]
        wanted = innovators | Q(user_id__in=team_ids)
    else:
        wanted = innovators
    user_ids = members.filter(wanted).values_list("user_id", flat=True)
    recipients = User.objects.filter(pk__in=user_ids, is_active=True)
    notes = dict(version.revision_notes or {}) if kind == Kind.RETURNED else {}
    context = {
        "name": version.name,
        "year": version.year,
        "unit": innovation.unit.name,
        "region": innovation.region.name,
        "actor": actor.full_name,
        "note": notes.pop("_note", ""),
        "field_notes": [(_note_label(version, field), text) for field, text in notes.items()],
    }
    return notify(
        recipients=recipients,
        kind=kind,
        context=context,
        url=reverse("innovations:detail", args=[version.pk]),
        region=innovation.region,
        actor=actor,
    )


# The inbox


@transaction.atomic
def notification_open(*, user: User, notification: Notification) -> str:
    """Mark the person's notification read and give the site path to go to."""
    if notification.recipient_id != user.pk:
        raise ValidationError(_("Notifikasi tidak ditemukan."))
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=timezone.now())
    return notification.url if is_site_path(notification.url) else reverse("notifications:inbox")


@transaction.atomic
def notifications_mark_all_read(*, user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())


# The daily digest


@transaction.atomic
def digest_send(*, user: User) -> OutgoingEmail | None:
    """Mail one person the notifications waiting for their digest, each exactly once."""
    # Locked and cleared in the same transaction as the mail is queued: a second run finds nothing.
    waiting = list(
        Notification.objects.select_for_update()
        .filter(recipient=user, digest_pending=True)
        .order_by("created_at", "id")
    )
    if not waiting:
        return None
    Notification.objects.filter(pk__in=[n.pk for n in waiting]).update(digest_pending=False)
    with translation.override(user.language):
        context = {
            "user": user,
            "notifications": [(n, absolute_url(n.url) if n.url else "") for n in waiting],
            "inbox_url": absolute_url(reverse("notifications:inbox")),
            "preferences_url": absolute_url(reverse("notifications:preferences")),
        }
        subject = ngettext(
            "Ringkasan Lumbung: %(count)s pemberitahuan",
            "Ringkasan Lumbung: %(count)s pemberitahuan",
            len(waiting),
        ) % {"count": len(waiting)}
        text = render_to_string("notifications/email/digest.txt", context)
        return queue_email(to=user.email, subject=subject, text=text, language=user.language)


def digest_run() -> int:
    """Send every waiting digest; safe to run twice (the second run sends nothing). Returns mails queued."""
    user_ids = (
        Notification.objects.filter(digest_pending=True).values_list("recipient_id", flat=True).distinct()
    )
    sent = 0
    for user in User.objects.filter(pk__in=list(user_ids), is_active=True):
        if digest_send(user=user) is not None:
            sent += 1
    return sent


# Deadlines and reminders


def _check_deadline(deadline: Deadline) -> None:
    deadline.full_clean(exclude=["region", "created_by"])


@transaction.atomic
def deadline_create(
    *,
    actor: User,
    region: Region,
    title: str,
    description: str,
    due_date: dt.date,
    due_time: dt.time | None,
    remind_days: str,
) -> Deadline:
    deadline = Deadline(
        region=region,
        title=title.strip(),
        description=description.strip(),
        due_date=due_date,
        due_time=due_time,
        remind_days=remind_days.strip(),
        created_by=actor,
    )
    _check_deadline(deadline)
    deadline.save()
    return deadline


@transaction.atomic
def deadline_update(
    *,
    deadline: Deadline,
    title: str,
    description: str,
    due_date: dt.date,
    due_time: dt.time | None,
    remind_days: str,
) -> Deadline:
    # Compared with the stored row: a model form has already written the new values on the instance.
    before = Deadline.objects.filter(pk=deadline.pk).values_list("due_date", "due_time").get()
    moved = before != (due_date, due_time)
    deadline.title, deadline.description = title.strip(), description.strip()
    deadline.due_date, deadline.due_time, deadline.remind_days = due_date, due_time, remind_days.strip()
    _check_deadline(deadline)
    deadline.save()
    if moved:
        # A new date is a new countdown: its reminders are due again.
        deadline.reminders_sent.all().delete()
    return deadline


@transaction.atomic
def deadline_delete(*, deadline: Deadline) -> None:
    deadline.delete()


def region_today(region: Region, now: dt.datetime | None = None) -> dt.date:
    return timezone.localtime(now or timezone.now(), zoneinfo.ZoneInfo(region.timezone)).date()


@transaction.atomic
def deadline_remind(*, deadline: Deadline, today: dt.date) -> list[Notification]:
    """Send the reminder due today for this deadline, once; a missed day is caught up by one reminder."""
    days_left = (deadline.due_date - today).days
    if days_left < 0:
        return []
    due = [n for n in deadline.reminder_offsets if n >= days_left]
    if not due:
        return []
    done = set(deadline.reminders_sent.values_list("days_before", flat=True))
    new = [n for n in due if n not in done]
    if not new:
        return []
    try:
        with transaction.atomic():
            ReminderSent.objects.bulk_create([ReminderSent(deadline=deadline, days_before=n) for n in new])
    except IntegrityError:
        return []  # another run sent it a moment ago
    member_ids = _active_members(deadline.region_id).values_list("user_id", flat=True)
    context = {"deadline": deadline, "days_left": days_left, "zone": deadline.region.timezone}
    return notify(
        recipients=User.objects.filter(pk__in=member_ids, is_active=True),
        kind=Kind.DEADLINE,
        context=context,
        url=reverse("notifications:calendar"),
        region=deadline.region,
    )


def reminders_run(*, now: dt.datetime | None = None) -> int:
    """Send every reminder due today (each region's own today); safe to run twice. Returns notifications."""
    now = now or timezone.now()
    # Every zone is within a day of UTC, so this bound keeps out only deadlines that are surely past.
    earliest = now.date() - dt.timedelta(days=1)
    count = 0
    for deadline in Deadline.objects.filter(due_date__gte=earliest).select_related("region"):
        count += len(deadline_remind(deadline=deadline, today=region_today(deadline.region, now)))
    return count


# The calendar feed


@transaction.atomic
def calendar_feed_for(*, user: User) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


@transaction.atomic
def calendar_feed_reset(*, user: User) -> CalendarFeed:
    """Give the feed a new secret address; the old one stops working at once."""
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    feed.token = new_feed_token()
    feed.save(update_fields=["token", "created_at"])
    return feed
