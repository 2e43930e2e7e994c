"""Pages of the index editions: read by everyone signed in, changed by national administrators only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lumbung.accounts.access import AuthenticatedRequest
from lumbung.core.files import XLSX, check_upload
from lumbung.core.forms import add_service_errors

from . import editions
from .edition_forms import CloneForm, ImportForm, IndicatorForm, RulesForm
from .editions import selectors
from .models import Edition


def _refuse_published(request: AuthenticatedRequest, edition: Edition) -> HttpResponse | None:
    """Back to the edition page, saying why, when a change is asked of a published edition."""
    if not edition.is_published:
        return None
    messages.error(
        request,
        _("Edisi %(year)s sudah terbit dan tidak dapat diubah. Salin ke tahun baru untuk memperbaikinya.")
        % {"year": edition.year},
    )
    return redirect("assessment:edition_detail", year=edition.year)


@login_required
def edition_list(request: AuthenticatedRequest) -> HttpResponse:
    return render(
        request,
        "assessment/edition/list.html",
        {"editions": selectors.edition_list(), "can_manage": editions.can_manage_editions(request.user)},
    )


@login_required
def edition_detail(request: AuthenticatedRequest, year: int) -> HttpResponse:
    edition = editions.get_edition_for_user(request.user, year)
    return render(
        request,
        "assessment/edition/detail.html",
        {
            "edition": edition,
            "page": selectors.edition_page(edition),
            "can_edit": editions.can_manage_editions(request.user) and not edition.is_published,
            "can_manage": editions.can_manage_editions(request.user),
        },
    )


@login_required
def edition_clone(request: AuthenticatedRequest, year: int) -> HttpResponse:
    edition = editions.get_edition_for_editor(request.user, year)
    latest = Edition.objects.order_by("-year").values_list("year", flat=True).first() or edition.year
    form = CloneForm(request.POST or None, initial={"year": latest + 1})
    if request.method == "POST" and form.is_valid():
        try:
            clone = editions.edition_clone(
                actor=request.user, edition=edition, year=form.cleaned_data["year"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Edisi %(year)s dibuat sebagai draf.") % {"year": clone.year})
            return redirect("assessment:edition_detail", year=clone.year)
    return render(
        request,
        "assessment/edition/clone.html",
        {"edition": edition, "form": form, "heading": _("Salin edisi ke tahun baru")},
    )


@login_required
def edition_edit(request: AuthenticatedRequest, year: int) -> HttpResponse:
    edition = editions.get_edition_for_editor(request.user, year)
    if refusal := _refuse_published(request, edition):
        return refusal
    initial = {name: getattr(edition, name) for name in RulesForm().fields}
    form = RulesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            editions.edition_update_rules(edition=edition, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Aturan edisi sudah disimpan."))
            return redirect("assessment:edition_detail", year=edition.year)
    return render(
        request,
        "assessment/edition/rules_form.html",
        {"edition": edition, "form": form, "heading": _("Ubah aturan edisi")},
    )


@login_required
def indicator_edit(request: AuthenticatedRequest, year: int, pk: int) -> HttpResponse:
    edition = editions.get_edition_for_editor(request.user, year)
    indicator = editions.get_indicator_for_editor(request.user, edition, pk)
    if refusal := _refuse_published(request, edition):
        return refusal
    row = next(r for r in selectors.indicator_rows(edition) if r.indicator.pk == indicator.pk)
    form = IndicatorForm(request.POST or None, indicator=indicator, options=row.options, bases=row.bases)
    if request.method == "POST" and form.is_valid():
        try:
            editions.indicator_update(indicator=indicator, **form.service_kwargs())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Indikator %(n)s sudah disimpan.") % {"n": indicator.number})
            return redirect("assessment:edition_detail", year=edition.year)
    heading = _("Ubah indikator %(n)s") % {"n": indicator.number}
    context = {"edition": edition, "indicator": indicator, "form": form, "heading": heading}
    return render(request, "assessment/edition/indicator_form.html", context)


@login_required
def edition_publish(request: AuthenticatedRequest, year: int) -> HttpResponse:
    edition = editions.get_edition_for_editor(request.user, year)
    if refusal := _refuse_published(request, edition):
        return refusal
    if request.method == "POST":
        try:
            editions.edition_publish(actor=request.user, edition=edition)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Edisi %(year)s sudah terbit.") % {"year": edition.year})
        return redirect("assessment:edition_detail", year=edition.year)
    page = selectors.edition_page(edition)
    return render(request, "assessment/edition/publish.html", {"edition": edition, "sums": page.sums})


@login_required
def edition_delete(request: AuthenticatedRequest, year: int) -> HttpResponse:
    edition = editions.get_edition_for_editor(request.user, year)
    if refusal := _refuse_published(request, edition):
        return refusal
    if request.method == "POST":
        try:
            editions.edition_delete(actor=request.user, edition=edition)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("assessment:edition_detail", year=edition.year)
        messages.success(request, _("Draf edisi %(year)s sudah dihapus.") % {"year": year})
        return redirect("assessment:edition_list")
    return render(request, "assessment/edition/delete.html", {"edition": edition})


@login_required
def edition_export(request: AuthenticatedRequest, year: int) -> HttpResponse:
    edition = editions.get_edition_for_user(request.user, year)
    content = editions.edition_to_xlsx(editions.edition_dump(edition))
    response = HttpResponse(content, content_type=XLSX.content_type)
    response["Content-Disposition"] = f'attachment; filename="edisi-iid-{edition.year}.xlsx"'
    return response


@login_required
def edition_import(request: AuthenticatedRequest) -> HttpResponse:
    if not editions.can_manage_editions(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            upload = form.cleaned_data["file"]
            if check_upload(upload).file_type != XLSX:
                raise ValidationError(_("Unggah berkas XLSX (lembar Aturan dan Indikator)."))
            edition = editions.edition_load(editions.edition_from_xlsx(upload), actor=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Edisi %(year)s diimpor sebagai draf.") % {"year": edition.year})
            return redirect("assessment:edition_detail", year=edition.year)
    return render(request, "assessment/edition/import.html", {"form": form})
