"""The demo's lab cohorts: Parepare 2023 as the lab report gives it, and one of this year under way.

Safe to run again: both cohorts are found again and brought back to the same state, their teams' work
(demo_work) deleted and written again: 2023 complete through every stage, this year's half in Design and
half in Deliver.
"""

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass

from django.db import transaction

from lumbung.accounts.models import User
from lumbung.innovations import demo_data
from lumbung.innovations.demo import REGION_CODE
from lumbung.regions.models import Region, Unit

from . import demo_work as work
from . import services
from .demo_work_data import (
    CLINIC_ACTIONS,
    CLINIC_NOTES,
    CURRENT_CLINIC_NOTE,
    CURRENT_DELIVER,
    CURRENT_DESIGN,
    FILL_2023,
    FILL_CURRENT,
    LOW_ATTENDANCE_2023,
    REGISTERED_2023,
    RETURN_NOTE,
    SPECIFIC_2023,
)
from .models import (
    ClinicAction,
    Cohort,
    CohortStage,
    GateStatus,
    MilestoneStatus,
    Mode,
    Participant,
    Session,
    region_today,
)

WITA = zoneinfo.ZoneInfo("Asia/Makassar")
COHORT_NAME = "Laboratorium Inovasi Kota Parepare 2023"
PARTNER = "Puslatbang KMP LAN Makassar"
THEME = "Strategi Pengembangan Sistem Inovasi Daerah dalam Perspektif Peningkatan Daya Saing"
COACH_EMAIL = "coach@parepare.demo"
JUROR_EMAIL = "juri@parepare.demo"  # the demo's only juror
# A placeholder address for the online day; the real meeting link is not public.
ONLINE_LINK = "https://meet.jit.si/LabInovasiParepare2023"

ONLINE_DAY = dt.date(2023, 11, 21)
IN_PERSON_DAYS = (dt.date(2023, 12, 7), dt.date(2023, 12, 8))
STAGE_PLAN = {
    "drum_up": (ONLINE_DAY, ONLINE_DAY, Mode.ONLINE),
    "diagnose": (ONLINE_DAY, ONLINE_DAY, Mode.ONLINE),
    "design": (ONLINE_DAY, ONLINE_DAY, Mode.ONLINE),
    "deliver": (*IN_PERSON_DAYS, Mode.IN_PERSON),
    "display": (*IN_PERSON_DAYS, Mode.IN_PERSON),
    "documentation": (*IN_PERSON_DAYS, Mode.IN_PERSON),
}
# (stage, title, kind, day, start hour:minute, end hour:minute, speakers); only public roles are named.
SESSIONS = [
    ("drum_up", "Pembukaan Laboratorium Inovasi", Session.Kind.OPENING, ONLINE_DAY, (9, 0), (9, 45),
     "Akbar Ali, Pj Wali Kota Parepare"),
    ("drum_up", "Membangun sistem inovasi daerah yang berdaya saing", Session.Kind.PLENARY, ONLINE_DAY,
     (9, 45), (12, 0), "Andi Taufik, Kepala Puslatbang KMP LAN Makassar"),
    ("diagnose", "Lokakarya diagnosis masalah layanan", Session.Kind.WORKSHOP, ONLINE_DAY, (13, 0), (15, 0),
     ""),
    ("design", "Lokakarya rancangan inovasi dan rencana aksi", Session.Kind.WORKSHOP, ONLINE_DAY, (15, 0),
     (17, 0), ""),
    ("deliver", "Lokakarya pelaksanaan rencana aksi", Session.Kind.WORKSHOP, IN_PERSON_DAYS[0], (8, 30),
     (12, 0), ""),
    ("display", "Gelar karya inovasi", Session.Kind.WORKSHOP, IN_PERSON_DAYS[0], (13, 0), (17, 0), ""),
    ("deliver", "Coaching Clinic", Session.Kind.CLINIC, IN_PERSON_DAYS[1], (8, 30), (12, 0), ""),
    ("documentation", "Penyusunan dokumentasi angkatan", Session.Kind.WORKSHOP, IN_PERSON_DAYS[1], (13, 0),
     (16, 0), ""),
]  # fmt: skip


