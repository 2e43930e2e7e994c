"""Columns of an import and the strict readers of one cell, which record row errors instead of raising.

Forgiving where people are inconsistent (case, spaces, labels or codes of a choice), strict where a
wrong guess would store a wrong fact (dates, numbers, NIP).
"""

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import models
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lumbung.core.validators import validate_nip

DATE_FORMATS_HELP = gettext_lazy(
    "Sel tanggal, atau teks TTTT-BB-HH (2023-12-07) atau HH/BB/TTTT (07/12/2023). Bentuk lain ditolak."
)
# A date cell saved to CSV by LibreOffice or Excel may carry a midnight time: "2023-12-07 00:00:00".
ISO_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})( 0?0:00(:00)?)?$")
DMY_DATE_RE = re.compile(r"^(\d{2})/(\d{2})/(\d{4})$")
WHOLE_RE = re.compile(r"^\d+$")
GROUPED_RE = re.compile(r"^\d{1,3}(\.\d{3})+$")  # 75.000.000, the Indonesian way of writing money
DECIMAL_RE = re.compile(r"^-?\d+([.,]\d+)?$")
YES = {"ya", "y", "aktif", "1", "true", "benar"}
NO = {"tidak", "t", "nonaktif", "0", "false", "salah"}


def normalize(value: object) -> str:
    """Compare names ignoring case and extra spaces: "  dinas  KESEHATAN" equals "Dinas Kesehatan"."""
    return " ".join(str(value).split()).casefold()


@dataclass(frozen=True)
class Formula:
    """A cell holding a formula: refused, because its value depends on the program that computed it."""

    text: str


@dataclass(frozen=True)
class Column:
    header: str  # the file format's own header, fixed in Indonesian (not translated)
    key: str
    help: str | Promise
    required: bool = False
    example: str | int = ""
    allowed: Callable[[], Iterable[str]] | None = None


@dataclass(frozen=True)
class RowError:
    row: int | None
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}


def choice_labels(choices: type[models.TextChoices]) -> list[str]:
    with translation.override("id"):
        return [str(label) for label in choices.labels]


def choice_lookup(choices: type[models.TextChoices]) -> dict[str, str]:
    """Indonesian label or stored code, normalized, to the stored value."""
    with translation.override("id"):
        lookup = {normalize(label): value for value, label in choices.choices}
    lookup.update({normalize(value): value for value in choices.values})
    lookup.update({normalize(value.replace("_", " ")): value for value in choices.values})
    return lookup


