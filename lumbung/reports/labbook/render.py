"""The documentation book, step two: the Book as a PDF (an HTML template) or as XLSX (a sheet per section)."""

import zoneinfo

from django.utils import timezone
from django.utils.translation import gettext as _

from ..exports.renderers import safe_filename
from ..pdf import render_pdf
from ..xlsx import CellKind, SheetColumn
from .builder import Book, Chapter
from .workbook import Sheet, key_values, sheets_bytes

TEMPLATE = "reports/labbook/book.html"


def book_pdf(book: Book) -> bytes:
    return render_pdf(TEMPLATE, {"book": book, "cohort": book.cohort})


def book_filename(book: Book, fmt: str) -> str:
    return f"buku-dokumentasi-{safe_filename(book.cohort.name)}.{fmt}"


def _yes(value: bool) -> str:
    return _("Ya") if value else _("Tidak")


def _columns(*spec: tuple[str, CellKind, int]) -> list[SheetColumn]:
    return [SheetColumn(title, kind, width) for title, kind, width in spec]


def _front_sheets(book: Book) -> list[Sheet]:
    cohort, f = book.cohort, book.figures
    zone = zoneinfo.ZoneInfo(book.zone)
    cover = key_values(
        _("Sampul"),
        [
            (_("Nama angkatan"), cohort.name),
            (_("Mitra penyelenggara"), cohort.partner),
            (_("Tahun"), cohort.year),
            (_("Tema"), cohort.theme),
            (_("Wilayah"), cohort.region.name),
            (_("Disusun pada"), timezone.localdate(timezone=zone)),
        ],
        value_title=_("Isi"),
    )
    figures = key_values(
        _("Angkatan dalam angka"),
        [
            (_("Tim"), f.teams),
            (_("Peserta"), f.participants),
            (_("Coach"), f.coaches),
            (_("Sesi"), f.sessions),
            (_("Sesi terlaksana"), f.held),
            (_("Kehadiran tercatat"), f.attended),
            (_("Persentase kehadiran"), f.percent),
        ],
        value_title=_("Jumlah"),
    )
    sessions = Sheet(
        _("Kehadiran per sesi"),
        _columns(
            (_("Sesi"), "text", 36),
            (_("Tahap"), "text", 16),
            (_("Tanggal"), "date", 12),
            (_("Jam"), "text", 10),
            (_("Hadir"), "int", 10),
            (_("Peserta"), "int", 10),
            (_("Persentase"), "int", 12),
        ),
        [
            [
                s.title,
                s.stage,
                timezone.localtime(s.starts_at, zone).date(),
                f"{timezone.localtime(s.starts_at, zone):%H.%M}",
                s.present,
                s.enrolled,
                s.percent,
            ]
            for s in book.sessions
        ],
    )
    return [cover, figures, sessions]


def _jury_cells(book: Book, chapter: Chapter) -> list[object]:
    if not book.published:
        return [None, _("belum diumumkan")]
    if chapter.jury is None:
        return [None, _("tidak dinilai")]
    return [chapter.jury.total, chapter.jury.rank]


def _team_sheets(book: Book) -> list[Sheet]:
    chapters = book.chapters
    teams = Sheet(
        _("Tim"),
        _columns(
            (_("Bab"), "int", 6),
            (_("Tim"), "text", 30),
            (_("Unit"), "text", 30),
            (_("Ketua tim"), "text", 24),
            (_("Coach"), "text", 24),
            (_("Anggota"), "int", 10),
            (_("Gagasan terpilih"), "text", 30),
            (_("Nama inovasi"), "text", 30),
            (_("Nilai juri"), "text", 12),
            (_("Peringkat"), "text", 16),
        ),
        [
            [
                c.number,
                c.team.name,
                c.team.unit.name if c.team.unit else None,
                c.team.leader.user.full_name if c.team.leader else None,
                c.team.coach.full_name if c.team.coach else None,
                len(c.members),
                c.chosen.title if c.chosen else None,
                c.design.name if c.design else None,
                *_jury_cells(book, c),
            ]
            for c in chapters
        ],
    )
    members = Sheet(
        _("Anggota"),
        _columns((_("Tim"), "text", 30), (_("Nama"), "text", 30), (_("Unit"), "text", 30)),
        [
            [c.team.name, m.user.full_name, m.unit.name if m.unit else None]
            for c in chapters
            for m in c.members
        ],
    )
    return [teams, members]


