"""The six stages of the LAN innovation lab (5D + 1), declared once as data."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class StageDefinition:
    code: str
    name: str
    asks: str | Promise  # what the stage asks of each team
    editable: str | Promise  # what a team may still change while the stage is open
    signed_off_by: str  # "coach" or "admin"


STAGES: tuple[StageDefinition, ...] = (
    StageDefinition(
        "drum_up",
        "Drum-up",
        _("Komitmen pimpinan unit, daftar hadir, dan ide awal."),
        _("Komitmen dan ide awal tim."),
        "admin",
    ),
    StageDefinition(
        "diagnose",
        "Diagnose",
        _("Diagnosis kesiapan berinovasi, daftar masalah layanan yang diperingkat, dan ide dari bawah."),
        _("Diagnosis, daftar masalah, dan ide."),
        "coach",
    ),
    StageDefinition(
        "design",
        "Design",
        _("Rancangan inovasi dan rencana aksi dengan tonggak, penanggung jawab, dan tanggal."),
        _("Rancangan inovasi dan rencana aksi."),
        "coach",
    ),
    StageDefinition(
        "deliver",
        "Deliver",
        _("Pelaksanaan rencana aksi: kemajuan per tonggak beserta buktinya."),
        _("Laporan kemajuan dan bukti."),
        "coach",
    ),
    StageDefinition(
        "display",
        "Display",
        _("Bahan pameran (poster, video, paparan) yang dipresentasikan kepala unit di depan juri."),
        _("Bahan pameran."),
        "admin",
    ),
    StageDefinition(
        "documentation",
        "Documentation",
        _("Dokumentasi seluruh proses untuk buku dokumentasi angkatan."),
        _("Naskah dokumentasi."),
        "admin",
    ),
)

STAGE_BY_CODE = {stage.code: stage for stage in STAGES}
STAGE_CHOICES = [(stage.code, stage.name) for stage in STAGES]
