"""Coaching clinics: what slots, bookings and records share: moments, access and notifications."""

import datetime as dt
import zoneinfo
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from lumbung.accounts.access import AnyUser
from lumbung.accounts.models import User
from lumbung.core.formatting import format_date, format_time_range
from lumbung.notifications.models import Kind
from lumbung.notifications.services import notify

from ..access import can_manage
from ..diagnose import get_cohort_for_reader
from ..models import ClinicBooking, ClinicSlot, Cohort, Participant, Team

BOOKED = ClinicBooking.Status.BOOKED
CANCELLED = ClinicBooking.Status.CANCELLED


def clinic_day(slot: ClinicSlot) -> dt.date:
    return timezone.localtime(slot.starts_at, zoneinfo.ZoneInfo(slot.cohort.region.timezone)).date()


def slot_when(slot: ClinicSlot) -> str:
    """The slot as "7 Desember 2023 09.00–10.00 WITA", in the zone of its cohort's region."""
    hours = format_time_range(slot.starts_at, slot.ends_at, slot.cohort.region.timezone)
    return f"{format_date(clinic_day(slot))} {hours}"


def booking_closes_at(slot: ClinicSlot) -> dt.datetime:
    return slot.starts_at - dt.timedelta(hours=slot.cohort.clinic_booking_cutoff_hours)


# Access


def is_cohort_coach(user: AnyUser, cohort: Cohort) -> bool:
    return bool(
        user.is_authenticated
        and Participant.objects.filter(cohort=cohort, user=user, role=Participant.Role.COACH).exists()
    )


def cohort_coaches(cohort: Cohort) -> list[User]:
    return list(
        User.objects.filter(
            lab_enrolments__cohort=cohort, lab_enrolments__role=Participant.Role.COACH
        ).order_by("full_name")
    )


def get_cohort_for_clinic(user: AnyUser, pk: int) -> Cohort:
    """The cohort for its admins, participants and coaches (coaches from elsewhere too); 404 otherwise."""
    return get_cohort_for_reader(user, pk)


def get_cohort_for_publisher(user: AnyUser, pk: int) -> Cohort:
    cohort = get_cohort_for_clinic(user, pk)
    if not (can_manage(user, cohort) or is_cohort_coach(user, cohort)):
        raise PermissionDenied
    return cohort


def get_slot(cohort: Cohort, pk: int) -> ClinicSlot:
    slot = ClinicSlot.objects.filter(cohort=cohort, pk=pk).select_related("coach").first()
    if slot is None:
        raise Http404
    slot.cohort = cohort
    return slot


def get_slot_for_coach(user: AnyUser, cohort: Cohort, pk: int) -> ClinicSlot:
    """A slot for its own coach or the region's admin; 403 to other readers of the cohort."""
    slot = get_slot(cohort, pk)
    if slot.coach_id != user.pk and not can_manage(user, cohort):
        raise PermissionDenied
    return slot


def get_booking(cohort: Cohort, pk: int) -> ClinicBooking:
    booking = (
        ClinicBooking.objects.filter(slot__cohort=cohort, pk=pk).select_related("slot__coach", "team").first()
    )
    if booking is None:
        raise Http404
    booking.slot.cohort = booking.team.cohort = cohort
    return booking


def is_member(user: AnyUser, team: Team) -> bool:
    return bool(user.is_authenticated and Participant.objects.filter(team=team, user=user).exists())


def can_record(user: AnyUser, booking: ClinicBooking) -> bool:
    return booking.slot.coach_id == user.pk or can_manage(user, booking.slot.cohort)


def can_cancel(user: AnyUser, booking: ClinicBooking) -> bool:
    """The team's members and coach, the slot's coach and the region's admin."""
    if can_record(user, booking) or booking.team.coach_id == user.pk:
        return True
    return is_member(user, booking.team)


def get_booking_for_canceller(user: AnyUser, cohort: Cohort, pk: int) -> ClinicBooking:
    booking = get_booking(cohort, pk)
    if not can_cancel(user, booking):
        raise PermissionDenied
    return booking


def get_booking_for_recorder(user: AnyUser, cohort: Cohort, pk: int) -> ClinicBooking:
    booking = get_booking(cohort, pk)
    if not can_record(user, booking):
        raise PermissionDenied
    return booking


def bookable_teams(user: AnyUser, cohort: Cohort) -> list[Team]:
    """Teams this person may book for: all for the admin, else the teams they coach or belong to."""
    teams = Team.objects.filter(cohort=cohort).order_by("name")
    if not can_manage(user, cohort):
        if not user.is_authenticated:
            return []
        teams = teams.filter(Q(coach=user) | Q(coach__isnull=False, members__user=user)).distinct()
    return list(teams)


# Notifications


def team_people(team: Team) -> list[User]:
    return [p.user for p in Participant.objects.filter(team=team).select_related("user")]


def notify_booking(
    *, event: str, recipients: Iterable[User], booking: ClinicBooking, actor: User | None
) -> None:
    slot, cohort = booking.slot, booking.slot.cohort
    context = {
        "event": event,
        "team": booking.team.name,
        "coach": slot.coach.full_name,
        "cohort": cohort.name,
        "when": slot_when(slot),
        "actor": actor.full_name if actor else "",
    }
    url = reverse("labs:clinic_list", args=[cohort.pk])
    notify(recipients=recipients, kind=Kind.LAB, context=context, url=url, region=cohort.region, actor=actor)
