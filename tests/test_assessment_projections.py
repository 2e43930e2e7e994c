"""The calculator's inputs read from real rows, both projections, stored scores and `lumbung index`."""

import io
import json
from decimal import Decimal
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from lumbung.accounts.models import User
from lumbung.assessment import projections
from lumbung.assessment.calculator import Reason
from lumbung.assessment.models import Answer, Edition, Evidence, Indicator, Score
from lumbung.innovations.models import InnovationVersion, Status
from lumbung.regions.models import Region, Unit, Urusan

from .factories import make_version, set_status

D = Decimal
# A year no shipped edition uses, so the test edition never meets a loaded one.
YEAR = 2030


def make_edition(**rules: Any) -> Edition:
    """A small edition: SPD 1 (bobot 1), 2 (bobot 2); SID 16 (bobot 3), 17 (bobot 2); maximum 100."""
    values: dict[str, Any] = {
        "year": YEAR,
        "name": f"Edisi uji {YEAR}",
        "max_total": D(100),
        "divisor_floor": 2,
        "quantity_factor": D("0.5"),
        "quantity_cap": 10,
        "coverage_required": 1,
        "coverage_counts_other_urusan": False,
        "very_innovative_min": D("60.01"),
        "innovative_min": D("35.00"),
    }
    values.update(rules)
    edition = Edition.objects.create(**values)
    for position, (number, aspect, weight) in enumerate(
        [("1", "spd", 1), ("2", "spd", 2), ("16", "sid", 3), ("17", "sid", 2)]
    ):
        Indicator.objects.create(
            edition=edition,
            aspect=aspect,
            number=number,
            position=position,
            variable="Uji",
            name=f"Indikator {number}",
            weight=weight,
        )
    return edition


def answer(
    edition: Edition,
    region: Region,
    number: str,
    level: int,
    version: InnovationVersion | None = None,
    verification: str = "terverifikasi",
    evidence: int = 1,
) -> Answer:
    row = Answer.objects.create(
        edition=edition,
        indicator=edition.indicators.get(number=number),
        region=region,
        version=version,
        level=level,
        verification=verification,
    )
    for i in range(evidence):
        Evidence.objects.create(answer=row, url=f"https://bukti.example.id/{row.pk}/{i}")
    return row


def version(
    actor: User, region: Region, unit: Unit, status: str, urusan: str = "Kesehatan"
) -> InnovationVersion:
    created = make_version(actor, region, unit, year=YEAR, main_urusan=Urusan.objects.get(name=urusan))
    return set_status(created, status)


@pytest.fixture
def edition(reference_data: None) -> Edition:
    return make_edition()


@pytest.fixture
def scenario(edition: Edition, region: Region, unit: Unit, innovator: User) -> dict[str, Any]:
    """An approved, a submitted and a draft version with answers of every kind, and SPD answers."""
    approved = version(innovator, region, unit, Status.APPROVED)
    answer(edition, region, "16", 3, approved)
    answer(edition, region, "17", 2, approved, verification="belum")  # claimed only
    submitted = version(innovator, region, unit, Status.SUBMITTED)
    answer(edition, region, "16", 1, submitted)  # claimed only: the version is not approved
    answer(edition, region, "17", 2, submitted, verification="ditolak")  # claims count as given
    draft = version(innovator, region, unit, Status.DRAFT)
    answer(edition, region, "16", 3, draft)  # neither: drafts are not reported
    answer(edition, region, "1", 3, evidence=0)  # verified without evidence: neither
    answer(edition, region, "2", 2, evidence=2)
    return {"approved": approved, "submitted": submitted, "draft": draft}


