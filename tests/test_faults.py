"""Faults with real processes: a worker killed in the middle of an import leaves nothing half-written."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from lumbung.innovations.models import InnovationVersion
from lumbung.jobs import queue
from lumbung.jobs.models import Job
from lumbung.reports.imports import services
from lumbung.reports.models import ImportBatch

from .factories import LONG_DESIGN
from .test_serve import database_url

ROOT = Path(__file__).resolve().parents[1]
ROWS = 6000


def big_csv() -> bytes:
    header = "Nama Inovasi;Unit;Tahun;Tahapan;Inisiator;Jenis;Bentuk;Urusan Utama;Rancang Bangun"
    design = LONG_DESIGN.replace(";", ",")
    lines = [header] + [
        f"Inovasi {i};Dinkes;2024;Inisiatif;OPD;Digital;Inovasi pelayanan publik;Kesehatan;{design}"
        for i in range(ROWS)
    ]
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_import_leaves_nothing_and_the_job_runs_again(admin, region, unit, settings):
    batch = services.import_start(
        actor=admin,
        region=region,
        kind=ImportBatch.Kind.INNOVATIONS,
        upload=SimpleUploadedFile("besar.csv", big_csv()),
    )
    queue.run_pending()
    batch.refresh_from_db()
    assert batch.state == ImportBatch.State.READY, batch.errors[:3]
    batch = services.import_confirm(actor=admin, batch=batch)
    job = batch.write_job
    assert job is not None

    worker = subprocess.Popen(
        [sys.executable, "-m", "lumbung.cli", "worker", "--poll", "0.1"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database_url(), "LUMBUNG_MEDIA_ROOT": str(settings.MEDIA_ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while Job.objects.get(pk=job.pk).state != Job.State.RUNNING:
            assert time.monotonic() < deadline, "the worker never took the job"
            time.sleep(0.05)
        time.sleep(0.8)  # well inside the re-check and write of 6,000 rows (about 4 s here)
        worker.send_signal(signal.SIGKILL)  # a machine that loses power does not say goodbye
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()

    job.refresh_from_db()
    assert job.state == Job.State.RUNNING  # abandoned, as a dead worker leaves it
    assert not InnovationVersion.objects.exists()  # and nothing half-written

    # Once its lease runs out, another worker takes the job again and finishes it.
    Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - queue.LEASE)
    queue.run_pending()
    job.refresh_from_db()
    assert job.state == Job.State.DONE and job.attempts == 2
    assert InnovationVersion.objects.count() == ROWS
