from typing import Any

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lumbung.core.validators import validate_nip
from lumbung.regions.models import Region, Unit


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> "User":
        if not email:
            raise ValueError("Email wajib diisi.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    class Language(models.TextChoices):
        INDONESIAN = "id", "Bahasa Indonesia"
        ENGLISH = "en", "English"

    email = models.EmailField(_("email"), unique=True)
    full_name = models.CharField(_("nama lengkap"), max_length=150)
    nip = models.CharField(_("NIP"), max_length=18, blank=True, validators=[validate_nip])
    phone = models.CharField(_("telepon"), max_length=20, blank=True)
    language = models.CharField(
        _("bahasa"), max_length=5, choices=Language.choices, default=Language.INDONESIAN
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Role(models.TextChoices):
    ADMIN = "admin", _("Admin")
    INNOVATOR = "innovator", _("Inovator")
    VERIFIER = "verifier", _("Verifikator")
    COACH = "coach", _("Coach")
    JURY = "jury", _("Juri")
    LEADER = "leader", _("Pimpinan")
    OBSERVER = "observer", _("Pengamat")


class Membership(models.Model):
    """What a user may do in one region, optionally limited to one unit."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("unit"),
    )
    role = models.CharField(_("peran"), max_length=12, choices=Role.choices)
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("keanggotaan")
        verbose_name_plural = _("keanggotaan")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "region", "unit", "role"],
                condition=models.Q(unit__isnull=False),
                name="membership_unique_in_unit",
            ),
            models.UniqueConstraint(
                fields=["user", "region", "role"],
                condition=models.Q(unit__isnull=True),
                name="membership_unique_in_region",
            ),
            models.CheckConstraint(
                condition=~models.Q(role="innovator") | models.Q(unit__isnull=False),
                name="membership_innovator_has_unit",
            ),
        ]
        indexes = [models.Index(fields=["region", "role"])]

    def __str__(self) -> str:
        where = self.unit.label if self.unit_id and self.unit else self.region.name
        return f"{self.get_role_display()} · {where}"
