"""Attendance pages: the session's QR screen, the participant's check-in, the list and the report;
personal badges scanned by organisers; and online attendance imported from a spreadsheet."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from lumbung.accounts.access import AuthenticatedRequest
from lumbung.core.formatting import format_datetime
from lumbung.core.qr import qr_data_uri, qr_svg_inline

from . import attendance
from . import attendance_import as importer
from .access import get_cohort_for_admin, get_cohort_for_user, get_session_for_admin
from .models import Attendance, Cohort, Mode, Participant, Session


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Berkas XLSX atau CSV"),
        help_text=gettext_lazy(
            "Satu baris per orang: kolom email atau nip, dan boleh kolom hadir (ya/tidak)."
        ),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,.csv,text/csv,"
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def attendance_screen(request: AuthenticatedRequest, pk: int, session: int) -> HttpResponse:
    cohort = get_cohort_for_admin(request.user, pk)
    lab_session = get_session_for_admin(request.user, cohort, session)
    if request.method == "POST":
        attendance.check_in_regenerate(session=lab_session)
        messages.success(request, _("Kode QR baru sudah dibuat; kode lama tidak berlaku lagi."))
        return redirect("labs:attendance_screen", pk=cohort.pk, session=lab_session.pk)
    context = {"cohort": cohort, "session": lab_session, "zone": cohort.region.timezone}
    if lab_session.mode != Mode.ONLINE:
        check_in = attendance.check_in_get_or_open(session=lab_session)
        url = request.build_absolute_uri(
            reverse("labs:attendance_check_in", args=[lab_session.pk, check_in.token])
        )
        context |= {"check_in_url": url, "qr": qr_data_uri(url)}
    return render(request, "labs/attendance/screen.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def attendance_check_in(request: AuthenticatedRequest, session: int, token: str) -> HttpResponse:
    lab_session = attendance.get_session_for_check_in(session)
    if request.method == "POST":
        try:
            _record, created = attendance.attendance_check_in(
                session=lab_session, user=request.user, token=token
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if created:
                messages.success(request, _("Terima kasih, kehadiran Anda sudah dicatat."))
            else:
                messages.info(request, _("Kehadiran Anda di sesi ini sudah tercatat sebelumnya."))
        return redirect("labs:attendance_check_in", session=lab_session.pk, token=token)
    refusal = attendance.check_in_refusal(session=lab_session, user=request.user, token=token)
    present = (
        refusal is None
        and Attendance.objects.filter(session=lab_session, participant__user=request.user).exists()
    )
    return render(
        request,
        "labs/attendance/check_in.html",
        {
            "session": lab_session,
            "cohort": lab_session.stage.cohort,
            "refusal": refusal,
            "present": present,
            "zone": lab_session.stage.cohort.region.timezone,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def attendance_list(request: AuthenticatedRequest, pk: int, session: int) -> HttpResponse:
    cohort = get_cohort_for_admin(request.user, pk)
    lab_session = get_session_for_admin(request.user, cohort, session)
    if request.method == "POST":
        ids = [int(value) for value in request.POST.getlist("present") if value.isdigit()]
        try:
            added, removed = attendance.attendance_set_list(
                session=lab_session, actor=request.user, present=ids
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Daftar hadir sudah disimpan: %(added)s ditambahkan, %(removed)s dihapus.")
                % {"added": added, "removed": removed},
            )
        return redirect("labs:attendance_list", pk=cohort.pk, session=lab_session.pk)
    return render(
        request,
        "labs/attendance/list.html",
        {
            "cohort": cohort,
            "session": lab_session,
            "groups": attendance.attendance_list(lab_session),
            "zone": cohort.region.timezone,
            "import_form": ImportForm(),
        },
    )


@login_required
def attendance_report(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_admin(request.user, pk)
    return render(
        request,
        "labs/attendance/report.html",
        {"cohort": cohort, "report": attendance.attendance_report(cohort), "zone": cohort.region.timezone},
    )


# Personal badges


@login_required
def participant_badge(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The signed-in participant's own card with the QR organisers scan."""
    cohort = get_cohort_for_user(request.user, pk)
    me = (
        Participant.objects.filter(cohort=cohort, user=request.user, role=Participant.Role.PARTICIPANT)
        .select_related("unit", "team")
        .first()
    )
    if me is None:
        raise Http404
    url = request.build_absolute_uri(reverse("labs:attendance_badge_scan", args=[attendance.badge_token(me)]))
    svg = qr_svg_inline(url)
    return render(
        request,
        "labs/attendance/badge.html",
        {"cohort": cohort, "participant": me, "qr_svg": svg, "url": url},
    )


