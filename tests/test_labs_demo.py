"""The demo's lab cohorts: Parepare 2023 and this year's under way; stats, idempotence, the page's queries."""

import datetime as dt
import json
import zoneinfo
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from lumbung.accounts.models import User
from lumbung.innovations import demo_data
from lumbung.labs import diagnose, gates, jury_services
from lumbung.labs.calendar import session_events
from lumbung.labs.demo_work_data import CURRENT_DELIVER, CURRENT_DESIGN
from lumbung.labs.models import (
    Attendance,
    ClinicAction,
    ClinicBooking,
    ClinicRecord,
    ClinicSlot,
    Cohort,
    Commitment,
    Design,
    Entry,
    Idea,
    Milestone,
    MilestoneUpdate,
    Participant,
    Problem,
    RankingPublication,
    ReadinessAnswer,
    ReadinessQuestion,
    Score,
    Session,
    StageMove,
    StageWork,
    Team,
    region_today,
)
from lumbung.labs.stages import STAGE_BY_CODE

pytestmark = pytest.mark.django_db

STAGES = [
    ("Drum-up", "2023-11-21", "2023-11-21", "daring"),
    ("Diagnose", "2023-11-21", "2023-11-21", "daring"),
    ("Design", "2023-11-21", "2023-11-21", "daring"),
    ("Deliver", "2023-12-07", "2023-12-08", "luring"),
    ("Display", "2023-12-07", "2023-12-08", "luring"),
    ("Documentation", "2023-12-07", "2023-12-08", "luring"),
]


@pytest.fixture
def demo(db: None) -> Cohort:
    call_command("demo", stdout=StringIO())
    return Cohort.objects.get(name="Laboratorium Inovasi Kota Parepare 2023")


@pytest.fixture
def current(demo: Cohort) -> Cohort:
    return Cohort.objects.exclude(pk=demo.pk).get(region=demo.region)


def test_stats_json_reports_the_demo_cohorts(demo: Cohort, current: Cohort) -> None:
    out = StringIO()
    call_command("stats", "--json", "--region", "73.72", stdout=out)
    cohort, this_year = json.loads(out.getvalue())["73.72"]["cohorts"]
    year = region_today(demo.region).year
    assert this_year["name"] == f"Laboratorium Inovasi Kota Parepare {year}" and this_year["year"] == year
    assert this_year["teams"] == 12 and this_year["participants"] == 28
    assert [s["mode"] for s in this_year["stages"]] == ["daring", "daring", "daring+luring"] + ["luring"] * 3
    assert cohort["name"] == "Laboratorium Inovasi Kota Parepare 2023" and cohort["year"] == 2023
    assert cohort["participants"] == 65 and cohort["teams"] == 38
    assert [(s["name"], s["start"], s["end"], s["mode"]) for s in cohort["stages"]] == STAGES
    text = StringIO()
    call_command("stats", stdout=text)
    assert (
        "Angkatan lab: Laboratorium Inovasi Kota Parepare 2023 (2023), 65 peserta, 38 tim" in text.getvalue()
    )


def test_demo_cohort_matches_the_report_and_is_idempotent(demo: Cohort) -> None:
    assert demo.partner == "Puslatbang KMP LAN Makassar"
    assert demo.theme.startswith("Strategi Pengembangan Sistem Inovasi Daerah")
    assert all(s.venue == "Puslatbang KMP LAN Makassar" for s in demo.stages.filter(mode="luring"))
    clinic = Session.objects.get(stage__cohort=demo, kind=Session.Kind.CLINIC)
    assert clinic.starts_at.astimezone(zoneinfo.ZoneInfo("Asia/Makassar")).date().isoformat() == "2023-12-08"
    opening = Session.objects.get(stage__cohort=demo, kind=Session.Kind.OPENING)
    assert "Akbar Ali, Pj Wali Kota Parepare" in opening.speakers
    coach = User.objects.get(email="coach@parepare.demo")
    assert Team.objects.filter(cohort=demo).exclude(coach=coach).count() == 0
    counts = (
        Participant.objects.count(),
        Team.objects.count(),
        Session.objects.count(),
        Cohort.objects.count(),
    )
    call_command("demo", stdout=StringIO())
    assert (
        Participant.objects.count(), Team.objects.count(), Session.objects.count(), Cohort.objects.count()
    ) == counts  # fmt: skip
    assert counts == (66 + 29, 38 + 12, 8 + 9, 2)  # each cohort's participants and the coach
    assert (Participant.objects.filter(cohort=demo).count(), demo.teams.count()) == (66, 38)
    assert Participant.objects.filter(team__isnull=True, role="participant").count() == 0


