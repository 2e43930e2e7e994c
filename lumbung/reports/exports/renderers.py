"""Exports, step two: rows into files. XLSX (lumbung.reports.xlsx) and CSV, both in constant memory.

Nothing a user typed ever becomes a formula. In XLSX every string is an inline string, which Excel never
evaluates. In CSV there is no type, so the OWASP rule applies: a value starting with = + - @ (or a tab /
carriage return) gets a leading apostrophe.
"""

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from typing import IO

from django.utils import timezone

from ..xlsx import SheetColumn, write_workbook
from .builders import Column, Row, Value

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
# Indonesian Excel uses the comma as its decimal mark, so it splits CSV on semicolons: a comma-separated
# file opens as one column there. The BOM tells Excel the file is UTF-8 (names with é, ’ or Arabic script).
CSV_DELIMITER = ";"
CSV_BOM = "\ufeff"
CSV_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Excel refuses longer cells; a rancang bangun never comes close, but a pasted document could.
XLSX_MAX_CELL = 32_767
DATE_FORMAT = "dd/mm/yyyy"
RUPIAH_FORMAT = "#,##0"

Progress = Callable[[int], None]


def write_xlsx(
    columns: list[Column],
    rows: Iterable[Row],
    target: IO[bytes],
    *,
    title: str,
    progress: Progress | None = None,
) -> int:
    """Write a one-sheet workbook to target; return the number of data rows."""
    sheet_columns = [SheetColumn(column.title, column.kind, column.width) for column in columns]
    return write_workbook(sheet_columns, rows, target, title=title, progress=progress)


def _csv_value(value: Value) -> str | int:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()  # Excel reads ISO dates in every locale
    if isinstance(value, str) and value.startswith(CSV_FORMULA_PREFIXES):
        return "'" + value
    return value


class _Line:
    """A file-like object that hands back what csv.writer writes, so lines can be streamed."""

    def write(self, text: str) -> str:
        return text


def csv_chunks(
    columns: list[Column], rows: Iterable[Row], *, progress: Progress | None = None, batch: int = 200
) -> Iterator[str]:
    """The CSV as text pieces (BOM and header first, then batches of lines) for a streamed response."""
    writer = csv.writer(_Line(), delimiter=CSV_DELIMITER, lineterminator="\r\n")
    yield CSV_BOM + writer.writerow([_csv_value(c.title) for c in columns])
    lines: list[str] = []
    for count, row in enumerate(rows, 1):
        lines.append(writer.writerow([_csv_value(v) for v in row]))
        if progress:
            progress(count)
        if len(lines) >= batch:
            yield "".join(lines)
            lines = []
    if lines:
        yield "".join(lines)


def write_csv(
    columns: list[Column], rows: Iterable[Row], target: IO[bytes], *, progress: Progress | None = None
) -> int:
    """Write the CSV, UTF-8 with BOM, to target; return the number of data rows."""
    count = 0

    def counted(n: int) -> None:
        nonlocal count
        count = n
        if progress:
            progress(n)

    for chunk in csv_chunks(columns, rows, progress=counted):
        target.write(chunk.encode("utf-8"))
    return count


def safe_filename(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "ekspor"


def export_filename(fmt: str, today: dt.date | None = None) -> str:
    return f"inovasi-{(today or timezone.localdate()).isoformat()}.{fmt}"
