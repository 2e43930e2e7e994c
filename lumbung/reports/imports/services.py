"""Imports from spreadsheets: upload, check every row (a job), preview, confirm, write at once (a job)."""

import io
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import IO

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lumbung.accounts.access import is_region_admin
from lumbung.accounts.models import User
from lumbung.jobs import queue
from lumbung.jobs.models import Job
from lumbung.labs.models import Cohort
from lumbung.regions.models import Region

from ..models import ImportBatch
from .answers import AnswerImporter
from .base import Importer
from .cells import Row, RowError, columns_by_key
from .innovations import InnovationImporter
from .participants import ParticipantImporter
from .people import PeopleImporter
from .reading import ImportFileError, check_size, file_format, read_table
from .units import UnitImporter

IMPORTERS: dict[str, type[Importer]] = {
    ImportBatch.Kind.UNITS: UnitImporter,
    ImportBatch.Kind.PEOPLE: PeopleImporter,
    ImportBatch.Kind.INNOVATIONS: InnovationImporter,
    ImportBatch.Kind.PARTICIPANTS: ParticipantImporter,
    ImportBatch.Kind.ANSWERS: AnswerImporter,
}
# Kinds that write into a lab cohort rather than the region as a whole.
COHORT_KINDS = {ImportBatch.Kind.PARTICIPANTS}
# A file with thousands of bad rows is kept readable (and its record small): the first ones are shown.
MAX_STORED_ERRORS = 1000

Progress = Callable[[int, int], None]


def importer_for(kind: str) -> type[Importer]:
    if kind not in IMPORTERS:
        raise ValidationError(_("Jenis impor tidak dikenal."))
    return IMPORTERS[kind]


def check_rows(
    *,
    kind: str,
    region: Region,
    actor: User | None,
    stream: IO[bytes],
    source_name: str = "",
    progress: Progress | None = None,
    lock: bool = False,
    cohort: Cohort | None = None,
) -> Importer:
    """Read and check every row against the database as it is now; raise ImportFileError for a bad file."""
    importer = importer_for(kind)(
        region=region, actor=actor, source_name=source_name, lock=lock, cohort=cohort
    )
    table = read_table(stream, importer.columns)
    importer.present = table.present
    importer.prepare()
    columns = columns_by_key(importer.columns)
    importer.total = total = len(table.rows)
    for done, (number, values) in enumerate(table.rows, start=1):
        row = Row(number, values, columns)
        importer.check_row(row)
        importer.errors.extend(row.errors)
        if progress is not None:
            progress(done, total)
    importer.finish()
    return importer


def import_file(
    *,
    kind: str,
    region: Region,
    actor: User | None,
    path: Path,
    dry_run: bool = False,
    cohort: Cohort | None = None,
) -> Importer:
    """Check a file on disk and, unless dry_run or a row is bad, write it in one transaction (the CLI)."""
    check_size(path.stat().st_size)
    stream = io.BytesIO(path.read_bytes())
    if dry_run:
        return check_rows(
            kind=kind, region=region, actor=actor, stream=stream, source_name=path.name, cohort=cohort
        )
    with transaction.atomic():
        importer = check_rows(
            kind=kind,
            region=region,
            actor=actor,
            stream=stream,
            source_name=path.name,
            lock=True,
            cohort=cohort,
        )
        if not importer.errors:
            importer.write()
    return importer


@transaction.atomic
def import_start(
    *, actor: User, region: Region, kind: str, upload: UploadedFile, cohort: Cohort | None = None
) -> ImportBatch:
    """Keep the uploaded file and queue the check of its rows; refuse a file that is no spreadsheet now."""
    if not is_region_admin(actor, region):
        raise PermissionDenied
    importer = importer_for(kind)
    if kind in COHORT_KINDS and (cohort is None or cohort.region_id != region.pk):
        raise ValidationError(_("Pilih angkatan laboratorium inovasi tujuan impor."))
    if kind not in COHORT_KINDS:
        cohort = None
    check_size(upload.size or 0)
    assert upload.file is not None
    upload.file.seek(0)
    file_kind = file_format(upload.file.read(2048), upload.file)
    upload.file.seek(0)
    batch = ImportBatch(
        kind=kind,
        region=region,
        cohort=cohort,
        created_by=actor,
        token=secrets.token_hex(16),
        extension=f".{file_kind}",
        original_name=(upload.name or "berkas")[:255],
    )
    batch.file.save(batch.token + batch.extension, upload, save=False)
    try:
        batch.save()
    except Exception:
        batch.file.delete(save=False)
        raise
    batch.check_job = queue.enqueue(
        "reports.import_check",
        title=_("Periksa impor %(kind)s: %(name)s")
        % {"kind": importer.kind_label(), "name": batch.original_name},
        user=actor,
        region=region,
        args={"batch_id": batch.pk},
    )
    batch.save(update_fields=["check_job"])
    return batch


@transaction.atomic
def import_confirm(*, actor: User, batch: ImportBatch) -> ImportBatch:
    """Queue the write of a checked file with no errors; exactly once, even when pressed twice."""
    if not is_region_admin(actor, batch.region) or batch.created_by_id != actor.pk:
        raise PermissionDenied
    claimed = ImportBatch.objects.filter(pk=batch.pk, state=ImportBatch.State.READY).update(
        state=ImportBatch.State.WRITING
    )
    if not claimed:
        raise ValidationError(
            _(
                "Impor ini tidak dapat dikonfirmasi: belum selesai diperiksa, ada kesalahan, atau "
                "sudah dikonfirmasi."
            )
        )
    batch.state = ImportBatch.State.WRITING
    batch.write_job = queue.enqueue(
        "reports.import_write",
        title=_("Tulis impor %(kind)s: %(name)s")
        % {"kind": importer_for(batch.kind).kind_label(), "name": batch.original_name},
        user=actor,
        region=batch.region,
        args={"batch_id": batch.pk},
    )
    batch.save(update_fields=["write_job"])
    return batch


