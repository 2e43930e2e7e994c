import json
from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lumbung.assessment.calculator import Result
from lumbung.assessment.models import Category, Edition, Projection
from lumbung.assessment.projections import score_region, score_save
from lumbung.core.formatting import format_number
from lumbung.regions.models import Region, Urusan


class Command(BaseCommand):
    help = (
        "Compute a region's Indeks Inovasi Daerah for a year, store it and print it: "
        "lumbung index --region 73.72 --year 2026 [--projection claimed|verified] [--json]."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", required=True, help="Region code, e.g. 73.72.")
        parser.add_argument("--year", required=True, type=int, help="Assessment year, e.g. 2026.")
        parser.add_argument(
            "--projection",
            choices=Projection.values,
            default=Projection.CLAIMED,
            help="claimed: what units claim (default); verified: only what the verifier accepted.",
        )
        parser.add_argument("--json", action="store_true", help="Output JSON (for scripts).")

    def handle(self, *args: Any, **options: Any) -> None:
        region = Region.objects.filter(code=options["region"]).first()
        if region is None:
            raise CommandError(f"Wilayah dengan kode {options['region']!r} tidak ada.")
        edition = Edition.objects.filter(year=options["year"]).first()
        if edition is None:
            raise CommandError(
                f"Belum ada edisi indeks untuk tahun {options['year']}; muat edisinya lebih dulu."
            )
        projection = options["projection"]
        result = score_region(region, edition, projection)
        score_save(region=region, edition=edition, projection=projection, result=result)
        if options["json"]:
            self.stdout.write(json.dumps(summary(region, edition, projection, result), ensure_ascii=False))
        else:
            self.stdout.write("\n".join(describe(region, edition, projection, result)))


def summary(region: Region, edition: Edition, projection: str, result: Result) -> dict[str, Any]:
    figures = result.rounded
    return {
        "region": region.code,
        "year": edition.year,
        "edition": edition.name,
        "projection": projection,
        "innovations": result.n,
        "spd": float(figures.spd),
        "sid": float(figures.sid),
        "quantity_score": float(figures.quantity_score),
        "total": float(figures.total),
        "iid": float(figures.iid),
        "category": result.category.value,
    }


def describe(region: Region, edition: Edition, projection: str, result: Result) -> list[str]:
    figures = result.rounded
    state = "" if edition.is_published else " (draf)"
    coverage = result.coverage
    names = dict(Urusan.objects.filter(pk__in=coverage.missing).values_list("id", "name"))
    # Semicolons: some urusan names contain commas themselves.
    missing = "; ".join(names[pk] for pk in coverage.missing) or "-"
    return [
        f"Indeks Inovasi Daerah {region.name} ({region.code}), tahun {edition.year}",
        f"Edisi: {edition.name}{state}; proyeksi: {Projection(projection).label}",
        f"Jumlah inovasi: {result.n} (pembagi {result.divisor})",
        f"SPD: {_number(figures.spd)}",
        f"SID: {_number(figures.sid)} (rata-rata kematangan {_number(figures.sid_average)}"
        f" + Skor Jumlah Inovasi {_number(figures.quantity_score)})",
        f"Urusan pelayanan dasar tercakup: {len(coverage.covered)} dari "
        f"{len(coverage.covered) + len(coverage.missing)} (minimal {coverage.required});"
        f" belum tercakup: {missing}",
        f"Total: {_number(figures.total)}",
        f"IID: {_number(figures.iid)} ({Category(result.category.value).label})",
    ]


def _number(value: Decimal) -> str:
    return format_number(float(value), 2)
