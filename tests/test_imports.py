"""Spreadsheet imports through the pages: upload, check (a job), preview, confirm, write (a job)."""

import csv
import datetime as dt
import io
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from lumbung.accounts.models import Membership, Role, User
from lumbung.innovations.models import AuditEntry, InnovationVersion, Status
from lumbung.jobs import queue
from lumbung.regions.models import Unit
from lumbung.reports.imports.innovations import COLUMNS as INNOVATION_COLUMNS
from lumbung.reports.models import ImportBatch
from tests.factories import make_version, set_status

HEADERS = [c.header for c in INNOVATION_COLUMNS]


def xlsx(rows: list[list[Any]], headers: list[str] | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers or HEADERS)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def csv_bytes(
    rows: list[list[Any]], headers: list[str] | None = None, delimiter: str = ",", bom: bool = False
) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(headers or HEADERS)
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + out.getvalue()).encode()


def innovation_row(**values: Any) -> list[Any]:
    data = {
        "Nama Inovasi": "Layanan Antar Obat Lansia",
        "Unit": "Dinas Kesehatan",
        "Tahun": 2024,
        "Tahapan": "Uji coba",
        "Inisiator": "OPD",
        "Jenis": "Digital",
        "Bentuk": "Inovasi pelayanan publik",
        "Urusan Utama": "Kesehatan",
        "Urusan Irisan": "Sosial; Pendidikan",
        "Waktu Uji Coba": dt.date(2024, 2, 1),
        "Tujuan": "Mendekatkan layanan obat.",
        "Anggaran (Rp)": 75_000_000,
    }
    data.update(values)
    return [data.get(h) for h in HEADERS]


def upload(client: Any, region: Any, slug: str, content: bytes, name: str = "data.xlsx") -> Any:
    file = io.BytesIO(content)
    file.name = name
    return client.post(reverse("reports:import_upload", args=[region.code, slug]), {"file": file})


def batch_page(client: Any, batch: ImportBatch) -> str:
    response = client.get(reverse("reports:import_batch", args=[batch.region.code, batch.pk]))
    assert response.status_code == 200
    return response.content.decode()


def checked(client: Any, region: Any, slug: str, content: bytes, name: str = "data.xlsx") -> ImportBatch:
    response = upload(client, region, slug, content, name)
    assert response.status_code == 302, response.content.decode()[:2000]
    queue.run_pending()
    return ImportBatch.objects.latest("pk")


def confirm(client: Any, batch: ImportBatch) -> ImportBatch:
    response = client.post(reverse("reports:import_confirm", args=[batch.region.code, batch.pk]))
    assert response.status_code == 302
    queue.run_pending()
    batch.refresh_from_db()
    return batch


@pytest.mark.django_db
def test_innovations_end_to_end(admin_in_client, region, unit, admin):
    content = xlsx(
        [innovation_row(), innovation_row(**{"Nama Inovasi": "Posyandu Digital", "Unit": "dinkes "})]
    )
    batch = checked(admin_in_client, region, "inovasi", content)
    assert batch.state == ImportBatch.State.READY, batch.errors
    page = batch_page(admin_in_client, batch)
    assert "Konfirmasi impor" in page and batch.to_create == 2
    assert not InnovationVersion.objects.exists()  # nothing written before confirmation
    batch = confirm(admin_in_client, batch)
    assert batch.state == ImportBatch.State.DONE
    versions = InnovationVersion.objects.filter(region=region).order_by("name")
    assert [v.name for v in versions] == ["Layanan Antar Obat Lansia", "Posyandu Digital"]
    first = versions[1]
    assert first.status == Status.DRAFT and first.stage == "uji_coba" and first.kind == "digital"
    assert first.trial_date == dt.date(2024, 2, 1) and first.budget == 75_000_000
    assert sorted(u.name for u in first.other_urusan.all()) == ["Pendidikan", "Sosial"]
    assert first.innovation.unit == unit and first.updated_by == admin
    assert AuditEntry.objects.filter(version=first, field="created", new_value__contains="data.xlsx").exists()
    job = batch.write_job
    assert job is not None
    job.refresh_from_db()
    assert job.result["next_url"] == reverse("innovations:list")


