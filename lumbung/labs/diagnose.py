"""The Diagnose stage: problems scored by USG, the idea register, and who may change them."""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, F
from django.http import Http404
from django.utils.translation import gettext as _

from lumbung.accounts.access import AnyUser
from lumbung.accounts.models import User
from lumbung.innovations.models import InnovationVersion, Status
from lumbung.regions.models import Unit

from . import gates
from .access import can_manage, get_cohort_for_user
from .models import Cohort, Idea, Participant, Problem, Team

# Access


@dataclass
class TeamAccess:
    team: Team
    can_edit: bool


def can_read_cohort_work(user: AnyUser, cohort: Cohort) -> bool:
    """The region's admins and the cohort's participants and coaches; not other region staff."""
    if not user.is_authenticated:
        return False
    if can_manage(user, cohort):
        return True
    return Participant.objects.filter(cohort=cohort, user=user).exists()


def can_edit_team(user: AnyUser, team: Team) -> bool:
    """The team's members, its coach and the region's admins."""
    if not user.is_authenticated:
        return False
    if can_manage(user, team.cohort) or team.coach_id == user.pk:
        return True
    return Participant.objects.filter(cohort_id=team.cohort_id, user=user, team=team).exists()


def team_work_links(user: AnyUser, cohort: Cohort, teams: Iterable[Team]) -> tuple[set[int], set[int]]:
    """Ids of the teams whose work the user may open, and of those whose work they may change.

    Mirrors get_team_for_user and can_edit_team, so a page links only to what will open for this person.
    """
    ids = {team.pk for team in teams}
    if can_manage(user, cohort):
        return ids, ids
    if not user.is_authenticated:
        return set(), set()
    me = Participant.objects.filter(cohort=cohort, user=user).first()
    if me is None:
        return set(), set()
    coached = {team.pk for team in teams if team.coach_id == user.pk}
    if me.role == Participant.Role.COACH:
        return coached, coached
    own = {me.team_id} if me.team_id else set()
    return ids, own | coached


def get_cohort_for_reader(user: AnyUser, pk: int) -> Cohort:
    cohort = get_cohort_for_user(user, pk)
    if not can_read_cohort_work(user, cohort):
        raise Http404
    return cohort


def get_team_for_user(user: AnyUser, cohort_pk: int, team_pk: int) -> TeamAccess:
    """The team if the user may read its work (404 otherwise), and whether they may change it."""
    cohort = get_cohort_for_reader(user, cohort_pk)
    team = Team.objects.filter(cohort=cohort, pk=team_pk).select_related("unit", "coach").first()
    if team is None:
        raise Http404
    team.cohort = cohort
    coaches_elsewhere = (
        team.coach_id != user.pk
        and not can_manage(user, cohort)
        and user.is_authenticated
        and Participant.objects.filter(cohort=cohort, user=user, role=Participant.Role.COACH).exists()
    )
    if coaches_elsewhere:
        raise Http404  # a coach sees only the teams they coach
    return TeamAccess(team, can_edit_team(user, team))


def get_team_for_editor(user: AnyUser, cohort_pk: int, team_pk: int) -> Team:
    """The team for those who may change its work: 404 to those who cannot read it, 403 to readers."""
    access = get_team_for_user(user, cohort_pk, team_pk)
    if not access.can_edit:
        raise PermissionDenied
    return access.team


def get_problem(team: Team, pk: int) -> Problem:
    problem = Problem.objects.filter(team=team, pk=pk).first()
    if problem is None:
        raise Http404
    return problem


def get_idea(team: Team, pk: int) -> Idea:
    idea = Idea.objects.filter(team=team, pk=pk).first()
    if idea is None:
        raise Http404
    return idea


# Ranking: a pure calculator over plain data


TIE_URGENCY = "urgency"
TIE_SERIOUSNESS = "seriousness"
TIE_EARLIER = "earlier"


@dataclass(frozen=True)
class ScoredProblem:
    key: int
    urgency: int
    seriousness: int
    growth: int
    order: int  # entry order: a smaller number was recorded earlier

    @property
    def score(self) -> int:
        return self.urgency * self.seriousness * self.growth


@dataclass(frozen=True)
class RankedProblem:
    key: int
    rank: int
    score: int
    # Set when this problem has the same score as the next one: the rule that put it above.
    tie_rule: str | None


def rank_problems(problems: Iterable[ScoredProblem]) -> list[RankedProblem]:
    """Highest U×S×G first; ties go to higher urgency, then seriousness, then the earlier entry."""
    ordered = sorted(problems, key=lambda p: (-p.score, -p.urgency, -p.seriousness, p.order))
    ranked = []
    for index, problem in enumerate(ordered):
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        rule = None
        if following is not None and following.score == problem.score:
            if problem.urgency != following.urgency:
                rule = TIE_URGENCY
            elif problem.seriousness != following.seriousness:
                rule = TIE_SERIOUSNESS
            else:
                rule = TIE_EARLIER
        ranked.append(RankedProblem(problem.key, index + 1, problem.score, rule))
    return ranked


