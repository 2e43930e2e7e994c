"""The two full-text backends, fed the same folded and stemmed terms; chosen by the database vendor.

Query words reach SQL only as parameters, and only after the text pipeline has reduced them to [a-z0-9]+:
no quote, operator or keyword typed by a visitor can become FTS5 or tsquery syntax.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from django.db import connection

from ..models import SearchDocument
from .documents import QueryWord

# A word of the name counts as this many occurrences in the rest of the profile (both engines weight the
# term frequency before saturating it, so a small factor lets a long text that repeats a word outrank a
# name that is that word).
NAME_WEIGHT = 10.0


@dataclass(frozen=True)
class Match:
    innovation_id: int
    score: float  # higher is better; comparable only within one query
    snippet_source: str


class Backend(Protocol):
    def replace(self, innovation_ids: Sequence[int], documents: Sequence[SearchDocument]) -> None:
        """Drop the documents of these innovations and store the given ones instead."""

    def prune(self) -> None:
        """Remove index rows whose document is gone."""

    def query(
        self, words: Sequence[QueryWord], region_ids: Sequence[int] | None, limit: int, offset: int
    ) -> tuple[list[Match], int]:
        """One page of matches, best first, and the number of all matches."""


def _placeholders(values: Sequence[object]) -> str:
    return ", ".join(["%s"] * len(values))


def _replace_documents(innovation_ids: Sequence[int], documents: Sequence[SearchDocument]) -> None:
    SearchDocument.objects.filter(pk__in=innovation_ids).delete()
    SearchDocument.objects.bulk_create(documents)


class SqliteBackend:
    """FTS5 table keyed by innovation id, ranked with bm25 (migration 0003)."""

    table = "innovations_search_fts"

    def replace(self, innovation_ids: Sequence[int], documents: Sequence[SearchDocument]) -> None:
        _replace_documents(innovation_ids, documents)
        if not innovation_ids:
            return
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {self.table} WHERE rowid IN ({_placeholders(innovation_ids)})",  # noqa: S608
                list(innovation_ids),
            )
            cursor.executemany(
                f"INSERT INTO {self.table} (rowid, name_terms, body_terms) VALUES (%s, %s, %s)",  # noqa: S608
                [(d.innovation_id, d.name_terms, d.body_terms) for d in documents],
            )

    def prune(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {self.table} WHERE rowid NOT IN "  # noqa: S608
                "(SELECT innovation_id FROM innovations_searchdocument)"
            )

    def query(
        self, words: Sequence[QueryWord], region_ids: Sequence[int] | None, limit: int, offset: int
    ) -> tuple[list[Match], int]:
        # ("pelayanan" OR "layan") AND "sehat": every word, by itself or by its stem.
        match = " AND ".join(
            "(" + " OR ".join(f'"{term}"' for term in dict.fromkeys((w.word, w.stem))) + ")" for w in words
        )
        # The join drops index rows whose document is gone (a test flush empties Django's tables only).
        sql = (
            f"WITH hits AS (SELECT rowid AS id, bm25({self.table}, %s, 1.0) AS rank "  # noqa: S608
            f"FROM {self.table} WHERE {self.table} MATCH %s) "
            "SELECT {columns} FROM hits JOIN innovations_searchdocument d ON d.innovation_id = hits.id"
        )
        params: list[Any] = [NAME_WEIGHT, match]
        if region_ids is not None:
            sql += f" WHERE d.region_id IN ({_placeholders(region_ids)})"
            params += list(region_ids)
        with connection.cursor() as cursor:
            cursor.execute(sql.format(columns="count(*)"), params)
            total = int(cursor.fetchone()[0])
            if not total or offset >= total:
                return [], total
            cursor.execute(
                sql.format(columns="d.innovation_id, -hits.rank, d.snippet_source")
                + " ORDER BY hits.rank, d.innovation_id LIMIT %s OFFSET %s",
                [*params, limit, offset],
            )
            return [Match(int(i), float(score), source) for i, score, source in cursor.fetchall()], total


class PostgresqlBackend:
    """A generated tsvector column on the document table with a GIN index, ranked with ts_rank."""

    def replace(self, innovation_ids: Sequence[int], documents: Sequence[SearchDocument]) -> None:
        _replace_documents(innovation_ids, documents)  # the database computes the vector itself

    def prune(self) -> None:
        pass  # the vector lives in the document row

    def query(
        self, words: Sequence[QueryWord], region_ids: Sequence[int] | None, limit: int, offset: int
    ) -> tuple[list[Match], int]:
        # (pelayanan | layan) & sehat; each term quoted so the tsquery parser reads it as one lexeme.
        tsquery = " & ".join(
            "(" + " | ".join(f"'{term}'" for term in dict.fromkeys((w.word, w.stem))) + ")" for w in words
        )
        # Weights {D, C, B, A}: the name is A, the rest of the profile B.
        sql = (
            "SELECT {columns} FROM innovations_searchdocument d, to_tsquery('simple', %s) q "
            "WHERE d.vector @@ q"
        )
        params: list[Any] = [tsquery]
        if region_ids is not None:
            sql += " AND d.region_id = ANY(%s)"
            params.append(list(region_ids))
        with connection.cursor() as cursor:
            cursor.execute(sql.format(columns="count(*)"), params)
            total = int(cursor.fetchone()[0])
            if not total or offset >= total:
                return [], total
            rank = f"ts_rank('{{0.1, 0.1, {1 / NAME_WEIGHT}, 1.0}}', d.vector, q)"
            cursor.execute(
                sql.format(columns=f"d.innovation_id, {rank} AS score, d.snippet_source")
                + " ORDER BY score DESC, d.innovation_id LIMIT %s OFFSET %s",
                [*params, limit, offset],
            )
            return [Match(int(i), float(score), source) for i, score, source in cursor.fetchall()], total


def backend() -> Backend:
    if connection.vendor == "postgresql":
        return PostgresqlBackend()
    if connection.vendor == "sqlite":
        return SqliteBackend()
    raise NotImplementedError(f"Pencarian belum mendukung basis data {connection.vendor}.")
