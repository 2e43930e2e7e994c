"""Bad and real-world files: each bad one gets a clear message and writes nothing."""

import datetime as dt
import io
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from lumbung.innovations.models import InnovationVersion
from lumbung.jobs import queue
from lumbung.regions.models import Unit
from lumbung.reports.imports.innovations import COLUMNS
from lumbung.reports.imports.reading import ImportFileError, read_table
from lumbung.reports.models import ImportBatch
from tests.test_imports import HEADERS, checked, csv_bytes, innovation_row, upload, xlsx

FIXTURES = Path(__file__).parent / "fixtures"


def file_error(client, region, content: bytes, name: str = "data.xlsx") -> str:
    batch = checked(client, region, "inovasi", content, name)
    assert batch.state == ImportBatch.State.INVALID
    assert not InnovationVersion.objects.exists()
    return batch.file_error


@pytest.mark.django_db
def test_not_a_spreadsheet_is_refused_at_upload(admin_in_client, region):
    response = upload(admin_in_client, region, "inovasi", b"%PDF-1.4\n...%%EOF", "data.xlsx")
    assert response.status_code == 200
    assert "bukan spreadsheet" in response.content.decode()
    zipped = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    response = upload(admin_in_client, region, "inovasi", zipped.getvalue(), "data.xlsx")
    assert "bukan spreadsheet" in response.content.decode()
    assert not ImportBatch.objects.exists()


@pytest.mark.django_db
def test_empty_file_is_refused(admin_in_client, region):
    response = upload(admin_in_client, region, "inovasi", b"", "data.csv")
    assert response.status_code == 200 and "kosong" in response.content.decode().lower()
    assert not ImportBatch.objects.exists()


@pytest.mark.django_db
def test_oversized_file_is_refused(admin_in_client, region, settings):
    settings.IMPORT_MAX_MB = 1
    content = csv_bytes([innovation_row(**{"Rancang Bangun": "x" * 1000}) for _ in range(1200)])
    assert len(content) > 1024 * 1024
    response = upload(admin_in_client, region, "inovasi", content, "data.csv")
    assert (
        "Berkas terlalu besar" in response.content.decode() and "Batasnya 1 MB" in response.content.decode()
    )
    assert not ImportBatch.objects.exists()


@pytest.mark.django_db
def test_a_sheet_of_100000_rows_is_refused_quickly(admin_in_client, region, unit):
    content = csv_bytes([innovation_row(**{"Nama Inovasi": f"Inovasi {i}"}) for i in range(100_000)])
    started = time.perf_counter()
    with pytest.raises(ImportFileError) as error:
        read_table(io.BytesIO(content), COLUMNS)
    assert time.perf_counter() - started < 5
    assert "lebih dari 50.000 baris" in " ".join(error.value.messages)
    message = file_error(admin_in_client, region, content, "besar.csv")
    assert "lebih dari 50.000 baris" in message


@pytest.mark.django_db
def test_wrong_headers_are_listed(admin_in_client, region, unit):
    headers = ["Nama Inovas", "Unit", "Tahun Laporan", "Tahapan"]
    message = file_error(admin_in_client, region, xlsx([["A", "Dinkes", 2024, "Uji coba"]], headers))
    assert "Kolom wajib tidak ada: Nama Inovasi, Tahun." in message
    assert "Kolom tidak dikenal: Nama Inovas, Tahun Laporan." in message
    message = file_error(admin_in_client, region, xlsx([["a", "b"]], ["Apa", "Ini"]))
    assert "Baris judul kolom tidak ditemukan" in message


@pytest.mark.django_db
def test_headers_are_matched_ignoring_case_and_spaces(admin_in_client, region, unit):
    headers = [f"  {h.upper()} " for h in HEADERS]
    batch = checked(admin_in_client, region, "inovasi", xlsx([innovation_row()], headers))
    assert batch.state == ImportBatch.State.READY, batch.errors


@pytest.mark.django_db
def test_formula_cells_are_refused(admin_in_client, region, unit):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    sheet.append(innovation_row(**{"Anggaran (Rp)": "=1000*75"}))
    out = io.BytesIO()
    workbook.save(out)
    batch = checked(admin_in_client, region, "inovasi", out.getvalue())
    assert batch.state == ImportBatch.State.INVALID
    assert [(e["row"], e["column"]) for e in batch.errors] == [(2, "Anggaran (Rp)")]
    assert "rumus" in batch.errors[0]["message"]


@pytest.mark.django_db
def test_latin1_csv_is_refused(admin_in_client, region, unit):
    text = ",".join(HEADERS) + "\nPelayanan Café Sehat,Dinkes,2024\n"
    message = file_error(admin_in_client, region, text.encode("latin-1"), "data.csv")
    assert "UTF-8" in message


@pytest.mark.django_db
def test_old_xls_and_ods_get_a_specific_message(admin_in_client, region):
    response = upload(admin_in_client, region, "inovasi", b"\xd0\xcf\x11\xe0" + b"\x00" * 600, "data.xls")
    assert ".xls" in response.content.decode()
    ods = (FIXTURES / "inovasi-libreoffice.ods").read_bytes()  # saved by LibreOffice
    response = upload(admin_in_client, region, "inovasi", ods, "data.ods")
    assert "ODS belum didukung" in response.content.decode()
    assert not ImportBatch.objects.exists()


