"""The English catalogue: complete, compiled, covering the templates; pages in both languages; formatting."""

import datetime as dt
import gettext
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from lumbung.accounts.models import User
from lumbung.core.formatting import format_date, format_datetime, format_rupiah
from lumbung.regions.models import Region, Unit

from .factories import make_version

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "lumbung" / "locale" / "en" / "LC_MESSAGES"
PO_PATH = LOCALE / "django.po"
MO_PATH = LOCALE / "django.mo"


# A tiny PO reader (no new dependency): enough for the files makemessages writes.


@dataclass
class PoEntry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_KEYWORD_RE = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")\s*$')


def _unquote(text: str) -> str:
    assert text.startswith('"') and text.endswith('"'), text
    return re.sub(r"\\(.)", lambda m: _ESCAPES[m.group(1)], text[1:-1])


def parse_po(text: str) -> list[PoEntry]:
    entries: list[PoEntry] = []
    current: PoEntry | None = None
    target: tuple[str, int] | None = None

    def start() -> PoEntry:
        entry = PoEntry()
        entries.append(entry)
        return entry

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            current, target = None, None
        elif line.startswith("#~"):
            continue  # obsolete entries are not part of the catalogue
        elif line.startswith("#,"):
            current = current or start()
            current.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            current = current or start()
        elif line.startswith('"'):
            assert current is not None and target is not None, f"line {number}: stray string"
            value = _unquote(line)
            name, index = target
            if name == "msgstr":
                current.msgstr[index] += value
            else:
                setattr(current, name, (getattr(current, name) or "") + value)
        else:
            match = _KEYWORD_RE.match(line)
            assert match, f"line {number}: cannot read {raw!r}"
            keyword, index_text, quoted = match.groups()
            current = current or start()
            if not current.line:
                current.line = number
            value = _unquote(quoted)
            if keyword.startswith("msgstr"):
                index = int(index_text) if index_text is not None else 0
                current.msgstr[index] = value
                target = ("msgstr", index)
            else:
                setattr(current, keyword, value)
                target = (keyword, 0)
    return [entry for entry in entries if entry.msgstr or entry.msgid]


@pytest.fixture(scope="module")
def po_entries() -> list[PoEntry]:
    return parse_po(PO_PATH.read_text(encoding="utf-8"))


def _messages(entries: list[PoEntry]) -> list[PoEntry]:
    """Every entry except the header."""
    return [entry for entry in entries if entry.msgid]


def test_parser_reads_plurals_and_multiline_strings() -> None:
    sample = (
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        "#: a.html:1\n#, fuzzy, python-format\n"
        'msgid ""\n"%(n)s orang "\n"di sini"\nmsgid_plural "%(n)s orang"\n'
        'msgstr[0] "%(n)s person"\nmsgstr[1] ""\n\n'
        '#~ msgid "lama"\n#~ msgstr "old"\n'
    )
    header, entry = parse_po(sample)
    assert header.msgid == "" and header.msgstr[0] == "Language: en\n"
    assert entry.msgid == "%(n)s orang di sini"
    assert entry.msgid_plural == "%(n)s orang"
    assert entry.msgstr == {0: "%(n)s person", 1: ""}
    assert entry.flags == {"fuzzy", "python-format"}


def test_catalogue_is_complete_and_not_fuzzy(po_entries: list[PoEntry]) -> None:
    messages = _messages(po_entries)
    assert len(messages) > 400
    header = po_entries[0]
    assert header.msgid == "" and "fuzzy" not in header.flags
    assert "Language: en" in header.msgstr[0]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header.msgstr[0]
    fuzzy = [entry.msgid for entry in messages if "fuzzy" in entry.flags]
    assert not fuzzy, f"fuzzy entries: {fuzzy}"
    empty = []
    for entry in messages:
        forms = 2 if entry.msgid_plural is not None else 1
        if sorted(entry.msgstr) != list(range(forms)) or not all(entry.msgstr.values()):
            empty.append(f"line {entry.line}: {entry.msgid!r}")
    assert not empty, "untranslated entries:\n" + "\n".join(empty)


PLACEHOLDER_RE = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


