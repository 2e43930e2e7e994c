"""Writes to the registry: create, edit (without lost updates), move along the chain, new year, files."""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from lumbung.accounts.models import User
from lumbung.core.files import check_upload
from lumbung.core.formatting import format_date, format_rupiah
from lumbung.notifications.services import notify_version_moved
from lumbung.regions.models import Region, Unit, Urusan

from . import access, search
from .models import (
    Attachment,
    AuditEntry,
    Innovation,
    InnovationVersion,
    Stage,
    Status,
    TeamMember,
    Transition,
)
from .workflow import EDITABLE_STATUSES, MOVES_BY_NAME, NOTE_FIELDS, PUBLISHABLE_STATUSES

# Profile fields a form may change, in the order the audit trail lists them.
PROFILE_FIELDS = (
    "name",
    "stage",
    "initiator",
    "initiator_name",
    "kind",
    "form",
    "theme",
    "main_urusan",
    "trial_date",
    "implementation_date",
    "design",
    "goals",
    "benefits",
    "results",
    "latitude",
    "longitude",
    "budget",
    "video_url",
    "developed_since",
)


class StaleEdit(ValidationError):
    """Someone else saved the version after this form was loaded."""

    def __init__(self, changes: list[AuditEntry]):
        self.changes = changes
        super().__init__(
            _(
                "Versi ini sudah diubah oleh orang lain setelah Anda membukanya. "
                "Perubahan Anda belum disimpan: periksa perubahan mereka di bawah, lalu simpan lagi."
            ),
            code="stale",
        )


@dataclass(frozen=True)
class TeamEntry:
    user: User | None = None
    name: str = ""
    role: str = ""


def min_design_words() -> int:
    return int(getattr(settings, "MIN_DESIGN_WORDS", 300))


def _display(version: InnovationVersion, field: str) -> str:
    """A field's value as a person reads it, for the audit trail."""
    if field == "other_urusan":
        return ", ".join(sorted(u.name for u in version.other_urusan.all()))
    value = getattr(version, field)
    if value is None or value == "":
        return ""
    if field in {"stage", "initiator", "kind", "form", "status"}:
        return str(getattr(version, f"get_{field}_display")())
    if isinstance(value, dt.date):
        return format_date(value, "id")
    if field == "budget":
        return format_rupiah(value)
    return str(value)


def _validate_profile(data: dict[str, Any]) -> None:
    errors: dict[str, str] = {}
    trial, implementation = data.get("trial_date"), data.get("implementation_date")
    if trial and implementation and trial > implementation:
        errors["trial_date"] = _("Waktu uji coba tidak boleh sesudah waktu penerapan.")
    if not (data.get("name") or "").strip():
        errors["name"] = _("Nama inovasi wajib diisi.")
    if errors:
        raise ValidationError(errors)


def completeness_errors(version: InnovationVersion) -> dict[str, str]:
    """What a version still lacks before it can be submitted."""
    errors: dict[str, str] = {}
    required_text = {
        "goals": _("Tujuan wajib diisi sebelum diajukan."),
        "benefits": _("Manfaat wajib diisi sebelum diajukan."),
        "results": _("Hasil inovasi wajib diisi sebelum diajukan."),
    }
    for field, message in required_text.items():
        if not getattr(version, field).strip():
            errors[field] = message
    if version.main_urusan_id is None:
        errors["main_urusan"] = _("Urusan utama wajib dipilih sebelum diajukan.")
    words, needed = version.design_word_count, min_design_words()
    if words < needed:
        errors["design"] = _(
            "Rancang bangun baru %(words)s kata; minimal %(needed)s kata untuk diajukan."
        ) % {
            "words": words,
            "needed": needed,
        }
    if version.stage in (Stage.TRIAL, Stage.IMPLEMENTATION) and not version.trial_date:
        errors["trial_date"] = _("Waktu uji coba wajib diisi untuk tahapan uji coba dan penerapan.")
    if version.stage == Stage.IMPLEMENTATION and not version.implementation_date:
        errors["implementation_date"] = _("Waktu penerapan wajib diisi untuk tahapan penerapan.")
    is_follow_up = version.innovation.versions.filter(year__lt=version.year).exists()
    if is_follow_up and not version.developed_since.strip():
        errors["developed_since"] = _("Jelaskan apa yang dikembangkan sejak laporan tahun lalu.")
    return errors


