"""Lab sessions and coaching clinics in the personal iCalendar feed of the people they concern."""

import datetime as dt
import zoneinfo
from collections.abc import Iterable

from django.db.models import Prefetch, Q
from django.utils import timezone

from lumbung.accounts.models import User
from lumbung.notifications.calendar import Event

from .models import ClinicBooking, ClinicSlot, Session


def _local(moment: dt.datetime, zone: str) -> dt.datetime:
    # The feed writes local times with the region's TZID; a reader's calendar converts them.
    return timezone.localtime(moment, zoneinfo.ZoneInfo(zone)).replace(tzinfo=None)


def session_events(user: User) -> Iterable[Event]:
    sessions = Session.objects.filter(stage__cohort__participants__user=user).select_related(
        "stage__cohort__region"
    )
    for session in sessions:
        cohort = session.stage.cohort
        tzid = cohort.region.timezone
        yield Event(
            uid=f"lab-sesi-{session.pk}@lumbung",
            summary=f"{session.title} · {cohort.name}",
            start=_local(session.starts_at, tzid),
            end=_local(session.ends_at, tzid),
            tzid=tzid,
            description="\n".join(
                [f"{session.stage.name} · {session.get_kind_display()}", *session.speaker_list]
            ),
            location=session.venue or session.meeting_link,
            url=session.meeting_link,
        )


def clinic_events(user: User) -> Iterable[Event]:
    """A coach's own slots (with the teams booked), and the booked clinics of the person's teams."""
    booked = ClinicBooking.objects.filter(status=ClinicBooking.Status.BOOKED).select_related("team")
    slots = (
        ClinicSlot.objects.filter(
            Q(coach=user)
            | Q(bookings__status=ClinicBooking.Status.BOOKED, bookings__team__members__user=user)
        )
        .distinct()
        .select_related("cohort__region", "coach")
        .prefetch_related(Prefetch("bookings", queryset=booked, to_attr="booked"))
    )
    for slot in slots:
        tzid = slot.cohort.region.timezone
        teams = ", ".join(b.team.name for b in slot.booked)
        yield Event(
            uid=f"lab-klinik-{slot.pk}@lumbung",
            summary=f"Coaching clinic · {teams or slot.coach.full_name} · {slot.cohort.name}",
            start=_local(slot.starts_at, tzid),
            end=_local(slot.ends_at, tzid),
            tzid=tzid,
            description=f"Coach: {slot.coach.full_name}",
            location=slot.venue or slot.meeting_link,
            url=slot.meeting_link,
        )
