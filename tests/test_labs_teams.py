"""Teams of a cohort, coaches added by email, and session materials with who may download them."""

import datetime as dt
import zoneinfo
from typing import Any

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.shortcuts import resolve_url
from django.urls import reverse

from lumbung.accounts.models import User
from lumbung.labs import services
from lumbung.labs.models import Cohort, Mode, Participant, Session, SessionMaterial, Team
from lumbung.regions.models import Region, Unit

pytestmark = pytest.mark.django_db

WITA = zoneinfo.ZoneInfo("Asia/Makassar")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
DAY = dt.date(2023, 11, 21)


@pytest.fixture
def cohort(region: Region, admin: User) -> Cohort:
    return services.cohort_create(actor=admin, region=region, name="Lab Inovasi 2023", year=2023)


@pytest.fixture
def enrolled(cohort: Cohort, innovator: User, other_innovator: User, unit: Unit, other_unit: Unit) -> None:
    services.participants_enrol(cohort=cohort, units=[unit, other_unit])


@pytest.fixture
def session(cohort: Cohort) -> Session:
    stage = services.stage_update(
        stage=cohort.stages.get(code="drum_up"),
        start_date=DAY,
        end_date=DAY,
        mode=Mode.ONLINE,
        meeting_link="https://meet.example.id/lab",
    )
    return services.session_create(
        stage=stage,
        title="Pembukaan",
        kind=Session.Kind.OPENING,
        starts_at=dt.datetime.combine(DAY, dt.time(9), tzinfo=WITA),
        ends_at=dt.datetime.combine(DAY, dt.time(12), tzinfo=WITA),
        mode=Mode.ONLINE,
        meeting_link="https://meet.example.id/lab",
    )


@pytest.fixture
def material(session: Session, admin: User) -> SessionMaterial:
    return services.material_add(
        actor=admin, session=session, caption="Bahan paparan", upload=SimpleUploadedFile("paparan.pdf", PDF)
    )


def participant(cohort: Cohort, user: User) -> Participant:
    return Participant.objects.get(cohort=cohort, user=user)


# Services


def test_a_unit_gets_one_team_led_by_one_of_its_participants(
    cohort: Cohort, enrolled: None, unit: Unit, other_unit: Unit, innovator: User, other_innovator: User
) -> None:
    outsider = participant(cohort, other_innovator)
    with pytest.raises(ValidationError, match="peserta dari unit Dinas Kesehatan") as error:
        services.unit_team_create(cohort=cohort, unit=unit, leader=outsider)
    assert "leader" in error.value.message_dict
    member = participant(cohort, innovator)
    team = services.unit_team_create(cohort=cohort, unit=unit, leader=member)
    assert team.name == "Tim Dinas Kesehatan" and team.unit == unit and team.leader == member
    assert list(team.members.all()) == [member]
    with pytest.raises(ValidationError, match="sudah punya tim di angkatan ini") as error:
        services.unit_team_create(cohort=cohort, unit=unit, name="Tim Kedua")
    assert "unit" in error.value.message_dict
    assert Team.objects.filter(cohort=cohort).count() == 1


def test_a_unit_without_participants_gets_no_team(cohort: Cohort, region: Region) -> None:
    empty = Unit.objects.create(region=region, name="Bappeda", kind=Unit.Kind.BADAN)
    with pytest.raises(ValidationError, match="tidak punya peserta"):
        services.unit_team_create(cohort=cohort, unit=empty)


def test_the_coach_must_be_enrolled_as_coach(
    cohort: Cohort, enrolled: None, unit: Unit, innovator: User, foreign_coach: User, other_innovator: User
) -> None:
    with pytest.raises(ValidationError, match="terdaftar sebagai coach") as error:
        services.unit_team_create(cohort=cohort, unit=unit, coach=foreign_coach)
    assert "coach" in error.value.message_dict
    with pytest.raises(ValidationError, match="terdaftar sebagai coach"):
        services.unit_team_create(cohort=cohort, unit=unit, coach=other_innovator)  # a participant
    services.coach_add_by_email(cohort=cohort, email=foreign_coach.email)
    team = services.unit_team_create(cohort=cohort, unit=unit, coach=foreign_coach)
    assert team.coach == foreign_coach


