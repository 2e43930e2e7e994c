"""The personal iCalendar feed: valid RFC 5545 (parsed by an independent library), private, resettable."""

import datetime as dt
import zoneinfo
from collections.abc import Iterable
from typing import Any

import icalendar
import pytest
from django.urls import reverse

from lumbung.accounts.models import User
from lumbung.notifications import calendar, services
from lumbung.notifications.models import Deadline
from lumbung.regions.models import Region

pytestmark = pytest.mark.django_db

TRICKY = "Rapat; evaluasi, tahap 1\nruang \\ utama"
LONG = "Unggah semua bukti indikator sebelum jendela nasional ditutup. " * 6 + "Terima kasih, ya ✓ ĕ"


def deadline(region: Region, admin: User, **changes: Any) -> Deadline:
    data: dict[str, Any] = {
        "title": "Jendela pelaporan nasional ditutup",
        "description": "",
        "due_date": dt.date(2025, 8, 23),
        "due_time": None,
        "remind_days": "7",
    }
    data.update(changes)
    return services.deadline_create(actor=admin, region=region, **data)


def feed(client: Any, user: User) -> tuple[bytes, str]:
    token = services.calendar_feed_for(user=user).token
    response = client.get(reverse("notifications:calendar_feed", args=[token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return response.content, token


def events(content: bytes) -> dict[str, Any]:
    parsed = icalendar.Calendar.from_ical(content)
    return {str(e["SUMMARY"]): e for e in parsed.walk("VEVENT")}


def test_feed_lists_the_deadlines_of_the_users_regions_only(
    client: Any, region: Region, other_region: Region, admin: User, innovator: User, foreign_admin: User
) -> None:
    deadline(region, admin)
    deadline(
        region, admin, title="Batas unggah bukti", due_time=dt.time(16, 0), due_date=dt.date(2025, 8, 20)
    )
    deadline(other_region, foreign_admin, title="Rahasia Makassar")
    content, _token = feed(client, innovator)  # no login: the token is the credential
    found = events(content)
    assert set(found) == {"Jendela pelaporan nasional ditutup", "Batas unggah bukti"}

    all_day = found["Jendela pelaporan nasional ditutup"]
    assert all_day["DTSTART"].dt == dt.date(2025, 8, 23)
    assert all_day["DTEND"].dt == dt.date(2025, 8, 24)
    assert all_day["DTSTAMP"].dt.utcoffset() == dt.timedelta(0)
    timed = found["Batas unggah bukti"]
    start = timed["DTSTART"].dt
    assert start.replace(tzinfo=None) == dt.datetime(2025, 8, 20, 16, 0)
    assert start.utcoffset() == dt.timedelta(hours=8)  # WITA
    assert start.astimezone(dt.UTC) == dt.datetime(2025, 8, 20, 8, 0, tzinfo=dt.UTC)
    assert b"DTSTART;TZID=Asia/Makassar:20250820T160000\r\n" in content
    parsed = icalendar.Calendar.from_ical(content)
    zones = [str(z["TZID"]) for z in parsed.walk("VTIMEZONE")]
    assert zones == ["Asia/Makassar"]


def test_uids_are_stable_across_fetches(client: Any, region: Region, admin: User) -> None:
    deadline(region, admin)
    first, _token = feed(client, admin)
    second, _token = feed(client, admin)
    uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(first).walk("VEVENT")]
    assert uids == [str(e["UID"]) for e in icalendar.Calendar.from_ical(second).walk("VEVENT")]
    assert len(set(uids)) == len(uids) == 1


def test_text_is_escaped_and_long_lines_are_folded(client: Any, region: Region, admin: User) -> None:
    deadline(region, admin, title=TRICKY, description=LONG)
    content, _token = feed(client, admin)
    assert b"SUMMARY:Rapat\\; evaluasi\\, tahap 1\\nruang \\\\ utama\r\n" in content
    for line in content.split(b"\r\n"):
        assert len(line) <= 75
    assert b"\n" not in content.replace(b"\r\n", b"")  # CRLF only
    event = events(content)[TRICKY]
    assert str(event["DESCRIPTION"]) == LONG
    assert content.decode("utf-8")  # folding never split a character


def test_fold_counts_octets_not_characters() -> None:
    line = "DESCRIPTION:" + "é" * 100
    folded = calendar.fold(line)
    parts = folded.encode().split(b"\r\n")
    assert all(len(part) <= 75 for part in parts)
    assert folded.replace("\r\n ", "") == line


def test_reset_makes_the_old_address_unknown(client: Any, region: Region, admin: User) -> None:
    deadline(region, admin)
    _content, old = feed(client, admin)
    client.force_login(admin)
    page = client.get(reverse("notifications:calendar"))
    assert old in page.text
    assert client.post(reverse("notifications:calendar_reset")).status_code == 302
    client.logout()
    assert client.get(reverse("notifications:calendar_feed", args=[old])).status_code == 404
    new = services.calendar_feed_for(user=admin).token
    assert new != old
    assert client.get(reverse("notifications:calendar_feed", args=[new])).status_code == 200


def test_unknown_token_is_not_found(client: Any) -> None:
    assert client.get(reverse("notifications:calendar_feed", args=["tebakan"])).status_code == 404


def test_an_inactive_user_has_no_feed(client: Any, admin: User) -> None:
    token = services.calendar_feed_for(user=admin).token
    User.objects.filter(pk=admin.pk).update(is_active=False)
    assert client.get(reverse("notifications:calendar_feed", args=[token])).status_code == 404


def test_other_apps_add_events_through_the_registry(client: Any, admin: User) -> None:
    def sessions(user: User) -> Iterable[calendar.Event]:
        yield calendar.Event(
            uid=f"sesi-1-{user.pk}@lumbung",
            summary="Sesi Discover",
            start=dt.datetime(2025, 9, 1, 9, 0),
            end=dt.datetime(2025, 9, 1, 12, 0),
            tzid="Asia/Jayapura",
        )

    calendar.register_source(sessions)
    try:
        content, _token = feed(client, admin)
    finally:
        calendar.SOURCES.remove(sessions)
    event = events(content)["Sesi Discover"]
    assert event["DTSTART"].dt.utcoffset() == dt.timedelta(hours=9)
    assert event["DTEND"].dt == dt.datetime(2025, 9, 1, 12, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Jayapura"))