def test_current_cohort_is_under_way_today(demo: Cohort, current: Cohort) -> None:
    today = region_today(current.region)
    assert current.name == f"Laboratorium Inovasi Kota Parepare {today.year}" and current.year == today.year
    assert current.partner == "Puslatbang KMP LAN Makassar" and current.theme
    stages = list(current.stages.order_by("position"))
    # Design and Deliver are open together: some teams still design while others deliver.
    assert [s.state(today) for s in stages] == ["closed", "closed", "open", "open", "upcoming", "upcoming"]
    assert current.state(stages, today) == "open"
    assert stages[0].meeting_link.startswith("https://") and stages[0].mode == "daring"
    assert stages[2].mode == "campuran" and stages[2].meeting_link and stages[2].venue
    assert all(s.venue == "Aula Bappeda Kota Parepare" for s in stages[3:])
    assert current.teams.count() == 12
    coach = User.objects.get(email="coach@parepare.demo")
    assert not current.teams.exclude(coach=coach).exists()
    assert Participant.objects.filter(cohort=current, user=coach, role="coach").exists()
    assert not Participant.objects.filter(cohort=current, role="participant", team__isnull=True).exists()
    now = timezone.now()
    sessions = Session.objects.filter(stage__cohort=current)
    assert sessions.filter(starts_at__gt=now, starts_at__lt=now + dt.timedelta(days=14)).exists()
    assert sessions.filter(ends_at__lt=now).exists()
    # The coach's calendar feed shows the coming session.
    upcoming = sessions.filter(starts_at__gt=now).first()
    assert upcoming is not None
    assert any(event.uid == f"lab-sesi-{upcoming.pk}@lumbung" for event in session_events(coach))


def test_current_cohort_is_found_again_in_a_later_year(demo: Cohort, current: Cohort) -> None:
    """A run in a new year renames last year's demo cohort rather than adding another one."""
    current.name, current.year = "Laboratorium Inovasi Kota Parepare 2024", 2024
    current.save()
    call_command("demo", stdout=StringIO())
    current.refresh_from_db()
    assert current.year == region_today(current.region).year and Cohort.objects.count() == 2
    assert current.teams.count() == 12


def test_cohort_page_queries_are_bounded(
    demo: Cohort, client: Any, django_assert_max_num_queries: Any
) -> None:
    for email in ("admin@parepare.demo", "coach@parepare.demo", "inovator.dinkes@parepare.demo"):
        client.force_login(User.objects.get(email=email))
        # The published Top 5 costs four queries of its own (publication, rubric, entries, scores).
        with django_assert_max_num_queries(17):
            response = client.get(reverse("labs:detail", args=[demo.pk]))
        page = response.content.decode()
        assert response.status_code == 200
        assert "21 November 2023" in page and "7 Desember 2023 – 8 Desember 2023" in page
        assert "09.00–09.45 WITA" in page and "Selesai" in page
        assert "65 peserta" in page and "38 tim" in page
        with django_assert_max_num_queries(12):
            assert client.get(reverse("labs:list")).status_code == 200


# The lab work behind the two cohorts

WITA = zoneinfo.ZoneInfo("Asia/Makassar")
FIRST_DAYS = {"drum_up", "diagnose", "design"}
REAL = {
    "Dinas Kesehatan Kota Parepare": "Eksistensi Call Centre 112",
    "RSUD Andi Makkasau Kota Parepare": "Lancar HD",
    "Dinas Perdagangan Kota Parepare": "Juragan KonCer",
    "Dinas Pertanian, Kelautan dan Perikanan Kota Parepare": "Berdaya Srikandi oleh Srikandi",
    "Kecamatan Bacukiki": "Kantong Kreatif Bacukiki",
    "Dinas Perumahan dan Kawasan Permukiman Kota Parepare": "Call Center Dinas PKP",
}


def _local_day(moment: dt.datetime) -> dt.date:
    return moment.astimezone(WITA).date()


def _work_counts() -> dict[str, int]:
    models = (
        StageWork, StageMove, Commitment, ReadinessQuestion, ReadinessAnswer, Problem, Idea, Design,
        Milestone, MilestoneUpdate, Entry, Score, RankingPublication, ClinicSlot, ClinicBooking,
        ClinicRecord, ClinicAction, Attendance,
    )  # fmt: skip
    return {model.__name__: model.objects.count() for model in models}


