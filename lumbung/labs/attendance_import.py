"""Online attendance from a spreadsheet: one row per person (email or NIP, optional "hadir"), previewed
against the cohort's participants before anything is written.

The rule shown on the page: rows that match nobody, or say something other than yes or no, are listed
with their row number and reason; nothing is written until the admin confirms, and when such rows exist
the admin must also tick that only the valid rows are recorded. The import only adds attendance.
"""

import csv
import hashlib
import io
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lumbung.accounts.models import User
from lumbung.core.files import XLSX, check_upload, sniff

from .models import Attendance, Participant, Session

MAX_CSV_BYTES = 2 * 1024 * 1024
MAX_XLSX_MB = 5
MAX_ROWS = 5000
HEADERS = {
    "email": "email",
    "e-mail": "email",
    "surel": "email",
    "nip": "nip",
    "hadir": "present",
    "kehadiran": "present",
}
YES = {"", "ya", "y", "yes", "1", "true", "benar", "hadir"}
NO = {"tidak", "t", "no", "0", "false", "salah", "tidak hadir", "absen"}


@dataclass
class PreviewRow:
    row: int
    label: str  # the email or NIP as written
    name: str = ""  # the participant it matched
    reason: str = ""


@dataclass
class ImportPreview:
    file_name: str
    sha256: str
    mark: list[PreviewRow] = field(default_factory=list)  # will be recorded present
    skipped: list[PreviewRow] = field(default_factory=list)  # fine, but nothing to write
    problems: list[PreviewRow] = field(default_factory=list)  # match no participant or unreadable
    ids: list[int] = field(default_factory=list)  # participants to record, in row order

    def as_data(self) -> dict[str, Any]:
        """A JSON-safe form, kept in the admin's session between the preview and the confirmation."""
        return asdict(self)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "ImportPreview":
        rows = {key: [PreviewRow(**row) for row in data[key]] for key in ("mark", "skipped", "problems")}
        return cls(file_name=data["file_name"], sha256=data["sha256"], ids=list(data["ids"]), **rows)


# Reading the file


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a number cell: 1.0 is "1"
    return " ".join(str(value).split())


