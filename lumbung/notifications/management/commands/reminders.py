from typing import Any

from django.core.management.base import BaseCommand

from lumbung.notifications.services import reminders_run


class Command(BaseCommand):
    help = "Send the deadline reminders due today in each region's zone (safe to run twice; run daily)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = reminders_run()
        self.stdout.write(f"Pengingat dibuat: {count}")