@pytest.mark.django_db
def test_a_file_with_errors_writes_nothing_and_shows_row_column_message(admin_in_client, region, unit):
    rows = [
        innovation_row(),
        innovation_row(**{"Nama Inovasi": "B", "Unit": "Dinas Pariwisata"}),
        innovation_row(**{"Nama Inovasi": "C", "Urusan Utama": "Kesehatan Hewan"}),
        innovation_row(**{"Nama Inovasi": "D", "Waktu Uji Coba": "7 Desember 2023"}),
        innovation_row(),  # the same name, unit and year as the first row
        innovation_row(**{"Nama Inovasi": "E", "Anggaran (Rp)": "75 juta", "Tahapan": "Selesai"}),
    ]
    batch = checked(admin_in_client, region, "inovasi", xlsx(rows))
    assert batch.state == ImportBatch.State.INVALID
    found = {(e["row"], e["column"]) for e in batch.errors}
    assert found == {
        (3, "Unit"),
        (4, "Urusan Utama"),
        (5, "Waktu Uji Coba"),
        (6, "Nama Inovasi"),
        (7, "Anggaran (Rp)"),
        (7, "Tahapan"),
    }
    page = batch_page(admin_in_client, batch)
    assert "Konfirmasi impor" not in page
    assert "Unit “Dinas Pariwisata” tidak ditemukan di wilayah ini" in page
    assert "sudah ada di baris 2" in page and "2023-12-07" in page
    # Confirming anyway is refused, and nothing was written.
    admin_in_client.post(reverse("reports:import_confirm", args=[region.code, batch.pk]))
    queue.run_pending()
    assert not InnovationVersion.objects.exists()


@pytest.mark.django_db
def test_matching_is_forgiving_about_case_spaces_and_short_names(admin_in_client, region, unit):
    rows = [
        innovation_row(
            **{"Nama Inovasi": "A", "Unit": "  DINKES ", "Tahapan": "UJI COBA", "Urusan Utama": "kesehatan"}
        ),
        innovation_row(
            **{
                "Nama Inovasi": "B",
                "Unit": "dinas   kesehatan",
                "Jenis": "non digital",
                "Tahapan": "uji_coba",
            }
        ),
    ]
    batch = checked(admin_in_client, region, "inovasi", xlsx(rows))
    assert batch.state == ImportBatch.State.READY, batch.errors


@pytest.mark.django_db
def test_dates_and_numbers_are_strict(admin_in_client, region, unit):
    rows = [
        innovation_row(
            **{"Nama Inovasi": "A", "Waktu Uji Coba": "2024-02-01", "Anggaran (Rp)": "75.000.000"}
        ),
        innovation_row(**{"Nama Inovasi": "B", "Waktu Uji Coba": "01/02/2024", "Anggaran (Rp)": "75000000"}),
        innovation_row(**{"Nama Inovasi": "C", "Waktu Uji Coba": "02-01-2024"}),
        innovation_row(**{"Nama Inovasi": "D", "Waktu Uji Coba": "31/02/2024"}),
        innovation_row(**{"Nama Inovasi": "E", "Anggaran (Rp)": "75,5"}),
        innovation_row(**{"Nama Inovasi": "F", "Tahun": "2O24"}),
        innovation_row(**{"Nama Inovasi": "G", "Lintang": "95"}),
        innovation_row(**{"Nama Inovasi": "H", "Tahapan": "Inisiatif", "Waktu Penerapan": "2024-06-01"}),
        innovation_row(**{"Nama Inovasi": "I", "Tahapan": "Penerapan", "Waktu Penerapan": "2024-01-01"}),
    ]
    batch = checked(admin_in_client, region, "inovasi", xlsx(rows))
    assert sorted((e["row"], e["column"]) for e in batch.errors) == [
        (4, "Waktu Uji Coba"),
        (5, "Waktu Uji Coba"),
        (6, "Anggaran (Rp)"),
        (7, "Tahun"),
        (8, "Lintang"),
        (9, "Waktu Penerapan"),
        (10, "Waktu Uji Coba"),
    ]


@pytest.mark.django_db
def test_csv_with_bom_and_semicolons(admin_in_client, region, unit):
    content = csv_bytes([innovation_row(**{"Waktu Uji Coba": "01/02/2024"})], delimiter=";", bom=True)
    batch = checked(admin_in_client, region, "inovasi", content, "data.csv")
    assert batch.state == ImportBatch.State.READY, batch.errors
    confirm(admin_in_client, batch)
    version = InnovationVersion.objects.get()
    assert version.trial_date == dt.date(2024, 2, 1)
    assert version.other_urusan.count() == 2


