from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lumbung.accounts.access import AuthenticatedRequest, memberships_of
from lumbung.accounts.models import Role, User
from lumbung.core.charts import horizontal_bars
from lumbung.core.forms import add_service_errors

from . import access, selectors, services
from .forms import (
    AttachmentForm,
    ListFilterForm,
    MoveForm,
    NewInnovationForm,
    ResubmitForm,
    TeamMemberForm,
    VersionForm,
)
from .models import InnovationVersion, Status
from .workflow import MOVES_BY_NAME, PUBLISHABLE_STATUSES

PAGE_SIZE = 25


def _current_year() -> int:
    return timezone.localdate().year


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    current = access.visible_versions(user).filter(is_current=True)
    roles = {m.role for m in memberships_of(user)}
    context: dict[str, Any] = {
        "tasks": selectors.my_tasks(user),
        "counts": selectors.status_counts(current),
        "statuses": Status.choices,
        "roles": roles,
    }
    context["total"] = sum(context["counts"].values())
    if roles & {Role.ADMIN, Role.LEADER, Role.OBSERVER} or user.is_superuser:
        context["charts"] = [
            (_("Inovasi per unit"), horizontal_bars(selectors.chart_by_unit(current), _("Inovasi per unit"))),
            (
                _("Inovasi per urusan utama"),
                horizontal_bars(selectors.chart_by_urusan(current), _("Inovasi per urusan utama")),
            ),
            (
                _("Inovasi per tahapan"),
                horizontal_bars(selectors.chart_by_stage(current), _("Inovasi per tahapan")),
            ),
        ]
    return render(request, "innovations/home.html", context)


@login_required
def innovation_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = ListFilterForm(request.GET or None, units=selectors.list_units(user), years=selectors.list_years())
    filters = form.filters()
    versions = selectors.version_list(user, filters)
    page = Paginator(versions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "innovations/list.html",
        {
            "form": form,
            "page_obj": page,
            "can_create": bool(access.creatable_regions(user)),
            "filtered": any(v for k, v in filters.items() if k not in {"sort", "order"}),
        },
    )


