"""The jury: the cohort's rubric, teams' showcase entries, jurors' scores, and the published ranking."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lumbung.accounts.access import AnyUser, has_role
from lumbung.accounts.models import Role, User

from . import diagnose, gates, jury
from .access import can_manage, get_cohort_for_user
from .models import Cohort, Criterion, Entry, RankingPublication, Score, Team, TeamFile

DEFAULT_CRITERIA = [
    (gettext_lazy("Kebaharuan"), 30),
    (gettext_lazy("Kemanfaatan"), 25),
    (gettext_lazy("Kewenangan dan kolaborasi"), 15),
    (gettext_lazy("Replikasi dan aplikatif"), 20),
    (gettext_lazy("Penguasaan materi"), 10),
]
MAX_CRITERIA = 12
MAX_PHOTOS = 10
DISPLAY = "display"

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


def get_team_for_entry_reader(user: AnyUser, pk: int, team_pk: int) -> Team:
    """The team whose entry the user may see: the cohort's jurors, else whoever may read its work (404)."""
    cohort = get_cohort_for_user(user, pk)
    if is_juror(user, cohort):
        team = Team.objects.filter(cohort=cohort, pk=team_pk).first()
        if team is None:
            raise Http404
        team.cohort = cohort
        return team
    return diagnose.get_team_for_user(user, pk, team_pk).team


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


def scoring_started(cohort: Cohort) -> bool:
    return Score.objects.filter(criterion__cohort=cohort).exists()


def rubric_lock(cohort: Cohort) -> str:
    """Why the rubric can no longer change, or "" while it can."""
    if ranking_publication(cohort) is not None:
        return _("Peringkat sudah diumumkan; rubrik tidak dapat diubah.")
    if scoring_started(cohort):
        return _(
            "Juri sudah mulai memberi nilai, jadi rubrik tidak dapat diubah lagi: nilai yang sudah "
            "diberikan mengacu pada kriteria dan bobot yang sekarang."
        )
    return ""


def _require_rubric_changeable(cohort: Cohort) -> None:
    reason = rubric_lock(cohort)
    if reason:
        raise ValidationError(reason, code="locked")


@transaction.atomic
def criteria_set_weights(*, cohort: Cohort, weights: dict[int, int]) -> list[Criterion]:
    """Change the rubric's weights (criterion pk -> percent); refused unless they sum to 100."""
    criteria = criteria_for(cohort)
    new = [weights.get(c.pk, c.weight) for c in criteria]
    validate_weights(new)
    _require_rubric_changeable(cohort)
    for criterion, weight in zip(criteria, new, strict=True):
        if criterion.weight != weight:
            criterion.weight = weight
            criterion.save(update_fields=["weight"])
    return criteria


