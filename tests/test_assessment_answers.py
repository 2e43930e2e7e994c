"""Index answers: saving with every refusal, evidence, verification, who may do what, and the pages."""

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lumbung.accounts.models import Role, User
from lumbung.assessment import answers
from lumbung.assessment.models import (
    Answer,
    Basis,
    Edition,
    Evidence,
    Indicator,
    Option,
    VerificationState,
)
from lumbung.innovations.models import InnovationVersion
from lumbung.notifications.models import Kind, Notification
from lumbung.regions.models import Region, Unit

from .factories import make_version

pytestmark = pytest.mark.django_db

# Far from the shipped editions' years, so the tests own this edition whatever data migrations load.
YEAR = 2030
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# (aspect, number, name, weight, mandatory, evidence, bases or options)
CATALOGUE: list[tuple[str, str, str, str, bool, str, Any]] = [
    ("spd", "1", "Visi dan Misi", "1", True, "RPJMD", ["Misi inovasi", "Visi inovasi", "Visi dan misi"]),
    ("spd", "5a", "Progres penurunan TPT", "0.75", True, "Data BPS", ["≤ 0,00", "0,01–0,36", "≥ 0,36"]),
    (
        "sid",
        "16",
        "Regulasi inovasi daerah",
        "3",
        True,
        "SK/Perkada/Perda",
        ["SK kepala", "Perkada", "Perda"],
    ),
    (
        "sid",
        "33",
        "Kemanfaatan inovasi",
        "3",
        True,
        "Daftar penerima manfaat",
        {
            "a": ("Jumlah penerima manfaat", ["1–200 orang", "201–500 orang", "≥ 501 orang"]),
            "b": ("Cakupan unit", ["5–20%", "20,01–50%", "> 50%"]),
        },
    ),
    ("sid", "35", "Video inovasi daerah", "4", True, "Tautan video", ["1–2 unsur", "3–4 unsur", "5 unsur"]),
]


def make_edition(
    year: int = YEAR, catalogue: list[tuple[str, str, str, str, bool, str, Any]] | None = None
) -> Edition:
    """A small edition: two SPD indicators, three SID indicators (33 with two bases)."""
    edition = Edition.objects.create(
        year=year,
        name=f"Edisi uji {year}",
        max_total=Decimal("250"),
        divisor_floor=12,
        quantity_factor=Decimal("0.38"),
        quantity_cap=200,
        coverage_required=5,
        very_innovative_min=Decimal("65.01"),
        innovative_min=Decimal("40.01"),
    )
    for position, (aspect, number, name, weight, mandatory, evidence, choices) in enumerate(
        catalogue or CATALOGUE, start=1
    ):
        indicator = Indicator.objects.create(
            edition=edition,
            aspect=aspect,
            number=number,
            position=position,
            variable="Uji",
            name=name,
            weight=Decimal(weight),
            mandatory=mandatory,
            evidence=evidence,
        )
        if isinstance(choices, dict):
            for code, (basis_name, texts) in choices.items():
                basis = Basis.objects.create(indicator=indicator, code=code, name=basis_name)
                for level, text in enumerate(texts, start=1):
                    Option.objects.create(indicator=indicator, basis=basis, level=level, text=text)
        else:
            for level, text in enumerate(choices, start=1):
                Option.objects.create(indicator=indicator, level=level, text=text)
    return edition


def indicator(edition: Edition, number: str) -> Indicator:
    return edition.indicators.get(number=number)


def basis(edition: Edition, code: str) -> Basis:
    return Basis.objects.get(indicator__edition=edition, indicator__number="33", code=code)


@pytest.fixture
def edition(db: None) -> Edition:
    return make_edition()


@pytest.fixture
def version(innovator: User, region: Region, unit: Unit) -> InnovationVersion:
    return make_version(innovator, region, unit, year=YEAR, name="Layanan Antar Obat Lansia")


