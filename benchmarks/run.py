"""Time the innovation pages on a generated national-scale dataset: `make bench` (see README.md).

In process, through Django's test client, on a database of its own: benchmarks/data/bench.sqlite3, or
BENCH_DATABASE_URL. The developer's database is never touched.
"""

import argparse
import datetime as dt
import hashlib
import json
import math
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:  # Django models are imported only after django.setup()
    from lumbung.accounts.models import User
    from lumbung.regions.models import Region

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "benchmarks" / "data"
TARGET_MS = 50.0
SEARCH_TERM = "stunting"


@dataclass(frozen=True)
class Page:
    label: str
    url: str
    user: str  # "anonymous", "admin", "innovator" or "observer"
    target_ms: float | None  # None: a baseline, shown for comparison only


@dataclass(frozen=True)
class Result:
    page: str
    url: str
    user: str
    median_ms: float
    p95_ms: float
    mean_ms: float
    queries: int
    target_ms: float | None
    passed: bool | None


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--regions", type=int, default=None, help="kabupaten/kota to generate (default 550)")
    parser.add_argument(
        "--innovations", type=int, default=None, help="innovations to generate (default 100000)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=None, help="timed requests per page (default 60)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests per page first (default 5)")
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: 60 regions, 5,000 innovations, 20 runs"
    )
    args = parser.parse_args(argv)
    if args.regions is None:
        args.regions = 60 if args.quick else 550
    if args.innovations is None:
        args.innovations = 5_000 if args.quick else 100_000
    if args.runs is None:
        args.runs = 20 if args.quick else 60
    return args


def database_url(quick: bool) -> str:
    if os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"]
    # The quick dataset has a file of its own so a smoke run does not throw away the full one.
    return f"sqlite:///{DATA_DIR / ('bench-quick.sqlite3' if quick else 'bench.sqlite3')}"


def shown_url(url: str) -> str:
    """The database URL without its password, for output and the JSON file."""
    parts = urlsplit(url)
    if not parts.password:
        return url
    netloc = parts.hostname or ""
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    if parts.port:
        netloc = f"{netloc}:{parts.port}"
    return urlunsplit(parts._replace(netloc=netloc))


def marker_path(url: str) -> Path:
    """Where the parameters of the dataset in this database are recorded."""
    parts = urlsplit(url)
    if parts.scheme.startswith("sqlite"):
        return Path(parts.path + ".dataset.json")
    return DATA_DIR / f"dataset-{parts.hostname}-{parts.port or 5432}-{parts.path.strip('/')}.json"


def dataset_counts() -> dict[str, int]:
    from lumbung.innovations.generate import synthetic_regions_q
    from lumbung.innovations.models import Innovation, InnovationVersion
    from lumbung.regions.models import Region

    regions = Region.objects.filter(synthetic_regions_q())
    return {
        "regions": regions.count(),
        "innovations": Innovation.objects.filter(region__in=regions).count(),
        "versions": InnovationVersion.objects.filter(innovation__region__in=regions).count(),
    }


def generator_fingerprint() -> str:
    """Changes whenever the generator or its vocabulary does, so an outdated dataset is rebuilt."""
    from lumbung.innovations import generate

    source = Path(generate.__file__)
    digest = hashlib.sha256(source.read_bytes() + (source.parent / "data" / "synthetic.json").read_bytes())
    return digest.hexdigest()[:12]


def ensure_dataset(args: argparse.Namespace, marker: Path) -> tuple[dict[str, Any], bool]:
    """Generate the dataset unless this database already holds the one asked for; say which."""
    from django.core.management import call_command
    from django.db import connection

    wanted = {
        "regions": args.regions,
        "innovations": args.innovations,
        "seed": args.seed,
        "generator": generator_fingerprint(),
    }
    if marker.exists():
        recorded = json.loads(marker.read_text())
        # The counts guard against a database that changed (or was replaced) since the marker was written.
        if recorded.get("parameters") == wanted and recorded.get("counts") == dataset_counts():
            return recorded, True
    marker.unlink(missing_ok=True)
    print(f"Membuat data sintetis ({args.regions} wilayah, {args.innovations} inovasi, seed {args.seed})...")
    started = time.perf_counter()
    call_command("generate", regions=args.regions, innovations=args.innovations, seed=args.seed, force=True)
    if connection.vendor == "postgresql":
        # On a live database autovacuum keeps statistics and visibility maps current (index-only scans
        # depend on the latter): do its work now so the run measures that steady state, not a fresh load.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)")
    recorded = {
        "parameters": wanted,
        "counts": dataset_counts(),
        "generation_seconds": round(time.perf_counter() - started, 1),
    }
    marker.write_text(json.dumps(recorded, indent=2) + "\n")
    return recorded, False


