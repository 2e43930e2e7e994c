"""Coaching clinics: a coach's slots, teams' bookings, and the record of each clinic held."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .cohorts import Cohort, Mode, Participant, Team


class ClinicSlot(models.Model):
    """A time a coach offers for clinics; `capacity` teams may book it."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="clinic_slots")
    coach = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    starts_at = models.DateTimeField(_("mulai"))
    ends_at = models.DateTimeField(_("selesai"))
    mode = models.CharField(_("moda"), max_length=10, choices=Mode.choices)
    venue = models.CharField(_("tempat"), max_length=300, blank=True)
    meeting_link = models.URLField(_("tautan pertemuan"), max_length=500, blank=True)
    capacity = models.PositiveSmallIntegerField(_("kapasitas (tim)"), default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("jadwal klinik")
        verbose_name_plural = _("jadwal klinik")
        constraints = [
            models.CheckConstraint(condition=models.Q(capacity__gte=1), name="clinic_slot_capacity_positive"),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="clinic_slot_ends_after_start"
            ),
        ]
        indexes = [models.Index(fields=["coach", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.coach} · {self.starts_at:%Y-%m-%d %H:%M}"


class ClinicBooking(models.Model):
    class Status(models.TextChoices):
        BOOKED = "dipesan", _("Dipesan")
        CANCELLED = "batal", _("Dibatalkan")

    slot = models.ForeignKey(ClinicSlot, on_delete=models.CASCADE, related_name="bookings")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="clinic_bookings")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.BOOKED)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["slot", "id"]
        verbose_name = _("pemesanan klinik")
        verbose_name_plural = _("pemesanan klinik")
        constraints = [
            models.UniqueConstraint(
                fields=["slot", "team"],
                condition=models.Q(status="dipesan"),
                name="clinic_booking_once_per_slot",
            )
        ]

    def __str__(self) -> str:
        return f"{self.team} · {self.slot}"


class ClinicRecord(models.Model):
    """What happened at a booked clinic: who came and the coach's notes."""

    booking = models.OneToOneField(ClinicBooking, on_delete=models.CASCADE, related_name="record")
    attendees = models.ManyToManyField(
        Participant, blank=True, related_name="+", verbose_name=_("yang hadir")
    )
    notes = models.TextField(_("catatan"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("catatan klinik")
        verbose_name_plural = _("catatan klinik")

    def __str__(self) -> str:
        return str(self.booking)


class ClinicAction(models.Model):
    """An action agreed at a clinic; the next clinic checks whether it was done."""

    class Status(models.TextChoices):
        OPEN = "terbuka", _("Belum diperiksa")
        DONE = "selesai", _("Sudah dikerjakan")
        NOT_DONE = "belum", _("Belum dikerjakan")

    record = models.ForeignKey(ClinicRecord, on_delete=models.CASCADE, related_name="actions")
    what = models.CharField(_("tindak lanjut"), max_length=300)
    owner = models.CharField(_("penanggung jawab"), max_length=200)
    due_date = models.DateField(_("tenggat"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    checked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["record", "due_date", "id"]
        verbose_name = _("tindak lanjut klinik")
        verbose_name_plural = _("tindak lanjut klinik")

    def __str__(self) -> str:
        return self.what
