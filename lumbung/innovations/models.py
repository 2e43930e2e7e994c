from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lumbung.core.models import TimeStampedModel
from lumbung.regions.models import Region, Unit, Urusan


class Status(models.TextChoices):
    """States of the validation chain; the allowed moves are in workflow.py."""

    DRAFT = "draft", _("Draf")
    SUBMITTED = "diajukan", _("Diajukan")
    IN_VALIDATION = "sedang_divalidasi", _("Sedang divalidasi")
    NEEDS_REVISION = "perlu_revisi", _("Perlu revisi")
    APPROVED = "disetujui", _("Disetujui")
    READY = "siap_kirim", _("Siap kirim")
    SENT = "terkirim", _("Terkirim")


class Stage(models.TextChoices):
    INITIATIVE = "inisiatif", _("Inisiatif")
    TRIAL = "uji_coba", _("Uji coba")
    IMPLEMENTATION = "penerapan", _("Penerapan")


class Initiator(models.TextChoices):
    HEAD_OF_REGION = "kepala_daerah", _("Kepala daerah")
    COUNCIL_MEMBER = "anggota_dprd", _("Anggota DPRD")
    UNIT = "opd", _("OPD")
    CIVIL_SERVANT = "asn", _("ASN")
    CITIZEN = "masyarakat", _("Masyarakat")


class Kind(models.TextChoices):
    DIGITAL = "digital", _("Digital")
    NON_DIGITAL = "non_digital", _("Non digital")


class Form(models.TextChoices):
    GOVERNANCE = "tata_kelola", _("Inovasi tata kelola pemerintahan daerah")
    PUBLIC_SERVICE = "pelayanan_publik", _("Inovasi pelayanan publik")
    OTHER = "lainnya", _("Inovasi daerah lainnya sesuai urusan pemerintahan")