@pytest.fixture
def other_version(other_innovator: User, region: Region, other_unit: Unit) -> InnovationVersion:
    return make_version(other_innovator, region, other_unit, year=YEAR, name="Pasar Daring")


@pytest.fixture
def foreign_version(foreign_innovator: User, other_region: Region, foreign_unit: Unit) -> InnovationVersion:
    return make_version(foreign_innovator, other_region, foreign_unit, year=YEAR, name="Makassar Sehat")


@pytest.fixture
def superuser(make_user: Callable[..., User]) -> User:
    user = make_user("root@uji.id")
    user.is_superuser = True
    user.save()
    return user


@pytest.fixture
def foreign_verifier(make_user: Callable[..., User], other_region: Region) -> User:
    return make_user("verifikator@makassar.id", Role.VERIFIER, other_region)


def spd(
    actor: User, edition: Edition, region: Region, number: str = "1", level: int = 2, **kw: Any
) -> Answer:
    return answers.answer_save(
        actor=actor, edition=edition, region=region, indicator=indicator(edition, number), level=level, **kw
    )


def sid(
    actor: User, edition: Edition, version: InnovationVersion, number: str = "16", level: int = 2, **kw: Any
) -> Answer:
    return answers.answer_save(
        actor=actor,
        edition=edition,
        region=version.region,
        indicator=indicator(edition, number),
        version=version,
        level=level,
        **kw,
    )


def with_link(answer: Answer, actor: User) -> Answer:
    answers.evidence_add(actor=actor, answer=answer, url="https://dokumen.parepare.go.id/sk.pdf")
    answer.refresh_from_db()
    return answer


def refused(call: Callable[[], Any], text: str) -> None:
    """The call is refused with a message containing `text`, and no answer or evidence is written."""
    before = (Answer.objects.count(), Evidence.objects.count())
    with pytest.raises(ValidationError) as caught:
        call()
    assert text in " ".join(caught.value.messages)
    assert (Answer.objects.count(), Evidence.objects.count()) == before


# Saving answers


def test_admin_saves_an_spd_answer_and_changes_it(admin: User, edition: Edition, region: Region) -> None:
    answer = spd(admin, edition, region, level=2, note="Tercantum di RPJMD.")
    assert (answer.level, answer.revision, answer.answered_by, answer.version) == (2, 1, admin, None)
    again = spd(admin, edition, region, level=3, revision=1)
    assert again.pk == answer.pk
    answer.refresh_from_db()
    assert (answer.level, answer.revision, answer.note) == (3, 2, "")


def test_saving_the_same_answer_again_changes_nothing(admin: User, edition: Edition, region: Region) -> None:
    spd(admin, edition, region, level=2, note="x")
    answer = spd(admin, edition, region, level=2, note="x", revision=1)
    assert answer.revision == 1


@pytest.mark.parametrize("level", [-1, 4, 10])
def test_level_outside_0_to_3_is_refused(admin: User, edition: Edition, region: Region, level: int) -> None:
    refused(lambda: spd(admin, edition, region, level=level), "Level harus 0, 1, 2, atau 3")


def test_indicator_of_another_edition_is_refused(admin: User, edition: Edition, region: Region) -> None:
    other = make_edition(YEAR + 1)
    stray = indicator(other, "1")
    refused(
        lambda: answers.answer_save(actor=admin, edition=edition, region=region, indicator=stray, level=1),
        "tidak termasuk Edisi uji 2030",
    )


def test_sid_indicator_needs_an_innovation_and_spd_indicator_refuses_one(
    admin: User, edition: Edition, region: Region, version: InnovationVersion
) -> None:
    refused(lambda: spd(admin, edition, region, number="16"), "termasuk SID")
    refused(lambda: sid(admin, edition, version, number="1"), "termasuk SPD")


