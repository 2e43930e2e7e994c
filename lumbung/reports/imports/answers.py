"""Import index answers: one row is the region's answer to one indicator (SPD), or one innovation's (SID).

Only links travel in a spreadsheet: a file name in `bukti_dukung` is noted on the answer ("berkas: NAME")
so the unit knows what to upload, but it is no evidence until the file itself is uploaded.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lumbung.assessment.models import (
    Answer,
    Aspect,
    Basis,
    Edition,
    Evidence,
    Indicator,
    Option,
    VerificationState,
)
from lumbung.innovations.models import InnovationVersion

from .base import Importer
from .cells import Column, Row, normalize

FILE_NOTE = "berkas: "
MAX_URL = 500

COLUMNS: tuple[Column, ...] = (
    Column(
        "kode_wilayah",
        "region_code",
        gettext_lazy(
            "Kode wilayah Anda, contoh 73.72. Format kolom sebagai teks agar angkanya tidak berubah."
        ),
        required=True,
        example="73.72",
    ),
    Column(
        "tahun",
        "year",
        gettext_lazy("Tahun penilaian; edisi indeks tahun itu harus sudah ada di Lumbung."),
        required=True,
        example=2026,
    ),
    Column(
        "inovasi",
        "innovation",
        gettext_lazy(
            "Kosongkan untuk indikator SPD. Untuk indikator SID: nama inovasi persis seperti di registri "
            "(huruf besar/kecil tidak dibedakan), laporan tahun yang sama."
        ),
        example="",
    ),
    Column(
        "indikator",
        "indicator",
        gettext_lazy("Nomor indikator seperti di edisi, contoh 5a atau 33."),
        required=True,
        example="1",
    ),
    Column(
        "level",
        "level",
        gettext_lazy("0, 1, 2, atau 3; 0 berarti belum memenuhi."),
        required=True,
        example=3,
        allowed=lambda: ["0", "1", "2", "3"],
    ),
    Column(
        "basis",
        "basis",
        gettext_lazy(
            "Dasar pengukuran (a–f), hanya untuk indikator yang memilikinya (indikator 33); kosongkan "
            "untuk indikator lain."
        ),
        example="",
    ),
    Column(
        "bukti_dukung",
        "evidence",
        gettext_lazy(
            "Tautan lengkap (https://...) disimpan sebagai bukti dukung. Nama berkas hanya dicatat di "
            "keterangan jawaban (berkas: NAMA) karena berkasnya tidak ikut dalam spreadsheet: unggah "
            "berkasnya di halaman jawaban agar jawaban dapat diverifikasi."
        ),
        example="https://drive.example.go.id/sk-inovasi.pdf",
    ),
)


@dataclass
class YearData:
    """What rows of one year are matched against: its edition, indicators and the region's innovations."""

    edition: Edition
    indicators: dict[str, Indicator]
    bases: dict[int, dict[str, Basis]]
    options: set[tuple[int, int | None, int]]
    versions: dict[str, list[InnovationVersion]]


@dataclass
class Planned:
    number: int
    edition: Edition
    indicator: Indicator
    version: InnovationVersion | None
    level: int
    basis: Basis | None
    url: str = ""
    file_name: str = ""
    existing: Answer | None = field(default=None)


def _load_year(region_id: int, edition: Edition) -> YearData:
    indicators = {normalize(i.number): i for i in Indicator.objects.filter(edition=edition)}
    bases: dict[int, dict[str, Basis]] = defaultdict(dict)
    for basis in Basis.objects.filter(indicator__edition=edition):
        bases[basis.indicator_id][normalize(basis.code)] = basis
    options: set[tuple[int, int | None, int]] = set(
        Option.objects.filter(indicator__edition=edition).values_list("indicator_id", "basis_id", "level")
    )
    versions: dict[str, list[InnovationVersion]] = defaultdict(list)
    for version in InnovationVersion.objects.filter(region_id=region_id, year=edition.year).select_related(
        "innovation__unit"
    ):
        versions[normalize(version.name)].append(version)
    return YearData(edition, indicators, dict(bases), options, dict(versions))