@pytest.mark.django_db
def test_an_editable_version_is_updated_and_a_locked_one_is_a_row_error(admin_in_client, region, unit, admin):
    draft = make_version(admin, region, unit, year=2024, name="Layanan Antar Obat Lansia")
    approved = set_status(
        make_version(admin, region, unit, year=2024, name="Posyandu Digital"), Status.APPROVED
    )
    rows = [
        # Trial date before the stored implementation date (2023-06-01), or the row would be refused.
        innovation_row(
            **{
                "Nama Inovasi": "layanan antar obat LANSIA",
                "Anggaran (Rp)": 80_000_000,
                "Waktu Uji Coba": dt.date(2023, 2, 1),
            }
        ),
        innovation_row(**{"Nama Inovasi": "Posyandu Digital"}),
    ]
    batch = checked(admin_in_client, region, "inovasi", xlsx(rows))
    assert [(e["row"], e["column"]) for e in batch.errors] == [(3, "Nama Inovasi")]
    assert "Disetujui" in batch.errors[0]["message"]
    batch = checked(admin_in_client, region, "inovasi", xlsx(rows[:1]))
    assert batch.to_update == 1 and batch.to_create == 0
    confirm(admin_in_client, batch)
    draft.refresh_from_db()
    approved.refresh_from_db()
    assert draft.budget == 80_000_000 and draft.revision == 2 and draft.stage == "uji_coba"
    assert AuditEntry.objects.filter(version=draft, field="budget", revision=2).exists()
    assert AuditEntry.objects.filter(version=draft, field="import").exists()
    assert InnovationVersion.objects.count() == 2


@pytest.mark.django_db
def test_data_changed_after_the_preview_writes_nothing(admin_in_client, region, unit, admin):
    draft = make_version(admin, region, unit, year=2024, name="Layanan Antar Obat Lansia")
    rows = [
        innovation_row(**{"Anggaran (Rp)": 1, "Waktu Uji Coba": dt.date(2023, 2, 1)}),
        innovation_row(**{"Nama Inovasi": "Baru"}),
    ]
    batch = checked(admin_in_client, region, "inovasi", xlsx(rows))
    assert batch.state == ImportBatch.State.READY
    set_status(draft, Status.SUBMITTED)  # someone submitted it in between
    batch = confirm(admin_in_client, batch)
    assert batch.state == ImportBatch.State.INVALID
    assert [e["row"] for e in batch.errors] == [2]
    assert InnovationVersion.objects.count() == 1  # the new row was not written either
    assert batch.write_job is not None and "berubah sejak pratinjau" in batch.write_job.error
    assert "berubah sejak pratinjau" in batch_page(admin_in_client, batch)


@pytest.mark.django_db
def test_confirming_twice_writes_once(admin_in_client, region, unit):
    batch = checked(admin_in_client, region, "inovasi", xlsx([innovation_row()]))
    url = reverse("reports:import_confirm", args=[region.code, batch.pk])
    admin_in_client.post(url)
    admin_in_client.post(url)
    queue.run_pending()
    assert InnovationVersion.objects.count() == 1


@pytest.mark.django_db
def test_units_end_to_end(admin_in_client, region, unit):
    headers = ["Nama Unit", "Nama Singkat", "Jenis", "Induk", "Nama Kepala", "NIP Kepala", "Aktif"]
    rows = [
        ["Puskesmas Lumpue", "PKM Lumpue", "Puskesmas", "Dinkes", "dr. Rina", "19800101 200501 2 001", "Ya"],
        ["dinas kesehatan", "Dinkes", "Dinas", "", "dr. Andi", "", "ya"],  # updates the existing unit
        ["Kecamatan Soreang", "", "kecamatan", "", "", "", "Tidak"],
        ["Kelurahan Kampung Baru", "", "Kelurahan", "kecamatan soreang", "", "", ""],
    ]
    batch = checked(admin_in_client, region, "unit", xlsx(rows, headers))
    assert batch.state == ImportBatch.State.READY, batch.errors
    assert (batch.to_create, batch.to_update) == (3, 1)
    batch = confirm(admin_in_client, batch)
    assert batch.state == ImportBatch.State.DONE
    unit.refresh_from_db()
    assert unit.head_name == "dr. Andi" and unit.name == "dinas kesehatan"
    puskesmas = Unit.objects.get(name="Puskesmas Lumpue")
    assert puskesmas.parent == unit and puskesmas.head_nip == "198001012005012001"
    assert Unit.objects.get(name="Kelurahan Kampung Baru").parent == Unit.objects.get(
        name="Kecamatan Soreang"
    )
    assert not Unit.objects.get(name="Kecamatan Soreang").is_active


