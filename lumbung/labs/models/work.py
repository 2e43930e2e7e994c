"""A team's work through the stages: gates, files, commitments, readiness, design, plan and delivery."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lumbung.innovations.models import Form, Innovation, Kind
from lumbung.regions.models import Urusan

from ..stages import STAGE_CHOICES
from .cohorts import Cohort, Idea, Team


class GateStatus(models.TextChoices):
    DRAFT = "draft", _("Belum diajukan")
    SUBMITTED = "submitted", _("Menunggu persetujuan")
    APPROVED = "approved", _("Disetujui")
    RETURNED = "returned", _("Dikembalikan")


class StageWork(models.Model):
    """Where one team's work on one stage stands in its gate: drafted, submitted, approved or returned."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="stage_works")
    stage = models.CharField(_("tahap"), max_length=20, choices=STAGE_CHOICES)
    status = models.CharField(
        _("status"), max_length=10, choices=GateStatus.choices, default=GateStatus.DRAFT
    )
    submitted_at = models.DateTimeField(_("diajukan pada"), null=True, blank=True)
    decided_at = models.DateTimeField(_("diputuskan pada"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The reviewer's latest notes: why it was returned, or what to keep in mind.
    note = models.TextField(_("catatan"), blank=True)

    class Meta:
        ordering = ["team", "id"]
        verbose_name = _("pekerjaan tahap")
        verbose_name_plural = _("pekerjaan tahap")
        constraints = [models.UniqueConstraint(fields=["team", "stage"], name="stage_work_unique")]

    def __str__(self) -> str:
        return f"{self.team} · {self.stage}: {self.status}"


class StageMove(models.Model):
    """One move of a team's stage work through its gate; the history is never edited."""

    work = models.ForeignKey(StageWork, on_delete=models.CASCADE, related_name="moves")
    from_status = models.CharField(max_length=10, choices=GateStatus.choices)
    to_status = models.CharField(max_length=10, choices=GateStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.work}: {self.from_status} → {self.to_status}"


def team_file_path(instance: "TeamFile", filename: str) -> str:
    return f"lab/tim/{instance.team_id}/{instance.sha256[:2]}/{instance.sha256}-{filename}"


class TeamFile(models.Model):
    """A file a team uploaded for its work: a commitment letter, delivery evidence, a poster, a photo."""

    class Purpose(models.TextChoices):
        COMMITMENT = "komitmen", _("Surat komitmen")
        EVIDENCE = "bukti", _("Bukti pelaksanaan")
        POSTER = "poster", _("Poster")
        PHOTO = "foto", _("Foto kegiatan")

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="files")
    purpose = models.CharField(_("kegunaan"), max_length=10, choices=Purpose.choices)
    caption = models.CharField(_("keterangan"), max_length=200, blank=True)
    file = models.FileField(upload_to=team_file_path, max_length=300)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["team", "id"]
        verbose_name = _("berkas tim")
        verbose_name_plural = _("berkas tim")

    def __str__(self) -> str:
        return self.caption or self.original_name

    @property
    def is_image(self) -> bool:
        return self.content_type in ("image/jpeg", "image/png")


class Commitment(models.Model):
    """Drum-up: a unit leader's commitment to the lab, with the signed letter."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="commitments")
    name = models.CharField(_("nama yang berkomitmen"), max_length=200)
    position = models.CharField(_("jabatan"), max_length=200)
    committed_on = models.DateField(_("tanggal komitmen"))
    letter = models.ForeignKey(
        TeamFile, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("surat")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["team", "committed_on", "id"]
        verbose_name = _("komitmen")
        verbose_name_plural = _("komitmen")

    def __str__(self) -> str:
        return f"{self.name} · {self.team}"


class ReadinessQuestion(models.Model):
    """Diagnose: one question of a cohort's readiness self-assessment, answered 1–5 by each team."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="readiness_questions")
    position = models.PositiveSmallIntegerField()
    # A short label for the radar chart's axis, e.g. "Kepemimpinan".
    aspect = models.CharField(_("aspek"), max_length=40)
    text = models.CharField(_("pertanyaan"), max_length=300)

    class Meta:
        ordering = ["cohort", "position"]
        verbose_name = _("pertanyaan kesiapan")
        verbose_name_plural = _("pertanyaan kesiapan")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "position"], name="readiness_question_position"),
            models.UniqueConstraint(fields=["cohort", "aspect"], name="readiness_question_aspect"),
        ]

    def __str__(self) -> str:
        return self.aspect


