"""Every write of the lab: cohorts and their stages, sessions, materials, participants and teams."""

import datetime as dt
import zoneinfo
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lumbung.accounts.models import Membership, Role, User
from lumbung.core.files import check_upload, delete_after_commit
from lumbung.regions.models import Region, Unit

from .models import Cohort, CohortStage, Mode, Participant, Session, SessionMaterial, Team, region_today
from .stages import STAGES


def clean_text(value: str) -> str:
    return " ".join((value or "").split())


def check_place(mode: str, meeting_link: str, venue: str) -> None:
    """Online needs a link, in person needs a venue, both needs both."""
    errors: dict[str, str] = {}
    if mode not in Mode.values:
        errors["mode"] = _("Pilih moda: daring, luring, atau keduanya.")
    if mode in (Mode.ONLINE, Mode.BOTH):
        if not meeting_link:
            errors["meeting_link"] = _("Kegiatan daring memerlukan tautan pertemuan.")
        else:
            try:
                URLValidator(schemes=["http", "https"])(meeting_link)
            except ValidationError:
                errors["meeting_link"] = _("Tautan pertemuan harus berupa alamat web (https://…).")
    if mode in (Mode.IN_PERSON, Mode.BOTH) and not venue:
        errors["venue"] = _("Kegiatan luring memerlukan tempat.")
    if errors:
        raise ValidationError(errors)


def _check_cutoff(hours: int) -> int:
    if not 0 <= hours <= 24 * 14:
        raise ValidationError(
            {"clinic_booking_cutoff_hours": _("Batas pemesanan klinik antara 0 dan 336 jam (14 hari).")}
        )
    return hours


def _check_cohort_fields(region: Region, name: str, year: int, exclude_pk: int | None = None) -> None:
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = _("Tuliskan nama angkatan.")
    elif Cohort.objects.filter(region=region, name__iexact=name).exclude(pk=exclude_pk or 0).exists():
        errors["name"] = _("Wilayah ini sudah punya angkatan dengan nama itu.")
    if not 2000 <= year <= 2100:
        errors["year"] = _("Tahun harus antara 2000 dan 2100.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def cohort_create(
    *,
    actor: User | None,
    region: Region,
    name: str,
    year: int,
    partner: str = "",
    theme: str = "",
    description: str = "",
    gated: bool = True,
    clinic_booking_cutoff_hours: int = 12,
) -> Cohort:
    """A new cohort with its six stages, in order, not yet scheduled."""
    name = clean_text(name)
    _check_cohort_fields(region, name, year)
    cohort = Cohort.objects.create(
        region=region,
        name=name,
        year=year,
        partner=clean_text(partner),
        theme=clean_text(theme),
        description=description.strip(),
        gated=gated,
        clinic_booking_cutoff_hours=_check_cutoff(clinic_booking_cutoff_hours),
        created_by=actor,
    )
    CohortStage.objects.bulk_create(
        CohortStage(cohort=cohort, code=stage.code, position=position)
        for position, stage in enumerate(STAGES, start=1)
    )
    return cohort


@transaction.atomic
def cohort_update(
    *,
    cohort: Cohort,
    name: str,
    year: int,
    partner: str = "",
    theme: str = "",
    description: str = "",
    gated: bool | None = None,
    clinic_booking_cutoff_hours: int | None = None,
) -> Cohort:
    name = clean_text(name)
    _check_cohort_fields(cohort.region, name, year, exclude_pk=cohort.pk)
    cohort.name, cohort.year = name, year
    cohort.partner, cohort.theme = clean_text(partner), clean_text(theme)
    cohort.description = description.strip()
    if gated is not None:
        cohort.gated = gated
    if clinic_booking_cutoff_hours is not None:
        cohort.clinic_booking_cutoff_hours = _check_cutoff(clinic_booking_cutoff_hours)
    cohort.save()
    return cohort


def _check_stage_order(stage: CohortStage, start: dt.date, end: dt.date) -> None:
    """A stage neither starts nor ends before an earlier stage does (stages may share days)."""
    siblings = CohortStage.objects.filter(cohort_id=stage.cohort_id, start_date__isnull=False).exclude(
        pk=stage.pk
    )
    for other in siblings:
        assert other.start_date is not None and other.end_date is not None
        if other.position < stage.position and (start < other.start_date or end < other.end_date):
            raise ValidationError(
                {
                    "start_date": _("Tahap %(stage)s tidak boleh mendahului tahap %(other)s (%(date)s).")
                    % {"stage": stage.name, "other": other.name, "date": other.start_date.isoformat()}
                }
            )
        if other.position > stage.position and (start > other.start_date or end > other.end_date):
            raise ValidationError(
                {
                    "end_date": _("Tahap %(stage)s tidak boleh melewati tahap sesudahnya, %(other)s.")
                    % {"stage": stage.name, "other": other.name}
                }
            )


