"""Coaching clinics: slots, bookings under their rules, records and actions, pages, reminders, the feed."""

import datetime as dt
import io
import threading
import zoneinfo
from collections.abc import Callable
from typing import Any

import icalendar
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from lumbung.accounts.models import Role, User
from lumbung.labs import clinic, services
from lumbung.labs.clinic import ActionInput
from lumbung.labs.clinic_forms import SlotForm
from lumbung.labs.management.commands.lab_clinic_reminders import overdue_action_reminders
from lumbung.labs.models import (
    ClinicAction,
    ClinicBooking,
    ClinicRecord,
    ClinicSlot,
    Cohort,
    GateStatus,
    Milestone,
    Participant,
    StageWork,
    Team,
    region_today,
)
from lumbung.notifications import services as notification_services
from lumbung.notifications.models import Notification
from lumbung.regions.models import Region, Unit

from .factories import lab_schedule_open

pytestmark = pytest.mark.django_db

WITA = zoneinfo.ZoneInfo("Asia/Makassar")
LINK = "https://meet.example.id/klinik"


def at(hours: float) -> dt.datetime:
    return timezone.now() + dt.timedelta(hours=hours)


def make_slot(
    cohort: Cohort,
    coach: User,
    start: float = 48,
    length: float = 1,
    capacity: int = 1,
    actor: User | None = None,
) -> ClinicSlot:
    return clinic.slot_create(
        actor=actor or coach,
        cohort=cohort,
        coach=coach,
        starts_at=at(start),
        ends_at=at(start + length),
        mode="daring",
        meeting_link=LINK,
        capacity=capacity,
    )


def move(slot: ClinicSlot, start: float, length: float = 1) -> ClinicSlot:
    """Put a slot at another time, past ones included (the services refuse to create those)."""
    ClinicSlot.objects.filter(pk=slot.pk).update(starts_at=at(start), ends_at=at(start + length))
    slot.refresh_from_db()
    return slot


def book(actor: User, slot: ClinicSlot, team: Team) -> ClinicBooking:
    return clinic.booking_create(actor=actor, slot=slot, team=team)


def titles(user: User) -> list[str]:
    return list(Notification.objects.filter(recipient=user).values_list("title", flat=True))


@pytest.fixture
def teams(lab_teams: tuple[Team, Team]) -> tuple[Team, Team]:
    return lab_teams


@pytest.fixture
def shared(lab_teams: tuple[Team, Team], lab_coach: User) -> tuple[Team, Team]:
    """Both teams coached by lab_coach, so they compete for the same slots."""
    Team.objects.filter(pk=lab_teams[1].pk).update(coach=lab_coach)
    lab_teams[1].coach = lab_coach
    return lab_teams


# Slots


def test_a_coach_publishes_a_slot_entered_in_the_regions_zone(lab_cohort: Cohort, lab_teams: Any) -> None:
    day = region_today(lab_cohort.region) + dt.timedelta(days=3)
    data = {
        "day": day,
        "start_time": "09:00",
        "end_time": "10:30",
        "mode": "luring",
        "venue": "Aula",
        "capacity": 2,
    }
    form = SlotForm(data, zone="Asia/Makassar", coaches=None)
    assert form.is_valid(), form.errors
    values = form.service_data()
    assert values["starts_at"] == dt.datetime.combine(day, dt.time(1, 0), tzinfo=dt.UTC)  # 09.00 WITA
    assert "coach" not in values


def test_the_form_refuses_an_end_before_the_start_and_no_capacity() -> None:
    data = {"day": "2030-01-02", "start_time": "10:00", "end_time": "09:00", "mode": "daring", "capacity": 0}
    form = SlotForm(data, zone="Asia/Makassar", coaches=None)
    assert not form.is_valid()
    assert form.errors["end_time"] == ["Jam selesai harus sesudah jam mulai."]
    assert form.errors["capacity"] == ["Kapasitas paling sedikit 1 tim."]


@pytest.mark.parametrize(
    ("mode", "link", "venue", "field"),
    [("daring", "", "", "meeting_link"), ("luring", "", "", "venue"), ("campuran", LINK, "", "venue")],
)
def test_a_slot_needs_the_place_its_mode_asks_for(
    lab_cohort: Cohort, lab_teams: Any, lab_coach: User, mode: str, link: str, venue: str, field: str
) -> None:
    with pytest.raises(ValidationError) as error:
        clinic.slot_create(
            actor=lab_coach,
            cohort=lab_cohort,
            coach=lab_coach,
            starts_at=at(24),
            ends_at=at(25),
            mode=mode,
            meeting_link=link,
            venue=venue,
        )
    assert field in error.value.message_dict
    assert not ClinicSlot.objects.exists()


def test_capacity_and_times_are_checked(lab_cohort: Cohort, lab_teams: Any, lab_coach: User) -> None:
    with pytest.raises(ValidationError, match="paling sedikit 1 tim"):
        make_slot(lab_cohort, lab_coach, capacity=0)
    with pytest.raises(ValidationError, match="selesai sesudah mulai"):
        make_slot(lab_cohort, lab_coach, length=-0.5)
    with pytest.raises(ValidationError, match="akan datang"):
        make_slot(lab_cohort, lab_coach, start=-2)
    assert not ClinicSlot.objects.exists()


def test_a_coach_cannot_publish_overlapping_slots(
    lab_cohort: Cohort, lab_teams: Any, lab_coach: User
) -> None:
    first = make_slot(lab_cohort, lab_coach, start=48, length=2)
    with pytest.raises(ValidationError) as error:
        make_slot(lab_cohort, lab_coach, start=49, length=2)
    message = error.value.message_dict["starts_at"][0]
    assert clinic.slot_when(first) in message and "WITA" in message and lab_cohort.name in message
    make_slot(lab_cohort, lab_coach, start=50, length=1)  # starting as the first ends is fine
    assert ClinicSlot.objects.count() == 2


