from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lumbung.core.models import TimeStampedModel
from lumbung.core.validators import validate_nip


class TimeZone(models.TextChoices):
    WIB = "Asia/Jakarta", "WIB"
    WITA = "Asia/Makassar", "WITA"
    WIT = "Asia/Jayapura", "WIT"


class Region(TimeStampedModel):
    """A regional government (pemda): the tenant every record belongs to."""

    class Kind(models.TextChoices):
        NATION = "nation", _("Nasional")
        PROVINCE = "province", _("Provinsi")
        KABUPATEN = "kabupaten", _("Kabupaten")
        KOTA = "kota", _("Kota")

    code = models.CharField(
        _("kode Kemendagri"),
        max_length=13,
        unique=True,
        validators=[
            RegexValidator(r"^(\d{2}(\.\d{2})?|00)$", _("Kode wilayah harus seperti 73 atau 73.72."))
        ],
    )
    name = models.CharField(_("nama"), max_length=120)
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    timezone = models.CharField(
        _("zona waktu"), max_length=20, choices=TimeZone.choices, default=TimeZone.WIB
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")

    def __str__(self) -> str:
        return self.name

    @property
    def timezone_label(self) -> str:
        return TimeZone(self.timezone).label


class Urusan(models.Model):
    """An urusan pemerintahan (UU 23/2014), reference data loaded by migration."""

    class Category(models.TextChoices):
        BASIC_SERVICE = "wajib_dasar", _("Wajib, pelayanan dasar")
        MANDATORY = "wajib_non_dasar", _("Wajib, bukan pelayanan dasar")
        OPTIONAL = "pilihan", _("Pilihan")
        SUPPORTING = "penunjang", _("Fungsi penunjang")

    name = models.CharField(_("nama"), max_length=120, unique=True)
    category = models.CharField(_("kategori"), max_length=20, choices=Category.choices)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("urusan")
        verbose_name_plural = _("urusan")

    def __str__(self) -> str:
        return self.name

    @property
    def is_basic_service(self) -> bool:
        return self.category == self.Category.BASIC_SERVICE


class Unit(TimeStampedModel):
    """A unit of a regional government (perangkat daerah and below)."""

    class Kind(models.TextChoices):
        SEKRETARIAT_DAERAH = "sekretariat_daerah", _("Sekretariat Daerah")
        BAGIAN = "bagian", _("Bagian")
        SEKRETARIAT_DPRD = "sekretariat_dprd", _("Sekretariat DPRD")
        INSPEKTORAT = "inspektorat", _("Inspektorat")
        DINAS = "dinas", _("Dinas")
        BADAN = "badan", _("Badan")
        KANTOR = "kantor", _("Kantor")
        KECAMATAN = "kecamatan", _("Kecamatan")
        KELURAHAN = "kelurahan", _("Kelurahan")
        DESA = "desa", _("Desa")
        PUSKESMAS = "puskesmas", _("Puskesmas")
        RSUD = "rsud", _("RSUD")
        UPTD = "uptd", _("UPTD")
        SEKOLAH = "sekolah", _("Sekolah")
        BUMD = "bumd", _("BUMD")

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="units")
    name = models.CharField(_("nama"), max_length=200)
    short_name = models.CharField(_("nama singkat"), max_length=60, blank=True)
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("induk"),
    )
    head_name = models.CharField(_("nama kepala"), max_length=200, blank=True)
    head_nip = models.CharField(_("NIP kepala"), max_length=18, blank=True, validators=[validate_nip])
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("unit")
        verbose_name_plural = _("unit")
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="unit_unique_name_per_region")]
        indexes = [models.Index(fields=["region", "kind"])]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        return self.short_name or self.name
