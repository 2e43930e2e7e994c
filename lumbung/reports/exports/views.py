import tempfile

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lumbung.accounts.access import AuthenticatedRequest
from lumbung.innovations import access

from . import builders, renderers, tasks
from .profile import profile_filename, profile_pdf


@login_required
@require_http_methods(["GET", "POST"])
def innovation_export(request: AuthenticatedRequest, fmt: str) -> HttpResponseBase:
    """The list page's current filter as XLSX or CSV: at once when small, as a job when big."""
    versions = builders.versions_for_user(request.user, request.GET)
    total = versions.count()
    if total > settings.EXPORT_DIRECT_MAX_ROWS:
        if request.method == "POST":
            job = tasks.enqueue_export(user=request.user, query=request.GET.urlencode(), fmt=fmt, total=total)
            return redirect("jobs:detail", pk=job.pk)
        return render(request, "reports/exports/confirm.html", {"total": total, "fmt": fmt.upper()})
    rows = builders.innovation_rows(versions)
    columns = builders.innovation_columns()
    if fmt == "csv":
        response: HttpResponseBase = StreamingHttpResponse(
            renderers.csv_chunks(columns, rows), content_type=renderers.CSV_CONTENT_TYPE
        )
        response["Content-Disposition"] = f'attachment; filename="{renderers.export_filename(fmt)}"'
        return response
    # A zip cannot be streamed as it is written; a temporary file keeps memory flat all the same.
    target = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it once sent)
    renderers.write_xlsx(columns, rows, target, title=_("Inovasi"))
    target.seek(0)
    return FileResponse(
        target,
        as_attachment=True,
        filename=renderers.export_filename(fmt),
        content_type=renderers.XLSX_CONTENT_TYPE,
    )


@login_required
def innovation_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The printable profile of a version, for anyone who may read the version (well under a second)."""
    version = access.get_version_for_user(request.user, pk)
    response = HttpResponse(profile_pdf(version), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{profile_filename(version)}"'
    return response