def test_overlap_counts_the_coachs_slots_in_other_cohorts(
    lab_cohort: Cohort, lab_teams: Any, lab_coach: User, admin: User
) -> None:
    other = services.cohort_create(actor=admin, region=lab_cohort.region, name="Lab Kedua", year=2026)
    services.coach_add(cohort=other, user=lab_coach)
    make_slot(other, lab_coach, start=48, length=2)
    with pytest.raises(ValidationError, match="Lab Kedua"):
        make_slot(lab_cohort, lab_coach, start=48.5)


def test_who_may_publish(
    lab_cohort: Cohort, lab_teams: Any, lab_coach: User, lab_other_coach: User, innovator: User, admin: User
) -> None:
    with pytest.raises(PermissionDenied):
        make_slot(lab_cohort, lab_coach, actor=innovator)
    with pytest.raises(PermissionDenied):
        make_slot(lab_cohort, lab_other_coach, actor=lab_coach)
    slot = make_slot(lab_cohort, lab_other_coach, actor=admin)  # the admin, on a coach's behalf
    assert slot.coach == lab_other_coach
    with pytest.raises(ValidationError, match="bukan coach angkatan ini"):
        make_slot(lab_cohort, innovator, actor=admin, start=72)


def test_a_booked_slot_keeps_its_time_and_enough_capacity(
    lab_cohort: Cohort, shared: tuple[Team, Team], lab_coach: User, innovator: User, other_innovator: User
) -> None:
    slot = make_slot(lab_cohort, lab_coach, capacity=2)
    book(innovator, slot, shared[0])
    book(other_innovator, slot, shared[1])
    fields = {"mode": "daring", "meeting_link": LINK, "capacity": 2}
    with pytest.raises(ValidationError, match="waktunya tidak bisa diubah"):
        clinic.slot_update(actor=lab_coach, slot=slot, starts_at=at(50), ends_at=at(51), **fields)
    with pytest.raises(ValidationError, match="tidak boleh kurang dari 2"):
        clinic.slot_update(
            actor=lab_coach, slot=slot, starts_at=slot.starts_at, ends_at=slot.ends_at, mode="daring",
            meeting_link=LINK, capacity=1,
        )  # fmt: skip
    clinic.slot_update(
        actor=lab_coach, slot=slot, starts_at=slot.starts_at, ends_at=slot.ends_at, mode="luring",
        venue="Ruang Rapat Bappeda", capacity=3,
    )  # fmt: skip
    slot.refresh_from_db()
    assert (slot.mode, slot.venue, slot.capacity) == ("luring", "Ruang Rapat Bappeda", 3)
    assert any("Tempat klinik" in title for title in titles(innovator))


def test_only_its_coach_or_the_admin_changes_a_slot(
    lab_cohort: Cohort, lab_teams: Any, lab_coach: User, lab_other_coach: User
) -> None:
    slot = make_slot(lab_cohort, lab_coach)
    with pytest.raises(PermissionDenied):
        clinic.slot_update(
            actor=lab_other_coach,
            slot=slot,
            starts_at=at(60),
            ends_at=at(61),
            mode="daring",
            meeting_link=LINK,
        )
    with pytest.raises(PermissionDenied):
        clinic.slot_remove(actor=lab_other_coach, slot=slot)


def test_removing_a_booked_slot_needs_its_bookings_cancelled(
    lab_cohort: Cohort, lab_team: Team, lab_coach: User, innovator: User
) -> None:
    slot = make_slot(lab_cohort, lab_coach)
    book(innovator, slot, lab_team)
    with pytest.raises(ValidationError, match=lab_team.name):
        clinic.slot_remove(actor=lab_coach, slot=slot)
    assert ClinicSlot.objects.filter(pk=slot.pk).exists()
    clinic.slot_remove(actor=lab_coach, slot=slot, cancel_bookings=True)
    assert not ClinicSlot.objects.exists() and not ClinicBooking.objects.exists()
    assert any("dihapus" in title for title in titles(innovator))


def test_a_slot_with_a_recorded_clinic_cannot_be_removed(
    lab_cohort: Cohort, lab_team: Team, lab_coach: User, innovator: User
) -> None:
    slot = make_slot(lab_cohort, lab_coach)
    booking = book(innovator, slot, lab_team)
    move(slot, -2)
    clinic.record_save(actor=lab_coach, booking=booking, attendees=[], notes="Hadir", actions=[], checks={})
    with pytest.raises(ValidationError, match="sudah dicatat"):
        clinic.slot_remove(actor=lab_coach, slot=slot, cancel_bookings=True)


# Bookings


def test_a_member_books_their_coachs_slot_and_the_coach_is_told(
    lab_cohort: Cohort, lab_team: Team, lab_coach: User, innovator: User
) -> None:
    slot = make_slot(lab_cohort, lab_coach)
    booking = book(innovator, slot, lab_team)
    assert (booking.status, booking.booked_by) == (ClinicBooking.Status.BOOKED, innovator)
    [notification] = Notification.objects.filter(recipient=lab_coach)
    assert lab_team.name in notification.title and "WITA" in notification.title
    assert notification.url == reverse("labs:clinic_list", args=[lab_cohort.pk])


