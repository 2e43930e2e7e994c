"""Background work of the reports app: thin tasks that load by id and call a service."""

from django.utils.translation import gettext as _

from lumbung.jobs.models import Job
from lumbung.jobs.queue import JobError, task

from .exports import tasks as _exports  # noqa: F401 - registers the export tasks for the worker
from .iid import readiness as _iid_readiness  # noqa: F401 - registers the readiness report's task
from .iid import tasks as _iid  # noqa: F401 - registers the national-portal workbook's task
from .imports import services
from .labbook import tasks as _labbook  # noqa: F401 - registers the documentation book's task
from .models import ImportBatch


def _batch(batch_id: int) -> ImportBatch:
    batch = ImportBatch.objects.select_related("region", "created_by").filter(pk=batch_id).first()
    if batch is None:
        raise JobError(_("Impor tidak ditemukan."))
    return batch


@task("reports.import_check")
def import_check(job: Job, *, batch_id: int) -> None:
    services.run_check(job=job, batch=_batch(batch_id))


@task("reports.import_write")
def import_write(job: Job, *, batch_id: int) -> None:
    services.run_write(job=job, batch=_batch(batch_id))
