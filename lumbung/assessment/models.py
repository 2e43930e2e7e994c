"""The regional innovation index (IID): editions as data, the region's answers with evidence, and scores.

Every rule of an edition (weights, options, the divisor floor, the quantity score, thresholds, the
eligibility window) is a row or a field here, never a constant in code: the index changes every year.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lumbung.innovations.models import InnovationVersion
from lumbung.regions.models import Region


class Aspect(models.TextChoices):
    SPD = "spd", _("SPD (satuan pemerintah daerah)")
    SID = "sid", _("SID (satuan inovasi daerah)")


class Category(models.TextChoices):
    VERY_INNOVATIVE = "sangat_inovatif", _("Sangat Inovatif")
    INNOVATIVE = "inovatif", _("Inovatif")
    LESS_INNOVATIVE = "kurang_inovatif", _("Kurang Inovatif")
    NOT_ASSESSABLE = "tidak_dapat_dinilai", _("Tidak Dapat Dinilai")


class Projection(models.TextChoices):
    CLAIMED = "claimed", _("Klaim unit")
    VERIFIED = "verified", _("Terverifikasi")


class Edition(models.Model):
    """One year's edition of the index: its indicators (rows below) and its rules (fields here)."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draf")
        PUBLISHED = "published", _("Terbit")

    year = models.PositiveSmallIntegerField(_("tahun penilaian"), unique=True)
    name = models.CharField(_("nama"), max_length=200)
    source = models.TextField(
        _("sumber"), blank=True, help_text=_("Dasar hukum atau dokumen asal edisi ini.")
    )
    third_party = models.BooleanField(
        _("disusun dari sumber pihak ketiga"),
        default=False,
        help_text=_("Dicentang bila isinya disusun dari implementasi daerah lain, bukan dari dokumen resmi."),
    )
    notes = models.TextField(_("catatan"), blank=True)
    state = models.CharField(_("status"), max_length=10, choices=State.choices, default=State.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cloned_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    # The rules.
    max_total = models.DecimalField(_("nilai total maksimum"), max_digits=7, decimal_places=2)
    divisor_floor = models.PositiveSmallIntegerField(
        _("pembagi minimum (k)"), help_text=_("Rata-rata kematangan dibagi MAX(k, jumlah inovasi).")
    )
    quantity_factor = models.DecimalField(
        _("skor per inovasi"), max_digits=6, decimal_places=4, help_text=_("Skor Jumlah Inovasi per inovasi.")
    )
    quantity_cap = models.PositiveIntegerField(_("batas jumlah inovasi yang dihitung"))
    coverage_required = models.PositiveSmallIntegerField(
        _("urusan pelayanan dasar yang harus tercakup"),
        help_text=_(
            "Skor Jumlah Inovasi 0 bila inovasi mencakup lebih sedikit urusan pelayanan dasar dari ini."
        ),
    )
    coverage_counts_other_urusan = models.BooleanField(_("urusan irisan ikut dihitung"), default=False)
    very_innovative_min = models.DecimalField(
        _("batas bawah Sangat Inovatif"), max_digits=5, decimal_places=2
    )
    innovative_min = models.DecimalField(_("batas bawah Inovatif"), max_digits=5, decimal_places=2)
    eligibility_start = models.DateField(_("awal jendela penerapan"), null=True, blank=True)
    eligibility_end = models.DateField(_("akhir jendela penerapan"), null=True, blank=True)
    min_design_words = models.PositiveSmallIntegerField(_("minimal kata rancang bangun"), default=300)
    # When the national reporting window closes; readiness reminders count down to it.
    reporting_deadline = models.DateField(_("batas pelaporan nasional"), null=True, blank=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("edisi indeks")
        verbose_name_plural = _("edisi indeks")

    def __str__(self) -> str:
        return self.name

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED


class Indicator(models.Model):
    """One indicator row: weight × the level of the chosen option (0 without an answer or evidence)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="indicators")
    aspect = models.CharField(_("aspek"), max_length=3, choices=Aspect.choices)
    number = models.CharField(_("nomor"), max_length=6)  # "1", "5a", "33"
    position = models.PositiveSmallIntegerField()
    variable = models.CharField(_("variabel"), max_length=100)
    name = models.CharField(_("indikator"), max_length=200)
    weight = models.DecimalField(_("bobot"), max_digits=5, decimal_places=2)
    mandatory = models.BooleanField(_("wajib"), default=False)
    evidence = models.TextField(_("bukti dukung yang lazim"), blank=True)

    class Meta:
        ordering = ["edition", "position"]
        verbose_name = _("indikator")
        verbose_name_plural = _("indikator")
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="indicator_unique_number"),
            models.UniqueConstraint(fields=["edition", "position"], name="indicator_unique_position"),
            models.CheckConstraint(condition=models.Q(weight__gt=0), name="indicator_weight_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class Basis(models.Model):
    """An alternative measurement basis of an indicator (indicator 33: six ways to show benefit)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="bases")
    code = models.CharField(_("kode"), max_length=2)  # "a" … "f"
    name = models.CharField(_("dasar pengukuran"), max_length=200)

    class Meta:
        ordering = ["indicator", "code"]
        constraints = [models.UniqueConstraint(fields=["indicator", "code"], name="basis_unique_code")]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"


class Option(models.Model):
    """One of the three options of an indicator (or of one of its bases), giving level 1, 2 or 3."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="options")
    basis = models.ForeignKey(Basis, null=True, blank=True, on_delete=models.CASCADE, related_name="options")
    level = models.PositiveSmallIntegerField(_("level"))
    text = models.CharField(_("pilihan"), max_length=300)

    class Meta:
        ordering = ["indicator", "basis__code", "level"]
        constraints = [
            # Two conditional constraints rather than nulls_distinct=False, which SQLite cannot enforce.
            models.UniqueConstraint(
                fields=["indicator", "level"],
                condition=models.Q(basis__isnull=True),
                name="option_unique_level",
            ),
            models.UniqueConstraint(
                fields=["basis", "level"],
                condition=models.Q(basis__isnull=False),
                name="option_unique_basis_level",
            ),
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=3), name="option_level_1_to_3"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.level}: {self.text}"


class VerificationState(models.TextChoices):
    UNVERIFIED = "belum", _("Belum diverifikasi")
    VERIFIED = "terverifikasi", _("Terverifikasi")
    REJECTED = "ditolak", _("Ditolak")


class Answer(models.Model):
    """The region's answer to one indicator: for SPD once, for SID once per innovation version.

    Level 0 means "not fulfilled". Changing the level, the basis or the evidence resets verification.
    """

    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="answers")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="answers")
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    # The innovation's report for the edition's year; empty for an SPD answer.
    version = models.ForeignKey(
        InnovationVersion, null=True, blank=True, on_delete=models.CASCADE, related_name="index_answers"
    )
    level = models.PositiveSmallIntegerField(_("level"))
    basis = models.ForeignKey(Basis, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(_("keterangan"), blank=True)
    verification = models.CharField(
        _("verifikasi"),
        max_length=15,
        choices=VerificationState.choices,
        default=VerificationState.UNVERIFIED,
    )
    verifier_note = models.TextField(_("catatan verifikator"), blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    # Bumped by every change; a form posts the revision it was loaded at (no lost updates).
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["edition", "region", "version", "indicator__position"]
        verbose_name = _("jawaban indikator")
        verbose_name_plural = _("jawaban indikator")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "region"],
                condition=models.Q(version__isnull=True),
                name="answer_spd_once",
            ),
            models.UniqueConstraint(
                fields=["indicator", "version"],
                condition=models.Q(version__isnull=False),
                name="answer_sid_once",
            ),
            models.CheckConstraint(
                condition=models.Q(level__gte=0, level__lte=3), name="answer_level_0_to_3"
            ),
        ]
        indexes = [models.Index(fields=["region", "edition"])]

    def __str__(self) -> str:
        return f"{self.indicator.number}: {self.level}"


def evidence_path(instance: "Evidence", filename: str) -> str:
    return f"iid/bukti/{instance.sha256[:2]}/{instance.sha256}-{filename}"


class Evidence(models.Model):
    """A piece of evidence (bukti dukung) for an answer: an uploaded file or a link."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="evidence")
    url = models.URLField(_("tautan"), max_length=500, blank=True)
    file = models.FileField(upload_to=evidence_path, max_length=300, blank=True)
    original_name = models.CharField(_("nama berkas"), max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["answer", "id"]
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(url="") | ~models.Q(file=""), name="evidence_has_file_or_link"
            )
        ]

    def __str__(self) -> str:
        return self.original_name or self.url


