"""The Design stage: the team's design from its chosen idea, the action plan, gates and pages."""

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lumbung.accounts.models import User
from lumbung.labs import design, gates
from lumbung.labs.design_forms import DesignForm
from lumbung.labs.models import (
    CohortStage,
    Design,
    GateStatus,
    Idea,
    Milestone,
    StageWork,
    Team,
    region_today,
)
from lumbung.regions.models import Urusan

from .factories import lab_approve_through

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(lab_team: Team) -> Team:
    """The unit's team with Design open: earlier stages approved and an idea chosen."""
    lab_approve_through(lab_team, "diagnose")
    Idea.objects.create(
        team=lab_team, title="Antar obat lansia", description="Obat sampai di rumah lansia.", chosen=True
    )
    return lab_team


def save(team: Team, actor: User, **overrides: Any) -> Design:
    data: dict[str, Any] = {
        "name": "Antar Obat Lansia",
        "form": "pelayanan_publik",
        "kind": "non_digital",
        "main_urusan": Urusan.objects.get(name="Kesehatan"),
        "goals": "Lansia mendapat obat tanpa antre.",
        "benefits": "Antrean puskesmas berkurang.",
        "design": "Kurir puskesmas mengantar obat setiap pekan.",
    }
    data.update(overrides)
    return design.design_save(actor=actor, team=team, **data)


def step(team: Team, actor: User, **overrides: Any) -> Milestone:
    data: dict[str, Any] = {
        "what": "Rapat koordinasi",
        "who": "Kepala puskesmas",
        "due_date": region_today(team.cohort.region) + dt.timedelta(days=7),
        "expected_output": "Notula dan pembagian tugas",
    }
    data.update(overrides)
    return design.milestone_create(actor=actor, team=team, **data)


def set_gate(team: Team, status: str, note: str = "") -> None:
    StageWork.objects.update_or_create(team=team, stage="design", defaults={"status": status, "note": note})


def close_design_stage(team: Team) -> None:
    today = region_today(team.cohort.region)
    CohortStage.objects.filter(cohort=team.cohort, code="design").update(
        start_date=today - dt.timedelta(days=20), end_date=today - dt.timedelta(days=2)
    )


# The design


def test_the_design_starts_from_the_chosen_idea(team: Team, innovator: User) -> None:
    idea = Idea.objects.get(team=team, chosen=True)
    assert design.initial_from_idea(idea) == {
        "name": "Antar obat lansia",
        "goals": "Obat sampai di rumah lansia.",
    }
    saved = save(team, innovator, name="  Antar   Obat  ")
    assert saved.idea == idea
    assert saved.name == "Antar Obat"
    assert saved.updated_by == innovator
    # A second save updates the same row.
    again = save(team, innovator, name="Antar Obat Lansia", benefits="")
    assert again.pk == saved.pk and again.benefits == ""
    assert Design.objects.count() == 1


