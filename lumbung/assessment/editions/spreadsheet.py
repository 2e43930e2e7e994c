"""An edition as a workbook: sheet "Aturan" (key, value) and sheet "Indikator" (one row per option).

Both directions go through the data-file layout, so a workbook is checked by the same rules as the JSON
file. Cells are written as values, never formulas; a cell holding a formula is refused on import.
"""

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from typing import IO, Any

import openpyxl
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from lumbung.core.formatting import XML_ILLEGAL

from .spec import FORMAT, RULES
from .values import Problems

RULES_SHEET, INDICATORS_SHEET = "Aturan", "Indikator"
# Workbook key → (data-file key, whether it is a rule).
RULE_KEYS: dict[str, tuple[str, bool]] = {
    "tahun": ("year", False),
    "nama": ("name", False),
    "sumber": ("source", False),
    "pihak_ketiga": ("third_party", False),
    "catatan": ("notes", False),
    "nilai_maksimum": ("max_total", True),
    "pembagi_minimum": ("divisor_floor", True),
    "skor_per_inovasi": ("quantity_factor", True),
    "batas_jumlah_inovasi": ("quantity_cap", True),
    "urusan_dasar_tercakup": ("coverage_required", True),
    "urusan_irisan_dihitung": ("coverage_counts_other_urusan", True),
    "batas_sangat_inovatif": ("very_innovative_min", True),
    "batas_inovatif": ("innovative_min", True),
    "awal_penerapan": ("eligibility_start", True),
    "akhir_penerapan": ("eligibility_end", True),
    "minimal_kata_rancang_bangun": ("min_design_words", True),
    "batas_pelaporan": ("reporting_deadline", True),
}
COLUMNS = (
    "aspek", "nomor", "variabel", "indikator", "bobot", "wajib",
    "dasar", "nama dasar", "level", "pilihan", "bukti",
)  # fmt: skip
# Columns describing the indicator: repeated on each of its rows, and may be left empty after the first.
INDICATOR_COLUMNS = {"aspek": "aspect", "variabel": "variable", "indikator": "name", "bobot": "weight",
                     "wajib": "mandatory", "bukti": "evidence"}  # fmt: skip
BOOL_TEXT = {True: "ya", False: "tidak"}


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return BOOL_TEXT[value]
    if isinstance(value, str):
        return XML_ILLEGAL.sub("", value)
    return value


def _append(sheet: Worksheet, row: list[Any]) -> None:
    sheet.append([_cell(v) for v in row])
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":  # text that merely starts with "=" stays text
            cell.data_type = "s"


def _rule_cell(key: str, value: Any) -> Any:
    if value and key in ("eligibility_start", "eligibility_end", "reporting_deadline"):
        return dt.date.fromisoformat(value)
    return value


