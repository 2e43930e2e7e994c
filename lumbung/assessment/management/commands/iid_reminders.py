from typing import Any

from django.core.management.base import BaseCommand

from lumbung.assessment.insight import iid_reminders_run


class Command(BaseCommand):
    help = (
        "Remind region admins and verifiers 14, 7, 3 and 1 days before an index edition's reporting "
        "deadline (each region's own today; safe to run twice; run daily)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = iid_reminders_run()
        self.stdout.write(f"Pengingat indeks dibuat: {count}")
