"""Readiness, what to improve first and the reminders, on a handmade edition with small weights."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from lumbung.accounts.models import User
from lumbung.assessment import insight
from lumbung.assessment.calculator import Change, apply_change, compute, two
from lumbung.assessment.insight import ItemKind
from lumbung.assessment.models import Answer, Edition, Evidence, Indicator
from lumbung.innovations.models import InnovationVersion, Status
from lumbung.notifications.models import Kind, Notification
from lumbung.notifications.services import region_today
from lumbung.regions.models import Region, Unit, Urusan

from .factories import make_version, set_status

D = Decimal
YEAR = 2030  # no shipped edition uses it


def make_edition(**rules: Any) -> Edition:
    """SPD 1 (bobot 1, wajib), 2 (bobot 2); SID 16 (bobot 3, wajib), 17 (bobot 2); maximum 100, k = 3."""
    values: dict[str, Any] = {
        "year": YEAR,
        "name": f"Edisi uji {YEAR}",
        "max_total": D(100),
        "divisor_floor": 3,
        "quantity_factor": D("0.5"),
        "quantity_cap": 10,
        "coverage_required": 2,
        "very_innovative_min": D("60.01"),
        "innovative_min": D("35.00"),
        "eligibility_start": dt.date(2028, 1, 1),
        "eligibility_end": dt.date(2029, 12, 31),
        "min_design_words": 300,
    }
    values.update(rules)
    edition = Edition.objects.create(**values)
    rows = [("1", "spd", 1, True), ("2", "spd", 2, False), ("16", "sid", 3, True), ("17", "sid", 2, False)]
    for position, (number, aspect, weight, mandatory) in enumerate(rows):
        Indicator.objects.create(
            edition=edition,
            aspect=aspect,
            number=number,
            position=position,
            variable="Uji",
            name=f"Indikator {number}",
            weight=weight,
            mandatory=mandatory,
        )
    return edition


def answer(
    edition: Edition,
    region: Region,
    number: str,
    level: int,
    version: InnovationVersion | None = None,
    verification: str = "terverifikasi",
    evidence: bool = True,
) -> Answer:
    row = Answer.objects.create(
        edition=edition,
        indicator=edition.indicators.get(number=number),
        region=region,
        version=version,
        level=level,
        verification=verification,
    )
    if evidence:
        Evidence.objects.create(answer=row, url=f"https://bukti.example.id/{row.pk}")
    return row


def version(actor: User, region: Region, unit: Unit, status: str, **profile: Any) -> InnovationVersion:
    profile.setdefault("main_urusan", Urusan.objects.get(name="Kesehatan"))
    return set_status(make_version(actor, region, unit, year=YEAR, **profile), status)


@pytest.fixture
def edition(reference_data: None) -> Edition:
    return make_edition()


@pytest.fixture
def scenario(edition: Edition, region: Region, unit: Unit, innovator: User) -> dict[str, Any]:
    """Two innovations of one urusan (k = 3, two urusan required), with something wrong everywhere.

    Claimed: SPD 0 + 4; A (approved) 9 + 4 = 13; B (submitted) 0; SID 13 / 3; IID 8.33.
    Verified: SPD 0 (2 rejected); A 9 (17 unverified); SID 9 / 3 = 3; IID 3.00.
    """
    a = version(
        innovator,
        region,
        unit,
        Status.APPROVED,
        name="Antar Obat",
        design="Rancang bangun singkat.",
        implementation_date=dt.date(2027, 5, 1),
        developed_since="Dikembangkan pada 2028 dengan layanan daring.",
    )
    b = version(
        innovator, region, unit, Status.SUBMITTED, name="Balai Sehat", implementation_date=dt.date(2023, 6, 1)
    )
    answer(edition, region, "2", 2, verification="ditolak")
    answer(edition, region, "16", 3, a)
    answer(edition, region, "17", 2, a, verification="belum")
    answer(edition, region, "17", 1, b, verification="belum", evidence=False)
    return {"a": a, "b": b}


def test_the_scenario_scores_as_documented(
    edition: Edition, region: Region, scenario: dict[str, Any]
) -> None:
    snapshot = insight.snapshot_for(region, edition)
    assert snapshot.claimed_result.iid == D("8.33")
    assert snapshot.verified_result.iid == D("3.00")


def test_readiness_lists_every_loss_most_costly_first_with_exact_costs(
    edition: Edition, region: Region, scenario: dict[str, Any]
) -> None:
    a, b = scenario["a"].pk, scenario["b"].pk
    items = insight.readiness_items(insight.snapshot_for(region, edition))
    summary = [
        (item.kind, item.innovation, item.indicator, item.cost_shown, item.at_risk_shown) for item in items
    ]
    assert summary == [
        # Without A (13 of the 13 kematangan) the claimed IID would fall from 8.33 to 4.00.
        (ItemKind.SHORT_DESIGN, a, "", None, D("4.33")),
        # The rejected SPD 2 (level 2, bobot 2) is 4 points the verified projection lacks.
        (ItemKind.REJECTED, None, "2", D("4.00"), None),
        # Unanswered mandatory rows, priced at level 3: SPD 1 × 3 = 3; B's 16: 3 × 3 / MAX(3, 2) = 3.
        (ItemKind.MANDATORY_MISSING, None, "1", D("3.00"), None),
        (ItemKind.MANDATORY_MISSING, b, "16", D("3.00"), None),
        # One innovation short of k = 3: one more of average kematangan 6.5 adds 19.5 / 3 − 13 / 3.
        (ItemKind.FEW_INNOVATIONS, None, "", D("2.17"), None),
        # A's 17 (level 2, bobot 2) awaits verification: 4 / 3.
        (ItemKind.UNVERIFIED, a, "17", D("1.33"), None),
        # One basic-service urusan of the two required: the quantity score 2 × 0.5 is at stake.
        (ItemKind.COVERAGE, None, "", D("1.00"), None),
        # B's 17 at level 1 without evidence: 2 / 3.
        (ItemKind.NO_EVIDENCE, b, "17", D("0.67"), None),
        # B is not approved, but counting it would add nothing to the verified projection.
        (ItemKind.NOT_APPROVED, b, "", D("0.00"), None),
        # B implemented in 2023 with no development recorded; it adds nothing, so nothing is at risk.
        (ItemKind.OUTSIDE_WINDOW, b, "", None, D("0.00")),
    ]


def test_readiness_items_read_well_and_link_to_where_they_are_fixed(
    edition: Edition, region: Region, scenario: dict[str, Any]
) -> None:
    items: dict[str, insight.Item] = {}
    for item in insight.readiness_items(insight.snapshot_for(region, edition)):
        items.setdefault(item.kind, item)  # the costliest of each kind
    b = scenario["b"].pk
    assert items[ItemKind.MANDATORY_MISSING].url == f"/iid/wilayah/73.72/{YEAR}/spd/#indikator-1"
    assert items[ItemKind.NO_EVIDENCE].url == f"/iid/wilayah/73.72/{YEAR}/inovasi/{b}/#indikator-17"
    assert items[ItemKind.SHORT_DESIGN].url == f"/inovasi/{scenario['a'].pk}/ubah/"
    assert "3 kata, kurang dari minimal 300" in items[ItemKind.SHORT_DESIGN].text
    assert "1 Juni 2023" in items[ItemKind.OUTSIDE_WINDOW].text
    coverage = items[ItemKind.COVERAGE].text
    assert "1 dari 2" in coverage and "Pendidikan" in coverage and "Kesehatan" not in coverage
    assert "kematangan rata-rata (6,50) menambah 2,17" in items[ItemKind.FEW_INNOVATIONS].text


def test_a_development_in_the_window_keeps_an_old_innovation_eligible(
    edition: Edition, region: Region, scenario: dict[str, Any]
) -> None:
    kinds = {(i.kind, i.innovation) for i in insight.readiness_items(insight.snapshot_for(region, edition))}
    assert (ItemKind.OUTSIDE_WINDOW, scenario["a"].pk) not in kinds  # 2027, but developed since
    assert (ItemKind.OUTSIDE_WINDOW, scenario["b"].pk) in kinds


def test_nothing_to_do_gives_an_empty_list(
    edition: Edition, region: Region, unit: Unit, innovator: User
) -> None:
    Edition.objects.filter(pk=edition.pk).update(divisor_floor=1, coverage_required=1)
    edition.refresh_from_db()
    done = version(innovator, region, unit, Status.APPROVED, implementation_date=dt.date(2028, 3, 1))
    for number in ("1", "2"):
        answer(edition, region, number, 3)
    for number in ("16", "17"):
        answer(edition, region, number, 3, done)
    assert insight.readiness_items(insight.snapshot_for(region, edition)) == []


def test_one_more_innovation_costs_what_a_real_one_of_average_kematangan_adds(
    edition: Edition, region: Region, unit: Unit, innovator: User
) -> None:
    first = version(innovator, region, unit, Status.SUBMITTED)
    answer(edition, region, "16", 2, first)
    snapshot = insight.snapshot_for(region, edition)
    gained = insight.more_innovations_gain(snapshot, 1)
    # The same as a second innovation answering like the first (kematangan 6, same urusan).
    second = version(innovator, region, unit, Status.SUBMITTED, name="Kedua")
    answer(edition, region, "16", 2, second)
    after = insight.snapshot_for(region, edition).claimed_result
    assert gained == after.iid_exact - snapshot.claimed_result.iid_exact == D(2)


def test_the_countdown_runs_to_the_deadline(edition: Edition, region: Region) -> None:
    edition.reporting_deadline = dt.date(2030, 3, 31)
    snapshot = insight.snapshot_for(region, edition)
    assert insight.readiness_for(snapshot, dt.date(2030, 3, 24)).days_left == 7
    assert insight.readiness_for(snapshot, dt.date(2030, 4, 1)).closed
    edition.reporting_deadline = None
    assert insight.readiness_for(snapshot, dt.date(2030, 4, 1)).days_left is None


def test_readiness_reads_a_fixed_number_of_queries(
    edition: Edition,
    region: Region,
    unit: Unit,
    innovator: User,
    scenario: dict[str, Any],
    django_assert_max_num_queries: Any,
) -> None:
    for i in range(6):
        extra = version(innovator, region, unit, Status.SUBMITTED, name=f"Tambahan {i}")
        answer(edition, region, "17", 1, extra, verification="belum")
    # Rules, indicators, their numbers, three per projection, versions, verification states, urusan names.
    with django_assert_max_num_queries(12):
        insight.readiness_items(insight.snapshot_for(region, edition))


# What to improve first


def test_every_improvement_gain_equals_a_full_recompute(
    edition: Edition, region: Region, scenario: dict[str, Any]
) -> None:
    snapshot = insight.snapshot_for(region, edition)
    found = insight.improvements(snapshot)
    assert found
    for item in found:
        for step in item.steps:
            change = Change(item.indicator, item.innovation, level=step.level)
            spd, innovations = apply_change(*snapshot.claimed, change)
            again = compute(snapshot.rules, snapshot.indicators, spd, innovations)
            assert step.gain == again.iid_exact - snapshot.claimed_result.iid_exact


def test_improvements_are_ranked_with_every_reachable_level(
    edition: Edition, region: Region, scenario: dict[str, Any]
) -> None:
    a, b = scenario["a"].pk, scenario["b"].pk
    found = insight.improvements(insight.snapshot_for(region, edition))
    summary = [(i.innovation, i.indicator, i.level, [(s.level, s.shown) for s in i.steps]) for i in found]
    assert summary == [
        (None, "1", 0, [(1, D("1.00")), (2, D("2.00")), (3, D("3.00"))]),  # SPD: bobot 1
        (b, "16", 0, [(1, D("1.00")), (2, D("2.00")), (3, D("3.00"))]),  # bobot 3 / MAX(3, 2)
        (None, "2", 2, [(3, D("2.00"))]),  # the same gain in fewer levels first
        (b, "17", 1, [(1, D("0.67")), (2, D("1.33")), (3, D("2.00"))]),  # evidence first, then levels
        (a, "17", 2, [(3, D("0.67"))]),
    ]
    assert found[3].per_level == D("1.00")  # 2.00 over two levels (1 → 3)
    assert found[2].url == f"/iid/wilayah/73.72/{YEAR}/spd/#indikator-2"


def test_a_full_answer_with_evidence_is_not_an_improvement(
    edition: Edition, region: Region, scenario: dict[str, Any]
) -> None:
    keys = {(i.innovation, i.indicator) for i in insight.improvements(insight.snapshot_for(region, edition))}
    assert (scenario["a"].pk, "16") not in keys  # level 3 with evidence


# Reminders


@pytest.fixture
def reminded(
    edition: Edition, region: Region, scenario: dict[str, Any], admin: User, verifier: User, leader: User
) -> Edition:
    edition.reporting_deadline = dt.date(2030, 3, 31)
    edition.save()
    return edition


def moment(day: dt.date, hour: int = 9) -> dt.datetime:
    """A moment of a day in Parepare (WITA, UTC+8)."""
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC) - dt.timedelta(hours=8)


@pytest.mark.parametrize("days", [14, 7, 3, 1])
def test_admins_and_verifiers_are_reminded_on_the_days_before(
    days: int, reminded: Edition, admin: User, verifier: User, leader: User
) -> None:
    now = moment(dt.date(2030, 3, 31) - dt.timedelta(days=days))
    assert insight.iid_reminders_run(now=now) == 2
    sent = Notification.objects.filter(kind=Kind.IID)
    assert {n.recipient for n in sent} == {admin, verifier}
    note = sent.first()
    day = dt.date(2030, 3, 31) - dt.timedelta(days=days)
    assert note is not None and note.url == f"/iid/wilayah/73.72/{YEAR}/kesiapan/?pengingat={day}"
    assert f"{days} hari lagi" in note.title
    assert "Masih ada 10 hal yang mengurangi nilai" in note.body
    assert "Rancang bangun Antar Obat baru 3 kata" in note.body and "4,33" in note.body


@pytest.mark.parametrize("days", [15, 13, 8, 6, 2, 0, -1])
def test_no_reminder_on_other_days(days: int, reminded: Edition) -> None:
    assert insight.iid_reminders_run(now=moment(dt.date(2030, 3, 31) - dt.timedelta(days=days))) == 0


def test_reminders_are_sent_once_a_day(reminded: Edition, admin: User) -> None:
    now = moment(dt.date(2030, 3, 24))
    assert insight.iid_reminders_run(now=now) == 2
    assert insight.iid_reminders_run(now=now + dt.timedelta(hours=10)) == 0
    assert Notification.objects.filter(recipient=admin).count() == 1


def test_the_region_s_own_day_counts(reminded: Edition) -> None:
    # 23:30 UTC on 16 March is already 17 March in Parepare: 14 days before 31 March there.
    late = dt.datetime(2030, 3, 16, 23, 30, tzinfo=dt.UTC)
    assert insight.iid_reminders_run(now=late) == 2


def test_no_deadline_no_reminder(edition: Edition, region: Region, admin: User) -> None:
    assert insight.iid_reminders_run(now=moment(dt.date(2030, 3, 24))) == 0


def test_the_command_reminds_today(edition: Edition, region: Region, admin: User, capsys: Any) -> None:
    edition.reporting_deadline = region_today(region, timezone.now()) + dt.timedelta(days=7)
    edition.save()
    call_command("iid_reminders")
    call_command("iid_reminders")
    assert "Pengingat indeks dibuat: 1" in capsys.readouterr().out
    assert Notification.objects.filter(recipient=admin, kind=Kind.IID).count() == 1


def test_costs_are_rounded_half_up() -> None:
    assert two(D("0.125")) == D("0.13")