def _clean_rubric(rows: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    cleaned = [(" ".join(name.split()), weight) for name, weight in rows]
    if not cleaned:
        raise ValidationError(_("Rubrik perlu paling sedikit satu kriteria."), code="empty")
    if len(cleaned) > MAX_CRITERIA:
        raise ValidationError(
            _("Rubrik paling banyak %(n)s kriteria.") % {"n": MAX_CRITERIA}, code="too_many"
        )
    if any(not name for name, _weight in cleaned):
        raise ValidationError(_("Setiap kriteria perlu nama."), code="name")
    seen: set[str] = set()
    for name, _weight in cleaned:
        if name.casefold() in seen:
            raise ValidationError(
                _("Nama kriteria %(name)s muncul lebih dari sekali.") % {"name": name}, code="duplicate"
            )
        seen.add(name.casefold())
    validate_weights([weight for _name, weight in cleaned])
    return cleaned


@transaction.atomic
def criteria_replace(*, cohort: Cohort, rows: Sequence[tuple[str, int]]) -> list[Criterion]:
    """Replace the rubric with these (name, weight) rows in order; only before any juror has scored."""
    cleaned = _clean_rubric(rows)
    # Locking the rows makes a juror's first score wait for this change, or this change see that score.
    list(Criterion.objects.select_for_update().filter(cohort=cohort))
    _require_rubric_changeable(cohort)
    # No score points at these rows (checked above), so recreating them avoids juggling unique positions.
    Criterion.objects.filter(cohort=cohort).delete()
    return Criterion.objects.bulk_create(
        Criterion(cohort=cohort, name=name, weight=weight, position=position)
        for position, (name, weight) in enumerate(cleaned, start=1)
    )


# Entries and scores


@transaction.atomic
def entry_save(
    *, actor: User, team: Team, pitch: str, video_url: str = "", poster: UploadedFile | None = None
) -> Entry:
    """Save the team's showcase entry; a new poster (JPEG or PNG, judged by content) replaces the old."""
    pitch = pitch.strip()
    if not pitch:
        raise ValidationError({"pitch": _("Tuliskan pitch satu paragraf.")})
    gates.require_editable(actor=actor, team=team, stage=DISPLAY)
    entry = Entry.objects.select_for_update().filter(team=team).first() or Entry(team=team)
    entry.pitch, entry.video_url = pitch, video_url
    old_poster = entry.poster if poster is not None else None
    if poster is not None:
        try:
            entry.poster = gates.team_file_add(
                actor=actor, team=team, purpose=TeamFile.Purpose.POSTER, upload=poster, images_only=True
            )
        except ValidationError as error:
            raise ValidationError({"poster": error.messages}) from error
    entry.save()
    if old_poster is not None:
        gates.team_file_remove(stored=old_poster)
    return entry


def photos_of(team: Team) -> list[TeamFile]:
    return list(TeamFile.objects.filter(team=team, purpose=TeamFile.Purpose.PHOTO).order_by("id"))


@transaction.atomic
def entry_photo_add(*, actor: User, team: Team, upload: UploadedFile, caption: str = "") -> TeamFile:
    """Add an event photo (JPEG or PNG) to the team's showcase."""
    gates.require_editable(actor=actor, team=team, stage=DISPLAY)
    if TeamFile.objects.filter(team=team, purpose=TeamFile.Purpose.PHOTO).count() >= MAX_PHOTOS:
        raise ValidationError(
            {"file": _("Paling banyak %(n)s foto kegiatan; hapus dulu foto yang lain.") % {"n": MAX_PHOTOS}}
        )
    return gates.team_file_add(
        actor=actor,
        team=team,
        purpose=TeamFile.Purpose.PHOTO,
        upload=upload,
        caption=caption,
        images_only=True,
    )


def get_photo(team: Team, pk: int) -> TeamFile:
    photo = TeamFile.objects.filter(team=team, pk=pk, purpose=TeamFile.Purpose.PHOTO).first()
    if photo is None:
        raise Http404
    return photo


@transaction.atomic
def entry_photo_remove(*, actor: User, team: Team, photo: TeamFile) -> None:
    gates.require_editable(actor=actor, team=team, stage=DISPLAY)
    if photo.team_id != team.pk or photo.purpose != TeamFile.Purpose.PHOTO:
        raise ValidationError(_("Foto ini bukan foto kegiatan tim ini."))
    gates.team_file_remove(stored=photo)


def display_refusal(actor: AnyUser, team: Team) -> str:
    """Why the team's showcase cannot be changed now, or "" when it can (same rule as the services)."""
    try:
        gates.require_editable(actor=actor, team=team, stage=DISPLAY)
    except ValidationError as error:
        return " ".join(error.messages)
    return ""


def entries_of(cohort: Cohort) -> list[Entry]:
    return list(
        Entry.objects.filter(team__cohort=cohort)
        .select_related("team", "team__unit", "poster")
        .order_by("team__name")
    )


def photos_by_team(cohort: Cohort) -> dict[int, list[TeamFile]]:
    """Every team's event photos in one query, for the jurors' sheet."""
    photos: dict[int, list[TeamFile]] = defaultdict(list)
    for photo in TeamFile.objects.filter(team__cohort=cohort, purpose=TeamFile.Purpose.PHOTO).order_by("id"):
        photos[photo.team_id].append(photo)
    return photos


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
