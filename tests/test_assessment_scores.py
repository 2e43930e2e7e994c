"""Stored scores: a region's history with its editions, a province's ranking and spread, who may read them."""

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from lumbung.accounts.models import Role, User
from lumbung.assessment import scores
from lumbung.assessment.charts import ScoreBar, score_bars
from lumbung.assessment.models import Category, Edition, NationalAverage, Projection, Score
from lumbung.regions.models import Region

pytestmark = pytest.mark.django_db


def edition(year: int) -> Edition:
    return Edition.objects.create(
        year=year + 1000,  # clear of any edition a data migration ships
        name=f"Edisi uji {year}",
        max_total=250,
        divisor_floor=12,
        quantity_factor=Decimal("0.38"),
        quantity_cap=200,
        coverage_required=5,
        very_innovative_min=Decimal("65.01"),
        innovative_min=Decimal("40.01"),
    )


def score(region: Region, ed: Edition, iid: str, projection: str = Projection.VERIFIED, n: int = 10) -> Score:
    value = Decimal(iid)
    category = (
        Category.VERY_INNOVATIVE
        if value >= ed.very_innovative_min
        else Category.INNOVATIVE
        if value >= ed.innovative_min
        else Category.LESS_INNOVATIVE
    )
    return Score.objects.create(
        region=region,
        edition=ed,
        projection=projection,
        innovations=n,
        spd=0,
        sid=0,
        quantity_score=0,
        total=value * Decimal("2.5"),
        iid=value,
        category=category,
    )


@pytest.fixture
def third_region(reference_data: None) -> Region:
    return Region.objects.create(
        code="73.73", name="Kota Palopo", kind=Region.Kind.KOTA, parent=Region.objects.get(code="73")
    )


def test_history_lists_each_year_with_both_projections_and_the_national_average(
    region: Region, admin: User, client: Any
) -> None:
    old, new = edition(2025), edition(2026)
    score(region, old, "49.63")
    score(region, new, "61.31", Projection.CLAIMED, n=21)
    score(region, new, "58.89")
    NationalAverage.objects.create(year=new.year, value=Decimal("52.10"))
    rows = scores.history(region)
    assert [r.year for r in rows] == [new.year, old.year]
    assert rows[0].claimed is not None and rows[0].claimed.iid == Decimal("61.31")
    assert rows[0].national_average == Decimal("52.10") and rows[1].claimed is None
    client.force_login(admin)
    body = client.get(reverse("assessment:index_history", args=[region.code])).content.decode()
    assert "61,31" in body and "58,89" in body and "49,63" in body and "52,10" in body
    assert "Edisi uji 2026" in body and "<svg" in body


def test_history_empty_state(region: Region, admin: User, client: Any) -> None:
    client.force_login(admin)
    body = client.get(reverse("assessment:index_history", args=[region.code])).content.decode()
    assert "Belum ada skor indeks" in body


def test_province_rollup_ranks_with_shared_ranks_and_counts_categories(
    region: Region, other_region: Region, third_region: Region
) -> None:
    ed = edition(2026)
    score(region, ed, "61.31")
    score(other_region, ed, "61.31")
    score(third_region, ed, "38.00")
    score(third_region, ed, "70.00", Projection.CLAIMED)
    assert region.parent is not None
    rollup = scores.province_rollup(region.parent, ed.year, Projection.VERIFIED)
    ranked = [(row.rank, row.region.name) for row in rollup.rows if row.score]
    assert ranked == [(1, "Kota Makassar"), (1, "Kota Parepare"), (3, "Kota Palopo")]
    assert rollup.distribution == {
        Category.VERY_INNOVATIVE: 0,
        Category.INNOVATIVE: 2,
        Category.LESS_INNOVATIVE: 1,
        Category.NOT_ASSESSABLE: 0,
    }
    assert rollup.average == Decimal("53.54")  # (61.31 + 61.31 + 38.00) / 3
    claimed = scores.province_rollup(region.parent, ed.year, Projection.CLAIMED)
    assert [row.region.name for row in claimed.rows if row.score] == ["Kota Palopo"]


def test_province_page_and_its_readers(
    region: Region,
    other_region: Region,
    admin: User,
    foreign_admin: User,
    make_user: Callable[..., User],
    client: Any,
    django_assert_max_num_queries: Any,
) -> None:
    ed = edition(2026)
    score(region, ed, "61.31")
    score(other_region, ed, "45.00")
    assert region.parent is not None
    url = reverse("assessment:province_rollup", args=[region.parent.code, ed.year])
    # A member of the province reads it; a kota's own staff do not see their neighbours' scores.
    province_staff = make_user("bappeda@sulsel.id", Role.ADMIN, region.parent)
    client.force_login(province_staff)
    with django_assert_max_num_queries(10):
        body = client.get(url).content.decode()
    assert body.index("Kota Parepare") < body.index("Kota Makassar") and "61,31" in body
    # A region's member cannot read another province's page, nor a region outside its own.
    papua = Region.objects.filter(kind=Region.Kind.PROVINCE).exclude(pk=region.parent_id).first()
    assert papua is not None
    assert client.get(reverse("assessment:province_rollup", args=[papua.code, ed.year])).status_code == 404
    client.force_login(admin)
    assert client.get(url).status_code == 404
    assert client.get(reverse("assessment:index_history", args=[other_region.code])).status_code == 404
    client.force_login(foreign_admin)
    assert client.get(reverse("assessment:index_history", args=[region.code])).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_a_province_member_reads_its_regions_history(
    region: Region, make_user: Callable[..., User], client: Any
) -> None:
    assert region.parent is not None
    client.force_login(make_user("pengamat@sulsel.id", Role.LEADER, region.parent))
    assert client.get(reverse("assessment:index_history", args=[region.code])).status_code == 200


def test_province_page_without_an_edition(
    region: Region, make_user: Callable[..., User], client: Any
) -> None:
    assert region.parent is not None
    client.force_login(make_user("bappeda@sulsel.id", Role.ADMIN, region.parent))
    body = client.get(reverse("assessment:province_rollup", args=[region.parent.code, 1990])).content.decode()
    assert "Belum ada edisi indeks untuk tahun 1990" in body


def test_chart_escapes_labels_and_marks_thresholds() -> None:
    svg = score_bars(
        [ScoreBar("<b>Kota</b>", Decimal("53.19"))], "Judul", [Decimal("40.01"), Decimal("65.01")]
    )
    assert "&lt;b&gt;Kota&lt;/b&gt;" in svg and "53,19" in svg
    assert svg.count('class="threshold"') == 2


def test_index_home_lists_the_users_regions_years_and_the_verifier_queue(
    region: Region, edition_2026: Edition, admin: User, leader: User, client: Any
) -> None:
    client.force_login(admin)
    body = client.get(reverse("assessment:home")).content.decode()
    assert reverse("assessment:answers_region", args=[region.code, 2026]) in body
    assert reverse("assessment:verification_queue", args=[region.code, 2026]) in body
    assert reverse("assessment:index_history", args=[region.code]) in body
    client.force_login(leader)  # reads, but has no queue to open
    body = client.get(reverse("assessment:home")).content.decode()
    assert reverse("assessment:answers_region", args=[region.code, 2026]) in body
    assert reverse("assessment:verification_queue", args=[region.code, 2026]) not in body
