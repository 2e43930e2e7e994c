"""Drum-up: a unit's commitments with their signed letters, the inspiration materials and first ideas."""

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from lumbung.accounts.models import User
from lumbung.labs import diagnose, drumup, services
from lumbung.labs.models import (
    CohortStage,
    Commitment,
    GateStatus,
    Session,
    StageWork,
    Team,
    TeamFile,
    region_today,
)

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def pdf(name: str = "surat-komitmen.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def docx() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return SimpleUploadedFile("surat.docx", buffer.getvalue())


def stored_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def commit(team: Team, actor: User, **overrides: Any) -> Commitment:
    fields: dict[str, Any] = {
        "name": "dr. Andi Rahman",
        "position": "Kepala Dinas Kesehatan",
        "committed_on": region_today(team.cohort.region) - dt.timedelta(days=2),
        "letter": pdf(),
    }
    fields.update(overrides)
    return drumup.commitment_create(actor=actor, team=team, **fields)


def url(name: str, team: Team, *extra: int) -> str:
    return reverse(f"labs:{name}", args=[team.cohort_id, team.pk, *extra])


# Services


def test_a_commitment_is_recorded_with_its_letter(lab_team: Team, innovator: User) -> None:
    found = commit(lab_team, innovator, name="  dr.  Andi   Rahman ")
    assert found.name == "dr. Andi Rahman" and found.recorded_by == innovator
    assert found.letter is not None
    assert found.letter.purpose == TeamFile.Purpose.COMMITMENT
    assert found.letter.content_type == "application/pdf" and found.letter.team == lab_team
    assert len(stored_files()) == 1


def test_a_scanned_letter_may_be_an_image(lab_team: Team, innovator: User) -> None:
    found = commit(lab_team, innovator, letter=SimpleUploadedFile("scan.png", PNG_BYTES))
    assert found.letter is not None and found.letter.content_type == "image/png"


def test_name_jabatan_and_date_are_required(lab_team: Team, innovator: User) -> None:
    with pytest.raises(ValidationError) as error:
        commit(lab_team, innovator, name=" ", position="", committed_on=None)
    assert set(error.value.message_dict) == {"name", "position", "committed_on"}
    assert error.value.message_dict["position"] == ["Tuliskan jabatannya."]
    assert not Commitment.objects.exists() and not TeamFile.objects.exists() and not stored_files()


def test_a_date_in_the_future_of_the_region_is_refused(lab_team: Team, innovator: User) -> None:
    today = region_today(lab_team.cohort.region)
    with pytest.raises(ValidationError, match="tidak boleh di masa depan"):
        commit(lab_team, innovator, committed_on=today + dt.timedelta(days=1))
    assert commit(lab_team, innovator, committed_on=today).committed_on == today
    assert Commitment.objects.count() == 1


def test_the_signed_letter_is_required_when_recording(lab_team: Team, innovator: User) -> None:
    with pytest.raises(ValidationError, match="surat komitmen yang sudah ditandatangani"):
        commit(lab_team, innovator, letter=None)
    assert not Commitment.objects.exists()


def test_a_file_named_pdf_that_is_not_a_pdf_is_refused_and_nothing_is_written(
    lab_team: Team, innovator: User
) -> None:
    fake = SimpleUploadedFile("surat.pdf", b"MZ\x90\x00 bukan pdf", content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        commit(lab_team, innovator, letter=fake)
    assert "Jenis berkas tidak diizinkan" in error.value.message_dict["letter"][0]
    assert not Commitment.objects.exists() and not TeamFile.objects.exists() and not stored_files()


def test_an_office_document_is_refused_as_a_letter(lab_team: Team, innovator: User) -> None:
    with pytest.raises(ValidationError, match="PDF, JPEG, atau PNG"):
        commit(lab_team, innovator, letter=docx())
    assert not TeamFile.objects.exists() and not stored_files()


def test_a_new_letter_replaces_the_old_one_and_its_file(
    lab_team: Team, innovator: User, django_capture_on_commit_callbacks: Any
) -> None:
    found = commit(lab_team, innovator)
    old = found.letter
    assert old is not None
    with django_capture_on_commit_callbacks(execute=True):
        drumup.commitment_update(
            actor=innovator,
            commitment=found,
            name="dr. Andi Rahman, M.Kes.",
            position="Kepala Dinas",
            committed_on=found.committed_on,
            letter=pdf("surat-baru.pdf"),
        )
    found.refresh_from_db()
    assert found.name == "dr. Andi Rahman, M.Kes." and found.letter is not None
    assert found.letter.original_name == "surat-baru.pdf"
    assert list(TeamFile.objects.all()) == [found.letter]
    assert [p.name for p in stored_files()] == [Path(found.letter.file.name or "").name]


def test_an_edit_without_a_letter_keeps_the_one_on_file(lab_team: Team, innovator: User) -> None:
    found = commit(lab_team, innovator)
    drumup.commitment_update(
        actor=innovator, commitment=found, name="Andi", position="Kepala", committed_on=found.committed_on
    )
    found.refresh_from_db()
    assert found.letter is not None and TeamFile.objects.count() == 1


def test_removing_a_commitment_removes_its_letter(
    lab_team: Team, innovator: User, django_capture_on_commit_callbacks: Any
) -> None:
    found = commit(lab_team, innovator)
    with django_capture_on_commit_callbacks(execute=True):
        drumup.commitment_remove(actor=innovator, commitment=found)
    assert not Commitment.objects.exists() and not TeamFile.objects.exists() and not stored_files()


# The stage gate


def close_drum_up(team: Team) -> None:
    today = region_today(team.cohort.region)
    CohortStage.objects.filter(cohort=team.cohort, code="drum_up").update(
        start_date=today - dt.timedelta(days=10), end_date=today - dt.timedelta(days=1)
    )


def test_a_closed_drum_up_refuses_new_commitments_but_not_the_admin(
    lab_team: Team, innovator: User, admin: User
) -> None:
    close_drum_up(lab_team)
    with pytest.raises(ValidationError, match="sudah ditutup"):
        commit(lab_team, innovator)
    assert not TeamFile.objects.exists() and not stored_files()
    assert commit(lab_team, admin).recorded_by == admin  # the organiser corrects at any time


@pytest.mark.parametrize(
    ("status", "message"),
    [(GateStatus.SUBMITTED, "menunggu persetujuan"), (GateStatus.APPROVED, "disetujui")],
)
def test_drum_up_under_review_or_approved_refuses_changes(
    lab_team: Team, innovator: User, status: str, message: str
) -> None:
    found = commit(lab_team, innovator)
    StageWork.objects.create(team=lab_team, stage="drum_up", status=status)
    with pytest.raises(ValidationError, match=message):
        drumup.commitment_remove(actor=innovator, commitment=found)
    with pytest.raises(ValidationError, match=message):
        drumup.commitment_update(
            actor=innovator, commitment=found, name="X", position="Y", committed_on=found.committed_on
        )
    assert Commitment.objects.get().name == "dr. Andi Rahman"


def test_the_page_explains_why_editing_is_shut(client: Any, lab_team: Team, innovator: User) -> None:
    close_drum_up(lab_team)
    client.force_login(innovator)
    body = client.get(url("team_drumup", lab_team)).content.decode()
    assert "sudah ditutup" in body
    assert url("commitment_create", lab_team) not in body


# Pages


def drum_up_session(team: Team) -> Session:
    stage = CohortStage.objects.get(cohort=team.cohort, code="drum_up")
    start = timezone.now()
    return Session.objects.create(
        stage=stage,
        title="Inspirasi inovasi daerah",
        kind=Session.Kind.PLENARY,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        mode="daring",
    )


def test_the_page_shows_its_empty_states(client: Any, lab_team: Team, innovator: User) -> None:
    client.force_login(innovator)
    response = client.get(url("team_drumup", lab_team))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Belum ada komitmen yang dicatat." in body
    assert "Belum ada bahan inspirasi dari sesi Drum-up." in body
    assert "Belum ada ide awal." in body
    assert url("commitment_create", lab_team) in body and url("idea_create", lab_team) in body


def test_the_page_shows_commitments_materials_and_ideas(
    client: Any, lab_team: Team, innovator: User, admin: User, django_assert_max_num_queries: Any
) -> None:
    session = drum_up_session(lab_team)
    diagnose_stage = CohortStage.objects.get(cohort=lab_team.cohort, code="diagnose")
    other = Session.objects.create(
        stage=diagnose_stage,
        title="Lokakarya masalah",
        kind=Session.Kind.WORKSHOP,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        mode="daring",
    )
    for index in range(3):
        commit(lab_team, innovator, name=f"Pimpinan {index}")
        services.material_add(actor=admin, session=session, caption=f"Paparan {index}", upload=pdf())
        diagnose.idea_create(team=lab_team, actor=innovator, title=f"Gagasan {index}")
    services.material_add(actor=admin, session=other, caption="Materi Diagnose", upload=pdf())
    client.force_login(innovator)
    with django_assert_max_num_queries(16):
        body = client.get(url("team_drumup", lab_team)).content.decode()
    assert "Pimpinan 2" in body and "Kepala Dinas Kesehatan" in body
    assert "Paparan 0" in body and "Materi Diagnose" not in body
    assert "Gagasan 1" in body
    letter = Commitment.objects.first().letter  # type: ignore[union-attr]
    assert letter is not None
    download = url("team_file_download", lab_team, letter.pk)
    assert download in body
    response = client.get(download)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF_BYTES


def test_a_member_records_a_commitment_through_the_page(client: Any, lab_team: Team, innovator: User) -> None:
    client.force_login(innovator)
    data = {"name": "Andi", "position": "Kepala Dinas", "committed_on": region_today(lab_team.cohort.region)}
    response = client.post(url("commitment_create", lab_team), {**data, "letter": pdf()})
    assert response.status_code == 302 and response["Location"] == url("team_drumup", lab_team)
    assert Commitment.objects.get().letter is not None


def test_the_page_shows_a_fake_pdf_error_beside_the_letter(
    client: Any, lab_team: Team, innovator: User
) -> None:
    client.force_login(innovator)
    fake = SimpleUploadedFile("surat.pdf", b"bukan pdf sama sekali")
    data = {"name": "Andi", "position": "Kepala", "committed_on": "2020-01-02", "letter": fake}
    response = client.post(url("commitment_create", lab_team), data)
    assert response.status_code == 200
    assert "Jenis berkas tidak diizinkan" in " ".join(response.context["form"].errors["letter"])
    assert not Commitment.objects.exists() and not stored_files()


def test_removal_asks_for_confirmation_first(
    client: Any, lab_team: Team, innovator: User, django_capture_on_commit_callbacks: Any
) -> None:
    found = commit(lab_team, innovator)
    client.force_login(innovator)
    page = client.get(url("commitment_remove", lab_team, found.pk))
    assert page.status_code == 200 and "Hapus komitmen dr. Andi Rahman" in page.content.decode()
    assert Commitment.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url("commitment_remove", lab_team, found.pk)).status_code == 302
    assert not Commitment.objects.exists() and not TeamFile.objects.exists() and not stored_files()


# Who may do what


@pytest.mark.parametrize(
    ("who", "read", "write"),
    [
        ("innovator", 200, 302),  # a member of the team
        ("other_innovator", 200, 403),  # a member of the other team
        ("lab_coach", 200, 302),  # the team's coach
        ("lab_other_coach", 404, 404),  # a coach of another team
        ("admin", 200, 302),  # the region's admin
        ("verifier", 404, 404),  # region staff outside the cohort
        ("foreign_admin", 404, 404),  # another region's admin
        ("foreign_innovator", 404, 404),  # another region
    ],
)
def test_permission_matrix(
    client: Any, lab_team: Team, request: pytest.FixtureRequest, who: str, read: int, write: int
) -> None:
    client.force_login(request.getfixturevalue(who))
    assert client.get(url("team_drumup", lab_team)).status_code == read
    data = {"name": "Andi", "position": "Kepala", "committed_on": "2020-01-02", "letter": pdf()}
    assert client.post(url("commitment_create", lab_team), data).status_code == write
    assert Commitment.objects.count() == (1 if write == 302 else 0)


def test_another_teams_commitment_cannot_be_changed_or_reached(
    client: Any, lab_teams: tuple[Team, Team], innovator: User, other_innovator: User
) -> None:
    mine, theirs = lab_teams
    found = commit(theirs, other_innovator)
    client.force_login(innovator)
    assert client.post(url("commitment_remove", theirs, found.pk)).status_code == 403
    assert client.get(url("commitment_edit", theirs, found.pk)).status_code == 403
    # Its id through one's own team is not found.
    assert client.post(url("commitment_remove", mine, found.pk)).status_code == 404
    assert Commitment.objects.count() == 1