class Theme(models.Model):
    """A tematik of the index; each edition has its own list, so themes carry the years they apply to."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    first_year = models.PositiveSmallIntegerField(_("berlaku sejak"))
    last_year = models.PositiveSmallIntegerField(_("berlaku sampai"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("tematik")
        verbose_name_plural = _("tematik")

    def __str__(self) -> str:
        return self.name


class Innovation(TimeStampedModel):
    """The lasting identity of an innovation; its profile is reported per year in InnovationVersion."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="innovations")
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="innovations", verbose_name=_("unit")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Set by the region's admin: only a published innovation appears anywhere public (and in search).
    published_at = models.DateTimeField(_("dipublikasikan pada"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("inovasi")
        verbose_name_plural = _("inovasi")
        indexes = [models.Index(fields=["region", "unit"])]

    def __str__(self) -> str:
        return f"Inovasi #{self.pk}"


class InnovationVersion(models.Model):
    """One year's report of an innovation: the profile the national portal asks for, and its state."""

    innovation = models.ForeignKey(Innovation, on_delete=models.CASCADE, related_name="versions")
    # A copy of innovation.region (which never changes): lists filter and sort versions within a region,
    # and one index on the version answers that without a join (see benchmarks/README.md).
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", editable=False)
    year = models.PositiveSmallIntegerField(_("tahun"))
    # The newest year of each innovation; lists show these unless a year is chosen.
    is_current = models.BooleanField(default=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    # Bumped by every save and move; a form posts the revision it was loaded at (no lost updates).
    revision = models.PositiveIntegerField(default=1)

    name = models.CharField(_("nama inovasi"), max_length=200)
    stage = models.CharField(_("tahapan"), max_length=12, choices=Stage.choices, default=Stage.INITIATIVE)
    initiator = models.CharField(
        _("inisiator"), max_length=15, choices=Initiator.choices, default=Initiator.UNIT
    )
    initiator_name = models.CharField(_("nama inisiator"), max_length=200, blank=True)
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices, default=Kind.NON_DIGITAL)
    form = models.CharField(_("bentuk"), max_length=20, choices=Form.choices, default=Form.PUBLIC_SERVICE)
    theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("tematik")
    )
    main_urusan = models.ForeignKey(
        Urusan,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("urusan utama"),
    )
    other_urusan = models.ManyToManyField(
        Urusan, blank=True, related_name="+", verbose_name=_("urusan irisan")
    )
    trial_date = models.DateField(_("waktu uji coba"), null=True, blank=True)
    implementation_date = models.DateField(_("waktu penerapan"), null=True, blank=True)
    design = models.TextField(_("rancang bangun dan pokok perubahan"), blank=True)
    goals = models.TextField(_("tujuan"), blank=True)
    benefits = models.TextField(_("manfaat"), blank=True)
    results = models.TextField(_("hasil inovasi"), blank=True)
    latitude = models.DecimalField(_("lintang"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("bujur"), max_digits=9, decimal_places=6, null=True, blank=True)
    budget = models.PositiveBigIntegerField(_("anggaran (Rp)"), null=True, blank=True)
    video_url = models.URLField(_("tautan video"), blank=True)
    developed_since = models.TextField(_("pengembangan sejak tahun lalu"), blank=True)
    # Verifier's notes per field when the version is returned for revision.
    revision_notes = models.JSONField(default=dict, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("versi inovasi")
        verbose_name_plural = _("versi inovasi")
        constraints = [
            models.UniqueConstraint(fields=["innovation", "year"], name="version_unique_year"),
            models.UniqueConstraint(
                fields=["innovation"], condition=models.Q(is_current=True), name="version_one_current"
            ),
        ]
        indexes = [
            # Partial indexes: the ORM writes "WHERE is_current", which only a partial index can serve.
            models.Index(
                fields=["region", "-updated_at", "-id"],
                condition=models.Q(is_current=True),
                name="version_region_current",
            ),
            models.Index(fields=["region", "year", "-updated_at", "-id"], name="version_region_year"),
            models.Index(
                fields=["-updated_at", "-id"],
                condition=models.Q(is_current=True),
                name="version_current_recent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"

    @property
    def design_word_count(self) -> int:
        return len(self.design.split())

    @property
    def registration_number(self) -> str:
        """The number a region files the profile under: "INOV/73.72/2023/000123" (region, year, innovation).

        Built from the innovation's id, not the version's, so the yearly reports of one innovation share
        its tail and a clerk can match them."""
        return f"INOV/{self.region.code}/{self.year}/{self.innovation_id:06d}"


class TeamMember(models.Model):
    version = models.ForeignKey(InnovationVersion, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # For people outside the system (a university partner, a community leader).
    name = models.CharField(_("nama"), max_length=150, blank=True)
    role = models.CharField(_("peran dalam tim"), max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | ~models.Q(name=""), name="team_member_has_someone"
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.user.full_name if self.user else self.name


def attachment_path(instance: "Attachment", filename: str) -> str:
    # Stored under its content hash: the uploaded name is kept only as metadata, never used as a path.
    digest = instance.sha256
    return f"innovations/{instance.version.innovation_id}/{digest[:2]}/{digest}{instance.extension}"


class Attachment(models.Model):
    class Kind(models.TextChoices):
        BUDGET = "anggaran", _("Anggaran")
        BUSINESS_PROFILE = "profil_bisnis", _("Profil bisnis")
        IP = "haki", _("HAKI")
        AWARD = "penghargaan", _("Penghargaan")
        PHOTO = "foto", _("Foto")
        OTHER = "lainnya", _("Lainnya")

    version = models.ForeignKey(InnovationVersion, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("jenis lampiran"), max_length=15, choices=Kind.choices)
    caption = models.CharField(_("keterangan"), max_length=200)
    file = models.FileField(upload_to=attachment_path, max_length=300)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    extension = models.CharField(max_length=8)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "id"]

    def __str__(self) -> str:
        return self.caption


class Transition(models.Model):
    """Append-only history of the validation chain."""

    version = models.ForeignKey(InnovationVersion, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=20, choices=Status.choices)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)
    field_notes = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class AuditEntry(models.Model):
    """Append-only record of one changed field of a version."""

    version = models.ForeignKey(InnovationVersion, on_delete=models.CASCADE, related_name="audit_entries")
    revision = models.PositiveIntegerField()
    field = models.CharField(max_length=40)
    old_value = models.TextField(blank=True)
    new_value = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["version", "revision"])]

    def __str__(self) -> str:
        return f"{self.field} (revisi {self.revision})"


class SearchDocument(models.Model):
    """The indexed text of one published innovation (its current version), written by search.index_refresh.

    The terms are already folded and stemmed (lumbung.core.text); the database's full-text index sits
    beside this table: an FTS5 table on SQLite, a generated tsvector column on PostgreSQL (migration 0003).
    """

    innovation = models.OneToOneField(
        Innovation, primary_key=True, on_delete=models.CASCADE, related_name="search_document"
    )
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    name_terms = models.TextField()
    body_terms = models.TextField()
    # The raw text the highlighted snippet is cut from.
    snippet_source = models.TextField()
    indexed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Dokumen pencarian inovasi #{self.innovation_id}"