def test_innovation_of_another_region_or_year_is_refused(
    superuser: User,
    admin: User,
    edition: Edition,
    region: Region,
    unit: Unit,
    innovator: User,
    foreign_version: InnovationVersion,
) -> None:
    def foreign() -> Answer:
        return answers.answer_save(
            actor=superuser,
            edition=edition,
            region=region,
            indicator=indicator(edition, "16"),
            version=foreign_version,
            level=1,
        )

    refused(foreign, "milik wilayah lain")
    with pytest.raises(PermissionDenied):
        answers.answer_save(
            actor=admin,
            edition=edition,
            region=region,
            indicator=indicator(edition, "16"),
            version=foreign_version,
            level=1,
        )
    last_year = make_version(innovator, region, unit, year=YEAR - 1, name="Versi lama")
    refused(lambda: sid(admin, edition, last_year), "laporan tahun 2029")


def test_bases_are_checked(admin: User, edition: Edition, version: InnovationVersion) -> None:
    refused(
        lambda: sid(admin, edition, version, number="16", basis=basis(edition, "a")), "tidak memakai dasar"
    )
    refused(lambda: sid(admin, edition, version, number="33", level=2), "Pilih dasar pengukuran")
    stray = make_edition(YEAR + 1)
    foreign_basis = Basis.objects.get(indicator__edition=stray, code="a")
    refused(
        lambda: sid(admin, edition, version, number="33", basis=foreign_basis), "bukan milik indikator 33"
    )
    answer = sid(admin, edition, version, number="33", level=3, basis=basis(edition, "b"))
    assert (answer.level, answer.basis.code) == (3, "b")
    # Level 0 is "not fulfilled" on any basis: no basis needed, and none kept.
    zero = sid(admin, edition, version, number="33", level=0, basis=basis(edition, "a"), revision=1)
    assert (zero.level, zero.basis) == (0, None)


def test_a_level_without_an_option_is_refused(admin: User, edition: Edition, region: Region) -> None:
    Option.objects.filter(indicator__edition=edition, indicator__number="1", level=3).delete()
    refused(lambda: spd(admin, edition, region, level=3), "tidak punya pilihan level 3")


def test_stale_revision_says_what_the_other_person_changed(
    admin: User, verifier: User, edition: Edition, region: Region
) -> None:
    spd(admin, edition, region, level=1)
    spd(verifier, edition, region, level=3, note="Sudah ada Perda.", revision=1)
    with pytest.raises(answers.StaleAnswer) as caught:
        spd(admin, edition, region, level=2, revision=1)
    message = caught.value.messages[0]
    assert verifier.full_name in message and "level 3" in message and "Sudah ada Perda." in message
    assert Answer.objects.get().level == 3


def test_a_form_loaded_before_the_first_answer_is_stale_once_someone_answered(
    admin: User, verifier: User, edition: Edition, region: Region
) -> None:
    spd(verifier, edition, region, level=3)
    with pytest.raises(answers.StaleAnswer):
        spd(admin, edition, region, level=1, revision=0)


def test_changing_level_or_basis_resets_verification_but_a_note_does_not(
    admin: User, verifier: User, edition: Edition, version: InnovationVersion
) -> None:
    answer = with_link(sid(admin, edition, version, number="33", level=2, basis=basis(edition, "a")), admin)
    answers.answer_verify(actor=verifier, answer=answer, note="Sesuai.")
    answer = sid(
        admin,
        edition,
        version,
        number="33",
        level=2,
        basis=basis(edition, "a"),
        note="Tambahan",
        revision=answer.revision,
    )
    assert answer.verification == VerificationState.VERIFIED
    answer = sid(
        admin, edition, version, number="33", level=2, basis=basis(edition, "b"), revision=answer.revision
    )
    answer.refresh_from_db()
    assert (answer.verification, answer.verifier_note, answer.verified_by) == (
        VerificationState.UNVERIFIED,
        "",
        None,
    )


# Who may answer


