"""Attendance at lab sessions: QR check-in, list marking, and the cohort's attendance report."""

import datetime as dt
import secrets
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass

from django.core import signing
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
# Organisers may still record people a while after the end, from a paper list or a late badge scan.
ORGANISER_CLOSES_AFTER = dt.timedelta(hours=2)
# The personal badge's signature salt: a badge token is good for nothing else signed with the secret key.
BADGE_SALT = "lumbung.labs.attendance.badge"
BADGE_PATH = "/hadir/peserta/"


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
    if session.mode == Mode.ONLINE:
        return _("Sesi ini daring: kehadiran dicatat panitia, bukan dengan kode QR.")
    check_in = SessionCheckIn.objects.filter(session=session).first()
    if check_in is None or not secrets.compare_digest(check_in.token, token):
        return _("Kode QR ini tidak berlaku lagi. Pindai kode QR yang sedang tampil di layar.")
    window = _window_refusal(session, now, closes_after=dt.timedelta(0))
    if window:
        return window
    if not _participant_of(session, user):
        return _("Anda tidak terdaftar sebagai peserta angkatan ini. Hubungi panitia.")
    return None


def _window_refusal(session: Session, now: dt.datetime, closes_after: dt.timedelta) -> str | None:
    """Attendance opens an hour before the start and closes `closes_after` the end."""
    zone = session.stage.cohort.region.timezone
    if now < session.starts_at - CHECK_IN_OPENS_BEFORE:
        opens = format_datetime(session.starts_at - CHECK_IN_OPENS_BEFORE, zone)
        return _("Presensi belum dibuka. Presensi dibuka mulai %(time)s.") % {"time": opens}
    if now > session.ends_at + closes_after:
        ended = format_datetime(session.ends_at, zone)
        return _("Sesi ini sudah selesai pada %(time)s; presensi sudah ditutup.") % {"time": ended}
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


# Personal badges: a participant's own QR, scanned by the organisers


def badge_token(participant: Participant) -> str:
    """The participant's signed id; the same every time, so a printed badge keeps working."""
    return signing.Signer(salt=BADGE_SALT).sign(str(participant.pk))


def badge_participant_id(scanned: str) -> int:
    """The participant id in a scanned badge token or badge URL; a tampered one is refused."""
    token = scanned.strip()
    if BADGE_PATH in token:
        token = token.split(BADGE_PATH, 1)[1]
    token = token.split("?", 1)[0].strip("/")
    try:
        return int(signing.Signer(salt=BADGE_SALT).unsign(token))
    except (signing.BadSignature, ValueError) as error:
        raise ValidationError(
            _("Kode QR peserta ini tidak sah (rusak atau diubah). Minta peserta membuka kartunya lagi."),
            code="badge_invalid",
        ) from error


def badge_participant(scanned: str) -> Participant:
    """The participant a badge names, refused when tampered or no longer enrolled."""
    pk = badge_participant_id(scanned)
    participant = Participant.objects.filter(pk=pk).select_related("user", "unit", "team").first()
    if participant is None:
        raise ValidationError(
            _("Pemilik kode QR ini tidak terdaftar lagi sebagai peserta."), code="badge_unknown"
        )
    return participant


def organiser_refusal(*, session: Session, participant: Participant, now: dt.datetime) -> str | None:
    """Why an organiser may not record this participant at this session now, or None."""
    if participant.cohort_id != session.stage.cohort_id:
        # The other cohort is not named: it may belong to another region.
        return _("Kode QR ini milik peserta angkatan lain, bukan peserta angkatan sesi ini.")
    if participant.role != Participant.Role.PARTICIPANT:
        return _("%(name)s tidak terdaftar sebagai peserta angkatan ini.") % {"name": participant.user}
    return organiser_session_refusal(session, now)


def organiser_session_refusal(session: Session, now: dt.datetime | None = None) -> str | None:
    """Why no badge can be recorded at this session now, whoever it belongs to, or None."""
    if session.mode == Mode.ONLINE:
        return _("Sesi ini daring: catat kehadirannya dari daftar hadir atau impor berkas.")
    return _window_refusal(session, now or timezone.now(), closes_after=ORGANISER_CLOSES_AFTER)


@transaction.atomic
def attendance_mark_by_organiser(
    *, session: Session, participant: Participant, actor: User, now: dt.datetime | None = None
) -> tuple[Attendance, bool]:
    """Record a participant present from their badge; the bool says whether this call recorded it."""
    now = now or timezone.now()
    if participant.cohort_id == session.stage.cohort_id:
        # A second scan says it was already recorded, even once marking has closed.
        existing = Attendance.objects.filter(session=session, participant=participant).first()
        if existing is not None:
            return existing, False
    refusal = organiser_refusal(session=session, participant=participant, now=now)
    if refusal:
        raise ValidationError(refusal)
    return Attendance.objects.get_or_create(
        session=session,
        participant=participant,
        defaults={"method": Attendance.Method.ORGANISER, "marked_at": now, "marked_by": actor},
    )


def organiser_sessions(
    cohort: Cohort, now: dt.datetime | None = None
) -> tuple[list[Session], Session | None]:
    """In-person sessions an organiser may mark now or later today, and the one to preselect.

    The preselected one is the session happening now, else the next one today in the region's zone.
    """
    now = now or timezone.now()
    zone = zoneinfo.ZoneInfo(cohort.region.timezone)
    tomorrow = dt.datetime.combine(now.astimezone(zone).date() + dt.timedelta(days=1), dt.time(), zone)
    sessions = list(
        Session.objects.filter(
            stage__cohort=cohort,
            ends_at__gte=now - ORGANISER_CLOSES_AFTER,
            starts_at__lt=tomorrow,
        )
        .exclude(mode=Mode.ONLINE)
        .select_related("stage")
        .order_by("starts_at", "id")
    )
    running = next((s for s in sessions if s.starts_at <= now <= s.ends_at), None)
    upcoming = next((s for s in sessions if s.starts_at > now), None)
    return sessions, running or upcoming


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
