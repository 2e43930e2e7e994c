from typing import Any

from django.core.management.base import BaseCommand

from lumbung.notifications.services import digest_run


class Command(BaseCommand):
    help = "Mail each person who chose the daily digest the notifications waiting for it (safe to run twice)."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = digest_run()
        self.stdout.write(f"Ringkasan diantrekan: {sent}")
