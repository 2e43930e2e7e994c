import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lumbung.innovations import services
from lumbung.innovations.models import AuditEntry, InnovationVersion, Status, Transition
from lumbung.innovations.workflow import MOVES
from lumbung.regions.models import Urusan

from .factories import make_version, set_status, walk_to

pytestmark = pytest.mark.django_db


def test_create_makes_a_current_draft_with_an_audit_row(innovator, region, unit):
    version = make_version(innovator, region, unit)
    assert version.status == Status.DRAFT
    assert version.is_current and version.revision == 1
    assert AuditEntry.objects.filter(version=version, field="created").exists()


def test_innovator_cannot_create_in_another_unit(innovator, region, other_unit):
    with pytest.raises(PermissionDenied):
        make_version(innovator, region, other_unit)


def test_create_refuses_trial_after_implementation(innovator, region, unit):
    with pytest.raises(ValidationError) as error:
        make_version(
            innovator, region, unit, trial_date=dt.date(2023, 7, 1), implementation_date=dt.date(2023, 1, 1)
        )
    assert "trial_date" in error.value.message_dict
    assert not InnovationVersion.objects.exists()


def test_full_chain_with_revision(innovator, verifier, admin, region, unit):
    version = make_version(innovator, region, unit)
    version = services.version_move(actor=innovator, version=version, move_name="submit")
    version = services.version_move(actor=verifier, version=version, move_name="start_validation")
    version = services.version_move(
        actor=verifier,
        version=version,
        move_name="request_revision",
        note="Lengkapi data capaian.",
        field_notes={"results": "Sertakan angka sebelum dan sesudah.", "unknown_field": "dibuang"},
    )
    assert version.status == Status.NEEDS_REVISION
    assert version.revision_notes == {
        "_note": "Lengkapi data capaian.",
        "results": "Sertakan angka sebelum dan sesudah.",
    }
    services.version_update(
        actor=innovator, version=version, expected_revision=version.revision, data={"results": "Naik 40%."}
    )
    version = services.version_move(actor=innovator, version=version, move_name="submit")
    assert version.revision_notes == {}
    version = services.version_move(actor=verifier, version=version, move_name="start_validation")
    version = services.version_move(actor=verifier, version=version, move_name="approve")
    version = services.version_move(actor=admin, version=version, move_name="mark_ready")
    version = services.version_move(actor=admin, version=version, move_name="mark_sent")
    assert version.status == Status.SENT
    history = list(Transition.objects.filter(version=version).values_list("from_status", "to_status"))
    assert history == [
        ("draft", "diajukan"),
        ("diajukan", "sedang_divalidasi"),
        ("sedang_divalidasi", "perlu_revisi"),
        ("perlu_revisi", "diajukan"),
        ("diajukan", "sedang_divalidasi"),
        ("sedang_divalidasi", "disetujui"),
        ("disetujui", "siap_kirim"),
        ("siap_kirim", "terkirim"),
    ]
    assert Transition.objects.filter(version=version, to_status="perlu_revisi").get().actor == verifier


@pytest.mark.parametrize("move", MOVES, ids=lambda m: m.name)
def test_every_move_is_refused_from_a_wrong_state(move, innovator, verifier, admin, region, unit):
    version = make_version(innovator, region, unit)
    wrong = next(s for s in Status.values if s not in move.sources)
    set_status(version, wrong)
    for actor in (innovator, verifier, admin):
        with pytest.raises(PermissionDenied):
            services.version_move(actor=actor, version=version, move_name=move.name, note="x")
    version.refresh_from_db()
    assert version.status == wrong
    assert not Transition.objects.exists()


@pytest.mark.parametrize("move", MOVES, ids=lambda m: m.name)
def test_every_move_is_refused_to_roles_outside_its_table(
    move, innovator, verifier, admin, leader, region, unit
):
    version = set_status(make_version(innovator, region, unit), move.sources[0])
    people = {"innovator": innovator, "verifier": verifier, "admin": admin, "leader": leader}
    for role, person in people.items():
        if role in move.roles:
            continue
        with pytest.raises(PermissionDenied):
            services.version_move(actor=person, version=version, move_name=move.name, note="x")


def test_innovator_of_another_unit_cannot_submit(innovator, other_innovator, region, unit):
    version = make_version(innovator, region, unit)
    with pytest.raises(PermissionDenied):
        services.version_move(actor=other_innovator, version=version, move_name="submit")


def test_foreign_verifier_cannot_validate(innovator, region, unit, make_user, other_region):
    version = make_version(innovator, region, unit)
    services.version_move(actor=innovator, version=version, move_name="submit")
    foreign = make_user("verif@makassar.id", "verifier", other_region)
    with pytest.raises(PermissionDenied):
        services.version_move(actor=foreign, version=version, move_name="start_validation")


