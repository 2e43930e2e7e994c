"""The Parepare 2023 cohort of the demo: stats, idempotence, the page's queries."""

import json
import zoneinfo
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from lumbung.accounts.models import User
from lumbung.labs.models import Cohort, Participant, Session, Team

pytestmark = pytest.mark.django_db

STAGES = [
    ("Drum-up", "2023-11-21", "2023-11-21", "daring"),
    ("Diagnose", "2023-11-21", "2023-11-21", "daring"),
    ("Design", "2023-11-21", "2023-11-21", "daring"),
    ("Deliver", "2023-12-07", "2023-12-08", "luring"),
    ("Display", "2023-12-07", "2023-12-08", "luring"),
    ("Documentation", "2023-12-07", "2023-12-08", "luring"),
]


@pytest.fixture
def demo(db: None) -> Cohort:
    call_command("demo", stdout=StringIO())
    return Cohort.objects.get(name="Laboratorium Inovasi Kota Parepare 2023")


def test_stats_json_reports_the_demo_cohort(demo: Cohort) -> None:
    out = StringIO()
    call_command("stats", "--json", "--region", "73.72", stdout=out)
    (cohort,) = json.loads(out.getvalue())["73.72"]["cohorts"]
    assert cohort["name"] == "Laboratorium Inovasi Kota Parepare 2023" and cohort["year"] == 2023
    assert cohort["participants"] == 65 and cohort["teams"] == 38
    assert [(s["name"], s["start"], s["end"], s["mode"]) for s in cohort["stages"]] == STAGES
    text = StringIO()
    call_command("stats", stdout=text)
    assert (
        "Angkatan lab: Laboratorium Inovasi Kota Parepare 2023 (2023), 65 peserta, 38 tim" in text.getvalue()
    )


def test_demo_cohort_matches_the_report_and_is_idempotent(demo: Cohort) -> None:
    assert demo.partner == "Puslatbang KMP LAN Makassar"
    assert demo.theme.startswith("Strategi Pengembangan Sistem Inovasi Daerah")
    assert all(s.venue == "Puslatbang KMP LAN Makassar" for s in demo.stages.filter(mode="luring"))
    clinic = Session.objects.get(stage__cohort=demo, kind=Session.Kind.CLINIC)
    assert clinic.starts_at.astimezone(zoneinfo.ZoneInfo("Asia/Makassar")).date().isoformat() == "2023-12-08"
    opening = Session.objects.get(stage__cohort=demo, kind=Session.Kind.OPENING)
    assert "Akbar Ali, Pj Wali Kota Parepare" in opening.speakers
    coach = User.objects.get(email="coach@parepare.demo")
    assert Team.objects.filter(cohort=demo).exclude(coach=coach).count() == 0
    counts = (
        Participant.objects.count(),
        Team.objects.count(),
        Session.objects.count(),
        Cohort.objects.count(),
    )
    call_command("demo", stdout=StringIO())
    assert (
        Participant.objects.count(), Team.objects.count(), Session.objects.count(), Cohort.objects.count()
    ) == counts  # fmt: skip
    assert counts[:2] == (66, 38)  # 65 participants and the coach
    assert Participant.objects.filter(team__isnull=True, role="participant").count() == 0


def test_cohort_page_queries_are_bounded(
    demo: Cohort, client: Any, django_assert_max_num_queries: Any
) -> None:
    for email in ("admin@parepare.demo", "coach@parepare.demo", "inovator.dinkes@parepare.demo"):
        client.force_login(User.objects.get(email=email))
        with django_assert_max_num_queries(14):
            response = client.get(reverse("labs:detail", args=[demo.pk]))
        page = response.content.decode()
        assert response.status_code == 200
        assert "21 November 2023" in page and "7 Desember 2023 – 8 Desember 2023" in page
        assert "09.00–09.45 WITA" in page and "Selesai" in page
        assert "65 peserta" in page and "38 tim" in page
        with django_assert_max_num_queries(12):
            assert client.get(reverse("labs:list")).status_code == 200
