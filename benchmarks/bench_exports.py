"""Time the exports on the national-scale dataset: XLSX of every current version, and PDF profiles.

Same database and dataset as benchmarks/run.py (generated there once, reused here):
    .venv/bin/python benchmarks/bench_exports.py [--quick] [--pdfs 100]
The export goes through the builder and renderer the `lumbung export` command uses, at national scope.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

# run.py's conventions: the same database, dataset marker and percentile.
from run import DATA_DIR, database_url, ensure_dataset, marker_path, p95, shown_url  # noqa: E402

EXPORT_TARGET_S = 30.0
PDF_TARGET_MS = 1000.0
# Memory is "flat" when the peak after all rows is within this of the peak after the first checkpoint.
MEMORY_GROWTH_LIMIT = 1.25


@dataclass(frozen=True)
class Line:
    what: str
    value: str
    target: str
    passed: bool


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="the smoke dataset of run.py --quick")
    parser.add_argument("--regions", type=int, default=None)
    parser.add_argument("--innovations", type=int, default=None)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pdfs", type=int, default=100, help="PDF profiles to render (default 100)")
    parser.add_argument("--checkpoint", type=int, default=None, help="rows at the first memory reading")
    args = parser.parse_args(argv)
    args.regions = args.regions or (60 if args.quick else 550)
    args.innovations = args.innovations or (5_000 if args.quick else 100_000)
    args.checkpoint = args.checkpoint or (1_000 if args.quick else 10_000)
    return args


def export_xlsx(target: Path, checkpoint: int | None = None) -> tuple[int, float, dict[int, int]]:
    """Export every current version; return rows, seconds and, when traced, peak bytes at row counts."""
    from lumbung.innovations.models import InnovationVersion
    from lumbung.innovations.selectors import filter_versions
    from lumbung.reports.exports import builders, renderers

    peaks: dict[int, int] = {}

    def progress(done: int) -> None:
        if checkpoint and done == checkpoint:
            peaks[done] = tracemalloc.get_traced_memory()[1]

    versions = filter_versions(InnovationVersion.objects.all(), {})
    started = time.perf_counter()
    with target.open("wb") as out:
        rows = renderers.write_xlsx(
            builders.innovation_columns(),
            builders.innovation_rows(versions),
            out,
            title="Inovasi",
            progress=progress if checkpoint else None,
        )
    seconds = time.perf_counter() - started
    if checkpoint:
        peaks[rows] = tracemalloc.get_traced_memory()[1]
    return rows, seconds, peaks


def render_profiles(count: int) -> list[float]:
    from lumbung.innovations.models import InnovationVersion
    from lumbung.reports.exports.profile import load_version, profile_pdf

    # Current versions with a validation history: the fullest profiles a region prints (the generated
    # dataset has no team members; their table is a few rows more).
    ids = list(
        InnovationVersion.objects.filter(is_current=True, transitions__isnull=False)
        .order_by("pk")
        .values_list("pk", flat=True)
        .distinct()[:count]
    )
    for pk in ids[:3]:  # warm-up: fonts and templates load once per process
        version = load_version(pk)
        assert version is not None
        profile_pdf(version)
    timings = []
    for pk in ids:
        started = time.perf_counter()
        version = load_version(pk)
        assert version is not None
        profile_pdf(version)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    url = database_url(args.quick)
    os.environ["DATABASE_URL"] = url
    os.environ["LUMBUNG_DEBUG"] = "0"
    os.environ["DJANGO_SETTINGS_MODULE"] = "lumbung.settings"

    import django

    django.setup()
    from django.core.management import call_command

    print(f"Basis data benchmark: {shown_url(url)}")
    call_command("migrate", interactive=False, verbosity=0)
    dataset, _reused = ensure_dataset(args, marker_path(url))
    counts = dataset["counts"]
    print(f"Data: {counts['regions']} wilayah, {counts['innovations']} inovasi, {counts['versions']} versi.")

    lines: list[Line] = []
    with tempfile.TemporaryDirectory(dir=DATA_DIR) as tmp:
        target = Path(tmp) / "inovasi.xlsx"
        print("Ekspor XLSX (diukur waktunya)...")
        rows, seconds, _ = export_xlsx(target)
        size_mb = target.stat().st_size / 1e6
        lines.append(
            Line(f"XLSX export, {rows:,} rows ({size_mb:.0f} MB)", f"{seconds:.1f} s", "< 30 s", seconds < 30)
        )
        lines.append(Line("  rows per second", f"{rows / seconds:,.0f}", "-", True))
        # A second run under tracemalloc (slower, so not timed) reads the peak at a checkpoint and at the end.
        print("Ekspor XLSX (diukur memorinya)...")
        tracemalloc.start()
        _rows, _seconds, peaks = export_xlsx(target, checkpoint=args.checkpoint)
        tracemalloc.stop()
    (first_rows, first_peak), (last_rows, last_peak) = sorted(peaks.items())[0], sorted(peaks.items())[-1]
    flat = last_peak <= first_peak * MEMORY_GROWTH_LIMIT
    lines.append(Line(f"  peak memory after {first_rows:,} rows", f"{first_peak / 1e6:.1f} MB", "-", True))
    lines.append(
        Line(
            f"  peak memory after {last_rows:,} rows",
            f"{last_peak / 1e6:.1f} MB",
            f"<= {MEMORY_GROWTH_LIMIT:.2f} x first",
            flat,
        )
    )

    print(f"Profil PDF ({args.pdfs})...")
    timings = render_profiles(args.pdfs)
    median, worst = statistics.median(timings), p95(timings)
    lines.append(Line(f"PDF profile, median of {len(timings)}", f"{median:.0f} ms", "-", True))
    lines.append(Line(f"PDF profile, p95 of {len(timings)}", f"{worst:.0f} ms", "< 1000 ms", worst < 1000))

    print()
    header = f"{'measure':<42} {'value':>12}  {'target':<18} result"
    print(header)
    print("-" * len(header))
    for line in lines:
        verdict = "-" if line.target == "-" else ("PASS" if line.passed else "FAIL  <<<")
        print(f"{line.what:<42} {line.value:>12}  {line.target:<18} {verdict}")
    failed = [line for line in lines if not line.passed]
    print()
    print(f"FAIL: {len(failed)} target(s) missed." if failed else "PASS: every export target met.")
    return 0  # a measurement, not a gate (as benchmarks/run.py)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