def test_claimed_counts_every_reported_innovation_as_given(
    edition: Edition, region: Region, scenario: dict[str, Any]
) -> None:
    spd, innovations = projections.inputs_for(region, edition, "claimed")
    assert {i.key for i in innovations} == {scenario["approved"].pk, scenario["submitted"].pk}
    result = projections.score_region(region, edition, "claimed")
    assert [row.reason for row in result.spd_rows] == [Reason.NO_EVIDENCE, None]
    assert result.spd == 4
    maturity = {score.key: score.maturity for score in result.innovations}
    assert maturity == {scenario["approved"].pk: 13, scenario["submitted"].pk: 7}
    # (13 + 7) / MAX(2, 2) + 2 × 0.5 = 11; total 15 of 100.
    assert (result.sid, result.total, result.iid, result.category) == (11, 15, D("15.00"), "kurang_inovatif")


def test_verified_counts_only_approved_versions_and_verified_answers_with_evidence(
    edition: Edition, region: Region, scenario: dict[str, Any]
) -> None:
    result = projections.score_region(region, edition, "verified")
    assert [score.key for score in result.innovations] == [scenario["approved"].pk]
    rows = {row.indicator: row for row in result.innovations[0].rows}
    assert rows["16"].score == 9 and rows["17"].reason == Reason.NOT_VERIFIED
    assert [row.reason for row in result.spd_rows] == [Reason.NO_EVIDENCE, None]
    # 9 / MAX(2, 1) + 1 × 0.5 = 5; SPD 4; total 9.
    assert (result.spd, result.sid, result.total, result.iid) == (4, 5, 9, D("9.00"))


@pytest.mark.parametrize("status", [Status.APPROVED, Status.READY, Status.SENT])
def test_verified_takes_every_approved_state(
    status: str, edition: Edition, region: Region, unit: Unit, innovator: User
) -> None:
    answer(edition, region, "16", 2, version(innovator, region, unit, status))
    assert projections.score_region(region, edition, "verified").maturity_sum == 6


def test_another_year_and_another_region_never_leak_in(
    edition: Edition,
    region: Region,
    other_region: Region,
    unit: Unit,
    foreign_unit: Unit,
    innovator: User,
    foreign_innovator: User,
    scenario: dict[str, Any],
) -> None:
    before = projections.score_region(region, edition, "claimed")
    foreign = version(foreign_innovator, other_region, foreign_unit, Status.APPROVED)
    answer(edition, other_region, "16", 3, foreign)
    answer(edition, other_region, "1", 3)
    # An answer filed under this region for the other region's version is not counted either.
    answer(edition, region, "17", 3, foreign)
    older = make_version(innovator, region, unit, year=YEAR - 1)
    set_status(older, Status.APPROVED)
    answer(edition, region, "16", 3, older)
    after = projections.score_region(region, edition, "claimed")
    assert after.n == before.n and after.total == before.total
    theirs = projections.score_region(other_region, edition, "claimed")
    assert (theirs.n, theirs.spd, theirs.maturity_sum) == (1, 3, 9)


def test_urusan_irisan_are_read_for_the_coverage(
    region: Region, unit: Unit, innovator: User, reference_data: None
) -> None:
    edition = make_edition(coverage_required=2, coverage_counts_other_urusan=True)
    reported = version(innovator, region, unit, Status.SUBMITTED)
    reported.other_urusan.set([Urusan.objects.get(name="Sosial"), Urusan.objects.get(name="Pariwisata")])
    rules = projections.rules_for(edition)
    assert len(rules.basic_service_urusan) == 6
    result = projections.score_region(region, edition, "claimed")
    names = dict(Urusan.objects.values_list("id", "name"))
    assert [names[pk] for pk in result.coverage.covered] == ["Kesehatan", "Sosial"]
    assert result.quantity_score == D("0.5")


def test_rules_and_indicators_come_from_the_edition(edition: Edition) -> None:
    rules = projections.rules_for(edition)
    assert (rules.max_total, rules.divisor_floor, rules.quantity_factor) == (100, 2, D("0.5"))
    assert (rules.very_innovative_min, rules.innovative_min) == (D("60.01"), D("35.00"))
    names = list(Urusan.objects.filter(pk__in=rules.basic_service_urusan).values_list("name", flat=True))
    assert "Pendidikan" in names and len(names) == 6
    indicators = projections.indicators_for(edition)
    assert [(i.number, i.aspect, i.weight) for i in indicators] == [
        ("1", "spd", 1),
        ("2", "spd", 2),
        ("16", "sid", 3),
        ("17", "sid", 2),
    ]


