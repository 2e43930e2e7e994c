"""Online attendance imported from XLSX or CSV: preview, confirmation, bad rows and refused files."""

import datetime as dt
import io
import zoneinfo
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from lumbung.accounts.models import User
from lumbung.labs import attendance_import, services
from lumbung.labs.models import Attendance, Cohort, Mode, Participant, Session
from lumbung.regions.models import Region, Unit

pytestmark = pytest.mark.django_db

NIP = "197001011990031001"


@pytest.fixture
def cohort(
    region: Region, admin: User, unit: Unit, other_unit: Unit, innovator: User, other_innovator: User
) -> Cohort:
    cohort = services.cohort_create(actor=admin, region=region, name="Lab Inovasi 2024", year=2024)
    services.participants_enrol(cohort=cohort, units=[unit, other_unit])
    other_innovator.nip = NIP
    other_innovator.save(update_fields=["nip"])
    return cohort


@pytest.fixture
def daring(cohort: Cohort) -> Session:
    starts = dt.datetime(2024, 3, 1, 9, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Makassar"))
    return Session.objects.create(
        stage=cohort.stages.get(code="drum_up"),
        title="Pleno daring",
        kind=Session.Kind.PLENARY,
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=2),
        mode=Mode.ONLINE,
        meeting_link="https://meet.example.id/lab",
    )