@dataclass(frozen=True)
class Subjects:
    region: "Region"
    admin: "User"
    innovator: "User"
    observer: "User"
    admin_version: int
    innovator_version: int


def pick_subjects() -> Subjects:
    """The region with the most innovations, its admin and busiest innovator, versions with history, and
    the national observer."""
    from django.db.models import Count

    from lumbung.accounts.models import Membership, Role
    from lumbung.innovations.generate import EMAIL_DOMAIN, synthetic_regions_q
    from lumbung.innovations.models import InnovationVersion, Status
    from lumbung.regions.models import Region

    region = (
        Region.objects.filter(synthetic_regions_q())
        .annotate(n=Count("innovations"))
        .order_by("-n", "code")
        .first()
    )
    if region is None:
        raise SystemExit("Tidak ada wilayah sintetis: pembuatan data gagal?")
    admin = Membership.objects.get(region=region, role=Role.ADMIN).user
    innovator_membership = (
        Membership.objects.filter(region=region, role=Role.INNOVATOR)
        .annotate(n=Count("unit__innovations"))
        .order_by("-n", "pk")
        .first()
    )
    assert innovator_membership is not None

    def with_history(**scope: Any) -> int:
        # A current version with last year's version beside it and a validation history (returned for
        # revision: three moves, notes per field), the heaviest detail page a user commonly opens.
        versions = InnovationVersion.objects.filter(
            is_current=True, innovation__versions__is_current=False, **scope
        )
        version = (
            versions.filter(status=Status.NEEDS_REVISION).order_by("pk").first()
            or versions.order_by("pk").first()
        )
        version = version or InnovationVersion.objects.filter(is_current=True, **scope).order_by("pk").first()
        assert version is not None
        return version.pk

    return Subjects(
        region=region,
        admin=admin,
        innovator=innovator_membership.user,
        observer=Membership.objects.get(user__email=f"pengamat.nasional@{EMAIL_DOMAIN}").user,
        admin_version=with_history(innovation__region=region),
        innovator_version=with_history(innovation__unit=innovator_membership.unit_id),
    )


def pages(subjects: Subjects) -> list[Page]:
    return [
        Page("healthz (floor: bare view)", "/healthz", "anonymous", None),
        Page("login page (floor: small template)", "/akun/masuk/", "anonymous", None),
        Page("list, page 1", "/inovasi/", "admin", TARGET_MS),
        Page(
            "list, filtered, page 2", "/inovasi/?status=disetujui&stage=penerapan&page=2", "admin", TARGET_MS
        ),
        Page(f"list, name search '{SEARCH_TERM}'", f"/inovasi/?q={SEARCH_TERM}", "admin", TARGET_MS),
        Page("list, year 2024", "/inovasi/?year=2024", "admin", TARGET_MS),
        Page("list, page 1", "/inovasi/", "innovator", TARGET_MS),
        Page("list, page 1 (all regions)", "/inovasi/", "observer", TARGET_MS),
        Page("detail, version with history", f"/inovasi/{subjects.admin_version}/", "admin", TARGET_MS),
        Page(
            "detail, version with history", f"/inovasi/{subjects.innovator_version}/", "innovator", TARGET_MS
        ),
        Page("naive list (no select_related)", "/bench/naive-list/", "admin", None),
    ]


def p95(samples: list[float]) -> float:
    """95th percentile by nearest rank: a value that was actually measured."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def count_queries(get: Callable[[str], Any], page: Page) -> int:
    """Request the page once (untimed), check it answers 200, and count its SQL queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = get(page.url)
    if response.status_code != 200:
        raise SystemExit(f"{page.url} ({page.user}) menjawab {response.status_code}, bukan 200.")
    return len(captured)


def measure(clients: dict[str, Any], pages: list[Page], runs: int, warmup: int) -> list[Result]:
    # Queries are counted on requests of their own: capturing them costs time the timed runs should not pay.
    queries = [count_queries(clients[page.user].get, page) for page in pages]
    samples: list[list[float]] = [[] for _ in pages]
    # Round robin, not page after page: a burst of load from elsewhere on the machine then spreads over
    # every page (and the baselines) instead of landing on whichever page was being timed.
    for run in range(warmup + runs):
        for page, timings in zip(pages, samples, strict=True):
            get = clients[page.user].get
            started = time.perf_counter()
            get(page.url)
            if run >= warmup:
                timings.append((time.perf_counter() - started) * 1000)
    return [
        Result(
            page=page.label,
            url=page.url,
            user=page.user,
            median_ms=round(statistics.median(timings), 2),
            p95_ms=round(p95(timings), 2),
            mean_ms=round(statistics.fmean(timings), 2),
            queries=count,
            target_ms=page.target_ms,
            passed=None if page.target_ms is None else p95(timings) < page.target_ms,
        )
        for page, timings, count in zip(pages, samples, queries, strict=True)
    ]


