"""Deadlines set by region admins, and the reminders sent before them (once per offset)."""

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from lumbung.accounts.models import Membership, User
from lumbung.jobs import queue
from lumbung.notifications import services
from lumbung.notifications.models import Channel, Deadline, Kind, Notification, Preference
from lumbung.regions.models import Region

pytestmark = pytest.mark.django_db

# 08:00 WITA on 16 August 2025: nine days before the 25th in Parepare.
NOW = dt.datetime(2025, 8, 16, 0, 0, tzinfo=dt.UTC)


def make_deadline(region: Region, admin: User, **changes: Any) -> Deadline:
    data: dict[str, Any] = {
        "title": "Jendela pelaporan nasional ditutup",
        "description": "",
        "due_date": dt.date(2025, 8, 25),
        "due_time": None,
        "remind_days": "14,7,1",
    }
    data.update(changes)
    return services.deadline_create(actor=admin, region=region, **data)


def test_reminders_are_sent_once_per_offset_to_every_active_member(
    region: Region, admin: User, verifier: User, innovator: User, foreign_innovator: User
) -> None:
    make_deadline(region, admin)
    Membership.objects.filter(user=verifier).update(is_active=False)
    # Nine days before: the 14-day reminder is due (caught up), once.
    assert services.reminders_run(now=NOW) == 2
    assert services.reminders_run(now=NOW) == 0
    told = set(Notification.objects.filter(kind=Kind.DEADLINE).values_list("recipient__email", flat=True))
    assert told == {admin.email, innovator.email}
    note = Notification.objects.filter(kind=Kind.DEADLINE).first()
    assert note is not None and "9 hari lagi" in note.title and "25 Agustus 2025" in note.title
    # Two days later the 7-day reminder, then nothing until the last day.
    assert services.reminders_run(now=NOW + dt.timedelta(days=2)) == 2
    assert services.reminders_run(now=NOW + dt.timedelta(days=3)) == 0
    assert services.reminders_run(now=NOW + dt.timedelta(days=8)) == 2
    assert services.reminders_run(now=NOW + dt.timedelta(days=10)) == 0  # past: no more


def test_reminders_use_the_regions_own_day(region: Region, admin: User) -> None:
    make_deadline(region, admin, remind_days="1")
    # 23 August 15:30 UTC is still the 23rd in UTC but already 24 August in WITA (+8).
    assert services.reminders_run(now=dt.datetime(2025, 8, 23, 15, 30, tzinfo=dt.UTC)) == 0
    assert services.reminders_run(now=dt.datetime(2025, 8, 23, 16, 30, tzinfo=dt.UTC)) == 1


def test_reminders_command_honours_preferences(region: Region, admin: User, innovator: User) -> None:
    make_deadline(region, admin, due_date=timezone.localdate() + dt.timedelta(days=1), remind_days="1")
    Preference.objects.create(user=innovator, kind=Kind.DEADLINE, channel=Channel.IN_APP)
    call_command("reminders", stdout=StringIO())
    call_command("reminders", stdout=StringIO())
    queue.run_pending()
    assert [m.to for m in mail.outbox] == [[admin.email]]
    assert Notification.objects.filter(recipient=innovator, kind=Kind.DEADLINE).count() == 1


def test_moving_the_date_makes_reminders_due_again(region: Region, admin: User) -> None:
    deadline = make_deadline(region, admin)
    services.reminders_run(now=NOW)
    services.deadline_update(
        deadline=deadline,
        title=deadline.title,
        description="",
        due_date=dt.date(2025, 8, 28),
        due_time=None,
        remind_days="14,7,1",
    )
    assert services.reminders_run(now=NOW) == 1


def test_admin_manages_deadlines_with_a_confirmation(
    admin_in_client: Any, region: Region, admin: User
) -> None:
    list_url = reverse("notifications:deadlines", args=[region.code])
    assert admin_in_client.get(list_url).status_code == 200
    data = {
        "title": "Batas unggah bukti",
        "description": "Semua OPD",
        "due_date": "2025-08-23",
        "due_time": "16:00",
        "remind_days": "7, 1",
    }
    response = admin_in_client.post(reverse("notifications:deadline_create", args=[region.code]), data)
    assert response.status_code == 302
    deadline = Deadline.objects.get()
    assert deadline.region == region and deadline.created_by == admin and deadline.due_time == dt.time(16)
    assert "Batas unggah bukti" in admin_in_client.get(list_url).text

    bad = data | {"remind_days": "tujuh"}
    edit_url = reverse("notifications:deadline_edit", args=[region.code, deadline.pk])
    response = admin_in_client.post(edit_url, bad)
    assert response.status_code == 200 and "angka 0 sampai 365" in response.text
    assert admin_in_client.post(edit_url, data | {"title": "Batas baru"}).status_code == 302
    deadline.refresh_from_db()
    assert deadline.title == "Batas baru"

    delete_url = reverse("notifications:deadline_delete", args=[region.code, deadline.pk])
    confirm = admin_in_client.get(delete_url)
    assert confirm.status_code == 200 and "Batas baru" in confirm.text
    assert Deadline.objects.exists()  # asking is not deleting
    assert admin_in_client.post(delete_url).status_code == 302
    assert not Deadline.objects.exists()


@pytest.mark.parametrize("who", ["innovator", "verifier", "foreign_admin"])
def test_deadline_pages_are_for_that_regions_admins_only(
    client: Any, request: Any, region: Region, admin: User, who: str
) -> None:
    deadline = make_deadline(region, admin)
    client.force_login(request.getfixturevalue(who))
    pages = [
        ("get", reverse("notifications:deadlines", args=[region.code])),
        ("post", reverse("notifications:deadline_create", args=[region.code])),
        ("post", reverse("notifications:deadline_edit", args=[region.code, deadline.pk])),
        ("post", reverse("notifications:deadline_delete", args=[region.code, deadline.pk])),
    ]
    for method, url in pages:
        assert getattr(client, method)(url, {"title": "x"}).status_code in (403, 404), url
    assert Deadline.objects.get().title == "Jendela pelaporan nasional ditutup"


def test_a_foreign_admin_cannot_reach_a_deadline_through_their_own_region(
    client: Any, region: Region, other_region: Region, admin: User, foreign_admin: User
) -> None:
    deadline = make_deadline(region, admin)
    client.force_login(foreign_admin)
    url = reverse("notifications:deadline_edit", args=[other_region.code, deadline.pk])
    assert client.get(url).status_code == 404
