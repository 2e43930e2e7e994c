from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from lumbung.accounts.access import AuthenticatedRequest, get_region_for_admin
from lumbung.core.forms import add_service_errors
from lumbung.labs.models import Cohort
from lumbung.regions.models import Region

from ..models import ImportBatch
from . import services
from .forms import UploadForm
from .template import build_template

# Indonesian path segments, as the rest of the site's URLs.
KIND_SLUGS = {
    "unit": ImportBatch.Kind.UNITS,
    "orang": ImportBatch.Kind.PEOPLE,
    "inovasi": ImportBatch.Kind.INNOVATIONS,
    "peserta": ImportBatch.Kind.PARTICIPANTS,
    "jawaban": ImportBatch.Kind.ANSWERS,
}
SLUG_OF: dict[str, str] = {str(kind): slug for slug, kind in KIND_SLUGS.items()}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _kind(slug: str) -> str:
    if slug not in KIND_SLUGS:
        raise Http404
    return KIND_SLUGS[slug]


def _batch(request: AuthenticatedRequest, region: Region, pk: int) -> ImportBatch:
    """One of the user's own imports in a region they administer; 404 otherwise."""
    batches = ImportBatch.objects.filter(region=region, pk=pk).select_related("check_job", "write_job")
    if not request.user.is_superuser:
        batches = batches.filter(created_by=request.user)
    batch = batches.first()
    if batch is None:
        raise Http404
    return batch


@login_required
def import_index(request: AuthenticatedRequest, code: str) -> HttpResponse:
    region = get_region_for_admin(request.user, code)
    recent = ImportBatch.objects.filter(region=region, created_by=request.user)[:20]
    kinds = [(slug, ImportBatch.Kind(kind).label) for slug, kind in KIND_SLUGS.items()]
    return render(request, "reports/imports/index.html", {"region": region, "recent": recent, "kinds": kinds})


@login_required
def import_upload(request: AuthenticatedRequest, code: str, kind: str) -> HttpResponse:
    region = get_region_for_admin(request.user, code)
    kind_value = _kind(kind)
    cohorts = None
    initial = {}
    if kind_value in services.COHORT_KINDS:
        cohorts = Cohort.objects.filter(region=region).order_by("-year", "name")
        initial["cohort"] = request.GET.get("angkatan")
    form = UploadForm(request.POST or None, request.FILES or None, cohorts=cohorts, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            batch = services.import_start(
                actor=request.user,
                region=region,
                kind=kind_value,
                upload=form.cleaned_data["file"],
                cohort=form.cleaned_data.get("cohort"),
            )
        except ValidationError as error:
            add_service_errors(form, ValidationError({"file": error.messages}))
        else:
            return redirect("reports:import_batch", code=region.code, pk=batch.pk)
    importer = services.importer_for(kind_value)
    return render(
        request,
        "reports/imports/upload.html",
        {
            "region": region,
            "form": form,
            "slug": kind,
            "kind_label": ImportBatch.Kind(kind_value).label,
            "columns": importer.columns,
        },
    )


@login_required
def import_template(request: AuthenticatedRequest, code: str, kind: str) -> HttpResponse:
    region = get_region_for_admin(request.user, code)
    content = build_template(services.importer_for(_kind(kind)), region)
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="templat-impor-{kind}.xlsx"'
    return response


@login_required
def import_batch(request: AuthenticatedRequest, code: str, pk: int) -> HttpResponse:
    region = get_region_for_admin(request.user, code)
    batch = _batch(request, region, pk)
    return render(
        request, "reports/imports/batch.html", {"region": region, "batch": batch, "slug": SLUG_OF[batch.kind]}
    )


@login_required
@require_POST
def import_confirm(request: AuthenticatedRequest, code: str, pk: int) -> HttpResponse:
    region = get_region_for_admin(request.user, code)
    batch = _batch(request, region, pk)
    try:
        services.import_confirm(actor=request.user, batch=batch)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("reports:import_batch", code=region.code, pk=batch.pk)