def test_innovator_answers_own_unit_sid_only(
    innovator: User,
    edition: Edition,
    region: Region,
    version: InnovationVersion,
    other_version: InnovationVersion,
) -> None:
    assert sid(innovator, edition, version).answered_by == innovator
    with pytest.raises(PermissionDenied):
        sid(innovator, edition, other_version)
    with pytest.raises(PermissionDenied):
        spd(innovator, edition, region)


def test_leader_and_foreign_admin_answer_nothing(
    leader: User, foreign_admin: User, edition: Edition, region: Region, version: InnovationVersion
) -> None:
    for user in (leader, foreign_admin):
        with pytest.raises(PermissionDenied):
            spd(user, edition, region)
        with pytest.raises(PermissionDenied):
            sid(user, edition, version)
    assert not Answer.objects.exists()


def test_unit_verifier_answers_that_unit_only(
    make_user: Callable[..., User],
    edition: Edition,
    region: Region,
    unit: Unit,
    version: InnovationVersion,
    other_version: InnovationVersion,
) -> None:
    unit_verifier = make_user("verif.dinkes@uji.id", Role.VERIFIER, region, unit)
    assert sid(unit_verifier, edition, version).pk
    with pytest.raises(PermissionDenied):
        sid(unit_verifier, edition, other_version)
    with pytest.raises(PermissionDenied):
        spd(unit_verifier, edition, region)


# Evidence


def test_evidence_link_and_file_are_added_and_reset_verification(
    admin: User, verifier: User, edition: Edition, region: Region
) -> None:
    answer = with_link(spd(admin, edition, region), admin)
    answers.answer_verify(actor=verifier, answer=answer)
    evidence = answers.evidence_add(actor=admin, answer=answer, upload=SimpleUploadedFile("sk misi.pdf", PDF))
    assert (evidence.original_name, evidence.content_type, evidence.size) == (
        "sk misi.pdf",
        "application/pdf",
        len(PDF),
    )
    assert evidence.file.name.startswith(f"iid/bukti/{evidence.sha256[:2]}/")
    answer.refresh_from_db()
    assert answer.verification == VerificationState.UNVERIFIED
    assert answer.revision == 3


@pytest.mark.parametrize(
    ("url", "upload", "text"),
    [
        ("ftp://dokumen.example.id/sk.pdf", None, "http:// atau https://"),
        ("javascript:alert(1)", None, "http:// atau https://"),
        ("", None, "Unggah satu berkas atau isi satu tautan"),
        ("https://a.id/x", SimpleUploadedFile("sk.pdf", PDF), "Unggah satu berkas atau isi satu tautan"),
        ("", SimpleUploadedFile("palsu.pdf", b"bukan pdf sama sekali"), "Jenis berkas tidak diizinkan"),
    ],
)
def test_bad_evidence_is_refused(
    admin: User, edition: Edition, region: Region, url: str, upload: Any, text: str
) -> None:
    answer = spd(admin, edition, region)
    refused(lambda: answers.evidence_add(actor=admin, answer=answer, url=url, upload=upload), text)
    answer.refresh_from_db()
    assert answer.revision == 1


def test_evidence_is_removed_with_its_file_and_resets_verification(
    admin: User, verifier: User, edition: Edition, region: Region, django_capture_on_commit_callbacks: Any
) -> None:
    answer = spd(admin, edition, region)
    evidence = answers.evidence_add(actor=admin, answer=answer, upload=SimpleUploadedFile("sk.pdf", PDF))
    answers.evidence_add(actor=admin, answer=answer, url="https://a.example.id/b")
    answer.refresh_from_db()
    answers.answer_verify(actor=verifier, answer=answer)
    storage, name = evidence.file.storage, evidence.file.name
    with django_capture_on_commit_callbacks(execute=True):
        answers.evidence_remove(actor=admin, evidence=evidence)
    assert not storage.exists(name)
    answer.refresh_from_db()
    assert answer.verification == VerificationState.UNVERIFIED