@dataclass
class Row:
    """One data row being read: typed getters that record errors under the row's number and a column."""

    number: int
    values: dict[str, Any]
    columns: dict[str, Column]
    errors: list[RowError] = field(default_factory=list)

    def error(self, key: str, message: str) -> None:
        header = self.columns[key].header if key in self.columns else key
        self.errors.append(RowError(self.number, header, message))

    def raw(self, key: str) -> Any:
        """The cell's value, None when the column is absent or the cell empty."""
        value = self.values.get(key)
        if isinstance(value, Formula):
            self.error(
                key,
                _(
                    "Sel berisi rumus (%(formula)s). Salin lalu tempel sebagai nilai saja, kemudian "
                    "unggah lagi."
                )
                % {"formula": value.text[:60]},
            )
            return None
        if isinstance(value, str):
            value = " ".join(value.split()) if "\n" not in value else value.strip()
            return value or None
        return value

    def has(self, key: str) -> bool:
        return key in self.values

    def text(self, key: str, max_length: int, *, required: bool = False) -> str | None:
        value = self.raw(key)
        if value is None:
            if required:
                self.error(key, _("Wajib diisi."))
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, dt.datetime | dt.date):
            self.error(key, _("Isi dengan teks, bukan tanggal."))
            return None
        text = str(value)
        if len(text) > max_length:
            self.error(
                key,
                _("Terlalu panjang: %(n)s karakter, paling banyak %(max)s.")
                % {"n": len(text), "max": max_length},
            )
            return None
        return text

    def choice(
        self, key: str, lookup: dict[str, str], labels: list[str], *, required: bool = False
    ) -> str | None:
        value = self.raw(key)
        if value is None:
            if required:
                self.error(key, _("Wajib diisi. Pilihan: %(labels)s.") % {"labels": ", ".join(labels)})
            return None
        found = lookup.get(normalize(value))
        if found is None:
            self.error(
                key,
                _("“%(value)s” tidak ada dalam pilihan: %(labels)s.")
                % {"value": value, "labels": ", ".join(labels)},
            )
        return found

    def boolean(self, key: str) -> bool | None:
        value = self.raw(key)
        if value is None:
            return None
        if isinstance(value, bool):
            return value
        text = normalize(value)
        if text in YES:
            return True
        if text in NO:
            return False
        self.error(key, _("Isi “Ya” atau “Tidak”."))
        return None

    def date(self, key: str) -> dt.date | None:
        value = self.raw(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        text = str(value)
        parts: tuple[str, str, str] | None = None
        if match := ISO_DATE_RE.match(text):
            parts = (match[1], match[2], match[3])
        elif match := DMY_DATE_RE.match(text):
            parts = (match[3], match[2], match[1])
        if parts is not None:
            try:
                return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:
                pass
        self.error(
            key,
            _("Tanggal “%(value)s” tidak valid. Gunakan sel tanggal, atau teks 2023-12-07 atau 07/12/2023.")
            % {"value": text},
        )
        return None

    def whole_number(
        self, key: str, *, minimum: int = 0, maximum: int | None = None, required: bool = False
    ) -> int | None:
        value = self.raw(key)
        if value is None:
            if required:
                self.error(key, _("Wajib diisi."))
            return None
        number: int | None = None
        if isinstance(value, bool):
            number = None
        elif isinstance(value, int):
            number = value
        elif isinstance(value, float) and value.is_integer():
            number = int(value)
        elif isinstance(value, str) and (WHOLE_RE.match(value) or GROUPED_RE.match(value)):
            number = int(value.replace(".", ""))
        if number is None:
            self.error(
                key,
                _("“%(value)s” bukan bilangan bulat. Tulis angka saja, contoh 75000000.") % {"value": value},
            )
            return None
        if number < minimum or (maximum is not None and number > maximum):
            if maximum is None:
                message = _("Harus paling kecil %(min)s.") % {"min": minimum}
            else:
                message = _("Harus antara %(min)s dan %(max)s.") % {"min": minimum, "max": maximum}
            self.error(key, message)
            return None
        return number

    def coordinate(self, key: str, limit: int) -> Decimal | None:
        value = self.raw(key)
        if value is None:
            return None
        text = repr(value) if isinstance(value, float) else str(value)
        if isinstance(value, bool) or not (isinstance(value, int | float) or DECIMAL_RE.match(text)):
            self.error(key, _("“%(value)s” bukan angka desimal, contoh -4.0135.") % {"value": value})
            return None
        try:
            number = Decimal(text.replace(",", ".")).quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)
        except InvalidOperation:
            self.error(key, _("“%(value)s” bukan angka desimal, contoh -4.0135.") % {"value": value})
            return None
        if abs(number) > limit:
            self.error(key, _("Harus antara -%(limit)s dan %(limit)s.") % {"limit": limit})
            return None
        return number

    def nip(self, key: str) -> str | None:
        value = self.raw(key)
        if value is None:
            return None
        if isinstance(value, float):
            # A spreadsheet keeps only 15 significant digits of a number: the NIP is already damaged.
            self.error(
                key, _("NIP tersimpan sebagai angka dan digitnya rusak. Format kolom NIP sebagai teks.")
            )
            return None
        text = "".join(str(value).split())
        try:
            validate_nip(text)
        except ValidationError as error:
            self.error(key, " ".join(str(m) for m in error.messages))
            return None
        return text

    def email(self, key: str, *, required: bool = False) -> str | None:
        value = self.text(key, 254, required=required)
        if value is None:
            return None
        try:
            validate_email(value)
        except ValidationError:
            self.error(key, _("“%(value)s” bukan alamat email yang valid.") % {"value": value})
            return None
        return value.lower()

    def url(self, key: str) -> str | None:
        value = self.text(key, 200)
        if value is None:
            return None
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            self.error(key, _("Tautan harus berupa alamat web lengkap (https://...)."))
            return None
        return value


def columns_by_key(columns: Iterable[Column]) -> dict[str, Column]:
    return {c.key: c for c in columns}