def test_teams_book_their_own_coach_and_the_admin_any(
    lab_cohort: Cohort, teams: tuple[Team, Team], lab_other_coach: User, innovator: User, admin: User
) -> None:
    slot = make_slot(lab_cohort, lab_other_coach)
    with pytest.raises(ValidationError, match="hanya bisa memesan jadwal coach-nya sendiri"):
        book(innovator, slot, teams[0])
    assert book(admin, slot, teams[0]).team == teams[0]


def test_a_member_of_another_team_cannot_book_for_yours(
    lab_cohort: Cohort, shared: tuple[Team, Team], lab_coach: User, other_innovator: User
) -> None:
    slot = make_slot(lab_cohort, lab_coach)
    with pytest.raises(PermissionDenied):
        book(other_innovator, slot, shared[0])


def test_capacity_is_enforced(
    lab_cohort: Cohort, shared: tuple[Team, Team], lab_coach: User, innovator: User, other_innovator: User
) -> None:
    slot = make_slot(lab_cohort, lab_coach, capacity=1)
    book(innovator, slot, shared[0])
    with pytest.raises(ValidationError, match=r"sudah penuh \(1 dari 1 tempat terisi\)"):
        book(other_innovator, slot, shared[1])
    assert ClinicBooking.objects.count() == 1


def test_a_cancelled_place_is_free_again(
    lab_cohort: Cohort, shared: tuple[Team, Team], lab_coach: User, innovator: User, other_innovator: User
) -> None:
    slot = make_slot(lab_cohort, lab_coach, capacity=1)
    clinic.booking_cancel(actor=innovator, booking=book(innovator, slot, shared[0]))
    assert book(other_innovator, slot, shared[1]).team == shared[1]


def test_the_same_team_cannot_book_a_slot_twice(
    lab_cohort: Cohort, lab_team: Team, lab_coach: User, innovator: User
) -> None:
    slot = make_slot(lab_cohort, lab_coach, capacity=3)
    book(innovator, slot, lab_team)
    with pytest.raises(ValidationError, match="sudah memesan jadwal ini"):
        book(lab_coach, slot, lab_team)
    assert ClinicBooking.objects.count() == 1


def test_a_team_cannot_hold_two_overlapping_bookings(
    lab_cohort: Cohort, lab_team: Team, lab_coach: User, lab_other_coach: User, admin: User
) -> None:
    first = make_slot(lab_cohort, lab_coach, start=48, length=2)
    second = make_slot(lab_cohort, lab_other_coach, start=49, length=2)
    book(admin, first, lab_team)
    with pytest.raises(ValidationError) as error:
        book(admin, second, lab_team)
    assert "bertabrakan" in error.value.messages[0] and clinic.slot_when(first) in error.value.messages[0]


def test_booking_closes_before_the_cutoff_in_absolute_time(
    lab_cohort: Cohort, shared: tuple[Team, Team], lab_coach: User, innovator: User, other_innovator: User
) -> None:
    late = make_slot(lab_cohort, lab_coach, start=11.5)
    with pytest.raises(ValidationError) as error:
        book(innovator, late, shared[0])
    closes = timezone.localtime(late.starts_at - dt.timedelta(hours=12), WITA)
    assert "12 jam" in error.value.messages[0]
    assert f"{closes:%H.%M} WITA" in error.value.messages[0]
    in_time = make_slot(lab_cohort, lab_coach, start=12.5)
    assert book(innovator, in_time, shared[0]).pk
    Cohort.objects.filter(pk=lab_cohort.pk).update(clinic_booking_cutoff_hours=2)
    late.cohort.refresh_from_db()
    assert book(other_innovator, late, shared[1]).pk


def test_the_cutoff_holds_for_a_slot_entered_in_wita(
    lab_cohort: Cohort, lab_team: Team, lab_coach: User, innovator: User
) -> None:
    """11½ hours ahead in WITA is 12½ hours ahead read as WIB: a wrong zone would let this booking in."""
    start = timezone.localtime(at(11.5), WITA)
    data = {
        "day": start.date(),
        "start_time": f"{start:%H:%M}",
        "end_time": f"{start + dt.timedelta(minutes=5):%H:%M}" if start.hour < 23 else "23:59",
        "mode": "daring",
        "meeting_link": LINK,
        "capacity": 1,
    }
    form = SlotForm(data, zone=lab_cohort.region.timezone, coaches=None)
    assert form.is_valid(), form.errors
    slot = clinic.slot_create(actor=lab_coach, cohort=lab_cohort, coach=lab_coach, **form.service_data())
    with pytest.raises(ValidationError, match="ditutup 12 jam"):
        book(innovator, slot, lab_team)


def test_no_booking_a_slot_that_has_started(
    lab_cohort: Cohort, lab_team: Team, lab_coach: User, innovator: User, admin: User
) -> None:
    slot = move(make_slot(lab_cohort, lab_coach), -3)
    for actor in (innovator, admin):
        with pytest.raises(ValidationError, match="sudah dimulai atau lewat"):
            book(actor, slot, lab_team)


@pytest.mark.django_db(transaction=True)
def test_two_teams_racing_for_the_last_place_get_one_booking(
    lab_cohort: Cohort, shared: tuple[Team, Team], lab_coach: User, admin: User
) -> None:
    """Two threads, two connections: the slot lock lets one in and tells the other it is full."""
    slot = make_slot(lab_cohort, lab_coach, capacity=1)
    barrier = threading.Barrier(2)
    results: list[str] = []

    def attempt(team: Team) -> None:
        try:
            barrier.wait()
            book(admin, ClinicSlot.objects.select_related("cohort__region").get(pk=slot.pk), team)
            results.append("booked")
        except ValidationError as error:
            results.append(error.messages[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(team,)) for team in shared]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 2 and results.count("booked") == 1
    assert "sudah penuh" in next(r for r in results if r != "booked")
    assert ClinicBooking.objects.filter(slot=slot, status=ClinicBooking.Status.BOOKED).count() == 1