def test_coach_by_email(cohort: Cohort, enrolled: None, innovator: User, foreign_coach: User) -> None:
    coach = services.coach_add_by_email(cohort=cohort, email="  COACH@makassar.id ")
    assert coach.user == foreign_coach and coach.role == Participant.Role.COACH
    with pytest.raises(ValidationError, match="sudah menjadi coach"):
        services.coach_add_by_email(cohort=cohort, email=foreign_coach.email)
    with pytest.raises(ValidationError, match="bukan coach"):
        services.coach_add_by_email(cohort=cohort, email=innovator.email)
    assert participant(cohort, innovator).role == Participant.Role.PARTICIPANT
    with pytest.raises(ValidationError, match="Tidak ada pengguna aktif") as error:
        services.coach_add_by_email(cohort=cohort, email="siapa@entah.id")
    assert "email" in error.value.message_dict
    foreign_coach.is_active = False
    foreign_coach.save()
    later = services.cohort_create(actor=None, region=cohort.region, name="Lab 2024", year=2024)
    with pytest.raises(ValidationError, match="Tidak ada pengguna aktif"):
        services.coach_add_by_email(cohort=later, email=foreign_coach.email)


def test_material_removal_deletes_the_file_after_commit(
    material: SessionMaterial, django_capture_on_commit_callbacks: Any
) -> None:
    name = material.file.name
    assert default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        services.material_remove(material=material)
    assert not SessionMaterial.objects.exists() and not default_storage.exists(name)


# Pages


def test_admin_builds_teams_through_the_pages(
    admin_in_client: Any,
    cohort: Cohort,
    enrolled: None,
    unit: Unit,
    other_unit: Unit,
    innovator: User,
    other_innovator: User,
    foreign_coach: User,
) -> None:
    coach_url = reverse("labs:team_coach_add", args=[cohort.pk])
    bad = admin_in_client.post(coach_url, {"email": "siapa@entah.id"})
    assert bad.status_code == 200 and "Tidak ada pengguna aktif dengan email itu." in bad.content.decode()
    assert admin_in_client.post(coach_url, {"email": foreign_coach.email}).status_code == 302

    create_url = reverse("labs:team_create", args=[cohort.pk])
    form = admin_in_client.get(create_url).context["form"]
    assert list(form.fields["coach"].queryset) == [foreign_coach]
    wrong = admin_in_client.post(
        create_url, {"unit": unit.pk, "leader": participant(cohort, other_innovator).pk, "name": ""}
    )
    assert (
        wrong.status_code == 200
        and "Ketua tim harus peserta dari unit Dinas Kesehatan." in wrong.content.decode()
    )
    ok = admin_in_client.post(
        create_url,
        {"unit": unit.pk, "leader": participant(cohort, innovator).pk, "coach": foreign_coach.pk, "name": ""},
    )
    assert ok.status_code == 302
    team = Team.objects.get(cohort=cohort)
    assert (team.unit, team.leader, team.coach) == (unit, participant(cohort, innovator), foreign_coach)
    # A unit with a team is no longer offered.
    choices = admin_in_client.get(create_url).context["form"].fields["unit"].queryset
    assert list(choices) == [other_unit]
    listing = admin_in_client.get(reverse("labs:team_list", args=[cohort.pk])).content.decode()
    assert (
        "Tim Dinas Kesehatan" in listing
        and innovator.full_name in listing
        and foreign_coach.full_name in listing
    )


def test_a_coach_from_another_region_reads_the_cohort_once_added(
    client: Any, admin: User, cohort: Cohort, session: Session, material: SessionMaterial, foreign_coach: User
) -> None:
    client.force_login(foreign_coach)
    teams = reverse("labs:team_list", args=[cohort.pk])
    download = reverse("labs:material_download", args=[cohort.pk, material.pk])
    assert client.get(teams).status_code == 404 and client.get(download).status_code == 404
    client.force_login(admin)
    client.post(reverse("labs:team_coach_add", args=[cohort.pk]), {"email": foreign_coach.email})
    client.force_login(foreign_coach)
    assert client.get(reverse("labs:detail", args=[cohort.pk])).status_code == 200
    assert client.get(teams).status_code == 200
    assert client.get(download).status_code == 200
    assert client.get(reverse("labs:team_create", args=[cohort.pk])).status_code == 403


