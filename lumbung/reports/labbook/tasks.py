"""The documentation book runs on the worker: photos and a page per team take longer than a request."""

from django.urls import reverse
from django.utils.translation import gettext as _

from lumbung.accounts.models import User
from lumbung.jobs import queue
from lumbung.jobs.models import Job
from lumbung.labs.access import can_manage
from lumbung.labs.models import Cohort

from .builder import build_book
from .render import book_filename, book_pdf, book_xlsx

BOOK_TASK = "reports.labbook"
FORMATS = ("pdf", "xlsx")


def enqueue_book(*, user: User, cohort: Cohort, fmt: str) -> Job:
    """Queue the cohort's documentation book in this format for this admin."""
    return queue.enqueue(
        BOOK_TASK,
        title=_("Buku dokumentasi %(cohort)s (%(fmt)s)") % {"cohort": cohort.name, "fmt": fmt.upper()},
        user=user,
        region=cohort.region,
        args={"cohort_id": cohort.pk, "user_id": user.pk, "fmt": fmt},
    )


def _load(cohort_id: int, user_id: int, fmt: str) -> Cohort:
    # Access is checked again when the job runs: an admin role removed in between stops the book.
    cohort = Cohort.objects.select_related("region").filter(pk=cohort_id).first()
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if cohort is None or user is None or fmt not in FORMATS:
        raise queue.JobError(
            _("Buku ini tidak dapat dibuat lagi: angkatan, pengguna atau format tidak dikenal.")
        )
    if not can_manage(user, cohort):
        raise queue.JobError(_("Hanya admin wilayah penyelenggara yang dapat membuat buku dokumentasi."))
    return cohort


@queue.task(BOOK_TASK)
def cohort_book(job: Job, *, cohort_id: int, user_id: int, fmt: str) -> None:
    cohort = _load(cohort_id, user_id, fmt)
    message = _("Menyusun bab tim")

    def progress(done: int, total: int) -> None:
        # One step more than the chapters: writing the file is the last one.
        queue.report(job, done, total + 1, message)

    queue.report(job, 0, 1, message)
    book = build_book(cohort, with_images=fmt == "pdf", progress=progress)
    steps = len(book.chapters) + 1
    queue.report(job, steps - 1, steps, _("Menulis berkas %(fmt)s") % {"fmt": fmt.upper()})
    content = book_pdf(book) if fmt == "pdf" else book_xlsx(book)
    queue.attach(job, book_filename(book, fmt), content)
    queue.report(job, steps, steps, _("Selesai"))
    job.result = {
        "summary": _("Buku dokumentasi %(cohort)s: %(n)s bab tim.")
        % {"cohort": cohort.name, "n": len(book.chapters)},
        "next_url": reverse("labs:cohort_dashboard", args=[cohort.pk]),
        "next_label": _("Kembali ke dasbor angkatan"),
    }
