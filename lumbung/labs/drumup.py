"""Drum-up's commitments and the Diagnose readiness self-assessment that follows it.

Both open a team's work in the lab: the unit's leaders commit to it, then the team rates how ready
the unit is to innovate, aspect by aspect, against the rest of the cohort.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.http import Http404
from django.utils.translation import gettext as _

from lumbung.accounts.access import AnyUser
from lumbung.accounts.models import User
from lumbung.core.files import JPEG, PDF, PNG, check_upload

from . import gates
from .models import (
    Cohort,
    Commitment,
    Idea,
    ReadinessAnswer,
    ReadinessQuestion,
    SessionMaterial,
    Team,
    TeamFile,
    region_today,
)

LETTER_TYPES = (PDF, JPEG, PNG)
LOWEST, HIGHEST = 1, 5


def edit_block(*, actor: AnyUser, team: Team, stage: str) -> str:
    """Why this person cannot change the stage's work now (the gate's own words), or "" when they can."""
    try:
        gates.require_editable(actor=actor, team=team, stage=stage)
    except ValidationError as error:
        return " ".join(error.messages)
    return ""


# Drum-up: reads


@dataclass
class DrumUp:
    commitments: list[Commitment]
    materials: list[SessionMaterial]
    ideas: list[Idea]


def drumup_page(team: Team) -> DrumUp:
    """The team's commitments, the inspiration shared in Drum-up sessions and the team's first ideas."""
    return DrumUp(
        commitments=list(Commitment.objects.filter(team=team).select_related("letter")),
        materials=list(
            SessionMaterial.objects.filter(
                session__stage__cohort_id=team.cohort_id, session__stage__code="drum_up"
            )
            .select_related("session")
            .order_by("session__starts_at", "id")
        ),
        ideas=list(Idea.objects.filter(team=team).select_related("proposed_by__user").order_by("id")),
    )


def get_commitment(team: Team, pk: int) -> Commitment:
    commitment = Commitment.objects.filter(team=team, pk=pk).select_related("letter").first()
    if commitment is None:
        raise Http404
    commitment.team = team
    return commitment


# Drum-up: services


def _clean_commitment(team: Team, name: str, position: str, committed_on: dt.date | None) -> tuple[str, str]:
    name, position = " ".join(name.split()), " ".join(position.split())
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = _("Tuliskan nama yang berkomitmen.")
    elif len(name) > 200:
        errors["name"] = _("Nama paling panjang 200 karakter.")
    if not position:
        errors["position"] = _("Tuliskan jabatannya.")
    elif len(position) > 200:
        errors["position"] = _("Jabatan paling panjang 200 karakter.")
    if committed_on is None:
        errors["committed_on"] = _("Isi tanggal komitmen.")
    elif committed_on > region_today(team.cohort.region):
        errors["committed_on"] = _("Tanggal komitmen tidak boleh di masa depan.")
    if errors:
        raise ValidationError(errors)
    return name, position


def _check_letter(letter: UploadedFile) -> None:
    """Only a PDF or a scan (JPEG, PNG) of the signed letter, judged by content before anything is stored."""
    try:
        checked = check_upload(letter)
    except ValidationError as error:
        raise ValidationError({"letter": error.messages}) from error
    if checked.file_type not in LETTER_TYPES:
        raise ValidationError({"letter": _("Unggah surat komitmen sebagai PDF, JPEG, atau PNG.")})


def _store_letter(*, actor: User, team: Team, letter: UploadedFile, name: str) -> TeamFile:
    try:
        return gates.team_file_add(
            actor=actor, team=team, purpose=TeamFile.Purpose.COMMITMENT, upload=letter, caption=name
        )
    except ValidationError as error:
        raise ValidationError({"letter": error.messages}) from error


@transaction.atomic
def commitment_create(
    *,
    actor: User,
    team: Team,
    name: str,
    position: str,
    committed_on: dt.date | None,
    letter: UploadedFile | None,
) -> Commitment:
    """Record a leader's commitment with the signed letter; nothing is stored if any part is wrong."""
    gates.require_editable(actor=actor, team=team, stage="drum_up")
    name, position = _clean_commitment(team, name, position, committed_on)
    if letter is None:
        raise ValidationError({"letter": _("Unggah surat komitmen yang sudah ditandatangani.")})
    _check_letter(letter)
    assert committed_on is not None  # checked above
    stored = _store_letter(actor=actor, team=team, letter=letter, name=name)
    return Commitment.objects.create(
        team=team, name=name, position=position, committed_on=committed_on, letter=stored, recorded_by=actor
    )


@transaction.atomic
def commitment_update(
    *,
    actor: User,
    commitment: Commitment,
    name: str,
    position: str,
    committed_on: dt.date | None,
    letter: UploadedFile | None = None,
) -> Commitment:
    """Correct a commitment; a new letter replaces the old one, whose file goes once this is saved."""
    team = commitment.team
    gates.require_editable(actor=actor, team=team, stage="drum_up")
    name, position = _clean_commitment(team, name, position, committed_on)
    assert committed_on is not None  # checked above
    previous = commitment.letter
    if letter is not None:
        _check_letter(letter)
        commitment.letter = _store_letter(actor=actor, team=team, letter=letter, name=name)
    commitment.name, commitment.position, commitment.committed_on = name, position, committed_on
    commitment.save()
    if letter is not None and previous is not None:
        gates.team_file_remove(stored=previous)
    return commitment


