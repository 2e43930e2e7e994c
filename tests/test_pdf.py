"""The PDF pipeline and the innovation profile: text read back with pypdf, access like the page."""

import datetime as dt
import io
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from pypdf import PdfReader

from lumbung.innovations.models import Attachment, TeamMember
from lumbung.reports import pdf as pdf_pipeline
from lumbung.reports.exports import profile

from .factories import make_version, walk_to


def pdf_text(data: bytes) -> str:
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    # Lines wrap anywhere in a PDF: compare on text with single spaces.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def version(innovator, verifier, admin, region, unit, make_user):
    version = make_version(
        innovator,
        region,
        unit,
        name="Layanan Antar Obat Lansia",
        trial_date=dt.date(2023, 2, 1),
        implementation_date=dt.date(2023, 12, 7),
        budget=1_250_000,
    )
    TeamMember.objects.create(version=version, name="Andi Mappanyukki", role="Ketua tim", position=1)
    TeamMember.objects.create(version=version, user=innovator, role="Anggota", position=2)
    Attachment.objects.create(
        version=version, kind="foto", caption="Foto penyerahan obat", original_name="a.jpg",
        content_type="image/jpeg", extension=".jpg", size=10, sha256="0" * 64, file="x.jpg",
    )  # fmt: skip
    version = walk_to(version, "disetujui", innovator, verifier, admin)
    return version


@pytest.mark.django_db
def test_profile_pdf_holds_the_whole_profile(client, admin, version):
    client.force_login(admin)
    response = client.get(reverse("reports:pdf_innovation", args=[version.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    number = f"INOV/73.72/2023/{version.innovation_id:06d}"
    assert response["Content-Disposition"] == (
        f'attachment; filename="profil-INOV-73.72-2023-{version.innovation_id:06d}.pdf"'
    )
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.pages[0].mediabox.width == pytest.approx(595.3, abs=1)  # A4 in points
    assert reader.pages[0].mediabox.height == pytest.approx(841.9, abs=1)
    text = pdf_text(response.content)
    for expected in (
        "PEMERINTAH KOTA PAREPARE",
        "DINAS KESEHATAN",
        "Layanan Antar Obat Lansia",
        number,
        "1 Februari 2023",  # trial date
        "7 Desember 2023",  # implementation date
        "Rp 1.250.000",
        "Kesehatan",
        "Mendekatkan layanan obat kepada lansia.",
        "Rancang bangun layanan kesehatan terpadu",
        "Andi Mappanyukki",
        "Ketua tim",
        "Inovator",  # the team member who is a user, by full name
        "Foto penyerahan obat",
        "Draf → Diajukan",
        "Sedang divalidasi → Disetujui",
        "WITA",  # history in the region's zone
        f"http://127.0.0.1:8000/inovasi/{version.pk}/",
        "Halaman 1 dari 2",
        f"{number} Halaman 2 dari 2",  # the footer of every page names the document
        "Dicetak dari Lumbung pada",
    ):
        assert expected in text, expected


@pytest.mark.django_db
def test_the_qr_code_points_to_the_page(version, settings):
    settings.LUMBUNG_BASE_URL = "https://inovasi.pareparekota.go.id"
    context = profile.profile_context(version)
    assert context["page_url"] == f"https://inovasi.pareparekota.go.id/inovasi/{version.pk}/"
    assert context["qr"] == profile.qr_data_uri(context["page_url"])
    assert context["qr"].startswith("data:image/svg+xml")


@pytest.mark.django_db
def test_who_may_download_the_profile(
    client, version, innovator, other_innovator, foreign_admin, leader, verifier
):
    url = reverse("reports:pdf_innovation", args=[version.pk])
    response = client.get(url)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    for outsider in (other_innovator, foreign_admin):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    for reader in (innovator, leader, verifier):
        client.force_login(reader)
        assert client.get(url).status_code == 200
    assert client.get(reverse("reports:pdf_innovation", args=[999_999])).status_code == 404


@pytest.mark.django_db
def test_markup_in_a_name_prints_as_text(client, innovator, region, unit):
    version = make_version(innovator, region, unit, name="<script>alert(1)</script> <b>Tebal</b>")
    client.force_login(innovator)
    text = pdf_text(client.get(reverse("reports:pdf_innovation", args=[version.pk])).content)
    assert "<script>alert(1)</script> <b>Tebal</b>" in text


@pytest.mark.django_db
def test_detail_page_links_the_pdf_and_shows_the_number(client, innovator, version):
    client.force_login(innovator)
    body = client.get(reverse("innovations:detail", args=[version.pk])).content.decode()
    assert reverse("reports:pdf_innovation", args=[version.pk]) in body
    assert version.registration_number in body


def test_render_pdf_fetches_nothing_from_outside(settings, tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("RAHASIA")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    (tmp_path / "doc.html").write_text(
        '{% extends "reports/pdf/base.html" %}{% block body %}<p>Isi</p>'
        f'<img src="file://{secret}"><iframe src="file://{secret}"></iframe>'
        '<img src="http://10.255.255.1/x.png">{% endblock %}'
    )
    data = pdf_pipeline.render_pdf("doc.html", {})
    assert "Isi" in pdf_text(data) and "RAHASIA" not in pdf_text(data)


def test_missing_weasyprint_is_a_clear_error(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_weasyprint(name, *args, **kwargs):
        if name.startswith("weasyprint"):
            raise OSError("cannot load library 'pango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    with pytest.raises(pdf_pipeline.PdfUnavailable, match="Pango"):
        pdf_pipeline.render_pdf("reports/pdf/base.html", {})


@pytest.mark.django_db
def test_cli_prints_a_profile(tmp_path: Path, version):
    target = tmp_path / "profil.pdf"
    out = StringIO()
    call_command("pdf", "innovation", str(version.pk), "-o", str(target), stdout=out)
    assert version.registration_number in out.getvalue()
    text = pdf_text(target.read_bytes())
    assert "Layanan Antar Obat Lansia" in text and "7 Desember 2023" in text
    with pytest.raises(CommandError, match="999999"):
        call_command("pdf", "innovation", "999999", "-o", str(tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists()


def test_letterhead_adds_the_kind_when_the_name_lacks_it():
    from lumbung.regions.models import Region

    assert profile.letterhead_title(Region(name="Kota Parepare", kind="kota")) == "PEMERINTAH KOTA PAREPARE"
    assert profile.letterhead_title(Region(name="Barru", kind="kabupaten")) == "PEMERINTAH KABUPATEN BARRU"