def _diagnose_sheets(book: Book) -> list[Sheet]:
    chapters = book.chapters
    problems = Sheet(
        _("Masalah"),
        _columns(
            (_("Tim"), "text", 30),
            (_("Peringkat"), "int", 10),
            (_("Masalah"), "text", 40),
            (_("Uraian"), "text", 50),
            (_("Urgensi"), "int", 9),
            (_("Keseriusan"), "int", 11),
            (_("Perkembangan"), "int", 13),
            (_("Skor USG"), "int", 10),
        ),
        [
            [c.team.name, line.rank, p.title, p.description, p.urgency, p.seriousness, p.growth, p.score]
            for c in chapters
            for line in c.problems
            for p in [line.problem]
        ],
    )
    ideas = Sheet(
        _("Gagasan"),
        _columns(
            (_("Tim"), "text", 30),
            (_("Gagasan"), "text", 40),
            (_("Uraian"), "text", 50),
            (_("Masalah"), "text", 30),
            (_("Pengusul"), "text", 24),
            (_("Terpilih"), "text", 9),
        ),
        [
            [
                c.team.name,
                i.title,
                i.description,
                i.problem.title if i.problem else None,
                i.proposed_by.user.full_name if i.proposed_by else None,
                _yes(i.chosen),
            ]
            for c in chapters
            for i in c.ideas
        ],
    )
    return [problems, ideas]


def _design_sheets(book: Book) -> list[Sheet]:
    designed = [c for c in book.chapters if c.design is not None]
    designs = Sheet(
        _("Rancangan"),
        _columns(
            (_("Tim"), "text", 30),
            (_("Nama inovasi"), "text", 30),
            (_("Bentuk"), "text", 20),
            (_("Jenis"), "text", 14),
            (_("Urusan"), "text", 24),
            (_("Tujuan"), "text", 50),
            (_("Manfaat"), "text", 50),
            (_("Rancang bangun"), "text", 60),
        ),
        [
            [
                c.team.name,
                d.name,
                d.get_form_display(),
                d.get_kind_display(),
                d.main_urusan.name if d.main_urusan else None,
                d.goals,
                d.benefits,
                d.design,
            ]
            for c in designed
            for d in [c.design]
            if d is not None
        ],
    )
    indicators = Sheet(
        _("Indikator"),
        _columns(
            (_("Tim"), "text", 30),
            (_("Indikator"), "text", 36),
            (_("Satuan"), "text", 12),
            (_("Nilai awal"), "int", 12),
            (_("Target"), "int", 12),
            (_("Capaian"), "int", 12),
        ),
        [
            [c.team.name, d.indicator_name, d.indicator_unit, d.baseline, d.target, d.actual]
            for c in designed
            for d in [c.design]
            if d is not None and d.indicator_name
        ],
    )
    return [designs, indicators]


def _deliver_sheets(book: Book) -> list[Sheet]:
    chapters = book.chapters
    plan = Sheet(
        _("Rencana aksi"),
        _columns(
            (_("Tim"), "text", 30),
            (_("No."), "int", 6),
            (_("Kegiatan"), "text", 40),
            (_("Penanggung jawab"), "text", 24),
            (_("Tenggat"), "date", 12),
            (_("Keluaran yang diharapkan"), "text", 36),
            (_("Status"), "text", 14),
            (_("Persen selesai"), "int", 12),
            (_("Terlambat"), "text", 10),
        ),
        [
            [
                c.team.name,
                m.position,
                m.what,
                m.who,
                m.due_date,
                m.expected_output,
                m.get_status_display(),
                m.percent,
                _yes(m.pk in c.overdue),
            ]
            for c in chapters
            for m in c.milestones
        ],
    )
    evidence = Sheet(
        _("Bukti pelaksanaan"),
        _columns(
            (_("Tim"), "text", 30),
            (_("Tonggak"), "text", 36),
            (_("Tanggal"), "date", 12),
            (_("Status"), "text", 14),
            (_("Persen selesai"), "int", 12),
            (_("Berkas"), "text", 30),
            (_("Catatan"), "text", 40),
        ),
        [
            [
                c.team.name,
                e.milestone,
                e.update.reported_on,
                e.update.get_status_display(),
                e.update.percent,
                e.update.evidence.caption or e.update.evidence.original_name if e.update.evidence else None,
                e.update.note,
            ]
            for c in chapters
            for e in c.evidence
        ],
    )
    return [plan, evidence]


def _display_sheets(book: Book) -> list[Sheet]:
    chapters = book.chapters
    entries = Sheet(
        _("Pameran"),
        _columns(
            (_("Tim"), "text", 30),
            (_("Pitch"), "text", 60),
            (_("Tautan video"), "text", 30),
            (_("Nilai juri"), "text", 12),
            (_("Peringkat"), "text", 16),
        ),
        [
            [c.team.name, c.entry.pitch, c.entry.video_url, *_jury_cells(book, c)]
            for c in chapters
            if c.entry is not None
        ],
    )
    photos = Sheet(
        _("Foto"),
        _columns((_("Tim"), "text", 30), (_("Keterangan"), "text", 40), (_("Berkas"), "text", 30)),
        [[c.team.name, p.caption, p.name] for c in chapters for p in c.photos],
    )
    return [entries, photos]


def book_sheets(book: Book) -> list[Sheet]:
    return [
        *_front_sheets(book),
        *_team_sheets(book),
        *_diagnose_sheets(book),
        *_design_sheets(book),
        *_deliver_sheets(book),
        *_display_sheets(book),
    ]


def book_xlsx(book: Book) -> bytes:
    return sheets_bytes(book_sheets(book))
