"""A workbook of several small sheets, written with the cells of lumbung.reports.xlsx.

reports.xlsx streams one big sheet; the dashboard and the book are a handful of short sections, one
sheet each. Cells are typed the same way (every string an inline string, so never a formula); decimal
figures (percentages, indicator values) are written as numbers.
"""

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import IO
from xml.sax.saxutils import quoteattr

from django.utils.translation import gettext as _

from ..xlsx import (
    ROOT_RELS,
    STYLE_HEADER,
    STYLES,
    SheetColumn,
    cell_xml,
    column_letter,
    sheet_name,
    text_cell_xml,
)

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@dataclass(frozen=True)
class Sheet:
    title: str
    columns: Sequence[SheetColumn]
    rows: Sequence[Sequence[object]]


def _value(ref: str, column: SheetColumn, value: object) -> str:
    if isinstance(value, float | Decimal) and not isinstance(value, bool):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return cell_xml(ref, column.kind, value)


def _sheet_xml(sheet: Sheet) -> str:
    letters = [column_letter(i) for i in range(1, len(sheet.columns) + 1)]
    widths = "".join(
        f'<col min="{i}" max="{i}" width="{column.width}" customWidth="1"/>'
        for i, column in enumerate(sheet.columns, 1)
    )
    header = "".join(
        text_cell_xml(f"{letter}1", column.title, STYLE_HEADER)
        for letter, column in zip(letters, sheet.columns, strict=True)
    )
    rows = [f'<row r="1">{header}</row>']
    for number, row in enumerate(sheet.rows, 2):
        cells = "".join(
            _value(f"{letter}{number}", column, value)
            for letter, column, value in zip(letters, sheet.columns, row, strict=True)
        )
        rows.append(f'<row r="{number}">{cells}</row>')
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        "</sheetView></sheetViews>"
        f"<cols>{widths}</cols><sheetData>{''.join(rows)}</sheetData></worksheet>"
    )


def _unique_names(sheets: Sequence[Sheet]) -> list[str]:
    """Excel refuses two sheets of the same name (case-insensitive)."""
    names: list[str] = []
    for sheet in sheets:
        base = name = sheet_name(sheet.title)
        number = 2
        while name.casefold() in {n.casefold() for n in names}:
            suffix = f" ({number})"
            name = base[: 31 - len(suffix)] + suffix
            number += 1
        names.append(name)
    return names


def write_sheets(sheets: Sequence[Sheet], target: IO[bytes]) -> None:
    names = _unique_names(sheets)
    count = len(sheets)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{SHEET_TYPE}"/>'
        for i in range(1, count + 1)
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        f"{overrides}"
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"
    )
    entries = "".join(
        f'<sheet name={quoteattr(name)} sheetId="{i}" r:id="rId{i}"/>' for i, name in enumerate(names, 1)
    )
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'xmlns:r="{DOC_RELS}"><sheets>{entries}</sheets></workbook>'
    )
    relations = "".join(
        f'<Relationship Id="rId{i}" Type="{DOC_RELS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, count + 1)
    )
    workbook_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{RELS_NS}">{relations}'
        f'<Relationship Id="rId{count + 1}" Type="{DOC_RELS}/styles" Target="styles.xml"/></Relationships>'
    )
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=5) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        archive.writestr("xl/styles.xml", STYLES)
        for i, sheet in enumerate(sheets, 1):
            archive.writestr(f"xl/worksheets/sheet{i}.xml", _sheet_xml(sheet))


def sheets_bytes(sheets: Sequence[Sheet]) -> bytes:
    buffer = io.BytesIO()
    write_sheets(sheets, buffer)
    return buffer.getvalue()


def key_values(title: str, pairs: Sequence[tuple[str, object]], *, value_title: str) -> Sheet:
    """A two-column sheet of labelled figures (the cover, the cohort in figures, clinic usage)."""
    return Sheet(
        title, [SheetColumn(_("Keterangan"), "text", 40), SheetColumn(value_title, "text", 40)], pairs
    )
