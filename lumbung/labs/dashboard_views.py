"""The organisers' cohort dashboard page; its XLSX and the documentation book live in reports.labbook."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from lumbung.accounts.access import AuthenticatedRequest
from lumbung.core.charts import horizontal_bars

from . import dashboard
from .access import get_cohort_for_admin


@login_required
def cohort_dashboard(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_admin(request.user, pk)
    data = dashboard.cohort_dashboard(cohort)
    funnel_title = _("Tim yang disetujui per tahap")
    attendance_title = _("Kehadiran per tahap (%)")
    return render(
        request,
        "labs/dashboard/dashboard.html",
        {
            "cohort": cohort,
            "data": data,
            "funnel_chart": horizontal_bars(data.funnel_bars, funnel_title),
            "funnel_title": funnel_title,
            "attendance_chart": horizontal_bars(data.attendance_bars, attendance_title),
            "attendance_title": attendance_title,
        },
    )
