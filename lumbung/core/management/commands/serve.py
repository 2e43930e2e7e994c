import os
import sys
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Serve Lumbung with gunicorn on 127.0.0.1 (port from --port or PORT, default 8000)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--host", default=os.environ.get("LUMBUNG_HOST", "127.0.0.1"))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("LUMBUNG_WORKERS", "2")))

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            call_command("collectstatic", "--noinput", verbosity=0)
        bind = f"{options['host']}:{options['port']}"
        self.stdout.write(f"Lumbung berjalan di http://{bind}/  (Ctrl-C untuk berhenti)")
        gunicorn = [
            sys.executable,
            "-m",
            "gunicorn",
            "lumbung.wsgi:application",
            "--bind",
            bind,
            "--workers",
            str(options["workers"]),
            "--access-logfile",
            "-",
            "--graceful-timeout",
            "5",
        ]
        os.execv(sys.executable, gunicorn)  # noqa: S606 - fixed argv, no shell
