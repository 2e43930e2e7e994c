"""Importing index answers from a spreadsheet: matching, every row refusal, all-or-nothing, re-imports."""

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from lumbung.accounts.models import User
from lumbung.assessment import answers
from lumbung.assessment.models import Answer, Edition, Evidence, VerificationState
from lumbung.innovations.models import InnovationVersion
from lumbung.jobs import queue
from lumbung.regions.models import Region, Unit
from lumbung.reports.imports.answers import AnswerImporter
from lumbung.reports.imports.services import check_rows
from lumbung.reports.models import ImportBatch

from .factories import make_version
from .test_assessment_answers import YEAR, make_edition

pytestmark = pytest.mark.django_db

HEADERS = ["kode_wilayah", "tahun", "inovasi", "indikator", "level", "basis", "bukti_dukung"]


def xlsx(rows: list[list[Any]], headers: list[str] = HEADERS) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@pytest.fixture
def edition(db: None) -> Edition:
    return make_edition()


@pytest.fixture
def version(innovator: User, region: Region, unit: Unit) -> InnovationVersion:
    return make_version(innovator, region, unit, year=YEAR, name="Layanan Antar Obat Lansia")


def check(region: Region, actor: User | None, content: bytes) -> AnswerImporter:
    importer = check_rows(kind="answers", region=region, actor=actor, stream=io.BytesIO(content))
    assert isinstance(importer, AnswerImporter)
    return importer


def messages(importer: AnswerImporter) -> dict[int | None, str]:
    found: dict[int | None, str] = {}
    for error in importer.row_errors():
        found[error.row] = f"{found.get(error.row, '')} {error.column}: {error.message}".strip()
    return found


GOOD = [
    ["73.72", YEAR, None, "1", 3, None, "https://dokumen.parepare.go.id/rpjmd.pdf"],
    ["73.72", YEAR, "", "5A", 0, None, None],
    ["73.72", YEAR, "layanan antar obat LANSIA", 16, 2, None, "SK Wali Kota 12-2029.pdf"],
    ["73.72", YEAR, "Layanan Antar Obat Lansia", "33", 3, "B", "https://a.example.id/penerima"],
]


def test_good_rows_are_checked_then_written(
    admin: User, edition: Edition, region: Region, version: InnovationVersion
) -> None:
    importer = check(region, admin, xlsx(GOOD))
    assert not importer.errors
    assert (importer.total, importer.to_create, importer.to_update) == (4, 4, 0)
    assert not Answer.objects.exists()  # checking writes nothing
    importer.write()
    saved = {a.indicator.number: a for a in Answer.objects.select_related("indicator", "basis")}
    assert {n: a.level for n, a in saved.items()} == {"1": 3, "5a": 0, "16": 2, "33": 3}
    assert saved["1"].version is None and saved["16"].version == version
    assert saved["33"].basis is not None and saved["33"].basis.code == "b"
    assert saved["16"].note == "berkas: SK Wali Kota 12-2029.pdf"
    assert not saved["16"].evidence.exists()  # a file name is no evidence until the file is uploaded
    assert set(Evidence.objects.values_list("url", flat=True)) == {
        "https://dokumen.parepare.go.id/rpjmd.pdf",
        "https://a.example.id/penerima",
    }
    assert all(a.answered_by == admin for a in saved.values())
    assert importer.next_url() == reverse("assessment:answers_region", args=[region.code, YEAR])


def test_reimport_is_unchanged_and_a_change_resets_verification(
    admin: User, verifier: User, edition: Edition, region: Region, version: InnovationVersion
) -> None:
    check(region, admin, xlsx(GOOD)).write()
    first = Answer.objects.get(indicator__number="1")
    answers.answer_verify(actor=verifier, answer=first)
    again = check(region, admin, xlsx(GOOD))
    assert (again.to_create, again.to_update, again.unchanged) == (0, 0, 4)
    again.write()
    assert Evidence.objects.count() == 2 and Answer.objects.get(pk=first.pk).note == ""
    changed = [list(r) for r in GOOD]
    changed[0][4] = 2
    third = check(region, admin, xlsx(changed))
    assert (third.to_update, third.unchanged) == (1, 3)
    third.write()
    first.refresh_from_db()
    assert (first.level, first.verification, first.verified_by) == (2, VerificationState.UNVERIFIED, None)
    assert first.revision == 2


