"""In a real browser: an admin imports innovations from a spreadsheet, fixes what the preview flagged,
watches the job, exports the list back and prints a profile."""

import io
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from lumbung.innovations.models import InnovationVersion
from lumbung.jobs import queue
from tests.factories import LONG_DESIGN

from .test_journey import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def filled(template: Path, rows: list[dict[str, object]]) -> bytes:
    """The downloaded template with our rows in place of its example row."""
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    sheet.delete_rows(2, sheet.max_row)
    for row in rows:
        sheet.append([row.get(str(header), None) for header in headers])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def row(name: str, unit: str) -> dict[str, object]:
    return {
        "Nama Inovasi": name,
        "Unit": unit,
        "Tahun": 2024,
        "Tahapan": "Inisiatif",
        "Inisiator": "OPD",
        "Jenis": "Digital",
        "Bentuk": "Inovasi pelayanan publik",
        "Urusan Utama": "Kesehatan",
        "Rancang Bangun": LONG_DESIGN,
    }


def upload(page, base: str, content: bytes, name: str) -> None:
    page.goto(f"{base}/laporan/impor/73.72/inovasi/")
    page.set_input_files(
        "input[type=file]", files=[{"name": name, "mimeType": "application/octet-stream", "buffer": content}]
    )
    page.get_by_role("button", name="Unggah dan periksa").click()
    page.wait_for_load_state("networkidle")
    queue.run_pending()  # the worker's part
    page.reload()
    result = page.get_by_role("link", name="Lihat hasil pemeriksaan")
    if result.count():
        result.click()


def test_import_fix_confirm_export_print(browser, live_server, admin, unit, shots: Path, tmp_path: Path):
    base = live_server.url
    page = log_in(browser, base, admin.email)

    page.goto(f"{base}/laporan/impor/73.72/inovasi/")
    with page.expect_download() as template_download:
        page.get_by_role("link", name="Unduh templat XLSX").click()
    template = tmp_path / "templat.xlsx"
    template_download.value.save_as(template)

    # A first file with one bad row: the preview names row, column and problem; nothing is written.
    upload(
        page,
        base,
        filled(template, [row("Antar Obat", "dinkes"), row("Salah Unit", "Dinas Antah")]),
        "a.xlsx",
    )
    content = page.content()
    assert "Dinas Antah" in content and "tidak ditemukan" in content
    assert page.get_by_role("button", name="Konfirmasi impor").count() == 0
    page.screenshot(path=shots / "1-preview-with-errors.png", full_page=True)
    assert not InnovationVersion.objects.filter(name="Antar Obat").exists()

    # The fixed file passes; the admin confirms and the write job runs.
    upload(
        page,
        base,
        filled(template, [row("Antar Obat", "Dinkes"), row("Jemput Sampah", "Dinas Kesehatan")]),
        "b.xlsx",
    )
    page.screenshot(path=shots / "2-preview-ok.png", full_page=True)
    page.get_by_role("button", name="Konfirmasi impor").click()
    page.wait_for_load_state("networkidle")
    queue.run_pending()
    page.reload()
    page.screenshot(path=shots / "3-imported.png", full_page=True)
    assert set(InnovationVersion.objects.values_list("name", flat=True)) == {"Antar Obat", "Jemput Sampah"}

    # Export the list back and print one profile.
    page.goto(f"{base}/inovasi/")
    page.locator("details.menu summary").click()
    with page.expect_download() as export_download:
        page.get_by_role("link", name="XLSX (Excel), sesuai filter").click()
    exported = tmp_path / "ekspor.xlsx"
    export_download.value.save_as(exported)
    names = {
        r[1] for r in openpyxl.load_workbook(exported).worksheets[0].iter_rows(min_row=2, values_only=True)
    }
    assert names == {"Antar Obat", "Jemput Sampah"}

    page.get_by_role("link", name="Antar Obat").click()
    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Cetak PDF").click()
    pdf = tmp_path / "profil.pdf"
    pdf_download.value.save_as(pdf)
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "Antar Obat" in text and "Dinas Kesehatan" in text
