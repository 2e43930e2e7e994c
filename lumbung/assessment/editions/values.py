"""Readers of single values as they come from a data file, a workbook or a form, with readable problems."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


@dataclass
class Problems:
    """Messages collected while reading; `field` keys a message to a form field when there is one."""

    items: list[tuple[str | None, str]] = field(default_factory=list)

    def add(self, where: str, message: str, field: str | None = None) -> None:
        self.items.append((field, f"{where}: {message}" if where else message))

    def raise_if_any(self, keyed: bool = False) -> None:
        if not self.items:
            return
        if keyed:
            by_field: dict[str, list[str]] = {}
            for key, message in self.items:
                by_field.setdefault(key or "__all__", []).append(message)
            raise ValidationError(by_field)
        raise ValidationError([message for _key, message in self.items])


# Each reader returns the typed value, or the reason it cannot (a string to show).


def read_decimal(value: Any, digits: int, places: int) -> Decimal | str:
    """A decimal that fits the column, or the reason it does not (comma or point as separator)."""
    if isinstance(value, bool) or value is None or value == "":
        return _("harus diisi angka.")
    text = str(value).strip()
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return _("“%(value)s” bukan angka.") % {"value": value}
    if not number.is_finite():
        return _("“%(value)s” bukan angka.") % {"value": value}
    exponent = number.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        return _("paling banyak %(n)s angka di belakang koma.") % {"n": places}
    if abs(number) >= Decimal(10) ** (digits - places):
        return _("terlalu besar.")
    return number


def read_int(value: Any, minimum: int, maximum: int) -> int | str:
    if isinstance(value, bool) or value is None or value == "":
        return _("harus diisi bilangan bulat.")
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return _("“%(value)s” bukan bilangan bulat.") % {"value": value}
    if not number.is_finite() or number != number.to_integral_value():
        return _("“%(value)s” bukan bilangan bulat.") % {"value": value}
    if not minimum <= number <= maximum:
        return _("harus antara %(min)s dan %(max)s.") % {"min": minimum, "max": maximum}
    return int(number)


def read_bool(value: Any) -> bool | str:
    if isinstance(value, bool):
        return value
    text = str(value if value is not None else "").strip().lower()
    if text in {"ya", "y", "true", "1", "benar"}:
        return True
    if text in {"tidak", "t", "false", "0", "salah", ""}:
        return False
    return _("isi “ya” atau “tidak”.")


def read_date(value: Any) -> dt.date | None | str:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return _("“%(value)s” bukan tanggal (tulis TTTT-BB-HH, misalnya 2025-12-31).") % {"value": value}


def read_text(value: Any, max_length: int | None, required: bool) -> str | None:
    """Text stripped of outer spaces; None when it breaks the length or is required and empty."""
    text = "" if value is None else str(value).strip()
    if required and not text:
        return None
    if max_length is not None and len(text) > max_length:
        return None
    return text


def text_field(
    problems: Problems,
    where: str,
    label: str,
    value: Any,
    max_length: int | None,
    required: bool,
    field: str | None = None,
) -> str:
    text = read_text(value, max_length, required)
    if text is None:
        if required and not str(value or "").strip():
            problems.add(where, _("%(label)s wajib diisi.") % {"label": label}, field=field)
        else:
            problems.add(
                where,
                _("%(label)s paling panjang %(n)s karakter.") % {"label": label, "n": max_length},
                field=field,
            )
        return ""
    return text