# The cohort under way: its dates follow the day the demo is loaded, so its Design stage is always open.
CURRENT_NAME = "Laboratorium Inovasi Kota Parepare {year}"
CURRENT_NAME_PATTERN = re.compile(r"^Laboratorium Inovasi Kota Parepare \d{4}$")
# Marks the cohort as the demo's own, so a rerun in a later year renames it instead of adding another.
CURRENT_DESCRIPTION = "Angkatan demo yang sedang berjalan; tanggalnya mengikuti hari demo dimuat."
CURRENT_THEME = "Transformasi Digital Pelayanan Publik untuk Kota Parepare yang Inklusif dan Berdaya Saing"
CURRENT_ONLINE_LINK = "https://meet.jit.si/LabInovasiPareparePlaceholder"  # a placeholder, not a real room
CURRENT_VENUE = "Aula Bappeda Kota Parepare"
# Twelve units with innovators in demo_data.PEOPLE; every one of their people takes part.
CURRENT_UNITS = (
    "dinkes", "dindikbud", "dinas_pupr", "disdukcapil", "diskominfo", "dishub",
    "dlh", "dpmptsp", "rsud", "kec_soreang", "pkm_lakessi", "uptd_pju",
)  # fmt: skip
# Stage: (first day, last day) as days from today in the region's zone, and its mode.
CURRENT_STAGE_PLAN = {
    "drum_up": (-70, -64, Mode.ONLINE),
    "diagnose": (-56, -36, Mode.ONLINE),
    # Design and Deliver overlap, so today some teams still design while others already deliver.
    "design": (-28, 14, Mode.BOTH),
    "deliver": (-10, 68, Mode.IN_PERSON),
    "display": (69, 70, Mode.IN_PERSON),
    "documentation": (71, 84, Mode.IN_PERSON),
}
# (stage, title, kind, day from today, start, end, speakers)
CURRENT_SESSIONS = [
    ("drum_up", "Pembukaan Laboratorium Inovasi", Session.Kind.OPENING, -70, (9, 0), (10, 0),
     "Wali Kota Parepare"),
    ("drum_up", "Inovasi daerah dan daya saing kota", Session.Kind.PLENARY, -70, (10, 0), (12, 0),
     "Kepala Puslatbang KMP LAN Makassar"),
    ("diagnose", "Lokakarya diagnosis masalah layanan", Session.Kind.WORKSHOP, -56, (9, 0), (12, 0), ""),
    ("design", "Lokakarya rancangan inovasi dan rencana aksi", Session.Kind.WORKSHOP, -28, (9, 0),
     (15, 0), ""),
    ("design", "Coaching Clinic rancangan inovasi", Session.Kind.CLINIC, -14, (9, 0), (12, 0), ""),
    ("design", "Coaching Clinic rencana aksi", Session.Kind.CLINIC, 3, (9, 0), (12, 0), ""),
    ("deliver", "Lokakarya pelaksanaan rencana aksi", Session.Kind.WORKSHOP, -10, (8, 30), (12, 0), ""),
    ("display", "Gelar karya inovasi", Session.Kind.WORKSHOP, 69, (8, 30), (16, 0), ""),
    ("documentation", "Penyusunan dokumentasi angkatan", Session.Kind.WORKSHOP, 71, (9, 0), (15, 0), ""),
]  # fmt: skip


@dataclass
class LabSummary:
    name: str
    participants: int
    teams: int
    sessions: int


def _at(day: dt.date, hour_minute: tuple[int, int]) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(*hour_minute), tzinfo=WITA)


def _place(mode: str, link: str, venue: str) -> dict[str, str]:
    """The link and venue a mode needs, and nothing it does not."""
    return {
        "meeting_link": link if mode in (Mode.ONLINE, Mode.BOTH) else "",
        "venue": venue if mode in (Mode.IN_PERSON, Mode.BOTH) else "",
    }