def _record(
    version: InnovationVersion, actor: User | None, revision: int, changes: Iterable[tuple[str, str, str]]
) -> None:
    AuditEntry.objects.bulk_create(
        [
            AuditEntry(
                version=version, revision=revision, field=field, old_value=old, new_value=new, actor=actor
            )
            for field, old, new in changes
            if old != new
        ]
    )


def _bump(version: InnovationVersion, actor: User, expected_revision: int, **fields: Any) -> int:
    """Save fields only if nobody changed the version since expected_revision; return the new revision."""
    now = timezone.now()
    updated = InnovationVersion.objects.filter(
        pk=version.pk, revision=expected_revision, status__in=EDITABLE_STATUSES
    ).update(revision=F("revision") + 1, updated_at=now, updated_by=actor, **fields)
    if updated:
        version.revision = expected_revision + 1
        version.updated_at, version.updated_by = now, actor
        for name, value in fields.items():
            setattr(version, name, value)
        return version.revision
    current = InnovationVersion.objects.get(pk=version.pk)
    if current.status not in EDITABLE_STATUSES:
        raise ValidationError(
            _("Inovasi ini berstatus %(status)s dan tidak dapat diubah.")
            % {"status": current.get_status_display()},
            code="locked",
        )
    raise StaleEdit(
        list(
            AuditEntry.objects.filter(version=version, revision__gt=expected_revision)
            .select_related("actor")
            .order_by("revision", "id")
        )
    )


@transaction.atomic
def innovation_create(
    *,
    actor: User,
    region: Region,
    unit: Unit,
    year: int,
    data: dict[str, Any],
    other_urusan: Sequence[Urusan] = (),
) -> InnovationVersion:
    if not access.units_for_new_innovation(actor, region).filter(pk=unit.pk).exists():
        raise PermissionDenied
    _validate_profile(data)
    innovation = Innovation.objects.create(region=region, unit=unit, created_by=actor)
    fields = {name: data[name] for name in PROFILE_FIELDS if name in data}
    version = InnovationVersion.objects.create(
        innovation=innovation, region=region, year=year, status=Status.DRAFT, updated_by=actor, **fields
    )
    version.other_urusan.set(other_urusan)
    _record(version, actor, 1, [("created", "", version.name)])
    return version


@transaction.atomic
def version_update(
    *,
    actor: User,
    version: InnovationVersion,
    expected_revision: int,
    data: dict[str, Any],
    other_urusan: Sequence[Urusan] | None = None,
) -> InnovationVersion:
    """Save a profile form; refuse it with StaleEdit when someone saved in between."""
    access.require_edit(actor, version)
    _validate_profile({**{f: getattr(version, f) for f in PROFILE_FIELDS}, **data})
    before = {field: _display(version, field) for field in (*PROFILE_FIELDS, "other_urusan")}
    fields = {name: data[name] for name in PROFILE_FIELDS if name in data}
    revision = _bump(version, actor, expected_revision, **fields)
    if other_urusan is not None:
        version.other_urusan.set(other_urusan)
    after = {field: _display(version, field) for field in before}
    _record(version, actor, revision, [(f, before[f], after[f]) for f in before])
    search.index_refresh([version.innovation_id])
    return version


