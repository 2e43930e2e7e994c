import datetime as dt
import zoneinfo
from typing import Any

from django import template
from django.utils import timezone

from lumbung.core import formatting

register = template.Library()


@register.filter
def tanggal(value: dt.date | None, zone: str = "Asia/Jakarta") -> str:
    """A date, or the local date of a moment in the given zone (a region's WIB/WITA/WIT)."""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value, zoneinfo.ZoneInfo(zone))
    return formatting.format_date(value)


@register.filter
def waktu(value: dt.datetime | None, zone: str | None = "Asia/Jakarta") -> str:
    """A moment in a region's zone (WIB/WITA/WIT); without a region, in WIB."""
    return formatting.format_datetime(value, zone or "Asia/Jakarta")


@register.filter
def rupiah(value: int | None) -> str:
    return formatting.format_rupiah(value)


@register.filter
def angka(value: int | float | None, decimals: int = 0) -> str:
    return formatting.format_number(value, decimals)


@register.filter
def get_item(mapping: dict[str, Any] | None, key: str) -> Any:
    return (mapping or {}).get(key)


@register.simple_tag(takes_context=True)
def query_with(context: dict[str, Any], **changes: Any) -> str:
    """The current query string with some parameters changed (for sorting and paging links)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + params.urlencode() if params else "?"


@register.simple_tag
def jam(start: dt.datetime, end: dt.datetime, zone: str = "Asia/Jakarta") -> str:
    """A session's hours in a region's zone: {% jam s.starts_at s.ends_at region.timezone %}."""
    return formatting.format_time_range(start, end, zone)