def test_2023_every_team_went_through_every_stage(demo: Cohort) -> None:
    admin = User.objects.get(email="admin@parepare.demo")
    coach = User.objects.get(email="coach@parepare.demo")
    teams = list(demo.teams.select_related("unit"))
    assert len(teams) == 38
    for team in teams:
        stages = gates.team_stages(team, today=dt.date(2024, 1, 1))
        assert [item.status for item in stages] == ["approved"] * 6, team.name
    works = StageWork.objects.filter(team__cohort=demo).select_related("team__leader")
    for work in works.prefetch_related("moves"):
        moves = list(work.moves.all())
        assert [(m.from_status, m.to_status) for m in moves] == [
            ("draft", "submitted"),
            ("submitted", "approved"),
        ]
        assert work.team.leader is not None and moves[0].actor_id == work.team.leader.user_id
        signer = coach if STAGE_BY_CODE[work.stage].signed_off_by == "coach" else admin
        assert moves[1].actor_id == work.decided_by_id == signer.pk
        moments = [m.at for m in moves] + [work.submitted_at, work.decided_at]
        days = {_local_day(moment) for moment in moments if moment is not None}
        expected = (
            {dt.date(2023, 11, 21)}
            if work.stage in FIRST_DAYS
            else {dt.date(2023, 12, 7), dt.date(2023, 12, 8)}
        )
        assert days <= expected, (work.team, work.stage, days)


def test_2023_every_team_has_its_deliverables(demo: Cohort) -> None:
    questions = list(ReadinessQuestion.objects.filter(cohort=demo).order_by("position"))
    assert [q.aspect for q in questions] == [
        "Kepemimpinan", "Budaya kerja", "SDM", "Anggaran", "Data dan informasi", "Teknologi", "Kolaborasi",
        "Regulasi",
    ]  # fmt: skip
    criteria = jury_services.criteria_for(demo)
    juror = User.objects.get(email="juri@parepare.demo")
    for team in demo.teams.select_related("unit", "design__idea", "entry"):
        commitment = team.commitments.get()
        assert commitment.committed_on == dt.date(2023, 11, 21) and commitment.name and commitment.position
        values = list(team.readiness_answers.values_list("value", flat=True))
        assert len(values) == 8 and all(1 <= v <= 5 for v in values) and len(set(values)) > 1
        assert 2 <= team.problems.count() <= 3 and 2 <= team.ideas.count() <= 3
        chosen = team.ideas.get(chosen=True)
        design = team.design
        assert design.idea == chosen and design.main_urusan is not None
        assert design.goals and design.benefits and 60 <= len(design.design.split()) <= 120
        assert None not in (design.baseline, design.target, design.actual) and design.indicator_unit
        milestones = list(team.milestones.prefetch_related("updates"))
        assert 3 <= len(milestones) <= 4
        for milestone in milestones:
            assert dt.date(2023, 11, 22) <= milestone.due_date <= dt.date(2023, 12, 7)
            assert (milestone.status, milestone.percent) == ("selesai", 100)
            assert [u.status for u in milestone.updates.all()][-1] == "selesai"
        assert team.entry.pitch and team.entry.video_url == ""
        scores = Score.objects.filter(entry=team.entry, juror=juror)
        assert sorted(scores.values_list("criterion_id", flat=True)) == sorted(c.pk for c in criteria)
    publication = RankingPublication.objects.get(cohort=demo)
    assert publication.top_n == 5 and _local_day(publication.published_at) == dt.date(2023, 12, 8)
    top = jury_services.published_top(demo)
    assert top is not None and len(top) == 5


def test_2023_content_fits_each_unit(demo: Cohort) -> None:
    designs = list(Design.objects.filter(team__cohort=demo).select_related("team__unit"))
    by_unit = {d.team.unit.name: d for d in designs}  # type: ignore[union-attr]
    for unit, innovation in REAL.items():
        assert by_unit[unit].name.startswith(innovation)
    # No two teams read alike, and every template placeholder was filled.
    assert len({d.name for d in designs}) == len({d.design for d in designs}) == 38
    assert len(set(Entry.objects.filter(team__cohort=demo).values_list("pitch", flat=True))) == 38
    assert not any("{" in d.design + d.goals + d.benefits + d.name + d.indicator_name for d in designs)
    # Some team has two problems with the same U×S×G score, to show the tie rule.
    ties = [
        row.tie_note for team in demo.teams.all() for row in diagnose.ranked_problems(team) if row.tie_note
    ]
    assert ties
    # The designs that went on into the registry point at their innovation there.
    registered = Design.objects.filter(team__cohort=demo, innovation__isnull=False)
    assert registered.count() == 4 and all(d.registered_at for d in registered)


def test_2023_clinic_and_attendance(demo: Cohort) -> None:
    coach = User.objects.get(email="coach@parepare.demo")
    slots = list(ClinicSlot.objects.filter(cohort=demo).order_by("starts_at"))
    assert all(s.coach == coach and s.venue == "Puslatbang KMP LAN Makassar" for s in slots)
    assert all(_local_day(s.starts_at) == dt.date(2023, 12, 8) for s in slots)
    assert all(a.ends_at <= b.starts_at for a, b in zip(slots, slots[1:], strict=False))  # no overlap
    bookings = ClinicBooking.objects.filter(slot__cohort=demo)
    assert sorted(bookings.values_list("team_id", flat=True)) == sorted(
        demo.teams.values_list("pk", flat=True)
    )
    for slot in slots:
        assert slot.bookings.count() <= slot.capacity
    for record in ClinicRecord.objects.filter(booking__slot__cohort=demo).prefetch_related(
        "attendees", "actions"
    ):
        assert record.notes and record.attendees.exists()
        assert {m.team_id for m in record.attendees.all()} == {record.booking.team_id}
        actions = list(record.actions.all())
        assert 1 <= len(actions) <= 2 and all(
            a.status in ("selesai", "belum") and a.checked_at for a in actions
        )
    people = Participant.objects.filter(cohort=demo, role="participant").count()
    for session in Session.objects.filter(stage__cohort=demo):
        rate = session.attendances.count() / people
        assert 0.8 <= rate <= 1, (session.title, rate)


