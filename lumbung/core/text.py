"""The Indonesian text pipeline shared by indexing and querying: fold, tokenize, drop stop words, stem.

Both sides must go through the same steps, or "pelayanan" in a query would never meet "melayani" in a
profile. Everything here is a pure function of its input (the stem cache only remembers answers).
"""

import re
import unicodedata
from functools import cache, lru_cache
from typing import Protocol

# Longer "words" are pasted links, hashes or keyboard mashing: indexing them only bloats the index, and
# PostgreSQL refuses lexemes over 2 KB.
MAX_TOKEN_LENGTH = 40
# A query is a few words; a pasted page must not turn into a 5,000-term search.
MAX_QUERY_TERMS = 12
# A corpus repeats its words: 50,000 distinct stems cover a national catalogue's vocabulary.
STEM_CACHE_SIZE = 50_000

_TOKEN = re.compile(r"[a-z0-9]+")

# Function words that carry no meaning for search. Kept small on purpose: Sastrawi's list of 800 words
# drops "baru", "tidak" and "masa", which are parts of innovation names.
_STOP_WORDS_TEXT = """
ada adalah agar akan antara atas atau bagi bahwa banyak beberapa belum bisa dalam dan dapat dari
demi dengan di harus hingga ia ini itu jika juga ke kepada karena kami kita lain lebih maka masih
mereka namun oleh pada para saat saja sebagai sebuah secara sedang sehingga semua sendiri serta
seperti setelah setiap sudah suatu tanpa telah tentang tersebut terhadap untuk yaitu yakni yang
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())


class _Stemmer(Protocol):
    def stem_word(self, word: str) -> str: ...


@cache
def _stemmer() -> _Stemmer:
    # Loaded on first use: building the dictionary takes ~0.1 s, which pages that never search should not pay.
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
    from Sastrawi.Stemmer.Stemmer import Stemmer
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    # Sastrawi's own factory wraps the stemmer in an unbounded cache; the LRU below bounds it instead.
    return Stemmer(ArrayDictionary(StemmerFactory().get_words()))


def fold(text: str) -> str:
    """Lower-case and strip accents ("Café" → "cafe")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def tokenize(text: str) -> list[str]:
    """The folded words of a text, split on anything that is not a letter or digit (ASCII after folding)."""
    return [t for t in _TOKEN.findall(fold(text)) if len(t) <= MAX_TOKEN_LENGTH]


@lru_cache(maxsize=STEM_CACHE_SIZE)
def stem(token: str) -> str:
    """The root of one folded token; numbers and codes with digits stay as they are."""
    if len(token) < 4 or not token.isalpha():
        return token
    return _stemmer().stem_word(token) or token


def content_tokens(text: str) -> list[str]:
    return [t for t in tokenize(text) if t not in STOP_WORDS]


def document_terms(text: str) -> str:
    """The indexed form of a text: each word and, when it differs, its stem ("bajiki bajik").

    Keeping the word itself lets an acronym or invented name match exactly and outrank its mangled stem.
    """
    terms: list[str] = []
    for token in content_tokens(text):
        terms.append(token)
        root = stem(token)
        if root != token:
            terms.append(root)
    return " ".join(terms)


def query_words(text: str) -> list[tuple[str, str]]:
    """The distinct (word, stem) pairs of a query, at most MAX_QUERY_TERMS of them."""
    seen: set[str] = set()
    pairs: list[tuple[str, str]] = []
    for token in content_tokens(text):
        if token in seen:
            continue
        seen.add(token)
        pairs.append((token, stem(token)))
        if len(pairs) == MAX_QUERY_TERMS:
            break
    return pairs


def query_terms(text: str) -> list[str]:
    """The distinct stems of a query, in the order typed."""
    return list(dict.fromkeys(root for _, root in query_words(text)))
