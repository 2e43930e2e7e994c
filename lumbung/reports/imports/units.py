"""Import units: a row creates a unit, or updates the unit of the same name in the region."""

from dataclasses import dataclass
from typing import Any, ClassVar

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lumbung.regions.models import Unit

from .base import Importer, UnitIndex
from .cells import Column, Row, RowError, choice_labels, choice_lookup, normalize

COLUMNS: tuple[Column, ...] = (
    Column(
        "Nama Unit",
        "name",
        gettext_lazy(
            "Nama lengkap unit, unik di wilayah ini (huruf besar/kecil tidak dibedakan). Nama yang "
            "sudah ada memperbarui unit itu."
        ),
        required=True,
        example="Dinas Kesehatan",
    ),
    Column(
        "Nama Singkat",
        "short_name",
        gettext_lazy("Singkatan yang biasa dipakai, paling banyak 60 karakter."),
        example="Dinkes",
    ),
    Column(
        "Jenis",
        "kind",
        gettext_lazy("Jenis unit."),
        required=True,
        example="Dinas",
        allowed=lambda: choice_labels(Unit.Kind),
    ),
    Column(
        "Induk",
        "parent",
        gettext_lazy(
            "Unit induk: nama atau nama singkat unit yang sudah ada atau ada di berkas ini. "
            "Kosong untuk perangkat daerah."
        ),
        example="",
    ),
    Column("Nama Kepala", "head_name", gettext_lazy("Nama kepala unit."), example="dr. Andi Rahman"),
    Column(
        "NIP Kepala",
        "head_nip",
        gettext_lazy("18 angka; spasi boleh. Format kolom sebagai teks agar digitnya tidak rusak."),
        example="197001011990031001",
    ),
    Column(
        "Aktif",
        "is_active",
        gettext_lazy("“Ya” atau “Tidak”; kosong berarti Ya untuk unit baru."),
        example="Ya",
        allowed=lambda: ["Ya", "Tidak"],
    ),
)
FIELDS = ("name", "short_name", "kind", "head_name", "head_nip", "is_active")


@dataclass
class Planned:
    number: int
    fields: dict[str, Any]
    parent: str | None  # the cell as written; resolved once every row is known
    unit: Unit | None = None  # the stored unit this row updates


class UnitImporter(Importer):
    kind: ClassVar[str] = "units"
    columns: ClassVar[tuple[Column, ...]] = COLUMNS

    def prepare(self) -> None:
        self.stored = list(Unit.objects.filter(region=self.region))
        self.by_name = {normalize(u.name): u for u in self.stored}
        self.kinds = (choice_lookup(Unit.Kind), choice_labels(Unit.Kind))
        self.seen: dict[str, int] = {}
        self.planned: list[Planned] = []

    def check_row(self, row: Row) -> None:
        fields: dict[str, Any] = {}
        name = row.text("name", 200, required=True)
        kind = row.choice("kind", *self.kinds, required=True)
        for key, limit in (("short_name", 60), ("head_name", 200)):
            text = row.text(key, limit)
            if text is not None:
                fields[key] = text
        nip = row.nip("head_nip")
        if nip is not None:
            fields["head_nip"] = nip
        active = row.boolean("is_active")
        if active is not None:
            fields["is_active"] = active
        parent = row.raw("parent")
        if name is None:
            return
        fields["name"] = name
        if kind is not None:
            fields["kind"] = kind
        key = normalize(name)
        if key in self.seen:
            row.error("name", _("Nama unit ini sudah ada di baris %(row)s.") % {"row": self.seen[key]})
            return
        self.seen[key] = row.number
        if not row.errors:
            self.planned.append(
                Planned(
                    row.number, fields, str(parent) if parent is not None else None, self.by_name.get(key)
                )
            )

    def finish(self) -> None:
        # Parents may be units of the file itself: resolve against the region as it will be after the import.
        by_id = {u.pk: u for u in self.stored}
        parents: dict[str, str | None] = {
            normalize(u.name): normalize(by_id[u.parent_id].name) if u.parent_id in by_id else None
            for u in self.stored
        }
        untouched = [u for u in self.stored if normalize(u.name) not in self.seen]
        proposed = [
            Unit(
                name=p.fields["name"],
                short_name=p.fields.get("short_name", p.unit.short_name if p.unit else ""),
            )
            for p in self.planned
        ]
        index = UnitIndex.of([*untouched, *proposed], region_name=self.region.name)
        columns = {c.key: c for c in COLUMNS}
        self.resolved: dict[int, str | None] = {}
        for p in self.planned:
            own = normalize(p.fields["name"])
            parent: str | None = None
            if p.parent is not None:
                row = Row(p.number, {"parent": p.parent}, columns)
                unit = index.find(row, "parent", p.parent, active_only=False)
                self.errors.extend(row.errors)
                parent = normalize(unit.name) if unit is not None else None
                if parent == own:
                    self.errors.append(
                        RowError(p.number, "Induk", _("Unit tidak boleh menjadi induk dirinya sendiri."))
                    )
            elif p.unit is not None and "parent" not in self.present:
                parent = parents.get(own)  # without an Induk column an update keeps the stored parent
            parents[own] = parent
            self.resolved[p.number] = parent
        for p in self.planned:
            if _has_cycle(normalize(p.fields["name"]), parents):
                self.errors.append(
                    RowError(
                        p.number,
                        "Induk",
                        _("Susunan induk membentuk lingkaran: unit ini berada di bawah dirinya sendiri."),
                    )
                )
        for p in self.planned:
            if p.unit is None:
                self.to_create += 1
            elif any(getattr(p.unit, k) != v for k, v in p.fields.items()) or self.resolved[p.number] != (
                normalize(by_id[p.unit.parent_id].name) if p.unit.parent_id in by_id else None
            ):
                self.to_update += 1
            else:
                self.unchanged += 1

    def write(self) -> None:
        created = Unit.objects.bulk_create(
            [Unit(region=self.region, **p.fields) for p in self.planned if p.unit is None], batch_size=1000
        )
        final = {normalize(u.name): u for u in self.stored}
        final.update({normalize(u.name): u for u in created})
        touched: list[Unit] = []
        for p in self.planned:
            unit = final[normalize(p.fields["name"])]
            for name, value in p.fields.items():
                setattr(unit, name, value)
            parent = self.resolved[p.number]
            unit.parent = final[parent] if parent else None
            touched.append(unit)
        Unit.objects.bulk_update(touched, [*FIELDS, "parent"], batch_size=1000)

    def next_url(self) -> str:
        return reverse("regions:units", args=[self.region.code])

    def next_label(self) -> str:
        return _("Lihat daftar unit")


def _has_cycle(start: str, parents: dict[str, str | None]) -> bool:
    seen = {start}
    current = parents.get(start)
    while current is not None:
        if current in seen:
            return current == start
        seen.add(current)
        current = parents.get(current)
    return False
