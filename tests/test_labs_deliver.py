"""The Deliver stage: progress reports with evidence, achievement of the figures, overdue milestones
by the region's calendar, and who may see and change what."""

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from lumbung.accounts.models import User
from lumbung.labs import deliver
from lumbung.labs.deliver import Figures, achievement, overall_percent
from lumbung.labs.models import (
    CohortStage,
    Design,
    GateStatus,
    Milestone,
    MilestoneStatus,
    MilestoneUpdate,
    StageWork,
    Team,
    TeamFile,
    region_today,
)

from .factories import lab_approve_through

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
FAKE_PDF = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


@pytest.fixture
def team(lab_teams: tuple[Team, Team]) -> Team:
    """The unit's team with Design approved, so Deliver is open to it."""
    lab_approve_through(lab_teams[0], "design")
    lab_approve_through(lab_teams[1], "design")
    return lab_teams[0]


def today(team: Team) -> dt.date:
    return region_today(team.cohort.region)


def milestone(team: Team, position: int = 1, due_in: int = 10, **fields: Any) -> Milestone:
    return Milestone.objects.create(
        team=team,
        position=position,
        what=fields.pop("what", f"Kegiatan {position}"),
        who="Kepala Seksi Pelayanan",
        due_date=today(team) + dt.timedelta(days=due_in),
        expected_output="Berita acara",
        **fields,
    )


def report(actor: User, target: Milestone, status: str = "berjalan", percent: int = 50, **kwargs: Any) -> Any:
    kwargs.setdefault("reported_on", today(target.team))
    kwargs.setdefault("note", "")
    return deliver.progress_report(actor=actor, milestone=target, status=status, percent=percent, **kwargs)


def design(team: Team, **fields: Any) -> Design:
    return Design.objects.create(team=team, name="Antar Obat Lansia", **fields)


def save_figures(actor: User, team: Team, **overrides: Any) -> Design:
    data: dict[str, Any] = {
        "indicator_name": "Waktu tunggu obat",
        "indicator_unit": "menit",
        "baseline": Decimal(60),
        "target": Decimal(30),
        "actual": Decimal(45),
    }
    data.update(overrides)
    return deliver.figures_save(actor=actor, team=team, **data)


def set_gate(team: Team, status: str) -> None:
    StageWork.objects.update_or_create(team=team, stage="deliver", defaults={"status": status})


def media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


# Progress reports


def test_a_report_with_evidence_brings_the_milestone_up_to_date(team: Team, innovator: User) -> None:
    target = milestone(team)
    update = report(
        innovator,
        target,
        note="  Rapat koordinasi sudah  ",
        evidence_upload=SimpleUploadedFile("ba.pdf", PDF),
    )
    target.refresh_from_db()
    assert (target.status, target.percent) == ("berjalan", 50)
    assert update.note == "Rapat koordinasi sudah" and update.reported_by == innovator
    assert update.evidence is not None
    assert update.evidence.team == team and update.evidence.purpose == TeamFile.Purpose.EVIDENCE
    assert update.evidence.content_type == "application/pdf"
    assert update.evidence.caption == "Bukti: Kegiatan 1"


def test_a_late_entered_report_about_an_earlier_day_does_not_override_the_newer_one(
    team: Team, innovator: User
) -> None:
    target = milestone(team)
    report(innovator, target, "selesai", 100)
    report(innovator, target, "berjalan", 40, reported_on=today(team) - dt.timedelta(days=1))
    target.refresh_from_db()
    assert (target.status, target.percent) == ("selesai", 100)
    assert MilestoneUpdate.objects.count() == 2


@pytest.mark.parametrize(
    ("status", "percent", "field", "message"),
    [
        ("berjalan", -1, "percent", "0 sampai 100"),
        ("berjalan", 101, "percent", "0 sampai 100"),
        ("hampir", 50, "status", "Pilih status"),
        ("selesai", 90, "percent", "Status Selesai berarti 100%"),
        ("berjalan", 100, "status", "Kemajuan 100% berarti tonggak sudah selesai"),
        ("belum", 10, "percent", "Status Belum mulai berarti 0%"),
    ],
)
def test_status_and_percent_must_agree(
    team: Team, innovator: User, status: str, percent: int, field: str, message: str
) -> None:
    target = milestone(team)
    with pytest.raises(ValidationError, match=message) as error:
        report(innovator, target, status, percent, evidence_upload=SimpleUploadedFile("ba.pdf", PDF))
    assert list(error.value.message_dict) == [field]
    assert not MilestoneUpdate.objects.exists() and not TeamFile.objects.exists()
    target.refresh_from_db()
    assert (target.status, target.percent) == ("belum", 0)