@pytest.mark.django_db
def test_xlsx_saved_by_libreoffice(admin_in_client, region, unit, other_unit):
    # Saved by LibreOffice Calc: a merged title row above the headers, real date and number cells,
    # and formatted empty rows at the end.
    content = (FIXTURES / "inovasi-libreoffice.xlsx").read_bytes()
    batch = checked(admin_in_client, region, "inovasi", content, "inovasi-libreoffice.xlsx")
    assert batch.state == ImportBatch.State.READY, batch.errors
    assert batch.total_rows == 3 and batch.to_create == 3
    from tests.test_imports import confirm

    confirm(admin_in_client, batch)
    version = InnovationVersion.objects.get(name="Layanan Antar Obat Lansia")
    assert version.trial_date == dt.date(2023, 2, 1) and version.implementation_date == dt.date(2023, 12, 7)
    assert version.budget == 75_000_000 and str(version.latitude) == "-4.013500"
    assert InnovationVersion.objects.get(name="Pasar Online Parepare").innovation.unit == other_unit
    assert {
        u.name for u in InnovationVersion.objects.get(name="Pasar Online Parepare").other_urusan.all()
    } == {
        "Koperasi, Usaha Kecil, dan Menengah",
        "Komunikasi dan Informatika",
    }


@pytest.mark.django_db
def test_csv_saved_by_libreoffice(admin_in_client, region, unit, other_unit):
    content = (FIXTURES / "inovasi-libreoffice.csv").read_bytes()
    batch = checked(admin_in_client, region, "inovasi", content, "inovasi-libreoffice.csv")
    assert batch.state == ImportBatch.State.READY, batch.errors
    assert batch.to_create == 3


@pytest.mark.django_db
def test_units_and_people_saved_by_libreoffice(admin_in_client, region, unit, other_unit, innovator):
    from tests.test_imports import confirm

    batch = checked(admin_in_client, region, "unit", (FIXTURES / "unit-libreoffice.xlsx").read_bytes())
    assert batch.state == ImportBatch.State.READY, batch.errors
    confirm(admin_in_client, batch)
    assert Unit.objects.get(name="UPTD SD Negeri 1").parent == Unit.objects.get(name="Dinas Pendidikan")
    assert Unit.objects.get(name="Dinas Pendidikan").head_nip == "197001011990031001"
    batch = checked(admin_in_client, region, "orang", (FIXTURES / "orang-libreoffice.xlsx").read_bytes())
    assert batch.state == ImportBatch.State.READY, batch.errors
    assert (batch.to_create, batch.to_update) == (2, 1)


@pytest.mark.django_db
def test_cli_imports_and_exits_0(region, unit, tmp_path):
    path = tmp_path / "inovasi.xlsx"
    path.write_bytes(xlsx([innovation_row(), innovation_row(**{"Nama Inovasi": "B"})]))
    out = StringIO()
    call_command("import", "innovations", str(path), "--region", region.code, "--dry-run", stdout=out)
    assert "2 baru" in out.getvalue() and not InnovationVersion.objects.exists()
    out = StringIO()
    call_command("import", "innovations", str(path), "--region", region.code, stdout=out)
    assert InnovationVersion.objects.count() == 2


@pytest.mark.django_db
def test_cli_reports_bad_rows_and_exits_1(region, unit, tmp_path):
    path = tmp_path / "inovasi.csv"
    path.write_bytes(
        csv_bytes([innovation_row(), innovation_row(**{"Nama Inovasi": "B", "Unit": "Dinas X"})])
    )
    out = StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import", "innovations", str(path), "--region", region.code, stdout=out)
    assert error.value.returncode == 1
    assert "Baris 3, kolom Unit: Unit “Dinas X” tidak ditemukan" in out.getvalue()
    assert not InnovationVersion.objects.exists()
    path.write_bytes(b"")
    with pytest.raises(CommandError) as error:
        call_command("import", "units", str(path), "--region", region.code, stdout=StringIO())
    assert error.value.returncode == 1


@pytest.mark.django_db
def test_cli_units_and_people(region, unit, tmp_path):
    path = tmp_path / "unit.csv"
    path.write_text("Nama Unit;Jenis;Induk\nPuskesmas Lumpue;Puskesmas;Dinkes\n", encoding="utf-8")
    call_command("import", "units", str(path), "--region", region.code, stdout=StringIO())
    assert Unit.objects.get(name="Puskesmas Lumpue").parent == unit
    path = tmp_path / "orang.csv"
    path.write_text(
        "Email,Nama Lengkap,Peran,Unit\nsiti@x.id,Siti,Inovator,Puskesmas Lumpue\n", encoding="utf-8"
    )
    call_command("import", "people", str(path), "--region", region.code, stdout=StringIO())
    assert queue.run_pending().done == 0  # the command writes at once, without jobs
