"""Attendance at lab sessions: QR check-in, list marking, and the cohort's attendance report."""

import datetime as dt
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from lumbung.accounts.models import User
from lumbung.core.formatting import format_datetime

from .models import Attendance, Cohort, Mode, Participant, Session, SessionCheckIn

# Participants may scan while people are still arriving, before the session starts.
CHECK_IN_OPENS_BEFORE = dt.timedelta(hours=1)


# Access


def get_session_for_check_in(pk: int) -> Session:
    """The session a check-in link names, for anyone signed in: the token and enrolment guard it."""
    session = Session.objects.filter(pk=pk).select_related("stage__cohort__region").first()
    if session is None:
        raise Http404
    return session


# Services


def check_in_get_or_open(*, session: Session) -> SessionCheckIn:
    """The session's check-in secret, created the first time an admin shows its QR."""
    check_in, _created = SessionCheckIn.objects.get_or_create(session=session)
    return check_in


@transaction.atomic
def check_in_regenerate(*, session: Session) -> SessionCheckIn:
    """A new secret: QR codes shown or photographed before stop working."""
    check_in = check_in_get_or_open(session=session)
    check_in.token = secrets.token_urlsafe(24)
    check_in.opened_at = timezone.now()
    check_in.save(update_fields=["token", "opened_at"])
    return check_in


def check_in_refusal(
    *, session: Session, user: User, token: str, now: dt.datetime | None = None
) -> str | None:
    """Why this user may not check in to this session with this token now, or None if they may."""
    now = now or timezone.now()
    zone = session.stage.cohort.region.timezone
    if session.mode == Mode.ONLINE:
        return _("Sesi ini daring: kehadiran dicatat panitia, bukan dengan kode QR.")
    check_in = SessionCheckIn.objects.filter(session=session).first()
    if check_in is None or not secrets.compare_digest(check_in.token, token):
        return _("Kode QR ini tidak berlaku lagi. Pindai kode QR yang sedang tampil di layar.")
    if now < session.starts_at - CHECK_IN_OPENS_BEFORE:
        opens = format_datetime(session.starts_at - CHECK_IN_OPENS_BEFORE, zone)
        return _("Presensi belum dibuka. Presensi dibuka mulai %(time)s.") % {"time": opens}
    if now > session.ends_at:
        ended = format_datetime(session.ends_at, zone)
        return _("Sesi ini sudah selesai pada %(time)s; presensi sudah ditutup.") % {"time": ended}
    if not _participant_of(session, user):
        return _("Anda tidak terdaftar sebagai peserta angkatan ini. Hubungi panitia.")
    return None


def _participant_of(session: Session, user: User) -> Participant | None:
    return Participant.objects.filter(
        cohort_id=session.stage.cohort_id, user=user, role=Participant.Role.PARTICIPANT
    ).first()


@transaction.atomic
def attendance_check_in(
    *, session: Session, user: User, token: str, now: dt.datetime | None = None
) -> tuple[Attendance, bool]:
    """Record the user present by the session's QR; the bool says whether this call recorded it."""
    now = now or timezone.now()
    refusal = check_in_refusal(session=session, user=user, token=token, now=now)
    if refusal:
        raise ValidationError(refusal)
    participant = _participant_of(session, user)
    assert participant is not None  # checked by check_in_refusal
    return Attendance.objects.get_or_create(
        session=session,
        participant=participant,
        defaults={"method": Attendance.Method.QR, "marked_at": now, "marked_by": user},
    )


