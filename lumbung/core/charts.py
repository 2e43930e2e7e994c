"""Server-side SVG bar charts: no JavaScript library, readable by screen readers, printable."""

from collections.abc import Sequence
from typing import Protocol

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


class BarLike(Protocol):
    @property
    def label(self) -> str: ...
    @property
    def value(self) -> int: ...
    @property
    def highlight(self) -> bool: ...


def horizontal_bars(bars: Sequence[BarLike], title: str, width: int = 640, row: int = 26) -> SafeString:
    """A horizontal bar chart; highlighted bars get the `basic` class."""
    label_width = 300
    plot = width - label_width - 50
    top = max((b.value for b in bars), default=0) or 1
    height = row * max(len(bars), 1) + 8
    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for i, bar in enumerate(bars):
        y = i * row + 4
        length = round(plot * bar.value / top)
        label = bar.label if len(bar.label) <= 40 else bar.label[:39] + "…"
        css = "bar basic" if bar.highlight else "bar"
        parts.append(
            f"<g><title>{escape(bar.label)}: {bar.value}</title>"
            f'<text x="{label_width - 6}" y="{y + row * 0.65:.0f}" text-anchor="end">{escape(label)}</text>'
            f'<rect class="{css}" x="{label_width}" y="{y + 3}" '
            f'width="{max(length, 1)}" height="{row - 8}" rx="3"/>'
            f'<text x="{label_width + length + 6}" y="{y + row * 0.65:.0f}">{bar.value}</text></g>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text is escaped above
