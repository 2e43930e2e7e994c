"""Innovation exports: XLSX and CSV read back with independent readers, scoped like the list, and as a job."""

import csv
import datetime as dt
import io
import os
import subprocess
import sys
import zoneinfo
from io import StringIO
from pathlib import Path

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from lumbung.innovations.models import InnovationVersion, Status
from lumbung.jobs import queue
from lumbung.jobs.models import Job
from lumbung.regions.models import Urusan
from lumbung.reports.exports import builders, renderers

from .factories import make_version, set_status

XLSX_URL = reverse("reports:export_innovations", args=["xlsx"])
CSV_URL = reverse("reports:export_innovations", args=["csv"])


def body_of(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def read_xlsx(data: bytes) -> list[list]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [list(row) for row in book.active.iter_rows(values_only=True)]


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM so Excel reads the accents"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def by_name(rows: list[list]) -> dict[str, dict]:
    header = rows[0]
    return {row[1]: dict(zip(header, row, strict=True)) for row in rows[1:]}


@pytest.fixture
def versions(innovator, other_innovator, region, unit, other_unit):
    dinkes = make_version(innovator, region, unit, name="Layanan Antar Obat Lansia")
    dinkes.other_urusan.set(Urusan.objects.filter(name__in=["Sosial", "Pangan"]))
    formula = make_version(innovator, region, unit, name="=1+1", goals="@SUM(A1)", budget=None)
    set_status(formula, Status.SUBMITTED)
    disdag = make_version(other_innovator, region, other_unit, name="Pasar Digital", results="-2+3")
    return {"dinkes": dinkes, "formula": formula, "disdag": disdag}


@pytest.mark.django_db
def test_xlsx_has_typed_cells_and_never_formulas(client, admin, versions):
    client.force_login(admin)
    response = client.get(XLSX_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == renderers.XLSX_CONTENT_TYPE
    assert response["Content-Disposition"].startswith('attachment; filename="inovasi-')
    data = body_of(response)
    rows = read_xlsx(data)
    assert rows[0][:3] == ["Nomor registrasi", "Nama inovasi", "Wilayah"]
    assert len(rows) == 4
    row = by_name(rows)["Layanan Antar Obat Lansia"]
    version = versions["dinkes"]
    assert row["Nomor registrasi"] == f"INOV/73.72/2023/{version.innovation_id:06d}"
    assert row["Unit"] == "Dinas Kesehatan" and row["Wilayah"] == "Kota Parepare"
    assert row["Tahun"] == 2023 and row["Status"] == "Draf" and row["Tahapan"] == "Penerapan"
    assert row["Anggaran (Rp)"] == 75_000_000  # a number, not "Rp 75.000.000"
    assert row["Waktu uji coba"] == dt.datetime(2023, 2, 1)  # openpyxl reads date cells as datetimes
    assert row["Waktu penerapan"] == dt.datetime(2023, 6, 1)
    assert row["Urusan utama"] == "Kesehatan"
    assert set(row["Urusan irisan"].split("; ")) == {"Sosial", "Pangan"}
    assert row["Rancang bangun (kata)"] == 320
    assert row["Tujuan"] == "Mendekatkan layanan obat kepada lansia."
    assert row["Tautan"] == f"http://127.0.0.1:8000/inovasi/{version.pk}/"
    today_makassar = timezone.now().astimezone(zoneinfo.ZoneInfo("Asia/Makassar")).date()
    assert row["Diubah"] == dt.datetime.combine(today_makassar, dt.time())

    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.b
    cells = {cell.value: cell for row in sheet.iter_rows(min_row=2) for cell in row if cell.value}
    assert cells["=1+1"].data_type == "s"  # text, not a formula
    assert cells["@SUM(A1)"].data_type == "s"
    assert cells["-2+3"].data_type == "s"
    budget = cells[75_000_000]
    assert budget.data_type == "n" and budget.number_format == "#,##0"
    trial = next(c for c in sheet[2] if c.is_date)
    assert trial.number_format == "dd/mm/yyyy"
    # No cell in the raw sheet XML is a formula.
    import zipfile

    assert b"<f>" not in zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")


@pytest.mark.django_db
def test_csv_has_bom_semicolons_and_neutralised_formulas(client, admin, versions):
    client.force_login(admin)
    response = client.get(CSV_URL)
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = read_csv(body_of(response))
    header = rows[0]
    assert header[1] == "Nama inovasi" and len(header) == len(builders.innovation_columns())
    names = {row[1] for row in rows[1:]}
    assert names == {"Layanan Antar Obat Lansia", "'=1+1", "Pasar Digital"}
    rows_by_name = by_name(rows)
    assert rows_by_name["'=1+1"]["Tujuan"] == "'@SUM(A1)"
    assert rows_by_name["Pasar Digital"]["Hasil inovasi"] == "'-2+3"
    obat = rows_by_name["Layanan Antar Obat Lansia"]
    assert obat["Anggaran (Rp)"] == "75000000" and obat["Waktu uji coba"] == "2023-02-01"
    assert rows_by_name["'=1+1"]["Anggaran (Rp)"] == ""


@pytest.mark.django_db
def test_export_follows_the_list_filters(client, admin, versions):
    client.force_login(admin)
    rows = read_xlsx(body_of(client.get(XLSX_URL, {"status": "diajukan"})))
    assert [row[1] for row in rows[1:]] == ["=1+1"]
    rows = read_csv(body_of(client.get(CSV_URL, {"q": "pasar", "sort": "name"})))
    assert [row[1] for row in rows[1:]] == ["Pasar Digital"]
    rows = read_csv(body_of(client.get(CSV_URL, {"sort": "name"})))
    assert [row[1] for row in rows[1:]] == ["'=1+1", "Layanan Antar Obat Lansia", "Pasar Digital"]
    urusan = Urusan.objects.get(name="Sosial")
    rows = read_csv(body_of(client.get(CSV_URL, {"urusan": urusan.pk})))
    assert [row[1] for row in rows[1:]] == ["Layanan Antar Obat Lansia"]


@pytest.mark.django_db
def test_export_contains_only_what_the_user_may_see(client, innovator, foreign_admin, versions):
    client.force_login(innovator)  # innovator of Dinkes: not the Disdag innovation
    rows = read_csv(body_of(client.get(CSV_URL)))
    assert {row[1] for row in rows[1:]} == {"Layanan Antar Obat Lansia", "'=1+1"}
    client.force_login(foreign_admin)  # admin of another region: nothing of this one
    assert read_xlsx(body_of(client.get(XLSX_URL))) == [read_xlsx(body_of(client.get(XLSX_URL)))[0]]
    assert len(read_csv(body_of(client.get(CSV_URL)))) == 1


@pytest.mark.django_db
def test_export_needs_login(client, versions):
    response = client.get(CSV_URL)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


@pytest.mark.django_db
def test_list_page_offers_the_export_of_its_filter(client, admin, versions):
    client.force_login(admin)
    body = client.get(reverse("innovations:list"), {"stage": "penerapan"}).content.decode()
    assert f'href="{XLSX_URL}?stage=penerapan"' in body
    assert f'href="{CSV_URL}?stage=penerapan"' in body


@pytest.mark.django_db
def test_big_export_runs_as_a_job_and_ends_as_a_download(client, admin, versions, settings):
    settings.EXPORT_DIRECT_MAX_ROWS = 2
    client.force_login(admin)
    page = client.get(XLSX_URL, {"sort": "name"})
    assert page.status_code == 200 and "3 inovasi" in page.content.decode()  # asks before queueing
    assert not Job.objects.exists()
    response = client.post(f"{XLSX_URL}?sort=name")
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("jobs:detail", args=[job.pk])
    assert job.created_by == admin and job.task == "reports.export_innovations"
    assert queue.run_pending().done == 1
    job.refresh_from_db()
    assert job.state == Job.State.DONE and job.progress_done == 3 and job.progress_total == 3
    assert "3 baris" in job.result["summary"]
    detail = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert reverse("jobs:download", args=[job.pk]) in detail
    download = client.get(reverse("jobs:download", args=[job.pk]))
    assert download["Content-Disposition"].startswith("attachment")
    rows = read_xlsx(b"".join(download.streaming_content))
    assert [row[1] for row in rows[1:]] == ["=1+1", "Layanan Antar Obat Lansia", "Pasar Digital"]


@pytest.mark.django_db
def test_export_job_applies_the_users_access_when_it_runs(client, innovator, versions, settings):
    settings.EXPORT_DIRECT_MAX_ROWS = 1
    client.force_login(innovator)
    client.post(CSV_URL)
    queue.run_pending()
    job = Job.objects.get()
    rows = read_csv(job.result_file.read())
    assert {row[1] for row in rows[1:]} == {"Layanan Antar Obat Lansia", "'=1+1"}


def test_export_task_is_registered_by_autodiscovery():
    # In a fresh interpreter, as the worker starts: it imports each app's tasks module and nothing else
    # (no URLs, no views), so lumbung/reports/tasks.py must pull the exports' tasks in.
    code = (
        "import django; django.setup(); from lumbung.jobs import queue; queue.load_tasks(); "
        "print('reports.export_innovations' in queue.TASKS)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lumbung.settings"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == "True", "add `from .exports import tasks as _exports` to reports/tasks.py"


@pytest.mark.django_db
def test_builder_fetches_urusan_irisan_per_chunk_not_per_row(admin, versions, django_assert_max_num_queries):
    for i in range(5):
        version = make_version(
            admin, versions["dinkes"].region, versions["dinkes"].innovation.unit, name=f"N{i}"
        )
        version.other_urusan.set(Urusan.objects.all()[:3])
    with django_assert_max_num_queries(3):
        rows = list(builders.innovation_rows(InnovationVersion.objects.all()))
    assert len(rows) == 8


def test_illegal_control_characters_are_dropped_not_fatal(tmp_path: Path):
    columns = [builders.Column("Nama")]
    with (tmp_path / "x.xlsx").open("wb") as target:
        renderers.write_xlsx(columns, [["a\x0bb"], ["#N/A"]], target, title="Uji")
    sheet = openpyxl.load_workbook(tmp_path / "x.xlsx").active
    assert sheet["A2"].value == "ab"
    assert sheet["A3"].value == "#N/A" and sheet["A3"].data_type == "s"


@pytest.mark.django_db
def test_cli_exports_a_region(tmp_path: Path, region, versions, other_region):
    out = StringIO()
    target = tmp_path / "parepare.xlsx"
    call_command(
        "export", "innovations", "--region", "73.72", "--format", "xlsx", "-o", str(target), stdout=out
    )
    assert "3 baris" in out.getvalue()
    rows = read_xlsx(target.read_bytes())
    assert {row[1] for row in rows[1:]} == {"Layanan Antar Obat Lansia", "=1+1", "Pasar Digital"}

    target = tmp_path / "diajukan.csv"
    call_command(
        "export", "innovations", "--region", "73.72", "--format", "csv", "--status", "diajukan",
        "--year", "2023", "-o", str(target), stdout=out,
    )  # fmt: skip
    assert [row[1] for row in read_csv(target.read_bytes())[1:]] == ["'=1+1"]

    call_command(
        "export", "innovations", "--region", "73.71", "--format", "csv", "-o", str(target), stdout=out
    )
    assert len(read_csv(target.read_bytes())) == 1  # another region: header only


@pytest.mark.django_db
def test_cli_refuses_bad_input(tmp_path: Path, region):
    target = tmp_path / "x.csv"
    with pytest.raises(CommandError, match="99.99"):
        call_command("export", "innovations", "--region", "99.99", "--format", "csv", "-o", str(target))
    with pytest.raises(CommandError, match="status"):
        call_command(
            "export",
            "innovations",
            "--region",
            "73.72",
            "--format",
            "csv",
            "--status",
            "x",
            "-o",
            str(target),
        )
    assert not target.exists()
