"""Pages of the coaching clinic: the cohort's clinic page, slots, bookings, records, and the coach's page."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lumbung.accounts.access import AnyUser, AuthenticatedRequest, memberships_of
from lumbung.accounts.models import User
from lumbung.core.forms import add_service_errors

from . import clinic, gates
from .access import can_manage
from .clinic_forms import ActionFormSet, RecordForm, SlotForm, SlotRemoveForm, action_initial, action_inputs
from .models import (
    ClinicAction,
    ClinicBooking,
    ClinicRecord,
    ClinicSlot,
    Cohort,
    Milestone,
    MilestoneStatus,
    Participant,
    StageWork,
    Team,
    region_today,
)

# Reading the pages


@dataclass
class SlotRow:
    slot: ClinicSlot
    bookings: list[ClinicBooking]  # active ones
    teams: list[Team]  # the teams the viewer may still book this slot for
    closed: str  # why it takes no booking now, or ""
    manages: bool  # the viewer is its coach or the admin
    mine: bool  # the viewer's own team has booked it
    started: bool

    @property
    def free(self) -> int:
        return max(self.slot.capacity - len(self.bookings), 0)


@dataclass
class PastRow:
    booking: ClinicBooking
    record: ClinicRecord | None
    can_record: bool


def _closed_reason(slot: ClinicSlot, taken: int, now: dt.datetime) -> str:
    if now >= slot.starts_at:
        return _("Sedang berlangsung")
    if now >= clinic.booking_closes_at(slot):
        return _("Pemesanan sudah ditutup")
    if taken >= slot.capacity:
        return _("Penuh")
    return ""


def _slot_rows(user: AnyUser, cohort: Cohort, my_team: Team | None, now: dt.datetime) -> list[SlotRow]:
    admin = can_manage(user, cohort)
    active = ClinicBooking.objects.filter(status=clinic.BOOKED).select_related("team")
    slots = (
        ClinicSlot.objects.filter(cohort=cohort, ends_at__gt=now)
        .select_related("coach")
        .prefetch_related(Prefetch("bookings", queryset=active, to_attr="active"))
    )
    if not admin:
        scope = Q(coach_id=user.pk)
        if my_team is not None and my_team.coach_id:
            scope |= Q(coach_id=my_team.coach_id)
        slots = slots.filter(scope)
    teams = clinic.bookable_teams(user, cohort)
    rows = []
    for slot in slots:
        slot.cohort = cohort
        booked = {b.team_id for b in slot.active}
        allowed = [t for t in teams if (admin or t.coach_id == slot.coach_id) and t.pk not in booked]
        closed = _closed_reason(slot, len(booked), now)
        manages = admin or slot.coach_id == user.pk
        mine = my_team is not None and my_team.pk in booked
        started = now >= slot.starts_at
        rows.append(SlotRow(slot, slot.active, [] if closed else allowed, closed, manages, mine, started))
    return rows


def _past_rows(user: AnyUser, cohort: Cohort, my_team: Team | None, now: dt.datetime) -> list[PastRow]:
    bookings = ClinicBooking.objects.filter(
        slot__cohort=cohort, status=clinic.BOOKED, slot__starts_at__lte=now
    ).select_related("slot__coach", "team")
    if not can_manage(user, cohort):
        bookings = bookings.filter(Q(slot__coach_id=user.pk) | Q(team=my_team))
    bookings = bookings.order_by("-slot__starts_at", "team__name")
    records = {
        r.booking_id: r
        for r in ClinicRecord.objects.filter(booking__in=bookings).prefetch_related(
            "attendees__user", "actions"
        )
    }
    rows = []
    for booking in bookings:
        booking.slot.cohort = booking.team.cohort = cohort
        rows.append(PastRow(booking, records.get(booking.pk), clinic.can_record(user, booking)))
    return rows


def clinic_page(user: User, cohort: Cohort) -> dict[str, Any]:
    """Everything the cohort's clinic page shows this person, in a fixed number of queries."""
    now = timezone.now()
    me = Participant.objects.filter(cohort=cohort, user_id=user.pk).select_related("team__coach").first()
    my_team = me.team if me is not None and me.team_id else None
    team_bookings: list[ClinicBooking] = []
    if my_team is not None:
        team_bookings = list(
            ClinicBooking.objects.filter(team=my_team, status=clinic.BOOKED, slot__ends_at__gt=now)
            .select_related("slot__coach")
            .order_by("slot__starts_at")
        )
        for booking in team_bookings:
            booking.team, booking.slot.cohort = my_team, cohort
    return {
        "cohort": cohort,
        "zone": cohort.region.timezone,
        "today": region_today(cohort.region),
        "my_team": my_team,
        "can_publish": can_manage(user, cohort) or (me is not None and me.role == Participant.Role.COACH),
        "slots": _slot_rows(user, cohort, my_team, now),
        "team_bookings": team_bookings,
        "past": _past_rows(user, cohort, my_team, now),
    }


