"""`lumbung import KIND FILE --region CODE [--cohort ID] [--dry-run]` (KIND: innovations, units, people,
participants or answers): exit 0 when every row was imported, 1 when any row is bad (then nothing is
written), with the row-by-row report on standard output."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lumbung.accounts.models import User
from lumbung.labs.models import Cohort
from lumbung.regions.models import Region
from lumbung.reports.imports.reading import ImportFileError
from lumbung.reports.imports.services import COHORT_KINDS, IMPORTERS, import_file


class Command(BaseCommand):
    help = "Import units, people, innovations, lab participants or index answers from an XLSX or CSV file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=sorted(IMPORTERS))
        parser.add_argument("file", type=Path)
        parser.add_argument("--region", required=True, help="Region code, e.g. 73.72.")
        parser.add_argument(
            "--cohort", type=int, help="Lab cohort id, for participants (shown in its address)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Check every row; write nothing.")
        parser.add_argument("--user", help="Email of the person recorded as the author (default: nobody).")

    def handle(self, *args: Any, **options: Any) -> None:
        region = Region.objects.filter(code=options["region"]).first()
        if region is None:
            raise CommandError(f"Wilayah {options['region']} tidak ditemukan.")
        actor = None
        if options["user"]:
            actor = User.objects.filter(email__iexact=options["user"]).first()
            if actor is None:
                raise CommandError(f"Pengguna {options['user']} tidak ditemukan.")
        cohort = None
        if options["kind"] in COHORT_KINDS:
            cohort = Cohort.objects.filter(region=region, pk=options["cohort"] or 0).first()
            if cohort is None:
                raise CommandError("Sebutkan angkatan wilayah ini dengan --cohort ID.")
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"Berkas {path} tidak ditemukan.")
        try:
            importer = import_file(
                kind=options["kind"],
                region=region,
                actor=actor,
                path=path,
                dry_run=options["dry_run"],
                cohort=cohort,
            )
        except ImportFileError as error:
            self.stdout.write(f"{path.name}: " + " ".join(error.messages))
            raise CommandError("Tidak ada yang ditulis.", returncode=1) from error
        for e in importer.row_errors():
            self.stdout.write(f"Baris {e.row}, kolom {e.column}: {e.message}")
        self.stdout.write(importer.summary())
        if importer.errors:
            raise CommandError(f"{len(importer.errors)} kesalahan; tidak ada yang ditulis.", returncode=1)
        if options["dry_run"]:
            self.stdout.write("Uji coba (--dry-run): semua baris lolos pemeriksaan; tidak ada yang ditulis.")
        else:
            self.stdout.write(f"Selesai: {region.name} ({region.code}).")
