"""Pages of stored scores: a region's index history and a province's regions."""

from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from lumbung.accounts.access import AuthenticatedRequest, memberships_of

from . import access, scores
from .charts import ScoreBar, score_bars
from .models import Category, Projection


@login_required
def index_home(request: AuthenticatedRequest) -> HttpResponse:
    """Where the index starts for this person: their regions' years, their provinces, the editions."""
    regions = sorted({m.region for m in memberships_of(request.user)}, key=lambda r: r.name)
    years = scores.province_years()
    return render(
        request,
        "assessment/scores/home.html",
        {
            "regions": regions,
            "verifies": {r.pk for r in regions if access.can_verify_any(request.user, r)},
            "years": years,
            "latest": years[0] if years else None,
            "provinces": scores.readable_provinces(request.user),
        },
    )


@login_required
def index_history(request: AuthenticatedRequest, code: str) -> HttpResponse:
    region = scores.get_region_for_index_reader(request.user, code)
    rows = scores.history(region)
    bars = []
    for row in reversed(rows):
        for projection, score in ((Projection.CLAIMED, row.claimed), (Projection.VERIFIED, row.verified)):
            if score is not None:
                label = f"{row.year} · {Projection(projection).label}"
                bars.append(ScoreBar(label, score.iid, muted=projection == Projection.CLAIMED))
    chart = score_bars(bars, _("IID per tahun")) if bars else ""
    return render(request, "assessment/scores/history.html", {"region": region, "rows": rows, "chart": chart})


@login_required
def province_rollup(request: AuthenticatedRequest, code: str, year: int) -> HttpResponse:
    province = scores.get_province_for_reader(request.user, code)
    projection = request.GET.get("proyeksi", Projection.VERIFIED)
    if projection not in Projection.values:
        projection = Projection.VERIFIED
    rollup = scores.province_rollup(province, year, projection)
    thresholds: list[Decimal] = []
    if rollup.edition is not None:
        thresholds = [rollup.edition.innovative_min, rollup.edition.very_innovative_min]
    bars = [ScoreBar(row.region.name, row.score.iid) for row in rollup.rows if row.score is not None]
    chart = score_bars(bars, _("IID kabupaten/kota"), thresholds) if bars else ""
    return render(
        request,
        "assessment/scores/province.html",
        {
            "rollup": rollup,
            "year": year,
            "years": scores.province_years(),
            "chart": chart,
            "projections": Projection.choices,
            "categories": Category.choices,
        },
    )