@dataclass
class CoachTeam:
    team: Team
    pending: list[StageWork] = field(default_factory=list)
    overdue_milestones: list[Milestone] = field(default_factory=list)
    overdue_actions: list[ClinicAction] = field(default_factory=list)
    upcoming: list[ClinicBooking] = field(default_factory=list)

    @property
    def overdue_count(self) -> int:
        return len(self.overdue_milestones) + len(self.overdue_actions)


def coach_teams(user: User) -> list[CoachTeam]:
    """The teams this person coaches, in every cohort and region, with what needs their attention."""
    teams = list(
        Team.objects.filter(coach=user)
        .select_related("cohort__region", "unit")
        .order_by("-cohort__year", "cohort__name", "name")
    )
    rows = {team.pk: CoachTeam(team) for team in teams}
    todays = {team.cohort.region_id: region_today(team.cohort.region) for team in teams}
    # Every zone's today is within a day of the server's; the exact comparison is per region below.
    latest = max(todays.values(), default=timezone.localdate()) + dt.timedelta(days=1)
    for work in gates.pending_reviews(user, teams):
        rows[work.team_id].pending.append(work)
    late = Milestone.objects.filter(team_id__in=rows, due_date__lt=latest).exclude(
        status=MilestoneStatus.DONE
    )
    for milestone in late:
        row = rows[milestone.team_id]
        if milestone.is_overdue(todays[row.team.cohort.region_id]):
            row.overdue_milestones.append(milestone)
    actions = ClinicAction.objects.filter(
        record__booking__team_id__in=rows, status=ClinicAction.Status.OPEN, due_date__lt=latest
    ).select_related("record__booking")
    for action in actions:
        row = rows[action.record.booking.team_id]
        if action.due_date < todays[row.team.cohort.region_id]:
            row.overdue_actions.append(action)
    upcoming = ClinicBooking.objects.filter(
        team_id__in=rows, status=clinic.BOOKED, slot__ends_at__gt=timezone.now()
    ).select_related("slot__coach")
    for booking in upcoming.order_by("slot__starts_at"):
        row = rows[booking.team_id]
        booking.team, booking.slot.cohort = row.team, row.team.cohort
        row.upcoming.append(booking)
    return list(rows.values())


# Pages


