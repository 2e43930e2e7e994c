"""Lab sessions in the personal iCalendar feed of everyone enrolled in their cohort."""

import zoneinfo
from collections.abc import Iterable

from django.utils import timezone

from lumbung.accounts.models import User
from lumbung.notifications.calendar import Event

from .models import Session


def session_events(user: User) -> Iterable[Event]:
    sessions = Session.objects.filter(stage__cohort__participants__user=user).select_related(
        "stage__cohort__region"
    )
    for session in sessions:
        cohort = session.stage.cohort
        tzid = cohort.region.timezone
        zone = zoneinfo.ZoneInfo(tzid)
        # The feed writes local times with the region's TZID; a reader's calendar converts them.
        yield Event(
            uid=f"lab-sesi-{session.pk}@lumbung",
            summary=f"{session.title} · {cohort.name}",
            start=timezone.localtime(session.starts_at, zone).replace(tzinfo=None),
            end=timezone.localtime(session.ends_at, zone).replace(tzinfo=None),
            tzid=tzid,
            description="\n".join(
                [f"{session.stage.name} · {session.get_kind_display()}", *session.speaker_list]
            ),
            location=session.venue or session.meeting_link,
            url=session.meeting_link,
        )
