"""The demo region's 2026 index: reports copied from 2023, answers with evidence, both stored scores."""

import datetime as dt
from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from lumbung.assessment import demo as index_demo
from lumbung.assessment import projections
from lumbung.assessment.calculator import Reason, two
from lumbung.assessment.models import Answer, Edition, Evidence, Projection, Score, VerificationState
from lumbung.innovations import demo_data
from lumbung.innovations.models import InnovationVersion, Stage, Status
from lumbung.regions.models import Region

WINDOW = (dt.date(2024, 1, 1), dt.date(2025, 12, 31))


@pytest.fixture
def demo(db: None) -> Region:
    call_command("demo", stdout=StringIO())
    return Region.objects.get(code="73.72")


@pytest.fixture
def edition(demo: Region) -> Edition:
    return Edition.objects.get(year=2026)


def test_every_innovation_is_reported_again_for_2026_in_the_same_spread(demo: Region) -> None:
    current = InnovationVersion.objects.filter(region=demo, is_current=True)
    assert current.count() == 21 and set(current.values_list("year", flat=True)) == {2026}
    assert set(current.values_list("status", flat=True)) == set(Status.values)
    assert set(current.values_list("stage", flat=True)) == set(Stage.values)
    assert all(v.design_word_count >= 300 for v in current.exclude(status=Status.DRAFT))
    for version in current:
        old = InnovationVersion.objects.get(innovation=version.innovation, year=2023)
        assert not old.is_current
        assert (version.name, version.design, version.main_urusan_id) == (
            old.name,
            old.design,
            old.main_urusan_id,
        )
        assert set(version.other_urusan.all()) == set(old.other_urusan.all())
        assert version.team.count() == old.team.count()
        assert version.transitions.count() == len(index_demo.registry_demo.PATHS[version.status])


def test_implementation_dates_mostly_fall_in_the_window(demo: Region) -> None:
    applied = InnovationVersion.objects.filter(region=demo, year=2026, stage=Stage.IMPLEMENTATION)
    inside = [v for v in applied if WINDOW[0] <= v.implementation_date <= WINDOW[1]]
    outside = [v for v in applied if v not in inside]
    assert len(inside) == len(applied) - 2
    # The two outside were not developed further either: readiness has something to flag.
    assert {v.name.split(" (")[0] for v in outside} == {"Rabies Centre", "SI-TERANG"}
    assert all(not v.developed_since for v in outside)
    developed = InnovationVersion.objects.filter(region=demo, year=2026).exclude(developed_since="")
    assert 5 <= developed.count() < 21


def test_the_expected_answers_and_evidence(demo: Region, edition: Edition) -> None:
    answers = Answer.objects.filter(region=demo, edition=edition)
    missing = sum(len(numbers) for numbers in index_demo.MISSING.values())
    assert answers.filter(version__isnull=True).count() == len(index_demo.SPD) == 19
    assert answers.filter(version__isnull=False).count() == 21 * 20 - missing
    # A mandatory SPD answer is missing, and mandatory SID answers of several innovations.
    assert not answers.filter(version__isnull=True, indicator__number="10a").exists()
    assert missing >= 4
    verified = answers.filter(verification=VerificationState.VERIFIED)
    rejected = answers.filter(verification=VerificationState.REJECTED)
    assert verified.count() > 100 and rejected.count() >= 10
    assert answers.filter(verification=VerificationState.UNVERIFIED).count() > 20
    assert not verified.filter(evidence__isnull=True).exists()  # nothing verified without evidence
    assert all(note for note in rejected.values_list("verifier_note", flat=True))
    assert answers.filter(evidence__isnull=True, level__gt=0).count() > 10
    assert answers.filter(level=0).exists()
    assert answers.filter(indicator__number="33", level__gt=0, basis__isnull=True).count() == 0
    # Links are clearly placeholders; files are small generated PDFs.
    evidence = Evidence.objects.filter(answer__region=demo, answer__edition=edition)
    links = evidence.exclude(url="").values_list("url", flat=True)
    assert links and all(url.startswith("https://contoh.parepare.go.id/") for url in links)
    files = evidence.filter(url="")
    assert files.count() == 2
    for item in files:
        with default_storage.open(item.file.name) as f:
            assert f.read().startswith(b"%PDF-")


def test_both_projections_give_a_nonzero_index_and_verification_costs_points(
    demo: Region, edition: Edition
) -> None:
    claimed = Score.objects.get(region=demo, edition=edition, projection=Projection.CLAIMED)
    verified = Score.objects.get(region=demo, edition=edition, projection=Projection.VERIFIED)
    assert 0 < verified.iid < claimed.iid < 100
    # Drafts are left out of the claim; only approved reports count once verified.
    assert claimed.innovations == 19 and verified.innovations == 12
    for score in (claimed, verified):
        fresh = projections.score_region(demo, edition, score.projection)
        assert (fresh.iid, two(fresh.total)) == (score.iid, score.total)
    result = projections.score_region(demo, edition, Projection.CLAIMED)
    reasons = {row.reason for innovation in result.innovations for row in innovation.rows}
    assert {Reason.NO_ANSWER, Reason.LEVEL_ZERO, Reason.NO_EVIDENCE} <= reasons


def test_the_demo_is_idempotent(demo: Region, edition: Edition) -> None:
    def snapshot() -> tuple[object, ...]:
        answers = Answer.objects.filter(region=demo, edition=edition)
        rows = sorted(
            answers.values_list(
                "version__name", "indicator__number", "level", "basis__code", "verification", "verifier_note"
            ),
            key=str,
        )
        links = sorted(Evidence.objects.filter(answer__in=answers).values_list("url", "sha256"))
        scores = sorted(
            Score.objects.filter(region=demo).values_list("projection", "iid", "total", "innovations")
        )
        versions = InnovationVersion.objects.filter(region=demo)
        return rows, links, scores, versions.count(), versions.filter(is_current=True).count()

    before = snapshot()
    call_command("demo", stdout=StringIO())
    assert snapshot() == before
    assert len(demo_data.INNOVATIONS) == len(index_demo.PLANS)
