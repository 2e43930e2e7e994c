"""The cohort's documentation book: PDF text read back with pypdf, XLSX with openpyxl, and the job."""

import datetime as dt
import hashlib
import io
import os
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import openpyxl
import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from lumbung.accounts.models import Membership, Role, User
from lumbung.jobs import queue
from lumbung.jobs.models import Job
from lumbung.labs.models import (
    Design,
    Entry,
    Milestone,
    MilestoneStatus,
    MilestoneUpdate,
    Problem,
    RankingPublication,
    Team,
    TeamFile,
)
from lumbung.regions.models import Urusan
from lumbung.reports.labbook.builder import build_book
from lumbung.reports.labbook.render import book_pdf, book_xlsx

from .test_labs_dashboard import Handmade, _more_teams, handmade  # noqa: F401 - the shared cohort


def png(colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(buffer, "PNG")
    return buffer.getvalue()


def stored(team: Team, purpose: str, name: str, content: bytes, caption: str, kind: str) -> TeamFile:
    row = TeamFile(
        team=team,
        purpose=purpose,
        caption=caption,
        original_name=name,
        content_type=kind,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )
    row.file.save(name, ContentFile(content), save=False)
    row.save()
    return row


@pytest.fixture
def book(handmade: Handmade) -> Handmade:  # noqa: F811 - pytest hands in the imported fixture
    """The dashboard's cohort, with team A's problems, design, evidence, poster and a photo."""
    cohort, team = handmade.cohort, handmade.teams["A"]
    cohort.partner, cohort.theme = "LAN RI", "Layanan kesehatan lansia"
    cohort.save()
    for title, u, s, g in [
        ("Antrean obat panjang", 3, 4, 5),  # 60
        ("Data lansia tidak mutakhir", 5, 5, 4),  # 100
        ("Jarak puskesmas jauh", 2, 2, 2),  # 8
    ]:
        Problem.objects.create(team=team, title=title, urgency=u, seriousness=s, growth=g)
    Design.objects.create(
        team=team,
        name="Layanan Antar Obat Lansia",
        main_urusan=Urusan.objects.get(name="Kesehatan"),
        goals="Mendekatkan layanan obat kepada lansia.",
        benefits="Lansia tidak perlu antre di puskesmas.",
        design="Kurir puskesmas mengantar obat ke rumah.",
        indicator_name="Waktu tunggu obat",
        indicator_unit="menit",
        baseline=Decimal("120"),
        target=Decimal("30"),
        actual=Decimal("45.5"),
    )
    evidence = stored(team, "bukti", "ba.pdf", b"%PDF-1.4 bukti", "Berita acara uji coba", "application/pdf")
    MilestoneUpdate.objects.create(
        milestone=Milestone.objects.get(team=team, position=2),
        status=MilestoneStatus.DONE,
        percent=100,
        reported_on=dt.date(2026, 3, 2),
        evidence=evidence,
    )
    stored(team, "foto", "peluncuran.png", png((200, 40, 40)), "Peluncuran layanan", "image/png")
    poster = stored(team, "poster", "poster.png", png((40, 40, 200)), "", "image/png")
    Entry.objects.filter(team=team).update(poster=poster)
    return handmade


def pdf_text(data: bytes) -> str:
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def chapter(text: str, title: str, following: str | None) -> str:
    start = text.index(title)
    return text[start : text.index(following) if following else len(text)]


# The PDF


@pytest.mark.django_db
def test_pdf_opens_with_the_cover_then_the_cohort_in_figures(book: Handmade) -> None:
    data = book_pdf(build_book(book.cohort))
    reader = PdfReader(io.BytesIO(data))
    cover = " ".join(reader.pages[0].extract_text().split())
    for text in ["PEMERINTAH KOTA PAREPARE", "Buku Dokumentasi Laboratorium Inovasi", "Lab Inovasi Uji"]:
        assert text in cover
    assert "LAN RI" in cover and "2026" in cover and "Layanan kesehatan lansia" in cover
    assert "Kota Parepare" in cover and "ANGKATAN DALAM ANGKA" not in cover  # the cover is a page alone
    text = pdf_text(data)
    assert "ANGKATAN DALAM ANGKA" in text and "4 sesi, 3 sudah terlaksana" in text
    assert "53,3% (8 kehadiran tercatat)" in text
    assert "Kehadiran per sesi" in text and "Pembukaan lab" in text and "Lokakarya USG" in text


@pytest.mark.django_db
def test_pdf_has_one_chapter_per_team_in_name_order(book: Handmade) -> None:
    text = pdf_text(book_pdf(build_book(book.cohort)))
    first = text.index("Bab 1 · Tim Dinas Kesehatan")
    second = text.index("Bab 2 · Tim Dinas Perdagangan")
    third = text.index("Bab 3 · Tim Kecamatan Ujung")
    assert first < second < third


@pytest.mark.django_db
def test_a_team_chapter_holds_its_whole_story(book: Handmade) -> None:
    text = pdf_text(book_pdf(build_book(book.cohort)))
    a = chapter(text, "Bab 1 · Tim Dinas Kesehatan", "Bab 2 ·")
    assert "Dinas Kesehatan" in a and "Coach" in a and "Inovator (Dinkes)" in a
    # Problems in USG order: 100, 60, 8.
    assert (
        a.index("Data lansia tidak mutakhir") < a.index("Antrean obat panjang") < a.index("Jarak puskesmas")
    )
    assert "Jemput bola imunisasi — gagasan terpilih" in a and "Antar obat lansia" in a
    for text_ in [
        "Layanan Antar Obat Lansia",
        "Inovasi pelayanan publik",
        "Non digital",
        "Kesehatan",
        "Mendekatkan layanan obat kepada lansia.",
        "Lansia tidak perlu antre di puskesmas.",
        "Kurir puskesmas mengantar obat ke rumah.",
    ]:
        assert text_ in a, text_
    assert "Kegiatan 1" in a and "terlambat" in a and "Berita acara uji coba" in a
    assert "Waktu tunggu obat (menit) 120,00 30,00 45,50" in a
    assert "Obat sampai ke rumah lansia." in a and "Nilai juri: belum diumumkan" in a
    assert "Peluncuran layanan" in a
    c = chapter(text, "Bab 3 · Tim Kecamatan Ujung", None)
    assert "Belum ada masalah yang dicatat." in c and "Belum ada rancangan inovasi." in c
    assert "Belum ada karya pameran." in c and "Belum ada foto." in c


@pytest.mark.django_db
def test_photos_and_the_poster_are_embedded_as_images(book: Handmade) -> None:
    reader = PdfReader(io.BytesIO(book_pdf(build_book(book.cohort))))
    # WeasyPrint shares one resource dictionary between pages: count the distinct pictures.
    assert len({image.data for page in reader.pages for image in page.images}) == 2


@pytest.mark.django_db
def test_a_missing_photo_file_is_left_out_not_fatal(book: Handmade) -> None:
    photo = TeamFile.objects.get(purpose="foto")
    photo.file.storage.delete(str(photo.file.name))
    chapters = build_book(book.cohort).chapters
    assert [p.caption for p in chapters[0].photos] == ["Poster"]


@pytest.mark.django_db
def test_score_and_rank_appear_once_the_ranking_is_published(book: Handmade, admin: User) -> None:
    RankingPublication.objects.create(cohort=book.cohort, top_n=1, published_by=admin)
    text = pdf_text(book_pdf(build_book(book.cohort)))
    # A: 60% × mean(80, 90) + 40% × 70 = 79; B: 60% × mean(60, 10) + 40% × 90 = 57.
    assert "Nilai juri: 79,00 · peringkat 1 dari 2" in chapter(text, "Bab 1 ·", "Bab 2 ·")
    assert "Nilai juri: 57,00 · peringkat 2 dari 2" in chapter(text, "Bab 2 ·", "Bab 3 ·")
    assert "Nilai juri: tidak dinilai" in chapter(text, "Bab 3 ·", None)


@pytest.mark.django_db
def test_the_builder_runs_a_fixed_number_of_queries(book: Handmade, make_user: Callable[..., User]) -> None:
    with CaptureQueriesContext(connection) as small:
        build_book(book.cohort)
    _more_teams(book.cohort, make_user, 4)
    with CaptureQueriesContext(connection) as bigger:
        assert len(build_book(book.cohort).chapters) == 7
    assert len(bigger) == len(small) <= 20


# The XLSX


@pytest.mark.django_db
def test_xlsx_has_a_sheet_per_section(book: Handmade) -> None:
    workbook = openpyxl.load_workbook(io.BytesIO(book_xlsx(build_book(book.cohort, with_images=False))))
    sheets = {s.title: list(s.iter_rows(values_only=True)) for s in workbook.worksheets}
    assert list(sheets) == [
        "Sampul",
        "Angkatan dalam angka",
        "Kehadiran per sesi",
        "Tim",
        "Anggota",
        "Masalah",
        "Gagasan",
        "Rancangan",
        "Indikator",
        "Rencana aksi",
        "Bukti pelaksanaan",
        "Pameran",
        "Foto",
    ]
    cover = dict(sheets["Sampul"][1:])
    assert cover["Nama angkatan"] == "Lab Inovasi Uji" and cover["Tahun"] == 2026
    assert cover["Mitra penyelenggara"] == "LAN RI" and cover["Wilayah"] == "Kota Parepare"
    figures = dict(sheets["Angkatan dalam angka"][1:])
    assert figures["Tim"] == 3 and figures["Peserta"] == 5 and figures["Persentase kehadiran"] == 53.3
    assert [row[0] for row in sheets["Kehadiran per sesi"][1:]] == [
        "Pembukaan lab",
        "Lokakarya komitmen",
        "Lokakarya USG",
        "Lokakarya rancangan",
    ]
    assert [row[:3] for row in sheets["Tim"][1:]] == [
        (1, "Tim Dinas Kesehatan", "Dinas Kesehatan"),
        (2, "Tim Dinas Perdagangan", "Dinas Perdagangan"),
        (3, "Tim Kecamatan Ujung", "Kecamatan Ujung"),
    ]
    assert sheets["Tim"][1][6:] == (
        "Jemput bola imunisasi",
        "Layanan Antar Obat Lansia",
        None,
        "belum diumumkan",
    )
    assert [row[1:3] + row[-1:] for row in sheets["Masalah"][1:]] == [
        (1, "Data lansia tidak mutakhir", 100),
        (2, "Antrean obat panjang", 60),
        (3, "Jarak puskesmas jauh", 8),
    ]
    chosen = {row[1]: row[5] for row in sheets["Gagasan"][1:]}
    assert chosen["Jemput bola imunisasi"] == "Ya" and chosen["Antar obat lansia"] == "Tidak"
    assert sheets["Rancangan"][1][:5] == (
        "Tim Dinas Kesehatan",
        "Layanan Antar Obat Lansia",
        "Inovasi pelayanan publik",
        "Non digital",
        "Kesehatan",
    )
    assert sheets["Indikator"][1:] == [("Tim Dinas Kesehatan", "Waktu tunggu obat", "menit", 120, 30, 45.5)]
    plan = sheets["Rencana aksi"][1]
    assert plan[:3] == ("Tim Dinas Kesehatan", 1, "Kegiatan 1") and plan[-1] == "Ya"
    assert plan[4] == dt.datetime.combine(book.today - dt.timedelta(days=1), dt.time())
    assert sheets["Bukti pelaksanaan"][1][:6] == (
        "Tim Dinas Kesehatan", "Kegiatan 2", dt.datetime(2026, 3, 2), "Selesai", 100, "Berita acara uji coba"
    )  # fmt: skip
    assert sheets["Pameran"][1:] == [
        ("Tim Dinas Kesehatan", "Obat sampai ke rumah lansia.", None, None, "belum diumumkan"),
        ("Tim Dinas Perdagangan", "Pasar tanpa antre.", None, None, "belum diumumkan"),
    ]
    assert sheets["Foto"][1:] == [
        ("Tim Dinas Kesehatan", "Poster", "poster.png"),
        ("Tim Dinas Kesehatan", "Peluncuran layanan", "peluncuran.png"),
    ]


@pytest.mark.django_db
def test_xlsx_carries_the_published_score(book: Handmade, admin: User) -> None:
    RankingPublication.objects.create(cohort=book.cohort, top_n=2, published_by=admin)
    workbook = openpyxl.load_workbook(io.BytesIO(book_xlsx(build_book(book.cohort, with_images=False))))
    rows = list(workbook["Pameran"].iter_rows(min_row=2, values_only=True))
    assert [row[-2:] for row in rows] == [(79, 1), (57, 2)]


# One click on the dashboard: a job that ends as a download


@pytest.mark.django_db
@pytest.mark.parametrize(("fmt", "name"), [("pdf", "buku-dokumentasi-Lab-Inovasi-Uji.pdf"), ("xlsx", None)])
def test_the_book_runs_as_a_job_and_ends_as_a_download(
    client: Any, admin: User, book: Handmade, fmt: str, name: str | None
) -> None:
    client.force_login(admin)
    response = client.post(reverse("reports:cohort_book", args=[book.cohort.pk, fmt]))
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("jobs:detail", args=[job.pk])
    assert job.task == "reports.labbook" and job.created_by == admin and job.region == book.cohort.region
    assert queue.run_pending().done == 1
    job.refresh_from_db()
    assert job.state == Job.State.DONE and job.progress_done == job.progress_total == 4  # 3 chapters + file
    assert job.result_name == (name or "buku-dokumentasi-Lab-Inovasi-Uji.xlsx")
    assert job.result["next_url"] == reverse("labs:cohort_dashboard", args=[book.cohort.pk])
    detail = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert reverse("jobs:download", args=[job.pk]) in detail and "3 bab tim" in detail
    content = b"".join(client.get(reverse("jobs:download", args=[job.pk])).streaming_content)
    if fmt == "pdf":
        assert "Bab 3 · Tim Kecamatan Ujung" in pdf_text(content)
    else:
        assert "Masalah" in openpyxl.load_workbook(io.BytesIO(content)).sheetnames


@pytest.mark.django_db
def test_the_job_stops_when_the_admin_lost_the_role(client: Any, admin: User, book: Handmade) -> None:
    client.force_login(admin)
    client.post(reverse("reports:cohort_book", args=[book.cohort.pk, "pdf"]))
    Membership.objects.filter(user=admin, role=Role.ADMIN).update(is_active=False)
    assert queue.run_pending().failed == 1
    job = Job.objects.get()
    assert job.state == Job.State.FAILED and "Hanya admin wilayah" in job.error and not job.result_file


@pytest.mark.django_db
def test_the_book_needs_a_post_and_a_known_format(client: Any, admin: User, book: Handmade) -> None:
    client.force_login(admin)
    assert client.get(reverse("reports:cohort_book", args=[book.cohort.pk, "pdf"])).status_code == 405
    assert client.post(reverse("reports:cohort_book", args=[book.cohort.pk, "docx"])).status_code == 404
    assert not Job.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "status"), [("innovator", 403), ("lab_coach", 403), ("foreign_admin", 404)])
def test_only_the_regions_admins_may_make_the_book(
    client: Any, book: Handmade, who: str, status: int, request: Any
) -> None:
    client.force_login(request.getfixturevalue(who))
    assert client.post(reverse("reports:cohort_book", args=[book.cohort.pk, "xlsx"])).status_code == status
    assert not Job.objects.exists()


def test_the_book_task_is_registered_by_autodiscovery() -> None:
    # As the worker starts: it imports each app's tasks module and nothing else (no URLs, no views).
    code = (
        "import django; django.setup(); from lumbung.jobs import queue; queue.load_tasks(); "
        "print('reports.labbook' in queue.TASKS)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lumbung.settings"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == "True"
