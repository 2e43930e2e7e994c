"""Time importing 10,000 innovations from XLSX: the check (with its progress) and the write, each as a job
would run them. Target: at least 1,000 rows per second over the whole import.

Runs on a database of its own (benchmarks/data/bench-import.sqlite3, or BENCH_DATABASE_URL), which it
migrates and clears of its own test region first; the developer's database is never touched.
"""

import argparse
import io
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "benchmarks" / "data"
TARGET_ROWS_PER_SECOND = 1000.0
REGION_CODE = "99.99"


def build_xlsx(rows: int, units: list[str], urusan: list[str]) -> bytes:
    import datetime as dt

    from openpyxl import Workbook

    from lumbung.reports.imports.innovations import COLUMNS

    # A regular workbook writes a shared-strings table, as Excel and LibreOffice do.
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Data"
    sheet.append([c.header for c in COLUMNS])
    design = " ".join(["Rancang bangun layanan terpadu bagi warga kota."] * 40)
    for i in range(rows):
        values = {
            "name": f"Inovasi Impor {i:05d}",
            "unit": units[i % len(units)],
            "year": 2024,
            "stage": ("Inisiatif", "Uji coba", "Penerapan")[i % 3],
            "initiator": "OPD",
            "initiator_name": "Dinas",
            "kind": "Digital" if i % 2 else "Non digital",
            "form": "Inovasi pelayanan publik",
            "main_urusan": urusan[i % len(urusan)],
            "other_urusan": f"{urusan[(i + 1) % len(urusan)]}; {urusan[(i + 2) % len(urusan)]}",
            "trial_date": dt.datetime(2023, 1 + i % 12, 1) if i % 3 else None,
            "implementation_date": dt.datetime(2024, 1 + i % 12, 15) if i % 3 == 2 else None,
            "design": design,
            "goals": "Tujuan inovasi.",
            "benefits": "Manfaat inovasi.",
            "results": "Hasil inovasi.",
            "budget": 1_000_000 + i,
            "latitude": -4.0135,
            "longitude": 119.6255,
            "video_url": "https://www.youtube.com/watch?v=contoh",
        }
        sheet.append([values.get(c.key) for c in COLUMNS])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def peak_rss() -> int:
    """The process's peak resident memory so far, in bytes (tracemalloc would slow the run down 3x)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args(argv)
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{DATA_DIR / 'bench-import.sqlite3'}"
    os.environ["DATABASE_URL"] = url
    os.environ["LUMBUNG_DEBUG"] = "0"
    os.environ["DJANGO_SETTINGS_MODULE"] = "lumbung.settings"
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()

    from django.core.management import call_command
    from django.db import transaction

    from lumbung.innovations.models import Innovation, InnovationVersion
    from lumbung.regions.models import Region, Unit, Urusan
    from lumbung.reports.imports.services import check_rows

    call_command("migrate", interactive=False, verbosity=0)
    region = Region.objects.filter(code=REGION_CODE).first()
    if region is not None:  # left by an earlier run: start clean
        InnovationVersion.objects.filter(region=region).delete()
        Innovation.objects.filter(region=region).delete()
        Unit.objects.filter(region=region).delete()
        region.delete()
    region = Region.objects.create(code=REGION_CODE, name="Kota Benchmark Impor", kind=Region.Kind.KOTA)
    units = [
        Unit.objects.create(region=region, name=f"Dinas Uji {i}", short_name=f"DU{i}", kind=Unit.Kind.DINAS)
        for i in range(30)
    ]
    urusan = list(Urusan.objects.values_list("name", flat=True))
    content = build_xlsx(args.rows, [u.short_name if i % 2 else u.name for i, u in enumerate(units)], urusan)
    print(
        f"Berkas: {args.rows:,} baris, {len(content) / 1024 / 1024:.1f} MB. Basis data: {url.split('@')[-1]}"
    )

    started = time.perf_counter()
    checked = check_rows(kind="innovations", region=region, actor=None, stream=io.BytesIO(content))
    check_seconds = time.perf_counter() - started
    check_peak = peak_rss()
    if checked.errors:
        print(f"Kesalahan tak terduga: {checked.errors[:5]}")
        return 1
    started = time.perf_counter()
    with transaction.atomic():  # the write job checks again inside its transaction, then writes
        importer = check_rows(
            kind="innovations", region=region, actor=None, stream=io.BytesIO(content), lock=True
        )
        importer.write()
    write_seconds = time.perf_counter() - started
    write_peak = peak_rss()
    written = InnovationVersion.objects.filter(region=region).count()
    assert written == args.rows, written

    total = check_seconds + write_seconds
    rate = args.rows / total
    print(f"{'langkah':<36} {'detik':>7} {'baris/s':>9} {'puncak RSS proses':>18}")
    for label, seconds, peak in (
        ("periksa (pratinjau)", check_seconds, check_peak),
        ("periksa ulang + tulis (1 transaksi)", write_seconds, write_peak),
    ):
        print(f"{label:<36} {seconds:>7.2f} {args.rows / seconds:>9.0f} {peak / 1024 / 1024:>15.1f} MB")
    print(f"{'seluruh impor':<36} {total:>7.2f} {rate:>9.0f}")
    verdict = "PASS" if rate >= TARGET_ROWS_PER_SECOND else "FAIL"
    print(f"{verdict}: {rate:,.0f} baris/s (target >= {TARGET_ROWS_PER_SECOND:,.0f} baris/s).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
