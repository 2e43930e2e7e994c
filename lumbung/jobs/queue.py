"""The job queue: register tasks, enqueue them, and let a worker claim and run each one exactly once.

A task is a plain function `fn(job, **args)` that loads what its ids point to and calls a service. It
reports progress with `report(job, done, total, message)` and may attach a file with `attach(...)`.
Enqueueing writes a row in the caller's transaction, so a worker sees the job only once that transaction
has committed, and never sees it if it rolls back.
"""

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db.models import F, Q
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _

from .models import Job

log = logging.getLogger(__name__)

TaskFunction = Callable[..., None]
TASKS: dict[str, TaskFunction] = {}

# A running job whose worker has not reported for this long is taken to be dead and is run again.
LEASE = dt.timedelta(seconds=int(getattr(settings, "JOB_LEASE_SECONDS", 300)))
# Wait before retry n (1, 2, ...): 30 s, 2 min, 8 min, ...
BACKOFF_SECONDS = 30


class JobError(Exception):
    """A failure to show the user as it is (bad input, a missing record); the job is not retried."""


class RetryLater(Exception):
    """A passing failure (a mail server that is down): try again after the back-off."""


def task(name: str) -> Callable[[TaskFunction], TaskFunction]:
    def register(fn: TaskFunction) -> TaskFunction:
        TASKS[name] = fn
        return fn

    return register


def load_tasks() -> None:
    """Import every app's tasks.py so their @task functions are registered."""
    autodiscover_modules("tasks")


def enqueue(
    name: str,
    *,
    title: str,
    user: Any = None,
    region: Any = None,
    args: dict[str, Any] | None = None,
    run_after: dt.datetime | None = None,
    max_attempts: int = 3,
) -> Job:
    if name not in TASKS:
        load_tasks()
    if name not in TASKS:
        raise ValueError(f"Unknown task {name!r}")
    return Job.objects.create(
        task=name,
        title=title[:200],
        created_by=user if user is not None and user.is_authenticated else None,
        region=region,
        args=args or {},
        run_after=run_after or timezone.now(),
        max_attempts=max_attempts,
    )


def _claimable(now: dt.datetime) -> Q:
    ready = Q(state=Job.State.QUEUED, run_after__lte=now)
    abandoned = Q(state=Job.State.RUNNING, heartbeat_at__lt=now - LEASE)
    return ready | abandoned


def claim_next(worker: str) -> Job | None:
    """Take the oldest ready job for this worker; a conditional update makes sure only one worker gets it."""
    for _attempt in range(5):
        now = timezone.now()
        candidate = (
            Job.objects.filter(_claimable(now))
            .order_by("run_after", "id")
            .values_list("id", flat=True)
            .first()
        )
        if candidate is None:
            return None
        claimed = Job.objects.filter(_claimable(now), pk=candidate).update(
            state=Job.State.RUNNING,
            worker=worker[:100],
            heartbeat_at=now,
            started_at=now,
            attempts=F("attempts") + 1,
        )
        if claimed:
            return Job.objects.get(pk=candidate)
        # Another worker took it between the read and the update: look again.
    return None


def report(job: Job, done: int, total: int, message: str = "", *, every: float = 0.5) -> None:
    """Record progress (at most every `every` seconds, and always at the end); also renews the lease."""
    now = time.monotonic()
    last: float = getattr(job, "_last_report", 0.0)
    if done < total and now - last < every:
        return
    job._last_report = now  # type: ignore[attr-defined]
    job.progress_done, job.progress_total, job.progress_message = done, total, message[:200]
    Job.objects.filter(pk=job.pk).update(
        progress_done=done, progress_total=total, progress_message=message[:200], heartbeat_at=timezone.now()
    )


def attach(job: Job, name: str, content: "bytes | File[Any]") -> None:
    """Keep a result file with the job; the user downloads it from the job's page."""
    if isinstance(content, bytes):
        content = ContentFile(content)
    job.result_file.save(name, content, save=False)
    job.result_name = name
    Job.objects.filter(pk=job.pk).update(result_file=job.result_file.name, result_name=name)


def _finish(job: Job, **fields: Any) -> None:
    fields.setdefault("finished_at", timezone.now())
    Job.objects.filter(pk=job.pk).update(**fields)
    for name, value in fields.items():
        setattr(job, name, value)


def run_job(job: Job) -> Job:
    """Run one claimed job and record how it ended."""
    fn = TASKS.get(job.task)
    if fn is None:
        load_tasks()
        fn = TASKS.get(job.task)
    try:
        if fn is None:
            raise JobError(_("Jenis pekerjaan tidak dikenal: %(task)s") % {"task": job.task})
        fn(job, **job.args)
    except (JobError, ValidationError) as error:
        messages = error.messages if isinstance(error, ValidationError) else [str(error)]
        _finish(job, state=Job.State.FAILED, error="\n".join(messages))
    except Exception as error:
        # Unexpected errors and RetryLater are tried again with a growing wait, up to max_attempts.
        log.exception("Job %s (%s) failed on attempt %s", job.pk, job.task, job.attempts)
        if job.attempts < job.max_attempts:
            delay = dt.timedelta(seconds=BACKOFF_SECONDS * 4 ** (job.attempts - 1))
            _finish(
                job,
                state=Job.State.QUEUED,
                run_after=timezone.now() + delay,
                error=_("Percobaan ke-%(n)s gagal; dicoba lagi otomatis.") % {"n": job.attempts},
                finished_at=None,
            )
        else:
            unexpected = _(
                "Terjadi kesalahan tak terduga. Tim teknis dapat melihat rinciannya di log "
                "(pekerjaan #%(id)s)."
            ) % {"id": job.pk}
            _finish(
                job, state=Job.State.FAILED, error=str(error) if isinstance(error, RetryLater) else unexpected
            )
    else:
        _finish(
            job,
            state=Job.State.DONE,
            error="",
            progress_done=max(job.progress_done, job.progress_total),
            result=job.result,
        )
    return job


@dataclass
class WorkerStats:
    done: int = 0
    failed: int = 0


def run_pending(worker: str = "inline", limit: int | None = None) -> WorkerStats:
    """Run ready jobs until none is left (tests and `lumbung worker --once`)."""
    stats = WorkerStats()
    while limit is None or stats.done + stats.failed < limit:
        job = claim_next(worker)
        if job is None:
            break
        run_job(job)
        if job.state == Job.State.FAILED:
            stats.failed += 1
        else:
            stats.done += 1
    return stats