@transaction.atomic
def version_move(
    *,
    actor: User,
    version: InnovationVersion,
    move_name: str,
    note: str = "",
    field_notes: dict[str, str] | None = None,
) -> InnovationVersion:
    """Perform one move of the validation chain, exactly once, with a history row."""
    move = MOVES_BY_NAME.get(move_name)
    if move is None:
        raise ValidationError(_("Langkah validasi tidak dikenal."), code="unknown_move")
    if move not in access.allowed_moves(actor, version):
        raise PermissionDenied
    field_notes = {
        k: v.strip() for k, v in (field_notes or {}).items() if k in NOTE_FIELDS and v and v.strip()
    }
    note = note.strip()
    if move.note_required and not (note or field_notes):
        raise ValidationError(
            {
                "note": _(
                    "Tuliskan catatan (umum atau per isian) agar inovator tahu apa yang harus diperbaiki."
                )
            }
        )
    if move.needs_complete_profile:
        errors = completeness_errors(version)
        if errors:
            raise ValidationError(errors)
    source = version.status
    changes: dict[str, Any] = {"status": move.target}
    if move.field_notes:
        changes["revision_notes"] = {"_note": note, **field_notes}
    elif move.target != Status.NEEDS_REVISION and source == Status.NEEDS_REVISION:
        changes["revision_notes"] = {}
    now = timezone.now()
    # The conditional update makes the move happen once even when two people press the button together.
    updated = InnovationVersion.objects.filter(pk=version.pk, status=source).update(
        revision=F("revision") + 1, updated_at=now, updated_by=actor, **changes
    )
    if not updated:
        raise ValidationError(
            _("Status inovasi sudah diubah orang lain. Muat ulang halaman untuk melihat status terkini."),
            code="moved",
        )
    version.refresh_from_db()
    Transition.objects.create(
        version=version,
        from_status=source,
        to_status=move.target,
        actor=actor,
        note=note,
        field_notes=field_notes,
    )
    search.index_refresh([version.innovation_id])
    notify_version_moved(version=version, move=move.name, actor=actor)
    return version


@transaction.atomic
def version_resubmit(
    *, actor: User, version: InnovationVersion, year: int, developed_since: str
) -> InnovationVersion:
    """ "Ajukan kembali": copy a reported version into a new year; the old one stays as it is."""
    innovation = version.innovation
    if not access.units_for_new_innovation(actor, innovation.region).filter(pk=innovation.unit_id).exists():
        raise PermissionDenied
    if not developed_since.strip():
        raise ValidationError(
            {"developed_since": _("Jelaskan apa yang dikembangkan sejak versi sebelumnya.")}
        )
    if year <= version.year:
        raise ValidationError(
            {"year": _("Tahun versi baru harus sesudah %(year)s.") % {"year": version.year}}
        )
    if innovation.versions.filter(year=year).exists():
        raise ValidationError({"year": _("Inovasi ini sudah punya versi tahun %(year)s.") % {"year": year}})
    innovation.versions.filter(is_current=True).update(is_current=False)
    copy = InnovationVersion.objects.create(
        innovation=innovation,
        region_id=innovation.region_id,
        year=year,
        is_current=True,
        status=Status.DRAFT,
        updated_by=actor,
        **{field: getattr(version, field) for field in PROFILE_FIELDS if field != "developed_since"},
        developed_since=developed_since.strip(),
    )
    copy.other_urusan.set(version.other_urusan.all())
    TeamMember.objects.bulk_create(
        TeamMember(version=copy, user=m.user, name=m.name, role=m.role, position=m.position)
        for m in version.team.all()
    )
    Attachment.objects.bulk_create(
        Attachment(
            version=copy,
            kind=a.kind,
            caption=a.caption,
            file=a.file.name,
            original_name=a.original_name,
            content_type=a.content_type,
            extension=a.extension,
            size=a.size,
            sha256=a.sha256,
            uploaded_by=a.uploaded_by,
        )
        for a in version.attachments.all()
    )
    _record(
        copy,
        actor,
        1,
        [("created", "", _("Versi %(year)s dari versi %(old)s") % {"year": year, "old": version.year})],
    )
    # The new year's draft is now the current version: the innovation leaves the public index until approved.
    search.index_refresh([innovation.pk])
    return copy


@transaction.atomic
def team_member_add(
    *, actor: User, version: InnovationVersion, expected_revision: int, entry: TeamEntry
) -> TeamMember:
    access.require_edit(actor, version)
    if entry.user is None and not entry.name.strip():
        raise ValidationError({"name": _("Pilih pengguna atau tuliskan nama anggota tim.")})
    if entry.user is not None and version.team.filter(user=entry.user).exists():
        raise ValidationError({"user": _("Orang ini sudah ada di tim.")})
    revision = _bump(version, actor, expected_revision)
    member = TeamMember.objects.create(
        version=version,
        user=entry.user,
        name="" if entry.user else entry.name.strip(),
        role=entry.role.strip(),
        position=version.team.count(),
    )
    _record(version, actor, revision, [("team", "", member.display_name)])
    return member


