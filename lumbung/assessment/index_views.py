"""Pages of what the region sees of its index: both projections, readiness, improvements, the sandbox."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lumbung.accounts.access import AuthenticatedRequest, is_region_admin
from lumbung.notifications.services import region_today
from lumbung.regions.models import Region

from . import access, insight
from .insight.overview import overview
from .models import Category, Edition, Projection, Score
from .projections import score_save

READINESS_SHOWN = 100


def _open(request: AuthenticatedRequest, code: str, year: int) -> tuple[Region, Edition]:
    """The region (404 unless the user reads it) and the edition of the year (404 without one)."""
    region = access.get_region_for_reader(request.user, code)
    return region, access.get_edition_for_year(year)


@login_required
def index_region(request: AuthenticatedRequest, code: str, year: int) -> HttpResponse:
    """Both projections computed live; an admin's POST stores them as the region's scores."""
    region, edition = _open(request, code, year)
    can_admin = is_region_admin(request.user, region)
    if request.method == "POST":
        if not can_admin:
            raise PermissionDenied
        snapshot = insight.snapshot_for(region, edition)
        for projection in Projection:
            score_save(
                region=region, edition=edition, projection=projection, result=snapshot.result(projection)
            )
        messages.success(request, _("Skor kedua proyeksi dihitung ulang dan disimpan ke riwayat."))
        return redirect("assessment:index_region", code=region.code, year=year)
    snapshot = insight.snapshot_for(region, edition)
    found = insight.improvements(snapshot)
    stored = {s.projection: s for s in Score.objects.filter(region=region, edition=edition)}
    context = {
        "region": region,
        "edition": edition,
        "overview": overview(snapshot),
        "improvements": found[: insight.TOP],
        "more_improvements": len(found) > insight.TOP,
        "stored": stored,
        "can_admin": can_admin,
        "divisor_floor": snapshot.rules.divisor_floor,
    }
    return render(request, "assessment/index/region.html", context)


@login_required
def index_readiness(request: AuthenticatedRequest, code: str, year: int) -> HttpResponse:
    region, edition = _open(request, code, year)
    readiness = insight.readiness_for(insight.snapshot_for(region, edition), region_today(region))
    return render(
        request,
        "assessment/index/readiness.html",
        {
            "region": region,
            "edition": edition,
            "readiness": readiness,
            # A large region can have thousands of items: the costliest come first, the rest are counted.
            "shown": readiness.items[:READINESS_SHOWN],
            # The printed report is for those who prepare the submission: admins and verifiers.
            "can_print": access.can_verify_any(request.user, region),
        },
    )


@login_required
def index_improve(request: AuthenticatedRequest, code: str, year: int) -> HttpResponse:
    region, edition = _open(request, code, year)
    found = insight.improvements(insight.snapshot_for(region, edition))
    return render(
        request,
        "assessment/index/improve.html",
        {"region": region, "edition": edition, "improvements": found},
    )


def _open_sandbox(request: AuthenticatedRequest, code: str, year: int) -> tuple[Region, insight.Snapshot]:
    region, edition = _open(request, code, year)
    if not is_region_admin(request.user, region):
        raise PermissionDenied
    return region, insight.snapshot_for(region, edition)


def _selected(request: AuthenticatedRequest) -> set[int] | None:
    chosen = {int(v) for v in request.GET.getlist("inovasi") if v.isdigit()}
    return chosen or None


@login_required
def index_sandbox(request: AuthenticatedRequest, code: str, year: int) -> HttpResponse:
    """The what-if form; without JavaScript its submit button recomputes the page. Nothing is saved."""
    region, snapshot = _open_sandbox(request, code, year)
    values: insight.sandbox.Values = {}
    errors: list[str] = []
    if request.method == "POST":
        values, errors = insight.sandbox_parse(snapshot, request.POST)
        if errors:
            values = {}
    groups, limited = insight.sandbox_groups(snapshot, values, _selected(request))
    context = {
        "region": region,
        "edition": snapshot.edition,
        "groups": groups,
        "rows": ",".join(row.key for group in groups for row in group.rows),
        "limited": limited,
        "innovations": [(i.key, snapshot.innovation_name(i.key)) for i in snapshot.claimed[1]],
        "levels": range(4),
        **_score_context(snapshot, values, errors),
    }
    return render(request, "assessment/index/sandbox.html", context, status=400 if errors else 200)


@require_POST
@login_required
def index_sandbox_score(request: AuthenticatedRequest, code: str, year: int) -> HttpResponse:
    """The score fragment htmx swaps in on every change of the sandbox form."""
    _region, snapshot = _open_sandbox(request, code, year)
    values, errors = insight.sandbox_parse(snapshot, request.POST)
    return render(
        request,
        "assessment/index/_sandbox_score.html",
        _score_context(snapshot, {} if errors else values, errors),
    )


def _score_context(
    snapshot: insight.Snapshot, values: insight.sandbox.Values, errors: list[str]
) -> dict[str, object]:
    result = insight.sandbox_compute(snapshot, values) if values else snapshot.claimed_result
    return {
        "current": snapshot.claimed_result.rounded,
        "current_category": Category(snapshot.claimed_result.category.value).label,
        "simulated": result.rounded,
        "simulated_category": Category(result.category.value).label,
        "delta": result.iid - snapshot.claimed_result.iid,
        "errors": errors,
    }