@pytest.mark.django_db
def test_unit_rows_with_errors(admin_in_client, region, unit):
    headers = ["Nama Unit", "Jenis", "Induk", "NIP Kepala"]
    rows = [
        ["Dinas A", "Dinas", "", "12345"],
        ["Dinas B", "Departemen", "", ""],
        ["Dinas A", "Dinas", "", ""],
        ["UPTD C", "UPTD", "Dinas Tidak Ada", ""],
        ["UPTD D", "UPTD", "UPTD E", ""],
        ["UPTD E", "UPTD", "UPTD D", ""],
    ]
    batch = checked(admin_in_client, region, "unit", xlsx(rows, headers))
    assert sorted((e["row"], e["column"]) for e in batch.errors) == [
        (2, "NIP Kepala"),
        (3, "Jenis"),
        (4, "Nama Unit"),
        (5, "Induk"),
        (6, "Induk"),
        (7, "Induk"),
    ]
    assert "NIP harus tepat 18 angka" in batch.errors[0]["message"]
    assert Unit.objects.filter(region=region).count() == 1


@pytest.mark.django_db
def test_people_end_to_end(admin_in_client, region, unit, innovator):
    headers = ["Email", "Nama Lengkap", "NIP", "Telepon", "Peran", "Unit"]
    rows = [
        ["Siti@Dinkes.go.id", "Siti Rahmawati", "198503122010012003", "0812-3456-7890", "Inovator", "Dinkes"],
        ["budi@parepare.go.id", "Budi", "", "", "verifikator", ""],
        ["inovator@uji.id", "", "", "", "Pimpinan", ""],  # an existing account gets a new role
        ["inovator@uji.id", "", "", "", "Inovator", "Dinas Kesehatan"],  # it already has this one
    ]
    batch = checked(admin_in_client, region, "orang", xlsx(rows, headers))
    assert batch.state == ImportBatch.State.READY, batch.errors
    assert (batch.to_create, batch.to_update, batch.unchanged) == (2, 1, 1)
    batch = confirm(admin_in_client, batch)
    siti = User.objects.get(email="siti@dinkes.go.id")
    assert not siti.has_usable_password() and siti.nip == "198503122010012003"
    assert Membership.objects.filter(user=siti, region=region, unit=unit, role=Role.INNOVATOR).exists()
    assert Membership.objects.filter(user=innovator, region=region, role=Role.LEADER).exists()
    assert Membership.objects.filter(user=innovator).count() == 2
    assert batch.write_job is not None and "undangan" in batch.write_job.result["summary"]
    from django.core import mail

    assert mail.outbox == []  # invitations are sent from the people page, not by the import


@pytest.mark.django_db
def test_people_rows_with_errors(admin_in_client, region, unit):
    headers = ["Email", "Nama Lengkap", "NIP", "Peran", "Unit"]
    rows = [
        ["bukan-email", "A", "", "Verifikator", ""],
        ["b@x.id", "B", "1234", "Verifikator", ""],
        ["c@x.id", "C", "", "Inovator", ""],
        ["d@x.id", "", "", "Pimpinan", ""],
        ["e@x.id", "E", "", "Raja", ""],
    ]
    batch = checked(admin_in_client, region, "orang", xlsx(rows, headers))
    assert sorted((e["row"], e["column"]) for e in batch.errors) == [
        (2, "Email"),
        (3, "NIP"),
        (4, "Unit"),
        (5, "Nama Lengkap"),
        (6, "Peran"),
    ]


