from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lumbung.accounts.access import AuthenticatedRequest, get_region_for_admin, get_unit_for_admin
from lumbung.core.forms import add_service_errors

from . import selectors, services
from .forms import UnitFilterForm, UnitForm

PAGE_SIZE = 50


@login_required
def units(request: AuthenticatedRequest, code: str) -> HttpResponse:
    region = get_region_for_admin(request.user, code)
    form = UnitFilterForm(request.GET or None)
    filters = form.filters()
    rows = selectors.tree_order(selectors.unit_list(region, **filters))
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "regions/units.html",
        {
            "region": region,
            "form": form,
            "page_obj": page,
            "filtered": any(value not in ("", None) for value in filters.values()),
        },
    )


@login_required
def unit_new(request: AuthenticatedRequest, code: str) -> HttpResponse:
    region = get_region_for_admin(request.user, code)
    form = UnitForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        try:
            unit = services.unit_create(actor=request.user, region=region, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Unit %(name)s sudah ditambahkan.") % {"name": unit.name})
            return redirect("regions:units", code=region.code)
    return render(request, "regions/unit_form.html", {"region": region, "form": form, "unit": None})


@login_required
def unit_edit(request: AuthenticatedRequest, code: str, pk: int) -> HttpResponse:
    region = get_region_for_admin(request.user, code)
    unit = get_unit_for_admin(request.user, region, pk)
    saved_name = unit.name  # the form writes posted values onto the unit; the heading keeps the saved name
    form = UnitForm(request.POST or None, instance=unit, region=region)
    if request.method == "POST" and form.is_valid():
        try:
            services.unit_update(actor=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Perubahan unit %(name)s sudah disimpan.") % {"name": unit.name})
            return redirect("regions:units", code=region.code)
    return render(
        request,
        "regions/unit_form.html",
        {"region": region, "form": form, "unit": unit, "saved_name": saved_name},
    )
