"""The jury: the cohort's rubric, teams' showcase entries, jurors' scores, and the published ranking."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lumbung.accounts.access import AnyUser, has_role
from lumbung.accounts.models import Role, User

from . import jury
from .access import can_manage, get_cohort_for_user
from .models import Cohort, Criterion, Entry, RankingPublication, Score, Team

DEFAULT_CRITERIA = [
    (gettext_lazy("Kebaharuan"), 30),
    (gettext_lazy("Kemanfaatan"), 25),
    (gettext_lazy("Kewenangan dan kolaborasi"), 15),
    (gettext_lazy("Replikasi dan aplikatif"), 20),
    (gettext_lazy("Penguasaan materi"), 10),
]

# Access


def is_juror(user: AnyUser, cohort: Cohort) -> bool:
    """A juror is a member of the cohort's region with the jury role."""
    return bool(user.is_authenticated and has_role(user, cohort.region_id, [Role.JURY]))


def get_cohort_for_juror(user: AnyUser, pk: int) -> Cohort:
    """404 to those who cannot read the cohort, 403 to readers who are not its jurors."""
    cohort = get_cohort_for_user(user, pk)
    if not is_juror(user, cohort):
        raise PermissionDenied
    return cohort


# Rubric


def criteria_for(cohort: Cohort) -> list[Criterion]:
    """The cohort's rubric in order; the default five are created the first time it is asked for."""
    criteria = list(Criterion.objects.filter(cohort=cohort).order_by("position"))
    if criteria:
        return criteria
    with transaction.atomic():
        for position, (name, weight) in enumerate(DEFAULT_CRITERIA, start=1):
            Criterion.objects.get_or_create(
                cohort=cohort, position=position, defaults={"name": str(name), "weight": weight}
            )
    return list(Criterion.objects.filter(cohort=cohort).order_by("position"))


def validate_weights(weights: Sequence[int]) -> None:
    error = jury.weights_error(weights)
    if error == "range":
        raise ValidationError(_("Setiap bobot harus antara 0 dan 100."), code="weight_range")
    if error == "sum":
        raise ValidationError(
            _("Jumlah bobot harus 100%%; sekarang %(total)s%%.") % {"total": sum(weights)}, code="weight_sum"
        )


@transaction.atomic
def criteria_set_weights(*, cohort: Cohort, weights: dict[int, int]) -> list[Criterion]:
    """Change the rubric's weights (criterion pk -> percent); refused unless they sum to 100."""
    criteria = criteria_for(cohort)
    new = [weights.get(c.pk, c.weight) for c in criteria]
    validate_weights(new)
    if ranking_publication(cohort) is not None:
        raise ValidationError(_("Peringkat sudah diumumkan; bobot tidak dapat diubah."), code="published")
    for criterion, weight in zip(criteria, new, strict=True):
        if criterion.weight != weight:
            criterion.weight = weight
            criterion.save(update_fields=["weight"])
    return criteria


# Entries and scores


def entry_save(*, team: Team, pitch: str, video_url: str = "") -> Entry:
    pitch = pitch.strip()
    if not pitch:
        raise ValidationError({"pitch": _("Tuliskan pitch satu paragraf.")})
    entry, _created = Entry.objects.update_or_create(
        team=team, defaults={"pitch": pitch, "video_url": video_url}
    )
    return entry


def entries_of(cohort: Cohort) -> list[Entry]:
    return list(
        Entry.objects.filter(team__cohort=cohort).select_related("team", "team__unit").order_by("team__name")
    )


@transaction.atomic
def score_save(*, entry: Entry, juror: User, criterion: Criterion, value: int, comment: str = "") -> Score:
    """Record a juror's score; 0–100 only, and only on this cohort's rubric before publication."""
    if not 0 <= value <= 100:
        raise ValidationError({"value": _("Nilai harus antara 0 dan 100.")}, code="score_range")
    cohort_id = entry.team.cohort_id
    if criterion.cohort_id != cohort_id:
        raise ValidationError(_("Kriteria bukan milik angkatan ini."), code="criterion")
    if RankingPublication.objects.filter(cohort_id=cohort_id).exists():
        raise ValidationError(_("Peringkat sudah diumumkan; nilai tidak dapat diubah."), code="published")
    score, _created = Score.objects.update_or_create(
        entry=entry, juror=juror, criterion=criterion, defaults={"value": value, "comment": comment.strip()}
    )
    return score


def own_scores(cohort: Cohort, juror: User) -> dict[tuple[int, int], Score]:
    """Only this juror's scores, keyed by (entry pk, criterion pk): jurors never see each other's."""
    scores = Score.objects.filter(entry__team__cohort=cohort, juror=juror)
    return {(s.entry_id, s.criterion_id): s for s in scores}


# Ranking


@dataclass
class RankingRow:
    ranked: jury.RankedEntry
    entry: Entry
    jurors: int


def ranking(cohort: Cohort) -> list[RankingRow]:
    criteria = criteria_for(cohort)
    entries = entries_of(cohort)
    values: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    jurors: dict[int, set[int]] = defaultdict(set)
    names = {c.pk: c.name for c in criteria}
    for entry_id, criterion_id, juror_id, value in Score.objects.filter(
        entry__team__cohort=cohort
    ).values_list("entry_id", "criterion_id", "juror_id", "value"):
        values[entry_id][names[criterion_id]].append(value)
        jurors[entry_id].add(juror_id)
    by_name = {e.team.name: e for e in entries}
    ranked = jury.rank_entries(
        [jury.RubricCriterion(c.name, c.weight) for c in criteria],
        [jury.EntryScores(e.team.name, values[e.pk]) for e in entries],
    )
    return [RankingRow(r, by_name[r.team_name], len(jurors[by_name[r.team_name].pk])) for r in ranked]


def ranking_publication(cohort: Cohort) -> RankingPublication | None:
    return RankingPublication.objects.filter(cohort=cohort).first()


def ranking_publish(*, cohort: Cohort, top_n: int, actor: User) -> RankingPublication:
    if top_n < 1:
        raise ValidationError({"top_n": _("Jumlah terbaik minimal 1.")})
    if not Entry.objects.filter(team__cohort=cohort).exists():
        raise ValidationError(_("Belum ada karya untuk diumumkan."), code="empty")
    publication, _created = RankingPublication.objects.update_or_create(
        cohort=cohort, defaults={"top_n": top_n, "published_at": timezone.now(), "published_by": actor}
    )
    return publication


def published_top(cohort: Cohort) -> list[RankingRow] | None:
    """The Top N for every reader of the cohort page, or None before publication."""
    publication = ranking_publication(cohort)
    if publication is None:
        return None
    return ranking(cohort)[: publication.top_n]


def can_see_ranking(user: AnyUser, cohort: Cohort) -> bool:
    """The full ranking with totals is the region admins' page; others see only the published Top N."""
    return can_manage(user, cohort)
