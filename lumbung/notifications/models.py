import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from lumbung.regions.models import Region


class Kind(models.TextChoices):
    """Kinds of event a person is told about; each has its own preference."""

    SUBMITTED = "diajukan", _("Inovasi diajukan")
    RETURNED = "dikembalikan", _("Dikembalikan dengan catatan")
    APPROVED = "disetujui", _("Inovasi disetujui")
    SENT = "terkirim", _("Inovasi terkirim")
    INVITATION = "undangan", _("Undangan dan peran baru")
    DEADLINE = "pengingat", _("Pengingat tenggat")
    LAB = "lab", _("Laboratorium inovasi")
    IID = "iid", _("Indeks Inovasi Daerah")


class Channel(models.TextChoices):
    IMMEDIATE = "segera", _("Email segera")
    DIGEST = "ringkasan", _("Ringkasan harian lewat email")
    IN_APP = "aplikasi", _("Hanya di aplikasi")


class Notification(models.Model):
    """One event told to one person, in their language; it stays in their inbox."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("jenis"), max_length=15, choices=Kind.choices)
    title = models.CharField(_("judul"), max_length=250)
    body = models.TextField(_("isi"), blank=True)
    # A path on this site, never a full address: opening a notification must not lead elsewhere.
    url = models.CharField(max_length=300, blank=True)
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # Set when the person wants it in the daily digest; cleared once a digest mail carries it.
    digest_pending = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
        indexes = [
            models.Index(fields=["recipient", "-created_at", "-id"], name="notification_inbox"),
            # The header badge counts unread rows on every page: a partial index keeps that count tiny.
            models.Index(
                fields=["recipient"], condition=models.Q(read_at__isnull=True), name="notification_unread"
            ),
            models.Index(
                fields=["recipient"], condition=models.Q(digest_pending=True), name="notification_digest"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def zone(self) -> str:
        """The time zone its times are shown in: its region's (WIB/WITA/WIT), or WIB without one."""
        return self.region.timezone if self.region_id and self.region else "Asia/Jakarta"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class Preference(models.Model):
    """How a person wants to hear about one kind of event; without a row, DEFAULT_CHANNEL applies."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=15, choices=Kind.choices)
    channel = models.CharField(max_length=10, choices=Channel.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="preference_unique_kind")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.channel}"


DEFAULT_CHANNEL = Channel.IMMEDIATE


def parse_remind_days(value: str) -> list[int]:
    """ "14,7,1" → [14, 7, 1]; raises ValidationError on anything else."""
    days: set[int] = set()
    for part in value.replace(" ", "").split(","):
        if not part:
            continue
        if not part.isdigit() or int(part) > 365:
            raise ValidationError(
                _("Tulis jumlah hari sebagai angka 0 sampai 365 dipisah koma, misalnya 14,7,1.")
            )
        days.add(int(part))
    return sorted(days, reverse=True)


def validate_remind_days(value: str) -> None:
    parse_remind_days(value)


class Deadline(models.Model):
    """A date a region's people must meet (a reporting window that closes), with reminders before it."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="deadlines")
    title = models.CharField(_("judul"), max_length=200)
    description = models.TextField(_("keterangan"), blank=True)
    due_date = models.DateField(_("tanggal tenggat"))
    # Wall-clock time in the region's own zone; empty means the whole day.
    due_time = models.TimeField(_("jam (waktu setempat)"), null=True, blank=True)
    remind_days = models.CharField(
        _("ingatkan (hari sebelumnya)"),
        max_length=60,
        default="14,7,1",
        validators=[validate_remind_days],
        help_text=_("Misalnya 14,7,1: pengingat dikirim 14, 7 dan 1 hari sebelum tenggat."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_date", "due_time", "id"]
        verbose_name = _("tenggat")
        verbose_name_plural = _("tenggat")
        indexes = [models.Index(fields=["region", "due_date"])]

    def __str__(self) -> str:
        return self.title

    @property
    def reminder_offsets(self) -> list[int]:
        return parse_remind_days(self.remind_days)


class ReminderSent(models.Model):
    """A reminder already sent for a deadline and an offset: the unique row makes `reminders` idempotent."""

    deadline = models.ForeignKey(Deadline, on_delete=models.CASCADE, related_name="reminders_sent")
    days_before = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["deadline", "days_before"], name="reminder_once_per_offset")
        ]

    def __str__(self) -> str:
        return f"{self.deadline_id} −{self.days_before}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A person's secret calendar address: the token is the only credential, so it can be reset."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Kalender {self.user_id}"
