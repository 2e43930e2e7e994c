"""Writes to a region's index answers: save an answer, add or remove its evidence.

Every change of the level, the basis or the evidence resets the answer's verification: what a verifier
approved is no longer what is there.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from lumbung.accounts.models import User
from lumbung.core.files import check_upload, delete_after_commit
from lumbung.core.formatting import format_datetime
from lumbung.innovations.models import InnovationVersion
from lumbung.regions.models import Region

from .. import access
from ..models import Answer, Aspect, Basis, Edition, Evidence, Indicator, Option, VerificationState

MAX_NOTE = 2000
MAX_URL = 500
# What a change of the answer's content clears: the verifier judged the old content.
VERIFICATION_RESET: dict[str, Any] = {
    "verification": VerificationState.UNVERIFIED,
    "verifier_note": "",
    "verified_by": None,
    "verified_at": None,
}


class StaleAnswer(ValidationError):
    """Someone else changed the answer after the form was loaded: says what it is now."""

    def __init__(self, current: Answer):
        self.current = current
        super().__init__(
            _(
                "Jawaban indikator %(number)s sudah diubah oleh %(who)s pada %(when)s setelah Anda "
                "membukanya: sekarang %(now)s. Perubahan Anda belum disimpan; periksa jawaban itu, lalu "
                "simpan lagi bila perlu."
            )
            % {
                "number": current.indicator.number,
                "who": current.answered_by or _("orang lain"),
                "when": format_datetime(current.updated_at, current.region.timezone),
                "now": describe(current),
            },
            code="stale",
        )


def describe(answer: Answer) -> str:
    """The answer in words, for messages: "level 2 (dasar b), keterangan: …"."""
    if answer.level == 0:
        text = _("level 0 (belum memenuhi)")
    elif answer.basis_id is not None and answer.basis is not None:
        text = _("level %(level)s (dasar %(basis)s)") % {"level": answer.level, "basis": answer.basis.code}
    else:
        text = _("level %(level)s") % {"level": answer.level}
    if answer.note:
        text += _(", keterangan: “%(note)s”") % {"note": answer.note[:200]}
    return text


def _check_target(
    *, edition: Edition, region: Region, indicator: Indicator, version: InnovationVersion | None
) -> None:
    if indicator.edition_id != edition.pk:
        raise ValidationError(
            _("Indikator %(number)s tidak termasuk %(edition)s.")
            % {"number": indicator.number, "edition": edition.name},
            code="indicator",
        )
    if indicator.aspect == Aspect.SID and version is None:
        raise ValidationError(
            _("Indikator %(number)s termasuk SID: jawablah untuk satu inovasi.")
            % {"number": indicator.number},
            code="aspect",
        )
    if indicator.aspect == Aspect.SPD and version is not None:
        raise ValidationError(
            _("Indikator %(number)s termasuk SPD: dijawab sekali untuk wilayah, bukan per inovasi.")
            % {"number": indicator.number},
            code="aspect",
        )
    if version is not None and version.region_id != region.pk:
        raise ValidationError(_("Inovasi ini milik wilayah lain."), code="region")
    if version is not None and version.year != edition.year:
        raise ValidationError(
            _("Inovasi ini laporan tahun %(version)s, sedangkan %(edition)s menilai tahun %(year)s.")
            % {"version": version.year, "edition": edition.name, "year": edition.year},
            code="year",
        )


def _check_choice(*, indicator: Indicator, level: int, basis: Basis | None) -> None:
    if isinstance(level, bool) or not isinstance(level, int) or not 0 <= level <= 3:
        raise ValidationError(
            {"level": _("Level harus 0, 1, 2, atau 3 (0 berarti belum memenuhi).")}, code="level"
        )
    has_bases = indicator.bases.exists()
    if basis is not None and not has_bases:
        raise ValidationError(
            {
                "basis": _("Indikator %(number)s tidak memakai dasar pengukuran.")
                % {"number": indicator.number}
            },
            code="basis",
        )
    if basis is not None and basis.indicator_id != indicator.pk:
        raise ValidationError(
            {
                "basis": _("Dasar pengukuran itu bukan milik indikator %(number)s.")
                % {"number": indicator.number}
            },
            code="basis",
        )
    if level == 0:
        return
    if has_bases and basis is None:
        raise ValidationError(
            {
                "basis": _("Pilih dasar pengukuran indikator %(number)s lebih dulu.")
                % {"number": indicator.number}
            },
            code="basis",
        )
    if not Option.objects.filter(indicator=indicator, basis=basis, level=level).exists():
        message = _("Indikator %(number)s tidak punya pilihan level %(level)s.") % {
            "number": indicator.number,
            "level": level,
        }
        raise ValidationError({"level": message}, code="level")


def _existing(indicator: Indicator, region: Region, version: InnovationVersion | None) -> Answer | None:
    answers = Answer.objects.select_for_update(of=("self",)).filter(indicator=indicator)
    answers = (
        answers.filter(version=version)
        if version is not None
        else answers.filter(region=region, version__isnull=True)
    )
    return answers.select_related("indicator", "region", "basis", "answered_by").first()


def _stale(pk: int) -> StaleAnswer:
    current = Answer.objects.select_related("indicator", "region", "basis", "answered_by").get(pk=pk)
    return StaleAnswer(current)


@transaction.atomic
def answer_save(
    *,
    actor: User,
    edition: Edition,
    region: Region,
    indicator: Indicator,
    version: InnovationVersion | None = None,
    level: int,
    basis: Basis | None = None,
    note: str = "",
    revision: int | None = None,
) -> Answer:
    """Create or change an answer. `revision` is the one the form was loaded at (0: no answer yet)."""
    allowed = access.can_answer_sid(actor, version) if version else access.can_answer_spd(actor, region)
    if not allowed:
        raise PermissionDenied
    _check_target(edition=edition, region=region, indicator=indicator, version=version)
    _check_choice(indicator=indicator, level=level, basis=basis)
    if level == 0:
        basis = None  # "not fulfilled" is not measured on any basis
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise ValidationError({"note": _("Keterangan paling banyak %(max)s karakter.") % {"max": MAX_NOTE}})
    answer = _existing(indicator, region, version)
    if answer is None:
        if revision:
            raise ValidationError(_("Jawaban ini sudah dihapus. Muat ulang halaman."), code="stale")
        return _create(actor, edition, region, indicator, version, level, basis, note)
    if revision is not None and revision != answer.revision:
        raise StaleAnswer(answer)
    changes: dict[str, Any] = {}
    if (answer.level, answer.basis_id) != (level, basis.pk if basis else None):
        changes.update(level=level, basis=basis, **VERIFICATION_RESET)
    if answer.note != note:
        changes["note"] = note
    if not changes:
        return answer
    _update(answer, actor, changes)
    return answer


def _create(
    actor: User,
    edition: Edition,
    region: Region,
    indicator: Indicator,
    version: InnovationVersion | None,
    level: int,
    basis: Basis | None,
    note: str,
) -> Answer:
    answer = Answer(
        edition=edition,
        indicator=indicator,
        region=region,
        version=version,
        level=level,
        basis=basis,
        note=note,
        answered_by=actor,
    )
    try:
        with transaction.atomic():
            answer.save()
    except IntegrityError:
        # Someone saved the first answer to this indicator a moment ago.
        existing = _existing(indicator, region, version)
        if existing is None:
            raise
        raise StaleAnswer(existing) from None
    return answer


def _update(answer: Answer, actor: User, changes: dict[str, Any]) -> None:
    """Write the changes only if the answer is still at the revision read (no lost updates)."""
    now = timezone.now()
    updated = Answer.objects.filter(pk=answer.pk, revision=answer.revision).update(
        revision=F("revision") + 1, answered_by=actor, updated_at=now, **changes
    )
    if not updated:
        raise _stale(answer.pk)
    for name, value in changes.items():
        setattr(answer, name, value)
    answer.revision += 1
    answer.answered_by, answer.updated_at = actor, now


def _changed_evidence(answer: Answer, actor: User) -> None:
    """Mark the answer changed by its evidence: a new revision, and verification starts again."""
    Answer.objects.filter(pk=answer.pk).update(
        revision=F("revision") + 1, answered_by=actor, updated_at=timezone.now(), **VERIFICATION_RESET
    )
    answer.refresh_from_db()


def _require_answerer(actor: User, answer: Answer) -> None:
    if not access.can_answer(actor, answer):
        raise PermissionDenied


def _check_url(url: str) -> str:
    url = url.strip()
    if len(url) > MAX_URL:
        raise ValidationError({"url": _("Tautan paling panjang %(max)s karakter.") % {"max": MAX_URL}})
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ValidationError(
            {"url": _("Tautan harus berupa alamat web lengkap yang diawali http:// atau https://.")}
        ) from None
    return url


@transaction.atomic
def evidence_add(
    *, actor: User, answer: Answer, upload: UploadedFile | None = None, url: str = ""
) -> Evidence:
    """Attach a file (checked by its content) or a link to an answer."""
    _require_answerer(actor, answer)
    if (upload is None) == (not url.strip()):
        raise ValidationError(_("Unggah satu berkas atau isi satu tautan sebagai bukti dukung."), code="one")
    evidence = Evidence(answer=answer, uploaded_by=actor)
    if upload is None:
        evidence.url = _check_url(url)
        evidence.save()
    else:
        try:
            checked = check_upload(upload)
        except ValidationError as error:
            raise ValidationError({"file": error.messages}) from error
        evidence.original_name = (upload.name or "berkas")[:255]
        evidence.content_type = checked.file_type.content_type
        evidence.size, evidence.sha256 = checked.size, checked.sha256
        # Saved under the content's hash, never under the name the person gave it.
        evidence.file.save(f"bukti{checked.file_type.extension}", upload, save=False)
        try:
            evidence.save()
        except Exception:
            evidence.file.delete(save=False)
            raise
    _changed_evidence(answer, actor)
    return evidence


@transaction.atomic
def evidence_remove(*, actor: User, evidence: Evidence) -> None:
    answer = evidence.answer
    _require_answerer(actor, answer)
    file = evidence.file
    evidence.delete()
    _changed_evidence(answer, actor)
    delete_after_commit(file)
