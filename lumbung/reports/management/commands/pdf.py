from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lumbung.reports.exports.profile import load_version, profile_pdf
from lumbung.reports.pdf import PdfUnavailable


class Command(BaseCommand):
    help = (
        "Print a document to PDF, as a site operator: lumbung pdf innovation ID -o FILE "
        "(ID is the version id in the page address /inovasi/ID/)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("document", choices=["innovation"])
        parser.add_argument("id", type=int, help="Innovation version id.")
        parser.add_argument("-o", "--output", required=True, help="PDF file to write.")

    def handle(self, *args: Any, **options: Any) -> None:
        version = load_version(options["id"])
        if version is None:
            raise CommandError(f"Versi inovasi #{options['id']} tidak ada.")
        try:
            pdf = profile_pdf(version)
        except PdfUnavailable as error:
            raise CommandError(str(error)) from error
        output = Path(options["output"])
        output.write_bytes(pdf)
        self.stdout.write(
            f"Profil {version.registration_number} ({len(pdf) // 1024} KB) ditulis ke {output}."
        )
