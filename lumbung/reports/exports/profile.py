"""The printable innovation profile: what the region files, as one PDF through reports.pdf."""

import zoneinfo
from typing import Any

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from lumbung.core.formatting import format_date
from lumbung.core.qr import qr_data_uri
from lumbung.innovations.models import InnovationVersion
from lumbung.regions.models import Region

from ..pdf import render_pdf
from .builders import page_url
from .renderers import safe_filename

TEMPLATE = "reports/pdf/innovation.html"


def letterhead_title(region: Region) -> str:
    """ "PEMERINTAH KOTA PAREPARE": region names already carry their kind ("Kota Parepare") in Lumbung,
    but a name without it gets the kind in front."""
    name = region.name
    kind = str(region.get_kind_display())
    if not name.lower().startswith(kind.lower()) and region.kind != Region.Kind.NATION:
        name = f"{kind} {name}"
    return (_("Pemerintah %(name)s") % {"name": name}).upper()


def profile_context(version: InnovationVersion) -> dict[str, Any]:
    region = version.region
    url = page_url(version.pk)
    return {
        "version": version,
        "innovation": version.innovation,
        "unit": version.innovation.unit,
        "region": region,
        "letterhead": letterhead_title(region),
        "registration_number": version.registration_number,
        "other_urusan": list(version.other_urusan.all()),
        "team": list(version.team.select_related("user")),
        "attachments": list(version.attachments.all()),
        "transitions": list(version.transitions.select_related("actor").order_by("created_at", "id")),
        "page_url": url,
        "qr": qr_data_uri(url),
        "labels": {
            f.name: capfirst(str(f.verbose_name))
            for f in InnovationVersion._meta.get_fields()
            if hasattr(f, "verbose_name")
        },
        "printed_on": format_date(timezone.localdate(timezone=zoneinfo.ZoneInfo(region.timezone))),
    }


def profile_pdf(version: InnovationVersion) -> bytes:
    return render_pdf(TEMPLATE, profile_context(version))


def profile_filename(version: InnovationVersion) -> str:
    return f"profil-{safe_filename(version.registration_number.replace('/', '-'))}.pdf"


def load_version(pk: int) -> InnovationVersion | None:
    """A version with what the profile prints, for an operator's command (no user scope)."""
    return (
        InnovationVersion.objects.select_related(
            "region", "innovation__unit", "innovation__region", "main_urusan", "theme"
        )
        .filter(pk=pk)
        .first()
    )
