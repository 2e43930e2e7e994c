"""The registry's pages: who may see and do what (role × own/other unit × other region); query counts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lumbung.accounts.models import Role
from lumbung.innovations.models import InnovationVersion, Status
from lumbung.regions.models import Region

from .factories import LONG_DESIGN, make_version, set_status
from .test_uploads import PDF

pytestmark = pytest.mark.django_db

PEOPLE = [
    "anonymous",
    "admin",
    "verifier",
    "innovator",
    "other_innovator",
    "leader",
    "coach",
    "jury",
    "observer",
    "foreign_admin",
    "foreign_innovator",
]


@pytest.fixture
def people(
    admin, verifier, innovator, other_innovator, leader, foreign_admin, foreign_innovator, make_user, region
):
    return {
        "anonymous": None,
        "admin": admin,
        "verifier": verifier,
        "innovator": innovator,
        "other_innovator": other_innovator,
        "leader": leader,
        "coach": make_user("coach@uji.id", Role.COACH, region),
        "jury": make_user("juri@uji.id", Role.JURY, region),
        "observer": make_user("pengamat@sulsel.id", Role.OBSERVER, Region.objects.get(code="73")),
        "foreign_admin": foreign_admin,
        "foreign_innovator": foreign_innovator,
    }


@pytest.fixture
def draft(innovator, region, unit):
    return make_version(innovator, region, unit)


def client_for(client, person):
    if person is not None:
        client.force_login(person)
    return client


def expect(status_code: int, response) -> None:
    if status_code == 302:
        assert response.status_code == 302 and "/akun/masuk/" in response["Location"]
    else:
        assert response.status_code == status_code


VIEW = {
    "anonymous": 302,
    "admin": 200,
    "verifier": 200,
    "innovator": 200,
    "other_innovator": 404,
    "leader": 200,
    "coach": 404,
    "jury": 404,
    "observer": 200,
    "foreign_admin": 404,
    "foreign_innovator": 404,
}


@pytest.mark.parametrize("who", PEOPLE)
def test_view_draft(client, people, draft, who):
    expect(VIEW[who], client_for(client, people[who]).get(reverse("innovations:detail", args=[draft.pk])))


@pytest.mark.parametrize("who", PEOPLE)
def test_view_approved(client, people, draft, who):
    set_status(draft, Status.APPROVED)
    expected = {**VIEW, "coach": 200, "jury": 200}[who]
    expect(expected, client_for(client, people[who]).get(reverse("innovations:detail", args=[draft.pk])))


EDIT = {**VIEW, "verifier": 403, "leader": 403, "observer": 403}


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize("page", ["edit", "team", "attachments"])
def test_edit_pages(client, people, draft, who, page):
    expect(EDIT[who], client_for(client, people[who]).get(reverse(f"innovations:{page}", args=[draft.pk])))


@pytest.mark.parametrize("who", PEOPLE)
def test_edit_post_changes_only_for_allowed(client, people, draft, who):
    response = client_for(client, people[who]).post(
        reverse("innovations:edit", args=[draft.pk]),
        {
            "revision": draft.revision,
            "name": "Diubah",
            "stage": "inisiatif",
            "initiator": "opd",
            "kind": "digital",
            "form": "pelayanan_publik",
        },
    )
    draft.refresh_from_db()
    if EDIT[who] == 200:
        assert response.status_code == 302
        assert draft.name == "Diubah"
    else:
        expect(EDIT[who], response)
        assert draft.name != "Diubah"


SUBMIT = {**EDIT, "admin": 302, "innovator": 302}


@pytest.mark.parametrize("who", PEOPLE)
def test_submit_move(client, people, draft, who):
    response = client_for(client, people[who]).post(reverse("innovations:move", args=[draft.pk, "submit"]))
    draft.refresh_from_db()
    if SUBMIT[who] == 302 and who != "anonymous":
        assert response.status_code == 302 and draft.status == Status.SUBMITTED
    else:
        expect(SUBMIT[who], response)
        assert draft.status == Status.DRAFT


VALIDATE = {**VIEW, "admin": 403, "innovator": 403, "leader": 403, "observer": 403, "verifier": 302}


@pytest.mark.parametrize("who", PEOPLE)
def test_validation_move(client, people, draft, who):
    set_status(draft, Status.SUBMITTED)
    response = client_for(client, people[who]).post(
        reverse("innovations:move", args=[draft.pk, "start_validation"])
    )
    draft.refresh_from_db()
    if who == "verifier":
        assert draft.status == Status.IN_VALIDATION
    else:
        expect(VALIDATE[who], response)
        assert draft.status == Status.SUBMITTED


@pytest.mark.parametrize("who", PEOPLE)
def test_attachment_download(client, people, draft, innovator, who):
    client.force_login(innovator)
    client.post(
        reverse("innovations:attachments", args=[draft.pk]),
        {
            "revision": draft.revision,
            "kind": "lainnya",
            "caption": "SK",
            "file": SimpleUploadedFile("sk.pdf", PDF),
        },
    )
    attachment = draft.attachments.get()
    client.logout()
    response = client_for(client, people[who]).get(
        reverse("innovations:attachment", args=[draft.pk, attachment.pk])
    )
    expect(VIEW[who], response)
    if response.status_code == 200:
        assert response["Content-Disposition"].startswith("attachment")
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize("who", ["innovator", "other_innovator", "foreign_admin", "coach"])
def test_list_shows_only_what_may_be_read(client, people, draft, who):
    response = client_for(client, people[who]).get(reverse("innovations:list"))
    assert response.status_code == 200
    assert (draft.name in response.content.decode()) == (VIEW[who] == 200)


def test_refused_upload_through_the_page_shows_a_message(client, innovator, draft):
    client.force_login(innovator)
    response = client.post(
        reverse("innovations:attachments", args=[draft.pk]),
        {
            "revision": draft.revision,
            "kind": "foto",
            "caption": "Foto",
            "file": SimpleUploadedFile("x.pdf", b"MZ.."),
        },
    )
    assert response.status_code == 200
    assert "Jenis berkas tidak diizinkan" in response.content.decode()
    assert not draft.attachments.exists()


def test_stale_edit_page_keeps_both_changes(client, innovator, admin, draft):
    client.force_login(admin)
    client.post(
        reverse("innovations:edit", args=[draft.pk]),
        {
            "revision": 1,
            "name": draft.name,
            "stage": "inisiatif",
            "initiator": "opd",
            "kind": "digital",
            "form": "pelayanan_publik",
            "goals": "Tujuan dari admin",
        },
    )
    client.force_login(innovator)
    response = client.post(
        reverse("innovations:edit", args=[draft.pk]),
        {
            "revision": 1,
            "name": draft.name,
            "stage": "inisiatif",
            "initiator": "opd",
            "kind": "digital",
            "form": "pelayanan_publik",
            "goals": "Tujuan dari inovator",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "sudah diubah oleh orang lain" in page
    assert "Tujuan dari admin" in page  # what the other person changed
    assert "Tujuan dari inovator" in page  # what this person typed, still in the form
    draft.refresh_from_db()
    assert draft.goals == "Tujuan dari admin"
    # Having seen the other change, the person saves again from the same form, and it goes through.
    assert response.context["form"]["revision"].value() == "2"
    again = client.post(
        reverse("innovations:edit", args=[draft.pk]),
        {**{k: v for k, v in response.context["form"].data.items()}, "goals": "Tujuan gabungan"},
    )
    assert again.status_code == 302
    draft.refresh_from_db()
    assert draft.goals == "Tujuan gabungan" and draft.revision == 3


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "wajib"),
        (
            {"trial_date": "2023-08-01", "implementation_date": "2023-01-01"},
            "trial_date",
            "sesudah waktu penerapan",
        ),
        ({"main_urusan": "99999"}, "main_urusan", "Urusan tidak dikenal"),
        ({"trial_date": "2023-13-45"}, "trial_date", "Tanggal tidak valid"),
        ({"budget": "-5"}, "budget", ""),
    ],
)
def test_bad_input_saves_nothing(client, innovator, draft, changes, field, message):
    client.force_login(innovator)
    data = {
        "revision": 1,
        "name": draft.name,
        "stage": "penerapan",
        "initiator": "opd",
        "kind": "digital",
        "form": "pelayanan_publik",
        "goals": "Tujuan baru",
    }
    data.update(changes)
    response = client.post(reverse("innovations:edit", args=[draft.pk]), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert message in " ".join(response.context["form"].errors[field])
    draft.refresh_from_db()
    assert draft.goals != "Tujuan baru" and draft.revision == 1


def test_submit_with_short_design_explains_why(client, innovator, region, unit):
    version = make_version(innovator, region, unit, design="Hanya beberapa kata saja.")
    client.force_login(innovator)
    response = client.post(reverse("innovations:move", args=[version.pk, "submit"]), follow=True)
    assert "minimal 300 kata" in response.content.decode()
    version.refresh_from_db()
    assert version.status == Status.DRAFT


def test_names_are_escaped(client, innovator, region, unit):
    version = make_version(innovator, region, unit, name="<script>alert(1)</script>")
    client.force_login(innovator)
    for url in (
        reverse("innovations:detail", args=[version.pk]),
        reverse("innovations:list"),
        reverse("home"),
    ):
        page = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_new_innovation_page_creates_a_draft(client, innovator, unit):
    client.force_login(innovator)
    assert client.get(reverse("innovations:new")).status_code == 200
    response = client.post(
        reverse("innovations:new"),
        {
            "unit": unit.pk,
            "year": 2024,
            "name": "Si Cepat",
            "stage": "inisiatif",
            "initiator": "asn",
            "kind": "digital",
            "form": "pelayanan_publik",
            "design": LONG_DESIGN,
        },
    )
    version = InnovationVersion.objects.get(name="Si Cepat")
    assert response.status_code == 302 and version.innovation.unit == unit and version.year == 2024


def test_new_innovation_in_another_unit_is_refused(client, innovator, other_unit):
    client.force_login(innovator)
    response = client.post(
        reverse("innovations:new"),
        {
            "unit": other_unit.pk,
            "year": 2024,
            "name": "Menyusup",
            "stage": "inisiatif",
            "initiator": "asn",
            "kind": "digital",
            "form": "pelayanan_publik",
        },
    )
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert not InnovationVersion.objects.filter(name="Menyusup").exists()


def test_leader_and_verifier_cannot_open_the_new_page(client, leader, verifier):
    for person in (leader, verifier):
        client.force_login(person)
        assert client.get(reverse("innovations:new")).status_code == 403


def test_list_filters(client, admin, innovator, region, unit, other_unit, other_innovator):
    make_version(innovator, region, unit, name="Alpha Sehat")
    make_version(
        other_innovator,
        region,
        other_unit,
        name="Beta Dagang",
        stage="inisiatif",
        trial_date=None,
        implementation_date=None,
    )
    client.force_login(admin)

    def names(query):
        response = client.get(reverse("innovations:list") + query)
        return [v.name for v in response.context["page_obj"]]

    assert sorted(names("")) == ["Alpha Sehat", "Beta Dagang"]
    assert names(f"?unit={other_unit.pk}") == ["Beta Dagang"]
    assert names("?stage=penerapan") == ["Alpha Sehat"]
    assert names("?q=dagang") == ["Beta Dagang"]
    assert names("?sort=name") == ["Alpha Sehat", "Beta Dagang"]
    assert names("?sort=-name") == ["Beta Dagang", "Alpha Sehat"]
    assert names("?status=disetujui") == []


def test_list_query_count_does_not_grow_with_rows(
    client, admin, innovator, region, unit, django_assert_max_num_queries
):
    for i in range(30):
        make_version(innovator, region, unit, name=f"Inovasi {i}")
    client.force_login(admin)
    client.get(reverse("innovations:list"))  # warm the session
    with django_assert_max_num_queries(12):
        response = client.get(reverse("innovations:list"))
    assert len(response.context["page_obj"]) == 25


def test_detail_and_home_query_counts(
    client, admin, innovator, verifier, region, unit, django_assert_max_num_queries
):
    version = make_version(innovator, region, unit)
    for i in range(5):
        make_version(innovator, region, unit, name=f"Lain {i}")
    client.force_login(admin)
    client.get(reverse("home"))
    with django_assert_max_num_queries(25):
        assert client.get(reverse("innovations:detail", args=[version.pk])).status_code == 200
    with django_assert_max_num_queries(25):
        assert client.get(reverse("home")).status_code == 200


def test_unit_bound_verifier_validates_only_its_unit(
    client, make_user, innovator, other_innovator, region, unit, other_unit
):
    own = set_status(make_version(innovator, region, unit), Status.SUBMITTED)
    elsewhere = set_status(make_version(other_innovator, region, other_unit, name="Lain"), Status.SUBMITTED)
    checker = make_user("verif.dinkes@uji.id", Role.VERIFIER, region, unit)
    client.force_login(checker)
    assert client.get(reverse("innovations:detail", args=[elsewhere.pk])).status_code == 404
    assert (
        client.post(reverse("innovations:move", args=[elsewhere.pk, "start_validation"])).status_code == 404
    )
    client.post(reverse("innovations:move", args=[own.pk, "start_validation"]))
    own.refresh_from_db()
    elsewhere.refresh_from_db()
    assert own.status == Status.IN_VALIDATION and elsewhere.status == Status.SUBMITTED


def test_coach_does_not_see_drafts_of_other_years(client, people, innovator, verifier, admin, region, unit):
    from lumbung.innovations import services

    from .factories import walk_to

    approved = walk_to(make_version(innovator, region, unit), Status.READY, innovator, verifier, admin)
    services.version_resubmit(actor=innovator, version=approved, year=2024, developed_since="Versi aplikasi.")
    client.force_login(people["coach"])
    page = client.get(reverse("innovations:detail", args=[approved.pk]))
    assert page.status_code == 200
    assert page.context["other_years"] == []
    client.force_login(innovator)
    assert [
        v.year for v in client.get(reverse("innovations:detail", args=[approved.pk])).context["other_years"]
    ] == [2024]


def test_team_page_adds_and_removes_members(client, innovator, draft):
    client.force_login(innovator)
    url = reverse("innovations:team", args=[draft.pk])
    client.post(url, {"revision": 1, "user": innovator.pk, "role": "Ketua"})
    client.post(url, {"revision": 2, "name": "Dr. Rina", "role": "Mitra riset"})
    assert [m.display_name for m in draft.team.all()] == [innovator.full_name, "Dr. Rina"]
    empty = client.post(url, {"revision": 3, "name": " "})
    assert "Pilih pengguna atau tuliskan nama" in empty.content.decode()
    stale = client.post(url, {"revision": 1, "name": "Terlambat"}, follow=True)
    assert "baru saja diubah orang lain" in stale.content.decode()
    member = draft.team.get(name="Dr. Rina")
    client.post(url, {"revision": 3, "remove": member.pk})
    assert [m.display_name for m in draft.team.all()] == [innovator.full_name]
    assert client.post(url, {"revision": 4, "remove": "bukan-angka"}).status_code == 200


def test_attachment_page_removes_a_file(client, innovator, draft):
    client.force_login(innovator)
    url = reverse("innovations:attachments", args=[draft.pk])
    client.post(
        url, {"revision": 1, "kind": "foto", "caption": "SK", "file": SimpleUploadedFile("sk.pdf", PDF)}
    )
    attachment = draft.attachments.get()
    client.post(url, {"revision": 2, "remove": attachment.pk})
    assert not draft.attachments.exists()


def test_national_observer_reads_every_region_but_changes_nothing(
    client, make_user, draft, foreign_innovator, other_region, foreign_unit
):
    elsewhere = make_version(foreign_innovator, other_region, foreign_unit, name="Inovasi Makassar")
    observer = make_user("pengamat@kemendagri.go.id", Role.OBSERVER, Region.objects.get(code="00"))
    client.force_login(observer)
    names = [v.name for v in client.get(reverse("innovations:list")).context["page_obj"]]
    assert sorted(names) == sorted([draft.name, elsewhere.name])
    assert client.get(reverse("innovations:edit", args=[draft.pk])).status_code == 403
    assert client.post(reverse("innovations:move", args=[draft.pk, "submit"])).status_code == 403


def test_admin_of_two_regions_chooses_where_to_register(
    client, make_user, region, other_region, unit, foreign_unit
):
    from lumbung.accounts.models import Membership

    admin = make_user("admin.dua@uji.id", Role.ADMIN, region)
    Membership.objects.create(user=admin, region=other_region, role=Role.ADMIN)
    client.force_login(admin)
    page = client.get(reverse("innovations:new") + "?wilayah=73.71")
    assert list(page.context["form"].fields["unit"].queryset) == [foreign_unit]
    client.post(
        reverse("innovations:new") + "?wilayah=73.71",
        {
            "unit": foreign_unit.pk,
            "year": 2024,
            "name": "Di Makassar",
            "stage": "inisiatif",
            "initiator": "opd",
            "kind": "digital",
            "form": "pelayanan_publik",
        },
    )
    assert InnovationVersion.objects.get(name="Di Makassar").region == other_region