def test_an_unknown_projection_is_refused(edition: Edition, region: Region) -> None:
    with pytest.raises(ValueError, match="claimed or verified"):
        projections.inputs_for(region, edition, "wishful")


def add_innovations(count: int, edition: Edition, region: Region, unit: Unit, actor: User) -> None:
    for _ in range(count):
        reported = version(actor, region, unit, Status.APPROVED)
        reported.other_urusan.set([Urusan.objects.get(name="Sosial")])
        answer(edition, region, "16", 2, reported)
        answer(edition, region, "17", 1, reported, evidence=2)


@pytest.mark.parametrize("projection", ["claimed", "verified"])
def test_reads_take_the_same_queries_for_3_or_10_innovations(
    projection: str,
    edition: Edition,
    region: Region,
    unit: Unit,
    innovator: User,
    django_assert_num_queries: Any,
    django_assert_max_num_queries: Any,
) -> None:
    add_innovations(3, edition, region, unit, innovator)
    # The first read of an edition object also maps its indicator ids to numbers, once.
    with django_assert_num_queries(4):
        _, few = projections.inputs_for(region, edition, projection)
    with django_assert_num_queries(5):
        projections.score_region(region, edition, projection)
    add_innovations(7, edition, region, unit, innovator)
    with django_assert_num_queries(3):
        _, many = projections.inputs_for(region, edition, projection)
    with django_assert_num_queries(5):
        projections.score_region(region, edition, projection)
    # Five reads, then update_or_create: a select and an insert or update, within savepoints.
    with django_assert_max_num_queries(11):
        projections.score_store(region=region, edition=edition, projection=projection)
    assert (len(few), len(many)) == (3, 10)


def test_score_store_keeps_one_row_per_projection_with_its_edition(
    edition: Edition, region: Region, scenario: dict[str, Any]
) -> None:
    claimed = projections.score_store(region=region, edition=edition, projection="claimed")
    projections.score_store(region=region, edition=edition, projection="claimed")
    verified = projections.score_store(region=region, edition=edition, projection="verified")
    assert Score.objects.filter(region=region).count() == 2
    claimed.refresh_from_db()
    assert (claimed.edition, claimed.innovations, claimed.spd, claimed.sid) == (edition, 2, 4, 11)
    assert (claimed.quantity_score, claimed.total, claimed.iid) == (1, 15, D("15.00"))
    assert claimed.category == "kurang_inovatif"
    assert (verified.iid, verified.innovations) == (D("9.00"), 1)


