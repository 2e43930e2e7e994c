"""From the lab to the registry: a designed innovation becomes a draft in the region's registry, once,
and both pages say where it came from."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from lumbung.accounts.models import Role, User
from lumbung.innovations import services as registry
from lumbung.innovations.models import Innovation, InnovationVersion, Status
from lumbung.labs import design
from lumbung.labs.models import Design, GateStatus, Idea, Team, region_today
from lumbung.regions.models import Region, Urusan

from .factories import lab_approve_through, make_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def designed(lab_team: Team, innovator: User) -> Design:
    """The unit's team with a saved design and one step of its plan, the stage not yet approved."""
    lab_approve_through(lab_team, "diagnose")
    Idea.objects.create(team=lab_team, title="Antar obat lansia", chosen=True)
    saved = design.design_save(
        actor=innovator,
        team=lab_team,
        name="Antar Obat Lansia",
        form="pelayanan_publik",
        kind="digital",
        main_urusan=Urusan.objects.get(name="Kesehatan"),
        goals="Lansia mendapat obat tanpa antre.",
        benefits="Antrean puskesmas berkurang.",
        design="Kurir puskesmas mengantar obat setiap pekan.",
    )
    design.milestone_create(
        actor=innovator,
        team=lab_team,
        what="Rapat koordinasi",
        who="Kepala puskesmas",
        due_date=region_today(lab_team.cohort.region),
        expected_output="Notula",
    )
    saved.team = lab_team
    return saved


@pytest.fixture
def approved(designed: Design) -> Design:
    lab_approve_through(designed.team, "design")
    return designed


def register_url(team: Team) -> str:
    return reverse("labs:design_register", args=[team.cohort_id, team.pk])


def design_url(team: Team) -> str:
    return reverse("labs:team_design", args=[team.cohort_id, team.pk])


# The service


def test_registering_copies_the_profile_into_a_draft(approved: Design, innovator: User, unit: Any) -> None:
    version = design.design_register(actor=innovator, design=approved)
    region = approved.team.cohort.region
    assert version.status == Status.DRAFT
    assert version.year == region_today(region).year
    assert (version.innovation.region, version.innovation.unit) == (region, unit)
    assert version.innovation.created_by == innovator
    copied = ("name", "form", "kind", "main_urusan", "goals", "benefits", "design")
    assert {f: getattr(version, f) for f in copied} == {f: getattr(approved, f) for f in copied}
    stored = Design.objects.get(pk=approved.pk)
    assert stored.innovation == version.innovation
    assert stored.registered_by == innovator and stored.registered_at is not None


def test_a_design_is_registered_once(approved: Design, innovator: User, admin: User) -> None:
    design.design_register(actor=innovator, design=approved)
    fresh = Design.objects.select_related("team__cohort__region").get(pk=approved.pk)
    with pytest.raises(ValidationError, match="sudah dicatat di registri"):
        design.design_register(actor=admin, design=fresh)
    assert Innovation.objects.count() == 1


def test_members_wait_for_the_approval_but_the_admin_does_not(
    designed: Design, innovator: User, admin: User
) -> None:
    with pytest.raises(ValidationError, match="setelah tahap Design disetujui"):
        design.design_register(actor=innovator, design=designed)
    assert not Innovation.objects.exists()
    version = design.design_register(actor=admin, design=designed)
    assert version.innovation.created_by == admin


def test_a_submitted_design_is_not_yet_approved(designed: Design, innovator: User) -> None:
    from lumbung.labs.models import StageWork

    StageWork.objects.create(team=designed.team, stage="design", status=GateStatus.SUBMITTED)
    with pytest.raises(ValidationError, match="disetujui"):
        design.design_register(actor=innovator, design=designed)


def test_another_teams_member_is_refused(approved: Design, other_innovator: User) -> None:
    with pytest.raises(PermissionDenied):
        design.design_register(actor=other_innovator, design=approved)
    assert not Innovation.objects.exists()


def test_the_coach_is_told_the_registry_needs_the_units_innovator(approved: Design, lab_coach: User) -> None:
    # The registry records innovations per unit, for its innovators and the region's admin (see report).
    with pytest.raises(ValidationError, match="inovator unit itu atau admin daerah"):
        design.design_register(actor=lab_coach, design=approved)
    assert not Innovation.objects.exists()


def test_once_registered_the_registry_owns_the_profile_but_not_the_plan(
    designed: Design, admin: User, innovator: User
) -> None:
    design.design_register(actor=admin, design=designed)
    team = designed.team
    for actor in (innovator, admin):
        with pytest.raises(ValidationError, match="diubah di registri"):
            design.design_save(actor=actor, team=team, name="Nama baru", form="tata_kelola", kind="digital")
    assert Design.objects.get(pk=designed.pk).name == "Antar Obat Lansia"
    # The action plan stays with the lab while the stage is editable.
    added = design.milestone_create(
        actor=innovator,
        team=team,
        what="Uji coba",
        who="Tim",
        due_date=region_today(team.cohort.region),
        expected_output="Laporan",
    )
    assert added.position == 2
    first = design.milestones(team).get(position=1)
    design.milestone_update(
        actor=innovator,
        milestone=first,
        what="Rapat",
        who="Kepala",
        due_date=first.due_date,
        expected_output="Notula",
    )
    assert design.milestones(team).get(position=1).what == "Rapat"


# The pages


