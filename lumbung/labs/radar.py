"""An inline SVG radar chart: no JavaScript, no external assets, readable by screen readers."""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SCALE = 5  # answers run from 1 to 5; the centre is 0
SIZE = 560  # the chart's width, labels included
RADIUS = 150
LABEL_GAP = 16
LABEL_LINE = 16  # characters per label line before it wraps
LEGEND_ROW = 22
LEGEND_TOP = SIZE // 2 + RADIUS + 60
VIEW_TOP = SIZE // 2 - RADIUS - LABEL_GAP - 36  # room for a two-line label above the top axis

# Two series must stay apart without colour too: the second is dashed, with square markers.
STYLES = (
    {"colour": "#0b6e4f", "fill_opacity": "0.25", "dash": "", "marker": "circle"},
    {"colour": "#b5530b", "fill_opacity": "0.12", "dash": "6 4", "marker": "square"},
)


@dataclass(frozen=True)
class RadarSeries:
    name: str
    values: Sequence[float | None]  # one per axis; None is drawn at the centre


def _number(value: float) -> str:
    """An answer as it was given (4), an average with one decimal in Indonesian (3,5)."""
    return str(value) if isinstance(value, int) else f"{value:.1f}".replace(".", ",")


def _point(index: int, count: int, value: float) -> tuple[float, float]:
    """Axis 0 points straight up; the others follow clockwise."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    distance = RADIUS * max(0.0, min(value, SCALE)) / SCALE
    return SIZE / 2 + distance * math.cos(angle), SIZE / 2 + distance * math.sin(angle)


def _points(values: Sequence[float], count: int) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in (_point(i, count, v) for i, v in enumerate(values)))


def _wrap(label: str) -> list[str]:
    """Split a label into at most two lines at a space, so long aspects stay inside the chart."""
    if len(label) <= LABEL_LINE or " " not in label:
        return [label]
    cut = label.rfind(" ", 0, LABEL_LINE + 1)
    cut = cut if cut > 0 else label.find(" ")
    return [label[:cut], label[cut + 1 :]]


def _grid(count: int) -> list[str]:
    parts = [
        f'<polygon points="{_points([ring] * count, count)}" fill="none" stroke="#d5dbe3"/>'
        for ring in range(1, SCALE + 1)
    ]
    for index in range(count):
        x, y = _point(index, count, SCALE)
        parts.append(f'<line x1="{SIZE / 2}" y1="{SIZE / 2}" x2="{x:.1f}" y2="{y:.1f}" stroke="#d5dbe3"/>')
    for ring in range(1, SCALE + 1):
        x, y = _point(0, count, ring)
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 4:.1f}" font-size="10" fill="#546172">{ring}</text>')
    return parts


def _labels(axes: Sequence[str]) -> list[str]:
    parts = []
    for index, label in enumerate(axes):
        angle = -math.pi / 2 + 2 * math.pi * index / len(axes)
        x = SIZE / 2 + (RADIUS + LABEL_GAP) * math.cos(angle)
        y = SIZE / 2 + (RADIUS + LABEL_GAP) * math.sin(angle)
        anchor = "middle" if abs(math.cos(angle)) < 0.3 else ("start" if math.cos(angle) > 0 else "end")
        lines = _wrap(label)
        # Labels above the centre grow upwards, so the second line never runs into the grid.
        top = y - (len(lines) - 1) * 14 if math.sin(angle) < -0.3 else y + (6 if math.sin(angle) > 0.3 else 0)
        spans = "".join(
            f'<tspan x="{x:.1f}" y="{top + row * 14:.1f}">{escape(line)}</tspan>'
            for row, line in enumerate(lines)
        )
        parts.append(f'<text text-anchor="{anchor}" font-size="12" fill="#1d2733">{spans}</text>')
    return parts


def _series(axes: Sequence[str], series: RadarSeries, style: dict[str, str]) -> list[str]:
    count = len(axes)
    values = [0.0 if v is None else float(v) for v in series.values]
    dash = f' stroke-dasharray="{style["dash"]}"' if style["dash"] else ""
    parts = [
        f'<g><title>{escape(series.name)}</title><polygon points="{_points(values, count)}" '
        f'fill="{style["colour"]}" fill-opacity="{style["fill_opacity"]}" '
        f'stroke="{style["colour"]}" stroke-width="2"{dash}/>'
    ]
    for index, (label, raw) in enumerate(zip(axes, series.values, strict=True)):
        x, y = _point(index, count, values[index])
        shown = "–" if raw is None else _number(raw)
        tip = f"<title>{escape(series.name)}: {escape(label)} {shown}</title>"
        if style["marker"] == "square":
            parts.append(
                f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" fill="{style["colour"]}">'
                f"{tip}</rect>"
            )
        else:
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{style["colour"]}">{tip}</circle>')
    parts.append("</g>")
    return parts


def _legend(series: Sequence[RadarSeries], top: int) -> list[str]:
    parts = []
    for row, (item, style) in enumerate(zip(series, STYLES, strict=False)):
        y = top + row * LEGEND_ROW
        dash = f' stroke-dasharray="{style["dash"]}"' if style["dash"] else ""
        parts.append(
            f'<line x1="24" y1="{y}" x2="52" y2="{y}" stroke="{style["colour"]}" stroke-width="3"{dash}/>'
            f'<text x="60" y="{y + 4}" font-size="12" fill="#1d2733">{escape(item.name)}</text>'
        )
    return parts


def radar_chart(
    axes: Sequence[str],
    series: Sequence[RadarSeries],
    *,
    title: str,
    description: str,
    chart_id: str = "radar",
) -> SafeString:
    """An SVG radar of one or two series over the axes, on a 0–5 scale; empty when there are no axes.

    The description should carry the figures in words: a screen reader reads <title> and <desc>.
    """
    if not axes:
        return SafeString("")
    if len(series) > len(STYLES):
        raise ValueError(f"A radar chart draws at most {len(STYLES)} series.")
    for item in series:
        if len(item.values) != len(axes):
            raise ValueError(f"Series {item.name!r} has {len(item.values)} values for {len(axes)} axes.")
    height = LEGEND_TOP + LEGEND_ROW * len(series) - VIEW_TOP
    key = escape(chart_id)
    parts = [
        f'<svg viewBox="0 {VIEW_TOP} {SIZE} {height}" width="{SIZE}" height="{height}" role="img" '
        f'aria-labelledby="{key}-title {key}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{key}-title">{escape(title)}</title><desc id="{key}-desc">{escape(description)}</desc>',
        *_grid(len(axes)),
        *_labels(axes),
    ]
    for item, style in zip(series, STYLES, strict=False):
        parts.extend(_series(axes, item, style))
    parts.extend(_legend(series, LEGEND_TOP))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text is escaped above