def test_translations_keep_their_placeholders(po_entries: list[PoEntry]) -> None:
    wrong = []
    for entry in _messages(po_entries):
        expected = set(PLACEHOLDER_RE.findall(entry.msgid))
        for text in entry.msgstr.values():
            if set(PLACEHOLDER_RE.findall(text)) != expected:
                wrong.append(f"{entry.msgid!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)


def test_compiled_catalogue_matches_the_po(po_entries: list[PoEntry]) -> None:
    # The .mo is committed (fresh machines need no gettext tools); it must be compiled from this .po.
    with MO_PATH.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for entry in _messages(po_entries):
        context, singular, plural = entry.msgctxt, entry.msgid, entry.msgid_plural
        if plural is None:
            found = [compiled.gettext(singular) if context is None else compiled.pgettext(context, singular)]
        elif context is None:
            found = [compiled.ngettext(singular, plural, n) for n in (1, 2)]
        else:
            found = [compiled.npgettext(context, singular, plural, n) for n in (1, 2)]
        if found != [entry.msgstr[i] for i in range(len(found))]:
            stale.append(singular)
    assert not stale, "run `manage.py compilemessages`; out of date in the .mo: " + repr(stale[:10])


# Every interface string in the templates is in the catalogue.

TRANSLATE_RE = re.compile(r"""\{%\s*(?:translate|trans)\s+(?:"([^"]*)"|'([^']*)')(?P<rest>[^%]*)%\}""")
CONTEXT_RE = re.compile(r"""\bcontext\s+(?:"([^"]*)"|'([^']*)')""")
BLOCK_RE = re.compile(
    r"\{%\s*(?:blocktranslate|blocktrans)\b(?P<options>[^%]*)%\}(?P<body>.*?)"
    r"\{%\s*(?:endblocktranslate|endblocktrans)\s*%\}",
    re.DOTALL,
)
PLURAL_RE = re.compile(r"\{%\s*plural\s*%\}")
VARIABLE_RE = re.compile(r"\{\{\s*(\w+)\s*\}\}")


def _template_files() -> list[Path]:
    return sorted(
        path
        for pattern in (
            "templates/**/*.html",
            "templates/**/*.txt",
            "*/templates/**/*.html",
            "*/templates/**/*.txt",
        )
        for path in (ROOT / "lumbung").glob(pattern)
    )


def _context(options: str) -> str | None:
    match = CONTEXT_RE.search(options)
    if match is None:
        return None
    return match.group(1) if match.group(1) is not None else match.group(2)


def _block_msgid(body: str, options: str) -> str:
    """The msgid Django extracts from a blocktranslate body: {{ x }} becomes %(x)s, % is doubled."""
    text = body.replace("%", "%%")
    text = VARIABLE_RE.sub(lambda m: f"%({m.group(1)})s", text)
    if "trimmed" in options.split():
        text = " ".join(line.strip() for line in text.strip().splitlines() if line.strip())
    return text


def test_template_strings_are_in_the_catalogue(po_entries: list[PoEntry]) -> None:
    msgids = {(entry.msgctxt, entry.msgid) for entry in _messages(po_entries)}
    templates = _template_files()
    assert len(templates) > 20
    missing = []
    found = 0
    for path in templates:
        source = path.read_text(encoding="utf-8")
        for match in TRANSLATE_RE.finditer(source):
            text = match.group(1) if match.group(1) is not None else match.group(2)
            key = (_context(match.group("rest")), text)
            found += 1
            if key not in msgids:
                missing.append(f"{path.relative_to(ROOT)}: {key!r}")
        for match in BLOCK_RE.finditer(source):
            singular = PLURAL_RE.split(match.group("body"))[0]
            key = (_context(match.group("options")), _block_msgid(singular, match.group("options")))
            found += 1
            if key not in msgids:
                missing.append(f"{path.relative_to(ROOT)}: {key!r}")
    assert found > 200
    assert not missing, "add these with `manage.py makemessages -l en` and translate them:\n" + "\n".join(
        missing
    )


# Pages in both languages.

TAG_RE = re.compile(r"<script.*?</script>|<style.*?</style>|<[^>]+>", re.DOTALL)


def visible_text(response: Any) -> str:
    """The page's text as a reader sees it (tags and attributes dropped, entities decoded)."""
    return " ".join(html.unescape(TAG_RE.sub(" ", response.content.decode())).split())


def has_word(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def assert_words(text: str, present: list[str], absent: list[str]) -> None:
    assert [p for p in present if not has_word(text, p)] == [], text[:2000]
    assert [a for a in absent if has_word(text, a)] == [], text[:2000]


@pytest.fixture
def english_innovator(innovator: User) -> User:
    innovator.language = User.Language.ENGLISH
    innovator.save(update_fields=["language"])
    return innovator


@pytest.mark.django_db
def test_login_page_follows_the_browser_language(client: Any) -> None:
    english = visible_text(client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en"))
    assert_words(
        english,
        ["Sign in to Lumbung", "Sign in", "Password", "Forgot your password?"],
        ["Masuk", "Kata sandi"],
    )
    indonesian = visible_text(client.get(reverse("accounts:login")))
    assert_words(indonesian, ["Masuk ke Lumbung", "Masuk", "Kata sandi"], ["Sign in", "Password"])


def test_pages_in_english_for_a_user_who_chose_it(
    client: Any, english_innovator: User, region: Region, unit: Unit
) -> None:
    version = make_version(english_innovator, region, unit)
    client.force_login(english_innovator)

    home = client.get(reverse("home"))
    assert home.status_code == 200
    assert '<html lang="en">' in home.content.decode()
    assert_words(
        visible_text(home),
        ["Welcome", "Home", "Innovations", "My tasks", "Draft", "Submitted", "Sign out"],
        ["Selamat datang", "Beranda", "Tugas saya", "Draf", "Diajukan", "Keluar"],
    )

    listing = visible_text(client.get(reverse("innovations:list")))
    assert_words(
        listing,
        ["Regional innovations", "Innovation name", "Stage", "Implementation", "Draft", "1 innovation"],
        ["Inovasi daerah", "Nama inovasi", "Tahapan", "Penerapan", "Draf", "Terapkan"],
    )
    assert format_date(version.updated_at, "en") in listing

    detail = visible_text(client.get(reverse("innovations:detail", args=[version.pk])))
    assert_words(
        detail,
        [
            "Innovation profile",
            "Stage",
            "Draft",
            "Implementation",
            "Design and main changes (rancang bangun)",
            "Main affair (urusan utama)",
            "Budget",
            "Rp 75.000.000",
            "320 words",
            "Submit",
            "Change log",
            "Time",
        ],
        ["Profil inovasi", "Tahapan", "Draf", "Penerapan", "Anggaran", "kata", "Ajukan"],
    )
    assert "1 Februari 2023" not in detail and "1 February 2023" in detail


def test_pages_in_indonesian_by_default(client: Any, innovator: User, region: Region, unit: Unit) -> None:
    version = make_version(innovator, region, unit)
    client.force_login(innovator)

    home = client.get(reverse("home"))
    assert '<html lang="id">' in home.content.decode()
    assert_words(visible_text(home), ["Selamat datang", "Beranda", "Draf"], ["Welcome", "Home", "Draft"])

    listing = visible_text(client.get(reverse("innovations:list")))
    assert_words(listing, ["Inovasi daerah", "Tahapan", "Draf"], ["Regional innovations", "Stage", "Draft"])

    detail = visible_text(client.get(reverse("innovations:detail", args=[version.pk])))
    assert_words(
        detail,
        ["Profil inovasi", "Tahapan", "Draf", "320 kata", "1 Februari 2023"],
        ["Stage", "Draft", "words"],
    )


def test_user_language_wins_over_the_browser_but_not_over_the_cookie(client: Any, innovator: User) -> None:
    client.force_login(innovator)  # language "id"
    text = visible_text(client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en"))
    assert_words(text, ["Beranda"], ["Home"])
    client.cookies["django_language"] = "en"
    text = visible_text(client.get(reverse("home")))
    assert_words(text, ["Home"], ["Beranda"])


def test_language_switch_saves_the_choice(client: Any, innovator: User) -> None:
    client.force_login(innovator)
    response = client.post(reverse("accounts:language_set"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response.url == "/"
    innovator.refresh_from_db()
    assert innovator.language == "en"
    assert response.cookies["django_language"].value == "en"
    assert_words(visible_text(client.get("/")), ["Home", "My tasks"], ["Beranda"])


def test_language_switch_ignores_unknown_languages(client: Any, innovator: User) -> None:
    client.force_login(innovator)
    client.post(reverse("accounts:language_set"), {"language": "xx", "next": "/"})
    innovator.refresh_from_db()
    assert innovator.language == "id"


# Dates, money, local time.


def test_format_date_in_both_languages() -> None:
    day = dt.date(2023, 12, 7)
    assert format_date(day, "id") == "7 Desember 2023"
    assert format_date(day, "en") == "7 December 2023"
    with translation.override("id"):
        assert format_date(day) == "7 Desember 2023"
    with translation.override("en"):
        assert format_date(day) == "7 December 2023"
    assert format_date(None) == ""


def test_format_rupiah() -> None:
    assert format_rupiah(1250000) == "Rp 1.250.000"
    assert format_rupiah(0) == "Rp 0"
    assert format_rupiah(None) == ""


def test_format_datetime_uses_the_region_zone() -> None:
    moment = dt.datetime(2023, 12, 6, 20, 15, tzinfo=dt.UTC)
    with translation.override("id"):
        text = format_datetime(moment, "Asia/Makassar")
    assert text.endswith(" WITA")
    # WITA is UTC+8: 20.15 UTC on the 6th is 04.15 on the 7th.
    assert text == "7 Desember 2023 04.15 WITA"
    hours, minutes = map(int, text.split()[-2].split("."))
    local = dt.datetime(2023, 12, 7, hours, minutes)
    assert local - moment.replace(tzinfo=None) == dt.timedelta(hours=8)
    assert format_datetime(moment, "Asia/Makassar", "en") == "7 December 2023 04.15 WITA"
    assert format_datetime(moment, "Asia/Jakarta", "id") == "7 Desember 2023 03.15 WIB"
