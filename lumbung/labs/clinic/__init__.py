"""Coaching clinics: a coach publishes slots, teams book their own coach, the coach records each clinic."""

from .common import (
    BOOKED,
    CANCELLED,
    bookable_teams,
    booking_closes_at,
    can_cancel,
    can_record,
    clinic_day,
    cohort_coaches,
    get_booking_for_canceller,
    get_booking_for_recorder,
    get_cohort_for_clinic,
    get_cohort_for_publisher,
    get_slot,
    get_slot_for_coach,
    is_cohort_coach,
    slot_when,
)
from .records import ActionInput, earlier_actions, record_save
from .scheduling import booking_cancel, booking_create, slot_create, slot_remove, slot_update

__all__ = [
    "BOOKED",
    "CANCELLED",
    "ActionInput",
    "bookable_teams",
    "booking_cancel",
    "booking_closes_at",
    "booking_create",
    "can_cancel",
    "can_record",
    "clinic_day",
    "cohort_coaches",
    "earlier_actions",
    "get_booking_for_canceller",
    "get_booking_for_recorder",
    "get_cohort_for_clinic",
    "get_cohort_for_publisher",
    "get_slot",
    "get_slot_for_coach",
    "is_cohort_coach",
    "record_save",
    "slot_create",
    "slot_remove",
    "slot_update",
    "slot_when",
]
