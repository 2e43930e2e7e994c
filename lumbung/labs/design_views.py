"""Pages of the Design stage: a team's design, its action plan, and carrying the design into the registry."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lumbung.accounts.access import AuthenticatedRequest
from lumbung.core.forms import add_service_errors

from . import design, diagnose, gates
from .design_forms import DesignForm, MilestoneForm
from .models import Design, Idea, Milestone, Team


@login_required
def team_design(request: AuthenticatedRequest, pk: int, team: int) -> HttpResponse:
    access = diagnose.get_team_for_user(request.user, pk, team)
    found = access.team
    item = gates.team_stage(found, design.STAGE)
    current = design.get_design(found)
    version, version_readable = design.registry_version(request.user, current) if current else (None, False)
    if current is not None:
        current.team = found
    return render(
        request,
        "labs/design/team.html",
        {
            "cohort": found.cohort,
            "team": found,
            "item": item,
            "design": current,
            "idea": current.idea if current else design.chosen_idea(found),
            "milestones": list(design.milestones(found)),
            "max_milestones": design.MAX_MILESTONES,
            "can_change": access.can_edit and design.can_change(request.user, found, item),
            "version": version,
            "version_readable": version_readable,
            "register_refusal": design.register_refusal(request.user, current, item) if current else "",
        },
    )


def _back(found: Team) -> HttpResponse:
    return redirect("labs:team_design", pk=found.cohort_id, team=found.pk)


@login_required
def design_edit(request: AuthenticatedRequest, pk: int, team: int) -> HttpResponse:
    found = diagnose.get_team_for_editor(request.user, pk, team)
    current = design.get_design(found)
    if current is not None and current.innovation_id is not None:
        messages.info(request, _("Rancangan ini sudah dicatat di registri; ubah profilnya di registri."))
        return _back(found)
    idea = current.idea if current else design.chosen_idea(found)
    if current is None and idea is None:
        messages.error(request, _("Pilih dulu satu gagasan di tahap Diagnose sebelum merancang inovasi."))
        return redirect("labs:team_diagnose", pk=found.cohort_id, team=found.pk)
    form = DesignForm(request.POST or None, initial=_design_initial(current, idea))
    if request.method == "POST" and form.is_valid():
        try:
            design.design_save(actor=request.user, team=found, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Rancangan inovasi sudah disimpan."))
            return _back(found)
    return render(
        request,
        "labs/design/design_form.html",
        {"cohort": found.cohort, "team": found, "form": form, "design": current, "idea": idea},
    )


def _design_initial(current: Design | None, idea: Idea | None) -> dict[str, Any]:
    if current is None:
        return design.initial_from_idea(idea) if idea else {}
    fields = ("name", "form", "kind", "goals", "benefits", "design")
    return {**{f: getattr(current, f) for f in fields}, "main_urusan": current.main_urusan_id}


def _milestone_page(request: AuthenticatedRequest, found: Team, milestone: Milestone | None) -> HttpResponse:
    initial = None
    if milestone is not None:
        initial = {f: getattr(milestone, f) for f in ("what", "who", "due_date", "expected_output")}
    form = MilestoneForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if milestone is None:
                design.milestone_create(actor=request.user, team=found, **form.cleaned_data)
            else:
                design.milestone_update(actor=request.user, milestone=milestone, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Tonggak rencana aksi sudah disimpan."))
            return _back(found)
    return render(
        request,
        "labs/design/milestone_form.html",
        {"cohort": found.cohort, "team": found, "form": form, "milestone": milestone},
    )


@login_required
def milestone_create(request: AuthenticatedRequest, pk: int, team: int) -> HttpResponse:
    return _milestone_page(request, diagnose.get_team_for_editor(request.user, pk, team), None)


def _team_milestone(request: AuthenticatedRequest, pk: int, team: int, milestone: int) -> Milestone:
    found = diagnose.get_team_for_editor(request.user, pk, team)
    step = design.get_milestone(found, milestone)
    step.team = found
    return step


@login_required
def milestone_edit(request: AuthenticatedRequest, pk: int, team: int, milestone: int) -> HttpResponse:
    step = _team_milestone(request, pk, team, milestone)
    return _milestone_page(request, step.team, step)


@login_required
def milestone_remove(request: AuthenticatedRequest, pk: int, team: int, milestone: int) -> HttpResponse:
    """A confirmation page; the step goes only on its POST."""
    step = _team_milestone(request, pk, team, milestone)
    error = ""
    if request.method == "POST":
        try:
            design.milestone_remove(actor=request.user, milestone=step)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(request, _("Tonggak %(what)s sudah dihapus.") % {"what": step.what})
            return _back(step.team)
    return render(
        request,
        "labs/design/milestone_remove.html",
        {"cohort": step.team.cohort, "team": step.team, "milestone": step, "error": error},
    )


@require_POST
@login_required
def design_register(request: AuthenticatedRequest, pk: int, team: int) -> HttpResponse:
    found = diagnose.get_team_for_user(request.user, pk, team).team
    current = design.get_design(found)
    if current is None:
        raise Http404
    current.team = found
    try:
        version = design.design_register(actor=request.user, design=current)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _back(found)
    messages.success(
        request,
        _("Rancangan sudah dicatat di registri sebagai draf inovasi %(name)s (%(year)s).")
        % {"name": version.name, "year": version.year},
    )
    return _back(found)
