"""An SVG chart of IID scores on the 0–100 scale, with the edition's category thresholds marked."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from lumbung.core.formatting import format_number


@dataclass(frozen=True)
class ScoreBar:
    label: str
    value: Decimal
    muted: bool = False  # e.g. the claimed projection beside the verified one


def score_bars(
    bars: Sequence[ScoreBar], title: str, thresholds: Sequence[Decimal] = (), width: int = 640, row: int = 26
) -> SafeString:
    """Horizontal bars on a fixed 0–100 axis, so charts of different years compare at a glance."""
    label_width, right = 220, 60
    plot = width - label_width - right
    height = row * max(len(bars), 1) + 24
    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for threshold in thresholds:
        x = label_width + float(threshold) / 100 * plot
        parts.append(
            f'<line class="threshold" x1="{x:.1f}" x2="{x:.1f}" y1="0" y2="{height - 18}"/>'
            f'<text class="axis" x="{x:.1f}" y="{height - 4}" text-anchor="middle">'
            f"{escape(format_number(float(threshold), 2))}</text>"
        )
    for i, bar in enumerate(bars):
        y = i * row + 2
        length = max(round(plot * float(bar.value) / 100), 1)
        shown = format_number(float(bar.value), 2)
        css = "bar muted" if bar.muted else "bar"
        parts.append(
            f"<g><title>{escape(bar.label)}: {escape(shown)}</title>"
            f'<text x="{label_width - 6}" y="{y + row * 0.65:.0f}" text-anchor="end">'
            f"{escape(bar.label)}</text>"
            f'<rect class="{css}" x="{label_width}" y="{y + 3}" width="{length}" height="{row - 8}" rx="3"/>'
            f'<text x="{label_width + length + 6}" y="{y + row * 0.65:.0f}">{escape(shown)}</text></g>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text is escaped above
