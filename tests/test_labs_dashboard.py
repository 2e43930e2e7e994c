"""The organisers' cohort dashboard: every figure on a small handmade cohort, access, queries and XLSX."""

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from lumbung.accounts.models import Membership, Role, User
from lumbung.labs import services
from lumbung.labs.dashboard import RateRow, cohort_dashboard, stage_funnel
from lumbung.labs.models import (
    Attendance,
    ClinicAction,
    ClinicBooking,
    ClinicRecord,
    ClinicSlot,
    Cohort,
    CohortStage,
    Criterion,
    Entry,
    GateStatus,
    Idea,
    Milestone,
    MilestoneStatus,
    Participant,
    RankingPublication,
    Score,
    Session,
    StageWork,
    Team,
    region_today,
)
from lumbung.regions.models import Region, Unit

ALL_STAGES = ["Drum-up", "Diagnose", "Design", "Deliver", "Display", "Documentation"]


@dataclass
class Handmade:
    cohort: Cohort
    teams: dict[str, Team]  # "A" (Dinkes), "B" (Disdag), "C" (Kecamatan)
    people: dict[str, Participant]
    today: dt.date


def _session(cohort: Cohort, code: str, title: str, starts: dt.datetime) -> Session:
    stage = CohortStage.objects.get(cohort=cohort, code=code)
    return Session.objects.create(
        stage=stage,
        title=title,
        kind=Session.Kind.WORKSHOP,
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=2),
        mode="daring",
    )


def _stage_work(teams: dict[str, Team]) -> None:
    for key, stage, status in [
        ("A", "drum_up", GateStatus.APPROVED),
        ("A", "diagnose", GateStatus.APPROVED),
        ("A", "design", GateStatus.SUBMITTED),
        ("B", "drum_up", GateStatus.APPROVED),
        ("B", "diagnose", GateStatus.RETURNED),
    ]:
        StageWork.objects.create(team=teams[key], stage=stage, status=status)


def _attendance(cohort: Cohort, people: dict[str, Participant]) -> None:
    now = timezone.now()
    s1 = _session(cohort, "drum_up", "Pembukaan lab", now - dt.timedelta(days=1))
    s2 = _session(cohort, "drum_up", "Lokakarya komitmen", now - dt.timedelta(hours=2))
    s3 = _session(cohort, "diagnose", "Lokakarya USG", now - dt.timedelta(hours=1))
    s4 = _session(cohort, "design", "Lokakarya rancangan", now + dt.timedelta(days=1))  # not held yet
    present = {
        s1: ["innovator", "other", "camat1", "guest", "coach"],  # the coach is not counted
        s2: ["innovator", "camat1"],
        s3: ["innovator", "camat2"],
        s4: ["innovator"],
    }
    for session, keys in present.items():
        for key in keys:
            Attendance.objects.create(session=session, participant=people[key], method="organiser")


def _ideas(teams: dict[str, Team], people: dict[str, Participant]) -> None:
    Idea.objects.create(team=teams["A"], title="Antar obat lansia", proposed_by=people["innovator"])
    Idea.objects.create(
        team=teams["A"], title="Jemput bola imunisasi", proposed_by=people["innovator"], chosen=True
    )
    Idea.objects.create(team=teams["C"], title="Surat pindah daring", proposed_by=people["camat1"])
    Idea.objects.create(team=teams["B"], title="Pasar tanpa antre")  # no proposer: "Tanpa unit"


def _milestones(teams: dict[str, Team], today: dt.date) -> None:
    day = dt.timedelta(days=1)
    for team, position, due, status in [
        (teams["A"], 1, today - day, MilestoneStatus.PLANNED),  # overdue
        (teams["A"], 2, today - day, MilestoneStatus.DONE),
        (teams["A"], 3, today + day, MilestoneStatus.IN_PROGRESS),
        (teams["C"], 1, today - 10 * day, MilestoneStatus.IN_PROGRESS),  # overdue
    ]:
        Milestone.objects.create(
            team=team,
            position=position,
            what=f"Kegiatan {position}",
            who="Kepala seksi",
            due_date=due,
            expected_output="Laporan",
            status=status,
        )


