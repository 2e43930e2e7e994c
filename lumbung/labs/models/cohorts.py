import datetime as dt
import secrets
import zoneinfo

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lumbung.core.models import TimeStampedModel
from lumbung.regions.models import Region, Unit

from ..stages import STAGE_BY_CODE, STAGE_CHOICES, StageDefinition


class Mode(models.TextChoices):
    ONLINE = "daring", _("Daring")
    IN_PERSON = "luring", _("Luring")
    BOTH = "campuran", _("Daring dan luring")


class StageState(models.TextChoices):
    UPCOMING = "upcoming", _("Akan datang")
    OPEN = "open", _("Berlangsung")
    CLOSED = "closed", _("Selesai")


def region_today(region: Region) -> dt.date:
    return timezone.localdate(timezone=zoneinfo.ZoneInfo(region.timezone))


class Cohort(TimeStampedModel):
    """One angkatan of the innovation lab, organised by a region with a partner."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="cohorts")
    name = models.CharField(_("nama angkatan"), max_length=200)
    partner = models.CharField(_("mitra penyelenggara"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("tahun"))
    theme = models.CharField(_("tema"), max_length=300, blank=True)
    description = models.TextField(_("keterangan"), blank=True)
    # Gated: a team's next stage opens for it once its coach approved the previous one.
    # Open: every stage is open to every team by its dates alone.
    gated = models.BooleanField(_("tahap bergerbang"), default=True)
    # Coaching-clinic slots stop taking bookings this many hours before they start.
    clinic_booking_cutoff_hours = models.PositiveSmallIntegerField(
        _("batas pemesanan klinik (jam sebelum mulai)"), default=12
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-year", "name"]
        verbose_name = _("angkatan")
        verbose_name_plural = _("angkatan")
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="cohort_unique_name_per_region")
        ]

    def __str__(self) -> str:
        return self.name

    def state(self, stages: list["CohortStage"], today: dt.date | None = None) -> str:
        """Upcoming until a stage opens, closed once every stage has closed, open in between."""
        today = today or region_today(self.region)
        states = {stage.state(today) for stage in stages}
        if not states or states == {StageState.UPCOMING}:
            return StageState.UPCOMING
        if states == {StageState.CLOSED}:
            return StageState.CLOSED
        return StageState.OPEN


class CohortStage(models.Model):
    """One of the six stages of a cohort: its dates, its mode and where it happens."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="stages")
    code = models.CharField(_("tahap"), max_length=20, choices=STAGE_CHOICES)
    position = models.PositiveSmallIntegerField()
    start_date = models.DateField(_("tanggal mulai"), null=True, blank=True)
    end_date = models.DateField(_("tanggal selesai"), null=True, blank=True)
    mode = models.CharField(_("moda"), max_length=10, choices=Mode.choices, default=Mode.ONLINE)
    meeting_link = models.URLField(_("tautan pertemuan"), max_length=500, blank=True)
    venue = models.CharField(_("tempat"), max_length=300, blank=True)
    reopened_until = models.DateField(_("dibuka kembali sampai"), null=True, blank=True)

    class Meta:
        ordering = ["cohort", "position"]
        verbose_name = _("tahap angkatan")
        verbose_name_plural = _("tahap angkatan")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "code"], name="cohort_stage_unique_code"),
            models.UniqueConstraint(fields=["cohort", "position"], name="cohort_stage_unique_position"),
        ]

    def __str__(self) -> str:
        return f"{self.definition.name} · {self.cohort}"

    @property
    def definition(self) -> StageDefinition:
        return STAGE_BY_CODE[self.code]

    @property
    def name(self) -> str:
        return self.definition.name

    @property
    def is_scheduled(self) -> bool:
        return self.start_date is not None and self.end_date is not None

    def state(self, today: dt.date) -> str:
        """By its dates in the region's zone; an admin's reopening keeps a closed stage open a while."""
        if self.start_date is None or self.end_date is None or today < self.start_date:
            return StageState.UPCOMING
        if today <= self.end_date or (self.reopened_until is not None and today <= self.reopened_until):
            return StageState.OPEN
        return StageState.CLOSED

    @property
    def is_reopened(self) -> bool:
        return bool(self.end_date and self.reopened_until and self.reopened_until > self.end_date)