def _enrol(cohort: Cohort, region: Region, coach: User, rows: list[dict]) -> None:
    """These people as participants in their units, the coach, and one team per unit with that coach."""
    unit_names = {row["key"]: row["name"] for row in demo_data.UNITS}
    units = {unit.name: unit for unit in Unit.objects.filter(region=region)}
    people = {user.email: user for user in User.objects.filter(email__in=[p["email"] for p in rows])}
    for row in rows:
        Participant.objects.update_or_create(
            cohort=cohort,
            user=people[row["email"]],
            defaults={"unit": units[unit_names[row["unit"]]], "role": Participant.Role.PARTICIPANT},
        )
    services.coach_add(cohort=cohort, user=coach)
    by_unit: dict[Unit, list[Participant]] = {}
    for participant in cohort.participants.filter(role=Participant.Role.PARTICIPANT).select_related("unit"):
        assert participant.unit is not None
        by_unit.setdefault(participant.unit, []).append(participant)
    existing = set(cohort.teams.values_list("unit_id", flat=True))
    for unit, members in sorted(by_unit.items(), key=lambda item: item[0].name):
        if unit.pk not in existing:
            services.team_create(
                cohort=cohort,
                name=f"Tim {unit.name}",
                unit=unit,
                members=members,
                leader=members[0],
                coach=coach,
            )


def _load_2023(region: Region, admin: User, coach: User, juror: User) -> LabSummary:
    cohort = Cohort.objects.filter(region=region, name=COHORT_NAME).first() or services.cohort_create(
        actor=admin, region=region, name=COHORT_NAME, year=2023
    )
    services.cohort_update(cohort=cohort, name=COHORT_NAME, year=2023, partner=PARTNER, theme=THEME)
    stages = {stage.code: stage for stage in cohort.stages.all()}
    # Rebuilt rather than merged: a stage's new dates must not be checked against stale sessions.
    Session.objects.filter(stage__cohort=cohort).delete()
    for code, (start, end, mode) in STAGE_PLAN.items():
        online = mode == Mode.ONLINE
        stages[code] = services.stage_update(
            stage=stages[code],
            start_date=start,
            end_date=end,
            mode=mode,
            meeting_link=ONLINE_LINK if online else "",
            venue="" if online else PARTNER,
        )
    for code, title, kind, day, start_at, end_at, speakers in SESSIONS:
        stage = stages[code]
        online = stage.mode == Mode.ONLINE
        services.session_create(
            stage=stage,
            title=title,
            kind=kind,
            starts_at=_at(day, start_at),
            ends_at=_at(day, end_at),
            mode=stage.mode,
            venue="" if online else PARTNER,
            meeting_link=ONLINE_LINK if online else "",
            speakers=speakers,
        )
    _enrol(cohort, region, coach, demo_data.PEOPLE)
    _work_2023(cohort, admin, coach, juror)
    return LabSummary(
        name=COHORT_NAME,
        participants=len(demo_data.PEOPLE),
        teams=cohort.teams.count(),
        sessions=len(SESSIONS),
    )


def _find_current(region: Region, name: str) -> Cohort | None:
    """This year's demo cohort, or the one an earlier year's run left (it is renamed, not duplicated)."""
    exact = Cohort.objects.filter(region=region, name=name).first()
    if exact is not None:
        return exact
    earlier = Cohort.objects.filter(region=region, description=CURRENT_DESCRIPTION).exclude(name=COHORT_NAME)
    return next((c for c in earlier.order_by("-year") if CURRENT_NAME_PATTERN.match(c.name)), None)


