"""Import innovations: one row is one year's profile of an innovation of a unit."""

import datetime as dt
from dataclasses import dataclass
from typing import Any, ClassVar

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lumbung.core.formatting import format_date, format_rupiah
from lumbung.innovations.models import (
    AuditEntry,
    Form,
    Initiator,
    Innovation,
    InnovationVersion,
    Kind,
    Stage,
    Status,
    Theme,
)
from lumbung.innovations.workflow import EDITABLE_STATUSES, FIRST_REPORT_YEAR
from lumbung.regions.models import Unit, Urusan

from .base import Importer, UnitIndex
from .cells import Column, Row, RowError, choice_labels, choice_lookup, normalize

MAX_YEAR = 2100
URUSAN_SEPARATOR = ";"  # urusan names themselves contain commas


def _urusan_names() -> list[str]:
    return list(Urusan.objects.values_list("name", flat=True))


def _theme_names() -> list[str]:
    return [f"{t.name} ({t.first_year}–{t.last_year or ''})" for t in Theme.objects.all()]


COLUMNS: tuple[Column, ...] = (
    Column(
        "Nama Inovasi",
        "name",
        gettext_lazy(
            "Nama inovasi, paling banyak 200 karakter. Nama yang sama di unit dan tahun yang sama "
            "memperbarui inovasi yang sudah ada (selama masih draf atau perlu revisi)."
        ),
        required=True,
        example="Layanan Antar Obat Lansia",
    ),
    Column(
        "Unit",
        "unit",
        gettext_lazy(
            "Nama unit atau nama singkatnya, seperti di halaman Unit (huruf besar/kecil tidak dibedakan)."
        ),
        required=True,
        example="Dinas Kesehatan",
    ),
    Column("Tahun", "year", gettext_lazy("Tahun laporan, angka empat digit."), required=True, example=2024),
    Column(
        "Tahapan",
        "stage",
        gettext_lazy("Tahapan inovasi."),
        example="Uji coba",
        allowed=lambda: choice_labels(Stage),
    ),
    Column(
        "Inisiator",
        "initiator",
        gettext_lazy("Siapa yang memprakarsai."),
        example="OPD",
        allowed=lambda: choice_labels(Initiator),
    ),
    Column(
        "Nama Inisiator",
        "initiator_name",
        gettext_lazy("Nama orang atau lembaga inisiator."),
        example="Dinas Kesehatan",
    ),
    Column(
        "Jenis",
        "kind",
        gettext_lazy("Jenis inovasi."),
        example="Digital",
        allowed=lambda: choice_labels(Kind),
    ),
    Column(
        "Bentuk",
        "form",
        gettext_lazy("Bentuk inovasi."),
        example="Inovasi pelayanan publik",
        allowed=lambda: choice_labels(Form),
    ),
    Column(
        "Tematik",
        "theme",
        gettext_lazy("Tematik indeks yang berlaku pada tahun laporan (nama saja)."),
        allowed=_theme_names,
    ),
    Column(
        "Urusan Utama",
        "main_urusan",
        gettext_lazy("Satu urusan pemerintahan, ditulis persis seperti daftar."),
        example="Kesehatan",
        allowed=_urusan_names,
    ),
    Column(
        "Urusan Irisan",
        "other_urusan",
        gettext_lazy("Urusan lain, dipisah titik koma (;). Jangan ulangi urusan utama."),
        example="Sosial; Pendidikan",
        allowed=_urusan_names,
    ),
    Column("Waktu Uji Coba", "trial_date", gettext_lazy("Tanggal mulai uji coba."), example="2024-02-01"),
    Column(
        "Waktu Penerapan",
        "implementation_date",
        gettext_lazy(
            "Tanggal mulai penerapan; tidak boleh sebelum waktu uji coba, kosong untuk tahapan inisiatif."
        ),
        example="07/06/2024",
    ),
    Column("Rancang Bangun", "design", gettext_lazy("Rancang bangun dan pokok perubahan.")),
    Column(
        "Tujuan", "goals", gettext_lazy("Tujuan inovasi."), example="Mendekatkan layanan obat kepada lansia."
    ),
    Column("Manfaat", "benefits", gettext_lazy("Manfaat inovasi.")),
    Column("Hasil", "results", gettext_lazy("Hasil inovasi.")),
    Column(
        "Anggaran (Rp)",
        "budget",
        gettext_lazy("Rupiah tanpa desimal: angka saja (75000000) atau dengan titik ribuan (75.000.000)."),
        example=75000000,
    ),
    Column(
        "Lintang",
        "latitude",
        gettext_lazy("Lintang, angka desimal antara -90 dan 90, contoh -4.0135."),
        example="-4.0135",
    ),
    Column(
        "Bujur",
        "longitude",
        gettext_lazy("Bujur, angka desimal antara -180 dan 180, contoh 119.6255."),
        example="119.6255",
    ),
    Column(
        "Tautan Video",
        "video_url",
        gettext_lazy("Alamat web lengkap, diawali https://."),
        example="https://www.youtube.com/watch?v=contoh",
    ),
)
TEXT_FIELDS = {
    "initiator_name": 200,
    "design": 100_000,
    "goals": 20_000,
    "benefits": 20_000,
    "results": 20_000,
}
CHOICES: dict[str, type[models.TextChoices]] = {
    "stage": Stage,
    "initiator": Initiator,
    "kind": Kind,
    "form": Form,
}
# Fields an imported row may set, in the order the audit trail lists them.
FIELDS = (
    "name", "stage", "initiator", "initiator_name", "kind", "form", "theme", "main_urusan", "trial_date",
    "implementation_date", "design", "goals", "benefits", "results", "latitude", "longitude", "budget",
    "video_url",
)  # fmt: skip


