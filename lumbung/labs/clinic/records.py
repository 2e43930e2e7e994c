"""Coaching clinics: the record of each clinic held, and its action items."""

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lumbung.accounts.models import User
from lumbung.core.formatting import format_datetime

from ..models import ClinicAction, ClinicBooking, ClinicRecord, Participant
from ..services import clean_text
from .common import BOOKED, can_record, clinic_day

# Records and actions


@dataclass(frozen=True)
class ActionInput:
    what: str
    owner: str
    due_date: dt.date
    pk: int | None = None


def earlier_actions(booking: ClinicBooking) -> list[ClinicAction]:
    """Actions from the team's earlier clinics that this clinic checks: still open, or checked here."""
    slot = booking.slot
    actions = ClinicAction.objects.filter(
        record__booking__team_id=booking.team_id, record__booking__slot__starts_at__lt=slot.starts_at
    ).select_related("record__booking__slot")
    return [
        action
        for action in actions
        if action.status == ClinicAction.Status.OPEN
        or (action.checked_at is not None and action.checked_at >= slot.starts_at)
    ]


def _check_record(
    booking: ClinicBooking, attendees: Sequence[Participant], actions: Sequence[ActionInput], now: dt.datetime
) -> None:
    slot = booking.slot
    if booking.status != BOOKED:
        raise ValidationError(_("Pemesanan ini dibatalkan; kliniknya tidak bisa dicatat."))
    if now < slot.starts_at:
        raise ValidationError(
            _("Klinik baru bisa dicatat setelah dimulai pada %(time)s.")
            % {"time": format_datetime(slot.starts_at, slot.cohort.region.timezone)}
        )
    if any(p.team_id != booking.team_id for p in attendees):
        raise ValidationError(
            {"attendees": _("Yang hadir harus anggota tim %(team)s.") % {"team": booking.team.name}}
        )
    day = clinic_day(slot)
    for action in actions:
        if not clean_text(action.what) or not clean_text(action.owner):
            raise ValidationError(_("Setiap tindak lanjut memerlukan uraian dan penanggung jawab."))
        if action.due_date < day:
            raise ValidationError(
                _("Tenggat tindak lanjut %(what)s tidak boleh sebelum tanggal klinik.")
                % {"what": action.what}
            )


def _save_actions(record: ClinicRecord, actions: Sequence[ActionInput]) -> None:
    existing = {a.pk: a for a in record.actions.all()}
    kept = {a.pk for a in actions if a.pk is not None}
    if kept - set(existing):
        raise ValidationError(_("Tindak lanjut yang diubah bukan milik klinik ini."))
    for pk, action in existing.items():
        if pk not in kept and action.status != ClinicAction.Status.OPEN:
            raise ValidationError(
                _("Tindak lanjut %(what)s sudah diperiksa pada klinik berikutnya dan tidak bisa dihapus.")
                % {"what": action.what}
            )
    ClinicAction.objects.filter(record=record).exclude(pk__in=kept).delete()
    for item in actions:
        fields = {
            "what": clean_text(item.what)[:300],
            "owner": clean_text(item.owner)[:200],
            "due_date": item.due_date,
        }
        if item.pk is None:
            ClinicAction.objects.create(record=record, **fields)
        else:
            ClinicAction.objects.filter(pk=item.pk).update(**fields)


def _save_checks(booking: ClinicBooking, checks: Mapping[int, str], now: dt.datetime) -> None:
    allowed = {a.pk: a for a in earlier_actions(booking)}
    if set(checks) - set(allowed):
        raise ValidationError(_("Tindak lanjut yang diperiksa bukan dari klinik tim ini sebelumnya."))
    for pk, status in checks.items():
        if status not in ClinicAction.Status.values:
            raise ValidationError(_("Pilih status tindak lanjut: sudah atau belum dikerjakan."))
        if status != allowed[pk].status:
            checked = None if status == ClinicAction.Status.OPEN else now
            ClinicAction.objects.filter(pk=pk).update(status=status, checked_at=checked)


@transaction.atomic
def record_save(
    *,
    actor: User,
    booking: ClinicBooking,
    attendees: Sequence[Participant],
    notes: str,
    actions: Sequence[ActionInput],
    checks: Mapping[int, str],
) -> ClinicRecord:
    """Record a clinic once it has started: who came, notes, new actions, and the earlier ones checked."""
    if not can_record(actor, booking):
        raise PermissionDenied
    now = timezone.now()
    _check_record(booking, attendees, actions, now)
    record, _created = ClinicRecord.objects.get_or_create(booking=booking, defaults={"recorded_by": actor})
    record.notes, record.recorded_by = notes.strip(), actor
    record.save()
    record.attendees.set(attendees)
    _save_checks(booking, checks, now)
    _save_actions(record, actions)
    return record
