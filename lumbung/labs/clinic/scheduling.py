"""Coaching clinics: a coach's slots and teams' bookings.

Bookings are checked with the slot row locked, so two teams booking the last place at once cannot
both succeed. Booking and team cancellation close `cohort.clinic_booking_cutoff_hours` before the
slot starts, compared in absolute time; pages show every moment in the cohort region's zone.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from lumbung.accounts.models import User
from lumbung.core.formatting import format_datetime

from ..access import can_manage
from ..models import ClinicBooking, ClinicRecord, ClinicSlot, Cohort, Team
from ..services import check_place, clean_text
from .common import (
    BOOKED,
    CANCELLED,
    booking_closes_at,
    can_cancel,
    can_record,
    is_cohort_coach,
    is_member,
    notify_booking,
    slot_when,
    team_people,
)

# Slots


def _require_publisher(actor: User, cohort: Cohort, coach: User) -> None:
    if can_manage(actor, cohort):
        return
    if actor.pk != coach.pk or not is_cohort_coach(actor, cohort):
        raise PermissionDenied


def _check_slot(
    *, cohort: Cohort, coach: User, starts_at: dt.datetime, ends_at: dt.datetime, capacity: int, exclude: int
) -> None:
    errors: dict[str, str] = {}
    if not is_cohort_coach(coach, cohort):
        errors["coach"] = _("%(name)s bukan coach angkatan ini.") % {"name": coach}
    if ends_at <= starts_at:
        errors["ends_at"] = _("Klinik harus selesai sesudah mulai.")
    if capacity < 1:
        errors["capacity"] = _("Kapasitas paling sedikit 1 tim.")
    if errors:
        raise ValidationError(errors)
    # Any cohort counts: a coach serving several regions is still in one place at a time.
    other = (
        ClinicSlot.objects.filter(coach=coach, starts_at__lt=ends_at, ends_at__gt=starts_at)
        .exclude(pk=exclude)
        .select_related("cohort__region")
        .first()
    )
    if other is not None:
        raise ValidationError(
            {
                "starts_at": _(
                    "Waktu ini bertabrakan dengan jadwal klinik %(coach)s yang lain: %(when)s (%(cohort)s)."
                )
                % {"coach": coach, "when": slot_when(other), "cohort": other.cohort.name}
            }
        )


def _lock_coach(coach: User) -> None:
    # Serialises a coach's slot changes, so two overlapping slots cannot be saved at once.
    User.objects.select_for_update().filter(pk=coach.pk).first()


@transaction.atomic
def slot_create(
    *,
    actor: User,
    cohort: Cohort,
    coach: User,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    mode: str,
    venue: str = "",
    meeting_link: str = "",
    capacity: int = 1,
) -> ClinicSlot:
    """Publish a slot for a coach of the cohort: by the coach, or by the region's admin for them."""
    _require_publisher(actor, cohort, coach)
    venue, meeting_link = clean_text(venue), meeting_link.strip()
    _lock_coach(coach)
    if starts_at <= timezone.now():
        raise ValidationError({"starts_at": _("Jadwal klinik harus di waktu yang akan datang.")})
    _check_slot(
        cohort=cohort, coach=coach, starts_at=starts_at, ends_at=ends_at, capacity=capacity, exclude=0
    )
    check_place(mode, meeting_link, venue)
    return ClinicSlot.objects.create(
        cohort=cohort,
        coach=coach,
        starts_at=starts_at,
        ends_at=ends_at,
        mode=mode,
        venue=venue,
        meeting_link=meeting_link,
        capacity=capacity,
    )


@transaction.atomic
def slot_update(
    *,
    actor: User,
    slot: ClinicSlot,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    mode: str,
    venue: str = "",
    meeting_link: str = "",
    capacity: int = 1,
) -> ClinicSlot:
    """Change a slot; a booked slot keeps its time (the teams planned around it) but may move place."""
    cohort = slot.cohort
    _require_publisher(actor, cohort, slot.coach)
    venue, meeting_link = clean_text(venue), meeting_link.strip()
    _lock_coach(slot.coach)
    current = ClinicSlot.objects.select_for_update().get(pk=slot.pk)
    booked = current.bookings.filter(status=BOOKED).count()
    moved = (starts_at, ends_at) != (current.starts_at, current.ends_at)
    if moved and booked:
        raise ValidationError(
            {
                "starts_at": _(
                    "Jadwal ini sudah dipesan %(count)s tim; waktunya tidak bisa diubah. "
                    "Batalkan pemesanannya dulu bila waktunya harus pindah."
                )
                % {"count": booked}
            }
        )
    if moved and starts_at <= timezone.now():
        raise ValidationError({"starts_at": _("Jadwal klinik harus di waktu yang akan datang.")})
    if capacity < booked:
        raise ValidationError(
            {
                "capacity": _("Sudah %(count)s tim memesan; kapasitas tidak boleh kurang dari %(count)s.")
                % {"count": booked}
            }
        )
    _check_slot(
        cohort=cohort,
        coach=slot.coach,
        starts_at=starts_at,
        ends_at=ends_at,
        capacity=capacity,
        exclude=slot.pk,
    )
    check_place(mode, meeting_link, venue)
    place_changed = (mode, venue, meeting_link) != (current.mode, current.venue, current.meeting_link)
    slot.starts_at, slot.ends_at, slot.capacity = starts_at, ends_at, capacity
    slot.mode, slot.venue, slot.meeting_link = mode, venue, meeting_link
    slot.save()
    if place_changed:
        for booking in slot.bookings.filter(status=BOOKED).select_related("team"):
            booking.slot = slot
            notify_booking(
                event="clinic_changed", recipients=team_people(booking.team), booking=booking, actor=actor
            )
    return slot