def test_planned_at_zero_and_done_at_hundred_are_accepted(team: Team, innovator: User) -> None:
    target = milestone(team)
    report(innovator, target, "belum", 0)
    report(innovator, target, "berjalan", 0)  # started, nothing measurable yet
    report(innovator, target, "selesai", 100)
    target.refresh_from_db()
    assert target.status == MilestoneStatus.DONE


def test_a_report_date_in_the_future_is_refused(team: Team, innovator: User) -> None:
    with pytest.raises(ValidationError, match="masa depan") as error:
        report(innovator, milestone(team), reported_on=today(team) + dt.timedelta(days=1))
    assert list(error.value.message_dict) == ["reported_on"]
    assert not MilestoneUpdate.objects.exists()


def test_a_report_date_before_the_deliver_stage_is_refused(team: Team, innovator: User) -> None:
    start = CohortStage.objects.get(cohort=team.cohort, code="deliver").start_date
    assert start is not None
    with pytest.raises(ValidationError, match="sebelum tahap Deliver dimulai") as error:
        report(innovator, milestone(team), reported_on=start - dt.timedelta(days=1))
    assert list(error.value.message_dict) == ["reported_on"]
    assert report(innovator, milestone(team, 2), reported_on=start).reported_on == start


def test_a_fake_pdf_is_refused_by_content_and_nothing_is_written(team: Team, innovator: User) -> None:
    target = milestone(team)
    fake = SimpleUploadedFile("bukti.pdf", FAKE_PDF, content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        report(innovator, target, evidence_upload=fake)
    assert list(error.value.message_dict) == ["evidence"]
    assert not MilestoneUpdate.objects.exists() and not TeamFile.objects.exists()
    assert media_files() == []
    target.refresh_from_db()
    assert (target.status, target.percent) == ("belum", 0)


@pytest.mark.parametrize(
    ("arrange", "message"),
    [
        ("design_pending", "belum terbuka untuk tim ini"),
        ("submitted", "menunggu persetujuan"),
        ("approved", "sudah disetujui"),
        ("closed", "sudah ditutup"),
    ],
)
def test_the_gate_refuses_reports_and_figures_but_the_admin_may_correct(
    lab_teams: tuple[Team, Team], innovator: User, admin: User, arrange: str, message: str
) -> None:
    team = lab_teams[0]
    if arrange == "design_pending":
        lab_approve_through(team, "diagnose")
    else:
        lab_approve_through(team, "design")
    if arrange in ("submitted", "approved"):
        set_gate(team, GateStatus.SUBMITTED if arrange == "submitted" else GateStatus.APPROVED)
    if arrange == "closed":
        day = today(team)
        CohortStage.objects.filter(cohort=team.cohort, code="deliver").update(
            start_date=day - dt.timedelta(days=10), end_date=day - dt.timedelta(days=1)
        )
    target = milestone(team)
    design(team)
    with pytest.raises(ValidationError, match=message):
        report(innovator, target)
    with pytest.raises(ValidationError, match=message):
        save_figures(innovator, team)
    assert not MilestoneUpdate.objects.exists()
    # The region's admin organises the cohort and may correct the work at any time.
    report(admin, target, "selesai", 100)
    assert save_figures(admin, team).actual == Decimal(45)


# Figures


def test_figures_are_saved_on_the_design(team: Team, innovator: User) -> None:
    design(team)
    saved = save_figures(innovator, team, indicator_name="  Waktu   tunggu ", actual=Decimal("44.999"))
    saved.refresh_from_db()
    assert saved.indicator_name == "Waktu tunggu" and saved.indicator_unit == "menit"
    assert (saved.baseline, saved.target, saved.actual) == (Decimal(60), Decimal(30), Decimal("45.00"))
    assert saved.updated_by == innovator
    cleared = save_figures(innovator, team, actual=None)
    assert cleared.actual is None


def test_figures_need_a_design_first(team: Team, innovator: User) -> None:
    with pytest.raises(ValidationError, match="belum punya rancangan inovasi"):
        save_figures(innovator, team)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"baseline": Decimal(-1)}, "baseline", "tidak boleh negatif"),
        ({"target": Decimal("-0.5")}, "target", "tidak boleh negatif"),
        ({"actual": Decimal(-3)}, "actual", "tidak boleh negatif"),
        ({"target": Decimal(60)}, "target", "berbeda dari nilai awal"),
        ({"actual": Decimal("1e13")}, "actual", "terlalu besar"),
        ({"indicator_name": "  "}, "indicator_name", "wajib diisi"),
    ],
)
def test_bad_figures_are_refused_and_nothing_is_saved(
    team: Team, innovator: User, overrides: dict[str, Any], field: str, message: str
) -> None:
    design(team)
    with pytest.raises(ValidationError, match=message) as error:
        save_figures(innovator, team, **overrides)
    assert list(error.value.message_dict) == [field]
    assert Design.objects.get(team=team).indicator_name == ""