class AnswerImporter(Importer):
    kind: ClassVar[str] = "answers"
    columns: ClassVar[tuple[Column, ...]] = COLUMNS

    def prepare(self) -> None:
        self.editions = {e.year: e for e in Edition.objects.all()}
        self.years: dict[int, YearData] = {}
        self.seen: dict[tuple[int, int | None], int] = {}
        self.planned: list[Planned] = []

    def _year(self, year: int) -> YearData | None:
        edition = self.editions.get(year)
        if edition is None:
            return None
        if year not in self.years:
            self.years[year] = _load_year(self.region.pk, edition)
        return self.years[year]

    def _check_region(self, row: Row) -> None:
        value = row.raw("region_code")
        if value is None:
            row.error(
                "region_code", _("Wajib diisi: kode wilayah Anda, %(code)s.") % {"code": self.region.code}
            )
            return
        # A spreadsheet may keep 73.72 as a number; 73.70 would then read 73.7.
        same = str(value).strip() == self.region.code or (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and _as_float(self.region.code) == value
        )
        if not same:
            row.error(
                "region_code",
                _("Kode wilayah %(value)s bukan wilayah Anda (%(code)s): impor hanya untuk wilayah sendiri.")
                % {"value": value, "code": self.region.code},
            )

    def check_row(self, row: Row) -> None:
        self._check_region(row)
        year = row.whole_number("year", minimum=1900, maximum=2100, required=True)
        number = row.text("indicator", 6, required=True)
        level = row.whole_number("level", minimum=0, maximum=3, required=True)
        name = row.text("innovation", 200)
        basis_code = row.text("basis", 2)
        url, file_name = self._evidence(row)
        if year is None or number is None:
            return
        data = self._year(year)
        if data is None:
            row.error("year", _("Belum ada edisi indeks untuk tahun %(year)s.") % {"year": year})
            return
        indicator = data.indicators.get(normalize(number))
        if indicator is None:
            row.error(
                "indicator",
                _("Indikator “%(value)s” tidak ada di %(edition)s. Nomor yang ada: %(numbers)s.")
                % {
                    "value": number,
                    "edition": data.edition.name,
                    "numbers": ", ".join(i.number for i in data.indicators.values()),
                },
            )
            return
        version = self._version(row, data, indicator, name)
        basis = self._basis(row, data, indicator, basis_code, level)
        if level is not None and level > 0 and not row.errors:
            key = (indicator.pk, basis.pk if basis else None, level)
            if key not in data.options:
                row.error(
                    "level",
                    _("Indikator %(n)s tidak punya pilihan level %(level)s.") % {"n": number, "level": level},
                )
        if level is None or row.errors:
            return
        seen_key = (indicator.pk, version.pk if version else None)
        if seen_key in self.seen:
            row.error(
                "indicator", _("Jawaban yang sama sudah ada di baris %(row)s.") % {"row": self.seen[seen_key]}
            )
            return
        self.seen[seen_key] = row.number
        self.planned.append(
            Planned(
                row.number, data.edition, indicator, version, level, basis if level else None, url, file_name
            )
        )

    def _evidence(self, row: Row) -> tuple[str, str]:
        text = row.text("evidence", MAX_URL)
        if text is None:
            return "", ""
        if "://" not in text:
            return "", text
        try:
            URLValidator(schemes=["http", "https"])(text)
        except ValidationError:
            row.error(
                "evidence", _("Tautan harus berupa alamat web lengkap yang diawali http:// atau https://.")
            )
            return "", ""
        return text, ""

    def _version(
        self, row: Row, data: YearData, indicator: Indicator, name: str | None
    ) -> InnovationVersion | None:
        if indicator.aspect == Aspect.SPD:
            if name is not None:
                row.error(
                    "innovation",
                    _("Indikator %(n)s termasuk SPD (dijawab sekali untuk wilayah): kosongkan kolom inovasi.")
                    % {"n": indicator.number},
                )
            return None
        if name is None:
            row.error(
                "innovation",
                _("Indikator %(n)s termasuk SID: isi nama inovasinya.") % {"n": indicator.number},
            )
            return None
        found = data.versions.get(normalize(name), [])
        if not found:
            row.error(
                "innovation",
                _("Inovasi “%(name)s” tidak ditemukan di laporan tahun %(year)s wilayah ini.")
                % {"name": name, "year": data.edition.year},
            )
            return None
        if len(found) > 1:
            row.error(
                "innovation",
                _(
                    "Nama “%(name)s” dipakai oleh %(n)s inovasi tahun %(year)s (%(units)s). Bedakan namanya "
                    "di registri, lalu impor lagi."
                )
                % {
                    "name": name,
                    "n": len(found),
                    "year": data.edition.year,
                    "units": ", ".join(v.innovation.unit.name for v in found),
                },
            )
            return None
        return found[0]

    def _basis(
        self, row: Row, data: YearData, indicator: Indicator, code: str | None, level: int | None
    ) -> Basis | None:
        bases = data.bases.get(indicator.pk, {})
        if code is None:
            if bases and level:
                row.error(
                    "basis",
                    _("Indikator %(n)s diukur dengan salah satu dasar: isi %(codes)s.")
                    % {"n": indicator.number, "codes": ", ".join(b.code for b in bases.values())},
                )
            return None
        if not bases:
            row.error(
                "basis",
                _("Indikator %(n)s tidak memakai dasar pengukuran: kosongkan kolom basis.")
                % {"n": indicator.number},
            )
            return None
        basis = bases.get(normalize(code))
        if basis is None:
            row.error(
                "basis",
                _("Basis “%(code)s” tidak ada untuk indikator %(n)s. Pilihan: %(codes)s.")
                % {"code": code, "n": indicator.number, "codes": ", ".join(b.code for b in bases.values())},
            )
        return basis

    def finish(self) -> None:
        editions = {p.edition.pk for p in self.planned}
        answers = Answer.objects.filter(region=self.region, edition_id__in=editions)
        if self.lock:
            answers = answers.select_for_update()
        existing = {(a.indicator_id, a.version_id): a for a in answers}
        self.urls: dict[int, set[str]] = defaultdict(set)
        for answer_id, url in (
            Evidence.objects.filter(answer__in=existing.values())
            .exclude(url="")
            .values_list("answer_id", "url")
        ):
            self.urls[answer_id].add(url)
        for p in self.planned:
            p.existing = existing.get((p.indicator.pk, p.version.pk if p.version else None))
            if p.existing is None:
                self.to_create += 1
            elif self._content_changes(p) or self._new_url(p) or self._note(p) != p.existing.note:
                self.to_update += 1
            else:
                self.unchanged += 1

    def _content_changes(self, p: Planned) -> bool:
        assert p.existing is not None
        return (p.existing.level, p.existing.basis_id) != (p.level, p.basis.pk if p.basis else None)

    def _new_url(self, p: Planned) -> bool:
        return bool(p.url) and (p.existing is None or p.url not in self.urls[p.existing.pk])

    def _note(self, p: Planned) -> str:
        note = p.existing.note if p.existing else ""
        line = FILE_NOTE + p.file_name
        if not p.file_name or line in note.splitlines():
            return note
        return f"{note}\n{line}" if note else line

    def write(self) -> None:
        now = timezone.now()
        new = [
            Answer(
                edition=p.edition,
                indicator=p.indicator,
                region=self.region,
                version=p.version,
                level=p.level,
                basis=p.basis,
                note=self._note(p),
                answered_by=self.actor,
            )
            for p in self.planned
            if p.existing is None
        ]
        Answer.objects.bulk_create(new, batch_size=500)
        created = iter(new)
        changed: list[Answer] = []
        evidence: list[Evidence] = []
        for p in self.planned:
            answer = p.existing or next(created)
            if p.existing is not None and self._apply(p, now):
                changed.append(p.existing)
            if self._new_url(p):
                evidence.append(Evidence(answer=answer, url=p.url, uploaded_by=self.actor))
        fields = ["level", "basis", "note", "revision", "answered_by", "updated_at", "verification",
                  "verifier_note", "verified_by", "verified_at"]  # fmt: skip
        Answer.objects.bulk_update(changed, fields, batch_size=500)
        Evidence.objects.bulk_create(evidence, batch_size=500)

    def _apply(self, p: Planned, now: Any) -> bool:
        """Change an existing answer as planned; whether anything changed."""
        answer = p.existing
        assert answer is not None
        reset = self._content_changes(p) or self._new_url(p)
        note = self._note(p)
        if not reset and note == answer.note:
            return False
        if reset:
            # A new level, basis or piece of evidence is no longer what the verifier approved.
            answer.verification, answer.verifier_note = VerificationState.UNVERIFIED, ""
            answer.verified_by, answer.verified_at = None, None
        answer.level, answer.basis, answer.note = p.level, p.basis, note
        answer.revision += 1
        answer.answered_by, answer.updated_at = self.actor, now
        return True

    def done_message(self) -> str:
        return _("Impor selesai. %(summary)s Jawaban yang berubah menunggu verifikasi lagi.") % {
            "summary": self.summary()
        }

    def next_url(self) -> str:
        year = self.planned[0].edition.year if self.planned else timezone.now().year
        return reverse("assessment:answers_region", args=[self.region.code, year])

    def next_label(self) -> str:
        return _("Lihat jawaban indeks")


def _as_float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None
