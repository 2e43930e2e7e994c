"""Reads of stored scores: a region's history, a province's regions, and who may read them."""

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q
from django.http import Http404

from lumbung.accounts.access import AnyUser, memberships_of
from lumbung.regions.models import Region

from .models import Category, Edition, NationalAverage, Projection, Score

# Access


def can_read_index(user: AnyUser, region: Region) -> bool:
    """Members of the region, of its province, or of the nation; nobody else (not even other regions)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    ancestors = {region.pk}
    if region.parent_id:
        ancestors.add(region.parent_id)
        if region.parent is not None and region.parent.parent_id:
            ancestors.add(region.parent.parent_id)
    return any(m.region_id in ancestors for m in memberships_of(user))


def get_region_for_index_reader(user: AnyUser, code: str) -> Region:
    region = Region.objects.filter(code=code).select_related("parent").first()
    if region is None or not can_read_index(user, region):
        raise Http404
    return region


def get_province_for_reader(user: AnyUser, code: str) -> Region:
    """A province whose roll-up the user may read: its own members and national ones."""
    province = Region.objects.filter(code=code, kind=Region.Kind.PROVINCE).select_related("parent").first()
    if province is None or not can_read_index(user, province):
        raise Http404
    return province


# A region's history


@dataclass(frozen=True)
class HistoryRow:
    year: int
    edition: Edition
    claimed: Score | None
    verified: Score | None
    national_average: Decimal | None


def history(region: Region) -> list[HistoryRow]:
    """Every year with a stored score, newest first, with both projections and the national average."""
    scores = Score.objects.filter(region=region).select_related("edition").order_by("-edition__year")
    by_year: dict[int, dict[str, Score]] = {}
    editions: dict[int, Edition] = {}
    for score in scores:
        by_year.setdefault(score.edition.year, {})[score.projection] = score
        editions[score.edition.year] = score.edition
    averages = dict(NationalAverage.objects.filter(year__in=by_year).values_list("year", "value"))
    return [
        HistoryRow(
            year=year,
            edition=editions[year],
            claimed=found.get(Projection.CLAIMED),
            verified=found.get(Projection.VERIFIED),
            national_average=averages.get(year),
        )
        for year, found in by_year.items()
    ]


# A province's regions


@dataclass(frozen=True)
class RankedRegion:
    rank: int | None  # None for a region without a score
    region: Region
    score: Score | None


@dataclass(frozen=True)
class Rollup:
    province: Region
    edition: Edition | None
    projection: str
    rows: list[RankedRegion]
    distribution: dict[str, int]  # category → number of regions
    average: Decimal | None
    national_average: Decimal | None


def province_rollup(province: Region, year: int, projection: str) -> Rollup:
    """The province's kabupaten and kota ranked by IID (ties share a rank), and the spread by category."""
    edition = Edition.objects.filter(year=year).first()
    regions = list(Region.objects.filter(parent=province).order_by("name"))
    scores: dict[int, Score] = {}
    if edition is not None:
        found = Score.objects.filter(edition=edition, projection=projection, region__parent=province)
        scores = {score.region_id: score for score in found}
    scored = sorted((r for r in regions if r.pk in scores), key=lambda r: (-scores[r.pk].iid, r.name))
    rows: list[RankedRegion] = []
    previous: Decimal | None = None
    rank = 0
    for position, region in enumerate(scored, start=1):
        iid = scores[region.pk].iid
        if iid != previous:
            rank, previous = position, iid
        rows.append(RankedRegion(rank, region, scores[region.pk]))
    rows += [RankedRegion(None, region, None) for region in regions if region.pk not in scores]
    counts = Counter(scores[r.pk].category for r in scored)
    average = None
    if scored:
        total = sum((scores[r.pk].iid for r in scored), Decimal(0))
        average = (total / len(scored)).quantize(Decimal("0.01"))
    national = NationalAverage.objects.filter(year=year).values_list("value", flat=True).first()
    return Rollup(
        province=province,
        edition=edition,
        projection=projection,
        rows=rows,
        distribution={value: counts.get(value, 0) for value in Category.values},
        average=average,
        national_average=national,
    )


def province_years() -> list[int]:
    return list(Edition.objects.order_by("-year").values_list("year", flat=True))


def readable_provinces(user: AnyUser) -> list[Region]:
    """Provinces whose roll-up the user may open: their own province, or every one for national members."""
    if not user.is_authenticated:
        return []
    provinces = Region.objects.filter(kind=Region.Kind.PROVINCE)
    if user.is_superuser:
        return list(provinces)
    ids = {m.region_id for m in memberships_of(user)}
    return list(provinces.filter(Q(pk__in=ids) | Q(parent_id__in=ids)).order_by("name"))