def test_no_design_before_an_idea_is_chosen(lab_team: Team, innovator: User) -> None:
    lab_approve_through(lab_team, "diagnose")
    Idea.objects.create(team=lab_team, title="Belum dipilih")
    with pytest.raises(ValidationError, match="Diagnose"):
        save(lab_team, innovator)
    assert not Design.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": "   "}, "name", "Nama inovasi wajib diisi."),
        ({"form": "lain"}, "form", "Pilih bentuk inovasi dari daftar."),
        ({"kind": "analog"}, "kind", "Pilih jenis inovasi dari daftar."),
        ({"main_urusan": Urusan(pk=987654, name="Karangan")}, "main_urusan", "daftar urusan"),
    ],
)
def test_bad_design_input_is_refused_and_writes_nothing(
    team: Team, innovator: User, overrides: dict[str, Any], field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as error:
        save(team, innovator, **overrides)
    assert list(error.value.message_dict) == [field]
    assert message in error.value.message_dict[field][0]
    assert not Design.objects.exists()


def test_urusan_is_optional_on_the_design(team: Team, innovator: User) -> None:
    assert save(team, innovator, main_urusan=None).main_urusan is None


def test_the_form_offers_the_urusan_table_and_the_registry_word_counter() -> None:
    form = DesignForm()
    assert form.fields["main_urusan"].queryset.count() == Urusan.objects.count()  # type: ignore[attr-defined]
    attrs = form.fields["design"].widget.attrs
    assert attrs["data-word-count"] == "design-count"
    assert attrs["data-word-min"] == "300"
    assert not DesignForm({"name": "", "form": "x", "kind": "digital"}).is_valid()


# The action plan


def test_milestones_are_numbered_densely(team: Team, innovator: User) -> None:
    first, second, third = (step(team, innovator, what=f"Langkah {n}") for n in (1, 2, 3))
    assert [first.position, second.position, third.position] == [1, 2, 3]
    design.milestone_remove(actor=innovator, milestone=first)
    assert list(design.milestones(team).values_list("what", "position")) == [
        ("Langkah 2", 1),
        ("Langkah 3", 2),
    ]
    assert step(team, innovator, what="Langkah 4").position == 3


def test_a_milestone_is_updated(team: Team, innovator: User) -> None:
    found = step(team, innovator)
    later = found.due_date + dt.timedelta(days=3)
    design.milestone_update(
        actor=innovator,
        milestone=found,
        what="Rapat",
        who="Sekretaris",
        due_date=later,
        expected_output="Notula",
    )
    found.refresh_from_db()
    assert (found.what, found.who, found.due_date, found.expected_output) == (
        "Rapat",
        "Sekretaris",
        later,
        "Notula",
    )


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"what": " "}, "what"),
        ({"who": ""}, "who"),
        ({"expected_output": "\n"}, "expected_output"),
        ({"due_date": None}, "due_date"),
        ({"what": "x" * 301}, "what"),
    ],
)
def test_milestone_fields_are_required(
    team: Team, innovator: User, overrides: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as error:
        step(team, innovator, **overrides)
    assert list(error.value.message_dict) == [field]
    assert not Milestone.objects.exists()


def test_a_due_date_before_the_design_stage_is_explained(team: Team, innovator: User) -> None:
    start = CohortStage.objects.get(cohort=team.cohort, code="design").start_date
    assert start is not None
    with pytest.raises(ValidationError) as error:
        step(team, innovator, due_date=start - dt.timedelta(days=1))
    message = error.value.message_dict["due_date"][0]
    assert "sebelum tahap Design dimulai" in message
    assert str(start.year) in message
    assert step(team, innovator, due_date=start).position == 1


def test_an_update_is_checked_like_a_new_step(team: Team, innovator: User) -> None:
    found = step(team, innovator)
    with pytest.raises(ValidationError):
        design.milestone_update(
            actor=innovator, milestone=found, what="", who="x", due_date=found.due_date, expected_output="x"
        )
    found.refresh_from_db()
    assert found.what == "Rapat koordinasi"


def test_at_most_twenty_milestones(team: Team, innovator: User) -> None:
    for n in range(design.MAX_MILESTONES):
        step(team, innovator, what=f"Langkah {n}")
    with pytest.raises(ValidationError, match="paling banyak 20 tonggak"):
        step(team, innovator)
    assert Milestone.objects.filter(team=team).count() == 20


# Gates: every write goes through gates.require_editable


def _writes(team: Team, actor: User, existing: Milestone) -> list[Any]:
    return [
        lambda: save(team, actor),
        lambda: step(team, actor),
        lambda: design.milestone_update(
            actor=actor,
            milestone=existing,
            what="x",
            who="y",
            due_date=existing.due_date,
            expected_output="z",
        ),
        lambda: design.milestone_remove(actor=actor, milestone=existing),
    ]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (close_design_stage, "sudah ditutup"),
        (lambda t: set_gate(t, GateStatus.SUBMITTED), "menunggu persetujuan"),
        (lambda t: set_gate(t, GateStatus.APPROVED), "sudah disetujui"),
        (lambda t: StageWork.objects.filter(team=t, stage="diagnose").update(status="returned"), "belum"),
    ],
    ids=["closed", "submitted", "approved", "gate-shut"],
)
def test_members_cannot_change_work_the_gate_holds_but_the_admin_can(
    team: Team, innovator: User, admin: User, setup: Any, message: str
) -> None:
    existing = step(team, innovator)
    setup(team)
    for write in _writes(team, innovator, existing):
        with pytest.raises(ValidationError, match=message):
            write()
    assert Milestone.objects.get(pk=existing.pk).what == "Rapat koordinasi"
    assert not Design.objects.exists()
    for write in _writes(team, admin, existing):
        write()
    assert Design.objects.filter(team=team).exists()


