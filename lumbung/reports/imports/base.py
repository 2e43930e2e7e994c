"""What every importer shares: it reads rows into a plan (with row errors), then writes the plan at once."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lumbung.accounts.models import User
from lumbung.labs.models import Cohort
from lumbung.regions.models import Region, Unit

from ..models import ImportBatch
from .cells import Column, Row, RowError, normalize


class Importer:
    """Subclasses declare their columns and implement prepare, check_row, finish and write."""

    kind: ClassVar[str]
    columns: ClassVar[tuple[Column, ...]]

    def __init__(
        self,
        *,
        region: Region,
        actor: User | None,
        source_name: str = "",
        lock: bool = False,
        cohort: Cohort | None = None,
    ):
        self.region, self.actor, self.source_name = region, actor, source_name
        self.cohort = cohort  # the lab cohort a participants import enrols into
        # At write time the rows to update are locked until the transaction ends (PostgreSQL).
        self.lock = lock
        self.errors: list[RowError] = []
        self.present: set[str] = set()  # keys of the columns the file has
        self.total = self.to_create = self.to_update = self.unchanged = 0

    @classmethod
    def kind_label(cls) -> str:
        return str(ImportBatch.Kind(cls.kind).label).lower()

    def prepare(self) -> None:
        """Load what rows are matched against, once."""

    def check_row(self, row: Row) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Checks across rows, once every row was read."""

    def write(self) -> None:
        raise NotImplementedError

    def summary(self) -> str:
        return ngettext(
            "%(total)s baris: %(create)s baru, %(update)s diperbarui, %(same)s tidak berubah.",
            "%(total)s baris: %(create)s baru, %(update)s diperbarui, %(same)s tidak berubah.",
            self.total,
        ) % {
            "total": self.total,
            "create": self.to_create,
            "update": self.to_update,
            "same": self.unchanged,
        }

    def done_message(self) -> str:
        return _("Impor selesai. %(summary)s") % {"summary": self.summary()}

    def next_url(self) -> str:
        raise NotImplementedError

    def next_label(self) -> str:
        raise NotImplementedError

    def row_errors(self) -> list[RowError]:
        return sorted(self.errors, key=lambda e: e.row or 0)


@dataclass
class UnitIndex:
    """The region's units by name and by short name, for the forgiving "Dinkes" = "Dinas Kesehatan" match.

    Names also match without the region's own name at their end: people write "Dinas Kesehatan" for
    "Dinas Kesehatan Kota Parepare", and the other way round.
    """

    region_suffix: str = ""
    by_name: dict[str, Unit] = field(default_factory=dict)
    by_short: dict[str, list[Unit]] = field(default_factory=dict)

    @classmethod
    def load(cls, region: Region) -> "UnitIndex":
        return cls.of(Unit.objects.filter(region=region), region_name=region.name)

    @classmethod
    def of(cls, units: Iterable[Unit], region_name: str = "") -> "UnitIndex":
        index = cls(region_suffix=" " + normalize(region_name) if region_name else "")
        for unit in units:
            index.by_name[normalize(unit.name)] = unit
            if unit.short_name:
                index.by_short.setdefault(normalize(unit.short_name), []).append(unit)
        bare_names: dict[str, list[Unit]] = {}
        for name, unit in index.by_name.items():
            bare = index.without_region(name)
            if bare != name:
                bare_names.setdefault(bare, []).append(unit)
        for bare, found in bare_names.items():
            # An exact name wins; two units that differ only by the suffix stay ambiguous.
            if bare not in index.by_name and len(found) == 1:
                index.by_name[bare] = found[0]
        return index

    def without_region(self, text: str) -> str:
        if self.region_suffix and text.endswith(self.region_suffix) and len(text) > len(self.region_suffix):
            return text[: -len(self.region_suffix)]
        return text

    def find(self, row: Row, key: str, value: Any, *, active_only: bool = True) -> Unit | None:
        text = normalize(value)
        unit = self.by_name.get(text) or self.by_name.get(self.without_region(text))
        if unit is None:
            matches = self.by_short.get(text, [])
            if len(matches) > 1:
                row.error(
                    key,
                    _(
                        "Nama singkat “%(value)s” dipakai oleh beberapa unit (%(names)s). Tulis nama "
                        "lengkapnya."
                    )
                    % {"value": value, "names": ", ".join(u.name for u in matches)},
                )
                return None
            unit = matches[0] if matches else None
        if unit is None:
            row.error(
                key,
                _("Unit “%(value)s” tidak ditemukan di wilayah ini. Tulis nama atau nama singkatnya.")
                % {"value": value},
            )
            return None
        if active_only and not unit.is_active:
            row.error(key, _("Unit %(name)s sudah nonaktif.") % {"name": unit.name})
            return None
        return unit


def first_rows(items: Iterable[tuple[Any, int]]) -> dict[Any, int]:
    """The first row number at which each key appears."""
    seen: dict[Any, int] = {}
    for key, number in items:
        seen.setdefault(key, number)
    return seen