def _clinic(cohort: Cohort, teams: dict[str, Team], coach: User, today: dt.date) -> None:
    now = timezone.now()

    def slot(capacity: int, days: int) -> ClinicSlot:
        starts = now + dt.timedelta(days=days)
        return ClinicSlot.objects.create(
            cohort=cohort,
            coach=coach,
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=1),
            mode="daring",
            capacity=capacity,
        )

    first, second, third = slot(2, -1), slot(1, 1), slot(1, 2)
    held_a = ClinicBooking.objects.create(slot=first, team=teams["A"])
    held_b = ClinicBooking.objects.create(slot=first, team=teams["B"])
    ClinicBooking.objects.create(slot=second, team=teams["C"])
    ClinicBooking.objects.create(slot=third, team=teams["A"], status=ClinicBooking.Status.CANCELLED)
    record_a = ClinicRecord.objects.create(booking=held_a, notes="Bahas masalah")
    record_b = ClinicRecord.objects.create(booking=held_b, notes="Bahas gagasan")
    day = dt.timedelta(days=1)
    for record, status, due in [
        (record_a, ClinicAction.Status.OPEN, today - day),  # overdue
        (record_a, ClinicAction.Status.DONE, today - day),
        (record_a, ClinicAction.Status.NOT_DONE, today + day),
        (record_b, ClinicAction.Status.OPEN, today + day),
    ]:
        ClinicAction.objects.create(
            record=record, what="Lengkapi data", owner="Tim", due_date=due, status=status
        )


def _jury(
    cohort: Cohort, teams: dict[str, Team], juror: User, make_user: Callable[..., User], other_region: Region
) -> None:
    second = make_user("juri.dua@uji.id", Role.JURY, cohort.region)
    foreign = make_user("juri@makassar.id", Role.JURY, other_region)
    novelty = Criterion.objects.create(cohort=cohort, name="Kebaharuan", weight=60, position=1)
    benefit = Criterion.objects.create(cohort=cohort, name="Kemanfaatan", weight=40, position=2)
    entry_a = Entry.objects.create(team=teams["A"], pitch="Obat sampai ke rumah lansia.")
    entry_b = Entry.objects.create(team=teams["B"], pitch="Pasar tanpa antre.")
    for entry, who, criterion, value in [
        (entry_a, juror, novelty, 80),
        (entry_a, juror, benefit, 70),
        (entry_b, juror, novelty, 60),
        (entry_b, juror, benefit, 90),
        (entry_a, second, novelty, 90),
        (entry_b, foreign, novelty, 10),  # not a juror of this region: not counted
    ]:
        Score.objects.create(entry=entry, juror=who, criterion=criterion, value=value)


@pytest.fixture
def handmade(
    lab_cohort: Cohort,
    lab_teams: tuple[Team, Team],
    lab_coach: User,
    lab_juror: User,
    innovator: User,
    other_innovator: User,
    region: Region,
    other_region: Region,
    make_user: Callable[..., User],
) -> Handmade:
    """Three teams (A: Dinkes, B: Disdag, C: a kecamatan) and five enrolled participants."""
    kecamatan = Unit.objects.create(region=region, name="Kecamatan Ujung", kind=Unit.Kind.KECAMATAN)
    make_user("camat.satu@uji.id", Role.INNOVATOR, region, kecamatan)
    make_user("camat.dua@uji.id", Role.INNOVATOR, region, kecamatan)
    services.participants_enrol(cohort=lab_cohort, units=[kecamatan])
    team_c = services.unit_team_create(cohort=lab_cohort, unit=kecamatan)
    guest = Participant.objects.create(cohort=lab_cohort, user=make_user("tamu@uji.id"), unit=None)
    by_user = {p.user.email: p for p in Participant.objects.filter(cohort=lab_cohort).select_related("user")}
    people = {
        "innovator": by_user[innovator.email],
        "other": by_user[other_innovator.email],
        "camat1": by_user["camat.satu@uji.id"],
        "camat2": by_user["camat.dua@uji.id"],
        "guest": guest,
        "coach": by_user[lab_coach.email],
    }
    teams = {"A": lab_teams[0], "B": lab_teams[1], "C": team_c}
    today = region_today(region)
    _stage_work(teams)
    _attendance(lab_cohort, people)
    _ideas(teams, people)
    _milestones(teams, today)
    _clinic(lab_cohort, teams, lab_coach, today)
    _jury(lab_cohort, teams, lab_juror, make_user, other_region)
    return Handmade(lab_cohort, teams, people, today)


# Every figure


@pytest.mark.django_db
def test_funnel_counts_teams_by_gate_rules(handmade: Handmade) -> None:
    data = cohort_dashboard(handmade.cohort)
    assert data.teams == 3 and data.participants == 5
    assert [(r.name, r.approved, r.submitted, r.in_progress, r.not_open) for r in data.funnel] == [
        ("Drum-up", 2, 0, 1, 0),  # C has not submitted; its first stage is open
        ("Diagnose", 1, 0, 1, 1),  # B was returned and works on; C's gate is shut
        ("Design", 0, 1, 0, 2),  # A waits for review; B's Diagnose is not approved
        ("Deliver", 0, 0, 0, 3),
        ("Display", 0, 0, 0, 3),
        ("Documentation", 0, 0, 0, 3),
    ]
    assert all(row.teams == 3 for row in data.funnel)