def table(results: list[Result]) -> str:
    header = f"{'page':<38} {'user':<9} {'median ms':>9} {'p95 ms':>8} {'queries':>7} "
    header += f"{'req/s':>6}  {'target':<12} result"
    lines = [header, "-" * len(header)]
    for r in results:
        target = f"p95 < {r.target_ms:.0f} ms" if r.target_ms else "baseline"
        verdict = "-" if r.passed is None else ("PASS" if r.passed else "FAIL  <<<")
        lines.append(
            f"{r.page:<38} {r.user:<9} {r.median_ms:>9.1f} {r.p95_ms:>8.1f} {r.queries:>7} "
            f"{1000 / r.mean_ms:>6.0f}  {target:<12} {verdict}"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    url = database_url(args.quick)
    # Settings read these once, at setup: they must be set before django.setup().
    os.environ["DATABASE_URL"] = url
    os.environ["LUMBUNG_DEBUG"] = "0"
    os.environ["DJANGO_SETTINGS_MODULE"] = "lumbung.settings"
    sys.path.insert(0, str(ROOT))  # for benchmarks.urls

    import django

    django.setup()

    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    print(f"Basis data benchmark: {shown_url(url)}")
    call_command("migrate", interactive=False, verbosity=0)
    dataset, reused = ensure_dataset(args, marker_path(url))
    counts = dataset["counts"]
    how = "dipakai ulang" if reused else f"dibuat dalam {dataset['generation_seconds']} detik"
    print(
        f"Data: {counts['regions']} wilayah, {counts['innovations']} inovasi, {counts['versions']} versi "
        f"(seed {args.seed}; {how})."
    )
    subjects = pick_subjects()
    region_size = subjects.region.innovations.count()
    print(
        f"Wilayah uji: {subjects.region.name} ({region_size} inovasi); admin {subjects.admin.email}, "
        f"inovator {subjects.innovator.email}. {args.runs} kali per halaman sesudah {args.warmup} pemanasan."
    )
    clients = {"anonymous": Client(), "admin": Client(), "innovator": Client(), "observer": Client()}
    clients["admin"].force_login(subjects.admin)
    clients["innovator"].force_login(subjects.innovator)
    clients["observer"].force_login(subjects.observer)
    hosts = [*settings.ALLOWED_HOSTS, "testserver"]
    load_before = os.getloadavg()
    with override_settings(DEBUG=False, ALLOWED_HOSTS=hosts, ROOT_URLCONF="benchmarks.urls"):
        results = measure(clients, pages(subjects), args.runs, args.warmup)
    load_after = os.getloadavg()
    print()
    print(table(results))
    cpus = os.cpu_count() or 1
    print(
        f"\nLoad average (1 min) sebelum/sesudah: {load_before[0]:.2f}/{load_after[0]:.2f} pada {cpus} CPU."
    )
    if max(load_before[0], load_after[0]) > cpus / 2:
        print("Catatan: mesin sedang sibuk oleh proses lain; p95 ikut naik. Ulangi saat senggang.")
    failed = [r for r in results if r.passed is False]
    print()
    if failed:
        print(f"FAIL: {len(failed)} halaman melewati target p95 {TARGET_MS:.0f} ms.")
    else:
        print(f"PASS: semua halaman daftar dan detail di bawah target p95 {TARGET_MS:.0f} ms.")
    report = {
        "finished_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "database": {"url": shown_url(url), "vendor": connection.vendor},
        "dataset": dataset,
        "subjects": {
            "region": subjects.region.code,
            "region_innovations": region_size,
            "admin": subjects.admin.email,
            "innovator": subjects.innovator.email,
            "observer": subjects.observer.email,
        },
        "runs": args.runs,
        "warmup": args.warmup,
        "target_p95_ms": TARGET_MS,
        "environment": {
            "python": platform.python_version(),
            "django": django.get_version(),
            "cpus": os.cpu_count(),
        },
        "results": [asdict(r) for r in results],
    }
    (DATA_DIR / "last-run.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"Hasil juga ditulis ke {(DATA_DIR / 'last-run.json').relative_to(ROOT)}.")
    # A missed target is reported, not raised: the run is a measurement, not a gate.
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