def test_registering_through_the_design_page(client: Any, approved: Design, innovator: User) -> None:
    client.force_login(innovator)
    page = client.get(design_url(approved.team)).content.decode()
    assert register_url(approved.team) in page and "data-confirm" in page
    response = client.post(register_url(approved.team))
    assert response.status_code == 302 and response.url == design_url(approved.team)
    assert Design.objects.get(pk=approved.pk).innovation is not None
    again = client.post(register_url(approved.team), follow=True)
    assert "sudah dicatat di registri" in again.content.decode()
    assert Innovation.objects.count() == 1


def test_the_register_button_is_explained_away_before_approval(
    client: Any, designed: Design, innovator: User
) -> None:
    client.force_login(innovator)
    response = client.get(design_url(designed.team))
    assert "setelah tahap Design disetujui" in response.context["register_refusal"]
    assert register_url(designed.team) not in response.content.decode()
    assert client.post(register_url(designed.team)).status_code == 302
    assert not Innovation.objects.exists()


@pytest.mark.parametrize(
    ("who", "code"), [("other_innovator", 403), ("lab_other_coach", 404), ("foreign_admin", 404)]
)
def test_registering_is_refused_to_outsiders(
    client: Any, approved: Design, request: Any, who: str, code: int
) -> None:
    client.force_login(request.getfixturevalue(who))
    assert client.post(register_url(approved.team)).status_code == code
    assert not Innovation.objects.exists()


def test_registering_needs_a_post(client: Any, approved: Design, innovator: User) -> None:
    client.force_login(innovator)
    assert client.get(register_url(approved.team)).status_code == 405


def test_the_design_page_shows_the_registrys_current_name_and_status(
    client: Any, approved: Design, innovator: User, django_assert_max_num_queries: Any
) -> None:
    version = design.design_register(actor=innovator, design=approved)
    registry.version_update(
        actor=innovator, version=version, expected_revision=version.revision, data={"name": "Obat Antar"}
    )
    client.force_login(innovator)
    client.get(design_url(approved.team))
    with django_assert_max_num_queries(20):
        response = client.get(design_url(approved.team))
    page = response.content.decode()
    assert "Sudah dicatat di registri" in page
    assert reverse("innovations:detail", args=[version.pk]) in page
    assert "Obat Antar" in page and "Draf" in page
    # The lab keeps the design as it was, and offers no profile edit any more.
    assert "Antar Obat Lansia" in page
    assert reverse("labs:design_edit", args=[approved.team.cohort_id, approved.team.pk]) not in page
    edit = client.get(reverse("labs:design_edit", args=[approved.team.cohort_id, approved.team.pk]))
    assert edit.status_code == 302


def test_the_coach_sees_the_registry_name_without_a_link_to_a_draft(
    client: Any, approved: Design, innovator: User, lab_coach: User
) -> None:
    version = design.design_register(actor=innovator, design=approved)
    client.force_login(lab_coach)
    page = client.get(design_url(approved.team)).content.decode()
    assert "Sudah dicatat di registri" in page and version.name in page
    # Coaches read approved innovations only; a draft's link would not open for them.
    assert reverse("innovations:detail", args=[version.pk]) not in page


def test_the_innovation_page_says_where_it_came_from(
    client: Any,
    approved: Design,
    innovator: User,
    admin: User,
    verifier: User,
    django_assert_max_num_queries: Any,
) -> None:
    version = design.design_register(actor=innovator, design=approved)
    team = approved.team
    team_url = reverse("labs:team_detail", args=[team.cohort_id, team.pk])
    detail = reverse("innovations:detail", args=[version.pk])
    for reader in (innovator, admin):
        client.force_login(reader)
        client.get(detail)
        with django_assert_max_num_queries(25):
            page = client.get(detail).content.decode()
        assert "Berasal dari Laboratorium Inovasi" in page
        assert team.cohort.name in page and team.name in page
        assert team_url in page
    # A region-wide verifier reads the registry but not the lab: the team is named, not linked.
    client.force_login(verifier)
    page = client.get(detail).content.decode()
    assert "Berasal dari Laboratorium Inovasi" in page and team.name in page
    assert team_url not in page


def test_innovations_from_outside_the_lab_show_no_provenance(
    client: Any, innovator: User, region: Region, unit: Any
) -> None:
    version = make_version(innovator, region, unit)
    client.force_login(innovator)
    page = client.get(reverse("innovations:detail", args=[version.pk])).content.decode()
    assert "Berasal dari Laboratorium Inovasi" not in page


def test_provenance_link_follows_who_can_open_the_lab(
    approved: Design,
    innovator: User,
    other_innovator: User,
    lab_coach: User,
    lab_other_coach: User,
    foreign_admin: User,
    make_user: Callable[..., User],
    region: Region,
) -> None:
    version = design.design_register(actor=innovator, design=approved)
    innovation = InnovationVersion.objects.get(pk=version.pk).innovation
    leader = make_user("pimpinan2@uji.id", Role.LEADER, region)
    linked = {
        user.email: bool(design.provenance(user, innovation)[0].url)
        for user in (innovator, other_innovator, lab_coach, lab_other_coach, foreign_admin, leader)
    }
    assert linked == {
        innovator.email: True,
        other_innovator.email: True,  # a participant of the cohort reads every team
        lab_coach.email: True,
        lab_other_coach.email: False,  # coaches open only the teams they coach
        foreign_admin.email: False,
        leader.email: False,
    }


def test_nothing_to_register_without_a_design(client: Any, lab_team: Team, admin: User) -> None:
    client.force_login(admin)
    assert client.post(register_url(lab_team)).status_code == 404
    assert not Innovation.objects.exists()