def test_evidence_of_someone_elses_innovation_is_refused(
    innovator: User, other_innovator: User, edition: Edition, version: InnovationVersion
) -> None:
    answer = sid(innovator, edition, version)
    with pytest.raises(PermissionDenied):
        answers.evidence_add(actor=other_innovator, answer=answer, url="https://a.example.id/b")
    evidence = answers.evidence_add(actor=innovator, answer=answer, url="https://a.example.id/b")
    with pytest.raises(PermissionDenied):
        answers.evidence_remove(actor=other_innovator, evidence=evidence)
    assert Evidence.objects.count() == 1


# Verification


def test_verify_needs_evidence(admin: User, verifier: User, edition: Edition, region: Region) -> None:
    answer = spd(admin, edition, region)
    with pytest.raises(ValidationError, match="belum punya bukti dukung"):
        answers.answer_verify(actor=verifier, answer=answer)
    answer.refresh_from_db()
    assert answer.verification == VerificationState.UNVERIFIED


def test_verify_records_who_and_when(admin: User, verifier: User, edition: Edition, region: Region) -> None:
    answer = with_link(spd(admin, edition, region), admin)
    answers.answer_verify(actor=verifier, answer=answer, note="  Lengkap. ")
    answer.refresh_from_db()
    assert (answer.verification, answer.verifier_note, answer.verified_by) == (
        VerificationState.VERIFIED,
        "Lengkap.",
        verifier,
    )
    assert answer.verified_at is not None
    with pytest.raises(ValidationError, match="sudah berstatus Terverifikasi"):
        answers.answer_verify(actor=verifier, answer=answer)


def test_nobody_verifies_what_they_changed_last(
    admin: User, verifier: User, edition: Edition, region: Region
) -> None:
    answer = with_link(spd(verifier, edition, region), verifier)
    with pytest.raises(ValidationError, match="Anda yang terakhir mengubah"):
        answers.answer_verify(actor=verifier, answer=answer)
    answers.answer_verify(actor=admin, answer=answer)


def test_innovators_and_leaders_do_not_verify(
    admin: User, innovator: User, leader: User, edition: Edition, region: Region
) -> None:
    answer = with_link(spd(admin, edition, region), admin)
    for user in (innovator, leader):
        with pytest.raises(PermissionDenied):
            answers.answer_verify(actor=user, answer=answer)
        with pytest.raises(PermissionDenied):
            answers.answer_reject(actor=user, answer=answer, note="Tidak")


def test_verify_refuses_an_answer_changed_since_it_was_looked_at(
    admin: User, verifier: User, edition: Edition, region: Region
) -> None:
    answer = with_link(spd(admin, edition, region), admin)
    seen = answer.revision
    spd(admin, edition, region, level=3, revision=seen)
    with pytest.raises(ValidationError, match="berubah setelah Anda membukanya"):
        answers.answer_verify(actor=verifier, answer=answer, revision=seen)
    assert Answer.objects.get().verification == VerificationState.UNVERIFIED


def test_reject_needs_a_note_and_tells_the_answerer(
    innovator: User, verifier: User, edition: Edition, version: InnovationVersion
) -> None:
    answer = sid(innovator, edition, version, number="35")
    with pytest.raises(ValidationError, match="Tuliskan catatan penolakan"):
        answers.answer_reject(actor=verifier, answer=answer, note="   ")
    assert not Notification.objects.exists()
    answers.answer_reject(actor=verifier, answer=answer, note="Videonya tidak dapat diputar.")
    answer.refresh_from_db()
    assert (answer.verification, answer.verifier_note) == (
        VerificationState.REJECTED,
        "Videonya tidak dapat diputar.",
    )
    notice = Notification.objects.get()
    assert (notice.recipient, notice.kind) == (innovator, Kind.IID)
    assert "35" in notice.title and version.name in notice.title
    assert "Videonya tidak dapat diputar." in notice.body
    assert (
        notice.url
        == reverse("assessment:answers_sid", args=[version.region.code, YEAR, version.pk]) + "#indikator-35"
    )
    # A rejected answer can be verified later, once its evidence is there.
    answers.evidence_add(actor=innovator, answer=answer, url="https://youtu.be/contoh")
    answer.refresh_from_db()
    answers.answer_verify(actor=verifier, answer=answer)