def test_submit_needs_300_words_and_complete_profile(innovator, region, unit):
    version = make_version(innovator, region, unit, design="Terlalu pendek.", goals="")
    with pytest.raises(ValidationError) as error:
        services.version_move(actor=innovator, version=version, move_name="submit")
    assert "design" in error.value.message_dict and "goals" in error.value.message_dict
    assert "2 kata" in error.value.message_dict["design"][0]
    version.refresh_from_db()
    assert version.status == Status.DRAFT


def test_revision_requires_a_note(innovator, verifier, admin, region, unit):
    version = walk_to(make_version(innovator, region, unit), Status.IN_VALIDATION, innovator, verifier, admin)
    with pytest.raises(ValidationError):
        services.version_move(actor=verifier, version=version, move_name="request_revision")


def test_a_move_happens_once_when_two_press_together(innovator, verifier, admin, region, unit):
    version = walk_to(make_version(innovator, region, unit), Status.SUBMITTED, innovator, verifier, admin)
    first = InnovationVersion.objects.get(pk=version.pk)
    second = InnovationVersion.objects.get(pk=version.pk)
    services.version_move(actor=verifier, version=first, move_name="start_validation")
    with pytest.raises((ValidationError, PermissionDenied)):
        services.version_move(actor=verifier, version=second, move_name="start_validation")
    assert Transition.objects.filter(to_status="sedang_divalidasi").count() == 1


def test_stale_edit_is_refused_and_shows_what_changed(innovator, admin, region, unit):
    version = make_version(innovator, region, unit)
    loaded_by_innovator = InnovationVersion.objects.get(pk=version.pk)
    loaded_by_admin = InnovationVersion.objects.get(pk=version.pk)
    services.version_update(
        actor=admin, version=loaded_by_admin, expected_revision=1, data={"goals": "Tujuan versi admin."}
    )
    with pytest.raises(services.StaleEdit) as stale:
        services.version_update(
            actor=innovator,
            version=loaded_by_innovator,
            expected_revision=1,
            data={"goals": "Tujuan inovator."},
        )
    assert [(c.field, c.new_value, c.actor) for c in stale.value.changes] == [
        ("goals", "Tujuan versi admin.", admin)
    ]
    version.refresh_from_db()
    assert version.goals == "Tujuan versi admin."
    assert version.revision == 2


def test_update_writes_one_audit_row_per_changed_field(innovator, region, unit):
    version = make_version(innovator, region, unit)
    social = Urusan.objects.get(name="Sosial")
    services.version_update(
        actor=innovator,
        version=version,
        expected_revision=1,
        data={"name": "Nama Baru", "budget": 1_250_000, "goals": version.goals},
        other_urusan=[social],
    )
    rows = {
        e.field: (e.old_value, e.new_value) for e in AuditEntry.objects.filter(version=version, revision=2)
    }
    assert rows == {
        "name": ("Layanan Antar Obat Lansia", "Nama Baru"),
        "budget": ("Rp 75.000.000", "Rp 1.250.000"),
        "other_urusan": ("", "Sosial"),
    }


def test_locked_versions_cannot_be_edited(innovator, verifier, admin, region, unit):
    version = walk_to(make_version(innovator, region, unit), Status.SUBMITTED, innovator, verifier, admin)
    with pytest.raises(PermissionDenied):
        services.version_update(actor=innovator, version=version, expected_revision=version.revision, data={})


def test_resubmit_copies_into_a_new_year_and_keeps_the_old(innovator, verifier, admin, region, unit):
    version = walk_to(make_version(innovator, region, unit), Status.READY, innovator, verifier, admin)
    old_revision = version.revision
    with pytest.raises(ValidationError):
        services.version_resubmit(actor=innovator, version=version, year=2024, developed_since="  ")
    new = services.version_resubmit(
        actor=innovator, version=version, year=2024, developed_since="Kini tersedia di aplikasi."
    )
    version.refresh_from_db()
    assert (new.year, new.status, new.is_current, new.name) == (2024, Status.DRAFT, True, version.name)
    assert not version.is_current and version.status == Status.READY and version.revision == old_revision
    with pytest.raises(ValidationError):
        services.version_resubmit(actor=innovator, version=version, year=2024, developed_since="lagi")


def test_team_members_inside_and_outside_the_system(innovator, region, unit):
    version = make_version(innovator, region, unit)
    services.team_member_add(
        actor=innovator,
        version=version,
        expected_revision=1,
        entry=services.TeamEntry(user=innovator, role="Ketua"),
    )
    services.team_member_add(
        actor=innovator,
        version=version,
        expected_revision=2,
        entry=services.TeamEntry(name="Dr. Rina (Universitas)", role="Mitra riset"),
    )
    assert [m.display_name for m in version.team.all()] == [innovator.full_name, "Dr. Rina (Universitas)"]
    with pytest.raises(ValidationError):
        services.team_member_add(
            actor=innovator, version=version, expected_revision=3, entry=services.TeamEntry(user=innovator)
        )
