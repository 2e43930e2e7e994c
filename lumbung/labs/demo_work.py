"""The demo cohorts' work: every stage of Parepare 2023 done, and this year's teams in Design and Deliver.

Rows are written straight through the models, in bulk: the demo is history, not anyone's action, so it
notifies nobody and passes no gate. Each run deletes the two cohorts' work and writes it again from the
tables in demo_work_data and from seeded random numbers, so every run gives the same rows.
"""

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils import timezone

from lumbung.accounts.models import User
from lumbung.innovations import demo_data
from lumbung.innovations.models import InnovationVersion
from lumbung.regions.models import Unit, Urusan

from . import jury_services
from .demo_work_data import READINESS, REAL, SCORE_COMMENTS, SPECIFIC_2023, Fill, Work, content, position_of
from .models import (
    Attendance,
    ClinicAction,
    ClinicBooking,
    ClinicRecord,
    ClinicSlot,
    Cohort,
    Commitment,
    Design,
    Entry,
    GateStatus,
    Idea,
    Milestone,
    MilestoneStatus,
    MilestoneUpdate,
    Mode,
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
)
from .stages import STAGE_BY_CODE


@dataclass
class Crew:
    """A team as the loader needs it: its unit's key, leader, members and content."""

    team: Team
    unit: Unit
    key: str
    leader: User
    members: list[Participant]
    work: Work


def crews(cohort: Cohort, fills: dict[str, Fill], specific: dict[str, Work]) -> list[Crew]:
    """The cohort's teams in name order, each with its content; a unit without content is an error."""
    keys = {row["name"]: row["key"] for row in demo_data.UNITS}
    members: dict[int, list[Participant]] = defaultdict(list)
    enrolled = Participant.objects.filter(cohort=cohort, role=Participant.Role.PARTICIPANT)
    for participant in enrolled.select_related("user").order_by("id"):
        assert participant.team_id is not None
        members[participant.team_id].append(participant)
    result = []
    for team in cohort.teams.select_related("unit", "leader__user").order_by("name"):
        assert team.unit is not None and team.leader is not None
        key = keys[team.unit.name]
        work = specific[key] if key in specific else content(team.unit, key, fills[key], cohort.year)
        result.append(Crew(team, team.unit, key, team.leader.user, members[team.pk], work))
    return result


def clear(cohort: Cohort) -> None:
    """Delete the cohort's work, children before parents so no cascade has to search for them."""
    teams = Team.objects.filter(cohort=cohort)
    ClinicSlot.objects.filter(cohort=cohort).delete()
    RankingPublication.objects.filter(cohort=cohort).delete()
    Score.objects.filter(entry__team__in=teams).delete()
    MilestoneUpdate.objects.filter(milestone__team__in=teams).delete()
    StageMove.objects.filter(work__team__in=teams).delete()
    for model in (Entry, Milestone, Design, Idea, Problem, ReadinessAnswer, Commitment, StageWork):
        model._default_manager.filter(team__in=teams).delete()
    ReadinessQuestion.objects.filter(cohort=cohort).delete()


# The automatic timestamps each model has, and how to reach the cohort from it.
STAMPS: dict[str, tuple[type[models.Model], str, str]] = {
    "commitment": (Commitment, "created_at", "team__cohort"),
    "readiness": (ReadinessAnswer, "updated_at", "team__cohort"),
    "problem": (Problem, "created_at", "team__cohort"),
    "idea": (Idea, "created_at", "team__cohort"),
    "design": (Design, "updated_at", "team__cohort"),
    "milestone": (Milestone, "updated_at", "team__cohort"),
    "report": (MilestoneUpdate, "created_at", "milestone__team__cohort"),
    "entry": (Entry, "updated_at", "team__cohort"),
    "score": (Score, "updated_at", "entry__team__cohort"),
    "slot": (ClinicSlot, "created_at", "cohort"),
}


def backdate(cohort: Cohort, moments: dict[str, dt.datetime]) -> None:
    """Set the automatic timestamps to when the demo's story has these things happen."""
    for name, moment in moments.items():
        model, field, lookup = STAMPS[name]
        model._default_manager.filter(**{lookup: cohort}).update(**{field: moment})