@pytest.mark.parametrize(
    ("baseline", "target", "actual", "expected"),
    [
        ("100", "200", "150", "50.0"),  # rising indicator, half way
        ("60", "30", "45", "50.0"),  # waiting time cut from 60 to 30 minutes: 45 is half way
        ("60", "30", "20", "133.3"),  # beyond the target
        ("60", "30", "70", "-33.3"),  # moved the wrong way
        ("10", "0", "0", "100.0"),  # cut to nothing, as planned
        ("0", "3", "1", "33.3"),
        ("0", "3", "2", "66.7"),  # rounded half up to one decimal
        ("50", "50", "60", None),  # no change planned
        (None, "30", "45", None),
        ("60", None, "45", None),
        ("60", "30", None, None),
    ],
)
def test_achievement_is_the_change_achieved_over_the_change_planned(
    baseline: str | None, target: str | None, actual: str | None, expected: str | None
) -> None:
    def number(text: str | None) -> Decimal | None:
        return None if text is None else Decimal(text)

    figures = Figures(number(baseline), number(target), number(actual))
    assert achievement(figures) == number(expected)


def test_a_target_below_the_baseline_is_a_decreasing_one() -> None:
    assert Figures(Decimal(60), Decimal(30), None).decreasing
    assert not Figures(Decimal(30), Decimal(60), None).decreasing
    assert not Figures(None, Decimal(30), None).decreasing


@pytest.mark.parametrize(
    ("percents", "expected"), [([], None), ([0, 50, 100], 50), ([33, 34], 34), ([0, 0, 1], 0), ([100], 100)]
)
def test_overall_progress_is_the_mean_percent(percents: list[int], expected: int | None) -> None:
    assert overall_percent(percents) == expected


# Overdue milestones


def test_overdue_milestones_are_grouped_by_team_in_one_query(
    team: Team, lab_teams: tuple[Team, Team], django_assert_num_queries: Any
) -> None:
    other = lab_teams[1]
    late = milestone(team, 1, due_in=-3)
    milestone(team, 2, due_in=-5, status="selesai", percent=100)  # done: never overdue
    milestone(team, 3, due_in=0)  # due today: not late yet
    later = milestone(team, 4, due_in=-1, status="berjalan", percent=70)
    theirs = milestone(other, 1, due_in=-2)
    with django_assert_num_queries(1):
        groups = deliver.overdue_milestones(team.cohort, None)
    assert [g.team.pk for g in groups] == [team.pk, other.pk]  # by team name
    assert [(r.milestone.pk, r.days_late) for r in groups[0].rows] == [(late.pk, 3), (later.pk, 1)]
    assert [(r.milestone.pk, r.days_late) for r in groups[1].rows] == [(theirs.pk, 2)]
    only_theirs = deliver.overdue_milestones(team.cohort, [other.pk])
    assert [g.team.pk for g in only_theirs] == [other.pk]
    with django_assert_num_queries(0):
        assert deliver.overdue_milestones(team.cohort, []) == []
    with django_assert_num_queries(1):
        assert deliver.overdue_count_by_team(team.cohort) == {team.pk: 2, other.pk: 1}


def test_overdue_follows_the_regions_midnight(team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    target = milestone(team)
    Milestone.objects.filter(pk=target.pk).update(due_date=dt.date(2026, 3, 10))
    # 16.30 UTC on the 10th is 00.30 WITA on the 11th in Sulawesi, but still 23.30 WIB on the 10th.
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2026, 3, 10, 16, 30, tzinfo=dt.UTC))
    cohort = team.cohort
    assert cohort.region.timezone == "Asia/Makassar"
    groups = deliver.overdue_milestones(cohort, None)
    assert [(r.milestone.pk, r.days_late) for g in groups for r in g.rows] == [(target.pk, 1)]
    cohort.region.timezone = "Asia/Jakarta"
    assert deliver.overdue_milestones(cohort, None) == []
    assert deliver.overdue_count_by_team(cohort) == {}