@transaction.atomic
def slot_remove(*, actor: User, slot: ClinicSlot, cancel_bookings: bool = False) -> None:
    """Remove a slot; its bookings must be cancelled first (here, when asked: the teams are told)."""
    _require_publisher(actor, slot.cohort, slot.coach)
    ClinicSlot.objects.select_for_update().filter(pk=slot.pk).first()
    if ClinicRecord.objects.filter(booking__slot=slot).exists():
        raise ValidationError(_("Klinik pada jadwal ini sudah dicatat; jadwalnya tidak bisa dihapus."))
    active = list(slot.bookings.filter(status=BOOKED).select_related("team"))
    if active and not cancel_bookings:
        raise ValidationError(
            _("Jadwal ini masih dipesan oleh %(teams)s. Batalkan pemesanannya dulu untuk menghapusnya.")
            % {"teams": ", ".join(b.team.name for b in active)}
        )
    for booking in active:
        booking.slot = slot
        notify_booking(
            event="clinic_slot_removed", recipients=team_people(booking.team), booking=booking, actor=actor
        )
    slot.delete()


# Bookings


def _require_booker(actor: User, slot: ClinicSlot, team: Team) -> None:
    cohort = slot.cohort
    if team.cohort_id != cohort.pk:
        raise Http404
    if can_manage(actor, cohort):
        return
    if team.coach_id != actor.pk and not is_member(actor, team):
        raise PermissionDenied
    if team.coach_id != slot.coach_id:
        raise ValidationError(
            _("Tim %(team)s hanya bisa memesan jadwal coach-nya sendiri.") % {"team": team.name}
        )


def _check_open(slot: ClinicSlot, now: dt.datetime, action: str) -> None:
    zone = slot.cohort.region.timezone
    if now >= slot.starts_at:
        raise ValidationError(
            _("Klinik ini sudah dimulai atau lewat; %(action)s tidak bisa lagi.") % {"action": action}
        )
    closes = booking_closes_at(slot)
    if now >= closes:
        raise ValidationError(
            _("%(action)s ditutup %(hours)s jam sebelum klinik dimulai, yaitu sejak %(time)s.")
            % {
                "action": action.capitalize(),
                "hours": slot.cohort.clinic_booking_cutoff_hours,
                "time": format_datetime(closes, zone),
            }
        )


@transaction.atomic
def booking_create(*, actor: User, slot: ClinicSlot, team: Team) -> ClinicBooking:
    """Book a place in a slot for a team: its own coach's slot, in time, not full, not clashing."""
    _require_booker(actor, slot, team)
    # The lock makes the capacity count and the insert one step for concurrent bookings of this slot;
    # the team lock does the same for the team's clash check across slots.
    locked = ClinicSlot.objects.select_for_update().get(pk=slot.pk)
    Team.objects.select_for_update().filter(pk=team.pk).first()
    slot.starts_at, slot.ends_at, slot.capacity = locked.starts_at, locked.ends_at, locked.capacity
    _check_open(slot, timezone.now(), _("pemesanan"))
    active = ClinicBooking.objects.filter(slot=slot, status=BOOKED)
    if active.filter(team=team).exists():
        raise ValidationError(_("Tim %(team)s sudah memesan jadwal ini.") % {"team": team.name})
    taken = active.count()
    if taken >= slot.capacity:
        raise ValidationError(
            _("Jadwal ini sudah penuh (%(taken)s dari %(capacity)s tempat terisi).")
            % {"taken": taken, "capacity": slot.capacity}
        )
    clash = (
        ClinicBooking.objects.filter(
            team=team, status=BOOKED, slot__starts_at__lt=slot.ends_at, slot__ends_at__gt=slot.starts_at
        )
        .select_related("slot__cohort__region")
        .first()
    )
    if clash is not None:
        raise ValidationError(
            _("Tim %(team)s sudah memesan klinik lain pada waktu yang bertabrakan: %(when)s.")
            % {"team": team.name, "when": slot_when(clash.slot)}
        )
    try:
        with transaction.atomic():
            booking = ClinicBooking.objects.create(slot=slot, team=team, booked_by=actor)
    except IntegrityError as error:  # the unique constraint, should a lock ever be missing
        raise ValidationError(_("Tim %(team)s sudah memesan jadwal ini.") % {"team": team.name}) from error
    booking.slot, booking.team = slot, team
    notify_booking(event="clinic_booked", recipients=[slot.coach], booking=booking, actor=actor)
    return booking


@transaction.atomic
def booking_cancel(*, actor: User, booking: ClinicBooking) -> ClinicBooking:
    """Cancel a booking. The team cancels until the cut-off; its coach or the admin until it starts."""
    if not can_cancel(actor, booking):
        raise PermissionDenied
    slot = booking.slot
    ClinicSlot.objects.select_for_update().filter(pk=slot.pk).first()
    now = timezone.now()
    organiser = can_record(actor, booking)
    if organiser and now >= slot.starts_at:
        raise ValidationError(_("Klinik ini sudah dimulai; pemesanannya tidak bisa dibatalkan lagi."))
    if not organiser:
        _check_open(slot, now, _("pembatalan"))
    changed = ClinicBooking.objects.filter(pk=booking.pk, status=BOOKED).update(
        status=CANCELLED, cancelled_at=now
    )
    if not changed:
        raise ValidationError(_("Pemesanan ini sudah dibatalkan."))
    booking.status, booking.cancelled_at = CANCELLED, now
    if organiser:
        recipients = [*team_people(booking.team), slot.coach]
        notify_booking(event="clinic_cancelled_by_coach", recipients=recipients, booking=booking, actor=actor)
    else:
        notify_booking(event="clinic_cancelled", recipients=[slot.coach], booking=booking, actor=actor)
    return booking
