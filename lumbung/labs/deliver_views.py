"""Pages of the Deliver stage: a team's action plan in progress, its reports and figures, and the
cohort's overdue milestones."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from lumbung.accounts.access import AuthenticatedRequest
from lumbung.core.forms import add_service_errors

from . import deliver, diagnose, gates
from .access import can_manage
from .deliver_forms import FiguresForm, ProgressForm
from .models import Design, Team, region_today


def _design_link(team: Team) -> str:
    """The Design page, where the action plan is drawn up; the team page until that page exists."""
    try:
        return reverse("labs:team_design", args=[team.cohort_id, team.pk])
    except NoReverseMatch:
        return reverse("labs:team_detail", args=[team.cohort_id, team.pk])


@login_required
def team_deliver(request: AuthenticatedRequest, pk: int, team: int) -> HttpResponse:
    access = diagnose.get_team_for_user(request.user, pk, team)
    found = access.team
    item = gates.team_stage(found, deliver.STAGE)
    may_change = access.can_edit and (item.is_editable or can_manage(request.user, found.cohort))
    return render(
        request,
        "labs/deliver/team.html",
        {
            "cohort": found.cohort,
            "team": found,
            "page": deliver.deliver_page(found),
            "item": item,
            "can_edit": may_change,
            "design_link": _design_link(found),
        },
    )


def _back(team: Team) -> HttpResponse:
    return redirect("labs:team_deliver", pk=team.cohort_id, team=team.pk)


@login_required
def milestone_report(request: AuthenticatedRequest, pk: int, team: int, milestone: int) -> HttpResponse:
    found = diagnose.get_team_for_editor(request.user, pk, team)
    target = deliver.get_milestone(found, milestone)
    today = region_today(found.cohort.region)
    initial = {"status": target.status, "percent": target.percent, "reported_on": today}
    form = ProgressForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            deliver.progress_report(
                actor=request.user,
                milestone=target,
                status=data["status"],
                percent=data["percent"],
                reported_on=data["reported_on"],
                note=data["note"],
                evidence_upload=data["evidence"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Kemajuan tonggak %(what)s sudah dicatat.") % {"what": target.what})
            return _back(found)
    return render(
        request,
        "labs/deliver/report_form.html",
        {
            "cohort": found.cohort,
            "team": found,
            "milestone": target,
            "form": form,
            "refusal": deliver.edit_refusal(request.user, found),
        },
    )


@login_required
def deliver_figures(request: AuthenticatedRequest, pk: int, team: int) -> HttpResponse:
    found = diagnose.get_team_for_editor(request.user, pk, team)
    design = Design.objects.filter(team=found).first()
    fields = ("indicator_name", "indicator_unit", "baseline", "target", "actual")
    initial = {name: getattr(design, name) for name in fields} if design else None
    form = FiguresForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            deliver.figures_save(actor=request.user, team=found, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Angka sebelum dan sesudah sudah disimpan."))
            return _back(found)
    return render(
        request,
        "labs/deliver/figures_form.html",
        {
            "cohort": found.cohort,
            "team": found,
            "design": design,
            "form": form,
            "refusal": deliver.edit_refusal(request.user, found),
            "design_link": _design_link(found),
        },
    )


@login_required
def overdue_milestones(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = diagnose.get_cohort_for_reader(request.user, pk)
    team_ids = deliver.overdue_team_ids(request.user, cohort)
    today = region_today(cohort.region)
    return render(
        request,
        "labs/deliver/overdue.html",
        {
            "cohort": cohort,
            "groups": deliver.overdue_milestones(cohort, team_ids, today),
            "today": today,
            "all_teams": team_ids is None,
        },
    )