def test_a_returned_design_is_editable_again(team: Team, innovator: User) -> None:
    set_gate(team, GateStatus.RETURNED, note="Perjelas penanggung jawab.")
    assert step(team, innovator).position == 1


# Pages


def url(name: str, team: Team, *extra: int) -> str:
    return reverse(f"labs:{name}", args=[team.cohort_id, team.pk, *extra])


@pytest.mark.parametrize(
    ("who", "code", "editable"),
    [
        ("innovator", 200, True),
        ("lab_coach", 200, True),
        ("admin", 200, True),
        ("other_innovator", 200, False),  # participants read every team of their cohort
        ("lab_other_coach", 404, False),  # a coach sees only the teams they coach
        ("foreign_admin", 404, False),
        ("verifier", 404, False),
    ],
)
def test_who_opens_the_design_page(
    client: Any, team: Team, request: Any, who: str, code: int, editable: bool
) -> None:
    user = request.getfixturevalue(who)
    client.force_login(user)
    response = client.get(url("team_design", team))
    assert response.status_code == code
    if code == 200:
        assert response.context["can_change"] is editable
    edit = client.get(url("design_edit", team))
    assert edit.status_code == ((200 if editable else 403) if code == 200 else 404)


def test_other_teams_members_cannot_write_through_the_pages(
    client: Any, team: Team, innovator: User, other_innovator: User
) -> None:
    found = step(team, innovator)
    client.force_login(other_innovator)
    assert client.post(url("design_milestone_create", team), {}).status_code == 403
    assert client.post(url("design_milestone_remove", team, found.pk)).status_code == 403
    assert client.post(url("design_edit", team), {"name": "Diambil alih"}).status_code == 403
    assert Milestone.objects.filter(pk=found.pk).exists() and not Design.objects.exists()


def test_empty_states(client: Any, lab_team: Team, innovator: User) -> None:
    lab_approve_through(lab_team, "diagnose")
    client.force_login(innovator)
    page = client.get(url("team_design", lab_team)).content.decode()
    assert "Tim belum memilih gagasan" in page
    assert url("team_diagnose", lab_team) in page
    assert "Belum ada tonggak rencana aksi." in page
    # Without an idea the form sends the team to Diagnose.
    response = client.get(url("design_edit", lab_team))
    assert response.status_code == 302 and response.url == url("team_diagnose", lab_team)
    Idea.objects.create(team=lab_team, title="Antar obat lansia", chosen=True)
    page = client.get(url("team_design", lab_team)).content.decode()
    assert "Belum ada rancangan" in page and "Antar obat lansia" in page


