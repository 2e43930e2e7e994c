"""A small streaming XLSX writer: one sheet, text, whole numbers, dates and Rupiah, in constant memory.

openpyxl wrote 100,000 rows in 20 s (it builds an object per cell); writing the SpreadsheetML parts
directly takes a fraction of that. It writes only what exports need, and by construction never a formula:
every string is an inline string (`t="inlineStr"`), which Excel and LibreOffice show as text.
Files are read back with openpyxl in the tests, as an independent reader.
"""

import datetime as dt
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import IO, Literal
from xml.sax.saxutils import escape, quoteattr

from lumbung.core.formatting import XML_ILLEGAL

CellKind = Literal["text", "int", "money", "date", "url"]
MAX_CELL = 32_767  # Excel refuses longer cells
EPOCH = dt.date(1899, 12, 30)  # serial day 0 in Excel's 1900 date system
# Style indexes into cellXfs below.
STYLE_HEADER, STYLE_DATE, STYLE_MONEY = 1, 2, 3
FLUSH_ROWS = 500


@dataclass(frozen=True)
class SheetColumn:
    title: str
    kind: CellKind = "text"
    width: int = 20


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/></Relationships>'
)
STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def text_cell_xml(ref: str, value: str, style: int = 0) -> str:
    """One text cell: never a formula, characters XML cannot carry dropped, cut to Excel's limit."""
    value = XML_ILLEGAL.sub("", value)[:MAX_CELL]
    styled = f' s="{style}"' if style else ""
    return f'<c r="{ref}"{styled} t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'


def cell_xml(ref: str, kind: CellKind, value: object) -> str:
    """One cell of a column's kind (the one way every Lumbung workbook writes a value)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return text_cell_xml(ref, value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="{STYLE_DATE}"><v>{(value - EPOCH).days}</v></c>'
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, int):
        style = f' s="{STYLE_MONEY}"' if kind == "money" else ""
        return f'<c r="{ref}"{style}><v>{value}</v></c>'
    return text_cell_xml(ref, str(value))


def sheet_name(title: str) -> str:
    """Excel's rules for a sheet name: at most 31 characters, none of []:*?/\\."""
    cleaned = re.sub(r"[\[\]:*?/\\]", " ", title).strip()[:31]
    return cleaned or "Data"


def write_workbook(
    columns: Sequence[SheetColumn],
    rows: Iterable[Sequence[object]],
    target: IO[bytes],
    *,
    title: str,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write a one-sheet workbook (bold, frozen header; typed cells) to target; return the data rows."""
    letters = [column_letter(i) for i in range(1, len(columns) + 1)]
    kinds = [column.kind for column in columns]
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name={quoteattr(sheet_name(title))} sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    count = 0
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=5) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/styles.xml", STYLES)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            widths = "".join(
                f'<col min="{i}" max="{i}" width="{column.width}" customWidth="1"/>'
                for i, column in enumerate(columns, 1)
            )
            header = "".join(
                text_cell_xml(f"{letter}1", column.title, STYLE_HEADER)
                for letter, column in zip(letters, columns, strict=True)
            )
            sheet.write(
                (
                    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                    '<sheetViews><sheetView workbookViewId="0">'
                    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                    "</sheetView></sheetViews>"
                    f"<cols>{widths}</cols><sheetData>"
                    f'<row r="1">{header}</row>'
                ).encode()
            )
            buffer: list[str] = []
            for row in rows:
                count += 1
                number = count + 1
                cells = "".join(
                    cell_xml(f"{letter}{number}", kind, value)
                    for letter, kind, value in zip(letters, kinds, row, strict=True)
                )
                buffer.append(f'<row r="{number}">{cells}</row>')
                if len(buffer) >= FLUSH_ROWS:
                    sheet.write("".join(buffer).encode())
                    buffer.clear()
                if progress:
                    progress(count)
            sheet.write(("".join(buffer) + "</sheetData></worksheet>").encode())
    return count
