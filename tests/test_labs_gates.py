"""Stage gates: submit, approve or return, the next stage opening, late and double submissions, history."""

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from lumbung.accounts.models import User
from lumbung.labs import diagnose, gates
from lumbung.labs.models import (
    Cohort,
    CohortStage,
    Commitment,
    GateStatus,
    Idea,
    ReadinessAnswer,
    ReadinessQuestion,
    StageMove,
    StageWork,
    Team,
    region_today,
)
from lumbung.notifications.models import Notification

from .factories import lab_approve_through

pytestmark = pytest.mark.django_db


def commit(team: Team) -> None:
    Commitment.objects.create(
        team=team, name="Kepala Dinas", position="Kepala", committed_on=dt.date(2026, 1, 5)
    )


def diagnose_work(team: Team, actor: User) -> None:
    question = ReadinessQuestion.objects.create(
        cohort=team.cohort, position=1, aspect="Kepemimpinan", text="?"
    )
    ReadinessAnswer.objects.create(team=team, question=question, value=4)
    diagnose.problem_create(
        team=team, actor=actor, title="Antrean panjang", urgency=4, seriousness=4, growth=3
    )
    idea = diagnose.idea_create(team=team, actor=actor, title="Antrean daring")
    diagnose.idea_choose(idea=idea, actor=actor)


def status(team: Team, stage: str) -> str:
    return gates.team_stage(team, stage).status


# The gate


def test_only_the_first_stage_is_open_to_a_new_team(lab_team: Team) -> None:
    stages = gates.team_stages(lab_team)
    assert [s.stage.code for s in stages if s.is_open] == ["drum_up"]
    assert stages[1].blocked_by == "Drum-up"


def test_approval_opens_the_next_stage_and_tells_the_team(
    lab_team: Team, innovator: User, admin: User, lab_coach: User
) -> None:
    commit(lab_team)
    gates.stage_submit(actor=innovator, team=lab_team, stage="drum_up")
    assert status(lab_team, "drum_up") == GateStatus.SUBMITTED
    # Drum-up is signed off by the admin; the admin is told.
    assert Notification.objects.filter(recipient=admin, kind="lab").count() == 1
    with pytest.raises(PermissionDenied):
        gates.stage_approve(actor=lab_coach, team=lab_team, stage="drum_up")
    gates.stage_approve(actor=admin, team=lab_team, stage="drum_up", note="Bagus")
    assert gates.team_stage(lab_team, "diagnose").is_open
    assert Notification.objects.filter(recipient=innovator, kind="lab", title__contains="Disetujui").exists()


def test_the_coach_signs_off_diagnose_and_can_return_it_with_notes(
    lab_team: Team, innovator: User, lab_coach: User, lab_other_coach: User
) -> None:
    lab_approve_through(lab_team, "drum_up")
    diagnose_work(lab_team, innovator)
    gates.stage_submit(actor=innovator, team=lab_team, stage="diagnose")
    assert Notification.objects.filter(recipient=lab_coach, kind="lab").count() == 1
    with pytest.raises(PermissionDenied):
        gates.stage_return(actor=lab_other_coach, team=lab_team, stage="diagnose", note="Tidak")
    with pytest.raises(ValidationError) as error:
        gates.stage_return(actor=lab_coach, team=lab_team, stage="diagnose", note="  ")
    assert "catatan" in str(error.value)
    gates.stage_return(actor=lab_coach, team=lab_team, stage="diagnose", note="Pertajam masalahnya.")
    assert status(lab_team, "diagnose") == GateStatus.RETURNED
    assert not gates.team_stage(lab_team, "design").is_open
    # Returned work is editable again and can be submitted again.
    diagnose.problem_create(
        team=lab_team, actor=innovator, title="Berkas hilang", urgency=2, seriousness=2, growth=2
    )
    gates.stage_submit(actor=innovator, team=lab_team, stage="diagnose")
    gates.stage_approve(actor=lab_coach, team=lab_team, stage="diagnose")
    assert gates.team_stage(lab_team, "design").is_open
    moves = list(StageMove.objects.filter(work__team=lab_team, work__stage="diagnose").order_by("id"))
    assert [(m.from_status, m.to_status) for m in moves] == [
        ("draft", "submitted"),
        ("submitted", "returned"),
        ("returned", "submitted"),
        ("submitted", "approved"),
    ]
    assert moves[1].note == "Pertajam masalahnya." and moves[1].actor == lab_coach


def test_a_stage_submitted_twice_is_refused(lab_team: Team, innovator: User) -> None:
    commit(lab_team)
    gates.stage_submit(actor=innovator, team=lab_team, stage="drum_up")
    with pytest.raises(ValidationError, match="sudah diajukan"):
        gates.stage_submit(actor=innovator, team=lab_team, stage="drum_up")
    assert StageMove.objects.count() == 1


def test_incomplete_work_cannot_be_submitted(lab_team: Team, innovator: User) -> None:
    with pytest.raises(ValidationError, match="komitmen"):
        gates.stage_submit(actor=innovator, team=lab_team, stage="drum_up")
    lab_approve_through(lab_team, "drum_up")
    with pytest.raises(ValidationError, match="kesiapan"):
        gates.stage_submit(actor=innovator, team=lab_team, stage="diagnose")
    assert not StageWork.objects.filter(team=lab_team, stage="diagnose").exists()