# Pages


def url(name: str, region: Region, *args: Any) -> str:
    return reverse(f"assessment:{name}", args=[region.code, YEAR, *args])


def post_answer(
    client: Any, page: str, row: Indicator, choice: str, revision: int = 0, note: str = ""
) -> Any:
    prefix = f"i{row.pk}"
    return client.post(
        page,
        {
            "indicator": row.pk,
            f"{prefix}-choice": choice,
            f"{prefix}-note": note,
            f"{prefix}-revision": revision,
        },
    )


def test_region_overview_shows_empty_states_then_progress(
    client: Any,
    admin: User,
    verifier: User,
    edition: Edition,
    region: Region,
    version: InnovationVersion,
    other_version: InnovationVersion,
) -> None:
    client.force_login(admin)
    page = client.get(reverse("assessment:answers_region", args=[region.code, 2099]))
    assert "Belum ada edisi indeks untuk tahun 2099" in page.content.decode()
    Answer.objects.all().delete()
    InnovationVersion.objects.filter(year=YEAR).update(year=YEAR - 5)
    page = client.get(url("answers_region", region))
    assert "Belum ada inovasi yang dilaporkan untuk tahun 2030" in page.content.decode()
    InnovationVersion.objects.filter(year=YEAR - 5).update(year=YEAR)
    answer = with_link(sid(admin, edition, version), admin)
    sid(admin, edition, version, number="35")
    answers.answer_verify(actor=verifier, answer=answer)
    spd(admin, edition, region)
    page = client.get(url("answers_region", region))
    text = page.content.decode()
    assert page.status_code == 200
    assert version.name in text and other_version.name in text
    assert "2 / 3" in text and "0 / 3" in text and "1 / 2" in text
    assert reverse("reports:import_upload", args=[region.code, "jawaban"]) in text


def test_spd_page_shows_options_evidence_hint_and_saves_one_indicator(
    admin_in_client: Any, admin: User, edition: Edition, region: Region
) -> None:
    page_url = url("answers_spd", region)
    text = admin_in_client.get(page_url).content.decode()
    assert "Belum memenuhi (level 0)" in text and "3. Visi dan misi" in text and "RPJMD" in text
    assert "Belum dijawab" in text and "Simpan jawaban lebih dulu" in text
    first = indicator(edition, "1")
    response = post_answer(admin_in_client, page_url, first, "3", note="Ada di RPJMD")
    assert response.status_code == 302 and response["Location"].endswith("#indikator-1")
    answer = Answer.objects.get()
    assert (answer.level, answer.note, answer.indicator) == (3, "Ada di RPJMD", first)
    text = admin_in_client.get(page_url).content.decode()
    assert "Tambah bukti dukung" in text and "Belum diverifikasi" in text


@pytest.mark.parametrize("choice", ["", "4", "a:2", "x"])
def test_spd_page_refuses_bad_choices_and_writes_nothing(
    admin_in_client: Any, edition: Edition, region: Region, choice: str
) -> None:
    response = post_answer(admin_in_client, url("answers_spd", region), indicator(edition, "1"), choice)
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Answer.objects.exists()


def test_unknown_indicator_posted_writes_nothing(
    admin_in_client: Any, edition: Edition, region: Region
) -> None:
    response = post_answer(admin_in_client, url("answers_spd", region), indicator(edition, "16"), "1")
    assert response.status_code == 302
    assert not Answer.objects.exists()