@login_required
def innovation_new(request: AuthenticatedRequest) -> HttpResponse:
    regions = access.creatable_regions(request.user)
    if not regions:
        raise PermissionDenied
    # Someone working for several regions (an admin of two, say) picks one; the first is the default.
    chosen = request.GET.get("wilayah")
    region = next((r for r in regions if r.code == chosen), regions[0])
    units = access.units_for_new_innovation(request.user, region)
    form = NewInnovationForm(request.POST or None, units=units, year=_current_year())
    if request.method == "POST" and form.is_valid():
        try:
            version = services.innovation_create(
                actor=request.user,
                region=region,
                unit=form.cleaned_data["unit"],
                year=form.cleaned_data["year"],
                data=form.profile_data(),
                other_urusan=list(form.cleaned_data["other_urusan"]),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Inovasi disimpan sebagai draf."))
            return redirect("innovations:detail", pk=version.pk)
    return render(
        request, "innovations/form.html", {"form": form, "region": region, "regions": regions, "is_new": True}
    )


def _labels() -> dict[str, str]:
    labels = {
        f.name: capfirst(str(f.verbose_name))
        for f in InnovationVersion._meta.get_fields()
        if hasattr(f, "verbose_name")
    }
    labels.update({"team": _("Tim"), "attachments": _("Lampiran"), "created": _("Dibuat")})
    return labels


@login_required
def version_detail(request: HttpRequest, pk: int) -> HttpResponse:
    version = access.get_version_for_user(request.user, pk)
    transitions, audit = selectors.history(version)
    moves = access.allowed_moves(request.user, version)
    labels = _labels()
    notes = version.revision_notes or {}
    return render(
        request,
        "innovations/detail.html",
        {
            "version": version,
            "innovation": version.innovation,
            "other_years": list(
                access.visible_versions(request.user)
                .filter(innovation=version.innovation)
                .exclude(pk=version.pk)
                .order_by("-year")
            ),
            "other_urusan": list(version.other_urusan.all()),
            "team": list(version.team.select_related("user")),
            "attachments": list(version.attachments.all()),
            "transitions": transitions,
            "audit": audit,
            "labels": labels,
            "moves": [(m, MoveForm(field_notes=m.field_notes, labels=labels)) for m in moves],
            "can_edit": access.can_edit(request.user, version),
            "can_publish": version.is_current and access.can_publish(request.user, version.innovation),
            "publishable": version.status in PUBLISHABLE_STATUSES,
            "can_resubmit": version.is_current
            and version.status in (Status.APPROVED, Status.READY, Status.SENT)
            and access.units_for_new_innovation(request.user, version.innovation.region)
            .filter(pk=version.innovation.unit_id)
            .exists(),
            "field_notes": [(labels.get(k, k), v) for k, v in notes.items() if k != "_note"],
            "general_note": notes.get("_note", ""),
            "missing": services.completeness_errors(version)
            if any(m.needs_complete_profile for m in moves)
            else {},
        },
    )


@login_required
def version_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    version = access.get_version_for_user(request.user, pk)
    access.require_edit(request.user, version)
    form = VersionForm(request.POST or None, instance=version, year=version.year)
    conflict: list[Any] = []
    if request.method == "POST" and form.is_valid():
        # The form was validated on a copy of the instance; keep the stored version for the service.
        stored = access.get_version_for_user(request.user, pk)
        try:
            services.version_update(
                actor=request.user,
                version=stored,
                expected_revision=form.cleaned_data["revision"],
                data=form.profile_data(),
                other_urusan=list(form.cleaned_data["other_urusan"]),
            )
        except services.StaleEdit as stale:
            conflict = stale.changes
            form.add_error(None, stale)
            # The person has now seen the other changes: saving this form again may overwrite them.
            stored.refresh_from_db(fields=["revision"])
            data = request.POST.copy()
            data["revision"] = str(stored.revision)
            form.data = data
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Perubahan disimpan."))
            return redirect("innovations:detail", pk=version.pk)
    return render(
        request,
        "innovations/form.html",
        {
            "form": form,
            "version": version,
            "conflict": conflict,
            "labels": _labels(),
            "notes": {k: v for k, v in (version.revision_notes or {}).items()},
        },
    )


@login_required
@require_POST
def version_move(request: AuthenticatedRequest, pk: int, move: str) -> HttpResponse:
    version = access.get_version_for_user(request.user, pk)
    spec = MOVES_BY_NAME.get(move)
    if spec is None:
        raise Http404
    form = MoveForm(request.POST, field_notes=spec.field_notes, labels=_labels())
    form.is_valid()
    try:
        services.version_move(
            actor=request.user,
            version=version,
            move_name=move,
            note=form.cleaned_data.get("note", ""),
            field_notes=form.field_notes() if spec.field_notes else None,
        )
    except ValidationError as error:
        labels = _labels()
        by_field = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        for field, texts in by_field.items():
            for text in texts:
                messages.error(request, f"{labels[field]}: {text}" if field in labels else text)
    else:
        messages.success(
            request, _("Status diubah menjadi %(status)s.") % {"status": Status(spec.target).label}
        )
    return redirect("innovations:detail", pk=version.pk)


@login_required
@require_POST
def innovation_publish(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    version = access.get_version_for_user(request.user, pk)
    try:
        services.innovation_publish(actor=request.user, innovation=version.innovation)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, _("Inovasi dipublikasikan: kini tampil di katalog publik."))
    return redirect("innovations:detail", pk=version.pk)


@login_required
@require_POST
def innovation_unpublish(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    version = access.get_version_for_user(request.user, pk)
    try:
        services.innovation_unpublish(actor=request.user, innovation=version.innovation)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, _("Publikasi dibatalkan: inovasi tidak lagi tampil di katalog publik."))
    return redirect("innovations:detail", pk=version.pk)


@login_required
def version_resubmit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    version = access.get_version_for_user(request.user, pk)
    form = ResubmitForm(request.POST or None, initial={"year": max(version.year + 1, _current_year())})
    if request.method == "POST" and form.is_valid():
        try:
            new = services.version_resubmit(
                actor=request.user,
                version=version,
                year=form.cleaned_data["year"],
                developed_since=form.cleaned_data["developed_since"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Versi %(year)s dibuat sebagai draf.") % {"year": new.year})
            return redirect("innovations:detail", pk=new.pk)
    return render(request, "innovations/resubmit.html", {"form": form, "version": version})


def _team_candidates(version: InnovationVersion) -> Any:
    return User.objects.filter(
        Q(memberships__unit_id=version.innovation.unit_id)
        | Q(memberships__region_id=version.innovation.region_id),
        is_active=True,
        memberships__is_active=True,
    ).distinct()


def _part_post(
    request: AuthenticatedRequest,
    form: forms.Form,
    page: str,
    pk: int,
    *,
    add: Callable[[dict[str, Any]], object],
    remove: Callable[[int, int], object],
    added: str,
    removed: str,
) -> HttpResponse | None:
    """Handle a POST on a version's team or attachments page: remove one row, or add the form's row."""
    try:
        if request.POST.get("remove"):
            remove(int(request.POST["remove"]), int(request.POST.get("revision", "0")))
            messages.success(request, removed)
            return redirect(page, pk=pk)
        if form.is_valid():
            add(form.cleaned_data)
            messages.success(request, added)
            return redirect(page, pk=pk)
    except services.StaleEdit:
        messages.error(request, _("Versi ini baru saja diubah orang lain. Periksa lagi lalu ulangi."))
        return redirect(page, pk=pk)
    except ValidationError as error:
        add_service_errors(form, error)
    except ValueError:
        form.add_error(None, _("Permintaan tidak valid."))
    return None


@login_required
def version_team(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    version = access.get_version_for_user(request.user, pk)
    access.require_edit(request.user, version)
    form = TeamMemberForm(
        request.POST or None, candidates=_team_candidates(version), initial={"revision": version.revision}
    )
    if request.method == "POST":
        done = _part_post(
            request,
            form,
            "innovations:team",
            pk,
            add=lambda data: services.team_member_add(
                actor=request.user,
                version=version,
                expected_revision=data["revision"],
                entry=services.TeamEntry(user=data["user"], name=data["name"], role=data["role"]),
            ),
            remove=lambda member_id, revision: services.team_member_remove(
                actor=request.user, version=version, expected_revision=revision, member_id=member_id
            ),
            added=_("Anggota tim ditambahkan."),
            removed=_("Anggota tim dihapus."),
        )
        if done:
            return done
    return render(
        request,
        "innovations/team.html",
        {"version": version, "form": form, "team": list(version.team.select_related("user"))},
    )


@login_required
def version_attachments(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    version = access.get_version_for_user(request.user, pk)
    access.require_edit(request.user, version)
    form = AttachmentForm(request.POST or None, request.FILES or None, initial={"revision": version.revision})
    if request.method == "POST":
        done = _part_post(
            request,
            form,
            "innovations:attachments",
            pk,
            add=lambda data: services.attachment_add(
                actor=request.user,
                version=version,
                expected_revision=data["revision"],
                kind=data["kind"],
                caption=data["caption"],
                upload=data["file"],
            ),
            remove=lambda attachment_id, revision: services.attachment_remove(
                actor=request.user, version=version, expected_revision=revision, attachment_id=attachment_id
            ),
            added=_("Lampiran diunggah."),
            removed=_("Lampiran dihapus."),
        )
        if done:
            return done
    return render(
        request,
        "innovations/attachments.html",
        {"version": version, "form": form, "attachments": list(version.attachments.all())},
    )


@login_required
def attachment_download(request: HttpRequest, pk: int, attachment_id: int) -> HttpResponseBase:
    version = access.get_version_for_user(request.user, pk)
    attachment = version.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
