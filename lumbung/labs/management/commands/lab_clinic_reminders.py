import datetime as dt
import zoneinfo
from collections import defaultdict
from typing import Any

from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import timezone

from lumbung.accounts.models import User
from lumbung.labs.clinic import slot_when
from lumbung.labs.models import ClinicAction, Participant
from lumbung.notifications.models import Kind, Notification
from lumbung.notifications.services import notify

# A missed run (a server down for a day or two) is caught up for actions this many days overdue.
CATCH_UP_DAYS = 7


def _link(action: ClinicAction) -> str:
    cohort_pk = action.record.booking.slot.cohort_id
    return f"{reverse('labs:clinic_list', args=[cohort_pk])}#tindak-lanjut-{action.pk}"


def _days_overdue(action: ClinicAction, now: dt.datetime) -> int:
    zone = zoneinfo.ZoneInfo(action.record.booking.slot.cohort.region.timezone)
    return (timezone.localtime(now, zone).date() - action.due_date).days


def overdue_action_reminders(*, now: dt.datetime | None = None) -> int:
    """Tell each open clinic action's team and coach, once, that its due date has passed.

    The notification's link names the action; an action with such a notification already is not
    told again, so running twice a day (or every day) repeats nothing. Returns notifications made.
    """
    now = now or timezone.now()
    # Narrowed in SQL with a day's margin for the zones, then exact per region's own today below.
    newest = now.date()
    oldest = newest - dt.timedelta(days=CATCH_UP_DAYS + 1)
    candidates = [
        action
        for action in ClinicAction.objects.filter(
            status=ClinicAction.Status.OPEN, due_date__range=(oldest, newest)
        ).select_related("record__booking__team__coach", "record__booking__slot__cohort__region")
        if 1 <= _days_overdue(action, now) <= CATCH_UP_DAYS
    ]
    links = {action.pk: _link(action) for action in candidates}
    told = set(
        Notification.objects.filter(kind=Kind.LAB, url__in=links.values()).values_list("url", flat=True)
    )
    pending = [action for action in candidates if links[action.pk] not in told]
    members: dict[int, list[User]] = defaultdict(list)
    team_ids = {action.record.booking.team_id for action in pending}
    for participant in Participant.objects.filter(team_id__in=team_ids).select_related("user"):
        assert participant.team_id is not None
        members[participant.team_id].append(participant.user)
    count = 0
    for action in pending:
        booking = action.record.booking
        coach = [booking.team.coach] if booking.team.coach else []
        context = {
            "event": "clinic_action_overdue",
            "team": booking.team.name,
            "what": action.what,
            "owner": action.owner,
            "due": action.due_date,
            "when": slot_when(booking.slot),
        }
        count += len(
            notify(
                recipients=[*members[booking.team_id], *coach],
                kind=Kind.LAB,
                context=context,
                url=links[action.pk],
                region=booking.slot.cohort.region,
            )
        )
    return count


class Command(BaseCommand):
    help = (
        "Remind teams and their coaches of clinic actions past their due date and still open. "
        "Each action is told once: the day after its due date in the region's zone, or at the next run "
        f"within {CATCH_UP_DAYS} days if runs were missed. The reminder's link names the action, and an "
        "action already reminded is skipped, so the command is safe to run several times a day from cron."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = overdue_action_reminders()
        self.stdout.write(f"{count} pengingat tindak lanjut klinik dikirim.")