# Drum-up and Diagnose


def commitments(items: Sequence[Crew], admin: User, day: dt.date) -> None:
    Commitment.objects.bulk_create(
        Commitment(
            team=crew.team,
            name=crew.unit.head_name or f"Kepala {crew.unit.label}",
            position=position_of(crew.unit),
            committed_on=day,
            recorded_by=admin,
        )
        for crew in items
    )


# Aspects a unit tends to rate itself higher (+) or lower (-) on: leaders commit, money and tools lag.
ASPECT_LEAN = (1, 0, 0, -1, 0, -1, 0, 0)


def readiness(cohort: Cohort, items: Sequence[Crew]) -> None:
    questions = ReadinessQuestion.objects.bulk_create(
        ReadinessQuestion(cohort=cohort, position=index, aspect=aspect, text=text)
        for index, (aspect, text) in enumerate(READINESS, start=1)
    )
    answers = []
    for crew in items:
        rng = random.Random(f"kesiapan-{cohort.year}-{crew.key}")
        level = rng.choice((2, 3, 3, 4))
        for question, lean in zip(questions, ASPECT_LEAN, strict=True):
            value = min(5, max(1, level + lean + rng.choice((-1, 0, 0, 1))))
            answers.append(
                ReadinessAnswer(team=crew.team, question=question, value=value, answered_by=crew.leader)
            )
    ReadinessAnswer.objects.bulk_create(answers)


def diagnosis(items: Sequence[Crew]) -> dict[int, Idea]:
    """Each team's problems and ideas; returns the chosen idea by team id."""
    problems = Problem.objects.bulk_create(
        Problem(
            team=crew.team,
            title=problem.title,
            description=problem.description,
            urgency=problem.usg[0],
            seriousness=problem.usg[1],
            growth=problem.usg[2],
            created_by=crew.leader,
        )
        for crew in items
        for problem in crew.work.problems
    )
    by_team: dict[int, list[Problem]] = defaultdict(list)
    for problem in problems:
        by_team[problem.team_id].append(problem)
    ideas = Idea.objects.bulk_create(
        Idea(
            team=crew.team,
            problem=by_team[crew.team.pk][idea.problem],
            title=idea.title,
            description=idea.description,
            proposed_by=crew.members[index % len(crew.members)],
            chosen=index == 0,
            created_by=crew.leader,
        )
        for crew in items
        for index, idea in enumerate(crew.work.ideas)
    )
    return {idea.team_id: idea for idea in ideas if idea.chosen}


# Design and Deliver


def designs(
    items: Sequence[Crew], chosen: dict[int, Idea], *, actual: bool, no_baseline: Iterable[str] = ()
) -> None:
    urusan = Urusan.objects.in_bulk({crew.work.urusan for crew in items}, field_name="name")
    missing = {crew.work.urusan for crew in items} - set(urusan)
    if missing:
        raise ValueError(f"Urusan tidak ditemukan: {sorted(missing)}")
    rows = []
    for crew in items:
        work, figures = crew.work, crew.work.figures
        rows.append(
            Design(
                team=crew.team,
                idea=chosen[crew.team.pk],
                name=work.name,
                form=work.form,
                kind=work.kind,
                main_urusan=urusan[work.urusan],
                goals=work.goals,
                benefits=work.benefits,
                design=work.design,
                indicator_name=figures.name,
                indicator_unit=figures.unit,
                baseline=None if crew.key in no_baseline else Decimal(figures.baseline),
                target=Decimal(figures.target),
                actual=Decimal(figures.actual) if actual else None,
                updated_by=crew.leader,
            )
        )
    Design.objects.bulk_create(rows)


@dataclass(frozen=True)
class Progress:
    """A milestone's due date and the progress reports on it: (day, status, percent)."""

    due: dt.date
    reports: tuple[tuple[dt.date, str, int], ...] = ()