def tie_explanation(rule: str | None) -> str:
    if rule == TIE_URGENCY:
        return _("sama skor; urgensi lebih tinggi")
    if rule == TIE_SERIOUSNESS:
        return _("sama skor dan urgensi; keseriusan lebih tinggi")
    if rule == TIE_EARLIER:
        return _("sama skor, urgensi dan keseriusan; dicatat lebih dulu")
    return ""


# Similar innovations: a pure matcher and one query

STOP_WORDS = frozenset(
    {
        "yang",
        "dan",
        "atau",
        "untuk",
        "dengan",
        "dari",
        "pada",
        "dalam",
        "bagi",
        "oleh",
        "ini",
        "itu",
        "para",
        "serta",
        "agar",
        "akan",
        "juga",
        "melalui",
        "tidak",
        "ada",
        "sebagai",
        "kepada",
        "secara",
        "terhadap",
        "lebih",
        "dapat",
        "bisa",
        "kami",
        "kita",
        "warga",
        "masyarakat",
        "inovasi",
        "program",
        "kegiatan",
        "sistem",
    }
)
MIN_SHARED_WORDS = 2


def meaningful_words(text: str) -> set[str]:
    """Lower-case words of four letters or more that are not common Indonesian filler."""
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) >= 4 and w not in STOP_WORDS}


@dataclass(frozen=True)
class Similar:
    version_id: int
    name: str
    shared: tuple[str, ...]


def similar_for(ideas: Sequence[Idea], region_id: int, limit: int = 3) -> dict[int, list[Similar]]:
    """For each idea, up to `limit` innovations of the region whose name or goals share two words."""
    words = {idea.pk: meaningful_words(f"{idea.title} {idea.description}") for idea in ideas}
    if not any(len(w) >= MIN_SHARED_WORDS for w in words.values()):
        return {idea.pk: [] for idea in ideas}
    # Drafts are left out: their links would not open for most readers.
    candidates = [
        (pk, name, meaningful_words(f"{name} {goals}"))
        for pk, name, goals in InnovationVersion.objects.filter(region_id=region_id, is_current=True)
        .exclude(status=Status.DRAFT)
        .order_by("name", "pk")
        .values_list("pk", "name", "goals")
    ]
    found: dict[int, list[Similar]] = {}
    for idea in ideas:
        matches = []
        for pk, name, candidate in candidates:
            shared = words[idea.pk] & candidate
            if len(shared) >= MIN_SHARED_WORDS:
                matches.append(Similar(pk, name, tuple(sorted(shared))))
        matches.sort(key=lambda s: -len(s.shared))  # stable: ties stay in name order
        found[idea.pk] = matches[:limit]
    return found


# Reads


@dataclass
class ProblemRow:
    problem: Problem
    rank: int
    tie_note: str


def ranked_problems(team: Team) -> list[ProblemRow]:
    problems = {p.pk: p for p in Problem.objects.filter(team=team)}
    ranked = rank_problems(
        ScoredProblem(p.pk, p.urgency, p.seriousness, p.growth, p.pk) for p in problems.values()
    )
    return [ProblemRow(problems[r.key], r.rank, tie_explanation(r.tie_rule)) for r in ranked]


@dataclass
class IdeaRow:
    idea: Idea
    similar: list[Similar]


def idea_rows(team: Team) -> list[IdeaRow]:
    ideas = list(
        Idea.objects.filter(team=team)
        .select_related("problem", "proposed_by__user", "proposed_by__unit")
        .order_by("-chosen", "id")
    )
    similar = similar_for(ideas, team.cohort.region_id)
    return [IdeaRow(idea, similar[idea.pk]) for idea in ideas]


@dataclass
class CountRow:
    label: str
    ideas: int


@dataclass
class IdeaSummary:
    total: int
    by_unit: list[CountRow]
    by_kind: list[CountRow]
    by_team: list[CountRow]


