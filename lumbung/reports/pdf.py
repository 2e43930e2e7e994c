"""The one way Lumbung prints: a Django template (extending reports/pdf/base.html) rendered to PDF.

WeasyPrint is imported only when a PDF is made: it needs Pango from the system, and the rest of Lumbung
runs without it. Documents fetch nothing from the network or the disk: their images are data: URIs and
their CSS is inline, so a link or an image address in a user's text can never make the server fetch it
(and a closed government network never makes a render hang).
"""

from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _


class PdfUnavailable(RuntimeError):
    """WeasyPrint or the system libraries it needs (Pango, fonts) are missing."""


def render_pdf(template_name: str, context: dict[str, Any], *, base_url: str | None = None) -> bytes:
    """Render the template with the context and return the PDF bytes (A4, from the template's CSS)."""
    html = render_to_string(template_name, context)
    try:
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher
    except (ImportError, OSError) as error:
        raise PdfUnavailable(
            _(
                "PDF tidak dapat dibuat: WeasyPrint atau pustaka sistemnya (Pango) tidak terpasang. "
                "Di Debian/Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core."
            )
        ) from error
    fetcher = URLFetcher(allowed_protocols={"data"}, timeout=5)
    document = HTML(string=html, base_url=base_url or str(settings.BASE_DIR), url_fetcher=fetcher)
    pdf: bytes = document.write_pdf()
    return pdf
