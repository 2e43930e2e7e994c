"""Attendance pages: the session's QR screen, the participant's check-in, the list and the report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lumbung.accounts.access import AuthenticatedRequest
from lumbung.reports.exports.profile import qr_data_uri

from . import attendance
from .access import get_cohort_for_admin, get_session_for_admin
from .models import Attendance, Mode


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
