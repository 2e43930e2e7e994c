"""Exports, step one: what goes out. A builder gives columns and typed rows; renderers decide the format.

Rows hold plain Python values (str, int, date, None) so every renderer types its cells the same way:
dates stay dates, Rupiah stay whole numbers, and text stays text.
"""

import datetime as dt
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _

from lumbung.accounts.access import AnyUser
from lumbung.innovations import selectors
from lumbung.innovations.forms import ListFilterForm
from lumbung.innovations.models import Form, Initiator, InnovationVersion, Kind, Stage, Status
from lumbung.regions.models import Region, Unit, Urusan

Value = str | int | dt.date | None
Row = list[Value]

# Rows fetched per query: big enough that the per-chunk prefetch of urusan irisan costs little, small
# enough that memory stays flat whatever the row count (about 2 MB of versions with their long texts).
CHUNK_SIZE = 1000


@dataclass(frozen=True)
class Column:
    title: str
    kind: Literal["text", "int", "money", "date", "url"] = "text"
    width: int = 20  # characters, for spreadsheets


def innovation_columns() -> list[Column]:
    return [
        Column(_("Nomor registrasi"), width=24),
        Column(_("Nama inovasi"), width=40),
        Column(_("Wilayah"), width=22),
        Column(_("Unit"), width=30),
        Column(_("Tahun"), "int", 7),
        Column(_("Status"), width=16),
        Column(_("Tahapan"), width=12),
        Column(_("Inisiator"), width=14),
        Column(_("Nama inisiator"), width=24),
        Column(_("Jenis"), width=12),
        Column(_("Bentuk"), width=30),
        Column(_("Tematik"), width=24),
        Column(_("Urusan utama"), width=24),
        Column(_("Urusan irisan"), width=30),
        Column(_("Waktu uji coba"), "date", 14),
        Column(_("Waktu penerapan"), "date", 14),
        Column(_("Anggaran (Rp)"), "money", 16),
        Column(_("Rancang bangun (kata)"), "int", 12),
        Column(_("Tujuan"), width=40),
        Column(_("Manfaat"), width=40),
        Column(_("Hasil inovasi"), width=40),
        Column(_("Diubah"), "date", 14),
        Column(_("Tautan"), "url", 36),
    ]


def export_queryset(versions: QuerySet[InnovationVersion]) -> QuerySet[InnovationVersion]:
    """The list's versions with what a row needs: the long texts the list leaves out, and related names."""
    return (
        versions.defer(None)
        .defer("revision_notes", "developed_since", "latitude", "longitude", "video_url")
        .select_related("region", "innovation__unit", "main_urusan", "theme")
        .prefetch_related(Prefetch("other_urusan", queryset=Urusan.objects.only("id", "name")))
    )


def versions_for_user(user: AnyUser, data: QueryDict) -> QuerySet[InnovationVersion]:
    """Exactly what the list page shows this user for these query parameters (same form, same selector)."""
    form = ListFilterForm(data or None, units=selectors.list_units(user), years=selectors.list_years())
    return selectors.version_list(user, form.filters())


def versions_of_region(region: Region, data: dict[str, Any]) -> tuple[ListFilterForm, QuerySet]:
    """For an operator's command: every version of one region, with the list page's filters checked."""
    form = ListFilterForm(
        data or None, units=Unit.objects.filter(region=region), years=selectors.list_years()
    )
    versions = InnovationVersion.objects.filter(region=region)
    return form, selectors.filter_versions(versions, form.filters())


def page_url(pk: int) -> str:
    return f"{settings.LUMBUNG_BASE_URL}{reverse('innovations:detail', args=[pk])}"


def innovation_rows(versions: QuerySet[InnovationVersion]) -> Iterator[Row]:
    """One row per version, in the columns of innovation_columns(); constant memory at any size."""
    # Labels are looked up once, not 100,000 times: a gettext call per cell was a third of the run.
    labels = {
        name: {value: str(label) for value, label in choices.choices}
        for name, choices in (
            ("status", Status),
            ("stage", Stage),
            ("initiator", Initiator),
            ("kind", Kind),
            ("form", Form),
        )
    }
    zones: dict[str, zoneinfo.ZoneInfo] = {}
    url_of = page_url(999_999_999).replace("999999999", "{}")
    # iterator() with a chunk size still runs prefetch_related, one query per chunk.
    for v in export_queryset(versions).iterator(chunk_size=CHUNK_SIZE):
        region = v.region
        zone = zones.setdefault(region.timezone, zoneinfo.ZoneInfo(region.timezone))
        yield [
            v.registration_number,
            v.name,
            region.name,
            v.innovation.unit.name,
            v.year,
            labels["status"].get(v.status, v.status),
            labels["stage"].get(v.stage, v.stage),
            labels["initiator"].get(v.initiator, v.initiator),
            v.initiator_name,
            labels["kind"].get(v.kind, v.kind),
            labels["form"].get(v.form, v.form),
            v.theme.name if v.theme else None,
            v.main_urusan.name if v.main_urusan else None,
            "; ".join(u.name for u in v.other_urusan.all()),
            v.trial_date,
            v.implementation_date,
            v.budget,
            len(v.design.split()),
            v.goals,
            v.benefits,
            v.results,
            v.updated_at.astimezone(zone).date(),
            url_of.format(v.pk),
        ]
