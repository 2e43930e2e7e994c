"""The cohort's documentation book, step one: what goes in, read in a fixed number of queries.

The renderers (render.py) turn the same Book into a PDF and an XLSX, so the two always agree.
"""

import base64
import datetime as dt
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from lumbung.core.formatting import format_date
from lumbung.labs import attendance, diagnose, jury_services
from lumbung.labs.models import (
    Cohort,
    CohortStage,
    Design,
    Entry,
    Idea,
    Milestone,
    MilestoneUpdate,
    Participant,
    Problem,
    RankingPublication,
    Team,
    TeamFile,
    region_today,
)

from ..exports.profile import letterhead_title

# A chapter prints at most this many photos: a book of a hundred pages of pictures helps nobody.
MAX_PHOTOS = 12

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SessionLine:
    title: str
    stage: str
    starts_at: dt.datetime
    present: int
    enrolled: int
    percent: float | None


@dataclass(frozen=True)
class Figures:
    teams: int
    participants: int
    coaches: int
    sessions: int
    held: int
    attended: int
    percent: float | None  # attended / (participants × sessions held)


@dataclass(frozen=True)
class ProblemLine:
    rank: int
    problem: Problem


@dataclass(frozen=True)
class EvidenceLine:
    milestone: str
    update: MilestoneUpdate


@dataclass(frozen=True)
class Photo:
    caption: str
    name: str
    data_uri: str  # empty when the book is built without images (the XLSX)


@dataclass(frozen=True)
class JuryResult:
    rank: int
    total: Decimal
    of: int


@dataclass
class Chapter:
    number: int
    team: Team
    members: list[Participant]
    problems: list[ProblemLine]
    ideas: list[Idea]
    chosen: Idea | None
    design: Design | None
    milestones: list[Milestone]
    overdue: set[int]  # pks of overdue milestones
    evidence: list[EvidenceLine]
    entry: Entry | None
    jury: JuryResult | None
    photos: list[Photo]


@dataclass
class Book:
    cohort: Cohort
    letterhead: str
    printed_on: str
    zone: str
    figures: Figures
    sessions: list[SessionLine]
    published: bool
    chapters: list[Chapter]


def _teams(cohort: Cohort) -> list[Team]:
    members = Participant.objects.select_related("user", "unit").order_by("user__full_name", "pk")
    updates = MilestoneUpdate.objects.select_related("evidence").order_by("reported_on", "pk")
    return list(
        Team.objects.filter(cohort=cohort)
        .select_related("unit", "coach", "leader__user", "entry__poster", "design__main_urusan")
        .prefetch_related(
            Prefetch("members", queryset=members),
            Prefetch("problems", queryset=Problem.objects.order_by("pk")),
            Prefetch("ideas", queryset=Idea.objects.select_related("problem", "proposed_by__user")),
            Prefetch("milestones", queryset=Milestone.objects.order_by("position")),
            Prefetch("milestones__updates", queryset=updates),
            Prefetch(
                "files", queryset=TeamFile.objects.filter(purpose=TeamFile.Purpose.PHOTO).order_by("pk")
            ),
        )
        .order_by("name", "pk")
    )


def _entry(team: Team) -> Entry | None:
    try:
        return team.entry
    except Entry.DoesNotExist:
        return None


def _design(team: Team) -> Design | None:
    try:
        return team.design
    except Design.DoesNotExist:
        return None


def _data_uri(stored: TeamFile) -> str:
    """The image inline, as reports.pdf wants: documents never fetch anything. "" if the file is gone."""
    try:
        with stored.file.open("rb") as handle:
            content = handle.read()
    except (OSError, ValueError):
        return ""
    return f"data:{stored.content_type};base64,{base64.b64encode(content).decode('ascii')}"