# Cancelling


def test_a_member_cancels_and_the_coach_is_told(
    lab_cohort: Cohort, lab_team: Team, lab_coach: User, innovator: User
) -> None:
    booking = book(innovator, make_slot(lab_cohort, lab_coach), lab_team)
    clinic.booking_cancel(actor=innovator, booking=booking)
    booking.refresh_from_db()
    assert booking.status == ClinicBooking.Status.CANCELLED and booking.cancelled_at is not None
    assert any(title.startswith("Klinik dibatalkan") for title in titles(lab_coach))
    with pytest.raises(ValidationError, match="sudah dibatalkan"):
        clinic.booking_cancel(actor=innovator, booking=booking)


def test_the_team_cannot_cancel_after_the_cutoff_but_its_coach_can(
    lab_cohort: Cohort, lab_team: Team, lab_coach: User, innovator: User
) -> None:
    slot = make_slot(lab_cohort, lab_coach, start=30)
    booking = book(innovator, slot, lab_team)
    move(slot, 5)
    booking.slot.refresh_from_db()
    with pytest.raises(ValidationError, match="Pembatalan ditutup 12 jam"):
        clinic.booking_cancel(actor=innovator, booking=booking)
    clinic.booking_cancel(actor=lab_coach, booking=booking)
    assert any("dibatalkan" in title for title in titles(innovator))


def test_nobody_cancels_a_clinic_that_has_started(
    lab_cohort: Cohort, lab_team: Team, lab_coach: User, innovator: User, admin: User
) -> None:
    booking = book(innovator, make_slot(lab_cohort, lab_coach), lab_team)
    move(booking.slot, -0.5)
    booking.slot.refresh_from_db()
    for actor in (innovator, lab_coach, admin):
        with pytest.raises(ValidationError, match="sudah dimulai"):
            clinic.booking_cancel(actor=actor, booking=booking)


def test_another_teams_member_cannot_cancel_your_booking(
    client: Any, lab_cohort: Cohort, shared: tuple[Team, Team], lab_coach: User, innovator: User,
    other_innovator: User,
) -> None:  # fmt: skip
    booking = book(innovator, make_slot(lab_cohort, lab_coach), shared[0])
    with pytest.raises(PermissionDenied):
        clinic.booking_cancel(actor=other_innovator, booking=booking)
    client.force_login(other_innovator)
    url = reverse("labs:clinic_cancel", args=[lab_cohort.pk, booking.pk])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    booking.refresh_from_db()
    assert booking.status == ClinicBooking.Status.BOOKED


# Records and actions


@pytest.fixture
def held(lab_cohort: Cohort, lab_team: Team, lab_coach: User, innovator: User) -> ClinicBooking:
    """A clinic of lab_team with lab_coach that started half an hour ago."""
    booking = book(innovator, make_slot(lab_cohort, lab_coach, start=24), lab_team)
    move(booking.slot, -0.5)
    booking.slot.refresh_from_db()
    return booking


def member(team: Team) -> Participant:
    return Participant.objects.filter(team=team).first()  # type: ignore[return-value]


def test_the_coach_records_attendance_notes_and_actions(held: ClinicBooking, lab_coach: User) -> None:
    today = region_today(held.slot.cohort.region)
    action = ActionInput(
        what="Wawancara 10 pengguna", owner="Ketua tim", due_date=today + dt.timedelta(days=7)
    )
    record = clinic.record_save(
        actor=lab_coach, booking=held, attendees=[member(held.team)], notes="Fokus pada masalah antrean.",
        actions=[action], checks={},
    )  # fmt: skip
    assert list(record.attendees.all()) == [member(held.team)]
    assert record.notes == "Fokus pada masalah antrean." and record.recorded_by == lab_coach
    assert [(a.what, a.status) for a in record.actions.all()] == [("Wawancara 10 pengguna", "terbuka")]


def test_recording_is_refused_before_the_clinic_starts_or_when_cancelled(
    lab_cohort: Cohort, lab_team: Team, lab_coach: User, innovator: User
) -> None:
    booking = book(innovator, make_slot(lab_cohort, lab_coach), lab_team)
    with pytest.raises(ValidationError, match="setelah dimulai"):
        clinic.record_save(actor=lab_coach, booking=booking, attendees=[], notes="", actions=[], checks={})
    clinic.booking_cancel(actor=innovator, booking=booking)
    with pytest.raises(ValidationError, match="dibatalkan"):
        clinic.record_save(actor=lab_coach, booking=booking, attendees=[], notes="", actions=[], checks={})
    assert not ClinicRecord.objects.exists()


def test_bad_record_input_writes_nothing(
    held: ClinicBooking, lab_coach: User, teams: tuple[Team, Team]
) -> None:
    with pytest.raises(ValidationError, match="anggota tim"):
        clinic.record_save(
            actor=lab_coach, booking=held, attendees=[member(teams[1])], notes="", actions=[], checks={}
        )
    early = ActionInput(what="Susun SOP", owner="Sekretaris", due_date=dt.date(2000, 1, 1))
    with pytest.raises(ValidationError, match="sebelum tanggal klinik"):
        clinic.record_save(actor=lab_coach, booking=held, attendees=[], notes="x", actions=[early], checks={})
    assert not ClinicRecord.objects.exists() and not ClinicAction.objects.exists()