def test_stale_form_shows_the_other_change_and_keeps_the_choice(
    admin_in_client: Any, verifier: User, edition: Edition, region: Region
) -> None:
    spd(verifier, edition, region, level=1)
    response = post_answer(
        admin_in_client, url("answers_spd", region), indicator(edition, "1"), "3", revision=0
    )
    text = response.content.decode()
    assert response.status_code == 200 and "sudah diubah oleh Verifikator" in text
    assert Answer.objects.get().level == 1
    # The form now carries the current revision: saving again overwrites knowingly.
    answer = Answer.objects.get()
    assert f'value="{answer.revision}"' in text


def test_sid_page_with_bases_saves_basis_and_level(
    client: Any, innovator: User, edition: Edition, region: Region, version: InnovationVersion
) -> None:
    client.force_login(innovator)
    page_url = url("answers_sid", region, version.pk)
    text = client.get(page_url).content.decode()
    assert "a. Jumlah penerima manfaat" in text and "b. Cakupan unit" in text and "3. &gt; 50%" in text
    response = post_answer(client, page_url, indicator(edition, "33"), "b:2")
    assert response.status_code == 302
    answer = Answer.objects.get()
    assert (answer.level, answer.basis.code, answer.version) == (2, "b", version)
    response = post_answer(client, page_url, indicator(edition, "33"), "c:2", revision=1)
    assert response.status_code == 200 and Answer.objects.get().basis.code == "b"


def test_permissions_on_pages(
    client: Any,
    admin: User,
    innovator: User,
    other_innovator: User,
    leader: User,
    foreign_admin: User,
    foreign_verifier: User,
    edition: Edition,
    region: Region,
    version: InnovationVersion,
) -> None:
    answer = sid(innovator, edition, version)
    evidence = answers.evidence_add(actor=innovator, answer=answer, upload=SimpleUploadedFile("sk.pdf", PDF))
    sid_url = url("answers_sid", region, version.pk)
    # Another unit's innovator reads the region's answers but may not change this innovation's.
    client.force_login(other_innovator)
    assert client.get(sid_url).status_code == 200
    assert "tidak dapat mengubahnya" in client.get(sid_url).content.decode()
    assert post_answer(client, sid_url, indicator(edition, "16"), "3", revision=1).status_code == 403
    assert client.post(url("evidence_add", region, answer.pk), {"url": "https://a.id/b"}).status_code == 403
    assert client.post(url("evidence_remove", region, evidence.pk)).status_code == 403
    assert client.get(url("verification_queue", region)).status_code == 403
    # Leaders read everything and change nothing.
    client.force_login(leader)
    for page in (url("answers_region", region), url("answers_spd", region), sid_url):
        assert client.get(page).status_code == 200
    assert post_answer(client, url("answers_spd", region), indicator(edition, "1"), "3").status_code == 403
    assert post_answer(client, sid_url, indicator(edition, "16"), "3", revision=1).status_code == 403
    assert client.post(url("answer_verify", region, answer.pk), {"revision": 2}).status_code == 403
    # Another region's admin and verifier see nothing at all.
    for user in (foreign_admin, foreign_verifier):
        client.force_login(user)
        for page in (
            url("answers_region", region),
            url("answers_spd", region),
            sid_url,
            url("verification_queue", region),
            url("evidence_download", region, evidence.pk),
        ):
            assert client.get(page).status_code == 404
        assert (
            client.post(url("answer_reject", region, answer.pk), {"note": "x", "revision": 2}).status_code
            == 404
        )
        assert client.post(url("evidence_remove", region, evidence.pk)).status_code == 404
    assert Evidence.objects.count() == 1
    assert Answer.objects.get().verification == VerificationState.UNVERIFIED
    # A version of the region filed under another year is not found there.
    client.force_login(admin)
    assert (
        client.get(reverse("assessment:answers_sid", args=[region.code, YEAR + 1, version.pk])).status_code
        == 404
    )