def milestones(plans: Mapping[int, tuple[Crew, Sequence[Progress]]]) -> None:
    """Each team's action plan, its steps due and reported as planned; takes plans by team id."""
    rows, reports = [], []
    for crew, steps in plans.values():
        for position, (step, progress) in enumerate(zip(crew.work.milestones, steps, strict=False), start=1):
            last = progress.reports[-1] if progress.reports else (None, MilestoneStatus.PLANNED, 0)
            row = Milestone(
                team=crew.team,
                position=position,
                what=step.what,
                who=step.who,
                due_date=progress.due,
                expected_output=step.output,
                status=last[1],
                percent=last[2],
            )
            rows.append(row)
            reports.append((row, crew.leader, progress.reports))
    Milestone.objects.bulk_create(rows)
    MilestoneUpdate.objects.bulk_create(
        MilestoneUpdate(
            milestone=row,
            status=status,
            percent=percent,
            reported_on=day,
            note=REPORT_NOTES[status],
            reported_by=leader,
        )
        for row, leader, progress in reports
        for day, status, percent in progress
    )


REPORT_NOTES: dict[str, str] = {
    MilestoneStatus.IN_PROGRESS: "Sedang berjalan; bahan dan pelaksana sudah disiapkan.",
    MilestoneStatus.DONE: "Selesai sesuai rencana.",
}


# Gates


@dataclass(frozen=True)
class Move:
    """One stage's gate for one team: submitted (and decided) at these moments."""

    crew: Crew
    stage: str
    submitted: dt.datetime
    decided: dt.datetime | None = None
    status: str = GateStatus.APPROVED
    note: str = ""


def gates(moves: Sequence[Move], *, admin: User, coach: User) -> None:
    """StageWork rows with their history: submitted by the leader, decided by whoever signs the stage off."""
    works = StageWork.objects.bulk_create(
        StageWork(
            team=move.crew.team,
            stage=move.stage,
            status=move.status,
            submitted_at=move.submitted,
            decided_at=move.decided,
            decided_by=reviewer(move.stage, admin, coach) if move.decided else None,
            note=move.note,
        )
        for move in moves
    )
    history = []
    for work, move in zip(works, moves, strict=True):
        history.append(
            StageMove(
                work=work,
                from_status=GateStatus.DRAFT,
                to_status=GateStatus.SUBMITTED,
                actor=move.crew.leader,
                at=move.submitted,
            )
        )
        if move.decided:
            history.append(
                StageMove(
                    work=work,
                    from_status=GateStatus.SUBMITTED,
                    to_status=move.status,
                    actor=reviewer(move.stage, admin, coach),
                    note=move.note,
                    at=move.decided,
                )
            )
    StageMove.objects.bulk_create(history)


def reviewer(stage: str, admin: User, coach: User) -> User:
    return coach if STAGE_BY_CODE[stage].signed_off_by == "coach" else admin


# Clinics, attendance, the jury


@dataclass(frozen=True)
class Clinic:
    """One slot with the teams that booked it, and for a clinic held: notes and actions."""

    starts_at: dt.datetime
    minutes: int
    mode: str
    place: dict[str, str]
    capacity: int = 1
    booked: tuple[Crew, ...] = ()
    notes: str = ""
    # (what, owner, due, status, checked at)
    actions: tuple[tuple[str, str, dt.date, str, dt.datetime | None], ...] = ()


def clinics(cohort: Cohort, coach: User, plan: Sequence[Clinic], *, booked: dt.datetime) -> None:
    """The coach's slots and the bookings; a clinic held gets its record (when its slot ended)."""
    slots = ClinicSlot.objects.bulk_create(
        ClinicSlot(
            cohort=cohort,
            coach=coach,
            starts_at=clinic.starts_at,
            ends_at=clinic.starts_at + dt.timedelta(minutes=clinic.minutes),
            mode=clinic.mode,
            capacity=clinic.capacity,
            **clinic.place,
        )
        for clinic in plan
    )
    pairs = [(clinic, slot, crew) for clinic, slot in zip(plan, slots, strict=True) for crew in clinic.booked]
    bookings = ClinicBooking.objects.bulk_create(
        ClinicBooking(slot=slot, team=crew.team, booked_by=crew.leader) for _clinic, slot, crew in pairs
    )
    held = [
        (clinic, booking, crew)
        for (clinic, _s, crew), booking in zip(pairs, bookings, strict=True)
        if clinic.notes
    ]
    records = ClinicRecord.objects.bulk_create(
        ClinicRecord(booking=booking, notes=clinic.notes.format(name=crew.work.name), recorded_by=coach)
        for clinic, booking, crew in held
    )
    Through = ClinicRecord.attendees.through
    Through.objects.bulk_create(
        Through(clinicrecord_id=record.pk, participant_id=member.pk)
        for record, (_c, _b, crew) in zip(records, held, strict=True)
        for member in crew.members[:3]
    )
    ClinicAction.objects.bulk_create(
        ClinicAction(record=record, what=what, owner=owner, due_date=due, status=status, checked_at=checked)
        for record, (clinic, _b, _crew) in zip(records, held, strict=True)
        for what, owner, due, status, checked in clinic.actions
    )
    ClinicBooking.objects.filter(slot__cohort=cohort).update(created_at=booked)
    for clinic, slot in zip(plan, slots, strict=True):
        if clinic.notes:
            ClinicRecord.objects.filter(booking__slot=slot).update(recorded_at=slot.ends_at)


