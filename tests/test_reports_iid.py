"""The index answers as an XLSX for the national portal: built as a job, read back with openpyxl."""

import io
from typing import Any

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lumbung.accounts.models import Role, User
from lumbung.assessment.answers import answer_reject, answer_save, answer_verify, evidence_add
from lumbung.assessment.demo import demo_pdf
from lumbung.assessment.editions import shipped_edition_ensure
from lumbung.assessment.models import Edition, Indicator
from lumbung.innovations.models import Attachment, InnovationVersion, Status
from lumbung.jobs import queue
from lumbung.jobs.models import Job
from lumbung.regions.models import Region, Unit, Urusan
from lumbung.reports.iid.builder import load, version_columns
from lumbung.reports.iid.render import portal_xlsx
from lumbung.reports.iid.tasks import iid_export

from .factories import make_version, set_status

YEAR = 2026
LINK = "https://contoh.parepare.go.id/bukti/sk-inovasi.pdf"


@pytest.fixture
def edition(db: None) -> Edition:
    return shipped_edition_ensure(YEAR)


def indicator(edition: Edition, number: str) -> Indicator:
    return edition.indicators.get(number=number)


@pytest.fixture
def answered(
    edition: Edition, region: Region, unit: Unit, admin: User, innovator: User, verifier: User
) -> InnovationVersion:
    """Two 2026 reports (one with answers, evidence and an attachment), SPD answers, one older report."""
    version = make_version(innovator, region, unit, year=YEAR, name="Antar Obat Lansia")
    version.other_urusan.set([Urusan.objects.get(name="Sosial")])
    set_status(version, Status.APPROVED)
    make_version(innovator, region, unit, year=YEAR, name="Bank Sampah Kelurahan")
    make_version(innovator, region, unit, year=2025, name="Laporan Tahun Lalu")
    Attachment.objects.create(
        version=version,
        kind=Attachment.Kind.AWARD,
        caption="Juara 1 Inovasi Sulsel",
        file="x.pdf",
        original_name="x.pdf",
        content_type="application/pdf",
        extension=".pdf",
        size=1,
        sha256="0" * 64,
    )
    regulation = answer_save(
        actor=innovator,
        edition=edition,
        region=region,
        indicator=indicator(edition, "16"),
        version=version,
        level=2,
    )
    evidence_add(actor=innovator, answer=regulation, url=LINK)
    evidence_add(
        actor=innovator,
        answer=regulation,
        upload=SimpleUploadedFile("sk.pdf", demo_pdf("SK"), content_type="application/pdf"),
    )
    answer_verify(actor=verifier, answer=regulation)
    benefit = edition.indicators.get(number="33")
    answer_save(
        actor=innovator,
        edition=edition,
        region=region,
        indicator=benefit,
        version=version,
        level=3,
        basis=benefit.bases.get(code="b"),
    )
    vision = answer_save(
        actor=admin, edition=edition, region=region, indicator=indicator(edition, "1"), level=3
    )
    evidence_add(actor=admin, answer=vision, url="https://contoh.parepare.go.id/rpjmd.pdf")
    answer_reject(actor=verifier, answer=vision, note="Lampirkan halaman misi RPJMD.")
    answer_save(actor=admin, edition=edition, region=region, indicator=indicator(edition, "8"), level=0)
    return version


def workbook(content: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(content))


def by_title(sheet: Any) -> list[dict[str, Any]]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_sheet_one_has_the_profile_and_each_sid_level_with_its_evidence(
    answered: InnovationVersion, region: Region, edition: Edition
) -> None:
    book = workbook(portal_xlsx(load(region, edition)))
    assert book.sheetnames == ["Inovasi 2026", "SPD 2026"]
    rows = by_title(book["Inovasi 2026"])
    assert [r["Nama inovasi"] for r in rows] == ["Antar Obat Lansia", "Bank Sampah Kelurahan"]  # not 2025's
    row = rows[0]
    assert row["Nomor registrasi"] == answered.registration_number
    assert row["Unit pengusul"] == "Dinas Kesehatan" and row["Status di Lumbung"] == "Disetujui"
    assert (
        row["Tahapan"] == "Penerapan"
        and row["Urusan utama"] == "Kesehatan"
        and row["Urusan irisan"] == "Sosial"
    )
    assert (
        row["Jumlah kata rancang bangun"] == answered.design_word_count and row["Anggaran (Rp)"] == 75_000_000
    )
    assert row["Waktu penerapan"].date() == answered.implementation_date
    assert row["Lampiran Penghargaan"] == "Juara 1 Inovasi Sulsel"
    assert row["16. Regulasi inovasi daerah (level)"] == 2
    evidence = row["16. bukti dukung"].split("\n")
    assert evidence[0] == LINK and "/bukti/" in evidence[1] and evidence[1].startswith("http")
    assert row["33. Kemanfaatan inovasi (level)"] == 3 and row["33. dasar pengukuran"] == "b"
    assert row["33. bukti dukung"] is None  # answered, no evidence yet
    assert row["35. Video inovasi daerah (level)"] is None  # not answered
    assert all(value is None for key, value in rows[1].items() if "(level)" in key)
    # One level and one evidence column per SID indicator, plus the basis of indicator 33.
    sid = edition.indicators.filter(aspect="sid").count()
    assert len(rows[0]) == len(version_columns(load(region, edition))) == 28 + 2 * sid + 1