def _mark(request: AuthenticatedRequest, session: Session, participant: Participant) -> None:
    """Record the participant present and say what happened; a second scan is news, not an error."""
    names = {"name": participant.user.full_name, "session": session.title}
    try:
        record, created = attendance.attendance_mark_by_organiser(
            session=session, participant=participant, actor=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return
    if created:
        messages.success(request, _("%(name)s tercatat hadir di %(session)s.") % names)
    else:
        messages.info(
            request,
            _(
                "Kehadiran %(name)s di %(session)s sudah tercatat sebelumnya (%(time)s); "
                "tidak dicatat dua kali."
            )
            % {**names, "time": format_datetime(record.marked_at, session.stage.cohort.region.timezone)},
        )


@login_required
@require_http_methods(["GET", "POST"])
def attendance_badge_scan(request: AuthenticatedRequest, token: str) -> HttpResponse:
    """An organiser's phone opens a participant's badge: pick the session and confirm."""
    try:
        participant = attendance.badge_participant(token)
    except ValidationError as error:
        return render(
            request, "labs/attendance/badge_refused.html", {"refusal": " ".join(error.messages)}, status=400
        )
    cohort = get_cohort_for_admin(request.user, participant.cohort_id)
    if request.method == "POST":
        chosen = _session_in(cohort, request.POST.get("session", ""))
        if chosen is None:
            messages.error(request, _("Pilih sesi yang akan dicatat."))
        else:
            _mark(request, chosen, participant)
        return redirect("labs:attendance_badge_scan", token=token)
    sessions, default = attendance.organiser_sessions(cohort)
    recorded = set(
        Attendance.objects.filter(participant=participant, session__in=sessions).values_list(
            "session_id", flat=True
        )
    )
    return render(
        request,
        "labs/attendance/badge_scan.html",
        {
            "cohort": cohort,
            "participant": participant,
            "sessions": sessions,
            "default": default,
            "recorded": recorded,
            "zone": cohort.region.timezone,
        },
    )


def _session_in(cohort: Cohort, value: str) -> Session | None:
    if not value.isdigit():
        return None
    session = Session.objects.filter(pk=int(value), stage__cohort=cohort).select_related("stage").first()
    if session is not None:
        session.stage.cohort = cohort
    return session


@login_required
@require_http_methods(["GET", "POST"])
def attendance_scan(request: AuthenticatedRequest, pk: int, session: int) -> HttpResponse:
    """Bulk check-in at the door: a handheld scanner types each badge's link and presses Enter."""
    cohort = get_cohort_for_admin(request.user, pk)
    lab_session = get_session_for_admin(request.user, cohort, session)
    lab_session.stage.cohort = cohort
    if request.method == "POST":
        code = request.POST.get("code", "").strip()
        if not code:
            messages.error(request, _("Pindai kode QR peserta atau tempel tautannya."))
        else:
            try:
                participant = attendance.badge_participant(code)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                _mark(request, lab_session, participant)
        return redirect("labs:attendance_scan", pk=cohort.pk, session=lab_session.pk)
    recent = (
        Attendance.objects.filter(session=lab_session)
        .select_related("participant__user", "participant__unit")
        .order_by("-marked_at", "-id")
    )
    return render(
        request,
        "labs/attendance/scan.html",
        {
            "cohort": cohort,
            "session": lab_session,
            "recent": recent[:10],
            "present": recent.count(),
            "refusal": attendance.organiser_session_refusal(lab_session),
            "zone": cohort.region.timezone,
        },
    )


# Online attendance from a spreadsheet


def _import_key(session: Session) -> str:
    return f"labs-attendance-import-{session.pk}"


@login_required
@require_http_methods(["GET", "POST"])
def attendance_import(request: AuthenticatedRequest, pk: int, session: int) -> HttpResponse:
    """Upload, preview the matches, then confirm; the preview waits in the admin's session."""
    cohort = get_cohort_for_admin(request.user, pk)
    lab_session = get_session_for_admin(request.user, cohort, session)
    key = _import_key(lab_session)
    action = request.POST.get("action", "")
    if action == "confirm":
        return _import_confirm(request, cohort, lab_session)
    if action == "cancel":
        request.session.pop(key, None)
        return redirect("labs:attendance_list", pk=cohort.pk, session=lab_session.pk)
    form = ImportForm(request.POST, request.FILES) if action == "preview" else ImportForm()
    if action == "preview":
        request.session.pop(key, None)  # a new upload replaces the previous preview, even when refused
        if form.is_valid():
            try:
                preview = importer.import_preview(session=lab_session, upload=form.cleaned_data["file"])
            except ValidationError as error:
                form.add_error("file", error)
            else:
                request.session[key] = preview.as_data()
                return redirect("labs:attendance_import", pk=cohort.pk, session=lab_session.pk)
    stored = request.session.get(key)
    return render(
        request,
        "labs/attendance/import.html",
        {
            "cohort": cohort,
            "session": lab_session,
            "form": form,
            "preview": importer.ImportPreview.from_data(stored) if stored else None,
            "zone": cohort.region.timezone,
        },
        status=400 if request.method == "POST" else 200,
    )


def _import_confirm(request: AuthenticatedRequest, cohort: Cohort, session: Session) -> HttpResponse:
    stored = request.session.get(_import_key(session))
    if not stored or stored["sha256"] != request.POST.get("sha256"):
        messages.error(request, _("Pratinjau ini sudah tidak berlaku. Unggah berkasnya lagi."))
        return redirect("labs:attendance_import", pk=cohort.pk, session=session.pk)
    preview = importer.ImportPreview.from_data(stored)
    try:
        added = importer.attendance_import_apply(
            session=session,
            actor=request.user,
            participant_ids=preview.ids,
            problems=len(preview.problems),
            valid_only=request.POST.get("valid_only") == "on",
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("labs:attendance_import", pk=cohort.pk, session=session.pk)
    request.session.pop(_import_key(session), None)
    messages.success(
        request,
        _("%(n)s peserta dicatat hadir dari berkas %(file)s.") % {"n": added, "file": preview.file_name},
    )
    return redirect("labs:attendance_list", pk=cohort.pk, session=session.pk)
