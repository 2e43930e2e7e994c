"""The cohort dashboard's XLSX and the documentation book's button; both for the region's admins only."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from lumbung.accounts.access import AuthenticatedRequest
from lumbung.labs.access import get_cohort_for_admin
from lumbung.labs.dashboard import cohort_dashboard

from . import tasks
from .dashboard import dashboard_filename, dashboard_xlsx
from .workbook import XLSX_CONTENT_TYPE


@login_required
def cohort_dashboard_xlsx(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_admin(request.user, pk)
    data = cohort_dashboard(cohort)
    response = HttpResponse(dashboard_xlsx(data), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{dashboard_filename(data)}"'
    return response


@require_POST
@login_required
def cohort_book(request: AuthenticatedRequest, pk: int, fmt: str) -> HttpResponse:
    cohort = get_cohort_for_admin(request.user, pk)
    if fmt not in tasks.FORMATS:
        raise Http404
    job = tasks.enqueue_book(user=request.user, cohort=cohort, fmt=fmt)
    return redirect("jobs:detail", pk=job.pk)