def test_manage_pages_permissions(
    client: Any,
    cohort: Cohort,
    session: Session,
    material: SessionMaterial,
    innovator: User,
    foreign_admin: User,
) -> None:
    manage = [
        reverse("labs:team_create", args=[cohort.pk]),
        reverse("labs:team_coach_add", args=[cohort.pk]),
        reverse("labs:material_list", args=[cohort.pk, session.pk]),
        reverse("labs:material_remove", args=[cohort.pk, material.pk]),
    ]
    for url in manage:
        response = client.post(url, {})
        assert response.status_code == 302 and response["Location"].startswith(
            resolve_url(settings.LOGIN_URL)
        ), url
    client.force_login(innovator)
    for url in manage:
        assert client.post(url, {}).status_code == 403, url
    client.force_login(foreign_admin)
    for url in manage:
        assert client.post(url, {}).status_code == 404, url
    assert client.get(reverse("labs:team_list", args=[cohort.pk])).status_code == 404
    assert SessionMaterial.objects.filter(pk=material.pk).exists()


def test_material_upload_refuses_an_executable_renamed_pdf(
    admin_in_client: Any, cohort: Cohort, session: Session
) -> None:
    url = reverse("labs:material_list", args=[cohort.pk, session.pk])
    fake = SimpleUploadedFile("paparan.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64, "application/pdf")
    response = admin_in_client.post(url, {"caption": "Paparan", "file": fake})
    assert response.status_code == 200 and "Jenis berkas tidak diizinkan" in response.content.decode()
    assert not SessionMaterial.objects.exists()
    ok = admin_in_client.post(url, {"caption": "Paparan", "file": SimpleUploadedFile("paparan.pdf", PDF)})
    assert ok.status_code == 302
    material = SessionMaterial.objects.get()
    assert material.content_type == "application/pdf" and material.uploaded_by is not None
    page = admin_in_client.get(reverse("labs:detail", args=[cohort.pk])).content.decode()
    assert "Paparan" in page and reverse("labs:material_download", args=[cohort.pk, material.pk]) in page


def test_material_download_matrix(
    client: Any,
    cohort: Cohort,
    material: SessionMaterial,
    admin: User,
    innovator: User,
    foreign_admin: User,
    foreign_innovator: User,
    foreign_coach: User,
    region: Region,
    reference_data: None,
) -> None:
    url = reverse("labs:material_download", args=[cohort.pk, material.pk])
    assert client.get(url).status_code == 302  # anonymous: to the sign-in page
    for reader in (admin, innovator):
        client.force_login(reader)
        response = client.get(url)
        assert response.status_code == 200, reader
        assert response["Content-Disposition"].startswith('attachment; filename="paparan.pdf"')
        assert response["Content-Type"] == "application/pdf"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content) == PDF
    for outsider in (foreign_admin, foreign_innovator, foreign_coach):
        client.force_login(outsider)
        assert client.get(url).status_code == 404, outsider
    # A material of another cohort is not reachable through this cohort's address.
    other = services.cohort_create(actor=admin, region=region, name="Lab 2024", year=2024)
    client.force_login(admin)
    assert client.get(reverse("labs:material_download", args=[other.pk, material.pk])).status_code == 404


def test_material_removal_needs_a_post_and_asks_first(
    admin_in_client: Any, cohort: Cohort, session: Session, material: SessionMaterial
) -> None:
    url = reverse("labs:material_remove", args=[cohort.pk, material.pk])
    assert admin_in_client.get(url).status_code == 405
    page = admin_in_client.get(reverse("labs:material_list", args=[cohort.pk, session.pk])).content.decode()
    assert f'action="{url}" data-confirm="Hapus materi Bahan paparan?"' in page
    response = admin_in_client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("labs:material_list", args=[cohort.pk, session.pk])
    assert not SessionMaterial.objects.exists()
