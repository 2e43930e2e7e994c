from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from lumbung.assessment.demo import load_index_demo
from lumbung.core.formatting import format_number
from lumbung.innovations.demo import load_demo, publish_demo
from lumbung.labs.demo import load_lab_demo

# This command lives in the lowest app that adds to the demo, since imports only point down the app list.


class Command(BaseCommand):
    help = (
        "Load or refresh the demo region (Kota Parepare), its 2023 lab cohort and one of this year "
        "under way; safe to run again."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", "--noinput", verbosity=0)
        with transaction.atomic():
            summary = load_demo()
            labs = load_lab_demo()
            index = load_index_demo()
            published = publish_demo()
        cohorts = "; ".join(
            f"{lab.name} dengan {lab.participants} peserta, {lab.teams} tim, {lab.sessions} sesi"
            for lab in labs
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo Kota Parepare siap: {summary.units} unit, {summary.users} akun, "
                f"{summary.innovations} inovasi ({summary.versions} versi); {cohorts}."
            )
        )
        self.stdout.write(
            f"Indeks Inovasi Daerah {index.claimed.edition.year}: {index.versions} versi inovasi, "
            f"{index.answers} jawaban; IID klaim {format_number(float(index.claimed.iid), 2)}, "
            f"terverifikasi {format_number(float(index.verified.iid), 2)}."
        )
        self.stdout.write(
            f"Katalog: {published} inovasi yang sudah disetujui dipublikasikan; selebihnya tidak."
        )
        self.stdout.write("Login demo (kata sandi untuk semua: lumbung-demo):")
        for email, description in summary.logins:
            self.stdout.write(f"  {email:<34} {description}")
