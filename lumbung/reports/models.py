from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def import_upload_path(instance: "ImportBatch", filename: str) -> str:
    # The uploaded name is kept only as metadata (original_name), never used as a path.
    return f"imports/{instance.region_id}/{instance.token}{instance.extension}"


class ImportBatch(models.Model):
    """One uploaded spreadsheet: checked row by row, previewed, then written at once when confirmed."""

    class Kind(models.TextChoices):
        UNITS = "units", pgettext_lazy("import kind", "Unit")
        PEOPLE = "people", _("Orang")
        INNOVATIONS = "innovations", _("Inovasi")
        PARTICIPANTS = "participants", _("Peserta lab")
        ANSWERS = "answers", _("Jawaban indeks")

    class State(models.TextChoices):
        CHECKING = "checking", _("Sedang diperiksa")
        READY = "ready", _("Siap diimpor")
        INVALID = "invalid", _("Ada kesalahan")
        WRITING = "writing", _("Sedang ditulis")
        DONE = "done", _("Selesai diimpor")

    kind = models.CharField(_("jenis impor"), max_length=12, choices=Kind.choices)
    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+")
    # The lab cohort a participants import enrols into; empty for the other kinds.
    cohort = models.ForeignKey(
        "labs.Cohort", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    token = models.CharField(max_length=32, unique=True)
    file = models.FileField(upload_to=import_upload_path, max_length=300)
    extension = models.CharField(max_length=8)
    original_name = models.CharField(_("nama berkas"), max_length=255)
    state = models.CharField(_("status"), max_length=10, choices=State.choices, default=State.CHECKING)
    total_rows = models.PositiveIntegerField(default=0)
    to_create = models.PositiveIntegerField(default=0)
    to_update = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    # [{"row": 5, "column": "Unit", "message": "..."}]; row is null for a problem with the whole file.
    errors = models.JSONField(default=list, blank=True)
    # All errors found; only the first MAX_STORED_ERRORS are kept in `errors`.
    error_count = models.PositiveIntegerField(default=0)
    check_job = models.ForeignKey(
        "jobs.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    write_job = models.ForeignKey(
        "jobs.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    written_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("impor")
        verbose_name_plural = _("impor")
        indexes = [models.Index(fields=["region", "created_by", "-created_at"], name="import_mine")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.original_name}"

    @property
    def file_error(self) -> str:
        """A problem with the whole file (not a spreadsheet, wrong headers), if any."""
        return "\n".join(e["message"] for e in self.errors if e.get("row") is None)

    @property
    def row_errors(self) -> list[dict[str, object]]:
        return [e for e in self.errors if e.get("row") is not None]