@transaction.atomic
def stage_update(
    *,
    stage: CohortStage,
    start_date: dt.date | None,
    end_date: dt.date | None,
    mode: str,
    meeting_link: str = "",
    venue: str = "",
) -> CohortStage:
    """Schedule a stage: dates in order, and the link or venue its mode needs."""
    stage = CohortStage.objects.select_for_update().select_related("cohort__region").get(pk=stage.pk)
    meeting_link, venue = meeting_link.strip(), clean_text(venue)
    if (start_date is None) != (end_date is None):
        raise ValidationError(
            {"end_date": _("Isi tanggal mulai dan tanggal selesai, atau kosongkan keduanya.")}
        )
    if start_date is not None and end_date is not None:
        if end_date < start_date:
            raise ValidationError({"end_date": _("Tanggal selesai tidak boleh sebelum tanggal mulai.")})
        _check_stage_order(stage, start_date, end_date)
        zone = zoneinfo.ZoneInfo(stage.cohort.region.timezone)
        for session in stage.sessions.all():
            if not start_date <= timezone.localtime(session.starts_at, zone).date() <= end_date:
                raise ValidationError(
                    {
                        "start_date": _("Sesi %(title)s berada di luar tanggal baru.")
                        % {"title": session.title}
                    }
                )
    elif stage.sessions.exists():
        raise ValidationError({"start_date": _("Tahap yang sudah punya sesi harus bertanggal.")})
    check_place(mode, meeting_link, venue)
    stage.start_date, stage.end_date = start_date, end_date
    stage.mode, stage.meeting_link, stage.venue = mode, meeting_link, venue
    stage.save()
    return stage


@transaction.atomic
def stage_reopen(*, stage: CohortStage, until: dt.date) -> CohortStage:
    """Keep a stage open after its end date, until the given day (in the region's zone)."""
    stage = CohortStage.objects.select_for_update().select_related("cohort__region").get(pk=stage.pk)
    if stage.end_date is None:
        raise ValidationError({"until": _("Tahap ini belum dijadwalkan.")})
    today = region_today(stage.cohort.region)
    if until < today:
        raise ValidationError({"until": _("Tanggal buka kembali tidak boleh sebelum hari ini.")})
    if until <= stage.end_date:
        raise ValidationError({"until": _("Tanggal buka kembali harus sesudah tanggal selesai tahap.")})
    stage.reopened_until = until
    stage.save(update_fields=["reopened_until"])
    return stage


def _check_session(
    stage: CohortStage, title: str, kind: str, starts_at: dt.datetime, ends_at: dt.datetime
) -> None:
    errors: dict[str, str] = {}
    if not title:
        errors["title"] = _("Tuliskan judul sesi.")
    if kind not in Session.Kind.values:
        errors["kind"] = _("Pilih jenis sesi.")
    if ends_at <= starts_at:
        errors["ends_at"] = _("Sesi harus selesai sesudah mulai.")
    elif stage.start_date is None or stage.end_date is None:
        errors["starts_at"] = _("Jadwalkan tanggal tahap %(stage)s lebih dulu.") % {"stage": stage.name}
    else:
        zone = zoneinfo.ZoneInfo(stage.cohort.region.timezone)
        first = timezone.localtime(starts_at, zone).date()
        last = timezone.localtime(ends_at, zone).date()
        if first < stage.start_date or last > stage.end_date:
            errors["starts_at"] = _("Sesi harus berada di dalam tanggal tahap %(stage)s.") % {
                "stage": stage.name
            }
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def session_create(
    *,
    stage: CohortStage,
    title: str,
    kind: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    mode: str,
    venue: str = "",
    meeting_link: str = "",
    speakers: str = "",
) -> Session:
    title, venue, meeting_link = clean_text(title), clean_text(venue), meeting_link.strip()
    _check_session(stage, title, kind, starts_at, ends_at)
    check_place(mode, meeting_link, venue)
    return Session.objects.create(
        stage=stage,
        title=title,
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        mode=mode,
        venue=venue,
        meeting_link=meeting_link,
        speakers=speakers.strip(),
    )


@transaction.atomic
def session_update(
    *,
    session: Session,
    title: str,
    kind: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    mode: str,
    venue: str = "",
    meeting_link: str = "",
    speakers: str = "",
) -> Session:
    title, venue, meeting_link = clean_text(title), clean_text(venue), meeting_link.strip()
    _check_session(session.stage, title, kind, starts_at, ends_at)
    check_place(mode, meeting_link, venue)
    session.title, session.kind, session.starts_at, session.ends_at = title, kind, starts_at, ends_at
    session.mode, session.venue, session.meeting_link = mode, venue, meeting_link
    session.speakers = speakers.strip()
    session.save()
    return session


