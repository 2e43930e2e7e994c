import pytest

from lumbung.core import text


@pytest.mark.parametrize(
    ("word", "root"),
    [("pelayanan", "layan"), ("melayani", "layan"), ("layanan", "layan"), ("kesehatan", "sehat")],
)
def test_stems_share_a_root(word, root):
    assert text.stem(word) == root
    assert text.query_terms(word) == [root]


def test_fold_lowercases_and_strips_accents():
    assert text.fold("Café ÉLITE") == "cafe elite"


def test_tokenize_splits_on_anything_but_letters_and_digits():
    assert text.tokenize("Lancar-HD, 2023: (Inovasi)!") == ["lancar", "hd", "2023", "inovasi"]


def test_tokenize_drops_overlong_tokens_and_symbols():
    assert text.tokenize("x" * 41 + " 😀 ok") == ["ok"]


def test_stop_words_are_dropped():
    assert text.query_terms("layanan untuk dan yang kesehatan") == ["layan", "sehat"]


def test_document_terms_keep_the_word_and_its_stem():
    assert text.document_terms("BAJIKI melayani warga") == "bajiki bajik melayani layan warga"


def test_acronyms_and_codes_are_kept_as_typed():
    assert text.document_terms("SIPD HD 2023") == "sipd hd 2023"
    assert text.stem("e2023") == "e2023"


def test_query_words_pair_each_distinct_word_with_its_stem():
    assert text.query_words("Pelayanan pelayanan BAJIKI") == [("pelayanan", "layan"), ("bajiki", "bajik")]


def test_query_terms_are_capped():
    words = " ".join(f"kata{i}" for i in range(50))
    assert len(text.query_terms(words)) == text.MAX_QUERY_TERMS


@pytest.mark.parametrize("query", ["", "   ", "😀🙏", "'; --", '"*"', "dan yang untuk"])
def test_nothing_searchable_gives_no_terms(query):
    assert text.query_terms(query) == []


def test_stems_are_cached():
    text.stem.cache_clear()
    text.stem("pembangunan")
    text.stem("pembangunan")
    assert text.stem.cache_info().hits == 1