def idea_summary(cohort: Cohort) -> IdeaSummary:
    """Ideas of the cohort counted by the proposer's unit and unit kind, and by team (three queries)."""
    ideas = Idea.objects.filter(team__cohort=cohort)
    no_unit = _("Tanpa unit")
    by_unit = [
        CountRow(row["proposed_by__unit__name"] or no_unit, row["n"])
        for row in ideas.values("proposed_by__unit__name")
        .annotate(n=Count("id"))
        .order_by("-n", F("proposed_by__unit__name").asc(nulls_last=True))
    ]
    by_kind = [
        CountRow(
            str(Unit.Kind(row["proposed_by__unit__kind"]).label)
            if row["proposed_by__unit__kind"]
            else no_unit,
            row["n"],
        )
        for row in ideas.values("proposed_by__unit__kind")
        .annotate(n=Count("id"))
        .order_by("-n", F("proposed_by__unit__kind").asc(nulls_last=True))
    ]
    by_team = [
        CountRow(row["team__name"], row["n"])
        for row in ideas.values("team__name").annotate(n=Count("id")).order_by("-n", "team__name")
    ]
    return IdeaSummary(sum(row.ideas for row in by_unit), by_unit, by_kind, by_team)


# Services


def _check_scores(urgency: int, seriousness: int, growth: int) -> None:
    labels = {"urgency": _("Urgensi"), "seriousness": _("Keseriusan"), "growth": _("Perkembangan")}
    values = {"urgency": urgency, "seriousness": seriousness, "growth": growth}
    errors = {
        field: _("%(label)s harus bilangan bulat 1 sampai 5.") % {"label": labels[field]}
        for field, value in values.items()
        if not isinstance(value, int) or not 1 <= value <= 5
    }
    if errors:
        raise ValidationError(errors)


def _require_ideas_open(actor: AnyUser, team: Team) -> None:
    """Ideas are gathered from Drum-up (a first list) through Diagnose (where the team chooses one)."""
    try:
        gates.require_editable(actor=actor, team=team, stage="drum_up")
    except ValidationError:
        gates.require_editable(actor=actor, team=team, stage="diagnose")


def _clean_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise ValidationError({"title": _("Judul wajib diisi.")})
    return title


@transaction.atomic
def problem_create(
    *,
    team: Team,
    actor: User,
    title: str,
    urgency: int,
    seriousness: int,
    growth: int,
    description: str = "",
) -> Problem:
    title = _clean_title(title)
    _check_scores(urgency, seriousness, growth)
    gates.require_editable(actor=actor, team=team, stage="diagnose")
    return Problem.objects.create(
        team=team,
        title=title,
        description=description.strip(),
        urgency=urgency,
        seriousness=seriousness,
        growth=growth,
        created_by=actor,
    )


@transaction.atomic
def problem_update(
    *,
    problem: Problem,
    actor: User,
    title: str,
    urgency: int,
    seriousness: int,
    growth: int,
    description: str = "",
) -> Problem:
    problem.title = _clean_title(title)
    _check_scores(urgency, seriousness, growth)
    gates.require_editable(actor=actor, team=problem.team, stage="diagnose")
    problem.description = description.strip()
    problem.urgency, problem.seriousness, problem.growth = urgency, seriousness, growth
    problem.save()
    return problem


def _check_idea_links(team: Team, problem: Problem | None, proposed_by: Participant | None) -> None:
    errors = {}
    if problem is not None and problem.team_id != team.pk:
        errors["problem"] = _("Masalah itu bukan milik tim ini.")
    if proposed_by is not None and proposed_by.cohort_id != team.cohort_id:
        errors["proposed_by"] = _("Pengusul harus peserta angkatan ini.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def idea_create(
    *,
    team: Team,
    actor: User,
    title: str,
    description: str = "",
    problem: Problem | None = None,
    proposed_by: Participant | None = None,
) -> Idea:
    title = _clean_title(title)
    _check_idea_links(team, problem, proposed_by)
    _require_ideas_open(actor, team)
    return Idea.objects.create(
        team=team,
        title=title,
        description=description.strip(),
        problem=problem,
        proposed_by=proposed_by,
        created_by=actor,
    )


@transaction.atomic
def idea_update(
    *,
    idea: Idea,
    actor: User,
    title: str,
    description: str = "",
    problem: Problem | None = None,
    proposed_by: Participant | None = None,
) -> Idea:
    idea.title = _clean_title(title)
    _check_idea_links(idea.team, problem, proposed_by)
    _require_ideas_open(actor, idea.team)
    idea.description = description.strip()
    idea.problem, idea.proposed_by = problem, proposed_by
    idea.save()
    return idea


@transaction.atomic
def idea_choose(*, idea: Idea, actor: User) -> Idea:
    """Make this the team's one chosen idea; the one chosen before is let go."""
    gates.require_editable(actor=actor, team=idea.team, stage="diagnose")
    # Locking the team serialises two members choosing at once; the partial unique index is the backstop.
    Team.objects.select_for_update().filter(pk=idea.team_id).first()
    Idea.objects.filter(team_id=idea.team_id, chosen=True).exclude(pk=idea.pk).update(chosen=False)
    Idea.objects.filter(pk=idea.pk).update(chosen=True)
    idea.chosen = True
    return idea
