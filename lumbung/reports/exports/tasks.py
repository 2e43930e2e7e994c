"""Exports that run on the worker: too big to answer within a request."""

import tempfile

from django.core.files import File
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lumbung.accounts.models import User
from lumbung.jobs import queue
from lumbung.jobs.models import Job

from . import builders, renderers

EXPORT_TASK = "reports.export_innovations"
FORMATS = ("xlsx", "csv")


def enqueue_export(*, user: User, query: str, fmt: str, total: int) -> Job:
    """Queue the export of the list page's filter (the query string) for this user."""
    return queue.enqueue(
        EXPORT_TASK,
        title=ngettext(
            "Ekspor inovasi (%(n)s baris, %(fmt)s)", "Ekspor inovasi (%(n)s baris, %(fmt)s)", total
        )
        % {"n": total, "fmt": fmt.upper()},
        user=user,
        args={"user_id": user.pk, "query": query, "fmt": fmt},
    )


@queue.task(EXPORT_TASK)
def export_innovations(job: Job, *, user_id: int, query: str, fmt: str) -> None:
    # The user's access is applied again now, not when the job was queued: a role removed in between
    # removes its rows from the file. Running twice writes the same file again.
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or fmt not in FORMATS:
        raise queue.JobError(_("Ekspor ini tidak dapat dijalankan lagi: pengguna atau format tidak dikenal."))
    versions = builders.versions_for_user(user, QueryDict(query))
    total = versions.count()
    message = _("Menulis baris inovasi")

    def progress(done: int) -> None:
        queue.report(job, done, total, message)

    queue.report(job, 0, total, message)
    columns, rows = builders.innovation_columns(), builders.innovation_rows(versions)
    with tempfile.TemporaryFile() as target:
        if fmt == "csv":
            written = renderers.write_csv(columns, rows, target, progress=progress)
        else:
            written = renderers.write_xlsx(columns, rows, target, title=_("Inovasi"), progress=progress)
        queue.report(job, written, written, _("Selesai"))
        target.seek(0)
        queue.attach(job, renderers.export_filename(fmt), File(target))
    job.result = {
        "summary": ngettext(
            "%(n)s baris inovasi diekspor ke %(fmt)s.", "%(n)s baris inovasi diekspor ke %(fmt)s.", written
        )
        % {"n": written, "fmt": fmt.upper()}
    }