def test_another_coach_cannot_record_your_clinic(
    client: Any, held: ClinicBooking, lab_other_coach: User, innovator: User
) -> None:
    with pytest.raises(PermissionDenied):
        clinic.record_save(actor=lab_other_coach, booking=held, attendees=[], notes="", actions=[], checks={})
    url = reverse("labs:clinic_record", args=[held.slot.cohort_id, held.pk])
    for user in (lab_other_coach, innovator):
        client.force_login(user)
        assert client.get(url).status_code == 403


def test_the_next_clinic_checks_whether_each_earlier_action_was_done(
    held: ClinicBooking, lab_coach: User, innovator: User
) -> None:
    due = region_today(held.slot.cohort.region) + dt.timedelta(days=2)
    actions = [ActionInput("Survei pengguna", "Ani", due), ActionInput("Susun SOP", "Budi", due)]
    clinic.record_save(actor=lab_coach, booking=held, attendees=[], notes="", actions=actions, checks={})
    survey, sop = ClinicAction.objects.order_by("id")
    cohort = held.slot.cohort
    nxt = book(innovator, make_slot(cohort, lab_coach, start=24), held.team)
    move(nxt.slot, -0.2)
    nxt.slot.refresh_from_db()
    assert clinic.earlier_actions(nxt) == [survey, sop]
    clinic.record_save(
        actor=lab_coach,
        booking=nxt,
        attendees=[],
        notes="",
        actions=[],
        checks={survey.pk: "selesai", sop.pk: "belum"},
    )
    survey.refresh_from_db()
    sop.refresh_from_db()
    assert (survey.status, sop.status) == ("selesai", "belum") and survey.checked_at is not None
    # Editing this clinic's record again still shows what it checked; a later clinic does not.
    assert clinic.earlier_actions(nxt) == [survey, sop]
    later = book(innovator, make_slot(cohort, lab_coach, start=30), held.team)
    assert clinic.earlier_actions(later) == []
    with pytest.raises(ValidationError, match="bukan dari klinik tim ini"):
        clinic.record_save(
            actor=lab_coach, booking=held, attendees=[], notes="", actions=[], checks={survey.pk: "belum"}
        )
    with pytest.raises(ValidationError, match="sudah diperiksa"):
        clinic.record_save(actor=lab_coach, booking=held, attendees=[], notes="", actions=[], checks={})


# Pages


