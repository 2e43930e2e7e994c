from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    """A piece of long work for the worker, with its progress and its result; the database is the queue."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Menunggu")
        RUNNING = "running", _("Berjalan")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    task = models.CharField(max_length=100)
    args = models.JSONField(default=dict, blank=True)
    title = models.CharField(_("pekerjaan"), max_length=200)
    state = models.CharField(_("status"), max_length=10, choices=State.choices, default=State.QUEUED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="jobs"
    )
    region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    progress_message = models.CharField(max_length=200, blank=True)

    result = models.JSONField(default=dict, blank=True)
    result_file = models.FileField(upload_to="jobs/%Y/%m/", blank=True, max_length=300)
    result_name = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)

    attempts = models.PositiveSmallIntegerField(default=0)
    max_attempts = models.PositiveSmallIntegerField(default=3)
    run_after = models.DateTimeField(db_index=True)
    worker = models.CharField(max_length=100, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("pekerjaan")
        verbose_name_plural = _("pekerjaan")
        indexes = [
            models.Index(fields=["state", "run_after"], name="job_ready"),
            models.Index(fields=["created_by", "-created_at"], name="job_mine"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def zone(self) -> str:
        """The time zone its times are shown in: its region's (WIB/WITA/WIT), or WIB without one."""
        return self.region.timezone if self.region_id and self.region else "Asia/Jakarta"

    @property
    def is_finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)

    @property
    def percent(self) -> int:
        if self.state == self.State.DONE:
            return 100
        if not self.progress_total:
            return 0
        return min(100, round(100 * self.progress_done / self.progress_total))


class OutgoingEmail(models.Model):
    """A mail waiting for, or past, the worker; kept after sending so nothing is ever lost silently."""

    class State(models.TextChoices):
        PENDING = "pending", _("Menunggu dikirim")
        SENT = "sent", _("Terkirim")
        FAILED = "failed", _("Gagal")

    to = models.EmailField(_("kepada"))
    subject = models.CharField(_("perihal"), max_length=250)
    text = models.TextField()
    html = models.TextField(blank=True)
    language = models.CharField(_("bahasa"), max_length=5, blank=True)
    state = models.CharField(_("status"), max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("email keluar")
        verbose_name_plural = _("email keluar")
        indexes = [
            # Admin pages list what is not sent yet; sent mails are the vast majority and stay out.
            models.Index(
                fields=["to", "-created_at"],
                condition=~models.Q(state="sent"),
                name="email_unsent",
            )
        ]

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"