@transaction.atomic
def team_member_remove(
    *, actor: User, version: InnovationVersion, expected_revision: int, member_id: int
) -> None:
    access.require_edit(actor, version)
    member = version.team.select_related("user").filter(pk=member_id).first()
    if member is None:
        raise ValidationError(_("Anggota tim tidak ditemukan."))
    revision = _bump(version, actor, expected_revision)
    _record(version, actor, revision, [("team", member.display_name, "")])
    member.delete()


@transaction.atomic
def attachment_add(
    *,
    actor: User,
    version: InnovationVersion,
    expected_revision: int,
    kind: str,
    caption: str,
    upload: UploadedFile,
) -> Attachment:
    access.require_edit(actor, version)
    if kind not in Attachment.Kind.values:
        raise ValidationError({"kind": _("Jenis lampiran tidak dikenal.")})
    if not caption.strip():
        raise ValidationError({"caption": _("Tuliskan keterangan lampiran.")})
    try:
        checked = check_upload(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    revision = _bump(version, actor, expected_revision)
    attachment = Attachment(
        version=version,
        kind=kind,
        caption=caption.strip(),
        original_name=(upload.name or "berkas")[:255],
        content_type=checked.file_type.content_type,
        extension=checked.file_type.extension,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=actor,
    )
    attachment.file.save(upload.name or "berkas", upload, save=False)
    try:
        attachment.save()
    except Exception:
        attachment.file.delete(save=False)
        raise
    _record(
        version,
        actor,
        revision,
        [("attachments", "", f"{attachment.get_kind_display()}: {attachment.caption}")],
    )
    return attachment


@transaction.atomic
def attachment_remove(
    *, actor: User, version: InnovationVersion, expected_revision: int, attachment_id: int
) -> None:
    access.require_edit(actor, version)
    attachment = version.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise ValidationError(_("Lampiran tidak ditemukan."))
    revision = _bump(version, actor, expected_revision)
    _record(
        version,
        actor,
        revision,
        [("attachments", f"{attachment.get_kind_display()}: {attachment.caption}", "")],
    )
    # Files are content-addressed and may be shared with other years' versions: keep the file itself.
    attachment.delete()


def _current_version(innovation: Innovation) -> InnovationVersion | None:
    return innovation.versions.filter(is_current=True).first()


@transaction.atomic
def innovation_publish(*, actor: User, innovation: Innovation) -> Innovation:
    """Make an approved innovation public (catalogue, search, open data)."""
    if not access.can_publish(actor, innovation):
        raise PermissionDenied
    current = _current_version(innovation)
    if current is None or current.status not in PUBLISHABLE_STATUSES:
        raise ValidationError(
            _(
                "Inovasi ini belum dapat dipublikasikan: versi terkininya harus sudah disetujui "
                "(disetujui, siap kirim, atau terkirim)."
            ),
            code="not_approved",
        )
    now = timezone.now()
    # Conditional: two admins pressing the button together publish once, and the first date stays.
    updated = Innovation.objects.filter(pk=innovation.pk, published_at__isnull=True).update(
        published_at=now, published_by=actor
    )
    if not updated:
        raise ValidationError(_("Inovasi ini sudah dipublikasikan."), code="published")
    innovation.published_at, innovation.published_by = now, actor
    search.index_refresh([innovation.pk])
    return innovation


@transaction.atomic
def innovation_unpublish(*, actor: User, innovation: Innovation) -> Innovation:
    """Take an innovation out of every public place; its registry record stays as it is."""
    if not access.can_publish(actor, innovation):
        raise PermissionDenied
    updated = Innovation.objects.filter(pk=innovation.pk, published_at__isnull=False).update(
        published_at=None, published_by=None
    )
    if not updated:
        raise ValidationError(_("Inovasi ini belum dipublikasikan."), code="not_published")
    innovation.published_at, innovation.published_by = None, None
    search.index_refresh([innovation.pk])
    return innovation