def test_the_clinic_page_for_a_member(
    client: Any, lab_cohort: Cohort, lab_team: Team, lab_coach: User, lab_other_coach: User, innovator: User
) -> None:
    slot = make_slot(lab_cohort, lab_coach)
    make_slot(lab_cohort, lab_other_coach, start=72)  # another team's coach: not offered
    client.force_login(innovator)
    response = client.get(reverse("labs:clinic_list", args=[lab_cohort.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert f"{timezone.localtime(slot.starts_at, WITA):%H.%M}" in content and "WITA" in content
    assert reverse("labs:clinic_book", args=[lab_cohort.pk, slot.pk]) in content
    assert len(response.context["slots"]) == 1
    assert "Tim Anda belum memesan" in content and "Belum ada klinik yang berlangsung" in content


def test_booking_and_cancelling_through_the_pages(
    client: Any, lab_cohort: Cohort, lab_team: Team, lab_coach: User, innovator: User
) -> None:
    slot = make_slot(lab_cohort, lab_coach)
    client.force_login(innovator)
    response = client.post(reverse("labs:clinic_book", args=[lab_cohort.pk, slot.pk]), {"team": lab_team.pk})
    assert response.status_code == 302
    booking = ClinicBooking.objects.get()
    again = client.post(
        reverse("labs:clinic_book", args=[lab_cohort.pk, slot.pk]), {"team": lab_team.pk}, follow=True
    )
    assert "sudah memesan jadwal ini" in again.content.decode()
    url = reverse("labs:clinic_cancel", args=[lab_cohort.pk, booking.pk])
    assert "Batalkan pemesanan klinik?" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    booking.refresh_from_db()
    assert booking.status == ClinicBooking.Status.CANCELLED


def test_other_regions_get_not_found(
    client: Any, lab_cohort: Cohort, lab_team: Team, lab_coach: User, foreign_admin: User,
    foreign_innovator: User,
) -> None:  # fmt: skip
    slot = make_slot(lab_cohort, lab_coach)
    booking = clinic.booking_create(actor=lab_coach, slot=slot, team=lab_team)
    urls = [
        reverse("labs:clinic_list", args=[lab_cohort.pk]),
        reverse("labs:clinic_slot_create", args=[lab_cohort.pk]),
        reverse("labs:clinic_slot_edit", args=[lab_cohort.pk, slot.pk]),
        reverse("labs:clinic_slot_remove", args=[lab_cohort.pk, slot.pk]),
        reverse("labs:clinic_cancel", args=[lab_cohort.pk, booking.pk]),
        reverse("labs:clinic_record", args=[lab_cohort.pk, booking.pk]),
    ]
    for user in (foreign_admin, foreign_innovator):
        client.force_login(user)
        assert {client.get(url).status_code for url in urls} == {404}
        assert (
            client.post(
                reverse("labs:clinic_book", args=[lab_cohort.pk, slot.pk]), {"team": lab_team.pk}
            ).status_code
            == 404
        )


def test_a_slot_of_another_cohort_is_not_found(
    client: Any, lab_cohort: Cohort, lab_teams: Any, lab_coach: User, admin: User
) -> None:
    other = services.cohort_create(actor=admin, region=lab_cohort.region, name="Lab Kedua", year=2026)
    slot = make_slot(lab_cohort, lab_coach)
    client.force_login(admin)
    assert client.get(reverse("labs:clinic_slot_edit", args=[other.pk, slot.pk])).status_code == 404


def test_a_coach_from_another_region_publishes_through_the_page(
    client: Any, lab_cohort: Cohort, lab_teams: Any, foreign_coach: User, innovator: User
) -> None:
    services.coach_add(cohort=lab_cohort, user=foreign_coach)
    client.force_login(foreign_coach)
    url = reverse("labs:clinic_slot_create", args=[lab_cohort.pk])
    assert client.get(url).status_code == 200
    day = region_today(lab_cohort.region) + dt.timedelta(days=5)
    data = {
        "day": day,
        "start_time": "13:00",
        "end_time": "14:00",
        "mode": "luring",
        "venue": "Aula",
        "capacity": 1,
    }
    assert client.post(url, data).status_code == 302
    slot = ClinicSlot.objects.get()
    assert slot.coach == foreign_coach
    assert timezone.localtime(slot.starts_at, WITA).time() == dt.time(13, 0)
    page = client.get(reverse("labs:clinic_list", args=[lab_cohort.pk]))
    assert "13.00–14.00 WITA" in page.content.decode()
    client.force_login(innovator)
    assert client.get(url).status_code == 403


def test_the_admin_publishes_for_a_coach_and_sees_the_error_beside_the_field(
    admin_in_client: Any, lab_cohort: Cohort, lab_teams: Any, lab_coach: User
) -> None:
    make_slot(lab_cohort, lab_coach, start=48)
    start = timezone.localtime(at(48), WITA)
    data = {
        "coach": lab_coach.pk, "day": start.date(), "start_time": f"{start:%H:%M}",
        "end_time": f"{start + dt.timedelta(minutes=30):%H:%M}" if start.hour < 23 else "23:59",
        "mode": "daring", "meeting_link": LINK, "capacity": 1,
    }  # fmt: skip
    response = admin_in_client.post(reverse("labs:clinic_slot_create", args=[lab_cohort.pk]), data)
    assert response.status_code == 200
    assert "bertabrakan dengan jadwal klinik" in response.content.decode()
    assert ClinicSlot.objects.count() == 1


def test_the_slot_removal_asks_first(
    client: Any, lab_cohort: Cohort, lab_team: Team, lab_coach: User, innovator: User
) -> None:
    slot = make_slot(lab_cohort, lab_coach)
    book(innovator, slot, lab_team)
    client.force_login(lab_coach)
    url = reverse("labs:clinic_slot_remove", args=[lab_cohort.pk, slot.pk])
    page = client.get(url).content.decode()
    assert "Hapus jadwal klinik?" in page and lab_team.name in page
    refused = client.post(url, {})
    assert refused.status_code == 200 and "Batalkan pemesanannya dulu" in refused.content.decode()
    assert client.post(url, {"cancel_bookings": "on"}).status_code == 302
    assert not ClinicSlot.objects.exists()


def test_recording_through_the_page(client: Any, held: ClinicBooking, lab_coach: User) -> None:
    client.force_login(lab_coach)
    url = reverse("labs:clinic_record", args=[held.slot.cohort_id, held.pk])
    assert client.get(url).status_code == 200
    due = region_today(held.slot.cohort.region) + dt.timedelta(days=7)
    data = {
        "attendees": [member(held.team).pk],
        "notes": "Uji coba minggu depan.",
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "0",
        "form-0-what": "Uji coba layanan",
        "form-0-owner": "Ani",
        "form-0-due_date": due.isoformat(),
    }
    assert client.post(url, data).status_code == 302
    record = ClinicRecord.objects.get()
    assert record.notes == "Uji coba minggu depan." and record.actions.get().what == "Uji coba layanan"
    page = client.get(reverse("labs:clinic_list", args=[held.slot.cohort_id])).content.decode()
    assert "Uji coba layanan" in page and f'id="tindak-lanjut-{record.actions.get().pk}"' in page


def _many_clinics(cohort: Cohort, coach: User, team: Team, count: int) -> None:
    for index in range(count):
        booking = book(coach, make_slot(cohort, coach, start=24 + 3 * index), team)
        if index % 2:
            move(booking.slot, -24 - 3 * index)
            booking.slot.refresh_from_db()
            record = clinic.record_save(
                actor=coach, booking=booking, attendees=[member(team)], notes="n",
                actions=[ActionInput("a", "b", region_today(cohort.region) + dt.timedelta(days=1))],
                checks={},
            )  # fmt: skip
            assert record.pk


@pytest.mark.parametrize("user_fixture", ["innovator", "lab_coach", "admin"])
def test_clinic_page_query_count(
    request: Any, client: Any, lab_cohort: Cohort, lab_team: Team, lab_coach: User, user_fixture: str,
    django_assert_max_num_queries: Any,
) -> None:  # fmt: skip
    _many_clinics(lab_cohort, lab_coach, lab_team, 8)
    client.force_login(request.getfixturevalue(user_fixture))
    with django_assert_max_num_queries(16):
        response = client.get(reverse("labs:clinic_list", args=[lab_cohort.pk]))
    assert response.status_code == 200 and len(response.context["past"]) == 4


# The coach's page


@pytest.fixture
def jakarta(reference_data: None) -> Region:
    return Region.objects.create(
        code="31.71", name="Kota Jakarta Pusat", kind=Region.Kind.KOTA, parent=Region.objects.get(code="31"),
        timezone="Asia/Jakarta",
    )  # fmt: skip


@pytest.fixture
def wib_coach(make_user: Callable[..., User], jakarta: Region) -> User:
    """A coach whose own region keeps WIB, coaching in WITA Parepare as well."""
    return make_user("coach@jakarta.id", Role.COACH, jakarta)


@pytest.fixture
def wib_cohort(make_user: Callable[..., User], jakarta: Region, wib_coach: User) -> Cohort:
    boss = make_user("admin@jakarta.id", Role.ADMIN, jakarta)
    cohort = services.cohort_create(actor=boss, region=jakarta, name="Lab Jakarta", year=2026)
    lab_schedule_open(cohort)
    unit = Unit.objects.create(
        region=jakarta, name="Dinas Pendidikan", short_name="Disdik", kind=Unit.Kind.DINAS
    )
    make_user("guru@jakarta.id", Role.INNOVATOR, jakarta, unit)
    services.participants_enrol(cohort=cohort, units=[unit])
    services.coach_add(cohort=cohort, user=wib_coach)
    services.unit_team_create(cohort=cohort, unit=unit, coach=wib_coach)
    return cohort


def test_the_coach_page_is_empty_for_someone_who_coaches_no_team(client: Any, innovator: User) -> None:
    client.force_login(innovator)
    response = client.get(reverse("labs:coach_home"))
    assert response.status_code == 200 and "belum menjadi coach tim mana pun" in response.content.decode()


def test_the_coach_page_gathers_teams_across_regions(
    client: Any, lab_cohort: Cohort, lab_team: Team, wib_cohort: Cohort, wib_coach: User, innovator: User,
) -> None:  # fmt: skip
    """A WITA clinic on the page of a coach from a WIB region shows its time in both zones."""
    coach = wib_coach
    services.coach_add(cohort=lab_cohort, user=coach)
    Team.objects.filter(pk=lab_team.pk).update(coach=coach)
    lab_team.refresh_from_db()
    today = region_today(lab_cohort.region)
    StageWork.objects.create(
        team=lab_team, stage="diagnose", status=GateStatus.SUBMITTED, submitted_at=timezone.now()
    )
    Milestone.objects.create(
        team=lab_team, position=1, what="Sosialisasi", who="Ani", due_date=today - dt.timedelta(days=2),
        expected_output="Warga tahu",
    )  # fmt: skip
    past = book(innovator, make_slot(lab_cohort, coach, start=24), lab_team)
    move(past.slot, -48)
    past.slot.refresh_from_db()
    clinic.record_save(
        actor=coach, booking=past, attendees=[], notes="", checks={},
        actions=[ActionInput("Revisi rancangan", "Budi", region_today(lab_cohort.region))],
    )  # fmt: skip
    ClinicAction.objects.update(due_date=today - dt.timedelta(days=1))
    upcoming = book(innovator, make_slot(lab_cohort, coach, start=40), lab_team)
    client.force_login(coach)
    response = client.get(reverse("labs:coach_home"))
    content = response.content.decode()
    rows = {row.team.name: row for row in response.context["rows"]}
    assert set(rows) == {lab_team.name, "Tim Dinas Pendidikan"}
    row = rows[lab_team.name]
    assert [w.stage for w in row.pending] == ["diagnose"]
    assert [m.what for m in row.overdue_milestones] == ["Sosialisasi"]
    assert [a.what for a in row.overdue_actions] == ["Revisi rancangan"]
    assert row.upcoming == [upcoming]
    wita = timezone.localtime(upcoming.slot.starts_at, WITA)
    wib = timezone.localtime(upcoming.slot.starts_at, zoneinfo.ZoneInfo("Asia/Jakarta"))
    assert f"{wita:%H.%M}" in content and f"({wib:%H.%M}" in content and "WIB)" in content


def test_coach_page_query_count(
    client: Any, lab_cohort: Cohort, lab_teams: Any, lab_coach: User, admin: User, region: Region,
    make_user: Callable[..., User], django_assert_max_num_queries: Any,
) -> None:  # fmt: skip
    for index in range(6):
        unit = Unit.objects.create(
            region=region, name=f"Badan {index}", short_name=f"B{index}", kind=Unit.Kind.BADAN
        )
        make_user(f"peserta{index}@uji.id", Role.INNOVATOR, region, unit)
        services.participants_enrol(cohort=lab_cohort, units=[unit])
        team = services.unit_team_create(cohort=lab_cohort, unit=unit, coach=lab_coach)
        StageWork.objects.create(
            team=team, stage="diagnose", status=GateStatus.SUBMITTED, submitted_at=timezone.now()
        )
        Milestone.objects.create(
            team=team, position=1, what="x", who="y", due_date=dt.date(2020, 1, 1), expected_output="z"
        )
        book(lab_coach, make_slot(lab_cohort, lab_coach, start=24 + 2 * index), team)
    client.force_login(lab_coach)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("labs:coach_home"))
    assert len(response.context["rows"]) == 7
    assert sum(1 for row in response.context["rows"] if row.upcoming and row.pending) == 6


# Reminders


@pytest.fixture
def action(held: ClinicBooking, lab_coach: User) -> ClinicAction:
    today = region_today(held.slot.cohort.region)
    clinic.record_save(
        actor=lab_coach, booking=held, attendees=[], notes="", checks={},
        actions=[ActionInput("Kumpulkan data antrean", "Ani", today)],
    )  # fmt: skip
    found = ClinicAction.objects.get()
    ClinicAction.objects.filter(pk=found.pk).update(due_date=today - dt.timedelta(days=1))
    found.refresh_from_db()
    return found


def test_overdue_actions_are_reminded_once(action: ClinicAction, lab_coach: User, innovator: User) -> None:
    out = io.StringIO()
    call_command("lab_clinic_reminders", stdout=out)
    assert "pengingat tindak lanjut klinik dikirim" in out.getvalue()
    assert [t for t in titles(innovator) if "lewat tenggat" in t] == [
        "Tindak lanjut klinik lewat tenggat: Kumpulkan data antrean"
    ]
    assert any("lewat tenggat" in t for t in titles(lab_coach))
    assert overdue_action_reminders() == 0  # a second run the same day
    assert overdue_action_reminders(now=timezone.now() + dt.timedelta(days=1)) == 0  # and the next day


def test_actions_done_or_not_yet_due_are_not_reminded(action: ClinicAction) -> None:
    ClinicAction.objects.filter(pk=action.pk).update(status=ClinicAction.Status.DONE)
    assert overdue_action_reminders() == 0
    ClinicAction.objects.filter(pk=action.pk).update(
        status="terbuka", due_date=region_today(action.record.booking.slot.cohort.region)
    )
    assert overdue_action_reminders() == 0


def test_the_reminder_waits_for_the_regions_own_day(action: ClinicAction) -> None:
    """At 23.30 UTC it is already the next day in WITA (07.30): an action due "today" in UTC is late there."""
    due = dt.date(2030, 3, 10)
    ClinicAction.objects.filter(pk=action.pk).update(due_date=due)
    late_evening_utc = dt.datetime(2030, 3, 10, 23, 30, tzinfo=dt.UTC)
    assert (
        overdue_action_reminders(now=late_evening_utc - dt.timedelta(hours=8)) == 0
    )  # 07.30 WITA on the 10th
    assert overdue_action_reminders(now=late_evening_utc) > 0


# The calendar feed


def test_the_feed_lists_the_coachs_slots_and_the_teams_clinics(
    client: Any, lab_cohort: Cohort, shared: tuple[Team, Team], lab_coach: User, innovator: User,
    other_innovator: User,
) -> None:  # fmt: skip
    slot = make_slot(lab_cohort, lab_coach)
    booking = book(innovator, slot, shared[0])

    def clinic_events(user: User) -> list[Any]:
        token = notification_services.calendar_feed_for(user=user).token
        content = client.get(reverse("notifications:calendar_feed", args=[token])).content
        events = icalendar.Calendar.from_ical(content).walk("VEVENT")
        return [e for e in events if str(e["UID"]).startswith("lab-klinik-")]

    [coach_event] = clinic_events(lab_coach)
    assert shared[0].name in str(coach_event["SUMMARY"])
    assert coach_event["DTSTART"].dt.astimezone(dt.UTC) == slot.starts_at.astimezone(dt.UTC).replace(
        microsecond=0
    )
    assert len(clinic_events(innovator)) == 1
    assert clinic_events(other_innovator) == []
    clinic.booking_cancel(actor=innovator, booking=booking)
    assert clinic_events(innovator) == []


def test_a_clinic_in_progress_offers_its_record_to_the_coach(
    client: Any, held: ClinicBooking, lab_coach: User, innovator: User
) -> None:
    list_url = reverse("labs:clinic_list", args=[held.slot.cohort_id])
    record_url = reverse("labs:clinic_record", args=[held.slot.cohort_id, held.pk])
    client.force_login(lab_coach)
    [row] = client.get(list_url).context["slots"]
    assert row.started and row.manages
    assert record_url in client.get(list_url).content.decode()
    client.force_login(innovator)
    page = client.get(list_url)
    assert page.context["slots"][0].mine and "Sudah dipesan tim Anda" in page.content.decode()
    assert record_url not in page.content.decode()


def test_a_bad_team_in_the_booking_form_is_not_found(
    client: Any, lab_cohort: Cohort, lab_team: Team, lab_coach: User, innovator: User
) -> None:
    slot = make_slot(lab_cohort, lab_coach)
    client.force_login(innovator)
    url = reverse("labs:clinic_book", args=[lab_cohort.pk, slot.pk])
    assert client.post(url, {"team": "satu"}).status_code == 404
    assert client.post(url, {}).status_code == 404
    assert not ClinicBooking.objects.exists()


def test_checking_earlier_actions_and_removing_one_through_the_page(
    client: Any, held: ClinicBooking, lab_coach: User, innovator: User
) -> None:
    due = region_today(held.slot.cohort.region) + dt.timedelta(days=3)
    inputs = [ActionInput("Survei pengguna", "Ani", due), ActionInput("Susun SOP", "Budi", due)]
    clinic.record_save(actor=lab_coach, booking=held, attendees=[], notes="", actions=inputs, checks={})
    survey, sop = ClinicAction.objects.order_by("id")
    client.force_login(lab_coach)
    # The first record again: the SOP row ticked for deletion goes, the survey stays.
    first = reverse("labs:clinic_record", args=[held.slot.cohort_id, held.pk])
    rows = {
        "form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "2",
        "form-0-pk": survey.pk, "form-0-what": "Survei pengguna", "form-0-owner": "Ani",
        "form-0-due_date": due,
        "form-1-pk": sop.pk, "form-1-what": "Susun SOP", "form-1-owner": "Budi", "form-1-due_date": due,
        "form-1-DELETE": "on",
    }  # fmt: skip
    assert client.post(first, {"notes": "", **rows}).status_code == 302
    assert list(ClinicAction.objects.all()) == [survey]
    nxt = book(innovator, make_slot(held.slot.cohort, lab_coach, start=24), held.team)
    move(nxt.slot, -0.2)
    url = reverse("labs:clinic_record", args=[held.slot.cohort_id, nxt.pk])
    page = client.get(url).content.decode()
    assert "Survei pengguna" in page and f'name="check_{survey.pk}"' in page
    data = {"notes": "", "form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "0", f"check_{survey.pk}": "selesai"}
    assert client.post(url, data).status_code == 302
    survey.refresh_from_db()
    assert survey.status == ClinicAction.Status.DONE