def test_a_member_designs_and_plans_through_the_pages(client: Any, team: Team, innovator: User) -> None:
    client.force_login(innovator)
    form = client.get(url("design_edit", team))
    assert form.context["form"].initial["name"] == "Antar obat lansia"
    assert 'data-word-count="design-count"' in form.content.decode()
    kesehatan = Urusan.objects.get(name="Kesehatan")
    data = {"name": "Antar Obat", "form": "pelayanan_publik", "kind": "digital", "main_urusan": kesehatan.pk}
    assert client.post(url("design_edit", team), data).status_code == 302
    saved = Design.objects.get(team=team)
    assert (saved.name, saved.kind, saved.main_urusan) == ("Antar Obat", "digital", kesehatan)

    due = region_today(team.cohort.region) + dt.timedelta(days=5)
    plan = {"what": "Uji coba", "who": "Tim", "due_date": due.isoformat(), "expected_output": "Laporan"}
    assert client.post(url("design_milestone_create", team), plan).status_code == 302
    found = Milestone.objects.get(team=team)
    response = client.post(url("design_milestone_edit", team, found.pk), {**plan, "who": "Kepala seksi"})
    assert response.status_code == 302
    found.refresh_from_db()
    assert found.who == "Kepala seksi"

    page = client.get(url("team_design", team)).content.decode()
    assert "Antar Obat" in page and "Kepala seksi" in page and "Kesehatan" in page

    # Removing asks first: the GET shows a confirmation and deletes nothing.
    confirm = client.get(url("design_milestone_remove", team, found.pk))
    assert "Hapus tonggak rencana aksi?" in confirm.content.decode()
    assert Milestone.objects.filter(pk=found.pk).exists()
    assert client.post(url("design_milestone_remove", team, found.pk)).status_code == 302
    assert not Milestone.objects.filter(pk=found.pk).exists()


def test_service_errors_show_on_the_form(client: Any, team: Team, innovator: User) -> None:
    client.force_login(innovator)
    start = CohortStage.objects.get(cohort=team.cohort, code="design").start_date
    assert start is not None
    plan = {
        "what": "Uji coba",
        "who": "Tim",
        "due_date": (start - dt.timedelta(days=3)).isoformat(),
        "expected_output": "Laporan",
    }
    response = client.post(url("design_milestone_create", team), plan)
    assert response.status_code == 200
    assert "sebelum tahap Design dimulai" in response.content.decode()
    assert not Milestone.objects.exists()


def test_a_refused_removal_explains_itself(client: Any, team: Team, innovator: User) -> None:
    found = step(team, innovator)
    set_gate(team, GateStatus.SUBMITTED)
    client.force_login(innovator)
    response = client.post(url("design_milestone_remove", team, found.pk))
    assert response.status_code == 200
    assert "menunggu persetujuan" in response.content.decode()
    assert Milestone.objects.filter(pk=found.pk).exists()


def test_the_page_shows_the_gate_and_the_reviewers_notes(client: Any, team: Team, innovator: User) -> None:
    save(team, innovator)
    step(team, innovator)
    set_gate(team, GateStatus.RETURNED, note="Tambahkan tonggak sosialisasi.")
    client.force_login(innovator)
    page = client.get(url("team_design", team)).content.decode()
    assert "Dikembalikan" in page
    assert "Tambahkan tonggak sosialisasi." in page
    assert reverse("labs:team_detail", args=[team.cohort_id, team.pk]) in page
    set_gate(team, GateStatus.SUBMITTED)
    response = client.get(url("team_design", team))
    assert response.context["can_change"] is False
    assert url("design_milestone_create", team) not in response.content.decode()


def test_the_team_page_links_to_the_design_page(client: Any, team: Team, innovator: User) -> None:
    client.force_login(innovator)
    page = client.get(reverse("labs:team_detail", args=[team.cohort_id, team.pk])).content.decode()
    assert url("team_design", team) in page


def test_the_design_page_query_count_does_not_grow_with_the_plan(
    client: Any, team: Team, innovator: User, django_assert_max_num_queries: Any
) -> None:
    save(team, innovator)
    for n in range(15):
        step(team, innovator, what=f"Langkah {n}")
    client.force_login(innovator)
    client.get(url("team_design", team))
    with django_assert_max_num_queries(20):
        response = client.get(url("team_design", team))
    assert len(response.context["milestones"]) == 15


def test_gates_still_require_a_plan_to_submit(team: Team, innovator: User) -> None:
    save(team, innovator)
    with pytest.raises(ValidationError, match="rencana aksi"):
        gates.stage_submit(actor=innovator, team=team, stage="design")
    step(team, innovator)
    assert gates.stage_submit(actor=innovator, team=team, stage="design").status == GateStatus.SUBMITTED
