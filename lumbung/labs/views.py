from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lumbung.accounts.access import AuthenticatedRequest, admin_regions, get_region_for_admin
from lumbung.core.forms import add_service_errors

from . import diagnose, gates, jury_services, selectors, services
from .access import (
    can_manage,
    get_cohort_for_admin,
    get_cohort_for_user,
    get_session_for_admin,
    visible_cohorts,
)
from .forms import CohortForm, EnrolForm, ReopenForm, SessionForm, StageForm
from .jury_views import TIE_RULE
from .models import Cohort, CohortStage, Participant, StageState, Team


def _stage(cohort: Cohort, code: str) -> CohortStage:
    stage = CohortStage.objects.filter(cohort=cohort, code=code).first()
    if stage is None:
        raise Http404
    stage.cohort = cohort
    return stage


@login_required
def cohort_list(request: AuthenticatedRequest) -> HttpResponse:
    cohorts = visible_cohorts(request.user).select_related("region").order_by("region__name", "-year", "name")
    regions = list(admin_regions(request.user).order_by("name"))
    my_teams = Participant.objects.filter(user=request.user, team__isnull=False).select_related(
        "team__cohort", "team__unit"
    )
    coaching = Team.objects.filter(coach=request.user).exists()
    return render(
        request,
        "labs/cohort_list.html",
        {"cohorts": cohorts, "admin_regions": regions, "my_teams": my_teams, "coaching": coaching},
    )


@login_required
def cohort_create(request: AuthenticatedRequest, code: str) -> HttpResponse:
    region = get_region_for_admin(request.user, code)
    form = CohortForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cohort = services.cohort_create(actor=request.user, region=region, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Angkatan sudah dibuat. Jadwalkan tahap-tahapnya."))
            return redirect("labs:detail", pk=cohort.pk)
    return render(request, "labs/cohort_form.html", {"region": region, "form": form})


@login_required
def cohort_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_user(request.user, pk)
    page = selectors.cohort_page(cohort)
    readable, editable = diagnose.team_work_links(request.user, cohort, page.teams)
    return render(
        request,
        "labs/cohort_detail.html",
        {
            "cohort": cohort,
            "page": page,
            "can_manage": can_manage(request.user, cohort),
            "state_labels": dict(StageState.choices),
            "jury_top": jury_services.published_top(cohort),
            "is_juror": jury_services.is_juror(request.user, cohort),
            "tie_rule": TIE_RULE,
            "readable_teams": readable,
            "editable_teams": editable,
            "progress": gates.progress_by_team([team.pk for team in page.teams]),
            "is_participant": Participant.objects.filter(
                cohort=cohort, user=request.user, role=Participant.Role.PARTICIPANT
            ).exists(),
        },
    )


@login_required
def cohort_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_admin(request.user, pk)
    form = CohortForm(request.POST or None, instance=cohort)
    if request.method == "POST" and form.is_valid():
        try:
            services.cohort_update(cohort=cohort, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Angkatan sudah disimpan."))
            return redirect("labs:detail", pk=cohort.pk)
    return render(request, "labs/cohort_form.html", {"region": cohort.region, "form": form, "cohort": cohort})


@login_required
def participants_enrol(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_admin(request.user, pk)
    form = EnrolForm(request.POST or None, region=cohort.region)
    if request.method == "POST" and form.is_valid():
        try:
            added = services.participants_enrol(cohort=cohort, units=form.cleaned_data["units"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(n)s peserta ditambahkan.") % {"n": added})
            return redirect("labs:detail", pk=cohort.pk)
    return render(request, "labs/enrol_form.html", {"cohort": cohort, "form": form})


@login_required
def stage_edit(request: AuthenticatedRequest, pk: int, stage: str) -> HttpResponse:
    cohort = get_cohort_for_admin(request.user, pk)
    cohort_stage = _stage(cohort, stage)
    form = StageForm(request.POST or None, instance=cohort_stage)
    if request.method == "POST" and form.is_valid():
        try:
            services.stage_update(stage=cohort_stage, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Tahap %(stage)s sudah disimpan.") % {"stage": cohort_stage.name})
            return redirect("labs:detail", pk=cohort.pk)
    return render(request, "labs/stage_form.html", {"cohort": cohort, "stage": cohort_stage, "form": form})


@login_required
def stage_reopen(request: AuthenticatedRequest, pk: int, stage: str) -> HttpResponse:
    cohort = get_cohort_for_admin(request.user, pk)
    cohort_stage = _stage(cohort, stage)
    form = ReopenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.stage_reopen(stage=cohort_stage, until=form.cleaned_data["until"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Tahap %(stage)s dibuka kembali.") % {"stage": cohort_stage.name})
            return redirect("labs:detail", pk=cohort.pk)
    return render(request, "labs/stage_reopen.html", {"cohort": cohort, "stage": cohort_stage, "form": form})


@login_required
def session_create(request: AuthenticatedRequest, pk: int, stage: str) -> HttpResponse:
    cohort = get_cohort_for_admin(request.user, pk)
    cohort_stage = _stage(cohort, stage)
    initial: dict[str, Any] = {
        "mode": cohort_stage.mode,
        "venue": cohort_stage.venue,
        "meeting_link": cohort_stage.meeting_link,
    }
    if cohort_stage.start_date:
        initial["day"] = cohort_stage.start_date
    form = SessionForm(request.POST or None, initial=initial, zone=cohort.region.timezone)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_create(stage=cohort_stage, **form.service_data())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Sesi sudah ditambahkan."))
            return redirect("labs:detail", pk=cohort.pk)
    return render(request, "labs/session_form.html", {"cohort": cohort, "stage": cohort_stage, "form": form})


@login_required
def session_edit(request: AuthenticatedRequest, pk: int, session: int) -> HttpResponse:
    cohort = get_cohort_for_admin(request.user, pk)
    lab_session = get_session_for_admin(request.user, cohort, session)
    lab_session.stage.cohort = cohort
    zone = cohort.region.timezone
    form = SessionForm(request.POST or None, initial=SessionForm.initial_for(lab_session, zone), zone=zone)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_update(session=lab_session, **form.service_data())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Sesi sudah disimpan."))
            return redirect("labs:detail", pk=cohort.pk)
    return render(
        request,
        "labs/session_form.html",
        {"cohort": cohort, "stage": lab_session.stage, "form": form, "session": lab_session},
    )
