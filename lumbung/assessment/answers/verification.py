"""A verifier's judgement of an answer: verify it (with evidence) or reject it (with a note)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lumbung.accounts.models import User
from lumbung.notifications.models import Kind, Notification
from lumbung.notifications.services import notify

from .. import access
from ..models import Answer, VerificationState

MAX_VERIFIER_NOTE = 2000
# The moves of an answer's verification: which states each one starts from.
MOVES: dict[str, tuple[str, ...]] = {
    VerificationState.VERIFIED: (VerificationState.UNVERIFIED, VerificationState.REJECTED),
    VerificationState.REJECTED: (VerificationState.UNVERIFIED, VerificationState.VERIFIED),
}


def answer_page_url(answer: Answer) -> str:
    """The page where the answer is shown and changed."""
    year = answer.edition.year
    if answer.version_id is None:
        return reverse("assessment:answers_spd", args=[answer.region.code, year])
    return reverse("assessment:answers_sid", args=[answer.region.code, year, answer.version_id])


def _judge(*, actor: User, answer: Answer, to: str, note: str, revision: int | None) -> Answer:
    if not access.can_verify(actor, answer):
        raise PermissionDenied
    if answer.answered_by_id == actor.pk:
        raise ValidationError(
            _(
                "Anda yang terakhir mengubah jawaban ini (atau bukti dukungnya), jadi Anda tidak dapat "
                "memverifikasinya: jawaban selalu diperiksa oleh orang lain. Minta verifikator atau admin "
                "lain memeriksanya."
            ),
            code="own",
        )
    if len(note) > MAX_VERIFIER_NOTE:
        raise ValidationError(
            {"note": _("Catatan paling banyak %(max)s karakter.") % {"max": MAX_VERIFIER_NOTE}}
        )
    expected = answer.revision if revision is None else revision
    now = timezone.now()
    # Conditional: the answer must still be what the verifier looked at, and in a state the move starts from.
    updated = Answer.objects.filter(pk=answer.pk, revision=expected, verification__in=MOVES[to]).update(
        verification=to, verifier_note=note, verified_by=actor, verified_at=now
    )
    if not updated:
        current = Answer.objects.get(pk=answer.pk)
        if current.revision != expected:
            raise ValidationError(
                _(
                    "Jawaban ini berubah setelah Anda membukanya. Periksa jawaban dan bukti dukungnya yang "
                    "baru, lalu putuskan lagi."
                ),
                code="stale",
            )
        raise ValidationError(
            _("Jawaban ini sudah berstatus %(state)s.") % {"state": current.get_verification_display()},
            code="state",
        )
    answer.verification, answer.verifier_note = to, note
    answer.verified_by, answer.verified_at = actor, now
    return answer


@transaction.atomic
def answer_verify(*, actor: User, answer: Answer, note: str = "", revision: int | None = None) -> Answer:
    """Approve an answer; `revision` is the one the verifier saw (default: the answer's as loaded)."""
    if not answer.evidence.exists():
        raise ValidationError(
            _(
                "Jawaban ini belum punya bukti dukung, jadi tidak dapat diverifikasi: tanpa bukti, nilainya "
                "0. Tolak dengan catatan agar bukti dukungnya dilengkapi."
            ),
            code="no_evidence",
        )
    return _judge(
        actor=actor, answer=answer, to=VerificationState.VERIFIED, note=note.strip(), revision=revision
    )


@transaction.atomic
def answer_reject(*, actor: User, answer: Answer, note: str, revision: int | None = None) -> Answer:
    """Reject an answer with a note saying what to fix; the person who last changed it is told."""
    note = note.strip()
    if not note:
        raise ValidationError(
            {"note": _("Tuliskan catatan penolakan: apa yang harus diperbaiki atau dilengkapi.")},
            code="note",
        )
    answer = _judge(actor=actor, answer=answer, to=VerificationState.REJECTED, note=note, revision=revision)
    notify_answer_rejected(answer=answer, actor=actor)
    return answer


def notify_answer_rejected(*, answer: Answer, actor: User) -> list[Notification]:
    """Tell the person who last changed the answer that a verifier rejected it, and why."""
    answerer = answer.answered_by
    if answerer is None:
        return []
    version = answer.version
    context = {
        "event": "answer_rejected",
        "number": answer.indicator.number,
        "indicator": answer.indicator.name,
        "innovation": version.name if version is not None else "",
        "region": answer.region.name,
        "year": answer.edition.year,
        "actor": actor.full_name,
        "note": answer.verifier_note,
    }
    return notify(
        recipients=[answerer],
        kind=Kind.IID,
        context=context,
        url=answer_page_url(answer) + f"#indikator-{answer.indicator.number}",
        region=answer.region,
        actor=actor,
    )
