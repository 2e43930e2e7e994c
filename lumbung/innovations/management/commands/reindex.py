import time
from typing import Any

from django.core.management.base import BaseCommand

from lumbung.core.formatting import format_number
from lumbung.innovations.search import reindex


class Command(BaseCommand):
    help = "Rebuild the full-text search index of published innovations (safe to run at any time)."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()

        def progress(done: int, total: int) -> None:
            self.stdout.write(f"  {format_number(done)} / {format_number(total)} inovasi diperiksa")

        indexed = reindex(progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"Indeks pencarian dibangun ulang: {format_number(indexed)} inovasi terindeks "
                f"({time.perf_counter() - started:.1f} detik)."
            )
        )