def _xlsx_rows(stream: IO[bytes]) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(stream, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged file
        raise ValidationError(
            _("Berkas XLSX ini rusak atau tidak dapat dibaca. Buka dan simpan ulang di program spreadsheet.")
        ) from error
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # some writers record a wrong sheet size
        for values in sheet.iter_rows(values_only=True):
            yield [_text(v) for v in values]
    finally:
        workbook.close()


def _csv_rows(upload: UploadedFile) -> Iterator[list[str]]:
    if (upload.size or 0) > MAX_CSV_BYTES:
        raise ValidationError(_("Berkas CSV terlalu besar. Batasnya 2 MB."))
    data = upload.read()
    try:
        text = data.decode("utf-8-sig")  # with or without the byte order mark Excel writes
    except UnicodeDecodeError as error:
        raise ValidationError(
            _('Berkas CSV harus berpengodean UTF-8. Di Excel simpan sebagai "CSV UTF-8 (Comma delimited)".')
        ) from error
    if "\x00" in text:
        raise ValidationError(_("Berkas ini bukan teks CSV. Unggah berkas XLSX atau CSV."))
    first_line = text.split("\n", 1)[0]
    # Excel in an Indonesian locale separates with ";" (the comma is the decimal separator).
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        for values in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            yield [_text(v) for v in values]
    except csv.Error as error:
        raise ValidationError(_("Berkas CSV tidak dapat dibaca: %(error)s") % {"error": error}) from error


def read_rows(upload: UploadedFile) -> tuple[str, list[tuple[int, list[str]]]]:
    """The file's sha256 and its non-empty rows numbered as a spreadsheet shows them; XLSX or CSV only."""
    if not upload.size:
        raise ValidationError(_("Berkas kosong. Pilih berkas XLSX atau CSV yang berisi data."))
    assert upload.file is not None
    zipped = upload.file.read(4) == b"PK\x03\x04"
    kind = sniff(upload.file)  # rewinds the file
    if kind == XLSX:
        sha256 = check_upload(upload, max_mb=MAX_XLSX_MB).sha256
        raw: Iterator[list[str]] = _xlsx_rows(upload.file)
    elif kind is None and zipped:
        raise ValidationError(
            _(
                "Berkas ini bukan XLSX yang dapat dibaca. Simpan ulang sebagai XLSX atau CSV, "
                "lalu unggah lagi."
            )
        )
    elif kind is None:
        sha256 = hashlib.sha256(upload.read()).hexdigest()
        upload.seek(0)
        raw = _csv_rows(upload)
    else:
        raise ValidationError(
            _("Berkas %(type)s tidak dapat diimpor. Unggah berkas XLSX atau CSV.") % {"type": kind.label}
        )
    rows = []
    for number, values in enumerate(raw, start=1):
        if any(values):
            rows.append((number, values))
        if len(rows) > MAX_ROWS + 1:
            raise ValidationError(
                _("Berkas berisi lebih dari %(n)s baris. Bagi menjadi beberapa berkas.") % {"n": MAX_ROWS}
            )
    return sha256, rows


def _columns(header: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, value in enumerate(header):
        key = HEADERS.get(value.casefold())
        if key and key not in found:
            found[key] = i
    if "email" not in found and "nip" not in found:
        raise ValidationError(
            _("Baris pertama harus memuat judul kolom email atau nip (dan boleh kolom hadir).")
        )
    return found


# Matching and recording


def _enrolled(session: Session) -> list[Participant]:
    return list(
        Participant.objects.filter(
            cohort_id=session.stage.cohort_id, role=Participant.Role.PARTICIPANT
        ).select_related("user")
    )


def import_preview(*, session: Session, upload: UploadedFile) -> ImportPreview:
    """Match each row to an enrolled participant; writes nothing."""
    sha256, rows = read_rows(upload)
    if not rows:
        raise ValidationError(_("Berkas tidak berisi data."))
    (_number, header), body = rows[0], rows[1:]
    columns = _columns(header)
    if not body:
        raise ValidationError(_("Berkas tidak berisi baris data di bawah baris judul kolom."))
    people = _enrolled(session)
    by_email = {p.user.email.casefold(): p for p in people}
    by_nip = {p.user.nip: p for p in people if p.user.nip}
    recorded = set(Attendance.objects.filter(session=session).values_list("participant_id", flat=True))
    preview = ImportPreview(file_name=(upload.name or "berkas")[:120], sha256=sha256)
    seen: dict[int, int] = {}

    def cell(values: list[str], key: str) -> str:
        i = columns.get(key)
        return values[i] if i is not None and i < len(values) else ""

    for number, values in body:
        email = cell(values, "email").casefold()
        nip = "".join(cell(values, "nip").split())
        answer = cell(values, "present").casefold()
        label = email or nip
        participant = (by_email.get(email) if email else None) or (by_nip.get(nip) if nip else None)
        if not email and not nip:
            preview.problems.append(PreviewRow(number, "", reason=_("Email dan NIP kosong.")))
        elif participant is None:
            reason = _("Tidak ada peserta angkatan ini dengan email atau NIP ini.")
            preview.problems.append(PreviewRow(number, label, reason=reason))
        elif answer not in YES | NO:
            reason = _("Isi kolom hadir dengan ya atau tidak (tertulis: %(value)s).") % {"value": answer}
            preview.problems.append(PreviewRow(number, label, participant.user.full_name, reason))
        elif answer in NO:
            reason = _("Ditandai tidak hadir; tidak dicatat.")
            preview.skipped.append(PreviewRow(number, label, participant.user.full_name, reason))
        elif participant.pk in seen:
            reason = _("Orang yang sama sudah ada di baris %(row)s.") % {"row": seen[participant.pk]}
            preview.skipped.append(PreviewRow(number, label, participant.user.full_name, reason))
        elif participant.pk in recorded:
            reason = _("Sudah tercatat hadir.")
            preview.skipped.append(PreviewRow(number, label, participant.user.full_name, reason))
        else:
            seen[participant.pk] = number
            preview.mark.append(PreviewRow(number, label, participant.user.full_name))
            preview.ids.append(participant.pk)
    return preview


@transaction.atomic
def attendance_import_apply(
    *, session: Session, actor: User, participant_ids: Sequence[int], problems: int, valid_only: bool
) -> int:
    """Record the previewed participants present; refused while problem rows are not knowingly skipped."""
    if problems and not valid_only:
        raise ValidationError(
            ngettext(
                "Ada %(n)s baris bermasalah. Perbaiki berkas lalu unggah lagi, atau centang "
                "“Catat baris yang valid saja”.",
                "Ada %(n)s baris bermasalah. Perbaiki berkas lalu unggah lagi, atau centang "
                "“Catat baris yang valid saja”.",
                problems,
            )
            % {"n": problems}
        )
    wanted = set(participant_ids)
    if not wanted:
        raise ValidationError(_("Tidak ada peserta yang perlu dicatat hadir dari berkas ini."))
    enrolled = {p.pk for p in _enrolled(session)}
    if not wanted <= enrolled:
        raise ValidationError(_("Daftar peserta angkatan berubah sejak pratinjau. Unggah berkas lagi."))
    recorded = set(Attendance.objects.filter(session=session).values_list("participant_id", flat=True))
    now = timezone.now()
    new = sorted(wanted - recorded)
    Attendance.objects.bulk_create(
        [
            Attendance(
                session=session,
                participant_id=pk,
                method=Attendance.Method.LIST,
                marked_at=now,
                marked_by=actor,
            )
            for pk in new
        ],
        ignore_conflicts=True,  # someone may be recorded between the read above and this write
    )
    return len(new)