@pytest.mark.django_db
def test_template_has_headers_an_example_and_instructions(admin_in_client, region, unit):
    response = admin_in_client.get(reverse("reports:import_template", args=[region.code, "inovasi"]))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    data, notes = workbook["Data"], workbook["Petunjuk"]
    assert [c.value for c in data[1]] == HEADERS
    assert data["A2"].value
    text = "\n".join(str(c.value) for row in notes.iter_rows() for c in row if c.value)
    assert "Uji coba" in text and "Kesehatan" in text and "Dinkes" in text and "07/12/2023" in text


@pytest.mark.django_db
def test_the_template_imports_cleanly_after_filling_in(admin_in_client, region, unit):
    for slug in ("unit", "orang", "inovasi"):
        response = admin_in_client.get(reverse("reports:import_template", args=[region.code, slug]))
        batch = checked(admin_in_client, region, slug, response.content, f"templat-{slug}.xlsx")
        assert batch.file_error == "", (slug, batch.errors)


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["innovator", "verifier", "leader", "foreign_admin"])
def test_only_the_region_admin_reaches_import_pages(client, request, region, unit, admin, who):
    client.force_login(admin)
    batch = checked(client, region, "inovasi", xlsx([innovation_row()]))
    client.force_login(request.getfixturevalue(who))
    urls = [
        reverse("reports:import_index", args=[region.code]),
        reverse("reports:import_upload", args=[region.code, "inovasi"]),
        reverse("reports:import_template", args=[region.code, "unit"]),
        reverse("reports:import_batch", args=[region.code, batch.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    assert upload(client, region, "inovasi", xlsx([innovation_row()])).status_code == 404
    assert client.post(reverse("reports:import_confirm", args=[region.code, batch.pk])).status_code == 404
    queue.run_pending()
    assert not InnovationVersion.objects.exists()
    assert ImportBatch.objects.get(pk=batch.pk).state == ImportBatch.State.READY


@pytest.mark.django_db
def test_another_admin_cannot_confirm_someones_batch(client, make_user, region, unit, admin):
    client.force_login(admin)
    batch = checked(client, region, "inovasi", xlsx([innovation_row()]))
    client.force_login(make_user("admin2@uji.id", Role.ADMIN, region))
    assert client.get(reverse("reports:import_batch", args=[region.code, batch.pk])).status_code == 404
    assert client.post(reverse("reports:import_confirm", args=[region.code, batch.pk])).status_code == 404
    other = make_user("admin3@uji.id", Role.ADMIN, region)
    client.force_login(other)
    # Through another region's URL the batch does not exist either.
    assert client.get(reverse("reports:import_batch", args=["73.71", batch.pk])).status_code == 404


@pytest.mark.django_db
def test_pages_link_to_the_imports(admin_in_client, region):
    assert (
        reverse("reports:import_index", args=[region.code])
        in admin_in_client.get(reverse("home")).content.decode()
    )
    for name, slug in (("regions:units", "unit"), ("accounts:people", "orang")):
        page = admin_in_client.get(reverse(name, args=[region.code])).content.decode()
        assert reverse("reports:import_upload", args=[region.code, slug]) in page
    page = admin_in_client.get(reverse("innovations:list")).content.decode()
    assert reverse("reports:import_upload", args=[region.code, "inovasi"]) in page


@pytest.mark.django_db
def test_unit_names_match_with_or_without_the_region_name():
    from lumbung.regions.models import Region, Unit
    from lumbung.reports.imports.base import UnitIndex
    from lumbung.reports.imports.cells import Column, Row

    region = Region.objects.create(
        code="73.72", name="Kota Parepare", kind="kota", parent=Region.objects.get(code="73")
    )
    dinkes = Unit.objects.create(
        region=region, name="Dinas Kesehatan Kota Parepare", short_name="Dinkes", kind="dinas"
    )
    sosial = Unit.objects.create(region=region, name="Dinas Sosial", kind="dinas")
    index = UnitIndex.load(region)
    columns = {"unit": Column("unit", "Unit", "Nama unit")}
    for typed, expected in [
        ("dinas kesehatan", dinkes),
        ("  Dinas   Kesehatan Kota Parepare ", dinkes),
        ("DINKES", dinkes),
        ("Dinas Sosial Kota Parepare", sosial),
    ]:
        row = Row(2, {"unit": typed}, columns)
        assert index.find(row, "unit", typed) == expected, typed