def _stage(code: str, position: int, start: dt.date) -> CohortStage:
    return CohortStage(code=code, position=position, start_date=start, end_date=start + dt.timedelta(days=9))


def test_funnel_of_an_open_cohort_follows_dates_alone() -> None:
    today = dt.date(2026, 3, 10)
    stages = [
        _stage("drum_up", 1, dt.date(2026, 3, 1)),
        _stage("diagnose", 2, dt.date(2026, 3, 5)),
        _stage("design", 3, dt.date(2026, 4, 1)),  # upcoming
    ]
    statuses = {1: {"drum_up": GateStatus.SUBMITTED}, 2: {}}
    gated = stage_funnel(stages=stages, statuses=statuses, team_ids=[1, 2], gated=True, today=today)
    open_ = stage_funnel(stages=stages, statuses=statuses, team_ids=[1, 2], gated=False, today=today)
    assert [(r.submitted, r.in_progress, r.not_open) for r in gated] == [(1, 1, 0), (0, 0, 2), (0, 0, 2)]
    assert [(r.submitted, r.in_progress, r.not_open) for r in open_] == [(1, 1, 0), (0, 2, 0), (0, 0, 2)]


@pytest.mark.django_db
def test_attendance_rates_per_stage_count_only_held_sessions(handmade: Handmade) -> None:
    rates = cohort_dashboard(handmade.cohort).attendance
    assert rates.by_stage == [
        RateRow("Drum-up", 5, 2, 6),
        RateRow("Diagnose", 5, 1, 2),
        RateRow("Design", 5, 0, 0),  # its session starts tomorrow
        RateRow("Deliver", 5, 0, 0),
        RateRow("Display", 5, 0, 0),
        RateRow("Documentation", 5, 0, 0),
    ]
    assert [r.percent for r in rates.by_stage] == [60.0, 40.0, None, None, None, None]
    assert (rates.total.attended, rates.total.possible, rates.total.percent) == (8, 15, 53.3)


@pytest.mark.django_db
def test_attendance_rates_per_unit_kind(handmade: Handmade) -> None:
    rows = cohort_dashboard(handmade.cohort).attendance.by_kind
    assert rows == [
        RateRow("Dinas", 2, 3, 4),
        RateRow("Kecamatan", 2, 3, 3),
        RateRow("Tanpa unit", 1, 3, 1),
    ]
    assert [r.percent for r in rows] == [66.7, 50.0, 33.3]


@pytest.mark.django_db
def test_ideas_per_unit_kind_of_the_proposer(handmade: Handmade) -> None:
    ideas = cohort_dashboard(handmade.cohort).ideas
    assert ideas.total == 4
    assert [(row.label, row.ideas) for row in ideas.by_kind] == [
        ("Dinas", 2),
        ("Kecamatan", 1),
        ("Tanpa unit", 1),
    ]


@pytest.mark.django_db
def test_overdue_milestones_in_the_regions_today(handmade: Handmade) -> None:
    milestones = cohort_dashboard(handmade.cohort).milestones
    assert (milestones.total, milestones.done, milestones.overdue) == (4, 1, 2)
    assert [(r.team, r.total, r.done, r.overdue) for r in milestones.by_team] == [
        ("Tim Dinas Kesehatan", 3, 1, 1),
        ("Tim Kecamatan Ujung", 1, 0, 1),
    ]


@pytest.mark.django_db
def test_clinic_usage(handmade: Handmade) -> None:
    clinic = cohort_dashboard(handmade.cohort).clinic
    assert (clinic.slots, clinic.places, clinic.bookings, clinic.cancelled, clinic.held) == (3, 4, 3, 1, 2)
    assert (clinic.actions, clinic.open_actions, clinic.overdue_actions) == (4, 3, 1)


@pytest.mark.django_db
def test_jury_progress_and_publication(handmade: Handmade, admin: User) -> None:
    jury = cohort_dashboard(handmade.cohort).jury
    assert (jury.jurors, jury.entries, jury.criteria) == (2, 2, 2)
    assert (jury.expected, jury.scores, jury.percent) == (8, 5, 62.5)
    assert not jury.published
    RankingPublication.objects.create(cohort=handmade.cohort, top_n=1, published_by=admin)
    assert cohort_dashboard(handmade.cohort).jury.published


