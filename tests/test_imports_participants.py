"""Enrolling a lab cohort's participants from a spreadsheet: preview, confirm, teams per unit, refusals."""

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import Workbook

from lumbung.accounts.models import Membership, Role, User
from lumbung.jobs import queue
from lumbung.labs import services
from lumbung.labs.models import Cohort, Participant, Team
from lumbung.regions.models import Region, Unit
from lumbung.reports.models import ImportBatch

pytestmark = pytest.mark.django_db

HEADERS = ["Email", "Nama Lengkap", "NIP", "Unit", "Ketua Tim"]


def xlsx(rows: list[list[Any]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@pytest.fixture
def cohort(region: Region, admin: User) -> Cohort:
    return services.cohort_create(actor=admin, region=region, name="Lab 2023", year=2023)


def upload(client: Any, region: Region, cohort: Cohort | None, content: bytes) -> Any:
    file = io.BytesIO(content)
    file.name = "peserta.xlsx"
    data: dict[str, Any] = {"file": file}
    if cohort is not None:
        data["cohort"] = cohort.pk
    return client.post(reverse("reports:import_upload", args=[region.code, "peserta"]), data)


ROWS = [
    ["siti@dinkes.id", "Siti Rahmawati", "198503122010012003", "Dinkes", "Ya"],
    ["budi@dinkes.id", "Budi Santoso", None, "Dinas Kesehatan", None],
    ["ani@disdag.id", "Ani Lestari", None, "Disdag", "Tidak"],
]


def test_participants_are_enrolled_into_unit_teams(
    admin_in_client: Any, region: Region, cohort: Cohort, unit: Unit, other_unit: Unit, innovator: User
) -> None:
    page = admin_in_client.get(
        reverse("reports:import_upload", args=[region.code, "peserta"]) + f"?angkatan={cohort.pk}"
    )
    assert page.status_code == 200 and "Angkatan" in page.content.decode()
    rows = [*ROWS, [innovator.email, "", None, "Dinkes", None]]
    response = upload(admin_in_client, region, cohort, xlsx(rows))
    assert response.status_code == 302
    queue.run_pending()
    batch = ImportBatch.objects.get()
    assert batch.state == ImportBatch.State.READY and batch.cohort == cohort
    assert (batch.total_rows, batch.to_create) == (4, 4)
    assert not Participant.objects.exists()  # nothing before the confirmation
    admin_in_client.post(reverse("reports:import_confirm", args=[region.code, batch.pk]))
    queue.run_pending()
    teams = {t.unit_id: t for t in Team.objects.filter(cohort=cohort)}
    assert set(teams) == {unit.pk, other_unit.pk}
    dinkes = teams[unit.pk]
    assert sorted(dinkes.members.values_list("user__email", flat=True)) == sorted(
        ["siti@dinkes.id", "budi@dinkes.id", innovator.email]
    )
    assert dinkes.leader is not None and dinkes.leader.user.email == "siti@dinkes.id"
    siti = User.objects.get(email="siti@dinkes.id")
    assert not siti.has_usable_password() and siti.nip == "198503122010012003"
    assert Membership.objects.filter(user=siti, region=region, unit=unit, role=Role.INNOVATOR).exists()
    # The existing account keeps its name and gains no second membership.
    assert Membership.objects.filter(user=innovator).count() == 1


def test_a_second_import_updates_rather_than_duplicates(
    admin_in_client: Any, region: Region, cohort: Cohort, unit: Unit, other_unit: Unit
) -> None:
    for _ in range(2):
        upload(admin_in_client, region, cohort, xlsx(ROWS))
        queue.run_pending()
        batch = ImportBatch.objects.latest("pk")
        admin_in_client.post(reverse("reports:import_confirm", args=[region.code, batch.pk]))
        queue.run_pending()
    assert batch.refresh_from_db() is None and batch.unchanged == 3
    assert Participant.objects.filter(cohort=cohort).count() == 3
    assert Team.objects.filter(cohort=cohort).count() == 2


def test_bad_rows_write_nothing(admin_in_client: Any, region: Region, cohort: Cohort, unit: Unit) -> None:
    rows = [
        ["siti@dinkes.id", "Siti", None, "Dinkes", "Ya"],
        ["siti@dinkes.id", "Siti lagi", None, "Dinkes", None],
        ["budi@dinkes.id", "Budi", None, "Dinkes", "Ya"],
        ["baru@dinkes.id", "", None, "Dinkes", None],
        ["x@y.id", "X", None, "Dinas Entah", None],
        ["bukan-email", "Y", None, "Dinkes", None],
    ]
    upload(admin_in_client, region, cohort, xlsx(rows))
    queue.run_pending()
    batch = ImportBatch.objects.get()
    assert batch.state == ImportBatch.State.INVALID
    messages = " ".join(e["message"] for e in batch.errors)
    assert "sudah ada di baris 2" in messages
    assert "sudah punya ketua di baris 2" in messages
    assert "Wajib diisi untuk orang yang belum terdaftar" in messages
    assert "tidak ditemukan" in messages
    assert not User.objects.filter(email="siti@dinkes.id").exists()
    assert not Participant.objects.exists()


def test_the_cohort_is_required_and_must_be_the_regions(
    admin_in_client: Any, region: Region, other_region: Region, foreign_admin: User, unit: Unit
) -> None:
    response = upload(admin_in_client, region, None, xlsx(ROWS))
    assert response.status_code == 200 and "Pilih angkatan" in response.content.decode()
    foreign = services.cohort_create(actor=foreign_admin, region=other_region, name="Lab Makassar", year=2023)
    response = upload(admin_in_client, region, foreign, xlsx(ROWS))
    assert response.status_code == 200
    assert not ImportBatch.objects.exists()


def test_another_regions_admin_is_refused(
    client: Any, region: Region, cohort: Cohort, foreign_admin: User
) -> None:
    client.force_login(foreign_admin)
    assert upload(client, region, cohort, xlsx(ROWS)).status_code == 404
    assert not ImportBatch.objects.exists()


def test_the_command_enrols_too(
    region: Region, cohort: Cohort, unit: Unit, other_unit: Unit, tmp_path: Path
) -> None:
    path = tmp_path / "peserta.xlsx"
    path.write_bytes(xlsx(ROWS))
    with pytest.raises(CommandError):
        call_command("import", "participants", str(path), "--region", region.code)
    call_command("import", "participants", str(path), "--region", region.code, "--cohort", str(cohort.pk))
    assert Participant.objects.filter(cohort=cohort).count() == 3
