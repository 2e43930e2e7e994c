"""Teams of a cohort and the materials of its sessions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lumbung.accounts.access import AuthenticatedRequest
from lumbung.core.forms import add_service_errors

from . import diagnose, services
from .access import can_manage, get_cohort_for_admin, get_cohort_for_user, get_session_for_admin
from .models import Cohort, Participant, SessionMaterial, Team
from .team_forms import CoachForm, MaterialForm, TeamForm


def _material(cohort: Cohort, pk: int) -> SessionMaterial:
    material = SessionMaterial.objects.filter(pk=pk, session__stage__cohort=cohort).first()
    if material is None:
        raise Http404
    return material


@login_required
def team_list(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_user(request.user, pk)
    members = Participant.objects.select_related("user").order_by("user__full_name")
    teams = (
        Team.objects.filter(cohort=cohort)
        .select_related("unit", "leader__user", "coach")
        .prefetch_related(Prefetch("members", queryset=members))
        .order_by("name")
    )
    coaches = Participant.objects.filter(cohort=cohort, role=Participant.Role.COACH).select_related("user")
    readable, _editable = diagnose.team_work_links(request.user, cohort, teams)
    return render(
        request,
        "labs/teams/list.html",
        {
            "cohort": cohort,
            "teams": teams,
            "coaches": coaches,
            "can_manage": can_manage(request.user, cohort),
            "readable_teams": readable,
        },
    )


@login_required
def team_create(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_admin(request.user, pk)
    form = TeamForm(request.POST or None, cohort=cohort)
    if request.method == "POST" and form.is_valid():
        try:
            team = services.unit_team_create(cohort=cohort, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Tim %(name)s sudah dibuat.") % {"name": team.name})
            return redirect("labs:team_list", pk=cohort.pk)
    return render(request, "labs/teams/form.html", {"cohort": cohort, "form": form})


@login_required
def team_coach_add(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_admin(request.user, pk)
    form = CoachForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            coach = services.coach_add_by_email(cohort=cohort, email=form.cleaned_data["email"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(name)s ditambahkan sebagai coach.") % {"name": coach.user})
            return redirect("labs:team_list", pk=cohort.pk)
    return render(request, "labs/teams/coach_form.html", {"cohort": cohort, "form": form})


@login_required
def material_list(request: AuthenticatedRequest, pk: int, session: int) -> HttpResponse:
    cohort = get_cohort_for_admin(request.user, pk)
    lab_session = get_session_for_admin(request.user, cohort, session)
    form = MaterialForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.material_add(
                actor=request.user,
                session=lab_session,
                caption=form.cleaned_data["caption"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Materi sudah diunggah."))
            return redirect("labs:material_list", pk=cohort.pk, session=lab_session.pk)
    return render(
        request,
        "labs/materials/list.html",
        {"cohort": cohort, "session": lab_session, "materials": lab_session.materials.all(), "form": form},
    )


@login_required
def material_download(request: AuthenticatedRequest, pk: int, material: int) -> HttpResponseBase:
    cohort = get_cohort_for_user(request.user, pk)
    found = _material(cohort, material)
    response = FileResponse(
        found.file.open("rb"),
        as_attachment=True,
        filename=found.original_name,
        content_type=found.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@login_required
def material_remove(request: AuthenticatedRequest, pk: int, material: int) -> HttpResponse:
    cohort = get_cohort_for_admin(request.user, pk)
    found = _material(cohort, material)
    session_id = found.session_id
    services.material_remove(material=found)
    messages.success(request, _("Materi %(caption)s sudah dihapus.") % {"caption": found.caption})
    return redirect("labs:material_list", pk=cohort.pk, session=session_id)