def test_every_bad_row_is_reported_and_nothing_is_written(
    admin: User,
    edition: Edition,
    region: Region,
    other_unit: Unit,
    other_innovator: User,
    version: InnovationVersion,
) -> None:
    # Another unit's innovation with the same name makes that name ambiguous.
    make_version(other_innovator, region, other_unit, year=YEAR, name="Pasar Daring")
    make_version(admin, region, other_unit, year=YEAR, name="pasar daring")
    rows = [
        ["73.71", YEAR, None, "1", 1, None, None],  # 2: another region
        ["73.72", 2099, None, "1", 1, None, None],  # 3: no edition
        ["73.72", YEAR, None, "99", 1, None, None],  # 4: no such indicator
        ["73.72", YEAR, None, "1", 5, None, None],  # 5: level
        ["73.72", YEAR, "Layanan Antar Obat Lansia", "16", 1, "a", None],  # 6: basis on plain indicator
        ["73.72", YEAR, "Layanan Antar Obat Lansia", "33", 2, None, None],  # 7: missing basis
        ["73.72", YEAR, "Layanan Antar Obat Lansia", "1", 1, None, None],  # 8: SPD with innovation
        ["73.72", YEAR, None, "16", 1, None, None],  # 9: SID without innovation
        ["73.72", YEAR, "Tidak Ada", "16", 1, None, None],  # 10: unknown innovation
        ["73.72", YEAR, "Pasar Daring", "16", 1, None, None],  # 11: ambiguous innovation
        ["73.72", YEAR, None, "5a", 1, None, "ftp://x.id/a.pdf"],  # 12: bad link
        ["73.72", YEAR, None, "5a", 2, None, None],  # 13: good
        ["73.72", YEAR, None, "5a", 3, None, None],  # 14: duplicate of 13
        ["73.72", YEAR, "Layanan Antar Obat Lansia", "33", 1, "z", None],  # 15: unknown basis
        ["73.72", YEAR, None, "1", "=1+1", None, None],  # 16: formula
    ]
    importer = check(region, admin, xlsx(rows))
    found = messages(importer)
    expected = {
        2: "bukan wilayah Anda",
        3: "Belum ada edisi indeks untuk tahun 2099",
        4: "Indikator “99” tidak ada",
        5: "Harus antara 0 dan 3",
        6: "tidak memakai dasar pengukuran",
        7: "isi a, b",
        8: "termasuk SPD",
        9: "termasuk SID: isi nama inovasinya",
        10: "tidak ditemukan",
        11: "dipakai oleh 2 inovasi",
        12: "http:// atau https://",
        14: "sudah ada di baris 13",
        15: "Basis “z” tidak ada",
        16: "rumus",
    }
    for row, text in expected.items():
        assert text in found.get(row, ""), (row, found.get(row))
    assert 13 not in found
    assert "Dinas Perdagangan" in found[11]


def test_region_code_kept_as_a_number_still_matches(admin: User, edition: Edition, region: Region) -> None:
    importer = check(region, admin, xlsx([[73.72, YEAR, None, "1", 1, None, None]]))
    assert not importer.errors


def test_upload_preview_confirm_and_template(
    admin_in_client: Any, edition: Edition, region: Region, version: InnovationVersion
) -> None:
    page = admin_in_client.get(reverse("reports:import_upload", args=[region.code, "jawaban"]))
    assert page.status_code == 200 and "bukti_dukung" in page.content.decode()
    template = admin_in_client.get(reverse("reports:import_template", args=[region.code, "jawaban"]))
    sheet = load_workbook(io.BytesIO(template.content))["Data"]
    assert [c.value for c in sheet[1]] == HEADERS
    notes = load_workbook(io.BytesIO(template.content))["Petunjuk"]
    assert any("tidak ikut dalam spreadsheet" in str(c.value) for row in notes.iter_rows() for c in row)
    file = io.BytesIO(xlsx(GOOD))
    file.name = "jawaban.xlsx"
    response = admin_in_client.post(
        reverse("reports:import_upload", args=[region.code, "jawaban"]), {"file": file}
    )
    assert response.status_code == 302
    queue.run_pending()
    batch = ImportBatch.objects.get()
    assert (batch.state, batch.kind, batch.to_create) == (ImportBatch.State.READY, "answers", 4)
    admin_in_client.post(reverse("reports:import_confirm", args=[region.code, batch.pk]))
    queue.run_pending()
    assert Answer.objects.count() == 4


def test_command_imports_all_or_nothing(
    tmp_path: Path, edition: Edition, region: Region, version: InnovationVersion
) -> None:
    bad = tmp_path / "salah.xlsx"
    bad.write_bytes(xlsx([*GOOD, ["73.72", YEAR, None, "99", 1, None, None]]))
    with pytest.raises(CommandError):
        call_command("import", "answers", str(bad), "--region", region.code, stdout=io.StringIO())
    assert not Answer.objects.exists()
    good = tmp_path / "jawaban.xlsx"
    good.write_bytes(xlsx(GOOD))
    out = io.StringIO()
    call_command("import", "answers", str(good), "--region", region.code, stdout=out)
    assert Answer.objects.count() == 4 and "4 baru" in out.getvalue()
