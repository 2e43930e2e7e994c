"""A team's page: its stages with their gates, the moves through them, and the team's files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lumbung.accounts.access import AuthenticatedRequest

from . import diagnose, gates
from .models import Participant, TeamFile
from .stages import STAGE_BY_CODE

# The page where a team does each stage's work.
STAGE_PAGES = {
    "drum_up": "labs:team_drumup",
    "diagnose": "labs:team_diagnose",
    "design": "labs:team_design",
    "deliver": "labs:team_deliver",
    "display": "labs:entry_edit",
}


def _stage_link(code: str, cohort_pk: int, team_pk: int) -> str:
    name = STAGE_PAGES.get(code)
    return reverse(name, args=[cohort_pk, team_pk]) if name else ""


@login_required
def team_detail(request: AuthenticatedRequest, pk: int, team: int) -> HttpResponse:
    access = diagnose.get_team_for_user(request.user, pk, team)
    found = access.team
    stages = gates.team_stages(found)
    rows = [
        {
            "item": item,
            "link": _stage_link(item.stage.code, pk, found.pk),
            "can_review": item.status == "submitted"
            and gates.can_review(request.user, found, item.stage.code),
        }
        for item in stages
    ]
    members = Participant.objects.filter(team=found).select_related("user", "unit")
    return render(
        request,
        "labs/gates/team.html",
        {
            "cohort": found.cohort,
            "team": found,
            "can_edit": access.can_edit,
            "rows": rows,
            "members": members,
            "history": gates.history(found),
        },
    )


def _stage_code(stage: str) -> str:
    if stage not in STAGE_BY_CODE:
        raise Http404
    return stage


@require_POST
@login_required
def stage_submit(request: AuthenticatedRequest, pk: int, team: int, stage: str) -> HttpResponse:
    found = diagnose.get_team_for_editor(request.user, pk, team)
    code = _stage_code(stage)
    try:
        gates.stage_submit(actor=request.user, team=found, stage=code)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Pekerjaan tahap %(stage)s sudah diajukan.") % {"stage": STAGE_BY_CODE[code].name}
        )
    return redirect("labs:team_detail", pk=pk, team=found.pk)


@login_required
def stage_review(request: AuthenticatedRequest, pk: int, team: int, stage: str) -> HttpResponse:
    """The reviewer's page: approve the submitted work, or return it with notes."""
    found = diagnose.get_team_for_user(request.user, pk, team).team
    code = _stage_code(stage)
    if not gates.can_review(request.user, found, code):
        raise PermissionDenied
    error_text = ""
    if request.method == "POST":
        note = request.POST.get("note", "")
        try:
            if request.POST.get("decision") == "approve":
                gates.stage_approve(actor=request.user, team=found, stage=code, note=note)
                messages.success(
                    request, _("Pekerjaan tahap %(stage)s disetujui.") % {"stage": STAGE_BY_CODE[code].name}
                )
            else:
                gates.stage_return(actor=request.user, team=found, stage=code, note=note)
                messages.success(
                    request,
                    _("Pekerjaan tahap %(stage)s dikembalikan dengan catatan.")
                    % {"stage": STAGE_BY_CODE[code].name},
                )
        except ValidationError as error:
            error_text = " ".join(error.messages)
        else:
            return redirect("labs:team_detail", pk=pk, team=found.pk)
    return render(
        request,
        "labs/gates/review.html",
        {
            "cohort": found.cohort,
            "team": found,
            "item": gates.team_stage(found, code),
            "link": _stage_link(code, pk, found.pk),
            "error": error_text,
            "note": request.POST.get("note", ""),
        },
    )


@login_required
def team_file_download(request: AuthenticatedRequest, pk: int, team: int, file: int) -> HttpResponseBase:
    found = diagnose.get_team_for_user(request.user, pk, team).team
    stored = TeamFile.objects.filter(team=found, pk=file).first()
    if stored is None:
        raise Http404
    response = FileResponse(
        stored.file.open("rb"),
        as_attachment=True,
        filename=stored.original_name,
        content_type=stored.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