def _load_current(region: Region, admin: User, coach: User) -> LabSummary:
    today = region_today(region)
    name = CURRENT_NAME.format(year=today.year)
    cohort = _find_current(region, name) or services.cohort_create(
        actor=admin, region=region, name=name, year=today.year
    )
    services.cohort_update(
        cohort=cohort,
        name=name,
        year=today.year,
        partner=PARTNER,
        theme=CURRENT_THEME,
        description=CURRENT_DESCRIPTION,
    )
    # The dates move with today, so clear them (and any reopening) before checking the new order.
    Session.objects.filter(stage__cohort=cohort).delete()
    CohortStage.objects.filter(cohort=cohort).update(start_date=None, end_date=None, reopened_until=None)
    stages = {stage.code: stage for stage in cohort.stages.order_by("position")}
    for code, (first, last, mode) in CURRENT_STAGE_PLAN.items():
        stages[code] = services.stage_update(
            stage=stages[code],
            start_date=today + dt.timedelta(days=first),
            end_date=today + dt.timedelta(days=last),
            mode=mode,
            **_place(mode, CURRENT_ONLINE_LINK, CURRENT_VENUE),
        )
    for code, title, kind, offset, start_at, end_at, speakers in CURRENT_SESSIONS:
        stage = stages[code]
        day = today + dt.timedelta(days=offset)
        services.session_create(
            stage=stage,
            title=title,
            kind=kind,
            starts_at=_at(day, start_at),
            ends_at=_at(day, end_at),
            mode=stage.mode,
            speakers=speakers,
            **_place(stage.mode, CURRENT_ONLINE_LINK, CURRENT_VENUE),
        )
    rows = [row for row in demo_data.PEOPLE if row["unit"] in CURRENT_UNITS]
    _enrol(cohort, region, coach, rows)
    _work_current(cohort, admin, coach, today)
    return LabSummary(
        name=name, participants=len(rows), teams=cohort.teams.count(), sessions=len(CURRENT_SESSIONS)
    )


# The 2023 cohort's work: when each stage's work was submitted and approved (team by team, a minute apart).
DEC_7, DEC_8 = IN_PERSON_DAYS
GATES_2023 = {
    "drum_up": (ONLINE_DAY, (11, 0), (12, 30)),
    "diagnose": (ONLINE_DAY, (15, 0), (16, 0)),
    "design": (ONLINE_DAY, (17, 0), (18, 0)),
    "deliver": (DEC_7, (11, 0), (12, 0)),
    "display": (DEC_7, (15, 0), (17, 0)),
    "documentation": (DEC_8, (15, 0), (16, 0)),
}
IN_PROGRESS, DONE = MilestoneStatus.IN_PROGRESS, MilestoneStatus.DONE
CLINIC_TEAMS_PER_SLOT = 3  # one coach for 38 teams: 15-minute group clinics within the morning session


def _on(today: dt.date, offset: int, hour_minute: tuple[int, int]) -> dt.datetime:
    return _at(today + dt.timedelta(days=offset), hour_minute)


def _steps_2023(index: int, count: int) -> list[work.Progress]:
    """Milestones due between 22 November and 7 December, each reported under way and then done."""
    first = dt.date(2023, 11, 22)
    steps = []
    for offset in ((5, 10, 15) if count == 3 else (3, 7, 11, 15))[:count]:
        due = first + dt.timedelta(days=offset - index % 3)
        midway = max(first, due - dt.timedelta(days=3))
        steps.append(work.Progress(due, ((midway, IN_PROGRESS, 50), (due, DONE, 100))))
    return steps


def _clinics_2023(crews: list[work.Crew]) -> list[work.Clinic]:
    """Group clinics on 8 December, each action checked ten days later: most done, some not."""
    due, checked = dt.date(2023, 12, 15), _at(dt.date(2023, 12, 18), (10, 0))
    plan = []
    for slot, start in enumerate(range(0, len(crews), CLINIC_TEAMS_PER_SLOT)):
        status = ClinicAction.Status.NOT_DONE if slot % 4 == 1 else ClinicAction.Status.DONE
        actions = [(*CLINIC_ACTIONS[slot % 4], due, status, checked)]
        if slot % 2 == 0:
            status = ClinicAction.Status.DONE if slot % 3 else ClinicAction.Status.NOT_DONE
            actions.append((*CLINIC_ACTIONS[(slot + 1) % 4], due, status, checked))
        starts_at = _at(DEC_8, (8, 30)) + dt.timedelta(minutes=15 * slot)
        plan.append(
            work.Clinic(
                starts_at,
                15,
                Mode.IN_PERSON,
                {"venue": PARTNER},
                capacity=CLINIC_TEAMS_PER_SLOT,
                booked=tuple(crews[start : start + CLINIC_TEAMS_PER_SLOT]),
                notes=CLINIC_NOTES[slot % len(CLINIC_NOTES)],
                actions=tuple(actions),
            )
        )
    return plan