def _open(batch: ImportBatch) -> IO[bytes]:
    with batch.file.open("rb") as f:
        return io.BytesIO(f.read())


def _record(batch: ImportBatch, importer: Importer | None, file_error: ImportFileError | None = None) -> None:
    """Save what a check found on the batch (autocommit, so the preview sees it at once)."""
    if file_error is not None:
        errors = [RowError(None, "", m) for m in file_error.messages]
        counts = {"total_rows": 0, "to_create": 0, "to_update": 0, "unchanged": 0}
    else:
        assert importer is not None
        errors = importer.row_errors()
        counts = {
            "total_rows": importer.total,
            "to_create": importer.to_create,
            "to_update": importer.to_update,
            "unchanged": importer.unchanged,
        }
    state = ImportBatch.State.INVALID if errors else ImportBatch.State.READY
    fields = {
        **counts,
        "state": state,
        "errors": [e.as_dict() for e in errors[:MAX_STORED_ERRORS]],
        "error_count": len(errors),
    }
    ImportBatch.objects.filter(pk=batch.pk).update(**fields)
    for name, value in fields.items():
        setattr(batch, name, value)


def batch_url(batch: ImportBatch) -> str:
    return reverse("reports:import_batch", args=[batch.region.code, batch.pk])


def run_check(*, job: Job, batch: ImportBatch) -> None:
    """The check job: every row, with progress, then the preview's counts and errors."""
    if batch.state != ImportBatch.State.CHECKING:
        return  # already checked (a job run twice)

    def progress(done: int, total: int) -> None:
        queue.report(
            job,
            done,
            total,
            _("Memeriksa baris data %(done)s dari %(total)s") % {"done": done, "total": total},
        )

    try:
        importer = check_rows(
            kind=batch.kind,
            region=batch.region,
            actor=batch.created_by,
            stream=_open(batch),
            source_name=batch.original_name,
            progress=progress,
            cohort=batch.cohort,
        )
    except ImportFileError as error:
        _record(batch, None, error)
        summary = _("Berkas ditolak: %(reason)s") % {"reason": " ".join(error.messages)}
    else:
        _record(batch, importer)
        if batch.error_count:
            summary = ngettext(
                "Pemeriksaan selesai: %(n)s kesalahan. Tidak ada yang ditulis.",
                "Pemeriksaan selesai: %(n)s kesalahan. Tidak ada yang ditulis.",
                batch.error_count,
            ) % {"n": batch.error_count}
        else:
            summary = _("Pemeriksaan selesai tanpa kesalahan. %(summary)s") % {"summary": importer.summary()}
    job.result = {
        "summary": summary,
        "next_url": batch_url(batch),
        "next_label": _("Lihat hasil pemeriksaan"),
    }


def run_write(*, job: Job, batch: ImportBatch) -> None:
    """The write job: check again against the database as it is now, then write everything or nothing."""
    importer_class = importer_for(batch.kind)
    if batch.state == ImportBatch.State.DONE:
        job.result = {"summary": _("Impor ini sudah ditulis."), "next_url": batch_url(batch)}
        return
    if batch.state != ImportBatch.State.WRITING:
        raise queue.JobError(_("Impor ini belum dikonfirmasi."))
    queue.report(
        job,
        0,
        1,
        ngettext(
            "Memeriksa ulang dan menulis %(n)s baris",
            "Memeriksa ulang dan menulis %(n)s baris",
            batch.total_rows,
        )
        % {"n": batch.total_rows},
    )
    stale: Importer | None = None
    try:
        with transaction.atomic():
            importer = check_rows(
                kind=batch.kind,
                region=batch.region,
                actor=batch.created_by,
                stream=_open(batch),
                source_name=batch.original_name,
                lock=True,
                cohort=batch.cohort,
            )
            if importer.errors:
                stale = importer
            else:
                importer.write()
                ImportBatch.objects.filter(pk=batch.pk).update(
                    state=ImportBatch.State.DONE,
                    written_at=timezone.now(),
                    to_create=importer.to_create,
                    to_update=importer.to_update,
                    unchanged=importer.unchanged,
                )
    except ImportFileError as error:
        _record(batch, None, error)
        raise queue.JobError(" ".join(error.messages)) from error
    if stale is not None:
        _record(batch, stale)
        raise queue.JobError(
            ngettext(
                "Tidak ada yang ditulis: data di Lumbung berubah sejak pratinjau, dan kini %(n)s kesalahan "
                "ditemukan. Buka kembali impor ini dari halaman Impor %(kind)s untuk melihat barisnya.",
                "Tidak ada yang ditulis: data di Lumbung berubah sejak pratinjau, dan kini %(n)s kesalahan "
                "ditemukan. Buka kembali impor ini dari halaman Impor %(kind)s untuk melihat barisnya.",
                len(stale.errors),
            )
            % {"n": len(stale.errors), "kind": importer_class.kind_label()}
        )
    queue.report(job, 1, 1, _("Selesai"))
    job.result = {
        "summary": importer.done_message(),
        "next_url": importer.next_url(),
        "next_label": importer.next_label(),
    }
