"""An edition as plain data: read from a dict (the data file, a spreadsheet, a form), checked, and summed.

Nothing here touches the database, so the same checks serve the data migration, the services, the
command and the import page. Every problem is collected, not just the first, so a file can be fixed
in one pass.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .values import Problems, read_bool, read_date, read_decimal, read_int, text_field

FORMAT = 1
ASPECTS = ("spd", "sid")
LEVELS = (1, 2, 3)
YEAR_MIN, YEAR_MAX = 2000, 2100
SMALLINT_MAX = 32_767

# The rule fields of an edition: key → (kind, label, a decimal's digits and places or an integer's bounds).
RULES: dict[str, tuple[str, Any, tuple[int, int]]] = {
    "max_total": ("decimal", gettext_lazy("nilai total maksimum"), (7, 2)),
    "divisor_floor": ("int", gettext_lazy("pembagi minimum (k)"), (1, SMALLINT_MAX)),
    "quantity_factor": ("decimal", gettext_lazy("skor per inovasi"), (6, 4)),
    "quantity_cap": ("int", gettext_lazy("batas jumlah inovasi yang dihitung"), (0, 2_147_483_647)),
    "coverage_required": (
        "int",
        gettext_lazy("urusan pelayanan dasar yang harus tercakup"),
        (0, SMALLINT_MAX),
    ),
    "coverage_counts_other_urusan": ("bool", gettext_lazy("urusan irisan ikut dihitung"), (0, 0)),
    "very_innovative_min": ("decimal", gettext_lazy("batas bawah Sangat Inovatif"), (5, 2)),
    "innovative_min": ("decimal", gettext_lazy("batas bawah Inovatif"), (5, 2)),
    "eligibility_start": ("date", gettext_lazy("awal jendela penerapan"), (0, 0)),
    "eligibility_end": ("date", gettext_lazy("akhir jendela penerapan"), (0, 0)),
    "min_design_words": ("int", gettext_lazy("minimal kata rancang bangun"), (0, SMALLINT_MAX)),
    "reporting_deadline": ("date", gettext_lazy("batas pelaporan nasional"), (0, 0)),
}
REQUIRED_RULES = {k for k, (kind, _l, _r) in RULES.items() if kind != "date"}


@dataclass(frozen=True)
class OptionSpec:
    level: int
    text: str


@dataclass(frozen=True)
class BasisSpec:
    code: str
    name: str
    options: tuple[OptionSpec, ...]


@dataclass(frozen=True)
class IndicatorSpec:
    aspect: str
    number: str
    variable: str
    name: str
    weight: Decimal
    mandatory: bool
    evidence: str
    options: tuple[OptionSpec, ...] = ()
    bases: tuple[BasisSpec, ...] = ()


@dataclass(frozen=True)
class EditionSpec:
    year: int
    name: str
    source: str
    third_party: bool
    notes: str
    rules: dict[str, Any]
    indicators: tuple[IndicatorSpec, ...]


@dataclass(frozen=True)
class EditionSums:
    spd_max: Decimal
    sid_max: Decimal
    quantity_max: Decimal
    total: Decimal
    max_total: Decimal

    @property
    def adds_up(self) -> bool:
        return self.total == self.max_total


# The rules.


def read_rules(raw: Mapping[str, Any], problems: Problems, where: str) -> dict[str, Any]:
    """The typed rules, each checked on its own and then against each other."""
    rules: dict[str, Any] = {}
    for key, (kind, label, (a, b)) in RULES.items():
        value = raw.get(key)
        result: Any
        if kind == "decimal":
            result = read_decimal(value, a, b)
        elif kind == "int":
            result = read_int(value, a, b)
        elif kind == "bool":
            result = read_bool(value)
        else:
            result = read_date(value)
        if isinstance(result, str):
            problems.add(where, f"{label} {result}", field=key)
        else:
            rules[key] = result
    _check_rules(rules, problems, where)
    return rules


def _check_rules(rules: dict[str, Any], problems: Problems, where: str) -> None:
    max_total = rules.get("max_total")
    if max_total is not None and max_total <= 0:
        problems.add(where, _("Nilai total maksimum harus lebih dari 0."), field="max_total")
    factor = rules.get("quantity_factor")
    if factor is not None and factor < 0:
        problems.add(where, _("Skor per inovasi tidak boleh negatif."), field="quantity_factor")
    low, high = rules.get("innovative_min"), rules.get("very_innovative_min")
    if low is not None and low <= 0:
        problems.add(where, _("Batas bawah Inovatif harus lebih dari 0."), field="innovative_min")
    if high is not None and high > 100:
        problems.add(where, _("Batas bawah Sangat Inovatif paling tinggi 100."), field="very_innovative_min")
    if low is not None and high is not None and low >= high:
        problems.add(
            where,
            _("Batas bawah Inovatif (%(low)s) harus lebih kecil dari batas bawah Sangat Inovatif (%(high)s).")
            % {"low": low, "high": high},
            field="innovative_min",
        )
    start, end = rules.get("eligibility_start"), rules.get("eligibility_end")
    if start and end and start > end:
        problems.add(
            where,
            _("Awal jendela penerapan harus sebelum atau sama dengan akhirnya."),
            field="eligibility_end",
        )


# Indicators.


def _options(raw: Any, problems: Problems, where: str) -> tuple[OptionSpec, ...]:
    if not isinstance(raw, list):
        problems.add(where, _("pilihan harus berupa daftar."))
        return ()
    found: dict[int, OptionSpec] = {}
    for item in raw:
        item = item if isinstance(item, Mapping) else {}
        level = read_int(item.get("level"), 1, 3)
        if isinstance(level, str):
            problems.add(where, _("level pilihan %(e)s") % {"e": _("harus 1, 2, atau 3.")})
            continue
        if level in found:
            problems.add(where, _("level %(level)s muncul lebih dari sekali.") % {"level": level})
            continue
        text = text_field(
            problems, where, _("Teks pilihan level %(l)s") % {"l": level}, item.get("text"), 300, True
        )
        found[level] = OptionSpec(level, text)
    if set(found) != set(LEVELS):
        have = ", ".join(str(level) for level in sorted(found)) or _("tidak ada")
        problems.add(
            where,
            _("harus punya tepat tiga pilihan, untuk level 1, 2, dan 3 (yang ada: %(have)s).")
            % {"have": have},
        )
    return tuple(found[level] for level in sorted(found))


def _bases(raw: Any, problems: Problems, where: str) -> tuple[BasisSpec, ...]:
    if raw in (None, []):
        return ()
    if not isinstance(raw, list):
        problems.add(where, _("dasar pengukuran harus berupa daftar."))
        return ()
    bases: list[BasisSpec] = []
    for item in raw:
        item = item if isinstance(item, Mapping) else {}
        code = (text_field(problems, where, _("Kode dasar"), item.get("code"), 2, True)).lower()
        inner = _("%(where)s, dasar %(code)s") % {"where": where, "code": code or "?"}
        if code and any(b.code == code for b in bases):
            problems.add(where, _("kode dasar %(code)s muncul lebih dari sekali.") % {"code": code})
        name = text_field(problems, inner, _("Nama dasar"), item.get("name"), 200, True)
        bases.append(BasisSpec(code, name, _options(item.get("options"), problems, inner)))
    return tuple(bases)


def read_indicator(raw: Mapping[str, Any], problems: Problems, fallback: str) -> IndicatorSpec:
    number = str(raw.get("number") or "").strip().lower()
    where = _("Indikator %(number)s") % {"number": number or fallback}
    if not number:
        problems.add(where, _("nomor wajib diisi."), field="number")
    elif len(number) > 6:
        problems.add(where, _("nomor paling panjang 6 karakter."), field="number")
    aspect = str(raw.get("aspect") or "").strip().lower()
    if aspect not in ASPECTS:
        problems.add(where, _("aspek harus SPD atau SID."), field="aspect")
    weight = read_decimal(raw.get("weight"), 5, 2)
    if isinstance(weight, str):
        problems.add(where, _("bobot %(e)s") % {"e": weight}, field="weight")
        weight = Decimal(0)
    elif weight <= 0:
        problems.add(where, _("bobot harus lebih dari 0."), field="weight")
    mandatory = read_bool(raw.get("mandatory"))
    if isinstance(mandatory, str):
        problems.add(where, _("wajib: %(e)s") % {"e": mandatory}, field="mandatory")
        mandatory = False
    bases = _bases(raw.get("bases"), problems, where)
    options: tuple[OptionSpec, ...] = ()
    if bases:
        if raw.get("options"):
            problems.add(
                where,
                _(
                    "indikator dengan dasar pengukuran menulis pilihannya per dasar; "
                    "kosongkan pilihan umumnya."
                ),
            )
    else:
        options = _options(raw.get("options"), problems, where)
    return IndicatorSpec(
        aspect=aspect,
        number=number,
        variable=text_field(problems, where, _("Variabel"), raw.get("variable"), 100, True, "variable"),
        name=text_field(problems, where, _("Nama indikator"), raw.get("name"), 200, True, "name"),
        weight=weight,
        mandatory=mandatory,
        evidence=text_field(problems, where, _("Bukti dukung"), raw.get("evidence"), None, False),
        options=options,
        bases=bases,
    )


def check_numbers_unique(numbers: Iterable[str], problems: Problems) -> None:
    seen: set[str] = set()
    for number in numbers:
        if number and number in seen:
            problems.add(
                _("Indikator %(number)s") % {"number": number},
                _("nomor ini dipakai lebih dari satu indikator; nomor harus unik dalam satu edisi."),
                field="number",
            )
        seen.add(number)


# The whole edition.


def read_header(raw: Mapping[str, Any], problems: Problems) -> dict[str, Any]:
    where = _("Edisi")
    year = read_int(raw.get("year"), YEAR_MIN, YEAR_MAX)
    if isinstance(year, str):
        problems.add(where, _("tahun %(e)s") % {"e": year}, field="year")
        year = 0
    third_party = read_bool(raw.get("third_party"))
    if isinstance(third_party, str):
        problems.add(where, _("pihak ketiga: %(e)s") % {"e": third_party}, field="third_party")
        third_party = False
    return {
        "year": year,
        "name": text_field(problems, where, _("Nama edisi"), raw.get("name"), 200, True, "name"),
        "source": text_field(problems, where, _("Sumber"), raw.get("source"), None, False),
        "third_party": third_party,
        "notes": text_field(problems, where, _("Catatan"), raw.get("notes"), None, False),
    }


def read_edition(raw: Any) -> EditionSpec:
    """The edition in `raw` (the data-file layout), or a ValidationError listing every problem."""
    problems = Problems()
    if not isinstance(raw, Mapping):
        raise ValidationError(_("Isi berkas edisi harus berupa objek dengan tahun, aturan, dan indikator."))
    if raw.get("format", FORMAT) != FORMAT:
        problems.add(_("Edisi"), _("format berkas %(f)s tidak dikenal.") % {"f": raw.get("format")})
    header = read_header(raw, problems)
    rules_raw = raw.get("rules")
    rules = read_rules(rules_raw if isinstance(rules_raw, Mapping) else {}, problems, _("Aturan"))
    indicators_raw = raw.get("indicators")
    if not isinstance(indicators_raw, list):
        indicators_raw = []
    indicators = tuple(
        read_indicator(item if isinstance(item, Mapping) else {}, problems, f"#{i}")
        for i, item in enumerate(indicators_raw, start=1)
    )
    check_numbers_unique((i.number for i in indicators), problems)
    for aspect in ASPECTS:
        if not any(i.aspect == aspect for i in indicators):
            problems.add(_("Edisi"), _("belum ada indikator %(aspect)s.") % {"aspect": aspect.upper()})
    problems.raise_if_any()
    return EditionSpec(indicators=indicators, rules=rules, **header)


def max_level(indicator: IndicatorSpec) -> int:
    levels = [o.level for o in indicator.options] + [o.level for b in indicator.bases for o in b.options]
    return max(levels, default=0)


def edition_sums(
    rows: Iterable[tuple[str, Decimal, int]],
    *,
    quantity_cap: int,
    quantity_factor: Decimal,
    max_total: Decimal,
) -> EditionSums:
    """The maximum of each part: Σ weight × highest level per aspect, and cap × factor for quantity."""
    spd = sid = Decimal(0)
    for aspect, weight, top_level in rows:
        if aspect == "spd":
            spd += weight * top_level
        else:
            sid += weight * top_level
    quantity = Decimal(quantity_cap) * quantity_factor
    return EditionSums(
        spd_max=spd,
        sid_max=sid,
        quantity_max=quantity,
        total=spd + sid + quantity,
        max_total=max_total,
    )


def spec_sums(spec: EditionSpec) -> EditionSums:
    return edition_sums(
        ((i.aspect, i.weight, max_level(i)) for i in spec.indicators),
        quantity_cap=spec.rules["quantity_cap"],
        quantity_factor=spec.rules["quantity_factor"],
        max_total=spec.rules["max_total"],
    )
