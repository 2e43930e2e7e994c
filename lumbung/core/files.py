"""Check uploaded files by what they contain, never by their name."""

import hashlib
import zipfile
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FileType:
    extension: str
    content_type: str
    label: str


PDF = FileType(".pdf", "application/pdf", "PDF")
JPEG = FileType(".jpg", "image/jpeg", "JPEG")
PNG = FileType(".png", "image/png", "PNG")
XLSX = FileType(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX")
DOCX = FileType(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX")
ALLOWED = (PDF, JPEG, PNG, XLSX, DOCX)


@dataclass(frozen=True)
class CheckedFile:
    file_type: FileType
    size: int
    sha256: str


def _office_type(stream: IO[bytes]) -> FileType | None:
    """Tell XLSX from DOCX by the parts inside the zip; any other zip is refused."""
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if "xl/workbook.xml" in names:
        return XLSX
    if "word/document.xml" in names:
        return DOCX
    return None


def sniff(stream: IO[bytes]) -> FileType | None:
    """The allowed type whose signature the content carries, or None."""
    stream.seek(0)
    head = stream.read(1024)
    stream.seek(0)
    if head.startswith(b"%PDF-"):
        # A real PDF also ends with an end-of-file marker near its end.
        stream.seek(0, 2)
        size = stream.tell()
        stream.seek(max(0, size - 2048))
        tail = stream.read()
        stream.seek(0)
        return PDF if b"%%EOF" in tail else None
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"PK\x03\x04"):
        found = _office_type(stream)
        stream.seek(0)
        return found
    return None


def check_upload(upload: UploadedFile, max_mb: int | None = None) -> CheckedFile:
    """Refuse anything but PDF, JPEG, PNG, XLSX and DOCX up to the size limit, judged by content."""
    limit_mb = max_mb if max_mb is not None else settings.UPLOAD_MAX_MB
    size = upload.size or 0
    if size == 0:
        raise ValidationError(_("Berkas kosong. Pilih berkas yang berisi."), code="empty")
    if size > limit_mb * 1024 * 1024:
        raise ValidationError(
            _("Berkas terlalu besar (%(size)s MB). Batasnya %(limit)s MB.")
            % {"size": f"{size / 1024 / 1024:.1f}".replace(".", ","), "limit": limit_mb},
            code="too_large",
        )
    file_type = sniff(upload.file) if upload.file is not None else None
    if file_type is None:
        raise ValidationError(
            _("Jenis berkas tidak diizinkan. Yang diterima hanya PDF, JPEG, PNG, XLSX, dan DOCX."),
            code="type",
        )
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedFile(file_type=file_type, size=size, sha256=digest.hexdigest())


def delete_after_commit(file: FieldFile) -> None:
    """Delete a stored file once the transaction that removed its row has committed.

    A rollback keeps the row, so its file must stay too; outside a transaction it goes at once.
    """
    storage, name = file.storage, file.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))