@dataclass
class Planned:
    number: int
    unit: Unit
    year: int
    fields: dict[str, Any]  # only the cells the row filled (an empty cell keeps the stored value)
    other_urusan: list[Urusan] | None
    version_id: int | None = None


class InnovationImporter(Importer):
    kind: ClassVar[str] = "innovations"
    columns: ClassVar[tuple[Column, ...]] = COLUMNS

    def prepare(self) -> None:
        self.units = UnitIndex.load(self.region)
        self.urusan = {normalize(u.name): u for u in Urusan.objects.all()}
        self.themes: dict[str, list[Theme]] = {}
        for theme in Theme.objects.all():
            self.themes.setdefault(normalize(theme.name), []).append(theme)
        self.lookups = {key: (choice_lookup(c), choice_labels(c)) for key, c in CHOICES.items()}
        # (unit, year, name) of every version of the region: a matching row updates that version.
        self.existing: dict[tuple[int, int, str], dict[str, Any]] = {
            (v["innovation__unit_id"], v["year"], normalize(v["name"])): dict(v)
            for v in InnovationVersion.objects.filter(region=self.region).values(
                "pk",
                "innovation__unit_id",
                "year",
                "name",
                "status",
                "stage",
                "trial_date",
                "implementation_date",
            )
        }
        self.seen: dict[tuple[int, int, str], int] = {}
        self.planned: list[Planned] = []

    def check_row(self, row: Row) -> None:
        name = row.text("name", 200, required=True)
        unit_value = row.raw("unit")
        unit = self.units.find(row, "unit", unit_value) if unit_value is not None else None
        if unit_value is None:
            row.error("unit", _("Wajib diisi."))
        year = row.whole_number("year", minimum=FIRST_REPORT_YEAR, maximum=MAX_YEAR, required=True)
        fields: dict[str, Any] = {}
        if name is not None:
            fields["name"] = name
        for key, (lookup, labels) in self.lookups.items():
            value = row.choice(key, lookup, labels)
            if value is not None:
                fields[key] = value
        for key, limit in TEXT_FIELDS.items():
            text = row.text(key, limit)
            if text is not None:
                fields[key] = text
        self._references(row, year, fields)
        other = self._other_urusan(row, fields.get("main_urusan"))
        for key in ("trial_date", "implementation_date"):
            date = row.date(key)
            if date is not None:
                fields[key] = date
        budget = row.whole_number("budget")
        if budget is not None:
            fields["budget"] = budget
        for key, limit in (("latitude", 90), ("longitude", 180)):
            number = row.coordinate(key, limit)
            if number is not None:
                fields[key] = number
        url = row.url("video_url")
        if url is not None:
            fields["video_url"] = url
        if name is None or unit is None or year is None:
            return
        match_key = (unit.pk, year, normalize(name))
        if match_key in self.seen:
            row.error(
                "name",
                _("Nama inovasi ini sudah ada di baris %(row)s untuk unit dan tahun yang sama.")
                % {"row": self.seen[match_key]},
            )
            return
        self.seen[match_key] = row.number
        planned = Planned(row.number, unit, year, fields, other)
        match = self.existing.get(match_key)
        stored: dict[str, Any] = {}
        if match is not None:
            planned.version_id, status = match["pk"], match["status"]
            stored = {k: match[k] for k in ("stage", "trial_date", "implementation_date")}
            if status not in EDITABLE_STATUSES:
                row.error(
                    "name",
                    _(
                        "Inovasi ini sudah ada untuk tahun %(year)s dengan status %(status)s, "
                        "sehingga tidak dapat diubah lewat impor."
                    )
                    % {"year": year, "status": Status(status).label},
                )
                return
        self._check_dates(row, {**stored, **fields})
        if not row.errors:
            self.planned.append(planned)

    def _references(self, row: Row, year: int | None, fields: dict[str, Any]) -> None:
        main = row.raw("main_urusan")
        if main is not None:
            urusan = self.urusan.get(normalize(main))
            if urusan is None:
                row.error(
                    "main_urusan",
                    _("Urusan “%(value)s” tidak ada dalam daftar urusan pemerintahan.") % {"value": main},
                )
            else:
                fields["main_urusan"] = urusan
        theme_value = row.raw("theme")
        if theme_value is not None:
            themes = self.themes.get(normalize(theme_value), [])
            valid = [
                t for t in themes if year is None or (t.first_year <= year and (t.last_year or year) >= year)
            ]
            if not themes:
                row.error("theme", _("Tematik “%(value)s” tidak dikenal.") % {"value": theme_value})
            elif not valid:
                row.error(
                    "theme",
                    _("Tematik “%(value)s” tidak berlaku untuk tahun %(year)s.")
                    % {"value": theme_value, "year": year},
                )
            else:
                fields["theme"] = valid[0]

    def _other_urusan(self, row: Row, main: Urusan | None) -> list[Urusan] | None:
        value = row.raw("other_urusan")
        if value is None:
            return None
        found: list[Urusan] = []
        for part in str(value).split(URUSAN_SEPARATOR):
            if not part.strip():
                continue
            urusan = self.urusan.get(normalize(part))
            if urusan is None:
                row.error(
                    "other_urusan",
                    _("Urusan “%(value)s” tidak ada dalam daftar urusan pemerintahan.")
                    % {"value": part.strip()},
                )
            elif main is not None and urusan == main:
                row.error("other_urusan", _("Urusan utama tidak perlu diulang sebagai urusan irisan."))
            elif urusan not in found:
                found.append(urusan)
        return found

    def _check_dates(self, row: Row, data: dict[str, Any]) -> None:
        # The profile form's rules; for an update the stored values count where a cell is empty.
        trial, implementation = data.get("trial_date"), data.get("implementation_date")
        if trial and implementation and trial > implementation:
            row.error("trial_date", _("Waktu uji coba tidak boleh sesudah waktu penerapan."))
        if data.get("stage", Stage.INITIATIVE) == Stage.INITIATIVE and implementation:
            row.error("implementation_date", _("Inovasi tahap inisiatif belum punya waktu penerapan."))

    def finish(self) -> None:
        self.to_update = sum(1 for p in self.planned if p.version_id is not None)
        self.to_create = len(self.planned) - self.to_update
        if self.lock and self.to_update:
            # Lock the versions about to be updated and look at their status once more.
            ids = [p.version_id for p in self.planned if p.version_id is not None]
            locked = set(
                InnovationVersion.objects.select_for_update()
                .filter(pk__in=ids, status__in=EDITABLE_STATUSES)
                .values_list("pk", flat=True)
            )
            for p in self.planned:
                if p.version_id is not None and p.version_id not in locked:
                    self.errors.append(_locked_error(p))

    def write(self) -> None:
        now = timezone.now()
        creates = [p for p in self.planned if p.version_id is None]
        innovations = Innovation.objects.bulk_create(
            [Innovation(region=self.region, unit=p.unit, created_by=self.actor) for p in creates],
            batch_size=1000,
        )
        versions = InnovationVersion.objects.bulk_create(
            [
                InnovationVersion(
                    innovation=innovation,
                    region=self.region,
                    year=p.year,
                    status=Status.DRAFT,
                    updated_by=self.actor,
                    **p.fields,
                )
                for innovation, p in zip(innovations, creates, strict=True)
            ],
            batch_size=1000,
        )
        through = InnovationVersion.other_urusan.through
        links = [
            through(innovationversion_id=v.pk, urusan_id=u.pk)
            for v, p in zip(versions, creates, strict=True)
            for u in p.other_urusan or []
        ]
        note = _("diimpor dari %(file)s") % {"file": self.source_name}
        audit = [
            AuditEntry(
                version=v,
                revision=1,
                field="created",
                new_value=f"{v.name} ({note}, baris {p.number})",
                actor=self.actor,
            )
            for v, p in zip(versions, creates, strict=True)
        ]
        self._write_updates(now, links, audit, note)
        through.objects.bulk_create(links, batch_size=2000)
        AuditEntry.objects.bulk_create(audit, batch_size=2000)

    def _write_updates(self, now: dt.datetime, links: list[Any], audit: list[AuditEntry], note: str) -> None:
        updates = {p.version_id: p for p in self.planned if p.version_id is not None}
        if not updates:
            return
        versions = list(
            InnovationVersion.objects.filter(pk__in=updates.keys())
            .select_related("theme", "main_urusan")
            .prefetch_related("other_urusan")
        )
        through = InnovationVersion.other_urusan.through
        changed_urusan: list[int] = []
        for version in versions:
            p = updates[version.pk]
            revision = version.revision + 1
            for name, value in p.fields.items():
                old = _display(version, name)
                setattr(version, name, value)
                new = _display(version, name)
                if old != new:
                    audit.append(
                        AuditEntry(
                            version=version,
                            revision=revision,
                            field=name,
                            old_value=old,
                            new_value=new,
                            actor=self.actor,
                        )
                    )
            if p.other_urusan is not None:
                old_names = ", ".join(sorted(u.name for u in version.other_urusan.all()))
                new_names = ", ".join(sorted(u.name for u in p.other_urusan))
                if old_names != new_names:
                    audit.append(
                        AuditEntry(
                            version=version,
                            revision=revision,
                            field="other_urusan",
                            old_value=old_names,
                            new_value=new_names,
                            actor=self.actor,
                        )
                    )
                    changed_urusan.append(version.pk)
                    links.extend(
                        through(innovationversion_id=version.pk, urusan_id=u.pk) for u in p.other_urusan
                    )
            audit.append(
                AuditEntry(
                    version=version,
                    revision=revision,
                    field="import",
                    new_value=f"{note}, baris {p.number}",
                    actor=self.actor,
                )
            )
            version.revision, version.updated_at, version.updated_by = revision, now, self.actor
        InnovationVersion.objects.bulk_update(
            versions, [*FIELDS, "revision", "updated_at", "updated_by"], batch_size=500
        )
        through.objects.filter(innovationversion_id__in=changed_urusan).delete()

    def next_url(self) -> str:
        return reverse("innovations:list")

    def next_label(self) -> str:
        return _("Lihat daftar inovasi")


def _locked_error(p: Planned) -> RowError:
    return RowError(
        p.number,
        "Nama Inovasi",
        _(
            "Inovasi ini tidak lagi berstatus draf atau perlu revisi, "
            "sehingga tidak dapat diubah lewat impor."
        ),
    )


def _display(version: InnovationVersion, field: str) -> str:
    """A field's value as a person reads it, for the audit trail."""
    value = getattr(version, field)
    if value is None or value == "":
        return ""
    if field in CHOICES:
        return str(getattr(version, f"get_{field}_display")())
    if isinstance(value, dt.date):
        return format_date(value, "id")
    if field == "budget":
        return format_rupiah(value)
    return str(value)
