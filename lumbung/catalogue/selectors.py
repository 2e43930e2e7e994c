"""Reads of the public catalogue: only published innovations whose current version is publishable.

Every public list, count and page starts from published_versions(); search hits are filtered through it
again, so a stale index row cannot show a draft either.
"""

import math
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import Http404
from django.utils.safestring import SafeString

from lumbung.innovations.models import InnovationVersion
from lumbung.innovations.search import SearchPage, search
from lumbung.innovations.workflow import PUBLISHABLE_STATUSES
from lumbung.regions.models import Region

PAGE_SIZE = 20
SUGGESTIONS = 5
# Far beyond any real catalogue; keeps a page number typed into the URL from becoming a huge OFFSET.
MAX_PAGE = 100_000
# A result shows the name, places and the start of the aim; the other long texts stay in the database.
LIST_DEFER = ("design", "benefits", "results", "developed_since", "revision_notes")
NEWEST_FIRST = ("-innovation__published_at", "-innovation_id")


@dataclass(frozen=True)
class Result:
    version: InnovationVersion
    # Escaped text with <mark> around the matched words; None when browsing without a query.
    snippet_html: SafeString | None = None


@dataclass(frozen=True)
class Catalogue:
    page: "Page[Any]"  # of Result
    query: str = ""
    # The newest published innovations, offered when a query finds nothing.
    suggestions: list[InnovationVersion] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.page.paginator.count


def published_versions(region: Region | None = None) -> QuerySet[InnovationVersion]:
    """Current versions of published innovations whose current version is publishable."""
    versions = InnovationVersion.objects.filter(
        is_current=True, status__in=PUBLISHABLE_STATUSES, innovation__published_at__isnull=False
    )
    return versions if region is None else versions.filter(region=region)


def _listed(versions: QuerySet[InnovationVersion]) -> QuerySet[InnovationVersion]:
    return versions.select_related("innovation__unit", "region").defer(*LIST_DEFER)


def get_published_version(innovation_id: int) -> InnovationVersion:
    """The public version of an innovation, or 404 when it is not published or not publishable."""
    version = (
        published_versions()
        .select_related("innovation__unit", "region", "main_urusan")
        .filter(innovation_id=innovation_id)
        .first()
    )
    if version is None:
        raise Http404
    return version


def page_number(raw: str | None) -> int:
    """The page a URL asks for; anything that is not a positive whole number means the first page."""
    try:
        number = int(raw or 1)
    except ValueError:
        return 1
    return min(max(number, 1), MAX_PAGE)


def _browse(versions: QuerySet[InnovationVersion], number: int) -> "Page[Any]":
    paginator: Paginator[Any] = Paginator(_listed(versions).order_by(*NEWEST_FIRST), PAGE_SIZE)
    page = paginator.get_page(number)  # past the end: the last page
    return Page([Result(v) for v in page.object_list], page.number, paginator)


def _search(query: str, region: Region | None, number: int) -> "Page[Any]":
    region_ids = None if region is None else [region.pk]

    def run(number: int) -> SearchPage:
        return search(query, region_ids=region_ids, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE)

    found = run(number)
    last = max(1, math.ceil(found.total / PAGE_SIZE))
    if number > last:  # past the end: the last page, as when browsing
        number = last
        found = run(number)
    ids = found.innovation_ids
    versions = {v.innovation_id: v for v in _listed(published_versions(region).filter(innovation_id__in=ids))}
    results = [
        Result(versions[h.innovation_id], h.snippet_html) for h in found.hits if h.innovation_id in versions
    ]
    # A hit the index kept by mistake is dropped from the count too (exact when the results fit one page).
    total = max(found.total - (len(found.hits) - len(results)), 0)
    # The paginator only counts: the index gave the total, and the hits are this page already.
    paginator: Paginator[Any] = Paginator(range(total), PAGE_SIZE)
    return Page(results, number, paginator)


def newest(region: Region | None = None, limit: int = SUGGESTIONS) -> list[InnovationVersion]:
    return list(_listed(published_versions(region)).order_by(*NEWEST_FIRST)[:limit])


def catalogue_page(*, query: str, page: str | None, region: Region | None = None) -> Catalogue:
    """One page of the catalogue: ranked search results for a query, else the newest published first."""
    number = page_number(page)
    if not query:
        return Catalogue(_browse(published_versions(region), number))
    results = _search(query, region, number)
    suggestions = newest(region) if not results.paginator.count else []
    return Catalogue(results, query, suggestions)