def test_2023_stage_plan_stays_as_the_report_gives_it(demo: Cohort) -> None:
    stages = [(s.name, s.start_date.isoformat(), s.end_date.isoformat(), s.mode) for s in demo.stages.all()]  # type: ignore[union-attr]
    assert stages == STAGES and demo.gated


def test_current_cohort_has_teams_in_design_and_in_deliver(demo: Cohort, current: Cohort) -> None:
    today = region_today(current.region)
    keys = {row["name"]: row["key"] for row in demo_data.UNITS}
    design_status = {}
    for team in current.teams.select_related("unit"):
        key = keys[team.unit.name]  # type: ignore[union-attr]
        stages = {item.stage.code: item for item in gates.team_stages(team, today)}
        assert stages["drum_up"].status == stages["diagnose"].status == "approved"
        design_status[key] = stages["design"].status
        assert team.commitments.exists() and team.readiness_answers.count() == 8
        assert team.problems.exists() and team.ideas.filter(chosen=True).count() == 1
        design = team.design
        assert design.actual is None and design.target is not None
        if key in CURRENT_DELIVER:
            assert stages["deliver"].is_open and not stages["design"].is_editable
            assert design.baseline is not None and team.milestones.filter(updates__isnull=False).exists()
        else:
            assert stages["design"].is_open and not stages["deliver"].gate_open
    assert {k for k, s in design_status.items() if s == "approved"} == set(CURRENT_DELIVER)
    assert {k: s for k, s in design_status.items() if k in CURRENT_DESIGN} == {
        key: status for key, (status, _count) in CURRENT_DESIGN.items()
    }
    returned = StageWork.objects.get(team__cohort=current, stage="design", status="returned")
    assert returned.note and returned.moves.last().note == returned.note  # type: ignore[union-attr]
    overdue = [m for m in Milestone.objects.filter(team__cohort=current) if m.is_overdue(today)]
    assert len(overdue) >= 2
    assert not Entry.objects.filter(team__cohort=current).exists()
    assert not Score.objects.filter(entry__team__cohort=current).exists()


def test_current_cohort_clinics(demo: Cohort, current: Cohort) -> None:
    now = timezone.now()
    today = region_today(current.region)
    slots = list(ClinicSlot.objects.filter(cohort=current).prefetch_related("bookings"))
    coming = [s for s in slots if s.starts_at > now]
    assert coming and all(s.starts_at < now + dt.timedelta(days=8) for s in coming)
    assert any(s.bookings.all() for s in coming) and any(not s.bookings.all() for s in coming)
    assert any(len(s.bookings.all()) == s.capacity > 1 for s in coming)  # one slot is full
    record = ClinicRecord.objects.get(booking__slot__cohort=current)
    assert record.booking.slot.ends_at < now and record.attendees.exists()
    assert record.actions.filter(status="terbuka", due_date__lt=today).exists()


def test_lab_demo_is_idempotent(demo: Cohort) -> None:
    counts = _work_counts()
    designs = sorted(Design.objects.values_list("team__name", "name", "baseline", "target", "actual"))
    call_command("demo", stdout=StringIO())
    assert _work_counts() == counts
    assert sorted(Design.objects.values_list("team__name", "name", "baseline", "target", "actual")) == designs
    assert counts["Score"] == 38 * 5 and counts["RankingPublication"] == 1


def test_lab_pages_render_the_demo_work(demo: Cohort, current: Cohort, client: Any) -> None:
    client.force_login(User.objects.get(email="admin@parepare.demo"))
    page = client.get(reverse("labs:detail", args=[demo.pk])).content.decode()
    assert "Kantong Kreatif Bacukiki" in page or "Tim Kecamatan Bacukiki" in page  # the published Top 5
    client.force_login(User.objects.get(email="coach@parepare.demo"))
    team = current.teams.get(unit__name="Dinas Pekerjaan Umum dan Penataan Ruang Kota Parepare")
    response = client.get(reverse("labs:team_detail", args=[current.pk, team.pk]))
    assert response.status_code == 200 and "Dikembalikan" in response.content.decode()