@login_required
def clinic_list(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = clinic.get_cohort_for_clinic(request.user, pk)
    return render(request, "labs/clinic/list.html", clinic_page(request.user, cohort))


def _slot_form_page(request: AuthenticatedRequest, cohort: Cohort, slot: ClinicSlot | None) -> HttpResponse:
    zone = cohort.region.timezone
    coaches = clinic.cohort_coaches(cohort) if slot is None and can_manage(request.user, cohort) else None
    initial = SlotForm.initial_for(slot, zone) if slot else {"capacity": 1}
    form = SlotForm(request.POST or None, initial=initial, zone=zone, coaches=coaches)
    if request.method == "POST" and form.is_valid():
        data = form.service_data()
        coach = data.pop("coach", None) or request.user
        try:
            if slot is None:
                clinic.slot_create(actor=request.user, cohort=cohort, coach=coach, **data)
            else:
                clinic.slot_update(actor=request.user, slot=slot, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Jadwal klinik sudah disimpan."))
            return redirect("labs:clinic_list", pk=cohort.pk)
    context = {"cohort": cohort, "form": form, "slot": slot, "zone": zone}
    return render(request, "labs/clinic/slot_form.html", context)


@login_required
def slot_create(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _slot_form_page(request, clinic.get_cohort_for_publisher(request.user, pk), None)


@login_required
def slot_edit(request: AuthenticatedRequest, pk: int, slot: int) -> HttpResponse:
    cohort = clinic.get_cohort_for_clinic(request.user, pk)
    return _slot_form_page(request, cohort, clinic.get_slot_for_coach(request.user, cohort, slot))


@login_required
def slot_remove(request: AuthenticatedRequest, pk: int, slot: int) -> HttpResponse:
    cohort = clinic.get_cohort_for_clinic(request.user, pk)
    found = clinic.get_slot_for_coach(request.user, cohort, slot)
    form = SlotRemoveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            clinic.slot_remove(
                actor=request.user, slot=found, cancel_bookings=form.cleaned_data["cancel_bookings"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Jadwal klinik sudah dihapus."))
            return redirect("labs:clinic_list", pk=cohort.pk)
    bookings = found.bookings.filter(status=clinic.BOOKED).select_related("team")
    context = {
        "cohort": cohort,
        "slot": found,
        "form": form,
        "bookings": bookings,
        "zone": cohort.region.timezone,
    }
    return render(request, "labs/clinic/slot_remove.html", context)


@require_POST
@login_required
def booking_create(request: AuthenticatedRequest, pk: int, slot: int) -> HttpResponse:
    cohort = clinic.get_cohort_for_clinic(request.user, pk)
    found = clinic.get_slot(cohort, slot)
    posted = request.POST.get("team", "")
    team = Team.objects.filter(cohort=cohort, pk=int(posted)).first() if posted.isdigit() else None
    if team is None:
        raise Http404
    team.cohort = cohort
    try:
        clinic.booking_create(actor=request.user, slot=found, team=team)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Klinik %(when)s sudah dipesan untuk tim %(team)s.")
            % {"when": clinic.slot_when(found), "team": team.name},
        )
    return redirect("labs:clinic_list", pk=cohort.pk)


@login_required
def booking_cancel(request: AuthenticatedRequest, pk: int, booking: int) -> HttpResponse:
    cohort = clinic.get_cohort_for_clinic(request.user, pk)
    found = clinic.get_booking_for_canceller(request.user, cohort, booking)
    if request.method == "POST":
        try:
            clinic.booking_cancel(actor=request.user, booking=found)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Pemesanan klinik sudah dibatalkan."))
        return redirect("labs:clinic_list", pk=cohort.pk)
    context = {"cohort": cohort, "booking": found, "zone": cohort.region.timezone}
    return render(request, "labs/clinic/booking_cancel.html", context)


@login_required
def clinic_record(request: AuthenticatedRequest, pk: int, booking: int) -> HttpResponse:
    cohort = clinic.get_cohort_for_clinic(request.user, pk)
    found = clinic.get_booking_for_recorder(request.user, cohort, booking)
    record = ClinicRecord.objects.filter(booking=found).first()
    earlier = clinic.earlier_actions(found)
    initial = {"notes": record.notes, "attendees": list(record.attendees.all())} if record else None
    data = request.POST or None
    form = RecordForm(data, initial=initial, team=found.team, earlier=earlier)
    formset = ActionFormSet(data, initial=action_initial(list(record.actions.all())) if record else None)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            clinic.record_save(
                actor=request.user,
                booking=found,
                attendees=list(form.cleaned_data["attendees"]),
                notes=form.cleaned_data["notes"],
                actions=action_inputs(formset),
                checks=form.checks(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Catatan klinik sudah disimpan."))
            return redirect("labs:clinic_list", pk=cohort.pk)
    context = {
        "cohort": cohort,
        "booking": found,
        "form": form,
        "formset": formset,
        "zone": cohort.region.timezone,
    }
    return render(request, "labs/clinic/record_form.html", context)


@login_required
def coach_home(request: AuthenticatedRequest) -> HttpResponse:
    memberships = memberships_of(request.user)
    rows = coach_teams(request.user)
    return render(
        request,
        "labs/clinic/coach_home.html",
        {
            "rows": rows,
            "progress": gates.progress_by_team([row.team.pk for row in rows]),
            "needs_attention": any(r.pending or r.overdue_milestones or r.overdue_actions for r in rows),
            # The coach's own zone, to show a clinic's time in it too when the cohort's region differs.
            "home_zone": memberships[0].region.timezone if memberships else "",
        },
    )
