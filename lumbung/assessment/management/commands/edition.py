"""`lumbung edition import FILE` (XLSX or JSON) and `lumbung edition export YEAR -o FILE`.

An import writes a new draft edition, or nothing: on a bad file every problem is listed and the exit
status is 1.
"""

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from lumbung.assessment import editions
from lumbung.assessment.models import Edition


class Command(BaseCommand):
    help = "Import an index edition from an XLSX or JSON file, or export one."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        load = actions.add_parser("import", help="Load a new draft edition from FILE (.xlsx or .json).")
        load.add_argument("file", type=Path)
        dump = actions.add_parser("export", help="Write the edition of YEAR to FILE (.xlsx, or .json).")
        dump.add_argument("year", type=int)
        dump.add_argument("-o", "--output", type=Path, required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "import":
            self.load(options["file"])
        else:
            self.dump(options["year"], options["output"])

    def read(self, path: Path) -> Any:
        if not path.is_file():
            raise CommandError(f"Berkas {path} tidak ditemukan.")
        if path.suffix.lower() == ".json":
            try:
                return json.loads(path.read_text(encoding="utf-8"))
            except (json.JSONDecodeError, UnicodeDecodeError) as error:
                raise CommandError(f"{path.name}: bukan JSON yang sah ({error}).") from error
        with open(path, "rb") as stream:
            return editions.edition_from_xlsx(stream)

    def load(self, path: Path) -> None:
        try:
            edition = editions.edition_load(self.read(path))
        except ValidationError as error:
            for message in error.messages:
                self.stdout.write(message)
            raise CommandError(
                f"{len(error.messages)} masalah di {path.name}; tidak ada yang ditulis.", returncode=1
            ) from error
        count = edition.indicators.count()
        self.stdout.write(f"Edisi {edition.year} ({edition.name}) dimuat sebagai draf: {count} indikator.")

    def dump(self, year: int, output: Path) -> None:
        edition = Edition.objects.filter(year=year).first()
        if edition is None:
            raise CommandError(f"Edisi tahun {year} tidak ada.")
        data = editions.edition_dump(edition)
        if output.suffix.lower() == ".json":
            output.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        else:
            output.write_bytes(editions.edition_to_xlsx(data))
        self.stdout.write(f"Edisi {year} ditulis ke {output}.")