def xlsx(rows: list[list[Any]], name: str = "hadir.xlsx") -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def csv_file(text: str, encoding: str = "utf-8", name: str = "hadir.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


MIXED = [
    ["Daftar peserta Zoom", None, None],  # a title row is not a header: refused below
]


def mixed_rows() -> list[list[Any]]:
    """Header, then: a match, a "no", an unknown email, an empty row key, a bad answer, a repeat."""
    return [
        ["Nama", "Email", "Hadir"],
        ["Inovator", "INOVATOR@uji.id", "Ya"],
        ["Inovator Lain", "inovator.lain@uji.id", "tidak"],
        ["Tamu", "tamu@contoh.id", "ya"],
        ["Tanpa email", None, "ya"],
        ["Inovator", "inovator@uji.id", "mungkin"],
        ["Inovator lagi", "inovator@uji.id", None],
    ]


def import_url(session: Session) -> str:
    return reverse("labs:attendance_import", args=[session.stage.cohort_id, session.pk])


# The service


def test_preview_matches_rows_and_explains_the_others(daring: Session, innovator: User) -> None:
    preview = attendance_import.import_preview(session=daring, upload=xlsx(mixed_rows()))
    assert [(r.row, r.name) for r in preview.mark] == [(2, "Inovator")]
    assert [(r.row, r.reason) for r in preview.skipped] == [
        (3, "Ditandai tidak hadir; tidak dicatat."),
        (7, "Orang yang sama sudah ada di baris 2."),
    ]
    assert [(r.row, r.label) for r in preview.problems] == [
        (4, "tamu@contoh.id"),
        (5, ""),
        (6, "inovator@uji.id"),
    ]
    assert "mungkin" in preview.problems[2].reason
    assert preview.ids == [Participant.objects.get(user=innovator).pk]
    assert Attendance.objects.count() == 0  # a preview writes nothing
    assert attendance_import.ImportPreview.from_data(preview.as_data()) == preview


def test_csv_by_nip_with_semicolons_and_already_recorded(
    daring: Session, admin: User, innovator: User, other_innovator: User
) -> None:
    me = Participant.objects.get(user=innovator)
    Attendance.objects.create(session=daring, participant=me, method=Attendance.Method.LIST)
    text = "\ufeffnip;hadir\n19700101 1990031 001;ya\n;\n" + f"{NIP.replace('1001', '0000')};ya\n"
    preview = attendance_import.import_preview(session=daring, upload=csv_file(text))
    assert [(r.row, r.name) for r in preview.mark] == [(2, "Inovator.Lain")]
    assert [r.row for r in preview.problems] == [4]
    added = attendance_import.attendance_import_apply(
        session=daring, actor=admin, participant_ids=preview.ids, problems=0, valid_only=False
    )
    assert added == 1
    assert Attendance.objects.get(participant__user=other_innovator).method == Attendance.Method.LIST
    # Already recorded people are skipped at the next import.
    again = attendance_import.import_preview(session=daring, upload=csv_file(text))
    assert again.mark == [] and again.skipped[0].reason == "Sudah tercatat hadir."


def test_apply_refuses_problems_unless_valid_only_and_strangers(daring: Session, admin: User) -> None:
    me = Participant.objects.filter(cohort=daring.stage.cohort_id).first()
    assert me is not None
    with pytest.raises(ValidationError, match="Ada 2 baris bermasalah"):
        attendance_import.attendance_import_apply(
            session=daring, actor=admin, participant_ids=[me.pk], problems=2, valid_only=False
        )
    stranger = Participant.objects.create(
        cohort=services.cohort_create(actor=admin, region=daring.stage.cohort.region, name="Lain", year=2024),
        user=admin,
    )
    with pytest.raises(ValidationError, match="berubah sejak pratinjau"):
        attendance_import.attendance_import_apply(
            session=daring, actor=admin, participant_ids=[me.pk, stranger.pk], problems=0, valid_only=False
        )
    with pytest.raises(ValidationError, match="Tidak ada peserta"):
        attendance_import.attendance_import_apply(
            session=daring, actor=admin, participant_ids=[], problems=0, valid_only=False
        )
    assert Attendance.objects.count() == 0


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("hadir.xlsx", PNG), "Berkas PNG tidak dapat diimpor"),
        (SimpleUploadedFile("hadir.csv", b"%PDF-1.4\n%%EOF\n"), "Berkas PDF tidak dapat diimpor"),
        (SimpleUploadedFile("hadir.csv", b""), "Berkas kosong"),
        (csv_file("email;hadir\nsiti@contoh.id;tidak\nJosé;ya\n", "latin-1"), "UTF-8"),
        (csv_file("nama,unit\nSiti,Dinkes\n"), "judul kolom email atau nip"),
        (csv_file("email\n"), "tidak berisi baris data"),
        (xlsx(MIXED + mixed_rows()), "judul kolom email atau nip"),
        (SimpleUploadedFile("hadir.xlsx", b"PK\x03\x04 bukan zip"), "bukan XLSX yang dapat dibaca"),
    ],
)
def test_unreadable_files_are_refused(daring: Session, upload: SimpleUploadedFile, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        attendance_import.import_preview(session=daring, upload=upload)


# The pages


def test_upload_preview_then_confirm_valid_rows_only(
    admin_in_client: Any, daring: Session, innovator: User, django_assert_max_num_queries: Any
) -> None:
    list_url = reverse("labs:attendance_list", args=[daring.stage.cohort_id, daring.pk])
    with django_assert_max_num_queries(12):
        listing = admin_in_client.get(list_url).content.decode()
    assert import_url(daring) in listing and "hanya menambah kehadiran" in listing

    uploaded = admin_in_client.post(import_url(daring), {"action": "preview", "file": xlsx(mixed_rows())})
    assert uploaded.status_code == 302
    with django_assert_max_num_queries(8):
        page = admin_in_client.get(import_url(daring)).content.decode()
    assert "1 peserta akan dicatat hadir" in page and "3 baris bermasalah" in page
    assert "tamu@contoh.id" in page and "Email dan NIP kosong." in page and 'name="valid_only"' in page
    sha256 = admin_in_client.session[f"labs-attendance-import-{daring.pk}"]["sha256"]

    refused = admin_in_client.post(import_url(daring), {"action": "confirm", "sha256": sha256}, follow=True)
    assert "Ada 3 baris bermasalah" in refused.content.decode() and Attendance.objects.count() == 0
    assert "1 peserta akan dicatat hadir" in refused.content.decode()  # the preview is still there

    stale = admin_in_client.post(
        import_url(daring), {"action": "confirm", "sha256": "lain", "valid_only": "on"}
    )
    assert stale.status_code == 302 and Attendance.objects.count() == 0

    done = admin_in_client.post(
        import_url(daring), {"action": "confirm", "sha256": sha256, "valid_only": "on"}, follow=True
    )
    assert "1 peserta dicatat hadir dari berkas hadir.xlsx" in done.content.decode()
    assert list(Attendance.objects.values_list("participant__user", "method", "marked_by")) == [
        (innovator.pk, "list", done.wsgi_request.user.pk)
    ]
    assert f"labs-attendance-import-{daring.pk}" not in admin_in_client.session


def test_all_valid_file_needs_no_tick_and_cancel_forgets(admin_in_client: Any, daring: Session) -> None:
    text = "email,hadir\ninovator@uji.id,ya\ninovator.lain@uji.id,\n"
    admin_in_client.post(import_url(daring), {"action": "preview", "file": csv_file(text)})
    page = admin_in_client.get(import_url(daring)).content.decode()
    assert "2 peserta akan dicatat hadir" in page and 'name="valid_only"' not in page
    admin_in_client.post(import_url(daring), {"action": "cancel"})
    assert admin_in_client.get(import_url(daring)).context["preview"] is None

    admin_in_client.post(import_url(daring), {"action": "preview", "file": csv_file(text)})
    sha256 = admin_in_client.session[f"labs-attendance-import-{daring.pk}"]["sha256"]
    admin_in_client.post(import_url(daring), {"action": "confirm", "sha256": sha256})
    assert Attendance.objects.filter(session=daring).count() == 2


def test_wrong_file_type_on_the_page_writes_nothing(admin_in_client: Any, daring: Session) -> None:
    response = admin_in_client.post(
        import_url(daring), {"action": "preview", "file": SimpleUploadedFile("hadir.csv", PNG)}
    )
    assert response.status_code == 400 and "Berkas PNG tidak dapat diimpor" in response.content.decode()
    assert response.context["preview"] is None and Attendance.objects.count() == 0


def test_import_is_for_the_regions_admin(
    client: Any, daring: Session, innovator: User, foreign_admin: User
) -> None:
    for user, status in ((innovator, 403), (foreign_admin, 404)):
        client.force_login(user)
        assert client.get(import_url(daring)).status_code == status
        upload = csv_file("email\ninovator@uji.id\n")
        assert client.post(import_url(daring), {"action": "preview", "file": upload}).status_code == status
    assert Attendance.objects.count() == 0
