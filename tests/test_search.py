"""Full-text search: runs on whichever database DATABASE_URL names (SQLite FTS5 or PostgreSQL)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from lumbung.innovations import services
from lumbung.innovations.models import InnovationVersion, SearchDocument, Status
from lumbung.innovations.search import index_refresh, reindex, search

from .factories import LONG_DESIGN, make_version, set_status, walk_to

pytestmark = pytest.mark.django_db

NEUTRAL = {
    "goals": "Mendekatkan program kepada warga.",
    "benefits": "Warga terbantu.",
    "results": "Program berjalan.",
    "design": "Rancangan sederhana.",
}


@pytest.fixture
def publish(admin, region, other_unit):
    """Register an innovation of Dinas Perdagangan with this profile, approve it and publish it."""

    def make(name: str, **fields: str) -> InnovationVersion:
        version = set_status(
            make_version(admin, region, other_unit, name=name, **{**NEUTRAL, **fields}), Status.APPROVED
        )
        services.innovation_publish(actor=admin, innovation=version.innovation)
        return version

    return make


def test_a_stemmed_query_finds_another_form_of_the_word(publish):
    version = publish("Posyandu Keliling", goals="Petugas melayani ibu hamil di rumah.")
    page = search("pelayanan")
    assert page.innovation_ids == [version.innovation_id]
    assert page.total == 1
    assert search("kesehatan").total == 0
    healthy = publish("Kampung Sehat", goals="Warga hidup sehat.")
    assert search("kesehatan").innovation_ids == [healthy.innovation_id]


def test_every_word_of_a_query_must_match(publish):
    both = publish("Antar Obat", goals="Layanan obat bagi lansia.")
    publish("Antar Surat", goals="Layanan surat bagi warga.")
    assert search("layanan lansia").innovation_ids == [both.innovation_id]
    assert search("layanan").total == 2


def test_an_acronym_name_matches_exactly_and_ranks_first(publish):
    # Sastrawi stems "bajiki" to "bajik"; texts that only say "bajik" must rank below the name.
    publish("Warga Bajik", goals="Warga yang bajik, bajik dan bajik.", benefits="Bajik selalu.")
    named = publish("BAJIKI")
    page = search("BAJIKI")
    assert page.innovation_ids[0] == named.innovation_id
    assert page.total == 2
    assert search("bajiki").innovation_ids[0] == named.innovation_id


def test_name_outweighs_the_body(publish):
    in_body = publish("Program Satu", goals="Aplikasi pasar untuk pedagang.", design="Pasar, pasar, pasar.")
    in_name = publish("Pasar Daring")
    assert search("pasar").innovation_ids == [in_name.innovation_id, in_body.innovation_id]


def test_unit_and_region_names_are_searchable(publish):
    version = publish("Program Dua")
    assert search("Parepare").innovation_ids == [version.innovation_id]
    assert search("Dinas Perdagangan").innovation_ids == [version.innovation_id]


def test_drafts_and_unpublished_innovations_never_appear(publish, innovator, region, unit):
    published = publish("Layanan Terbit", goals="Melayani warga.")
    make_version(innovator, region, unit, name="Layanan Draf", **NEUTRAL)
    set_status(make_version(innovator, region, unit, name="Layanan Disetujui", **NEUTRAL), Status.APPROVED)
    page = search("layanan")
    assert page.innovation_ids == [published.innovation_id]
    assert page.total == 1
    assert SearchDocument.objects.count() == 1


def test_the_index_follows_publish_and_unpublish(admin, publish):
    version = publish("Layanan Antar", goals="Melayani warga.")
    assert search("layanan").total == 1
    services.innovation_unpublish(actor=admin, innovation=version.innovation)
    assert search("layanan").total == 0
    services.innovation_publish(actor=admin, innovation=version.innovation)
    assert search("layanan").total == 1


def test_the_index_is_written_inside_the_services_transaction(admin, innovator, region, unit):
    version = set_status(make_version(innovator, region, unit, name="Layanan Batal", **NEUTRAL), "disetujui")
    with pytest.raises(RuntimeError), transaction.atomic():
        services.innovation_publish(actor=admin, innovation=version.innovation)
        assert search("layanan").total == 1
        raise RuntimeError
    assert search("layanan").total == 0
    assert not SearchDocument.objects.exists()


def test_the_index_follows_a_new_years_draft_and_its_approval(admin, innovator, verifier, region, unit):
    first = walk_to(
        make_version(innovator, region, unit, name="Lapak Warga", design=LONG_DESIGN),
        Status.APPROVED,
        innovator,
        verifier,
        admin,
    )
    services.innovation_publish(actor=admin, innovation=first.innovation)
    assert search("lapak").total == 1
    draft = services.version_resubmit(
        actor=innovator, version=first, year=first.year + 1, developed_since="Diperluas ke pasar."
    )
    # The current version is a draft again: the published innovation leaves the index until approved.
    assert search("lapak").total == 0
    services.version_update(
        actor=innovator, version=draft, expected_revision=draft.revision, data={"name": "Lapak Digital"}
    )
    assert search("digital").total == 0
    walk_to(draft, Status.APPROVED, innovator, verifier, admin)
    page = search("digital")
    assert page.innovation_ids == [first.innovation_id]


def test_region_filter(publish, foreign_admin, foreign_innovator, other_region, foreign_unit):
    ours = publish("Layanan Kita", goals="Melayani warga.")
    theirs = set_status(
        make_version(foreign_innovator, other_region, foreign_unit, name="Layanan Mereka", **NEUTRAL),
        Status.APPROVED,
    )
    services.innovation_publish(actor=foreign_admin, innovation=theirs.innovation)
    assert search("layanan").total == 2
    assert search("layanan", region_ids=[other_region.pk]).innovation_ids == [theirs.innovation_id]
    assert search("layanan", region_ids=[ours.region_id]).innovation_ids == [ours.innovation_id]
    assert search("layanan", region_ids=[]).total == 0


def test_pages_share_one_total(publish):
    ids = {publish(f"Layanan {n}").innovation_id for n in ("Satu", "Dua", "Tiga")}
    first, second = search("layanan", limit=2), search("layanan", limit=2, offset=2)
    assert first.total == second.total == 3
    assert len(first.hits) == 2 and len(second.hits) == 1
    assert set(first.innovation_ids + second.innovation_ids) == ids
    past = search("layanan", limit=2, offset=10)
    assert past.total == 3 and past.hits == []


def test_snippet_marks_the_matched_words_and_escapes_the_rest(publish):
    publish("Program Tiga", goals="Petugas <b>melayani</b> warga setiap hari di balai kota.")
    hit = search("pelayanan").hits[0]
    assert [p.text for p in hit.snippet if p.matched] == ["melayani"]
    assert "&lt;b&gt;<mark>melayani</mark>&lt;/b&gt;" in hit.snippet_html


def test_snippet_starts_near_a_match_deep_in_the_text(publish):
    filler = " ".join(["kata"] * 200)
    publish("Program Empat", design=f"{filler} akhirnya pasar rakyat dibuka.")
    parts = search("pasar").hits[0].snippet
    text = "".join(p.text for p in parts)
    assert text.startswith("… ") and "pasar" in text


BAD_QUERIES = [
    '"',
    '"layanan',
    "layanan*",
    "*",
    "NEAR",
    "layanan NEAR warga",
    "NEAR(layanan warga)",
    "layanan OR",
    "OR AND NOT",
    "'; DROP TABLE innovations_innovation; --",
    "layanan'); DELETE FROM innovations_searchdocument; --",
    "name_terms:layanan",
    "^layanan",
    "layanan & | ! <-> :*",
    "😀 layanan 🙏",
    "x" * 5000,
    "layanan " * 700,
    "",
    "   ",
    "\x00layanan",
]


@pytest.mark.parametrize("query", BAD_QUERIES, ids=range(len(BAD_QUERIES)))
def test_bad_input_is_treated_as_text(query, publish):
    publish("Layanan Warga", goals="Melayani warga NEAR pasar.")
    page = search(query)
    assert page.total == len(page.hits)
    assert SearchDocument.objects.count() == 1


def test_bad_input_still_finds_the_words_in_it(publish):
    version = publish("Layanan Warga", goals="Melayani warga.")
    for query in ['"layanan"', "layanan*", "(layanan)", "-layanan", "😀 layanan", "layanan " * 700]:
        assert search(query).innovation_ids == [version.innovation_id], query
    # An operator is a word like any other: every word must match, so "OR" finds nothing here.
    assert search("layanan OR warga").total == 0
    assert search("").total == 0
    assert search("").hits == []


def test_search_uses_at_most_two_queries(publish, django_assert_max_num_queries):
    for n in range(5):
        publish(f"Layanan {n}")
    with django_assert_max_num_queries(2):
        page = search("layanan", limit=3)
    assert page.total == 5


def test_index_refresh_queries_are_bounded(publish, django_assert_max_num_queries):
    ids = [publish(f"Layanan {n}").innovation_id for n in range(6)]
    with django_assert_max_num_queries(8):
        index_refresh(ids)
    assert search("layanan").total == 6


def test_index_refresh_removes_documents_that_no_longer_qualify(publish):
    version = publish("Layanan Turun")
    InnovationVersion.objects.filter(pk=version.pk).update(status=Status.DRAFT)
    index_refresh([version.innovation_id])
    assert search("layanan").total == 0


def test_reindex_rebuilds_a_lost_index(publish):
    versions = [publish(f"Layanan {n}", goals="Melayani warga.") for n in range(3)]
    SearchDocument.objects.all().delete()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM innovations_search_fts")
    assert search("layanan").total == 0
    calls: list[tuple[int, int]] = []
    assert reindex(lambda done, total: calls.append((done, total))) == 3
    assert calls == [(3, 3)]
    assert set(search("pelayanan").innovation_ids) == {v.innovation_id for v in versions}


def test_reindex_drops_documents_of_innovations_no_longer_public(publish):
    version = publish("Layanan Lama")
    # Written around the services (a bulk import, a fix in the shell): reindex puts the index right.
    InnovationVersion.objects.filter(pk=version.pk).update(status=Status.DRAFT)
    assert reindex() == 0
    assert search("layanan").total == 0


def test_reindex_command_reports_progress(publish):
    publish("Layanan Perintah")
    out = StringIO()
    call_command("reindex", stdout=out)
    output = out.getvalue()
    assert "1 / 1 inovasi diperiksa" in output
    assert "1 inovasi terindeks" in output
