"""The Parepare 2023 lab cohort of the demo, as the lab report gives it. Safe to run again."""

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from django.db import transaction

from lumbung.accounts.models import User
from lumbung.innovations import demo_data
from lumbung.innovations.demo import REGION_CODE
from lumbung.regions.models import Region, Unit

from . import services
from .models import Cohort, Mode, Participant, Session

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


@dataclass
class LabSummary:
    participants: int
    teams: int
    sessions: int


def _at(day: dt.date, hour_minute: tuple[int, int]) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(*hour_minute), tzinfo=WITA)


@transaction.atomic
def load_lab_demo() -> LabSummary:
    region = Region.objects.get(code=REGION_CODE)
    admin = User.objects.get(email="admin@parepare.demo")
    coach = User.objects.get(email=COACH_EMAIL)
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

    unit_names = {row["key"]: row["name"] for row in demo_data.UNITS}
    units = {unit.name: unit for unit in Unit.objects.filter(region=region)}
    people = {
        user.email: user for user in User.objects.filter(email__in=[p["email"] for p in demo_data.PEOPLE])
    }
    for row in demo_data.PEOPLE:
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
    return LabSummary(participants=len(demo_data.PEOPLE), teams=cohort.teams.count(), sessions=len(SESSIONS))