def _work_2023(cohort: Cohort, admin: User, coach: User, juror: User) -> None:
    """Every team through every stage: committed, diagnosed, designed, delivered, shown, scored."""
    work.clear(cohort)
    crews = work.crews(cohort, FILL_2023, SPECIFIC_2023)
    work.commitments(crews, admin, ONLINE_DAY)
    work.readiness(cohort, crews)
    work.designs(crews, work.diagnosis(crews), actual=True)
    work.milestones({c.team.pk: (c, _steps_2023(i, len(c.work.milestones))) for i, c in enumerate(crews)})
    minute = dt.timedelta(minutes=1)
    moves = [
        work.Move(crew, code, _at(day, submitted) + i * minute, _at(day, decided) + i * minute)
        for code, (day, submitted, decided) in GATES_2023.items()
        for i, crew in enumerate(crews)
    ]
    work.gates(moves, admin=admin, coach=coach)
    work.jury(cohort, crews, juror=juror, admin=admin, published=_at(DEC_8, (16, 30)))
    work.clinics(cohort, coach, _clinics_2023(crews), booked=_at(DEC_7, (17, 0)))
    work.attendance(cohort, admin, low=LOW_ATTENDANCE_2023)
    work.register(cohort, crews, REGISTERED_2023, admin=admin, at_=_at(DEC_8, (15, 0)))
    work.backdate(
        cohort,
        {
            "commitment": _at(ONLINE_DAY, (10, 30)),
            "readiness": _at(ONLINE_DAY, (13, 30)),
            "problem": _at(ONLINE_DAY, (14, 0)),
            "idea": _at(ONLINE_DAY, (14, 30)),
            "design": _at(ONLINE_DAY, (16, 30)),
            "milestone": _at(DEC_7, (10, 0)),
            "report": _at(DEC_7, (10, 0)),
            "entry": _at(DEC_7, (14, 0)),
            "score": _at(DEC_8, (11, 0)),
            "slot": _at(dt.date(2023, 12, 6), (9, 0)),
        },
    )


def _deliver_steps(index: int, count: int, today: dt.date) -> list[work.Progress]:
    """Mixed progress: the first step done; the second done by half the teams and overdue for the others."""

    def day(offset: int) -> dt.date:
        return today + dt.timedelta(days=offset)

    second = (
        ((day(-4), IN_PROGRESS, 40), (day(-3), DONE, 100)),
        ((day(-4), IN_PROGRESS, 40), (day(-3), DONE, 100)),
        ((day(-4), IN_PROGRESS, 50), (day(-3), DONE, 100)),
        ((day(-5), IN_PROGRESS, 60),),
        (),
        ((day(-4), IN_PROGRESS, 30),),
    )[index % 6]
    third = ((day(-1), IN_PROGRESS, 20),) if index % 2 == 0 else ()
    steps = [
        work.Progress(day(-6), ((day(-9), IN_PROGRESS, 50), (day(-7), DONE, 100))),
        work.Progress(day(-2), second),
        work.Progress(day(14 if count == 4 else 30), third),
        work.Progress(day(40)),
    ]
    return steps[:count]


def _clinics_current(crews: dict[str, work.Crew], today: dt.date) -> list[work.Clinic]:
    """One clinic held two weeks ago with an action still open, and slots in the coming days."""
    hall, online = {"venue": CURRENT_VENUE}, {"meeting_link": CURRENT_ONLINE_LINK}
    actions = (
        ("Ambil nilai awal indikator dari data layanan tiga bulan terakhir", "Ketua tim",
         today - dt.timedelta(days=10), ClinicAction.Status.DONE, _on(today, -9, (10, 0))),
        ("Susun draf SK tim inovasi untuk ditandatangani kepala unit", "Sekretaris unit",
         today - dt.timedelta(days=3), ClinicAction.Status.OPEN, None),
    )  # fmt: skip
    held = work.Clinic(
        _on(today, -14, (9, 0)), 45, Mode.IN_PERSON, hall, booked=(crews["dinkes"],),
        notes=CURRENT_CLINIC_NOTE, actions=actions,
    )  # fmt: skip
    morning = [
        work.Clinic(
            _on(today, 3, (9, 0)) + dt.timedelta(minutes=45 * i), 45, Mode.IN_PERSON, hall, booked=team
        )
        for i, team in enumerate(((crews["dindikbud"],), (crews["dinas_pupr"],), (), ()))
    ]
    full = (crews["dishub"], crews["kec_soreang"])
    return [
        held,
        *morning,
        work.Clinic(_on(today, 5, (13, 0)), 60, Mode.ONLINE, online, capacity=2, booked=full),
        work.Clinic(_on(today, 6, (9, 0)), 60, Mode.ONLINE, online, capacity=2),
    ]