def test_the_deliver_page_marks_lateness_by_the_regions_day(
    client: Any, team: Team, innovator: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = milestone(team)
    Milestone.objects.filter(pk=target.pk).update(due_date=dt.date(2026, 3, 8))
    client.force_login(innovator)
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2026, 3, 10, 16, 30, tzinfo=dt.UTC))
    body = client.get(reverse("labs:team_deliver", args=[team.cohort_id, team.pk])).content.decode()
    assert "Terlambat · 3 hari" in body


# Pages


def deliver_url(team: Team) -> str:
    return reverse("labs:team_deliver", args=[team.cohort_id, team.pk])


def report_url(target: Milestone) -> str:
    return reverse("labs:milestone_report", args=[target.team.cohort_id, target.team_id, target.pk])


def figures_url(team: Team) -> str:
    return reverse("labs:deliver_figures", args=[team.cohort_id, team.pk])


def test_the_deliver_page_shows_plan_progress_evidence_and_figures(
    client: Any, team: Team, innovator: User
) -> None:
    first, second = milestone(team, 1, due_in=-2), milestone(team, 2, what="Uji coba layanan")
    update = report(innovator, first, "berjalan", 40, evidence_upload=SimpleUploadedFile("foto.pdf", PDF))
    report(innovator, second, "selesai", 100)
    design(team, indicator_name="Waktu tunggu", indicator_unit="menit", baseline=60, target=30, actual=45)
    client.force_login(innovator)
    response = client.get(deliver_url(team))
    page = response.context["page"]
    assert page.overall == 70 and page.overdue == 1 and page.achievement == Decimal("50.0")
    body = response.content.decode()
    assert "Terlambat · 2 hari" in body
    assert f'<progress id="kemajuan-{first.pk}" value="40" max="100">' in body
    assert f'<label for="kemajuan-{first.pk}">' in body
    assert update.evidence is not None
    assert reverse("labs:team_file_download", args=[team.cohort_id, team.pk, update.evidence.pk]) in body
    assert "60 menit" in body and "50,0%" in body and "(target penurunan)" in body
    assert report_url(first) in body and figures_url(team) in body
    assert "Terbuka untuk tim ini." in body


def test_without_an_action_plan_the_page_points_to_design(client: Any, team: Team, innovator: User) -> None:
    client.force_login(innovator)
    body = client.get(deliver_url(team)).content.decode()
    assert "Tim ini belum punya rencana aksi." in body
    assert "Tim ini belum punya rancangan inovasi." in body


def test_a_member_reports_through_the_page(client: Any, team: Team, innovator: User) -> None:
    target = milestone(team)
    client.force_login(innovator)
    form = client.get(report_url(target))
    assert form.status_code == 200 and form.context["form"].initial["reported_on"] == today(team)
    data = {"status": "berjalan", "percent": 100, "reported_on": today(team).isoformat(), "note": ""}
    refused = client.post(report_url(target), data)
    assert (
        refused.status_code == 200
        and "Kemajuan 100% berarti tonggak sudah selesai" in refused.content.decode()
    )
    data.update(status="selesai", evidence=SimpleUploadedFile("ba.pdf", PDF))
    assert client.post(report_url(target), data).status_code == 302
    stored = MilestoneUpdate.objects.get()
    assert stored.evidence is not None and stored.evidence.original_name == "ba.pdf"


def test_a_member_saves_figures_through_the_page(client: Any, team: Team, innovator: User) -> None:
    client.force_login(innovator)
    assert "belum punya rancangan inovasi" in client.get(figures_url(team)).content.decode()
    design(team)
    data = {"indicator_name": "Waktu tunggu", "indicator_unit": "menit", "baseline": "60", "target": "60"}
    refused = client.post(figures_url(team), data)
    assert "berbeda dari nilai awal" in refused.content.decode()
    data.update(target="30", actual="42,5")  # the Indonesian decimal comma
    assert client.post(figures_url(team), data).status_code == 302
    assert Design.objects.get(team=team).actual == Decimal("42.5")


def test_the_report_page_says_why_the_gate_is_shut(client: Any, team: Team, innovator: User) -> None:
    set_gate(team, GateStatus.SUBMITTED)
    client.force_login(innovator)
    body = client.get(report_url(milestone(team))).content.decode()
    assert "menunggu persetujuan" in body and "Simpan laporan" not in body
    assert "Laporkan kemajuan</a>" not in client.get(deliver_url(team)).content.decode()


