"""The downloadable template of an import: headers, one example row, and a sheet explaining each column."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from lumbung.regions.models import Region, Unit

from .base import Importer
from .cells import DATE_FORMATS_HELP
from .reading import INSTRUCTIONS_SHEET

DATE_KEYS = {"trial_date", "implementation_date"}
TEXT_KEYS = {"nip", "head_nip"}  # kept as text so the 18 digits survive a spreadsheet program


def build_template(importer: type[Importer], region: Region) -> bytes:
    workbook = Workbook()
    data = workbook.active
    assert data is not None
    data.title = "Data"
    bold = Font(bold=True)
    for col, column in enumerate(importer.columns, start=1):
        header = data.cell(row=1, column=col, value=column.header)
        header.font = bold
        example = data.cell(row=2, column=col, value=column.example if column.example != "" else None)
        if column.key in TEXT_KEYS:
            example.number_format = "@"
        data.column_dimensions[header.column_letter].width = max(14, len(column.header) + 4)
    data.freeze_panes = "A2"

    notes = workbook.create_sheet(INSTRUCTIONS_SHEET)
    notes.append([_("Kolom"), _("Wajib"), _("Keterangan"), _("Nilai yang diizinkan")])
    for cell in notes[1]:
        cell.font = bold
    units = ", ".join(u.label for u in Unit.objects.filter(region=region, is_active=True))
    for column in importer.columns:
        help_text = str(column.help)
        if column.key in DATE_KEYS:
            help_text = f"{help_text} {DATE_FORMATS_HELP}"
        allowed = "; ".join(column.allowed()) if column.allowed else ""
        if column.key in {"unit", "parent"}:
            allowed = units
        notes.append([column.header, _("Ya") if column.required else _("Tidak"), help_text, allowed])
    notes.append([])
    for line in (
        _("Baris 2 lembar Data adalah contoh: hapus atau timpa sebelum mengimpor."),
        _("Satu baris satu data. Judul kolom tidak boleh diubah; kolom yang tidak wajib boleh dihapus."),
        _("Sel kosong pada data yang sudah ada berarti nilainya tidak diubah."),
        _("Jangan gunakan rumus: salin lalu tempel sebagai nilai saja."),
        _("Berkas CSV harus UTF-8, dipisah titik koma (;) atau koma (,)."),
    ):
        notes.append([line])
    notes.column_dimensions["A"].width = 22
    notes.column_dimensions["B"].width = 8
    notes.column_dimensions["C"].width = 70
    notes.column_dimensions["D"].width = 70
    for row in notes.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
