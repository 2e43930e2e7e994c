"""Pages of a region's index answers: overview, SPD and SID forms, evidence, and the verifier's queue."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lumbung.accounts.access import AuthenticatedRequest, is_region_admin
from lumbung.core.forms import add_service_errors
from lumbung.innovations.models import InnovationVersion
from lumbung.regions.models import Region

from . import access, answers
from .answer_forms import AnswerForm, DecisionForm, EvidenceForm
from .models import Answer, Edition, Evidence


@login_required
def answers_region(request: AuthenticatedRequest, code: str, year: int) -> HttpResponse:
    region = access.get_region_for_reader(request.user, code)
    edition = Edition.objects.filter(year=year).first()
    context = {
        "region": region,
        "year": year,
        "edition": edition,
        "overview": answers.region_overview(edition, region) if edition else None,
        "can_answer_spd": access.can_answer_spd(request.user, region),
        "can_verify": access.can_verify_any(request.user, region),
        "can_import": is_region_admin(request.user, region),
    }
    return render(request, "assessment/answers/region.html", context)


@login_required
def answers_spd(request: AuthenticatedRequest, code: str, year: int) -> HttpResponse:
    region = access.get_region_for_reader(request.user, code)
    edition = access.get_edition_for_year(year)
    can_answer = access.can_answer_spd(request.user, region)
    return _indicator_page(request, region, edition, None, can_answer)


@login_required
def answers_sid(request: AuthenticatedRequest, code: str, year: int, version: int) -> HttpResponse:
    region = access.get_region_for_reader(request.user, code)
    edition = access.get_edition_for_year(year)
    found = access.get_version_for_reader(request.user, region, year, version)
    can_answer = access.can_answer_sid(request.user, found)
    return _indicator_page(request, region, edition, found, can_answer)


def _page_url(region: Region, year: int, version: InnovationVersion | None) -> str:
    if version is None:
        return reverse("assessment:answers_spd", args=[region.code, year])
    return reverse("assessment:answers_sid", args=[region.code, year, version.pk])


def _indicator_page(
    request: AuthenticatedRequest,
    region: Region,
    edition: Edition,
    version: InnovationVersion | None,
    can_answer: bool,
) -> HttpResponse:
    """The form of every indicator; a POST saves the one indicator it names, and nothing else."""
    if request.method == "POST" and not can_answer:
        raise PermissionDenied
    rows = answers.indicator_rows(edition, region, version)
    bound: AnswerForm | None = None
    if request.method == "POST":
        row = next((r for r in rows if str(r.indicator.pk) == request.POST.get("indicator")), None)
        if row is None:
            messages.error(request, _("Indikator itu tidak ada di halaman ini. Muat ulang halaman."))
            return redirect(_page_url(region, edition.year, version))
        bound = AnswerForm(row, request.POST)
        if bound.is_valid():
            level, basis = bound.level_and_basis()
            try:
                answers.answer_save(
                    actor=request.user,
                    edition=edition,
                    region=region,
                    indicator=row.indicator,
                    version=version,
                    level=level,
                    basis=basis,
                    note=bound.cleaned_data["note"],
                    revision=bound.cleaned_data["revision"],
                )
            except answers.StaleAnswer as stale:
                # Keep what the person chose, at the current revision: saving again overwrites knowingly.
                data = request.POST.copy()
                data[bound.add_prefix("revision")] = str(stale.current.revision)
                bound = AnswerForm(row, data)
                bound.is_valid()
                bound.add_error(None, stale)
            except ValidationError as error:
                add_service_errors(bound, error)
            else:
                messages.success(
                    request, _("Jawaban indikator %(number)s tersimpan.") % {"number": row.indicator.number}
                )
                return redirect(
                    _page_url(region, edition.year, version) + f"#indikator-{row.indicator.number}"
                )
    items = [(row, bound if bound and bound.row is row else AnswerForm(row)) for row in rows]
    context = {
        "region": region,
        "edition": edition,
        "version": version,
        "items": items,
        "can_answer": can_answer,
        "can_verify": access.can_verify_in(request.user, region.pk, version),
    }
    return render(request, "assessment/answers/indicators.html", context)


def _answer(request: AuthenticatedRequest, code: str, year: int, pk: int) -> Answer:
    region = access.get_region_for_reader(request.user, code)
    edition = access.get_edition_for_year(year)
    answer = access.get_answer_for_reader(request.user, region, edition, pk)
    answer.edition = edition
    return answer


def _back_to(answer: Answer) -> HttpResponse:
    return redirect(answers.answer_page_url(answer) + f"#indikator-{answer.indicator.number}")


@require_POST
@login_required
def evidence_add(request: AuthenticatedRequest, code: str, year: int, answer: int) -> HttpResponse:
    found = _answer(request, code, year, answer)
    if not access.can_answer(request.user, found):
        raise PermissionDenied
    form = EvidenceForm(request.POST, request.FILES)
    try:
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        answers.evidence_add(
            actor=request.user, answer=found, upload=form.cleaned_data["file"], url=form.cleaned_data["url"]
        )
    except ValidationError as error:
        messages.error(
            request,
            _("Bukti dukung indikator %(number)s tidak ditambahkan: %(reason)s")
            % {"number": found.indicator.number, "reason": " ".join(error.messages)},
        )
    else:
        messages.success(
            request,
            _("Bukti dukung indikator %(number)s ditambahkan; jawabannya menunggu verifikasi lagi.")
            % {"number": found.indicator.number},
        )
    return _back_to(found)


def _evidence(request: AuthenticatedRequest, code: str, year: int, pk: int) -> Evidence:
    region = access.get_region_for_reader(request.user, code)
    evidence = (
        Evidence.objects.filter(pk=pk, answer__region=region, answer__edition__year=year)
        .select_related(
            "answer__indicator", "answer__region", "answer__edition", "answer__version__innovation"
        )
        .first()
    )
    if evidence is None:
        raise Http404
    return evidence


@require_POST
@login_required
def evidence_remove(request: AuthenticatedRequest, code: str, year: int, evidence: int) -> HttpResponse:
    found = _evidence(request, code, year, evidence)
    try:
        answers.evidence_remove(actor=request.user, evidence=found)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Bukti dukung %(name)s dihapus; jawabannya menunggu verifikasi lagi.") % {"name": found},
        )
    return _back_to(found.answer)


@login_required
def evidence_download(request: AuthenticatedRequest, code: str, year: int, evidence: int) -> HttpResponseBase:
    found = _evidence(request, code, year, evidence)
    if not found.file:
        raise Http404
    response = FileResponse(
        found.file.open("rb"),
        as_attachment=True,
        filename=found.original_name or "bukti",
        content_type=found.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def verification_queue(request: AuthenticatedRequest, code: str, year: int) -> HttpResponse:
    region = access.get_region_for_reader(request.user, code)
    edition = access.get_edition_for_year(year)
    if not access.can_verify_any(request.user, region):
        raise PermissionDenied
    items = answers.verification_queue(request.user, edition, region)
    return render(
        request,
        "assessment/answers/queue.html",
        {"region": region, "edition": edition, "items": items},
    )


def _decide(request: AuthenticatedRequest, code: str, year: int, pk: int, reject: bool) -> HttpResponse:
    found = _answer(request, code, year, pk)
    if not access.can_verify(request.user, found):
        raise PermissionDenied
    form = DecisionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Muat ulang halaman, lalu putuskan lagi."))
        service = answers.answer_reject if reject else answers.answer_verify
        service(
            actor=request.user,
            answer=found,
            note=form.cleaned_data["note"],
            revision=form.cleaned_data["revision"],
        )
    except ValidationError as error:
        messages.error(
            request,
            _("Indikator %(number)s: %(reason)s")
            % {"number": found.indicator.number, "reason": " ".join(error.messages)},
        )
    else:
        if reject:
            done = _("Jawaban indikator %(number)s ditolak; pengubah terakhirnya diberi tahu.")
        else:
            done = _("Jawaban indikator %(number)s terverifikasi.")
        messages.success(request, done % {"number": found.indicator.number})
    if request.POST.get("back") == "antrean":
        return redirect("assessment:verification_queue", code=found.region.code, year=year)
    return _back_to(found)


@require_POST
@login_required
def answer_verify(request: AuthenticatedRequest, code: str, year: int, answer: int) -> HttpResponse:
    return _decide(request, code, year, answer, reject=False)


@require_POST
@login_required
def answer_reject(request: AuthenticatedRequest, code: str, year: int, answer: int) -> HttpResponse:
    return _decide(request, code, year, answer, reject=True)
