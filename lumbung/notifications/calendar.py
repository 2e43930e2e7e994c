"""A person's iCalendar feed (RFC 5545), written by hand: deadlines now, lab sessions once the lab exists.

Other apps add their events with `register_source(fn)`, where `fn(user)` yields `Event`s for that user.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils import timezone

from lumbung.accounts.access import memberships_of
from lumbung.accounts.models import User
from lumbung.core.formatting import ZONE_LABELS

from .models import Deadline

PRODID = "-//Lumbung//Kalender Lumbung//ID"
# Indonesia's three zones have kept one offset without daylight saving since 1988: one STANDARD each.
ZONE_OFFSETS = {"Asia/Jakarta": "+0700", "Asia/Makassar": "+0800", "Asia/Jayapura": "+0900"}


@dataclass(frozen=True)
class Event:
    """One entry of a feed. `start` is a date (all day) or a naive local time in `tzid`."""

    uid: str
    summary: str
    start: dt.date | dt.datetime
    tzid: str = "Asia/Jakarta"
    end: dt.date | dt.datetime | None = None
    description: str = ""
    url: str = ""
    location: str = ""


EventSource = Callable[[User], Iterable[Event]]
SOURCES: list[EventSource] = []


def register_source(fn: EventSource) -> EventSource:
    """Add a provider of events (usable as a decorator); registering the same one twice is harmless."""
    if fn not in SOURCES:
        SOURCES.append(fn)
    return fn


def escape_text(value: str) -> str:
    """TEXT escaping of RFC 5545 §3.3.11: backslash, semicolon, comma and newlines."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets (§3.1), never inside a UTF-8 character."""
    out: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            out.append(current)
            # A continuation line starts with one space, which counts towards its 75 octets.
            current, size, limit = char, width, 74
        else:
            current += char
            size += width
    out.append(current)
    return "\r\n ".join(out)


def _date(value: dt.date) -> str:
    return value.strftime("%Y%m%d")


def _local(value: dt.datetime) -> str:
    return value.strftime("%Y%m%dT%H%M%S")


def _utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _moment(name: str, value: dt.date | dt.datetime, tzid: str) -> str:
    if isinstance(value, dt.datetime):
        return f"{name};TZID={tzid}:{_local(value)}"
    return f"{name};VALUE=DATE:{_date(value)}"


def _vtimezone(tzid: str) -> list[str]:
    offset = ZONE_OFFSETS[tzid]
    return [
        "BEGIN:VTIMEZONE",
        f"TZID:{tzid}",
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        f"TZOFFSETFROM:{offset}",
        f"TZOFFSETTO:{offset}",
        f"TZNAME:{ZONE_LABELS[tzid]}",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]


def _vevent(event: Event, stamp: str) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"DTSTAMP:{stamp}",
        _moment("DTSTART", event.start, event.tzid),
    ]
    end = event.end
    if end is None and not isinstance(event.start, dt.datetime):
        end = event.start + dt.timedelta(days=1)  # an all-day event ends the next day (exclusive)
    if end is not None:
        lines.append(_moment("DTEND", end, event.tzid))
    lines.append(f"SUMMARY:{escape_text(event.summary)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if event.url:
        lines.append(f"URL:{event.url}")
    lines.append("END:VEVENT")
    return lines


def render(events: Iterable[Event], *, name: str, now: dt.datetime | None = None) -> str:
    """The whole VCALENDAR, CRLF line ends, folded lines."""
    stamp = _utc(now or timezone.now())
    events = sorted(events, key=lambda e: (str(e.start), e.uid))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    # Each region's zone, even for all-day events: clients then show the feed in the right zone.
    for tzid in sorted({e.tzid for e in events if e.tzid in ZONE_OFFSETS}):
        lines += _vtimezone(tzid)
    for event in events:
        lines += _vevent(event, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def deadline_events(user: User) -> Iterable[Event]:
    """Deadlines of the regions where the person has an active membership."""
    region_ids = {m.region_id for m in memberships_of(user)}
    deadlines = Deadline.objects.filter(region_id__in=region_ids).select_related("region")
    for deadline in deadlines:
        start: dt.date | dt.datetime = deadline.due_date
        if deadline.due_time is not None:
            start = dt.datetime.combine(deadline.due_date, deadline.due_time)
        yield Event(
            uid=f"tenggat-{deadline.pk}@lumbung",
            summary=deadline.title,
            start=start,
            tzid=deadline.region.timezone,
            description=deadline.description,
            location=deadline.region.name,
        )


register_source(deadline_events)


def feed_for(user: User, *, name: str = "Lumbung") -> str:
    events = [event for source in SOURCES for event in source(user)]
    return render(events, name=name)
