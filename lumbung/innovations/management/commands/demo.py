from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

from lumbung.innovations.demo import load_demo


class Command(BaseCommand):
    help = "Load or refresh the demo region (Kota Parepare); safe to run again."

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", "--noinput", verbosity=0)
        summary = load_demo()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo Kota Parepare siap: {summary.units} unit, {summary.users} akun, "
                f"{summary.innovations} inovasi ({summary.versions} versi)."
            )
        )
        self.stdout.write("Login demo (kata sandi untuk semua: lumbung-demo):")
        for email, description in summary.logins:
            self.stdout.write(f"  {email:<34} {description}")
