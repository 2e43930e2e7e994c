"""Read an uploaded XLSX or CSV into numbered rows keyed by column, refusing what is not a sheet we can read.

Rows carry the values as the file holds them (text, numbers, dates); turning them into field values, with
row-level messages, is the job of cells.py and the importers.
"""

import csv
import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .cells import Column, Formula, normalize

# The header is looked for in the first rows only: a title or a merged banner may sit above it.
HEADER_SEARCH_ROWS = 20
INSTRUCTIONS_SHEET = "Petunjuk"
FORMULA_TYPES = {"ArrayFormula", "DataTableFormula"}


class ImportFileError(ValidationError):
    """A problem with the whole file: nothing in it is read further."""


@dataclass
class Table:
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    present: set[str] = field(default_factory=set)  # keys of the columns the file has


def max_bytes() -> int:
    return int(settings.IMPORT_MAX_MB) * 1024 * 1024


def max_rows() -> int:
    return int(settings.IMPORT_MAX_ROWS)


def file_format(head: bytes, stream: IO[bytes]) -> str:
    """ "xlsx" or "csv" judged by content; anything else is refused with a message saying what to do."""
    if not head:
        raise ImportFileError(_("Berkas kosong. Pilih berkas XLSX atau CSV yang berisi data."), code="empty")
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(stream) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            names = set()
        finally:
            stream.seek(0)
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "content.xml" in names:
            raise ImportFileError(
                _(
                    "Berkas ODS belum didukung. Simpan sebagai XLSX (Excel 2007-365) atau CSV, lalu "
                    "unggah lagi."
                ),
                code="type",
            )
    elif head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            _("Format Excel lama (.xls) tidak didukung. Simpan sebagai XLSX atau CSV, lalu unggah lagi."),
            code="type",
        )
    elif b"\x00" not in head and not head.startswith((b"%PDF", b"\x89PNG", b"\xff\xd8\xff")):
        return "csv"
    raise ImportFileError(_("Berkas ini bukan spreadsheet. Yang diterima hanya XLSX atau CSV."), code="type")


def check_size(size: int) -> None:
    if size == 0:
        raise ImportFileError(_("Berkas kosong. Pilih berkas XLSX atau CSV yang berisi data."), code="empty")
    if size > max_bytes():
        raise ImportFileError(
            _("Berkas terlalu besar (%(size)s MB). Batasnya %(limit)s MB.")
            % {"size": f"{size / 1024 / 1024:.1f}".replace(".", ","), "limit": settings.IMPORT_MAX_MB},
            code="too_large",
        )


def read_table(stream: IO[bytes], columns: Sequence[Column]) -> Table:
    """The data rows of the file's first sheet, numbered as a spreadsheet program shows them."""
    stream.seek(0, io.SEEK_END)
    check_size(stream.tell())
    stream.seek(0)
    kind = file_format(stream.read(2048), stream)
    stream.seek(0)
    raw = _xlsx_rows(stream) if kind == "xlsx" else _csv_rows(stream)
    return _table(raw, columns)


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _table(raw: Iterator[tuple[int, list[Any]]], columns: Sequence[Column]) -> Table:
    by_header = {normalize(c.header): c for c in columns}
    header: list[Any] | None = None
    first_filled: list[Any] | None = None
    for number, values in raw:
        if all(_is_empty(v) for v in values):
            continue
        first_filled = first_filled or values
        if any(isinstance(v, str) and normalize(v) in by_header for v in values):
            header = values
            break
        if number >= HEADER_SEARCH_ROWS:
            break
    if header is None:
        raise ImportFileError(_header_message(first_filled or [], columns), code="headers")
    keys = _header_keys(header, columns)
    table = Table(present=set(keys.values()))
    limit = max_rows()
    for number, values in raw:
        if all(_is_empty(v) for v in values):
            continue  # blank lines between blocks and the empty rows office programs leave at the end
        row = {key: values[i] for i, key in keys.items() if i < len(values)}
        if all(_is_empty(v) for v in row.values()):
            continue
        table.rows.append((number, row))
        if len(table.rows) > limit:
            # Stop here: a file this long is refused without reading (or keeping) the rest of it.
            raise ImportFileError(
                _(
                    "Berkas berisi lebih dari %(limit)s baris data. "
                    "Bagi menjadi beberapa berkas, lalu unggah satu per satu."
                )
                % {"limit": f"{limit:,}".replace(",", ".")},
                code="too_many_rows",
            )
    if not table.rows:
        raise ImportFileError(_("Berkas tidak berisi baris data di bawah baris judul kolom."), code="no_rows")
    return table


