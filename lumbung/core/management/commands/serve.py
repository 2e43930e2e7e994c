import os
import signal
import subprocess
import sys
import time
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = (
        "Serve Lumbung with gunicorn on 127.0.0.1 (port from --port or PORT, default 8000), "
        "with one background worker unless --no-worker; Ctrl-C stops both."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--host", default=os.environ.get("LUMBUNG_HOST", "127.0.0.1"))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("LUMBUNG_WORKERS", "2")))
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Do not start a background worker (run `lumbung worker`).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            call_command("collectstatic", "--noinput", verbosity=0)
        bind = f"{options['host']}:{options['port']}"
        commands = [
            [
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
        ]
        if not options["no_worker"]:
            commands.append([sys.executable, "-m", "lumbung.cli", "worker"])
        self.stdout.write(f"Lumbung berjalan di http://{bind}/  (Ctrl-C untuk berhenti)")
        self.stdout.flush()
        # Own sessions: Ctrl-C in the terminal reaches only this command, which stops each child once
        # (a worker asked twice stops at once, abandoning its job).
        processes = [subprocess.Popen(command, start_new_session=True) for command in commands]  # noqa: S603
        stopped: set[int] = set()

        def stop(signum: int, frame: FrameType | None) -> None:
            for process in processes:
                if process.poll() is None and process.pid not in stopped:
                    stopped.add(process.pid)
                    process.send_signal(signal.SIGTERM)

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        # When one of the two ends (or Ctrl-C ends both), stop the other and wait for it.
        while all(process.poll() is None for process in processes):
            time.sleep(0.3)
        stop(signal.SIGTERM, None)
        codes = [process.wait(timeout=30) for process in processes]
        if any(code not in (0, -signal.SIGTERM, -signal.SIGINT) for code in codes):
            raise CommandError(f"Lumbung berhenti dengan kode {codes}.")
