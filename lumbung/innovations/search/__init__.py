"""Full-text search over published innovations: keep the index in step, and query it.

index_refresh(ids) after any write that may change what is public; search(query) for ranked ids with a
count and a snippet; reindex() rebuilds everything. Only an innovation that is published and whose
current version is approved or later has a document, so nothing else can leak into results or counts.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.safestring import SafeString

from lumbung.core.text import query_words

from ..models import Innovation, InnovationVersion, SearchDocument
from ..workflow import PUBLISHABLE_STATUSES
from .backends import backend
from .documents import QueryWord, SnippetPart, build_document, snippet, snippet_html

__all__ = ["SearchHit", "SearchPage", "SnippetPart", "index_refresh", "reindex", "search"]

BATCH = 500
MAX_LIMIT = 100


@dataclass(frozen=True)
class SearchHit:
    innovation_id: int
    score: float
    snippet: tuple[SnippetPart, ...]

    @property
    def snippet_html(self) -> SafeString:
        return snippet_html(self.snippet)


@dataclass(frozen=True)
class SearchPage:
    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0
    # The words the query was reduced to (empty: nothing searchable was typed).
    words: tuple[str, ...] = ()

    @property
    def innovation_ids(self) -> list[int]:
        return [hit.innovation_id for hit in self.hits]


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


@transaction.atomic
def index_refresh(innovation_ids: Iterable[int]) -> None:
    """Index those innovations that are published with a publishable current version; drop the others."""
    ids = sorted(set(innovation_ids))
    engine = backend()
    for chunk in _chunks(ids):
        versions = InnovationVersion.objects.filter(
            innovation_id__in=chunk,
            is_current=True,
            status__in=PUBLISHABLE_STATUSES,
            innovation__published_at__isnull=False,
        ).select_related("region", "innovation__unit")
        engine.replace(chunk, [build_document(v) for v in versions])


def search(
    query: str, *, region_ids: Iterable[int] | None = None, limit: int = 20, offset: int = 0
) -> SearchPage:
    """Published innovations matching every word of the query (by the word or its stem), best first."""
    words = [QueryWord(word, root) for word, root in query_words(query or "")]
    regions = None if region_ids is None else sorted(set(region_ids))
    if not words or regions == []:
        return SearchPage(words=tuple(w.word for w in words))
    limit = min(max(limit, 1), MAX_LIMIT)
    matches, total = backend().query(words, regions, limit, max(offset, 0))
    hits = [SearchHit(m.innovation_id, m.score, snippet(m.snippet_source, words)) for m in matches]
    return SearchPage(hits=hits, total=total, words=tuple(w.word for w in words))


def reindex(progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild the index batch by batch (one transaction each); return the number of indexed innovations."""
    published = Innovation.objects.filter(published_at__isnull=False).values_list("pk", flat=True)
    indexed = SearchDocument.objects.values_list("pk", flat=True)
    ids = sorted(set(published) | set(indexed))
    done = 0
    for chunk in _chunks(ids):
        index_refresh(chunk)
        done += len(chunk)
        if progress:
            progress(done, len(ids))
    with transaction.atomic():
        backend().prune()
    return SearchDocument.objects.count()
