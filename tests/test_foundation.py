"""Set-up promises: health check, settings, the demo region, stats, the console command."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection

from lumbung.accounts.models import Membership, User
from lumbung.innovations.models import InnovationVersion, Status
from lumbung.regions.models import Region, Unit, Urusan

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.django_db
def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_healthz_reports_a_broken_database(client):
    with mock.patch.object(connection, "cursor", side_effect=Exception("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "error"


@pytest.mark.django_db
def test_reference_data_is_shipped():
    assert Region.objects.filter(kind=Region.Kind.PROVINCE).count() == 38
    assert Region.objects.get(code="73").name == "Sulawesi Selatan"
    assert Region.objects.get(code="73").timezone == "Asia/Makassar"
    assert Region.objects.get(code="94").timezone == "Asia/Jayapura"
    assert Urusan.objects.filter(category="wajib_dasar").count() == 6


def run_settings(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("LUMBUNG_") and k != "DATABASE_URL"}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        env={**clean, "DJANGO_SETTINGS_MODULE": "lumbung.settings", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_secrets():
    refused = run_settings({"LUMBUNG_ENV": "production"})
    assert refused.returncode != 0 and "LUMBUNG_SECRET_KEY" in refused.stderr
    no_hosts = run_settings({"LUMBUNG_ENV": "production", "LUMBUNG_SECRET_KEY": "x" * 50})
    assert no_hosts.returncode != 0 and "LUMBUNG_ALLOWED_HOSTS" in no_hosts.stderr
    started = run_settings(
        {
            "LUMBUNG_ENV": "production",
            "LUMBUNG_SECRET_KEY": "x" * 50,
            "LUMBUNG_ALLOWED_HOSTS": "inovasi.go.id",
        }
    )
    assert started.returncode == 0, started.stderr


def test_sqlite_runs_in_wal_mode_with_foreign_keys(db):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        assert cursor.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.fixture
def demo(db):
    call_command("demo", stdout=StringIO())
    return Region.objects.get(code="73.72")


def test_demo_region_matches_the_2023_lab(demo):
    assert demo.name == "Kota Parepare" and demo.timezone == "Asia/Makassar" and demo.parent.code == "73"
    units = Unit.objects.filter(region=demo)
    kinds = {
        kind: units.filter(kind=kind).count()
        for kind in ("kecamatan", "kelurahan", "puskesmas", "uptd", "bagian")
    }
    assert kinds == {"kecamatan": 2, "kelurahan": 6, "puskesmas": 2, "uptd": 10, "bagian": 2}
    skpd = units.filter(kind__in=["dinas", "badan", "inspektorat", "rsud"]).exclude(short_name="Bappeda")
    assert skpd.count() == 16
    innovators = Membership.objects.filter(region=demo, role="innovator")
    assert innovators.count() == 65
    assert innovators.values("unit").distinct().count() == 38


def test_demo_innovations_cover_every_state_and_stage(demo):
    current = InnovationVersion.objects.filter(innovation__region=demo, is_current=True)
    assert current.count() == 21
    assert set(current.values_list("status", flat=True)) == set(Status.values)
    assert set(current.values_list("stage", flat=True)) == {"inisiatif", "uji_coba", "penerapan"}
    for name in ("Lancar HD", "Juragan KonCer", "Rabies Centre", "Kantong Kreatif Bacukiki"):
        assert current.filter(name__icontains=name).exists(), name
    submitted = current.exclude(status=Status.DRAFT)
    assert all(v.design_word_count >= 300 for v in submitted)
    # Every innovation was reported for 2023 and again for 2026 (the index demo); the real ones for 2022
    # too. Earlier reports are kept.
    assert InnovationVersion.objects.filter(innovation__region=demo, is_current=False).count() == 21 + 7


def test_demo_logins_work_and_the_demo_is_idempotent(demo, client):
    for email in (
        "admin@parepare.demo",
        "verifikator@parepare.demo",
        "inovator.dinkes@parepare.demo",
        "pimpinan@parepare.demo",
    ):
        assert client.login(email=email, password="lumbung-demo"), email
    counts = (User.objects.count(), Unit.objects.count(), InnovationVersion.objects.count())
    call_command("demo", stdout=StringIO())
    assert (User.objects.count(), Unit.objects.count(), InnovationVersion.objects.count()) == counts
    dinkes = User.objects.get(email="inovator.dinkes@parepare.demo")
    assert dinkes.memberships.get().unit.short_name == "Dinkes"


def test_stats_json(demo):
    out = StringIO()
    call_command("stats", "--json", stdout=out)
    stats = json.loads(out.getvalue())["73.72"]
    assert stats["units"]["kecamatan"] == 2 and stats["units"]["kelurahan"] == 6
    assert stats["units"]["puskesmas"] == 2 and stats["units"]["uptd"] == 10
    assert stats["users"]["innovator"] == 65 and stats["users"]["admin"] == 1
    assert stats["innovations"]["total"] == 21
    assert sum(stats["innovations"]["status"].values()) == 21
    assert sum(stats["innovations"]["tahapan"].values()) == 21


def test_demo_pages_render_for_each_role(demo, client, django_assert_max_num_queries):
    for email in (
        "admin@parepare.demo",
        "verifikator@parepare.demo",
        "inovator.dinkes@parepare.demo",
        "pimpinan@parepare.demo",
        "coach@parepare.demo",
        "juri@parepare.demo",
    ):
        client.force_login(User.objects.get(email=email))
        home = client.get("/")
        assert home.status_code == 200
        with django_assert_max_num_queries(15):
            listing = client.get("/inovasi/")
        assert listing.status_code == 200
    client.force_login(User.objects.get(email="admin@parepare.demo"))
    assert "<svg" in client.get("/").content.decode()  # the registry charts


def test_console_command_is_installed():
    script = Path(sys.executable).parent / "lumbung"
    assert script.exists(), "pip install -e . installs the lumbung command"
    result = subprocess.run([str(script), "help"], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 0
    for command in ("demo", "stats", "serve", "createadmin"):
        assert command in result.stdout


def test_demo_publishes_its_approved_innovations_and_only_those(demo):
    from lumbung.innovations.models import Innovation
    from lumbung.innovations.search import search
    from lumbung.innovations.workflow import PUBLISHABLE_STATUSES

    innovations = Innovation.objects.filter(region=demo)
    published = innovations.filter(published_at__isnull=False)
    approved = innovations.filter(versions__is_current=True, versions__status__in=PUBLISHABLE_STATUSES)
    assert set(published) == set(approved) and published.count() >= 7
    draft = InnovationVersion.objects.filter(
        innovation__region=demo, is_current=True, status=Status.DRAFT
    ).first()
    assert draft is not None
    found = {hit.innovation_id for hit in search(draft.name, limit=50).hits}
    assert draft.innovation_id not in found
    first = published.first()
    assert first is not None
    name = first.versions.get(is_current=True).name
    assert search(name, limit=5).hits[0].innovation_id == first.pk