def _moves_current(by_key: dict[str, work.Crew], today: dt.date) -> list[work.Move]:
    """Drum-up and Diagnose approved for all; Design approved for the delivering teams, the rest pending."""
    minute = dt.timedelta(minutes=1)
    moves = []
    for i, crew in enumerate(by_key.values()):
        moves.append(
            work.Move(crew, "drum_up", _on(today, -69, (10, 0)) + i * minute, _on(today, -68, (14, 0)))
        )
        moves.append(
            work.Move(crew, "diagnose", _on(today, -40, (10, 0)) + i * minute, _on(today, -38, (14, 0)))
        )
    for i, key in enumerate(CURRENT_DELIVER):
        submitted = _on(today, -14, (15, 0)) + i * minute
        moves.append(work.Move(by_key[key], "design", submitted, _on(today, -12, (10, 0)) + i * minute))
    submitted_on = {"dindikbud": -2, "dlh": -1}
    for key, (status, _count) in CURRENT_DESIGN.items():
        if status == GateStatus.SUBMITTED:
            moves.append(
                work.Move(by_key[key], "design", _on(today, submitted_on[key], (16, 0)), status=status)
            )
        elif status == GateStatus.RETURNED:
            returned = _on(today, -4, (11, 0))
            moves.append(
                work.Move(by_key[key], "design", _on(today, -6, (9, 0)), returned, status, RETURN_NOTE)
            )
    return moves


def _work_current(cohort: Cohort, admin: User, coach: User, today: dt.date) -> None:
    """Half the teams still designing (draft, submitted, returned), half delivering with some steps late."""
    work.clear(cohort)
    crews = work.crews(cohort, FILL_CURRENT, {})
    by_key = {crew.key: crew for crew in crews}
    work.commitments(crews, admin, today - dt.timedelta(days=70))
    work.readiness(cohort, crews)
    returned = [key for key, (status, _count) in CURRENT_DESIGN.items() if status == GateStatus.RETURNED]
    work.designs(crews, work.diagnosis(crews), actual=False, no_baseline=returned)
    plans = {}
    for index, key in enumerate(CURRENT_DELIVER):
        crew = by_key[key]
        plans[crew.team.pk] = (crew, _deliver_steps(index, len(crew.work.milestones), today))
    for key, (_status, count) in CURRENT_DESIGN.items():
        dues = [today + dt.timedelta(days=offset) for offset in (8, 25, 45, 60)[:count]]
        plans[by_key[key].team.pk] = (by_key[key], [work.Progress(due) for due in dues])
    work.milestones(plans)
    work.gates(_moves_current(by_key, today), admin=admin, coach=coach)
    work.clinics(cohort, coach, _clinics_current(by_key, today), booked=_on(today, -1, (15, 0)))
    work.attendance(cohort, admin, low=["kec_soreang"])
    moments = {
        "commitment": (-70, (11, 0)),
        "readiness": (-56, (11, 0)),
        "problem": (-55, (10, 0)),
        "idea": (-50, (10, 0)),
        "design": (-15, (16, 0)),
        "milestone": (-3, (16, 0)),
        "report": (-1, (17, 0)),
        "slot": (-20, (9, 0)),
    }
    work.backdate(cohort, {name: _on(today, *moment) for name, moment in moments.items()})


@transaction.atomic
def load_lab_demo() -> list[LabSummary]:
    """The completed 2023 cohort, then this year's cohort under way."""
    region = Region.objects.get(code=REGION_CODE)
    admin = User.objects.get(email="admin@parepare.demo")
    coach = User.objects.get(email=COACH_EMAIL)
    juror = User.objects.get(email=JUROR_EMAIL)
    return [_load_2023(region, admin, coach, juror), _load_current(region, admin, coach)]
