import time
from dataclasses import asdict
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lumbung.core.formatting import format_number
from lumbung.innovations.generate import (
    EMAIL_DOMAIN,
    PASSWORD,
    GenerateError,
    delete_generated_data,
    generate_dataset,
    has_generated_data,
)


class Command(BaseCommand):
    help = (
        "Generate a deterministic national-scale synthetic dataset (for benchmarks): kabupaten/kota, units, "
        "accounts and innovations. Never on a production database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--regions", type=int, default=550, help="Number of kabupaten/kota (default 550)."
        )
        parser.add_argument(
            "--innovations", type=int, default=100_000, help="Number of innovations (default 100000)."
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Random seed: the same seed gives the same data."
        )
        parser.add_argument("--force", action="store_true", help="Delete previously generated data first.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["regions"] < 1 or options["innovations"] < 0:
            raise CommandError("--regions harus paling sedikit 1 dan --innovations tidak boleh negatif.")
        started = time.perf_counter()
        if has_generated_data():
            if not options["force"]:
                raise CommandError(
                    "Basis data ini sudah berisi data sintetis. "
                    "Jalankan lagi dengan --force untuk menghapusnya dan membuat ulang."
                )
            self.stdout.write("Menghapus data sintetis sebelumnya...")
            delete_generated_data()
        last_shown: dict[str, int] = {}

        def progress(label: str, done: int, total: int) -> None:
            # One line per tenth of a phase is enough to see it move without flooding the terminal.
            tenth = done * 10 // max(total, 1)
            if done == total or tenth > last_shown.get(label, 0):
                last_shown[label] = tenth
                self.stdout.write(f"  {label}: {format_number(done)}/{format_number(total)}")

        try:
            summary = generate_dataset(
                regions=options["regions"],
                innovations=options["innovations"],
                seed=options["seed"],
                progress=progress,
            )
        except GenerateError as error:
            raise CommandError(str(error)) from error
        elapsed = time.perf_counter() - started
        n = {key: format_number(value) for key, value in asdict(summary).items()}
        self.stdout.write(
            self.style.SUCCESS(
                f"Data sintetis dibuat dalam {format_number(elapsed, 1)} detik: {n['regions']} wilayah, "
                f"{n['units']} unit, {n['users']} akun, {n['innovations']} inovasi ({n['versions']} versi, "
                f"{n['transitions']} langkah validasi, {n['audit_entries']} jejak perubahan)."
            )
        )
        self.stdout.write(f"Semua akun *@{EMAIL_DOMAIN} memakai kata sandi: {PASSWORD}")