def attendance(cohort: Cohort, admin: User, *, low: Iterable[str] = ()) -> None:
    """Who came to each session that has started: most people, fewer from the units in `low`."""
    keys = {row["name"]: row["key"] for row in demo_data.UNITS}
    sessions = Session.objects.filter(stage__cohort=cohort, starts_at__lte=timezone.now()).order_by(
        "starts_at"
    )
    people = list(
        Participant.objects.filter(cohort=cohort, role=Participant.Role.PARTICIPANT)
        .select_related("user", "unit")
        .order_by("id")
    )
    low = set(low)
    rows = []
    for session in sessions:
        in_person = session.mode != Mode.ONLINE
        base = 0.88 if in_person else 0.95
        for person in people:
            key = keys[person.unit.name] if person.unit else ""
            chance = base - (0.2 if key in low else 0.0)
            rng = random.Random(f"hadir-{session.title}-{session.starts_at:%Y%m%d%H%M}-{person.user.email}")
            if rng.random() < chance:
                rows.append(
                    Attendance(
                        session=session,
                        participant=person,
                        method=Attendance.Method.QR if in_person else Attendance.Method.ORGANISER,
                        marked_at=session.starts_at + dt.timedelta(minutes=rng.randint(0, 25)),
                        marked_by=person.user if in_person else admin,
                    )
                )
    Attendance.objects.bulk_create(rows)


def jury(cohort: Cohort, items: Sequence[Crew], *, juror: User, admin: User, published: dt.datetime) -> None:
    """An entry per team, one juror's scores on every criterion, and the Top 5 published."""
    entries = Entry.objects.bulk_create(Entry(team=crew.team, pitch=crew.work.pitch) for crew in items)
    criteria = jury_services.criteria_for(cohort)
    scores = []
    for index, (crew, entry) in enumerate(zip(items, entries, strict=True)):
        rng = random.Random(f"juri-{cohort.year}-{crew.key}")
        # Teams with their own content are the lab's stronger designs, the real innovations strongest.
        strength = (
            68 + rng.randint(0, 10) + (8 if crew.key in SPECIFIC_2023 else 0) + (6 if crew.key in REAL else 0)
        )
        for criterion in criteria:
            value = min(98, max(45, strength + rng.randint(-6, 6)))
            comment = SCORE_COMMENTS[index % len(SCORE_COMMENTS)] if criterion.position == 1 else ""
            scores.append(Score(entry=entry, juror=juror, criterion=criterion, value=value, comment=comment))
    Score.objects.bulk_create(scores)
    RankingPublication.objects.create(cohort=cohort, top_n=5, published_at=published, published_by=admin)


def register(
    cohort: Cohort, items: Sequence[Crew], keys: Iterable[str], *, admin: User, at_: dt.datetime
) -> None:
    """Link the designs that went on into the demo registry to their innovation there."""
    wanted = {crew.work.name: crew.team.pk for crew in items if crew.key in set(keys)}
    current = InnovationVersion.objects.filter(region_id=cohort.region_id, is_current=True)
    versions = current.filter(name__in=wanted).values_list("name", "innovation_id")
    for name, innovation_id in versions:
        Design.objects.filter(team_id=wanted[name]).update(
            innovation_id=innovation_id, registered_at=at_, registered_by=admin
        )
