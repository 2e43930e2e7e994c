"""Pages of Drum-up (a team's commitments) and of the Diagnose readiness self-assessment."""

from collections.abc import Sequence

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from lumbung.accounts.access import AuthenticatedRequest
from lumbung.core.formatting import format_number
from lumbung.core.forms import add_service_errors

from . import diagnose, drumup
from .access import get_cohort_for_admin
from .drumup_forms import CommitmentForm, QuestionForm, QuestionRemoveForm, ReadinessForm
from .models import ReadinessQuestion, Team
from .radar import RadarSeries, radar_chart

# Drum-up


@login_required
def team_drumup(request: AuthenticatedRequest, pk: int, team: int) -> HttpResponse:
    access = diagnose.get_team_for_user(request.user, pk, team)
    found = access.team
    shut = drumup.edit_block(actor=request.user, team=found, stage="drum_up") if access.can_edit else ""
    return render(
        request,
        "labs/drumup/team.html",
        {
            "cohort": found.cohort,
            "team": found,
            "can_edit": access.can_edit and not shut,
            "can_add_idea": access.can_edit,
            "shut_reason": shut,
            "page": drumup.drumup_page(found),
        },
    )


def _commitment_form_page(
    request: AuthenticatedRequest, found: Team, commitment_pk: int | None
) -> HttpResponse:
    commitment = drumup.get_commitment(found, commitment_pk) if commitment_pk else None
    initial = (
        {"name": commitment.name, "position": commitment.position, "committed_on": commitment.committed_on}
        if commitment
        else None
    )
    form = CommitmentForm(
        request.POST or None, request.FILES or None, initial=initial, replacing=bool(commitment)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {"name": data["name"], "position": data["position"], "committed_on": data["committed_on"]}
        try:
            if commitment is None:
                drumup.commitment_create(actor=request.user, team=found, letter=data["letter"], **fields)
            else:
                drumup.commitment_update(
                    actor=request.user, commitment=commitment, letter=data["letter"], **fields
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Komitmen %(name)s sudah disimpan.") % {"name": data["name"]})
            return redirect("labs:team_drumup", pk=found.cohort_id, team=found.pk)
    return render(
        request,
        "labs/drumup/commitment_form.html",
        {
            "cohort": found.cohort,
            "team": found,
            "form": form,
            "commitment": commitment,
            "shut_reason": drumup.edit_block(actor=request.user, team=found, stage="drum_up"),
        },
    )


@login_required
def commitment_create(request: AuthenticatedRequest, pk: int, team: int) -> HttpResponse:
    return _commitment_form_page(request, diagnose.get_team_for_editor(request.user, pk, team), None)


@login_required
def commitment_edit(request: AuthenticatedRequest, pk: int, team: int, commitment: int) -> HttpResponse:
    return _commitment_form_page(request, diagnose.get_team_for_editor(request.user, pk, team), commitment)


@login_required
def commitment_remove(request: AuthenticatedRequest, pk: int, team: int, commitment: int) -> HttpResponse:
    found = diagnose.get_team_for_editor(request.user, pk, team)
    target = drumup.get_commitment(found, commitment)
    error = ""
    if request.method == "POST":
        try:
            drumup.commitment_remove(actor=request.user, commitment=target)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(request, _("Komitmen %(name)s sudah dihapus.") % {"name": target.name})
            return redirect("labs:team_drumup", pk=found.cohort_id, team=found.pk)
    return render(
        request,
        "labs/drumup/commitment_remove.html",
        {"cohort": found.cohort, "team": found, "commitment": target, "error": error},
    )


# Readiness: the cohort's questions, for its admin


@login_required
def readiness_questions(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_admin(request.user, pk)
    drumup.readiness_questions_ensure(cohort)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = drumup.readiness_question_create(cohort=cohort, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Pertanyaan %(aspect)s sudah ditambahkan.") % {"aspect": created.aspect}
            )
            return redirect("labs:readiness_questions", pk=cohort.pk)
    questions = (
        ReadinessQuestion.objects.filter(cohort=cohort)
        .annotate(answers_count=Count("answers"))
        .order_by("position")
    )
    return render(
        request, "labs/drumup/questions.html", {"cohort": cohort, "questions": questions, "form": form}
    )


@login_required
def readiness_question_edit(request: AuthenticatedRequest, pk: int, question: int) -> HttpResponse:
    cohort = get_cohort_for_admin(request.user, pk)
    found = drumup.get_question(cohort, question)
    form = QuestionForm(request.POST or None, initial={"aspect": found.aspect, "text": found.text})
    if request.method == "POST" and form.is_valid():
        try:
            drumup.readiness_question_update(question=found, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Pertanyaan %(aspect)s sudah disimpan.") % {"aspect": found.aspect})
            return redirect("labs:readiness_questions", pk=cohort.pk)
    return render(
        request, "labs/drumup/question_form.html", {"cohort": cohort, "question": found, "form": form}
    )


@login_required
def readiness_question_remove(request: AuthenticatedRequest, pk: int, question: int) -> HttpResponse:
    cohort = get_cohort_for_admin(request.user, pk)
    found = drumup.get_question(cohort, question)
    # Bound on every POST: an empty one (the box left unticked) is still an answer.
    form = QuestionRemoveForm(request.POST if request.method == "POST" else None)
    error = ""
    if form.is_valid():
        try:
            drumup.readiness_question_remove(
                question=found, answers_confirmed=form.cleaned_data["answers_confirmed"]
            )
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(request, _("Pertanyaan %(aspect)s sudah dihapus.") % {"aspect": found.aspect})
            return redirect("labs:readiness_questions", pk=cohort.pk)
    return render(
        request,
        "labs/drumup/question_remove.html",
        {"cohort": cohort, "question": found, "answers": found.answers.count(), "error": error},
    )


# Readiness: a team's answers and the cohort's summary


def _description(axes: Sequence[str], series: Sequence[RadarSeries]) -> str:
    """The figures in words, for those who cannot see the chart: "SDM: Tim A 4; Rata-rata 3,5."."""

    def shown(value: float | None) -> str:
        if value is None:
            return "–"
        return str(value) if isinstance(value, int) else format_number(value, 1)

    return " ".join(
        f"{axis}: " + "; ".join(f"{item.name} {shown(item.values[index])}" for item in series) + "."
        for index, axis in enumerate(axes)
    )


def _chart(title: str, axes: Sequence[str], series: list[RadarSeries], chart_id: str) -> SafeString:
    if not any(value is not None for item in series for value in item.values):
        return SafeString("")
    return radar_chart(axes, series, title=title, description=_description(axes, series), chart_id=chart_id)


@login_required
def team_readiness(request: AuthenticatedRequest, pk: int, team: int) -> HttpResponse:
    access = diagnose.get_team_for_user(request.user, pk, team)
    found = access.team
    if request.method == "POST" and not access.can_edit:
        raise PermissionDenied
    questions = drumup.readiness_questions_ensure(found.cohort)
    readiness = drumup.team_readiness(found, questions)
    shut = drumup.edit_block(actor=request.user, team=found, stage="diagnose") if access.can_edit else ""
    initial = {f"q{row.question.pk}": row.value for row in readiness.rows if row.value is not None}
    form = ReadinessForm(request.POST or None, initial=initial, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            drumup.readiness_save(actor=request.user, team=found, answers=form.answers())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Diagnosis kesiapan tim sudah disimpan."))
            return redirect("labs:team_readiness", pk=found.cohort_id, team=found.pk)
    axes = [row.question.aspect for row in readiness.rows]
    series = [
        RadarSeries(found.name, [row.value for row in readiness.rows]),
        RadarSeries(_("Rata-rata angkatan"), [row.average for row in readiness.rows]),
    ]
    return render(
        request,
        "labs/drumup/readiness.html",
        {
            "cohort": found.cohort,
            "team": found,
            "can_edit": access.can_edit and not shut,
            "shut_reason": shut,
            "form": form,
            "readiness": readiness,
            "chart": _chart(
                _("Kesiapan berinovasi: %(team)s") % {"team": found.name}, axes, series, "kesiapan"
            ),
        },
    )


@login_required
def readiness_summary(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = diagnose.get_cohort_for_reader(request.user, pk)
    questions = drumup.readiness_questions_ensure(cohort)
    teams = list(Team.objects.filter(cohort=cohort).select_related("unit").order_by("name"))
    readable, _editable = diagnose.team_work_links(request.user, cohort, teams)
    summary = drumup.readiness_summary(cohort, questions, [t for t in teams if t.pk in readable])
    axes = [q.aspect for q in questions]
    average = RadarSeries(_("Rata-rata angkatan"), summary.averages)
    return render(
        request,
        "labs/drumup/summary.html",
        {
            "cohort": cohort,
            "summary": summary,
            "teams_total": len(teams),
            "chart": _chart(_("Rata-rata kesiapan berinovasi angkatan"), axes, [average], "kesiapan-rekap"),
        },
    )
