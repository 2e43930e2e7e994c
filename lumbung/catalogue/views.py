"""The public catalogue: anyone may search and read published innovations, without signing in."""

from urllib.parse import quote, urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from lumbung.core.qr import qr_file
from lumbung.regions.models import Region

from . import selectors

# The search keeps a dozen words anyway; a longer text would only be echoed back into the page.
MAX_QUERY_LENGTH = 200
QR_TYPES = {"png": "image/png", "svg": "image/svg+xml"}


def _query(request: HttpRequest) -> str:
    return request.GET.get("q", "").replace("\x00", "")[:MAX_QUERY_LENGTH].strip()


def catalogue(request: HttpRequest) -> HttpResponse:
    query = _query(request)
    result = selectors.catalogue_page(query=query, page=request.GET.get("page"))
    return render(request, "catalogue/list.html", {"catalogue": result})


def region_catalogue(request: HttpRequest, code: str) -> HttpResponse:
    region = get_object_or_404(Region, code=code)
    query = _query(request)
    result = selectors.catalogue_page(query=query, page=request.GET.get("page"), region=region)
    return render(request, "catalogue/region.html", {"catalogue": result, "region": region})


def _public_link(url: str) -> str:
    """A stored link only if it is a web address: imported rows never passed the form's URL check."""
    return url if url.lower().startswith(("https://", "http://")) else ""


def _share_links(url: str, name: str) -> dict[str, str]:
    text = f"{name}\n{url}"
    subject = _("Inovasi daerah: %(name)s") % {"name": name}
    return {
        "whatsapp": "https://wa.me/?" + urlencode({"text": text}, quote_via=quote),
        "email": "mailto:?" + urlencode({"subject": subject, "body": text}, quote_via=quote),
    }


def _page_url(request: HttpRequest, pk: int) -> str:
    return request.build_absolute_uri(reverse("catalogue:detail", args=[pk]))


def innovation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.get_published_version(pk)
    url = _page_url(request, pk)
    return render(
        request,
        "catalogue/detail.html",
        {
            "version": version,
            "innovation": version.innovation,
            "region": version.region,
            "other_urusan": list(version.other_urusan.all()),
            "video_url": _public_link(version.video_url),
            "page_url": url,
            "share": _share_links(url, version.name),
        },
    )


def innovation_qr(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """A QR code of the innovation's public page, for posters and exhibition stands."""
    selectors.get_published_version(pk)
    response = HttpResponse(qr_file(_page_url(request, pk), kind), content_type=QR_TYPES[kind])
    response["Content-Disposition"] = f'inline; filename="qr-inovasi-{pk}.{kind}"'
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, public=True, max_age=3600)
    return response