class Session(models.Model):
    """A session inside a stage: an opening, a plenary, a workshop or a coaching clinic."""

    class Kind(models.TextChoices):
        OPENING = "pembukaan", _("Pembukaan")
        PLENARY = "pleno", _("Pleno")
        WORKSHOP = "lokakarya", _("Lokakarya")
        CLINIC = "klinik", _("Coaching clinic")

    stage = models.ForeignKey(CohortStage, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("judul"), max_length=200)
    kind = models.CharField(_("jenis sesi"), max_length=12, choices=Kind.choices)
    # Aware moments; pages show them in the region's zone, in which the admin entered them.
    starts_at = models.DateTimeField(_("mulai"))
    ends_at = models.DateTimeField(_("selesai"))
    mode = models.CharField(_("moda"), max_length=10, choices=Mode.choices)
    venue = models.CharField(_("tempat"), max_length=300, blank=True)
    meeting_link = models.URLField(_("tautan pertemuan"), max_length=500, blank=True)
    speakers = models.TextField(_("narasumber"), blank=True, help_text=_("Satu narasumber per baris."))

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("sesi")
        verbose_name_plural = _("sesi")

    def __str__(self) -> str:
        return self.title

    @property
    def speaker_list(self) -> list[str]:
        return [line.strip() for line in self.speakers.splitlines() if line.strip()]


def material_path(instance: "SessionMaterial", filename: str) -> str:
    return f"lab/materi/{instance.session_id}/{filename}"


class SessionMaterial(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="materials")
    caption = models.CharField(_("keterangan"), max_length=200)
    file = models.FileField(upload_to=material_path, max_length=300)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.caption


class Team(models.Model):
    """A unit's team in a cohort; its members are the participants pointing at it."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="teams")
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("nama tim"), max_length=200)
    leader = models.ForeignKey(
        "Participant", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["cohort", "name"], name="team_unique_name_in_cohort")]

    def __str__(self) -> str:
        return self.name


class Participant(models.Model):
    """A person enrolled in a cohort. For a coach from elsewhere this row alone grants access."""

    class Role(models.TextChoices):
        PARTICIPANT = "participant", _("Peserta")
        COACH = "coach", _("Coach")

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lab_enrolments"
    )
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("peran"), max_length=12, choices=Role.choices, default=Role.PARTICIPANT)
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="members")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["cohort", "role", "id"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "user"], name="participant_unique_in_cohort")
        ]
        indexes = [models.Index(fields=["user", "cohort"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.cohort}"


def new_check_in_token() -> str:
    return secrets.token_urlsafe(24)


class SessionCheckIn(models.Model):
    """The secret in a session's check-in QR; regenerating it makes every earlier QR useless."""

    session = models.OneToOneField(Session, on_delete=models.CASCADE, related_name="check_in")
    token = models.CharField(max_length=64, unique=True, default=new_check_in_token)
    opened_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.session} · QR"


class Attendance(models.Model):
    """One participant present at one session, however it was recorded."""

    class Method(models.TextChoices):
        QR = "qr", _("Pindai QR")
        LIST = "list", _("Daftar hadir")
        ORGANISER = "organiser", _("Dicatat panitia")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendances")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="attendances")
    method = models.CharField(_("cara pencatatan"), max_length=10, choices=Method.choices)
    marked_at = models.DateTimeField(_("dicatat pada"), default=timezone.now)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["session", "participant"]
        verbose_name = _("kehadiran")
        verbose_name_plural = _("kehadiran")
        constraints = [
            models.UniqueConstraint(fields=["session", "participant"], name="attendance_unique_per_session")
        ]

    def __str__(self) -> str:
        return f"{self.participant} · {self.session}"