@transaction.atomic
def commitment_remove(*, actor: User, commitment: Commitment) -> None:
    """Remove a commitment and its letter."""
    gates.require_editable(actor=actor, team=commitment.team, stage="drum_up")
    letter = commitment.letter
    commitment.delete()
    if letter is not None:
        gates.team_file_remove(stored=letter)


# Readiness: the cohort's questions

# The aspects a unit's readiness to innovate is commonly assessed on. They are the cohort's content
# from then on (the admin edits them like any question), so they are stored in Indonesian as they are.
DEFAULT_QUESTIONS = (
    ("Kepemimpinan", "Pimpinan unit mendukung inovasi dengan arahan, waktu, dan keputusan yang dibutuhkan."),
    ("Budaya kerja", "Pegawai terbiasa mencoba cara baru dan tidak takut salah saat memperbaiki layanan."),
    ("SDM", "Unit punya pegawai dengan waktu dan keterampilan yang cukup untuk mengerjakan inovasi."),
    ("Anggaran", "Tersedia anggaran, atau jalan untuk mendapatkannya, bagi uji coba dan penerapan inovasi."),
    ("Data dan informasi", "Unit mengumpulkan dan memakai data layanan untuk mengenali masalah."),
    ("Teknologi", "Sarana dan teknologi yang ada memadai untuk mendukung perbaikan layanan."),
    ("Kolaborasi", "Unit terbiasa bekerja sama dengan perangkat daerah lain, masyarakat, dan mitra."),
    ("Regulasi", "Aturan dan kebijakan yang berlaku memberi ruang bagi unit untuk berinovasi."),
)


def _questions(cohort: Cohort) -> list[ReadinessQuestion]:
    return list(ReadinessQuestion.objects.filter(cohort=cohort).order_by("position", "id"))


@transaction.atomic
def readiness_questions_ensure(cohort: Cohort) -> list[ReadinessQuestion]:
    """The cohort's questions, in order; a cohort without any gets the default set first (safe to repeat)."""
    questions = _questions(cohort)
    if questions:
        return questions
    # Two first visits at once: the second waits here, then finds the first one's questions.
    Cohort.objects.select_for_update().filter(pk=cohort.pk).first()
    questions = _questions(cohort)
    if questions:
        return questions
    return ReadinessQuestion.objects.bulk_create(
        ReadinessQuestion(cohort=cohort, position=index, aspect=aspect, text=text)
        for index, (aspect, text) in enumerate(DEFAULT_QUESTIONS, start=1)
    )


def get_question(cohort: Cohort, pk: int) -> ReadinessQuestion:
    question = ReadinessQuestion.objects.filter(cohort=cohort, pk=pk).first()
    if question is None:
        raise Http404
    return question


def _clean_question(cohort: Cohort, aspect: str, text: str, exclude: int | None = None) -> tuple[str, str]:
    aspect, text = " ".join(aspect.split()), " ".join(text.split())
    # Case is ignored: "SDM" and "sdm" would be one axis twice on the chart.
    same = ReadinessQuestion.objects.filter(cohort=cohort, aspect__iexact=aspect)
    errors: dict[str, str] = {}
    if not aspect:
        errors["aspect"] = _("Tuliskan aspeknya, misalnya Kepemimpinan.")
    elif len(aspect) > 40:
        errors["aspect"] = _("Aspek paling panjang 40 karakter; ia menjadi label sumbu grafik.")
    elif same.exclude(pk__in=[exclude] if exclude else []).exists():
        errors["aspect"] = _("Aspek %(aspect)s sudah ada di angkatan ini; pakai nama aspek lain.") % {
            "aspect": aspect
        }
    if not text:
        errors["text"] = _("Tuliskan pertanyaannya.")
    elif len(text) > 300:
        errors["text"] = _("Pertanyaan paling panjang 300 karakter.")
    if errors:
        raise ValidationError(errors)
    return aspect, text


@transaction.atomic
def readiness_question_create(*, cohort: Cohort, aspect: str, text: str) -> ReadinessQuestion:
    """Add a question at the end of the cohort's list."""
    Cohort.objects.select_for_update().filter(pk=cohort.pk).first()  # two admins adding at once
    aspect, text = _clean_question(cohort, aspect, text)
    last = ReadinessQuestion.objects.filter(cohort=cohort).aggregate(last=Max("position"))["last"] or 0
    return ReadinessQuestion.objects.create(cohort=cohort, position=last + 1, aspect=aspect, text=text)


@transaction.atomic
def readiness_question_update(*, question: ReadinessQuestion, aspect: str, text: str) -> ReadinessQuestion:
    question.aspect, question.text = _clean_question(question.cohort, aspect, text, exclude=question.pk)
    question.save(update_fields=["aspect", "text"])
    return question