@transaction.atomic
def attendance_set_list(*, session: Session, actor: User, present: Iterable[int]) -> tuple[int, int]:
    """Make the session's attendance match the ticked participants; return (added, removed)."""
    enrolled = set(_enrolled(session.stage.cohort_id).values_list("pk", flat=True))
    wanted = set(present)
    if not wanted <= enrolled:
        raise ValidationError(_("Ada peserta yang tidak terdaftar di angkatan ini. Muat ulang halaman."))
    recorded = set(Attendance.objects.filter(session=session).values_list("participant_id", flat=True))
    now = timezone.now()
    Attendance.objects.bulk_create(
        [
            Attendance(
                session=session,
                participant_id=pk,
                method=Attendance.Method.LIST,
                marked_at=now,
                marked_by=actor,
            )
            for pk in sorted(wanted - recorded)
        ],
        ignore_conflicts=True,  # a QR check-in may land between the read above and this write
    )
    removed, _deleted = Attendance.objects.filter(
        session=session, participant_id__in=recorded - wanted
    ).delete()
    return len(wanted - recorded), removed


# Selectors


def _enrolled(cohort_id: int) -> QuerySet[Participant]:
    return Participant.objects.filter(cohort_id=cohort_id, role=Participant.Role.PARTICIPANT)


@dataclass
class ListRow:
    participant: Participant
    present: bool


@dataclass
class UnitGroup:
    unit_label: str
    rows: list[ListRow]


def attendance_list(session: Session) -> list[UnitGroup]:
    """The enrolled participants grouped by unit, each with whether they are recorded present."""
    present = set(Attendance.objects.filter(session=session).values_list("participant_id", flat=True))
    participants = (
        _enrolled(session.stage.cohort_id)
        .select_related("user", "unit")
        .order_by("unit__name", "user__full_name", "pk")
    )
    groups: dict[int | None, UnitGroup] = {}
    for participant in participants:
        label = participant.unit.label if participant.unit else _("Tanpa unit")
        group = groups.setdefault(participant.unit_id, UnitGroup(label, []))
        group.rows.append(ListRow(participant, participant.pk in present))
    return list(groups.values())


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


@dataclass
class SessionLine:
    session: Session
    present: int
    enrolled: int
    percent: float | None


@dataclass
class UnitLine:
    unit_label: str
    people: int
    present: int
    percent: float | None  # of people × sessions held


@dataclass
class PersonLine:
    participant: Participant
    present: int
    percent: float | None  # of sessions held


@dataclass
class AttendanceReport:
    held: int  # sessions started by now: the denominator for units and people
    sessions: list[SessionLine]
    units: list[UnitLine]
    people: list[PersonLine]


def attendance_report(cohort: Cohort, now: dt.datetime | None = None) -> AttendanceReport:
    """Attendance per session, per unit and per person, counted in a few aggregate queries."""
    now = now or timezone.now()
    enrolled = _enrolled(cohort.pk)
    enrolled_count = enrolled.count()
    sessions = list(
        Session.objects.filter(stage__cohort=cohort)
        .annotate(
            present=Count(
                "attendances", filter=Q(attendances__participant__role=Participant.Role.PARTICIPANT)
            )
        )
        .order_by("starts_at", "id")
    )
    held = sum(1 for s in sessions if s.starts_at <= now)
    held_attendance = Q(attendances__session__starts_at__lte=now)
    people = list(
        enrolled.select_related("user", "unit")
        .annotate(present=Count("attendances", filter=held_attendance))
        .order_by("unit__name", "user__full_name", "pk")
    )
    units = (
        enrolled.values("unit_id", "unit__name", "unit__short_name")
        .annotate(people=Count("id", distinct=True), present=Count("attendances", filter=held_attendance))
        .order_by("unit__name")
    )
    return AttendanceReport(
        held=held,
        sessions=[
            SessionLine(s, s.present, enrolled_count, _percent(s.present, enrolled_count)) for s in sessions
        ],
        units=[
            UnitLine(
                u["unit__short_name"] or u["unit__name"] or _("Tanpa unit"),
                u["people"],
                u["present"],
                _percent(u["present"], u["people"] * held),
            )
            for u in units
        ],
        people=[PersonLine(p, p.present, _percent(p.present, held)) for p in people],
    )