def test_sheet_two_has_every_spd_indicator(
    answered: InnovationVersion, region: Region, edition: Edition
) -> None:
    rows = by_title(workbook(portal_xlsx(load(region, edition)))["SPD 2026"])
    assert len(rows) == edition.indicators.filter(aspect="spd").count() == 20
    vision, apbd = rows[0], rows[1]
    assert (vision["Nomor"], vision["Level"], vision["Wajib"], vision["Bobot"]) == ("1", 3, "Ya", 1)
    assert (
        vision["Verifikasi"] == "Ditolak"
        and vision["Bukti dukung"] == "https://contoh.parepare.go.id/rpjmd.pdf"
    )
    assert vision["Pilihan"] == indicator(edition, "1").options.get(level=3).text
    assert apbd["Level"] is None and apbd["Verifikasi"] is None
    audit = next(r for r in rows if r["Nomor"] == "8")
    assert audit["Level"] == 0 and audit["Pilihan"] == "Belum memenuhi"
    assert next(r for r in rows if r["Nomor"] == "5a")["Bobot"] == 0.75


def test_a_region_without_reports_still_gets_its_spd_sheet(region: Region, edition: Edition) -> None:
    book = workbook(portal_xlsx(load(region, edition)))
    assert len(by_title(book["Inovasi 2026"])) == 0 and len(by_title(book["SPD 2026"])) == 20


def test_the_builder_runs_a_fixed_number_of_queries(
    answered: InnovationVersion,
    region: Region,
    edition: Edition,
    unit: Unit,
    innovator: User,
    django_assert_max_num_queries: Any,
) -> None:
    with django_assert_max_num_queries(10):
        portal_xlsx(load(region, edition))
    for n in range(5):
        make_version(innovator, region, unit, year=YEAR, name=f"Inovasi tambahan {n}")
    with django_assert_max_num_queries(10):
        data = load(region, edition)
        assert len(by_title(workbook(portal_xlsx(data))["Inovasi 2026"])) == 7


@pytest.mark.parametrize("who", ["admin", "verifier"])
def test_the_export_runs_as_a_job_and_ends_as_a_download(
    client: Any, answered: InnovationVersion, region: Region, who: str, request: Any
) -> None:
    user = request.getfixturevalue(who)
    client.force_login(user)
    url = reverse("reports:iid_export", args=[region.code, YEAR])
    page = client.get(url)
    assert page.status_code == 200 and "2 versi inovasi" in page.content.decode()
    response = client.post(url)
    job = Job.objects.get(task="reports.iid_export")
    assert response.status_code == 302 and response["Location"] == reverse("jobs:detail", args=[job.pk])
    assert job.created_by == user and job.region == region
    queue.run_pending()
    job.refresh_from_db()
    assert job.state == Job.State.DONE and job.progress_done == job.progress_total == 3
    assert job.result_name == "iid-2026-73-72-portal-nasional.xlsx"
    assert job.result["next_url"] == reverse("assessment:answers_region", args=[region.code, YEAR])
    content = b"".join(client.get(reverse("jobs:download", args=[job.pk])).streaming_content)
    rows = by_title(workbook(content)["Inovasi 2026"])
    assert rows[0]["16. Regulasi inovasi daerah (level)"] == 2


def test_readers_who_do_not_verify_are_refused_and_other_regions_see_nothing(
    client: Any,
    answered: InnovationVersion,
    region: Region,
    innovator: User,
    leader: User,
    foreign_admin: User,
    make_user: Any,
    other_region: Region,
) -> None:
    url = reverse("reports:iid_export", args=[region.code, YEAR])
    for user, status in ((innovator, 403), (leader, 403), (foreign_admin, 404)):
        client.force_login(user)
        assert client.get(url).status_code == status, user
        assert client.post(url).status_code == status, user
    outsider = make_user("verifikator@makassar.id", Role.VERIFIER, other_region)
    client.force_login(outsider)
    assert client.post(url).status_code == 404
    assert client.get(reverse("reports:iid_export", args=["99.99", YEAR])).status_code == 404
    assert client.get(reverse("reports:iid_export", args=[region.code, 1999])).status_code == 404
    assert not Job.objects.filter(task="reports.iid_export").exists()


def test_a_role_removed_before_the_job_runs_stops_it(
    client: Any, answered: InnovationVersion, region: Region, admin: User
) -> None:
    client.force_login(admin)
    client.post(reverse("reports:iid_export", args=[region.code, YEAR]))
    admin.memberships.update(role=Role.LEADER)
    queue.run_pending()
    job = Job.objects.get(task="reports.iid_export")
    assert job.state == Job.State.FAILED and "admin dan verifikator" in job.error and not job.result_file


def test_the_task_refuses_unknown_ids(edition: Edition, region: Region, admin: User) -> None:
    job = queue.enqueue("reports.iid_export", title="Ekspor", user=admin, region=region)
    with pytest.raises(queue.JobError):
        iid_export(job, region_id=region.pk, edition_id=edition.pk, user_id=0)
    with pytest.raises(queue.JobError):
        iid_export(job, region_id=region.pk, edition_id=0, user_id=admin.pk)


def test_the_index_home_links_the_export_for_admins_only(
    client: Any, answered: InnovationVersion, region: Region, admin: User, leader: User
) -> None:
    url = reverse("reports:iid_export", args=[region.code, YEAR])
    client.force_login(admin)
    assert url in client.get(reverse("assessment:home")).content.decode()
    client.force_login(leader)
    assert url not in client.get(reverse("assessment:home")).content.decode()
