"""Pages of the Diagnose stage: a team's problem and idea registers and the cohort's idea summary."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lumbung.accounts.access import AuthenticatedRequest
from lumbung.core.forms import add_service_errors

from . import diagnose
from .diagnose_forms import IdeaForm, ProblemForm
from .models import Participant, Team


@login_required
def team_diagnose(request: AuthenticatedRequest, pk: int, team: int) -> HttpResponse:
    access = diagnose.get_team_for_user(request.user, pk, team)
    return render(
        request,
        "labs/diagnose/team.html",
        {
            "cohort": access.team.cohort,
            "team": access.team,
            "can_edit": access.can_edit,
            "problems": diagnose.ranked_problems(access.team),
            "ideas": diagnose.idea_rows(access.team),
        },
    )


def _problem_form_page(request: AuthenticatedRequest, found: Team, problem_pk: int | None) -> HttpResponse:
    problem = diagnose.get_problem(found, problem_pk) if problem_pk else None
    initial = (
        {f: getattr(problem, f) for f in ("title", "description", "urgency", "seriousness", "growth")}
        if problem
        else None
    )
    form = ProblemForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if problem is None:
                diagnose.problem_create(team=found, actor=request.user, **form.cleaned_data)
            else:
                diagnose.problem_update(problem=problem, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Masalah sudah disimpan."))
            return redirect("labs:team_diagnose", pk=found.cohort_id, team=found.pk)
    return render(
        request,
        "labs/diagnose/problem_form.html",
        {"cohort": found.cohort, "team": found, "form": form, "problem": problem},
    )


@login_required
def problem_create(request: AuthenticatedRequest, pk: int, team: int) -> HttpResponse:
    return _problem_form_page(request, diagnose.get_team_for_editor(request.user, pk, team), None)


@login_required
def problem_edit(request: AuthenticatedRequest, pk: int, team: int, problem: int) -> HttpResponse:
    return _problem_form_page(request, diagnose.get_team_for_editor(request.user, pk, team), problem)


def _idea_form_page(request: AuthenticatedRequest, found: Team, idea_pk: int | None) -> HttpResponse:
    idea = diagnose.get_idea(found, idea_pk) if idea_pk else None
    if idea:
        initial = {
            "title": idea.title,
            "description": idea.description,
            "problem": idea.problem_id,
            "proposed_by": idea.proposed_by_id,
        }
    else:
        own = Participant.objects.filter(cohort_id=found.cohort_id, user=request.user).first()
        initial = {"proposed_by": own.pk if own else None}
    form = IdeaForm(request.POST or None, initial=initial, team=found)
    if request.method == "POST" and form.is_valid():
        try:
            if idea is None:
                diagnose.idea_create(team=found, actor=request.user, **form.cleaned_data)
            else:
                diagnose.idea_update(idea=idea, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Gagasan sudah disimpan."))
            return redirect("labs:team_diagnose", pk=found.cohort_id, team=found.pk)
    return render(
        request,
        "labs/diagnose/idea_form.html",
        {"cohort": found.cohort, "team": found, "form": form, "idea": idea},
    )


@login_required
def idea_create(request: AuthenticatedRequest, pk: int, team: int) -> HttpResponse:
    return _idea_form_page(request, diagnose.get_team_for_editor(request.user, pk, team), None)


@login_required
def idea_edit(request: AuthenticatedRequest, pk: int, team: int, idea: int) -> HttpResponse:
    return _idea_form_page(request, diagnose.get_team_for_editor(request.user, pk, team), idea)


@require_POST
@login_required
def idea_choose(request: AuthenticatedRequest, pk: int, team: int, idea: int) -> HttpResponse:
    found = diagnose.get_team_for_editor(request.user, pk, team)
    try:
        chosen = diagnose.idea_choose(idea=diagnose.get_idea(found, idea), actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Gagasan %(title)s dipilih tim.") % {"title": chosen.title})
    return redirect("labs:team_diagnose", pk=found.cohort_id, team=found.pk)


@login_required
def idea_summary(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = diagnose.get_cohort_for_reader(request.user, pk)
    return render(
        request,
        "labs/diagnose/summary.html",
        {"cohort": cohort, "summary": diagnose.idea_summary(cohort)},
    )
