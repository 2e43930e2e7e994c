"""The cohort dashboard as XLSX: one sheet per section of the page, the same figures."""

import zoneinfo

from django.utils import timezone
from django.utils.translation import gettext as _

from lumbung.labs.dashboard import Dashboard, RateRow

from ..exports.renderers import safe_filename
from ..xlsx import SheetColumn
from .workbook import Sheet, key_values, sheets_bytes


def _rate_sheet(title: str, first: str, rows: list[RateRow]) -> Sheet:
    columns = [
        SheetColumn(first, "text", 30),
        SheetColumn(_("Peserta"), "int", 12),
        SheetColumn(_("Sesi terlaksana"), "int", 16),
        SheetColumn(_("Hadir"), "int", 12),
        SheetColumn(_("Peserta × sesi"), "int", 16),
        SheetColumn(_("Persentase"), "int", 12),
    ]
    return Sheet(
        title,
        columns,
        [[r.label, r.people, r.sessions, r.attended, r.possible, r.percent] for r in rows],
    )


def _funnel_sheet(data: Dashboard) -> Sheet:
    columns = [
        SheetColumn(_("Tahap"), "text", 20),
        SheetColumn(_("Disetujui"), "int", 12),
        SheetColumn(_("Diajukan"), "int", 12),
        SheetColumn(_("Sedang dikerjakan"), "int", 18),
        SheetColumn(_("Belum terbuka"), "int", 15),
        SheetColumn(_("Jumlah tim"), "int", 12),
    ]
    rows = [[r.name, r.approved, r.submitted, r.in_progress, r.not_open, r.teams] for r in data.funnel]
    return Sheet(_("Tahapan"), columns, rows)


def _milestone_sheet(data: Dashboard) -> Sheet:
    columns = [
        SheetColumn(_("Tim"), "text", 34),
        SheetColumn(_("Tonggak"), "int", 12),
        SheetColumn(_("Selesai"), "int", 12),
        SheetColumn(_("Terlambat"), "int", 12),
    ]
    m = data.milestones
    rows: list[list[object]] = [[r.team, r.total, r.done, r.overdue] for r in m.by_team]
    rows.append([_("Jumlah"), m.total, m.done, m.overdue])
    return Sheet(_("Rencana aksi"), columns, rows)


def _jury_sheet(data: Dashboard) -> Sheet:
    j = data.jury
    published_on = None
    if j.publication is not None:
        zone = zoneinfo.ZoneInfo(data.cohort.region.timezone)
        published_on = timezone.localtime(j.publication.published_at, zone).date()
    pairs: list[tuple[str, object]] = [
        (_("Juri"), j.jurors),
        (_("Karya"), j.entries),
        (_("Kriteria"), j.criteria),
        (_("Nilai seharusnya"), j.expected),
        (_("Nilai masuk"), j.scores),
        (_("Persentase"), j.percent),
        (_("Peringkat diumumkan"), _("Ya") if j.published else _("Belum")),
        (_("Diumumkan pada"), published_on),
    ]
    return key_values(_("Penjurian"), pairs, value_title=_("Nilai"))


def dashboard_sheets(data: Dashboard) -> list[Sheet]:
    c = data.clinic
    ideas = Sheet(
        _("Gagasan per jenis unit"),
        [SheetColumn(_("Jenis unit"), "text", 30), SheetColumn(_("Gagasan"), "int", 12)],
        [[row.label, row.ideas] for row in data.ideas.by_kind],
    )
    clinic = key_values(
        _("Klinik"),
        [
            (_("Jadwal klinik"), c.slots),
            (_("Tempat tersedia"), c.places),
            (_("Pemesanan"), c.bookings),
            (_("Pemesanan dibatalkan"), c.cancelled),
            (_("Terlaksana dengan catatan"), c.held),
            (_("Tindak lanjut"), c.actions),
            (_("Tindak lanjut belum selesai"), c.open_actions),
            (_("Tindak lanjut lewat tenggat"), c.overdue_actions),
        ],
        value_title=_("Jumlah"),
    )
    attendance = data.attendance
    return [
        _funnel_sheet(data),
        _rate_sheet(_("Kehadiran per tahap"), _("Tahap"), [*attendance.by_stage, attendance.total]),
        _rate_sheet(_("Kehadiran per jenis unit"), _("Jenis unit"), attendance.by_kind),
        ideas,
        _milestone_sheet(data),
        clinic,
        _jury_sheet(data),
    ]


def dashboard_xlsx(data: Dashboard) -> bytes:
    return sheets_bytes(dashboard_sheets(data))


def dashboard_filename(data: Dashboard) -> str:
    return f"dasbor-{safe_filename(data.cohort.name)}-{data.today.isoformat()}.xlsx"
