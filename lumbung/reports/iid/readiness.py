"""The readiness report: the region's index in both projections, what loses points and what to do first,
as a PDF built on the worker."""

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lumbung.accounts.models import User
from lumbung.assessment import insight
from lumbung.assessment.insight.overview import overview
from lumbung.assessment.models import Edition
from lumbung.core.formatting import format_date
from lumbung.jobs import queue
from lumbung.jobs.models import Job
from lumbung.notifications.services import region_today
from lumbung.regions.models import Region

from ..pdf import render_pdf
from .access import can_export

READINESS_TASK = "reports.iid_readiness_pdf"
# The report lists the costliest improvements; the page online lists them all.
TOP_IMPROVEMENTS = 25
# A large region can have thousands of readiness items; the report prints the costliest.
READINESS_PRINTED = 200


def readiness_context(region: Region, edition: Edition) -> dict[str, Any]:
    """Everything the report shows, read once (a fixed number of queries)."""
    snapshot = insight.snapshot_for(region, edition)
    today = region_today(region)
    readiness = insight.readiness_for(snapshot, today)
    return {
        "region": region,
        "edition": edition,
        "overview": overview(snapshot),
        "readiness": readiness,
        "items": readiness.items[:READINESS_PRINTED],
        "improvements": insight.improvements(snapshot)[:TOP_IMPROVEMENTS],
        "printed_on": format_date(today),
        "reference": f"IID-{edition.year}-{region.code}",
    }


def readiness_pdf(region: Region, edition: Edition) -> bytes:
    return render_pdf("reports/iid/readiness.html", readiness_context(region, edition))


def readiness_filename(region: Region, edition: Edition) -> str:
    return f"kesiapan-iid-{edition.year}-{slugify(region.name)}.pdf"


def enqueue_readiness_pdf(*, user: User, region: Region, edition: Edition) -> Job:
    return queue.enqueue(
        READINESS_TASK,
        title=_("Laporan kesiapan IID %(year)s: %(region)s") % {"year": edition.year, "region": region.name},
        user=user,
        region=region,
        args={"region_id": region.pk, "edition_id": edition.pk, "user_id": user.pk},
    )


@queue.task(READINESS_TASK)
def iid_readiness_pdf(job: Job, *, region_id: int, edition_id: int, user_id: int) -> None:
    region = Region.objects.filter(pk=region_id).first()
    edition = Edition.objects.filter(pk=edition_id).first()
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if region is None or edition is None or user is None:
        raise queue.JobError(
            _("Laporan ini tidak dapat dibuat lagi: wilayah, edisi atau pengguna tidak dikenal.")
        )
    # Checked again on the worker: a role removed after the click stops the report.
    if not can_export(user, region):
        raise queue.JobError(
            _("Hanya admin dan verifikator wilayah ini yang dapat mencetak laporan kesiapannya.")
        )
    queue.report(job, 0, 1, _("Menghitung indeks dan menyusun laporan"))
    content = readiness_pdf(region, edition)
    queue.attach(job, readiness_filename(region, edition), content)
    queue.report(job, 1, 1, _("Selesai"))
    job.result = {
        "summary": _("Laporan kesiapan IID %(year)s %(region)s, dicetak %(date)s.")
        % {"year": edition.year, "region": region.name, "date": format_date(timezone.localdate())},
        "next_url": reverse("assessment:index_readiness", args=[region.code, edition.year]),
        "next_label": _("Kembali ke halaman kesiapan"),
    }