def _photos(team: Team, entry: Entry | None, *, with_images: bool) -> list[Photo]:
    files = [f for f in team.files.all() if f.is_image]
    if entry is not None and entry.poster is not None and entry.poster.is_image:
        files.insert(0, entry.poster)
    photos = []
    for stored in files[:MAX_PHOTOS]:
        uri = _data_uri(stored) if with_images else ""
        if with_images and not uri:
            continue
        caption = stored.caption or (_("Poster") if stored.purpose == TeamFile.Purpose.POSTER else "")
        photos.append(Photo(caption, stored.original_name, uri))
    return photos


def _ranked_problems(team: Team) -> list[ProblemLine]:
    problems = {p.pk: p for p in team.problems.all()}
    ranked = diagnose.rank_problems(
        diagnose.ScoredProblem(p.pk, p.urgency, p.seriousness, p.growth, p.pk) for p in problems.values()
    )
    return [ProblemLine(r.rank, problems[r.key]) for r in ranked]


def _chapter(
    number: int,
    team: Team,
    results: dict[int, JuryResult],
    today: dt.date,
    with_images: bool,
) -> Chapter:
    ideas = sorted(team.ideas.all(), key=lambda idea: (not idea.chosen, idea.pk))
    milestones = list(team.milestones.all())
    entry = _entry(team)
    return Chapter(
        number=number,
        team=team,
        members=list(team.members.all()),
        problems=_ranked_problems(team),
        ideas=ideas,
        chosen=next((idea for idea in ideas if idea.chosen), None),
        design=_design(team),
        milestones=milestones,
        overdue={m.pk for m in milestones if m.is_overdue(today)},
        evidence=[EvidenceLine(m.what, u) for m in milestones for u in m.updates.all() if u.evidence_id],
        entry=entry,
        jury=results.get(team.pk),
        photos=_photos(team, entry, with_images=with_images),
    )


def _jury_results(cohort: Cohort) -> tuple[bool, dict[int, JuryResult]]:
    """Each team's weighted total and rank, only once the ranking is published."""
    if not RankingPublication.objects.filter(cohort=cohort).exists():
        return False, {}
    rows = jury_services.ranking(cohort)
    return True, {row.entry.team_id: JuryResult(row.ranked.rank, row.ranked.total, len(rows)) for row in rows}


def _figures_and_sessions(cohort: Cohort, teams: list[Team]) -> tuple[Figures, list[SessionLine]]:
    report = attendance.attendance_report(cohort)
    stage_names = {s.pk: s.name for s in CohortStage.objects.filter(cohort=cohort)}
    now = timezone.now()
    held = [line for line in report.sessions if line.session.starts_at <= now]
    attended = sum(line.present for line in held)
    participants = len(report.people)
    figures = Figures(
        teams=len(teams),
        participants=participants,
        coaches=Participant.objects.filter(cohort=cohort, role=Participant.Role.COACH).count(),
        sessions=len(report.sessions),
        held=len(held),
        attended=attended,
        percent=round(100 * attended / (participants * len(held)), 1) if participants and held else None,
    )
    sessions = [
        SessionLine(
            line.session.title,
            stage_names.get(line.session.stage_id, ""),
            line.session.starts_at,
            line.present,
            line.enrolled,
            line.percent,
        )
        for line in report.sessions
    ]
    return figures, sessions


def build_book(cohort: Cohort, *, with_images: bool = True, progress: Progress | None = None) -> Book:
    """Everything the book holds; `progress(done, total)` is called once per team chapter."""
    region = cohort.region
    today = region_today(region)
    teams = _teams(cohort)
    published, results = _jury_results(cohort)
    figures, sessions = _figures_and_sessions(cohort, teams)
    chapters = []
    for number, team in enumerate(teams, 1):
        team.cohort = cohort
        chapters.append(_chapter(number, team, results, today, with_images))
        if progress:
            progress(number, len(teams))
    return Book(
        cohort=cohort,
        letterhead=letterhead_title(region),
        printed_on=format_date(timezone.localdate(timezone=zoneinfo.ZoneInfo(region.timezone))),
        zone=region.timezone,
        figures=figures,
        sessions=sessions,
        published=published,
        chapters=chapters,
    )