@pytest.mark.django_db
def test_an_empty_cohort_has_zeros_not_errors(lab_cohort: Cohort) -> None:
    data = cohort_dashboard(lab_cohort)
    assert data.teams == 0 and data.participants == 0 and data.attendance.total.percent is None
    assert data.jury.expected == 0 and data.jury.percent is None
    assert data.milestones.by_team == [] and data.clinic.slots == 0 and data.clinic.places == 0


# The page


@pytest.mark.django_db
def test_page_shows_the_figures_with_charts_and_print_styles(
    client: Any, admin: User, handmade: Handmade
) -> None:
    client.force_login(admin)
    response = client.get(reverse("labs:cohort_dashboard", args=[handmade.cohort.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count("<svg") == 2 and "@media print" in body
    assert reverse("reports:cohort_dashboard_xlsx", args=[handmade.cohort.pk]) in body
    assert reverse("reports:cohort_book", args=[handmade.cohort.pk, "pdf"]) in body
    assert "53,3%" in body and "66,7%" in body and "62,5%" in body  # Indonesian decimal comma
    assert "5 dari 8 nilai sudah masuk" in body and "Peringkat belum diumumkan." in body


@pytest.mark.django_db
def test_page_of_an_empty_cohort_shows_empty_states(client: Any, admin: User, lab_cohort: Cohort) -> None:
    client.force_login(admin)
    body = client.get(reverse("labs:cohort_dashboard", args=[lab_cohort.pk])).content.decode()
    assert "Belum ada tim di angkatan ini." in body and "Belum ada gagasan." in body
    assert "Belum ada peserta terdaftar." in body


def _more_teams(cohort: Cohort, make_user: Callable[..., User], count: int) -> None:
    for n in range(count):
        unit = Unit.objects.create(region=cohort.region, name=f"Puskesmas {n}", kind=Unit.Kind.PUSKESMAS)
        make_user(f"pkm{n}@uji.id", Role.INNOVATOR, cohort.region, unit)
        services.participants_enrol(cohort=cohort, units=[unit])
        team = services.unit_team_create(cohort=cohort, unit=unit)
        StageWork.objects.create(team=team, stage="drum_up", status=GateStatus.SUBMITTED)
        Milestone.objects.create(
            team=team,
            position=1,
            what="Uji coba",
            who="Kepala",
            due_date=dt.date(2020, 1, 1),
            expected_output="-",
        )


@pytest.mark.django_db
def test_page_and_xlsx_run_a_fixed_number_of_queries(
    client: Any,
    admin: User,
    handmade: Handmade,
    make_user: Callable[..., User],
    django_assert_max_num_queries: Any,
) -> None:
    client.force_login(admin)
    page = reverse("labs:cohort_dashboard", args=[handmade.cohort.pk])
    xlsx = reverse("reports:cohort_dashboard_xlsx", args=[handmade.cohort.pk])
    _more_teams(handmade.cohort, make_user, 4)  # seven teams
    with django_assert_max_num_queries(24):
        assert client.get(page).status_code == 200
    with django_assert_max_num_queries(24):
        assert client.get(xlsx).status_code == 200
    assert cohort_dashboard(handmade.cohort).milestones.overdue == 6


# The XLSX


def _sheets(data: bytes) -> dict[str, list[tuple[Any, ...]]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


@pytest.mark.django_db
def test_xlsx_has_one_sheet_per_section_with_the_figures(
    client: Any, admin: User, handmade: Handmade
) -> None:
    client.force_login(admin)
    response = client.get(reverse("reports:cohort_dashboard_xlsx", args=[handmade.cohort.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="dasbor-Lab-Inovasi-Uji-')
    sheets = _sheets(response.content)
    assert list(sheets) == [
        "Tahapan",
        "Kehadiran per tahap",
        "Kehadiran per jenis unit",
        "Gagasan per jenis unit",
        "Rencana aksi",
        "Klinik",
        "Penjurian",
    ]
    assert sheets["Tahapan"][0] == (
        "Tahap", "Disetujui", "Diajukan", "Sedang dikerjakan", "Belum terbuka", "Jumlah tim"
    )  # fmt: skip
    assert sheets["Tahapan"][1:4] == [
        ("Drum-up", 2, 0, 1, 0, 3),
        ("Diagnose", 1, 0, 1, 1, 3),
        ("Design", 0, 1, 0, 2, 3),
    ]
    assert sheets["Kehadiran per tahap"][1] == ("Drum-up", 5, 2, 6, 10, 60)
    assert sheets["Kehadiran per tahap"][3] == ("Design", 5, 0, 0, 0, None)
    assert sheets["Kehadiran per tahap"][-1] == ("Seluruh angkatan", 5, 3, 8, 15, 53.3)
    assert sheets["Kehadiran per jenis unit"][1:] == [
        ("Dinas", 2, 3, 4, 6, 66.7),
        ("Kecamatan", 2, 3, 3, 6, 50),
        ("Tanpa unit", 1, 3, 1, 3, 33.3),
    ]
    assert sheets["Gagasan per jenis unit"][1:] == [("Dinas", 2), ("Kecamatan", 1), ("Tanpa unit", 1)]
    assert sheets["Rencana aksi"][1:] == [
        ("Tim Dinas Kesehatan", 3, 1, 1),
        ("Tim Kecamatan Ujung", 1, 0, 1),
        ("Jumlah", 4, 1, 2),
    ]
    clinic = dict(sheets["Klinik"][1:])
    assert (
        clinic["Jadwal klinik"] == 3 and clinic["Pemesanan"] == 3 and clinic["Terlaksana dengan catatan"] == 2
    )
    assert clinic["Tindak lanjut belum selesai"] == 3 and clinic["Tindak lanjut lewat tenggat"] == 1
    jury = dict(sheets["Penjurian"][1:])
    assert jury["Nilai masuk"] == 5 and jury["Nilai seharusnya"] == 8 and jury["Persentase"] == 62.5
    assert jury["Peringkat diumumkan"] == "Belum" and jury["Diumumkan pada"] is None


@pytest.mark.django_db
def test_xlsx_never_holds_formulas(client: Any, admin: User, handmade: Handmade) -> None:
    Team.objects.filter(pk=handmade.teams["C"].pk).update(name='=HYPERLINK("http://x")')
    client.force_login(admin)
    response = client.get(reverse("reports:cohort_dashboard_xlsx", args=[handmade.cohort.pk]))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["Rencana aksi"]
    [cell] = [row[0] for row in sheet.iter_rows(min_row=2) if str(row[0].value).startswith("=")]
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"  # text, never a formula


@pytest.mark.django_db
def test_xlsx_dates_the_publication_in_the_regions_zone(client: Any, admin: User, handmade: Handmade) -> None:
    published = dt.datetime(2026, 5, 1, 17, 30, tzinfo=dt.UTC)  # already 2 May in WITA
    RankingPublication.objects.create(cohort=handmade.cohort, top_n=1, published_at=published)
    client.force_login(admin)
    response = client.get(reverse("reports:cohort_dashboard_xlsx", args=[handmade.cohort.pk]))
    jury = dict(_sheets(response.content)["Penjurian"][1:])
    assert jury["Peringkat diumumkan"] == "Ya" and jury["Diumumkan pada"] == dt.datetime(2026, 5, 2)


# Who may open it


def _urls(cohort: Cohort) -> list[tuple[str, str]]:
    return [
        ("get", reverse("labs:cohort_dashboard", args=[cohort.pk])),
        ("get", reverse("reports:cohort_dashboard_xlsx", args=[cohort.pk])),
        ("post", reverse("reports:cohort_book", args=[cohort.pk, "pdf"])),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["innovator", "lab_coach", "lab_juror", "foreign_coach"])
def test_readers_who_are_not_admins_are_refused(
    client: Any, lab_cohort: Cohort, lab_teams: Any, who: str, request: Any
) -> None:
    user = request.getfixturevalue(who)
    if who == "foreign_coach":
        services.coach_add(cohort=lab_cohort, user=user)  # a coach from elsewhere can read the cohort
    client.force_login(user)
    for method, url in _urls(lab_cohort):
        assert getattr(client, method)(url).status_code == 403, url


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["foreign_admin", "foreign_innovator"])
def test_another_regions_users_get_404(client: Any, lab_cohort: Cohort, who: str, request: Any) -> None:
    client.force_login(request.getfixturevalue(who))
    for method, url in _urls(lab_cohort):
        assert getattr(client, method)(url).status_code == 404, url


@pytest.mark.django_db
def test_a_coach_who_is_also_admin_may_open_it(
    client: Any, lab_cohort: Cohort, lab_teams: Any, lab_coach: User
) -> None:
    Membership.objects.create(user=lab_coach, region=lab_cohort.region, role=Role.ADMIN)
    client.force_login(lab_coach)
    page, xlsx, book = _urls(lab_cohort)
    assert client.get(page[1]).status_code == 200
    assert client.get(xlsx[1]).status_code == 200
    assert client.post(book[1]).status_code == 302


@pytest.mark.django_db
def test_signed_out_visitors_are_sent_to_log_in(client: Any, lab_cohort: Cohort) -> None:
    for _method, url in _urls(lab_cohort)[:2]:
        response = client.get(url)
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