@transaction.atomic
def readiness_question_remove(*, question: ReadinessQuestion, answers_confirmed: bool = False) -> int:
    """Remove a question and its answers; returns how many answers went with it.

    Answers are the teams' work, so removing a question that has some needs the admin's confirmation.
    """
    if not ReadinessQuestion.objects.filter(cohort_id=question.cohort_id).exclude(pk=question.pk).exists():
        raise ValidationError(
            _("Angkatan perlu paling sedikit satu pertanyaan kesiapan; tambahkan pertanyaan lain dulu.")
        )
    answers = ReadinessAnswer.objects.filter(question=question).count()
    if answers and not answers_confirmed:
        raise ValidationError(
            _(
                "Pertanyaan %(aspect)s sudah dijawab %(count)s tim; jawaban itu ikut terhapus. "
                "Centang konfirmasi untuk tetap menghapusnya."
            )
            % {"aspect": question.aspect, "count": answers}
        )
    question.delete()
    return answers


# Readiness: answers


def _on_scale(value: object) -> bool:
    # bool is an int to Python, but True is no answer on a 1–5 scale.
    return isinstance(value, int) and not isinstance(value, bool) and LOWEST <= value <= HIGHEST


@transaction.atomic
def readiness_save(*, actor: User, team: Team, answers: dict[int, int]) -> list[ReadinessAnswer]:
    """Write the team's answer to every question of its cohort at once; a bad answer stores none."""
    gates.require_editable(actor=actor, team=team, stage="diagnose")
    questions = {q.pk: q for q in _questions(team.cohort)}
    if not questions:
        raise ValidationError(_("Angkatan ini belum punya pertanyaan kesiapan; hubungi admin."))
    if set(answers) - set(questions):
        raise ValidationError(
            _("Ada jawaban untuk pertanyaan yang tidak ada di angkatan ini; muat ulang halaman.")
        )
    wrong = [q.aspect for pk, q in questions.items() if pk in answers and not _on_scale(answers[pk])]
    if wrong:
        raise ValidationError(
            _("Nilai harus 1 sampai 5; periksa aspek %(aspects)s.") % {"aspects": ", ".join(wrong)}
        )
    missing = [q.aspect for pk, q in questions.items() if pk not in answers]
    if missing:
        raise ValidationError(
            _("Jawab semua pertanyaan; belum dijawab: %(aspects)s.") % {"aspects": ", ".join(missing)}
        )
    rows = [
        ReadinessAnswer(team=team, question_id=pk, value=answers[pk], answered_by=actor) for pk in questions
    ]
    # One statement: a second save of the same team overwrites the first instead of colliding with it.
    return ReadinessAnswer.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["team", "question"],
        update_fields=["value", "answered_by", "updated_at"],
    )


# Readiness: reads, through a pure calculator over plain answers


@dataclass(frozen=True)
class Answer:
    team_id: int
    question_id: int
    value: int


def averages(answers: Iterable[Answer]) -> dict[int, float]:
    """The mean answer per question over the teams that answered it."""
    by_question: dict[int, list[int]] = defaultdict(list)
    for answer in answers:
        by_question[answer.question_id].append(answer.value)
    return {pk: sum(values) / len(values) for pk, values in by_question.items()}


def _cohort_answers(cohort: Cohort) -> list[Answer]:
    rows = ReadinessAnswer.objects.filter(question__cohort=cohort).values_list(
        "team_id", "question_id", "value"
    )
    return [Answer(team_id, question_id, value) for team_id, question_id, value in rows]


@dataclass
class AspectRow:
    question: ReadinessQuestion
    value: int | None  # the team's answer
    average: float | None  # over the cohort's teams that answered


@dataclass
class TeamReadiness:
    rows: list[AspectRow]
    answered: bool
    teams_answered: int


def team_readiness(team: Team, questions: Sequence[ReadinessQuestion]) -> TeamReadiness:
    answers = _cohort_answers(team.cohort)
    mean = averages(answers)
    own = {a.question_id: a.value for a in answers if a.team_id == team.pk}
    rows = [AspectRow(q, own.get(q.pk), mean.get(q.pk)) for q in questions]
    return TeamReadiness(rows, bool(own), len({a.team_id for a in answers}))


@dataclass
class TeamRow:
    team: Team
    values: list[int | None]  # aligned with the summary's questions


@dataclass
class ReadinessSummary:
    questions: list[ReadinessQuestion]
    averages: list[float | None]
    rows: list[TeamRow]
    teams_answered: int


def readiness_summary(
    cohort: Cohort, questions: Sequence[ReadinessQuestion], teams: Iterable[Team]
) -> ReadinessSummary:
    """The cohort's average per aspect (over every team) and the answers of the teams given."""
    answers = _cohort_answers(cohort)
    mean = averages(answers)
    by_team: dict[int, dict[int, int]] = defaultdict(dict)
    for answer in answers:
        by_team[answer.team_id][answer.question_id] = answer.value
    rows = [TeamRow(team, [by_team.get(team.pk, {}).get(q.pk) for q in questions]) for team in teams]
    return ReadinessSummary(list(questions), [mean.get(q.pk) for q in questions], rows, len(by_team))
