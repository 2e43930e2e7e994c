import io
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from lumbung.innovations import services
from lumbung.innovations.models import Attachment

from .factories import make_version

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def office(kind: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml" if kind == "xlsx" else "word/document.xml", "<x/>")
    return buffer.getvalue()


def plain_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("evil.sh", "rm -rf /")
    return buffer.getvalue()


def upload(version, actor, name: str, content: bytes):
    return services.attachment_add(
        actor=actor,
        version=version,
        expected_revision=version.revision,
        kind="lainnya",
        caption="Bukti",
        upload=SimpleUploadedFile(name, content, content_type="application/pdf"),
    )


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("sk.pdf", PDF, "application/pdf"),
        ("foto.png", PNG, "image/png"),
        ("foto.jpg", JPEG, "image/jpeg"),
        (
            "anggaran.xlsx",
            office("xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        (
            "profil.docx",
            office("docx"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        # The name does not matter, the content does: a PNG called .pdf is stored as PNG.
        ("foto-salah-nama.pdf", PNG, "image/png"),
    ],
)
def test_allowed_files_are_stored_with_the_type_of_their_content(
    innovator, region, unit, name, content, content_type
):
    version = make_version(innovator, region, unit)
    attachment = upload(version, innovator, name, content)
    assert attachment.content_type == content_type
    assert attachment.original_name == name
    assert Path(attachment.file.path).read_bytes() == content
    assert not attachment.file.name.endswith(name)  # stored under its hash, never the uploaded name


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("program.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100),
        ("halaman.pdf", b"<!doctype html><script>alert(1)</script>"),
        ("gambar.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("gambar.png", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
        ("arsip.docx", plain_zip()),
        ("palsu.pdf", b"%PDF-1.4 tanpa akhir"),
        ("kosong.pdf", b""),
    ],
)
def test_refused_files_are_stored_nowhere(innovator, region, unit, settings, name, content):
    version = make_version(innovator, region, unit)
    with pytest.raises(ValidationError) as error:
        upload(version, innovator, name, content)
    assert "file" in error.value.message_dict
    assert not Attachment.objects.exists()
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))
    version.refresh_from_db()
    assert version.revision == 1


def test_oversized_file_is_refused_with_the_limit_in_the_message(innovator, region, unit, settings):
    settings.UPLOAD_MAX_MB = 1
    version = make_version(innovator, region, unit)
    big = PDF[:-7] + b"0" * (1024 * 1024 + 10) + b"\n%%EOF\n"
    with pytest.raises(ValidationError) as error:
        upload(version, innovator, "besar.pdf", big)
    assert "1 MB" in error.value.message_dict["file"][0]
    assert not Attachment.objects.exists()


def test_removing_an_attachment_is_audited(innovator, region, unit):
    version = make_version(innovator, region, unit)
    attachment = upload(version, innovator, "sk.pdf", PDF)
    version.refresh_from_db()
    services.attachment_remove(
        actor=innovator, version=version, expected_revision=version.revision, attachment_id=attachment.pk
    )
    assert not Attachment.objects.exists()
    assert version.audit_entries.filter(field="attachments", new_value="").exists()