def test_score_all_stores_every_region_in_a_few_queries(
    edition: Edition,
    region: Region,
    other_region: Region,
    foreign_unit: Unit,
    foreign_innovator: User,
    scenario: dict[str, Any],
    django_assert_max_num_queries: Any,
) -> None:
    answer(edition, other_region, "16", 3, version(foreign_innovator, other_region, foreign_unit, "terkirim"))
    Score.objects.create(
        region=region,
        edition=edition,
        projection="claimed",
        innovations=0,
        spd=0,
        sid=0,
        quantity_score=0,
        total=0,
        iid=0,
        category="tidak_dapat_dinilai",
    )
    seen: list[tuple[int, int]] = []
    regions = Region.objects.exclude(kind=Region.Kind.NATION).count()
    chunks = -(-regions // projections.CHUNK_REGIONS)
    # Four reads up front; per chunk three reads and one upsert within a savepoint.
    with django_assert_max_num_queries(4 + chunks * 6):
        stored = projections.score_all(
            edition, "claimed", progress=lambda done, total: seen.append((done, total))
        )
    assert stored == regions and seen[-1] == (regions, regions)
    scores = Score.objects.filter(edition=edition, projection="claimed")
    assert scores.count() == regions
    assert scores.get(region=region).iid == projections.score_region(region, edition, "claimed").iid
    assert scores.get(region=other_region).iid == D("5.00")  # 9 / MAX(2, 1) + 1 × 0.5 of 100
    assert not scores.filter(region__kind=Region.Kind.NATION).exists()


def run_index(*args: str) -> str:
    out = io.StringIO()
    call_command("index", *args, stdout=out)
    return out.getvalue()


def test_index_command_prints_json_and_stores_the_score(
    edition: Edition, region: Region, scenario: dict[str, Any]
) -> None:
    data = json.loads(run_index("--region", "73.72", "--year", str(YEAR), "--json"))
    assert data == {
        "region": "73.72",
        "year": YEAR,
        "edition": f"Edisi uji {YEAR}",
        "projection": "claimed",
        "innovations": 2,
        "spd": 4.0,
        "sid": 11.0,
        "quantity_score": 1.0,
        "total": 15.0,
        "iid": 15.0,
        "category": "kurang_inovatif",
    }
    verified = json.loads(
        run_index("--region", "73.72", "--year", str(YEAR), "--projection", "verified", "--json")
    )
    assert (verified["innovations"], verified["sid"], verified["iid"]) == (1, 5.0, 9.0)
    assert Score.objects.filter(region=region, edition=edition).count() == 2


def test_index_command_rounds_to_two_decimals(
    region: Region, unit: Unit, innovator: User, reference_data: None
) -> None:
    edition = make_edition(max_total=D(3), divisor_floor=3)
    answer(edition, region, "16", 1, version(innovator, region, unit, Status.SUBMITTED))
    data = json.loads(run_index("--region", "73.72", "--year", str(YEAR), "--json"))
    # SID 3 / 3 + 0.5 = 1.5; IID 1.5 / 3 × 100 = 50.
    assert (data["sid"], data["total"], data["iid"], data["category"]) == (1.5, 1.5, 50.0, "inovatif")
    edition.divisor_floor = 7
    edition.save()
    data = json.loads(run_index("--region", "73.72", "--year", str(YEAR), "--json"))
    # 3 / 7 + 0.5 = 0.928571…; IID 30.952… → 30.95.
    assert (data["sid"], data["iid"]) == (0.93, 30.95)


def test_index_command_summary_in_indonesian(
    edition: Edition, region: Region, scenario: dict[str, Any]
) -> None:
    text = run_index("--region", "73.72", "--year", str(YEAR))
    assert "Indeks Inovasi Daerah Kota Parepare (73.72), tahun 2030" in text
    assert "SID: 11,00 (rata-rata kematangan 10,00 + Skor Jumlah Inovasi 1,00)" in text
    assert "IID: 15,00 (Kurang Inovatif)" in text
    assert "(draf)" in text and "Klaim unit" in text
    assert "belum tercakup: Pendidikan; Pekerjaan Umum" in text


def test_index_command_refuses_an_unknown_region_or_year(edition: Edition, region: Region) -> None:
    with pytest.raises(CommandError, match="Wilayah dengan kode '99.99' tidak ada"):
        run_index("--region", "99.99", "--year", str(YEAR))
    with pytest.raises(CommandError, match="Belum ada edisi indeks untuk tahun 1999"):
        run_index("--region", "73.72", "--year", "1999")
    assert not Score.objects.exists()


def test_index_command_exits_1_from_the_command_line(
    edition: Edition, region: Region, capsys: pytest.CaptureFixture[str]
) -> None:
    from lumbung.assessment.management.commands.index import Command

    with pytest.raises(SystemExit) as exit_info:
        Command().run_from_argv(["lumbung", "index", "--region", "99.99", "--year", str(YEAR)])
    assert exit_info.value.code == 1
    assert "Wilayah dengan kode '99.99' tidak ada." in capsys.readouterr().err