def test_a_milestone_of_another_team_is_not_found_through_ones_own(
    client: Any, team: Team, lab_teams: tuple[Team, Team], innovator: User
) -> None:
    theirs = milestone(lab_teams[1])
    client.force_login(innovator)
    url = reverse("labs:milestone_report", args=[team.cohort_id, team.pk, theirs.pk])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("who", "read", "write"),
    [
        ("innovator", 200, 302),  # a member of the team
        ("other_innovator", 200, 403),  # a member of another team reads, cannot report
        ("lab_coach", 200, 302),  # the team's coach
        ("lab_other_coach", 404, 404),  # a coach of another team
        ("admin", 200, 302),  # the region's admin
        ("verifier", 404, 404),  # region staff outside the cohort
        ("foreign_admin", 404, 404),  # another region
        ("foreign_coach", 404, 404),
    ],
)
def test_permission_matrix_of_the_deliver_pages(
    client: Any, team: Team, request: pytest.FixtureRequest, who: str, read: int, write: int
) -> None:
    target = milestone(team)
    design(team)
    client.force_login(request.getfixturevalue(who))
    assert client.get(deliver_url(team)).status_code == read
    data = {"status": "berjalan", "percent": 30, "reported_on": today(team).isoformat(), "note": ""}
    assert client.post(report_url(target), data).status_code == write
    figures = {"indicator_name": "Waktu tunggu", "baseline": "60", "target": "30"}
    assert client.post(figures_url(team), figures).status_code == write
    assert MilestoneUpdate.objects.count() == (1 if write == 302 else 0)
    assert Design.objects.get(team=team).indicator_name == ("Waktu tunggu" if write == 302 else "")


@pytest.mark.parametrize(
    ("who", "status", "teams"),
    [
        ("admin", 200, ["Tim Dinas Kesehatan", "Tim Dinas Perdagangan"]),
        ("lab_coach", 200, ["Tim Dinas Kesehatan"]),  # the teams they coach
        ("lab_other_coach", 200, ["Tim Dinas Perdagangan"]),
        ("innovator", 200, ["Tim Dinas Kesehatan"]),  # their own team
        ("other_innovator", 200, ["Tim Dinas Perdagangan"]),
        ("verifier", 404, []),
        ("foreign_admin", 404, []),
        ("foreign_coach", 404, []),
    ],
)
def test_the_overdue_list_shows_only_the_teams_one_may_see(
    client: Any,
    team: Team,
    lab_teams: tuple[Team, Team],
    request: pytest.FixtureRequest,
    who: str,
    status: int,
    teams: list[str],
) -> None:
    milestone(team, due_in=-4)
    milestone(lab_teams[1], due_in=-1)
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("labs:overdue_milestones", args=[team.cohort_id]))
    assert response.status_code == status
    if status == 200:
        assert [g.team.name for g in response.context["groups"]] == teams
        assert ("4 hari" in response.content.decode()) == ("Tim Dinas Kesehatan" in teams)


def test_the_overdue_list_has_an_empty_state(client: Any, team: Team, admin: User) -> None:
    milestone(team, due_in=3)
    client.force_login(admin)
    body = client.get(reverse("labs:overdue_milestones", args=[team.cohort_id])).content.decode()
    assert "Tidak ada tonggak yang terlambat." in body


def _fill_plan(team: Team, actor: User, positions: range) -> None:
    for position in positions:
        target = milestone(team, position, due_in=position - 3)
        for percent in (10, 20, 30):
            report(actor, target, "berjalan", percent, evidence_upload=SimpleUploadedFile("b.pdf", PDF))


def test_the_deliver_page_does_not_grow_with_the_plan(
    client: Any, team: Team, innovator: User, django_assert_max_num_queries: Any
) -> None:
    client.force_login(innovator)
    _fill_plan(team, innovator, range(1, 2))
    with django_assert_max_num_queries(20) as small:
        client.get(deliver_url(team))
    _fill_plan(team, innovator, range(2, 7))
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(deliver_url(team))
    assert len(response.context["page"].rows) == 6


def test_the_overdue_list_does_not_grow_with_the_cohort(
    client: Any, team: Team, lab_teams: tuple[Team, Team], admin: User, django_assert_max_num_queries: Any
) -> None:
    for index, found in enumerate(lab_teams):
        for position in range(1, 6):
            milestone(found, position, due_in=-position - index)
    client.force_login(admin)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("labs:overdue_milestones", args=[team.cohort_id]))
    assert sum(len(g.rows) for g in response.context["groups"]) == 10
