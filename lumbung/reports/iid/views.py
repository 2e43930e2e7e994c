from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from lumbung.accounts.access import AuthenticatedRequest
from lumbung.assessment.models import Answer
from lumbung.innovations.models import InnovationVersion

from . import readiness, tasks
from .access import get_region_for_exporter


@login_required
@require_http_methods(["GET", "POST"])
def iid_export(request: AuthenticatedRequest, code: str, year: int) -> HttpResponse:
    """What the workbook will hold, and a button that prepares it in the background (POST)."""
    region, edition = get_region_for_exporter(request.user, code, year)
    if request.method == "POST":
        job = tasks.enqueue_iid_export(user=request.user, region=region, edition=edition)
        return redirect("jobs:detail", pk=job.pk)
    context = {
        "region": region,
        "edition": edition,
        "versions": InnovationVersion.objects.filter(region=region, year=edition.year).count(),
        "answers": Answer.objects.filter(region=region, edition=edition).count(),
    }
    return render(request, "reports/iid/confirm.html", context)


@login_required
@require_POST
def iid_readiness_pdf(request: AuthenticatedRequest, code: str, year: int) -> HttpResponse:
    """Queue the readiness report as a PDF; the job page follows it and offers the download."""
    region, edition = get_region_for_exporter(request.user, code, year)
    job = readiness.enqueue_readiness_pdf(user=request.user, region=region, edition=edition)
    return redirect("jobs:detail", pk=job.pk)