def edition_to_xlsx(data: dict[str, Any]) -> bytes:
    """The workbook of an edition given in the data-file layout (what `edition_dump` returns)."""
    book = openpyxl.Workbook()
    rules = book.active
    assert rules is not None
    rules.title = RULES_SHEET
    _append(rules, ["kunci", "nilai", "keterangan"])
    labels = {key: str(label) for key, (_kind, label, _r) in RULES.items()}
    for workbook_key, (key, is_rule) in RULE_KEYS.items():
        value = data["rules"][key] if is_rule else data[key]
        _append(rules, [workbook_key, _rule_cell(key, value), labels.get(key, "")])
        if isinstance(rules.cell(rules.max_row, 2).value, dt.date):
            rules.cell(rules.max_row, 2).number_format = "yyyy-mm-dd"
    sheet = book.create_sheet(INDICATORS_SHEET)
    _append(sheet, list(COLUMNS))
    for i in data["indicators"]:
        head = [i["aspect"].upper(), i["number"], i["variable"], i["name"], i["weight"], i["mandatory"]]
        for o in i["options"]:
            _append(sheet, [*head, None, None, o["level"], o["text"], i["evidence"]])
        for b in i.get("bases", []):
            for o in b["options"]:
                _append(sheet, [*head, b["code"], b["name"], o["level"], o["text"], i["evidence"]])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _rows(
    sheet: Any, problems: Problems, sheet_name: str, required: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Rows as {header: value} by the first row's headers; formula cells reported and left out."""
    header: list[str] = []
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        if number == 1:
            header = [str(c.value or "").strip().lower() for c in cells]
            missing = [name for name in required if name not in header]
            if missing:
                problems.add(
                    _("Lembar %(s)s") % {"s": sheet_name},
                    _("kolom %(c)s tidak ada di baris judul.") % {"c": ", ".join(missing)},
                )
                return
            continue
        values: dict[str, Any] = {}
        for name, cell in zip(header, cells, strict=False):
            if getattr(cell, "data_type", None) == "f":
                problems.add(
                    _("Lembar %(s)s, baris %(n)s") % {"s": sheet_name, "n": number},
                    _("kolom %(c)s berisi rumus; isi dengan nilai.") % {"c": name},
                )
                continue
            value = cell.value.strip() if isinstance(cell.value, str) else cell.value
            if name and value not in (None, ""):
                values[name] = value
        if values:
            yield number, values


def _read_rules(sheet: Any, problems: Problems) -> dict[str, Any]:
    data: dict[str, Any] = {"format": FORMAT, "rules": {}}
    for number, row in _rows(sheet, problems, RULES_SHEET, ("kunci", "nilai")):
        key = str(row.get("kunci", "")).strip().lower()
        if key not in RULE_KEYS:
            problems.add(
                _("Lembar %(s)s, baris %(n)s") % {"s": RULES_SHEET, "n": number},
                _("kunci “%(k)s” tidak dikenal.") % {"k": key},
            )
            continue
        target, is_rule = RULE_KEYS[key]
        value = row.get("nilai")
        if isinstance(value, dt.datetime):
            value = value.date().isoformat()
        (data["rules"] if is_rule else data)[target] = value
    return data


def _read_indicators(sheet: Any, problems: Problems) -> list[dict[str, Any]]:
    indicators: dict[str, dict[str, Any]] = {}
    for number, row in _rows(sheet, problems, INDICATORS_SHEET, COLUMNS):
        where = _("Lembar %(s)s, baris %(n)s") % {"s": INDICATORS_SHEET, "n": number}
        code = str(row.get("nomor", "")).strip().lower()
        if not code:
            problems.add(where, _("nomor indikator wajib diisi."))
            continue
        if isinstance(row.get("nomor"), float) and row["nomor"].is_integer():
            code = str(int(row["nomor"]))
        indicator = indicators.setdefault(code, {"number": code, "options": []})
        for column, key in INDICATOR_COLUMNS.items():
            if column not in row:
                continue
            if key in indicator and indicator[key] != row[column]:
                problems.add(
                    where,
                    _("%(c)s indikator %(i)s berbeda dengan baris sebelumnya.") % {"c": column, "i": code},
                )
            indicator.setdefault(key, row[column])
        option = {"level": row.get("level"), "text": row.get("pilihan")}
        basis_code = str(row.get("dasar", "")).strip().lower()
        if not basis_code:
            indicator["options"].append(option)
            continue
        bases = indicator.setdefault("bases", {})
        basis = bases.setdefault(basis_code, {"code": basis_code, "options": []})
        basis.setdefault("name", row.get("nama dasar"))
        basis["options"].append(option)
    for indicator in indicators.values():
        if "bases" in indicator:
            indicator["bases"] = list(indicator["bases"].values())
    return list(indicators.values())


def edition_from_xlsx(stream: IO[bytes]) -> dict[str, Any]:
    """The data-file layout of a workbook, or a ValidationError listing what is wrong in which row."""
    try:
        book = openpyxl.load_workbook(stream, read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ValidationError(_("Berkas ini bukan XLSX yang dapat dibaca.")) from error
    try:
        missing = [name for name in (RULES_SHEET, INDICATORS_SHEET) if name not in book.sheetnames]
        if missing:
            raise ValidationError(_("Berkas tidak punya lembar %(names)s.") % {"names": ", ".join(missing)})
        problems = Problems()
        data = _read_rules(book[RULES_SHEET], problems)
        data["indicators"] = _read_indicators(book[INDICATORS_SHEET], problems)
    finally:
        book.close()
    problems.raise_if_any()
    return data