def test_evidence_pages_add_download_and_remove(
    client: Any, innovator: User, edition: Edition, region: Region, version: InnovationVersion
) -> None:
    client.force_login(innovator)
    answer = sid(innovator, edition, version)
    upload = SimpleUploadedFile("SK Inovasi.pdf", PDF, content_type="application/pdf")
    response = client.post(url("evidence_add", region, answer.pk), {"file": upload})
    assert response.status_code == 302 and response["Location"].endswith("#indikator-16")
    evidence = Evidence.objects.get()
    download = client.get(url("evidence_download", region, evidence.pk))
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == PDF
    bad = client.post(url("evidence_add", region, answer.pk), {"url": "ftp://x.id/a"}, follow=True)
    assert "tidak ditambahkan" in bad.content.decode()
    assert Evidence.objects.count() == 1
    page = client.get(url("answers_sid", region, version.pk)).content.decode()
    assert "SK Inovasi.pdf" in page and "data-confirm" in page
    client.post(url("evidence_remove", region, evidence.pk))
    assert not Evidence.objects.exists()


def test_verification_queue_verifies_and_rejects(
    client: Any, innovator: User, verifier: User, edition: Edition, region: Region, version: InnovationVersion
) -> None:
    client.force_login(verifier)
    assert (
        "Tidak ada jawaban yang menunggu verifikasi"
        in client.get(url("verification_queue", region)).content.decode()
    )
    with_evidence = with_link(sid(innovator, edition, version, number="16"), innovator)
    without = sid(innovator, edition, version, number="35")
    text = client.get(url("verification_queue", region)).content.decode()
    assert version.name in text and "hanya dapat ditolak" in text
    response = client.post(
        url("answer_verify", region, with_evidence.pk),
        {"revision": with_evidence.revision, "back": "antrean"},
    )
    assert response["Location"] == url("verification_queue", region)
    response = client.post(
        url("answer_reject", region, without.pk), {"revision": without.revision, "note": ""}, follow=True
    )
    assert "Tuliskan catatan penolakan" in response.content.decode()
    client.post(
        url("answer_reject", region, without.pk), {"revision": without.revision, "note": "Lengkapi video."}
    )
    states = dict(Answer.objects.values_list("indicator__number", "verification"))
    assert states == {"16": VerificationState.VERIFIED, "35": VerificationState.REJECTED}
    assert Notification.objects.get().recipient == innovator


def test_own_answers_show_in_the_queue_without_a_decision_form(
    client: Any, verifier: User, edition: Edition, region: Region
) -> None:
    with_link(spd(verifier, edition, region), verifier)
    client.force_login(verifier)
    text = client.get(url("verification_queue", region)).content.decode()
    assert "Anda yang terakhir mengubah jawaban ini" in text and "Tolak dengan catatan" not in text


def _fill(edition: Edition, admin: User, region: Region, versions: list[InnovationVersion]) -> None:
    for number in ("1", "5a"):
        with_link(spd(admin, edition, region, number=number), admin)
    for v in versions:
        for number in ("16", "35"):
            with_link(sid(admin, edition, v, number=number), admin)
        with_link(sid(admin, edition, v, number="33", basis=basis(edition, "a")), admin)


def test_pages_use_a_bounded_number_of_queries(
    client: Any,
    admin: User,
    verifier: User,
    innovator: User,
    edition: Edition,
    region: Region,
    unit: Unit,
    version: InnovationVersion,
    django_assert_max_num_queries: Any,
) -> None:
    more = [make_version(innovator, region, unit, year=YEAR, name=f"Inovasi {n}") for n in range(6)]
    _fill(edition, admin, region, [version, *more])
    client.force_login(admin)
    pages = [
        url("answers_region", region),
        url("answers_spd", region),
        url("answers_sid", region, version.pk),
    ]
    for page in pages:
        with django_assert_max_num_queries(13):
            assert client.get(page).status_code == 200
    client.force_login(verifier)
    with django_assert_max_num_queries(13):
        response = client.get(url("verification_queue", region))
    assert response.content.decode().count("Tolak dengan catatan") == 2 + 3 * 7
