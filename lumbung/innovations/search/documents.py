"""What gets indexed for an innovation, and the highlighted snippet cut from it: no database access here."""

import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from lumbung.core.text import document_terms, stem, tokenize

from ..models import InnovationVersion, SearchDocument

# Enough text for a snippet anywhere in a long design, without storing whole essays twice.
SNIPPET_SOURCE_LENGTH = 10_000
SNIPPET_WORDS = 30
# Words of context shown before the first matched word.
SNIPPET_LEAD = 8

_CHUNK = re.compile(r"\S+")
_WORD_SPLIT = re.compile(r"(\w+)")


@dataclass(frozen=True)
class SnippetPart:
    text: str
    matched: bool


@dataclass(frozen=True)
class QueryWord:
    """One word of a query: a document matches it by the word itself or by its stem."""

    word: str
    stem: str


def build_document(version: InnovationVersion) -> SearchDocument:
    """The search document of a current version (with region and innovation__unit loaded)."""
    body = [version.goals, version.benefits, version.results, version.design]
    places = [version.innovation.unit.name, version.region.name]
    return SearchDocument(
        innovation_id=version.innovation_id,
        region_id=version.region_id,
        name_terms=document_terms(version.name),
        body_terms=document_terms(" ".join([*body, *places])),
        snippet_source="\n".join(part.strip() for part in body if part.strip())[:SNIPPET_SOURCE_LENGTH],
        indexed_at=timezone.now(),
    )


def _matches(piece: str, words: list[QueryWord]) -> bool:
    tokens = tokenize(piece)
    return any(t == w.word or stem(t) == w.stem for t in tokens for w in words)


def snippet(source: str, words: list[QueryWord]) -> tuple[SnippetPart, ...]:
    """About SNIPPET_WORDS words of the source around the first match, matched words marked."""
    chunks = _CHUNK.findall(source)
    first = next((i for i, chunk in enumerate(chunks) if _matches(chunk, words)), 0)
    start = max(0, first - SNIPPET_LEAD)
    window = chunks[start : start + SNIPPET_WORDS]
    text = " ".join(window)
    if start > 0:
        text = "… " + text
    if start + SNIPPET_WORDS < len(chunks):
        text += " …"
    parts: list[SnippetPart] = []
    for piece in _WORD_SPLIT.split(text):
        if not piece:
            continue
        matched = bool(_WORD_SPLIT.fullmatch(piece)) and _matches(piece, words)
        if parts and parts[-1].matched == matched and not matched:
            parts[-1] = SnippetPart(parts[-1].text + piece, False)
        else:
            parts.append(SnippetPart(piece, matched))
    return tuple(parts)


def snippet_html(parts: tuple[SnippetPart, ...]) -> SafeString:
    """The snippet as escaped HTML with <mark> around the matched words."""
    # format_html_join escapes the plain parts and keeps the already-escaped <mark> parts.
    return format_html_join(
        "", "{}", ((format_html("<mark>{}</mark>", p.text) if p.matched else p.text,) for p in parts)
    )
