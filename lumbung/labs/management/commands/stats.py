import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from lumbung.innovations.stats import region_stats
from lumbung.labs.stats import cohort_stats
from lumbung.regions.models import Region

# This command lives in the lowest app that adds figures, since imports only point down the app list.


class Command(BaseCommand):
    help = (
        "Print per region: units per kind, users per role, innovations per status and tahapan, lab cohorts."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help="Output JSON (for scripts).")
        parser.add_argument("--region", help="Only this region code, e.g. 73.72.")

    def handle(self, *args: Any, **options: Any) -> None:
        stats = region_stats(options.get("region"))
        ids = dict(Region.objects.filter(code__in=stats).values_list("id", "code"))
        cohorts = cohort_stats(list(ids))
        for region_id, code in ids.items():
            stats[code]["cohorts"] = cohorts.get(region_id, [])
        if options["json"]:
            self.stdout.write(json.dumps(stats, ensure_ascii=False, indent=2, sort_keys=True))
            return
        if not stats:
            self.stdout.write("Belum ada wilayah dengan data.")
        for code, row in stats.items():
            self.stdout.write(f"{code} {row['name']}")
            for title, key in (("Unit", "units"), ("Pengguna", "users")):
                parts = ", ".join(f"{k} {v}" for k, v in row[key].items())
                self.stdout.write(f"  {title}: {parts or '-'}")
            innovations = row["innovations"]
            self.stdout.write(f"  Inovasi: {innovations['total']}")
            for title, key in (("status", "status"), ("tahapan", "tahapan")):
                parts = ", ".join(f"{k} {v}" for k, v in innovations[key].items())
                self.stdout.write(f"    per {title}: {parts}")
            for cohort in row["cohorts"]:
                self.stdout.write(
                    f"  Angkatan lab: {cohort['name']} ({cohort['year']}), "
                    f"{cohort['participants']} peserta, {cohort['teams']} tim"
                )
                for stage in cohort["stages"]:
                    self.stdout.write(
                        f"    {stage['name']}: {stage['start'] or '-'} s.d. {stage['end'] or '-'}, "
                        f"{stage['mode']}"
                    )