class Score(models.Model):
    """A computed index of a region for a year and a projection, with the edition it used."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="scores")
    projection = models.CharField(_("proyeksi"), max_length=10, choices=Projection.choices)
    innovations = models.PositiveIntegerField(_("jumlah inovasi"))
    spd = models.DecimalField(max_digits=8, decimal_places=2)
    sid = models.DecimalField(max_digits=8, decimal_places=2)
    quantity_score = models.DecimalField(max_digits=8, decimal_places=2)
    total = models.DecimalField(max_digits=8, decimal_places=2)
    iid = models.DecimalField(_("IID"), max_digits=5, decimal_places=2)
    category = models.CharField(_("kategori"), max_length=20, choices=Category.choices)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["region", "-edition__year", "projection"]
        verbose_name = _("skor indeks")
        verbose_name_plural = _("skor indeks")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "edition", "projection"], name="score_unique_per_projection"
            )
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.edition.year} {self.projection}: {self.iid}"


class NationalAverage(models.Model):
    """The national average IID of a year, entered as data when the ministry publishes it."""

    year = models.PositiveSmallIntegerField(_("tahun"), unique=True)
    value = models.DecimalField(_("rata-rata nasional"), max_digits=5, decimal_places=2)
    source = models.CharField(_("sumber"), max_length=300, blank=True)

    class Meta:
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}: {self.value}"