class Problem(models.Model):
    """A service problem a team found in Diagnose, scored on Urgency, Seriousness and Growth (USG)."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="problems")
    title = models.CharField(_("masalah"), max_length=200)
    description = models.TextField(_("uraian"), blank=True)
    urgency = models.PositiveSmallIntegerField(_("urgensi"))
    seriousness = models.PositiveSmallIntegerField(_("keseriusan"))
    growth = models.PositiveSmallIntegerField(_("perkembangan"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["team", "id"]
        verbose_name = _("masalah")
        verbose_name_plural = _("masalah")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(**{f"{field}__gte": 1, f"{field}__lte": 5}),
                name=f"problem_{field}_1_to_5",
            )
            for field in ("urgency", "seriousness", "growth")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def score(self) -> int:
        return self.urgency * self.seriousness * self.growth


class Idea(models.Model):
    """An idea in a team's register; the team picks one to carry into Design."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="ideas")
    problem = models.ForeignKey(
        Problem, null=True, blank=True, on_delete=models.SET_NULL, related_name="ideas"
    )
    title = models.CharField(_("gagasan"), max_length=200)
    description = models.TextField(_("tujuan dan uraian"), blank=True)
    # A participant of the cohort, so ideas can be counted by the proposer's unit.
    proposed_by = models.ForeignKey(
        Participant, null=True, blank=True, on_delete=models.SET_NULL, related_name="ideas"
    )
    chosen = models.BooleanField(_("dipilih"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["team", "id"]
        verbose_name = _("gagasan")
        verbose_name_plural = _("gagasan")
        constraints = [
            models.UniqueConstraint(
                fields=["team"], condition=models.Q(chosen=True), name="idea_one_chosen_per_team"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Criterion(models.Model):
    """One criterion of a cohort's jury rubric, weighted in percent; a cohort's weights sum to 100."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="jury_criteria")
    name = models.CharField(_("kriteria"), max_length=100)
    weight = models.PositiveSmallIntegerField(_("bobot (%)"))
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["cohort", "position"]
        verbose_name = _("kriteria penjurian")
        verbose_name_plural = _("kriteria penjurian")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "name"], name="criterion_unique_name"),
            models.UniqueConstraint(fields=["cohort", "position"], name="criterion_unique_position"),
            models.CheckConstraint(
                condition=models.Q(weight__gte=0, weight__lte=100), name="criterion_weight_0_to_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.weight}%)"


class Entry(models.Model):
    """A team's showcase entry: its poster, pitch and a video link, which the jury scores."""

    team = models.OneToOneField(Team, on_delete=models.CASCADE, related_name="entry")
    pitch = models.TextField(_("pitch (satu paragraf)"))
    video_url = models.URLField(_("tautan video"), max_length=500, blank=True)
    poster = models.ForeignKey(
        "TeamFile",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("poster"),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["team__name"]
        verbose_name = _("karya pameran")
        verbose_name_plural = _("karya pameran")

    def __str__(self) -> str:
        return str(self.team)


class Score(models.Model):
    """One juror's score, 0–100, for one entry on one criterion, with a comment."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="scores")
    juror = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField(_("nilai"))
    comment = models.TextField(_("komentar"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["entry", "criterion__position"]
        verbose_name = _("nilai juri")
        verbose_name_plural = _("nilai juri")
        constraints = [
            models.UniqueConstraint(fields=["entry", "juror", "criterion"], name="score_unique_per_juror"),
            models.CheckConstraint(
                condition=models.Q(value__gte=0, value__lte=100), name="score_value_0_to_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.entry} · {self.criterion.name}: {self.value}"


class RankingPublication(models.Model):
    """The cohort's jury ranking made public: its Top N appear on the cohort page."""

    cohort = models.OneToOneField(Cohort, on_delete=models.CASCADE, related_name="ranking_publication")
    top_n = models.PositiveSmallIntegerField(_("jumlah terbaik"))
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(top_n__gte=1), name="ranking_top_n_positive")
        ]

    def __str__(self) -> str:
        return f"Top {self.top_n} · {self.cohort}"