def _header_keys(header: list[Any], columns: Sequence[Column]) -> dict[int, str]:
    """Map column positions to column keys, or refuse listing the missing and the unknown headers."""
    by_header = {normalize(c.header): c for c in columns}
    keys: dict[int, str] = {}
    unknown: list[str] = []
    seen: set[str] = set()
    duplicated: list[str] = []
    for i, value in enumerate(header):
        if _is_empty(value):
            continue
        column = by_header.get(normalize(str(value)))
        if column is None:
            unknown.append(" ".join(str(value).split()))
        elif column.key in seen:
            duplicated.append(column.header)
        else:
            seen.add(column.key)
            keys[i] = column.key
    missing = [c.header for c in columns if c.required and c.key not in seen]
    problems: list[str] = []
    if missing:
        problems.append(_("Kolom wajib tidak ada: %(names)s.") % {"names": ", ".join(missing)})
    if unknown:
        problems.append(_("Kolom tidak dikenal: %(names)s.") % {"names": ", ".join(unknown)})
    if duplicated:
        problems.append(_("Kolom muncul lebih dari sekali: %(names)s.") % {"names": ", ".join(duplicated)})
    if problems:
        problems.append(_("Gunakan judul kolom seperti pada templat."))
        raise ImportFileError(" ".join(problems), code="headers")
    return keys


def _header_message(first: list[Any], columns: Sequence[Column]) -> str:
    expected = ", ".join(c.header for c in columns if c.required)
    return _(
        "Baris judul kolom tidak ditemukan di %(n)s baris pertama. Kolom wajib: %(names)s. "
        "Gunakan judul kolom seperti pada templat."
    ) % {"n": HEADER_SEARCH_ROWS, "names": expected}


def _xlsx_rows(stream: IO[bytes]) -> Iterator[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    try:
        # read_only streams the sheet instead of building it in memory; data_only=False keeps formulas
        # visible as formulas, so they can be refused instead of silently taking a cached value.
        workbook = load_workbook(stream, read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many types for a damaged file
        raise ImportFileError(
            _("Berkas XLSX ini rusak atau tidak dapat dibaca. Buka dan simpan ulang di program spreadsheet."),
            code="damaged",
        ) from error
    try:
        sheets = [ws for ws in workbook.worksheets if ws.title != INSTRUCTIONS_SHEET]
        if not sheets:
            raise ImportFileError(_("Berkas XLSX tidak punya lembar data."), code="no_sheet")
        sheet = sheets[0]
        # Some writers record a wrong sheet size; without it every stored row is read.
        sheet.reset_dimensions()
        for number, cells in enumerate(sheet.iter_rows(), start=1):
            values: list[Any] = []
            for cell in cells:
                value = getattr(cell, "value", None)
                if getattr(cell, "data_type", None) == "f" or type(value).__name__ in FORMULA_TYPES:
                    value = Formula(str(getattr(value, "text", value)))
                values.append(value)
            yield number, values
    finally:
        workbook.close()


def _csv_rows(stream: IO[bytes]) -> Iterator[tuple[int, list[Any]]]:
    data = stream.read()
    try:
        text = data.decode("utf-8-sig")  # with or without the byte order mark Excel writes
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _(
                "Berkas CSV ini tidak berpengodean UTF-8 (mungkin Latin-1/ANSI). Simpan sebagai CSV "
                "UTF-8: "
                'di Excel pilih "CSV UTF-8 (Comma delimited)", '
                'di LibreOffice pilih set karakter "Unicode (UTF-8)".'
            ),
            code="encoding",
        ) from error
    first_line = text.split("\n", 1)[0]
    # Excel in an Indonesian locale writes ";" (the comma is the decimal separator), elsewhere ",".
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        # Numbered by record, as a spreadsheet program shows the file (a quoted cell may span lines).
        yield from enumerate(reader, start=1)
    except csv.Error as error:
        raise ImportFileError(
            _("Berkas CSV tidak dapat dibaca di baris %(row)s: %(error)s")
            % {"row": reader.line_num, "error": error},
            code="csv",
        ) from error
