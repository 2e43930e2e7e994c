"""The readiness report as a PDF: both projections, what loses points, what to do first; built as a job."""

import io
from typing import Any

import pypdf
import pytest
from django.urls import reverse

from lumbung.accounts.models import User
from lumbung.assessment.answers import answer_save
from lumbung.assessment.models import Edition
from lumbung.innovations.models import InnovationVersion, Status
from lumbung.jobs import queue
from lumbung.jobs.models import Job
from lumbung.regions.models import Region, Unit
from lumbung.reports.iid.readiness import readiness_pdf

from .factories import make_version, set_status

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(
    edition_2026: Edition, region: Region, unit: Unit, admin: User, innovator: User
) -> InnovationVersion:
    version = set_status(
        make_version(innovator, region, unit, year=2026, name="Antar Obat Lansia"), Status.APPROVED
    )
    answer_save(
        actor=innovator,
        edition=edition_2026,
        region=region,
        indicator=edition_2026.indicators.get(number="35"),
        version=version,
        level=1,
    )
    return version


def text_of(content: bytes) -> str:
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.split())  # lines wrap inside table cells


def test_the_report_shows_both_projections_the_costs_and_the_improvements(
    reported: InnovationVersion, region: Region, edition_2026: Edition
) -> None:
    text = text_of(readiness_pdf(region, edition_2026))
    assert "LAPORAN KESIAPAN INDEKS INOVASI DAERAH" in text
    assert f"IID-2026-{region.code}" in text
    assert "Klaim unit" in text and "Terverifikasi" in text
    # The video answer has no evidence: it scores 0 and says so, and raising it is among the first steps.
    assert "belum punya bukti dukung" in text
    assert "Video inovasi daerah" in text
    assert "Antar Obat Lansia" in text
    assert text.index("Yang mengurangi nilai") < text.index("Apa yang diperbaiki lebih dulu")


def test_the_report_runs_as_a_job_and_ends_as_a_download(
    reported: InnovationVersion, region: Region, admin: User, client: Any
) -> None:
    client.force_login(admin)
    page = client.get(reverse("assessment:index_readiness", args=[region.code, 2026])).content.decode()
    url = reverse("reports:iid_readiness_pdf", args=[region.code, 2026])
    assert url in page
    response = client.post(url)
    job = Job.objects.get()
    assert response.status_code == 302 and response.url == reverse("jobs:detail", args=[job.pk])
    queue.run_pending()
    job.refresh_from_db()
    assert job.state == Job.State.DONE, job.error
    assert job.result_name.endswith(".pdf")
    content = b"".join(client.get(reverse("jobs:download", args=[job.pk])).streaming_content)
    assert "LAPORAN KESIAPAN" in text_of(content)


def test_only_admins_and_verifiers_print_and_other_regions_see_nothing(
    reported: InnovationVersion, region: Region, leader: User, foreign_admin: User, client: Any
) -> None:
    url = reverse("reports:iid_readiness_pdf", args=[region.code, 2026])
    client.force_login(leader)
    assert (
        url
        not in client.get(reverse("assessment:index_readiness", args=[region.code, 2026])).content.decode()
    )
    assert client.post(url).status_code == 403
    client.force_login(foreign_admin)
    assert client.post(url).status_code == 404
    assert client.get(url).status_code == 405
    assert not Job.objects.exists()


def test_a_long_readiness_list_shows_the_costliest_and_counts_the_rest(
    reported: InnovationVersion, region: Region, admin: User, client: Any, monkeypatch: Any
) -> None:
    from lumbung.assessment import index_views

    monkeypatch.setattr(index_views, "READINESS_SHOWN", 3)
    client.force_login(admin)
    body = client.get(reverse("assessment:index_readiness", args=[region.code, 2026])).content.decode()
    assert "Menampilkan 3 hal termahal dari" in body
    assert body.count(">Buka</a>") == 3
