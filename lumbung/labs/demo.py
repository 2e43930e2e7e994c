"""The demo's lab cohorts: Parepare 2023 as the lab report gives it, and one of this year under way.

Safe to run again: both cohorts are found again and brought back to the same state.
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

from . import services
from .models import Cohort, CohortStage, Mode, Participant, Session, region_today

WITA = zoneinfo.ZoneInfo("Asia/Makassar")
COHORT_NAME = "Laboratorium Inovasi Kota Parepare 2023"
PARTNER = "Puslatbang KMP LAN Makassar"
THEME = "Strategi Pengembangan Sistem Inovasi Daerah dalam Perspektif Peningkatan Daya Saing"
COACH_EMAIL = "coach@parepare.demo"
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
    "design": (-28, 7, Mode.BOTH),
    "deliver": (8, 68, Mode.IN_PERSON),
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
    ("deliver", "Lokakarya pelaksanaan rencana aksi", Session.Kind.WORKSHOP, 8, (8, 30), (12, 0), ""),
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


def _load_2023(region: Region, admin: User, coach: User) -> LabSummary:
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
    return LabSummary(
        name=name, participants=len(rows), teams=cohort.teams.count(), sessions=len(CURRENT_SESSIONS)
    )


@transaction.atomic
def load_lab_demo() -> list[LabSummary]:
    """The completed 2023 cohort, then this year's cohort under way."""
    region = Region.objects.get(code=REGION_CODE)
    admin = User.objects.get(email="admin@parepare.demo")
    coach = User.objects.get(email=COACH_EMAIL)
    return [_load_2023(region, admin, coach), _load_current(region, admin, coach)]
