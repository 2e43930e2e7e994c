"""The portal workbook runs on the worker, as every export that ends as a download does."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lumbung.accounts.models import User
from lumbung.assessment.models import Edition
from lumbung.jobs import queue
from lumbung.jobs.models import Job
from lumbung.regions.models import Region

from .access import can_export
from .builder import load
from .render import portal_filename, portal_xlsx

IID_EXPORT_TASK = "reports.iid_export"


def enqueue_iid_export(*, user: User, region: Region, edition: Edition) -> Job:
    """Queue the region's workbook for the edition's year, for this admin or verifier."""
    return queue.enqueue(
        IID_EXPORT_TASK,
        title=_("Ekspor IID %(year)s untuk portal nasional: %(region)s")
        % {"year": edition.year, "region": region.name},
        user=user,
        region=region,
        args={"region_id": region.pk, "edition_id": edition.pk, "user_id": user.pk},
    )


def _load(region_id: int, edition_id: int, user_id: int) -> tuple[Region, Edition]:
    # Access is checked again when the job runs: a role removed in between stops the export.
    region = Region.objects.filter(pk=region_id).first()
    edition = Edition.objects.filter(pk=edition_id).first()
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if region is None or edition is None or user is None:
        raise queue.JobError(
            _("Ekspor ini tidak dapat dijalankan lagi: wilayah, edisi atau pengguna tidak dikenal.")
        )
    if not can_export(user, region):
        raise queue.JobError(
            _("Hanya admin dan verifikator wilayah ini yang dapat mengekspor jawaban indeksnya.")
        )
    return region, edition


@queue.task(IID_EXPORT_TASK)
def iid_export(job: Job, *, region_id: int, edition_id: int, user_id: int) -> None:
    region, edition = _load(region_id, edition_id, user_id)
    data = load(region, edition)
    # One step per innovation row, one for the SPD sheet and the file.
    total = len(data.versions) + 1
    message = _("Menulis baris inovasi")

    def progress(done: int) -> None:
        queue.report(job, done, total, message)

    queue.report(job, 0, total, message)
    content = portal_xlsx(data, progress)
    queue.attach(job, portal_filename(data), content)
    queue.report(job, total, total, _("Selesai"))
    job.result = {
        "summary": ngettext(
            "%(n)s inovasi tahun %(year)s dan jawaban SPD diekspor untuk portal nasional.",
            "%(n)s inovasi tahun %(year)s dan jawaban SPD diekspor untuk portal nasional.",
            len(data.versions),
        )
        % {"n": len(data.versions), "year": edition.year},
        "next_url": reverse("assessment:answers_region", args=[region.code, edition.year]),
        "next_label": _("Kembali ke jawaban indeks"),
    }
