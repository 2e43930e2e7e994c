"""The region's index pages: both projections, readiness, improvements and the what-if sandbox."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from lumbung.accounts.models import User
from lumbung.assessment import insight
from lumbung.assessment.models import Answer, Edition, Evidence, Score
from lumbung.innovations.models import Status
from lumbung.regions.models import Region, Unit, Urusan

from .factories import make_version, set_status
from .test_assessment_readiness import YEAR, answer, make_edition, version

D = Decimal
PAGES = ["index_region", "index_readiness", "index_improve", "index_sandbox"]


def url(name: str, region: Region | None = None, year: int = YEAR) -> str:
    return reverse(f"assessment:{name}", args=[region.code if region else "73.72", year])


@pytest.fixture
def edition(reference_data: None) -> Edition:
    return make_edition()


@pytest.fixture
def scenario(edition: Edition, region: Region, unit: Unit, innovator: User) -> dict[str, Any]:
    """Claimed IID 8.33 (SPD 4, SID 13 / 3), verified 3.00; see test_assessment_readiness."""
    a = version(
        innovator,
        region,
        unit,
        Status.APPROVED,
        name="Antar Obat",
        design="Rancang bangun singkat.",
        implementation_date=dt.date(2028, 5, 1),
    )
    b = version(innovator, region, unit, Status.SUBMITTED, name="Balai Sehat")
    answer(edition, region, "2", 2, verification="ditolak")
    answer(edition, region, "16", 3, a)
    answer(edition, region, "17", 2, a, verification="belum")
    answer(edition, region, "17", 1, b, verification="belum", evidence=False)
    return {"a": a, "b": b}


def answers_state() -> list[Any]:
    rows = Answer.objects.order_by("id").values_list("id", "level", "verification", "revision", "updated_at")
    return [*rows, Evidence.objects.count()]


# The region's index page


def test_index_page_shows_both_projections_the_innovations_and_spd_rows(
    client: Any, admin: User, scenario: dict[str, Any]
) -> None:
    client.force_login(admin)
    response = client.get(url("index_region"))
    assert response.status_code == 200
    page = response.content.decode()
    claimed, verified = response.context["overview"].projections
    assert (claimed.figures.iid, verified.figures.iid) == (D("8.33"), D("3.00"))
    assert "8,33" in page and "3,00" in page and "Kurang Inovatif" in page
    assert "Antar Obat" in page and "Balai Sehat" in page
    assert "ditolak verifikator" in page and "belum dijawab" in page  # SPD rows' reasons
    assert claimed.covered == ["Kesehatan"] and "Pendidikan" in claimed.missing
    # Kematangan: A 13 claimed, 9 verified; B 0 claimed and not counted when verified.
    rows = {row.version.name: (row.claimed, row.verified) for row in response.context["overview"].innovations}
    assert rows == {"Antar Obat": (D(13), D(9)), "Balai Sehat": (D(0), None)}
    # The improvements, biggest first, with the example's wording.
    assert "level 0 → 3 menambah 3,00" in page
    assert Score.objects.count() == 0  # opening the page stores nothing


def test_an_admin_stores_both_projections(
    client: Any, admin: User, edition: Edition, scenario: dict[str, Any]
) -> None:
    client.force_login(admin)
    response = client.post(url("index_region"))
    assert response.status_code == 302
    stored = {s.projection: s.iid for s in Score.objects.filter(edition=edition)}
    assert stored == {"claimed": D("8.33"), "verified": D("3.00")}
    assert "Tersimpan di riwayat" in client.get(url("index_region")).content.decode()


def test_a_leader_reads_but_neither_stores_nor_simulates(
    client: Any, leader: User, scenario: dict[str, Any]
) -> None:
    client.force_login(leader)
    for name in ("index_region", "index_readiness", "index_improve"):
        assert client.get(url(name)).status_code == 200
    page = client.get(url("index_region")).content.decode()
    assert "Hitung ulang dan simpan" not in page and url("index_sandbox") not in page
    assert client.post(url("index_region")).status_code == 403
    assert client.get(url("index_sandbox")).status_code == 403
    assert client.post(url("index_sandbox"), {"rows": "spd.1", "level.spd.1": "3"}).status_code == 403
    assert client.post(url("index_sandbox_score"), {"rows": "spd.1", "level.spd.1": "3"}).status_code == 403
    assert Score.objects.count() == 0


def test_an_innovator_reads_the_index(client: Any, innovator: User, scenario: dict[str, Any]) -> None:
    client.force_login(innovator)
    assert client.get(url("index_region")).status_code == 200
    assert client.get(url("index_sandbox")).status_code == 403


@pytest.mark.parametrize("name", PAGES)
def test_another_region_sees_nothing(
    client: Any, foreign_admin: User, scenario: dict[str, Any], name: str
) -> None:
    client.force_login(foreign_admin)
    assert client.get(url(name)).status_code == 404
    assert client.post(url(name), {"rows": "spd.1", "level.spd.1": "3"}).status_code == 404
    assert Score.objects.count() == 0


def test_another_region_gets_no_sandbox_score(
    client: Any, foreign_admin: User, scenario: dict[str, Any]
) -> None:
    client.force_login(foreign_admin)
    assert client.post(url("index_sandbox_score"), {"rows": "spd.1", "level.spd.1": "3"}).status_code == 404


@pytest.mark.parametrize("name", PAGES)
def test_a_year_without_an_edition_is_not_found(client: Any, admin: User, region: Region, name: str) -> None:
    client.force_login(admin)
    assert client.get(url(name, year=2099)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client: Any, scenario: dict[str, Any]) -> None:
    assert client.get(url("index_region")).status_code == 302


def test_the_index_page_query_count_does_not_grow_with_innovations(
    client: Any,
    admin: User,
    edition: Edition,
    region: Region,
    unit: Unit,
    innovator: User,
    scenario: dict[str, Any],
    django_assert_max_num_queries: Any,
) -> None:
    client.force_login(admin)
    client.get(url("index_region"))

    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("index_region")).status_code == 200
        return len(queries)

    before = count()
    for i in range(8):
        extra = version(innovator, region, unit, Status.SUBMITTED, name=f"Tambahan {i}")
        answer(edition, region, "16", 2, extra, verification="belum")
    assert count() == before
    with django_assert_max_num_queries(20):
        client.get(url("index_region"))
    for name in ("index_readiness", "index_improve", "index_sandbox"):
        with django_assert_max_num_queries(18):
            assert client.get(url(name)).status_code == 200


# Readiness and improvements pages


def test_readiness_page_lists_the_items_with_a_countdown(
    client: Any, admin: User, edition: Edition, region: Region, scenario: dict[str, Any]
) -> None:
    from lumbung.notifications.services import region_today

    edition.reporting_deadline = region_today(region) + dt.timedelta(days=9)
    edition.save()
    client.force_login(admin)
    response = client.get(url("index_readiness"))
    page = response.content.decode()
    assert response.context["readiness"].days_left == 9
    assert "hari lagi sampai batas pelaporan nasional" in page
    assert "Indikator wajib 1 (Indikator 1) belum dijawab" in page
    assert "berisiko tidak memenuhi syarat" in page
    assert reverse("innovations:edit", args=[scenario["a"].pk]) in page
    assert page.index("Rancang bangun Antar Obat") < page.index("Indikator wajib 1")  # costliest first


def test_readiness_page_without_a_deadline_or_items(client: Any, admin: User, edition: Edition) -> None:
    Edition.objects.filter(pk=edition.pk).update(divisor_floor=0, coverage_required=0)
    for number in ("1", "2"):
        answer(edition, Region.objects.get(code="73.72"), number, 3)
    client.force_login(admin)
    page = client.get(url("index_readiness")).content.decode()
    assert "belum ditetapkan" in page and "Tidak ada yang mengurangi nilai" in page


def test_improvements_page_shows_every_answer_that_can_rise(
    client: Any, admin: User, scenario: dict[str, Any]
) -> None:
    client.force_login(admin)
    response = client.get(url("index_improve"))
    assert len(response.context["improvements"]) == 5
    assert "level 1 → 3 menambah 2,00" in response.content.decode()


# The sandbox


def test_sandbox_form_is_prefilled_with_the_claimed_answers(
    client: Any, admin: User, scenario: dict[str, Any]
) -> None:
    client.force_login(admin)
    response = client.get(url("index_sandbox"))
    assert response.status_code == 200
    groups = response.context["groups"]
    assert [g.title for g in groups][1:] == ["Antar Obat", "Balai Sehat"]
    spd = {row.number: (row.level, row.has_evidence) for row in groups[0].rows}
    assert spd == {"1": (0, False), "2": (2, True)}
    page = response.content.decode()
    assert 'hx-post="' + url("index_sandbox_score") + '"' in page and 'hx-trigger="change"' in page
    assert response.context["simulated"].iid == D("8.33")


def test_the_sandbox_moves_the_score_and_writes_nothing(
    client: Any, admin: User, scenario: dict[str, Any]
) -> None:
    client.force_login(admin)
    before = answers_state()
    b = scenario["b"].pk
    # SPD 1 to level 3 with evidence: +3; B's 17 to level 3 with evidence: +6 / 3 = +2.
    data = {
        "rows": f"spd.1,{b}.17",
        "level.spd.1": "3",
        "bukti.spd.1": "on",
        f"level.{b}.17": "3",
        f"bukti.{b}.17": "on",
    }
    fragment = client.post(url("index_sandbox_score"), data)
    assert fragment.status_code == 200
    assert fragment.context["simulated"].iid == D("13.33") and fragment.context["delta"] == D("5.00")
    assert "+5,00" in fragment.content.decode()
    page = client.post(url("index_sandbox"), data)  # the no-JS fallback
    assert page.status_code == 200 and page.context["simulated"].iid == D("13.33")
    rows = {row.key: (row.level, row.has_evidence) for g in page.context["groups"] for row in g.rows}
    assert rows["spd.1"] == (3, True)  # the form keeps what was simulated
    assert answers_state() == before and Score.objects.count() == 0


def test_unticking_evidence_in_the_sandbox_drops_the_row(
    client: Any, admin: User, scenario: dict[str, Any]
) -> None:
    client.force_login(admin)
    a = scenario["a"].pk
    response = client.post(url("index_sandbox_score"), {"rows": f"{a}.16", f"level.{a}.16": "3"})
    # A's 16 (9 points) without evidence: 13 / 3 → 4 / 3, so the IID falls by 3.
    assert response.context["delta"] == D("-3.00")


def test_the_sandbox_result_equals_a_recompute_with_the_answer_saved(
    client: Any, admin: User, edition: Edition, region: Region, scenario: dict[str, Any]
) -> None:
    client.force_login(admin)
    b = scenario["b"].pk
    simulated = client.post(
        url("index_sandbox_score"), {"rows": f"{b}.16", f"level.{b}.16": "2", f"bukti.{b}.16": "on"}
    ).context["simulated"]
    answer(edition, region, "16", 2, scenario["b"], verification="belum")
    assert insight.snapshot_for(region, edition).claimed_result.iid == simulated.iid


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"rows": "spd.1", "level.spd.1": "5"}, "Level indikator 1 harus 0, 1, 2, atau 3."),
        ({"rows": "spd.1", "level.spd.1": "tiga"}, "Level indikator 1 harus 0, 1, 2, atau 3."),
        ({"rows": "spd.1"}, "Level indikator 1 harus 0, 1, 2, atau 3."),
        ({"rows": "spd.99", "level.spd.99": "1"}, "Indikator 99 tidak ada pada aspek itu"),
        ({"rows": "spd.16", "level.spd.16": "1"}, "Indikator 16 tidak ada pada aspek itu"),
        ({"rows": "999999.16", "level.999999.16": "1"}, "tidak termasuk inovasi yang dilaporkan"),
        ({"rows": "x.16", "level.x.16": "1"}, "tidak termasuk inovasi yang dilaporkan"),
    ],
)
def test_bad_sandbox_values_are_refused_with_a_message(
    client: Any, admin: User, scenario: dict[str, Any], data: dict[str, str], message: str
) -> None:
    client.force_login(admin)
    before = answers_state()
    fragment = client.post(url("index_sandbox_score"), data)
    assert fragment.status_code == 200 and message in fragment.content.decode()
    assert fragment.context["simulated"].iid == D("8.33")  # the current score, unchanged
    page = client.post(url("index_sandbox"), data)
    assert page.status_code == 400 and message in page.content.decode()
    assert answers_state() == before


def test_another_region_s_innovation_cannot_enter_the_sandbox(
    client: Any,
    admin: User,
    edition: Edition,
    other_region: Region,
    foreign_unit: Unit,
    foreign_innovator: User,
    scenario: dict[str, Any],
) -> None:
    foreign = set_status(
        make_version(
            foreign_innovator,
            other_region,
            foreign_unit,
            year=YEAR,
            main_urusan=Urusan.objects.get(name="Sosial"),
        ),
        Status.SUBMITTED,
    )
    client.force_login(admin)
    key = f"{foreign.pk}.16"
    response = client.post(
        url("index_sandbox_score"), {"rows": key, f"level.{key}": "3", f"bukti.{key}": "on"}
    )
    assert "tidak termasuk inovasi yang dilaporkan" in response.content.decode()


def test_a_big_region_s_sandbox_shows_some_innovations_at_a_time(
    client: Any,
    admin: User,
    edition: Edition,
    region: Region,
    unit: Unit,
    innovator: User,
    scenario: dict[str, Any],
    monkeypatch: Any,
) -> None:
    monkeypatch.setattr(insight.sandbox, "MAX_ROWS", 4)  # SPD (2 rows) and one innovation (2 rows)
    client.force_login(admin)
    response = client.get(url("index_sandbox"))
    assert response.context["limited"] and [g.title for g in response.context["groups"]][1:] == ["Antar Obat"]
    chosen = client.get(url("index_sandbox") + f"?inovasi={scenario['b'].pk}")
    assert [g.title for g in chosen.context["groups"]][1:] == ["Balai Sehat"]


# The innovation page links to its answers


def test_the_innovation_page_links_to_its_index_answers(
    client: Any,
    admin: User,
    edition: Edition,
    region: Region,
    unit: Unit,
    innovator: User,
    django_assert_max_num_queries: Any,
) -> None:
    current = version(innovator, region, unit, Status.SUBMITTED)
    old = make_version(innovator, region, unit, year=2021, name="Tahun tanpa edisi")
    client.force_login(admin)
    client.get(reverse("innovations:detail", args=[current.pk]))
    with django_assert_max_num_queries(25):
        page = client.get(reverse("innovations:detail", args=[current.pk])).content.decode()
    assert reverse("assessment:answers_sid", args=[region.code, YEAR, current.pk]) in page
    assert f"Jawaban indeks {YEAR}" in page
    assert "Jawaban indeks" not in client.get(reverse("innovations:detail", args=[old.pk])).content.decode()


def test_the_innovation_link_is_hidden_from_those_who_cannot_read_answers(
    client: Any, make_user: Any, edition: Edition, region: Region, unit: Unit, innovator: User
) -> None:
    from lumbung.accounts.models import Role

    current = version(innovator, region, unit, Status.SUBMITTED)
    # A provincial observer reads the registry of the province's regions, not their index answers.
    provincial = make_user("provinsi@uji.id", Role.OBSERVER, Region.objects.get(code="73"))
    client.force_login(provincial)
    response = client.get(reverse("innovations:detail", args=[current.pk]))
    assert response.status_code == 200
    assert "Jawaban indeks" not in response.content.decode()


# The 2026 edition at the size of the demo


def test_readiness_and_improvements_of_a_demo_sized_region(
    edition_2026: Edition, region: Region, unit: Unit, innovator: User
) -> None:
    indicators = list(edition_2026.indicators.all())
    urusan = list(Urusan.objects.filter(category="wajib_dasar"))
    answers = []
    for i in range(21):
        found = set_status(
            make_version(
                innovator, region, unit, year=2026, name=f"Inovasi {i:02}", main_urusan=urusan[i % 6]
            ),
            Status.APPROVED if i % 2 else Status.SUBMITTED,
        )
        for j, indicator in enumerate(x for x in indicators if x.aspect == "sid"):
            answers.append(
                Answer(
                    edition=edition_2026,
                    indicator=indicator,
                    region=region,
                    version=found,
                    level=(i + j) % 4,
                    verification=("belum", "terverifikasi", "ditolak")[j % 3],
                )
            )
    for indicator in indicators:
        if indicator.aspect == "spd":
            answers.append(Answer(edition=edition_2026, indicator=indicator, region=region, level=2))
    Answer.objects.bulk_create(answers)
    Evidence.objects.bulk_create(
        [Evidence(answer=a, url="https://bukti.example.id/") for a in Answer.objects.all()[::2]]
    )
    # Speed is measured in benchmarks/ (make bench), never here; this checks the demo-sized case works.
    snapshot = insight.snapshot_for(region, edition_2026)
    items = insight.readiness_items(snapshot)
    ranked = insight.improvements(snapshot)
    assert items and ranked