@transaction.atomic
def material_add(*, actor: User, session: Session, caption: str, upload: UploadedFile) -> SessionMaterial:
    if not caption.strip():
        raise ValidationError({"caption": _("Tuliskan keterangan materi.")})
    try:
        checked = check_upload(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    material = SessionMaterial(
        session=session,
        caption=clean_text(caption),
        original_name=(upload.name or "materi")[:255],
        content_type=checked.file_type.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=actor,
    )
    material.file.save(upload.name or "materi", upload, save=False)
    material.save()
    return material


@transaction.atomic
def participants_enrol(*, cohort: Cohort, units: Iterable[Unit]) -> int:
    """Enrol the active innovators of these units (safe to repeat); returns how many were added."""
    units = list(units)
    if any(unit.region_id != cohort.region_id for unit in units):
        raise ValidationError({"units": _("Unit harus berasal dari wilayah penyelenggara angkatan.")})
    memberships = Membership.objects.filter(
        unit__in=units, role=Role.INNOVATOR, is_active=True, user__is_active=True
    ).order_by("unit_id", "user_id")
    enrolled = set(Participant.objects.filter(cohort=cohort).values_list("user_id", flat=True))
    new = []
    for membership in memberships:
        if membership.user_id not in enrolled:
            enrolled.add(membership.user_id)
            new.append(Participant(cohort=cohort, user_id=membership.user_id, unit_id=membership.unit_id))
    Participant.objects.bulk_create(new)
    return len(new)


@transaction.atomic
def coach_add(*, cohort: Cohort, user: User) -> Participant:
    """Enrol a coach; coaches may come from any region or organisation."""
    participant, _created = Participant.objects.update_or_create(
        cohort=cohort, user=user, defaults={"role": Participant.Role.COACH, "unit": None, "team": None}
    )
    return participant


@transaction.atomic
def team_create(
    *,
    cohort: Cohort,
    name: str,
    unit: Unit | None,
    members: Iterable[Participant],
    leader: Participant | None = None,
    coach: User | None = None,
) -> Team:
    name = clean_text(name)
    members = list(members)
    if not name:
        raise ValidationError({"name": _("Tuliskan nama tim.")})
    if Team.objects.filter(cohort=cohort, name__iexact=name).exists():
        raise ValidationError({"name": _("Angkatan ini sudah punya tim dengan nama itu.")})
    if unit is not None and unit.region_id != cohort.region_id:
        raise ValidationError({"unit": _("Unit harus berasal dari wilayah penyelenggara angkatan.")})
    if any(m.cohort_id != cohort.pk or m.role != Participant.Role.PARTICIPANT for m in members):
        raise ValidationError({"members": _("Anggota tim harus peserta angkatan ini.")})
    if leader is not None and leader not in members:
        raise ValidationError({"leader": _("Ketua tim harus salah satu anggotanya.")})
    if (
        coach is not None
        and not Participant.objects.filter(cohort=cohort, user=coach, role=Participant.Role.COACH).exists()
    ):
        raise ValidationError({"coach": _("Coach tim harus terdaftar sebagai coach angkatan ini.")})
    team = Team.objects.create(cohort=cohort, name=name, unit=unit, leader=leader, coach=coach)
    Participant.objects.filter(pk__in=[m.pk for m in members]).update(team=team)
    return team


@transaction.atomic
def unit_team_create(
    *,
    cohort: Cohort,
    unit: Unit,
    leader: Participant | None = None,
    coach: User | None = None,
    name: str = "",
) -> Team:
    """One team for a participating unit: its participants without a team become the members."""
    # Lock the cohort row so two admins cannot both create a team for the same unit.
    Cohort.objects.select_for_update().filter(pk=cohort.pk).first()
    if Team.objects.filter(cohort=cohort, unit=unit).exists():
        raise ValidationError({"unit": _("Unit %(unit)s sudah punya tim di angkatan ini.") % {"unit": unit}})
    members = list(
        Participant.objects.filter(
            cohort=cohort, unit=unit, role=Participant.Role.PARTICIPANT, team__isnull=True
        )
    )
    if not members:
        raise ValidationError(
            {"unit": _("Unit %(unit)s tidak punya peserta tanpa tim di angkatan ini.") % {"unit": unit}}
        )
    if leader is not None and leader not in members:
        raise ValidationError({"leader": _("Ketua tim harus peserta dari unit %(unit)s.") % {"unit": unit}})
    return team_create(
        cohort=cohort,
        name=name or f"Tim {unit.name}",
        unit=unit,
        members=members,
        leader=leader,
        coach=coach,
    )


@transaction.atomic
def coach_add_by_email(*, cohort: Cohort, email: str) -> Participant:
    """Enrol an existing user, from any region, as a coach of the cohort."""
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        raise ValidationError({"email": _("Tidak ada pengguna aktif dengan email itu.")})
    enrolled = Participant.objects.filter(cohort=cohort, user=user).first()
    if enrolled is not None and enrolled.role == Participant.Role.COACH:
        raise ValidationError({"email": _("%(name)s sudah menjadi coach angkatan ini.") % {"name": user}})
    if enrolled is not None:
        # Turning a participant into a coach would silently take them out of their team.
        raise ValidationError(
            {"email": _("%(name)s terdaftar sebagai peserta angkatan ini, bukan coach.") % {"name": user}}
        )
    return coach_add(cohort=cohort, user=user)


@transaction.atomic
def material_remove(*, material: SessionMaterial) -> None:
    """Remove a material and, once that is committed, its file (every upload has a file of its own)."""
    file = material.file
    material.delete()
    delete_after_commit(file)
