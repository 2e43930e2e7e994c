from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lumbung.innovations.models import Stage, Status
from lumbung.regions.models import Region
from lumbung.reports.exports import builders, renderers

FILTERS = ("year", "status", "stage", "kind", "form", "unit", "urusan", "q", "sort")


class Command(BaseCommand):
    help = (
        "Export a region's innovations (current versions, or one year) to XLSX or CSV, as a site operator: "
        "lumbung export innovations --region 73.72 --format xlsx -o inovasi.xlsx"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("what", choices=["innovations"])
        parser.add_argument("--region", required=True, help="Region code, e.g. 73.72.")
        parser.add_argument("--format", dest="fmt", choices=["xlsx", "csv"], required=True)
        parser.add_argument("-o", "--output", required=True, help="File to write.")
        parser.add_argument("--year", help="A report year instead of the current versions.")
        parser.add_argument("--status", help=f"One of: {', '.join(Status.values)}.")
        parser.add_argument("--stage", help=f"One of: {', '.join(Stage.values)}.")
        parser.add_argument("--kind", help="digital or non_digital.")
        parser.add_argument("--form", help="tata_kelola, pelayanan_publik or lainnya.")
        parser.add_argument("--unit", help="A unit id of the region.")
        parser.add_argument("--urusan", help="An urusan id (main or irisan).")
        parser.add_argument("-q", dest="q", help="Part of the innovation's name.")
        parser.add_argument("--sort", help="name, -name, unit, status, -year or -updated (default).")

    def handle(self, *args: Any, **options: Any) -> None:
        region = Region.objects.filter(code=options["region"]).first()
        if region is None:
            raise CommandError(f"Wilayah dengan kode {options['region']} tidak ada.")
        data = {name: options[name] for name in FILTERS if options.get(name)}
        # The list page's own form checks the filters, so the command accepts exactly what the page does.
        form, versions = builders.versions_of_region(region, data)
        if data and not form.is_valid():
            problems = "; ".join(
                f"--{field}: {' '.join(map(str, errors))}" for field, errors in form.errors.items()
            )
            raise CommandError(f"Filter tidak valid: {problems}")
        output = Path(options["output"])
        columns, rows = builders.innovation_columns(), builders.innovation_rows(versions)
        partial = output.with_name(output.name + ".part")
        # Written beside the target and renamed at the end: an interrupted run leaves no half file behind.
        try:
            with partial.open("wb") as target:
                if options["fmt"] == "csv":
                    count = renderers.write_csv(columns, rows, target)
                else:
                    count = renderers.write_xlsx(columns, rows, target, title="Inovasi")
            partial.replace(output)
        finally:
            partial.unlink(missing_ok=True)
        self.stdout.write(f"{count} baris inovasi {region.name} ditulis ke {output}.")