class ReadinessAnswer(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="readiness_answers")
    question = models.ForeignKey(ReadinessQuestion, on_delete=models.CASCADE, related_name="answers")
    value = models.PositiveSmallIntegerField(_("nilai"))
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["team", "question__position"]
        constraints = [
            models.UniqueConstraint(fields=["team", "question"], name="readiness_answer_unique"),
            models.CheckConstraint(
                condition=models.Q(value__gte=1, value__lte=5), name="readiness_answer_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.team} · {self.question}: {self.value}"


class Design(models.Model):
    """Design: the innovation a team designs from its chosen idea, and its main indicator's figures.

    Once it is carried into the registry (`innovation`), the registry owns the profile: the fields
    here stay as they were designed, and the lab shows the registry's current profile beside them.
    """

    team = models.OneToOneField(Team, on_delete=models.CASCADE, related_name="design")
    idea = models.ForeignKey(Idea, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    name = models.CharField(_("nama inovasi"), max_length=200)
    form = models.CharField(_("bentuk"), max_length=20, choices=Form.choices, default=Form.PUBLIC_SERVICE)
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices, default=Kind.NON_DIGITAL)
    main_urusan = models.ForeignKey(
        Urusan, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("urusan")
    )
    goals = models.TextField(_("tujuan"), blank=True)
    benefits = models.TextField(_("manfaat"), blank=True)
    design = models.TextField(_("rancang bangun awal"), blank=True)

    # Deliver: before/after figures of the innovation's main indicator.
    indicator_name = models.CharField(_("indikator utama"), max_length=200, blank=True)
    indicator_unit = models.CharField(_("satuan"), max_length=50, blank=True)
    baseline = models.DecimalField(_("nilai awal"), max_digits=14, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2, null=True, blank=True)
    actual = models.DecimalField(_("capaian"), max_digits=14, decimal_places=2, null=True, blank=True)

    innovation = models.ForeignKey(
        Innovation, null=True, blank=True, on_delete=models.SET_NULL, related_name="lab_designs"
    )
    registered_at = models.DateTimeField(_("dicatat ke registri pada"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("rancangan inovasi")
        verbose_name_plural = _("rancangan inovasi")

    def __str__(self) -> str:
        return self.name


class MilestoneStatus(models.TextChoices):
    PLANNED = "belum", _("Belum mulai")
    IN_PROGRESS = "berjalan", pgettext_lazy("milestone status", "Berjalan")
    DONE = "selesai", _("Selesai")


class Milestone(models.Model):
    """One step of a team's action plan (rencana aksi); Deliver reports progress on it."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="milestones")
    position = models.PositiveSmallIntegerField()
    what = models.CharField(_("kegiatan"), max_length=300)
    who = models.CharField(_("penanggung jawab"), max_length=200)
    due_date = models.DateField(_("tenggat"))
    expected_output = models.CharField(_("keluaran yang diharapkan"), max_length=300)
    # The latest progress report, kept here so lists need no subquery.
    status = models.CharField(
        _("status"), max_length=10, choices=MilestoneStatus.choices, default=MilestoneStatus.PLANNED
    )
    percent = models.PositiveSmallIntegerField(_("persen selesai"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["team", "position"]
        verbose_name = _("tonggak rencana aksi")
        verbose_name_plural = _("tonggak rencana aksi")
        constraints = [
            models.UniqueConstraint(fields=["team", "position"], name="milestone_unique_position"),
            models.CheckConstraint(
                condition=models.Q(percent__gte=0, percent__lte=100), name="milestone_percent_0_to_100"
            ),
        ]

    def __str__(self) -> str:
        return self.what

    def is_overdue(self, today: dt.date) -> bool:
        return self.status != MilestoneStatus.DONE and self.due_date < today


class MilestoneUpdate(models.Model):
    """One progress report on a milestone: status, percent, date, note and evidence."""

    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(_("status"), max_length=10, choices=MilestoneStatus.choices)
    percent = models.PositiveSmallIntegerField(_("persen selesai"))
    reported_on = models.DateField(_("tanggal"))
    note = models.TextField(_("catatan"), blank=True)
    evidence = models.ForeignKey(
        TeamFile, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("bukti")
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["milestone", "reported_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(percent__gte=0, percent__lte=100), name="milestone_update_percent_0_to_100"
            )
        ]

    def __str__(self) -> str:
        return f"{self.milestone} · {self.percent}%"


__all__ = [
    "Commitment",
    "Design",
    "GateStatus",
    "Milestone",
    "MilestoneStatus",
    "MilestoneUpdate",
    "ReadinessAnswer",
    "ReadinessQuestion",
    "StageMove",
    "StageWork",
    "TeamFile",
]
