"""QR codes for pages people print or show on a screen: one error level and one look everywhere."""

import io

import segno
from django.utils.safestring import SafeString, mark_safe

# Level M survives a crease, a stamp or a glare on a projector screen.
ERROR_LEVEL = "m"


def qr_data_uri(url: str) -> str:
    """An SVG data: URI, sharp at any print size (PDF documents embed it)."""
    return str(segno.make(url, error=ERROR_LEVEL).svg_data_uri(scale=4, border=2))


def qr_svg_inline(url: str, scale: int = 6) -> SafeString:
    """SVG markup to place in a page; segno draws only paths from the data, so it is safe to embed."""
    svg = segno.make(url, error=ERROR_LEVEL).svg_inline(scale=scale, border=4, light="#fff")
    return mark_safe(svg)  # noqa: S308 - generated paths only, no user markup


def qr_file(url: str, kind: str, scale: int = 8) -> bytes:
    """The code as a file to download for a poster: kind "png" or "svg"."""
    buffer = io.BytesIO()
    segno.make(url, error=ERROR_LEVEL).save(buffer, kind=kind, scale=scale, border=4)
    return buffer.getvalue()
