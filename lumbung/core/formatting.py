"""Indonesian formatting: dates like "7 Desember 2023", money like "Rp 1.250.000", local time zones."""

import datetime as dt
import re
import zoneinfo

from django.utils import timezone
from django.utils.translation import get_language

MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
ZONE_LABELS = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


# Characters XML 1.0 cannot carry (control characters other than tab, newline and carriage return):
# stripped from every text written into a spreadsheet.
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def format_date(value: dt.date | None, language: str | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    months = MONTHS_EN if (language or get_language() or "id").startswith("en") else MONTHS_ID
    return f"{value.day} {months[value.month - 1]} {value.year}"


def format_datetime(
    value: dt.datetime | None, zone: str = "Asia/Jakarta", language: str | None = None
) -> str:
    """A moment in the region's own zone: "7 Desember 2023 09.30 WITA"."""
    if value is None:
        return ""
    local = timezone.localtime(value, zoneinfo.ZoneInfo(zone)) if timezone.is_aware(value) else value
    label = ZONE_LABELS.get(zone, zone)
    return f"{format_date(local.date(), language)} {local:%H.%M} {label}"


def format_rupiah(value: int | None) -> str:
    if value is None:
        return ""
    sign = "-" if value < 0 else ""
    return f"{sign}Rp {abs(int(value)):,}".replace(",", ".")


def format_number(value: int | float | None, decimals: int = 0) -> str:
    """Indonesian digit grouping: 1.250 and 53,19."""
    if value is None:
        return ""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_time_range(start: dt.datetime, end: dt.datetime, zone: str = "Asia/Jakarta") -> str:
    """Two moments of one day in the region's zone: "09.00–12.00 WITA"."""
    tz = zoneinfo.ZoneInfo(zone)
    first, last = timezone.localtime(start, tz), timezone.localtime(end, tz)
    label = ZONE_LABELS.get(zone, zone)
    if first.date() != last.date():
        return f"{first:%H.%M} – {format_date(last.date())} {last:%H.%M} {label}"
    return f"{first:%H.%M}–{last:%H.%M} {label}"
