import os
import signal
import socket
import time
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from lumbung.jobs.queue import claim_next, load_tasks, run_job


class Command(BaseCommand):
    help = "Run background jobs from the database queue until stopped (Ctrl-C or SIGTERM)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="Run the ready jobs, then exit.")
        parser.add_argument(
            "--poll", type=float, default=1.0, help="Seconds between looks at an empty queue."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        load_tasks()
        name = f"{socket.gethostname()}:{os.getpid()}"
        stopping = False

        def stop(signum: int, frame: FrameType | None) -> None:
            nonlocal stopping
            if stopping:
                raise SystemExit(1)  # asked twice: stop now; the job in hand is taken again after its lease
            # Finish the job in hand first, so nothing is left half-done.
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stdout.write(f"Pekerja {name} siap (Ctrl-C untuk berhenti).")
        while not stopping:
            close_old_connections()
            job = claim_next(name)
            if job is None:
                if options["once"]:
                    break
                time.sleep(options["poll"])
                continue
            self.stdout.write(f"Menjalankan #{job.pk} {job.task}: {job.title}")
            run_job(job)
            self.stdout.write(f"  #{job.pk} {job.get_state_display()}")
        self.stdout.write("Pekerja berhenti.")
