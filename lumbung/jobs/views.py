from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from .access import get_job_for_user, jobs_for


@login_required
def job_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(jobs_for(request.user), 25).get_page(request.GET.get("page"))
    return render(request, "jobs/list.html", {"page_obj": page})


@login_required
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_job_for_user(request.user, pk)
    # htmx polls the progress part alone while the job runs.
    template = "jobs/_progress.html" if request.headers.get("HX-Request") else "jobs/detail.html"
    return render(request, template, {"job": job})


@login_required
def job_download(request: HttpRequest, pk: int) -> FileResponse:
    job = get_job_for_user(request.user, pk)
    if not job.result_file:
        raise Http404
    return FileResponse(job.result_file.open("rb"), as_attachment=True, filename=job.result_name or "hasil")