def test_a_late_submission_is_refused_until_the_admin_reopens(lab_team: Team, innovator: User) -> None:
    commit(lab_team)
    today = region_today(lab_team.cohort.region)
    CohortStage.objects.filter(cohort=lab_team.cohort, code="drum_up").update(
        start_date=today - dt.timedelta(days=10), end_date=today - dt.timedelta(days=1)
    )
    with pytest.raises(ValidationError, match="sudah ditutup"):
        gates.stage_submit(actor=innovator, team=lab_team, stage="drum_up")
    CohortStage.objects.filter(cohort=lab_team.cohort, code="drum_up").update(reopened_until=today)
    gates.stage_submit(actor=innovator, team=lab_team, stage="drum_up")


def test_submitted_or_approved_work_is_locked_but_the_admin_may_correct(
    lab_team: Team, innovator: User, admin: User
) -> None:
    lab_approve_through(lab_team, "drum_up")
    diagnose_work(lab_team, innovator)
    gates.stage_submit(actor=innovator, team=lab_team, stage="diagnose")
    with pytest.raises(ValidationError, match="menunggu persetujuan"):
        diagnose.problem_create(
            team=lab_team, actor=innovator, title="Lagi", urgency=1, seriousness=1, growth=1
        )
    diagnose.problem_create(
        team=lab_team, actor=admin, title="Koreksi admin", urgency=1, seriousness=1, growth=1
    )


def test_open_mode_has_no_gates(lab_team: Team, innovator: User) -> None:
    Cohort.objects.filter(pk=lab_team.cohort_id).update(gated=False)
    lab_team.cohort.gated = False
    assert all(item.is_open for item in gates.team_stages(lab_team))
    idea = diagnose.idea_create(team=lab_team, actor=innovator, title="Layanan jemput bola")
    assert Idea.objects.filter(pk=idea.pk).exists()


def test_ideas_are_gathered_from_drum_up(lab_team: Team, innovator: User) -> None:
    idea = diagnose.idea_create(team=lab_team, actor=innovator, title="Ide awal dari Drum-up")
    assert idea.pk
    with pytest.raises(ValidationError, match="Diagnose belum terbuka"):
        diagnose.problem_create(
            team=lab_team, actor=innovator, title="Belum", urgency=1, seriousness=1, growth=1
        )


def test_two_reviewers_at_once_one_wins(
    lab_team: Team, innovator: User, lab_coach: User, admin: User
) -> None:
    lab_approve_through(lab_team, "drum_up")
    diagnose_work(lab_team, innovator)
    gates.stage_submit(actor=innovator, team=lab_team, stage="diagnose")
    stale = StageWork.objects.get(team=lab_team, stage="diagnose")
    gates.stage_approve(actor=lab_coach, team=lab_team, stage="diagnose")
    with pytest.raises(ValidationError, match="baru saja diubah"):
        gates._move(
            work=stale, to_status=GateStatus.RETURNED, from_statuses=["submitted"], actor=admin, note="x"
        )
    assert status(lab_team, "diagnose") == GateStatus.APPROVED


# Pages


def test_team_page_shows_stages_and_history(
    client: Any, lab_team: Team, innovator: User, admin: User
) -> None:
    commit(lab_team)
    gates.stage_submit(actor=innovator, team=lab_team, stage="drum_up")
    client.force_login(innovator)
    response = client.get(reverse("labs:team_detail", args=[lab_team.cohort_id, lab_team.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Menunggu persetujuan" in body and "Menunggu persetujuan Drum-up" in body
    assert "Riwayat tahap" in body


def test_team_page_query_count(
    client: Any, lab_team: Team, innovator: User, django_assert_max_num_queries: Any
) -> None:
    lab_approve_through(lab_team, "design")
    client.force_login(innovator)
    with django_assert_max_num_queries(16):
        client.get(reverse("labs:team_detail", args=[lab_team.cohort_id, lab_team.pk]))


def test_submit_and_review_through_the_pages(
    client: Any, lab_team: Team, innovator: User, lab_coach: User
) -> None:
    lab_approve_through(lab_team, "drum_up")
    diagnose_work(lab_team, innovator)
    args = [lab_team.cohort_id, lab_team.pk, "diagnose"]
    client.force_login(innovator)
    client.post(reverse("labs:stage_submit", args=args))
    assert client.get(reverse("labs:stage_review", args=args)).status_code == 403
    client.force_login(lab_coach)
    page = client.get(reverse("labs:stage_review", args=args))
    assert page.status_code == 200
    response = client.post(reverse("labs:stage_review", args=args), {"decision": "return", "note": ""})
    assert "Tuliskan catatan" in response.content.decode()
    client.post(reverse("labs:stage_review", args=args), {"decision": "approve", "note": "Lanjut"})
    assert status(lab_team, "diagnose") == GateStatus.APPROVED


def test_others_are_refused(
    client: Any,
    lab_teams: tuple[Team, Team],
    other_innovator: User,
    lab_other_coach: User,
    foreign_admin: User,
) -> None:
    team = lab_teams[0]
    commit(team)
    detail = reverse("labs:team_detail", args=[team.cohort_id, team.pk])
    submit = reverse("labs:stage_submit", args=[team.cohort_id, team.pk, "drum_up"])
    client.force_login(other_innovator)  # a member of the other team reads, but may not submit
    assert client.get(detail).status_code == 200
    assert client.post(submit).status_code == 403
    client.force_login(lab_other_coach)  # a coach sees only their own teams
    assert client.get(detail).status_code == 404
    client.force_login(foreign_admin)
    assert client.get(detail).status_code == 404
    assert client.post(submit).status_code == 404
    assert not StageWork.objects.exists()
    client.force_login(other_innovator)
    nope = reverse("labs:stage_review", args=[team.cohort_id, team.pk, "nope"])
    assert client.post(nope).status_code == 404
