"""The demo's lab cohorts: Parepare 2023 and this year's under way; stats, idempotence, the page's queries."""

import datetime as dt
import json
import zoneinfo
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from lumbung.accounts.models import User
from lumbung.labs.calendar import session_events
from lumbung.labs.models import Cohort, Participant, Session, Team, region_today

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


@pytest.fixture
def current(demo: Cohort) -> Cohort:
    return Cohort.objects.exclude(pk=demo.pk).get(region=demo.region)


def test_stats_json_reports_the_demo_cohorts(demo: Cohort, current: Cohort) -> None:
    out = StringIO()
    call_command("stats", "--json", "--region", "73.72", stdout=out)
    cohort, this_year = json.loads(out.getvalue())["73.72"]["cohorts"]
    year = region_today(demo.region).year
    assert this_year["name"] == f"Laboratorium Inovasi Kota Parepare {year}" and this_year["year"] == year
    assert this_year["teams"] == 12 and this_year["participants"] == 28
    assert [s["mode"] for s in this_year["stages"]] == ["daring", "daring", "daring+luring"] + ["luring"] * 3
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
    assert counts == (66 + 29, 38 + 12, 8 + 9, 2)  # each cohort's participants and the coach
    assert (Participant.objects.filter(cohort=demo).count(), demo.teams.count()) == (66, 38)
    assert Participant.objects.filter(team__isnull=True, role="participant").count() == 0


def test_current_cohort_is_under_way_today(demo: Cohort, current: Cohort) -> None:
    today = region_today(current.region)
    assert current.name == f"Laboratorium Inovasi Kota Parepare {today.year}" and current.year == today.year
    assert current.partner == "Puslatbang KMP LAN Makassar" and current.theme
    stages = list(current.stages.order_by("position"))
    assert [s.state(today) for s in stages] == [
        "closed",
        "closed",
        "open",
        "upcoming",
        "upcoming",
        "upcoming",
    ]
    assert current.state(stages, today) == "open"
    assert stages[0].meeting_link.startswith("https://") and stages[0].mode == "daring"
    assert stages[2].mode == "campuran" and stages[2].meeting_link and stages[2].venue
    assert all(s.venue == "Aula Bappeda Kota Parepare" for s in stages[3:])
    assert current.teams.count() == 12
    coach = User.objects.get(email="coach@parepare.demo")
    assert not current.teams.exclude(coach=coach).exists()
    assert Participant.objects.filter(cohort=current, user=coach, role="coach").exists()
    assert not Participant.objects.filter(cohort=current, role="participant", team__isnull=True).exists()
    now = timezone.now()
    sessions = Session.objects.filter(stage__cohort=current)
    assert sessions.filter(starts_at__gt=now, starts_at__lt=now + dt.timedelta(days=14)).exists()
    assert sessions.filter(ends_at__lt=now).exists()
    # The coach's calendar feed shows the coming session.
    upcoming = sessions.filter(starts_at__gt=now).first()
    assert upcoming is not None
    assert any(event.uid == f"lab-sesi-{upcoming.pk}@lumbung" for event in session_events(coach))


def test_current_cohort_is_found_again_in_a_later_year(demo: Cohort, current: Cohort) -> None:
    """A run in a new year renames last year's demo cohort rather than adding another one."""
    current.name, current.year = "Laboratorium Inovasi Kota Parepare 2024", 2024
    current.save()
    call_command("demo", stdout=StringIO())
    current.refresh_from_db()
    assert current.year == region_today(current.region).year and Cohort.objects.count() == 2
    assert current.teams.count() == 12


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
