"""A region's units: list, create, edit, deactivate; and who may not touch them."""

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from lumbung.accounts.models import Membership, Role, User
from lumbung.regions import services
from lumbung.regions.models import Region, Unit
from lumbung.regions.selectors import descendant_ids, tree_order

from .conftest import PASSWORD

GOOD_NIP = "197001011990031001"


def units_url(region: Region) -> str:
    return reverse("regions:units", args=[region.code])


def new_url(region: Region) -> str:
    return reverse("regions:unit_new", args=[region.code])


def edit_url(unit: Unit) -> str:
    return reverse("regions:unit_edit", args=[unit.region.code, unit.pk])


def _form(**changes: Any) -> dict[str, Any]:
    data = {
        "name": "Puskesmas Lumpue",
        "short_name": "PKM Lumpue",
        "kind": Unit.Kind.PUSKESMAS,
        "parent": "",
        "head_name": "dr. Nurhayati",
        "head_nip": GOOD_NIP,
        "is_active": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


# The list


def test_units_list_shows_tree_and_people_counts(
    admin_in_client: Any, region: Region, unit: Unit, innovator: User, foreign_unit: Unit
) -> None:
    child = Unit.objects.create(region=region, name="Puskesmas Lumpue", kind=Unit.Kind.PUSKESMAS, parent=unit)
    Membership.objects.create(user=innovator, region=region, unit=child, role=Role.VERIFIER, is_active=False)
    response = admin_in_client.get(units_url(region))
    assert response.status_code == 200
    rows = [(row_unit.name, depth, row_unit.people_count) for row_unit, depth in response.context["page_obj"]]
    # The child follows its parent, one level deeper; inactive memberships are not counted.
    assert rows == [("Dinas Kesehatan", 0, 1), ("Puskesmas Lumpue", 1, 0)]
    assert "Dinas Kesehatan Makassar" not in response.text
    assert "Tambah unit" in response.text


def test_units_list_filters(admin_in_client: Any, region: Region, unit: Unit, other_unit: Unit) -> None:
    Unit.objects.create(region=region, name="Kecamatan Bacukiki", kind=Unit.Kind.KECAMATAN, is_active=False)
    url = units_url(region)

    def names(params: dict[str, str]) -> list[str]:
        return [u.name for u, _depth in admin_in_client.get(url, params).context["page_obj"]]

    assert names({"kind": Unit.Kind.KECAMATAN}) == ["Kecamatan Bacukiki"]
    assert names({"active": "0"}) == ["Kecamatan Bacukiki"]
    assert names({"active": "1"}) == ["Dinas Kesehatan", "Dinas Perdagangan"]
    assert names({"q": "disdag"}) == ["Dinas Perdagangan"]  # short name
    assert names({"q": "kesehatan"}) == ["Dinas Kesehatan"]
    assert "Tidak ada unit yang cocok" in admin_in_client.get(url, {"q": "tidak-ada"}).text


def _many_units(region: Region, count: int) -> None:
    parents = [
        Unit.objects.create(region=region, name=f"Dinas {i:02d}", kind=Unit.Kind.DINAS) for i in range(3)
    ]
    for i in range(count):
        child = Unit.objects.create(
            region=region,
            name=f"UPTD {i:02d}",
            kind=Unit.Kind.UPTD,
            parent=parents[i % 3],
            head_name=f"Kepala {i}",
        )
        user = User.objects.create_user(f"orang{i:02d}@uji.id", PASSWORD, full_name=f"Orang {i:02d}")
        Membership.objects.create(user=user, region=region, unit=child, role=Role.INNOVATOR)


@pytest.mark.parametrize("count", [3, 30])
def test_units_list_query_count_does_not_grow_with_rows(
    admin_in_client: Any, region: Region, count: int, django_assert_max_num_queries: Any
) -> None:
    _many_units(region, count)
    # 6 = 5 + the unread-notifications badge in the header (one COUNT).
    with django_assert_max_num_queries(6):
        response = admin_in_client.get(units_url(region))
    assert response.status_code == 200
    assert len(response.context["page_obj"].object_list) == count + 3


def test_tree_order_puts_children_under_parents_and_keeps_orphans() -> None:
    a = Unit(pk=1, name="A")
    b = Unit(pk=2, name="B")
    a1 = Unit(pk=3, name="A1", parent_id=1)
    a1x = Unit(pk=4, name="A1x", parent_id=3)
    orphan = Unit(pk=5, name="Z", parent_id=99)  # its parent was filtered out
    ordered = [(u.name, depth) for u, depth in tree_order([a, a1x, b, a1, orphan])]
    assert ordered == [("A", 0), ("A1", 1), ("A1x", 2), ("B", 0), ("Z", 0)]


# Create


def test_unit_create(admin_in_client: Any, region: Region, unit: Unit) -> None:
    response = admin_in_client.post(new_url(region), _form(parent=unit.pk))
    assert response.status_code == 302
    assert response.url == units_url(region)
    created = Unit.objects.get(region=region, name="Puskesmas Lumpue")
    assert (created.parent, created.head_nip, created.is_active) == (unit, GOOD_NIP, True)


def test_unit_create_with_duplicate_name_is_refused(admin_in_client: Any, region: Region, unit: Unit) -> None:
    response = admin_in_client.post(new_url(region), _form(name="dinas kesehatan"))
    assert response.status_code == 200
    assert "Nama unit ini sudah dipakai di wilayah ini." in response.text
    assert Unit.objects.filter(region=region).count() == 1


def test_same_name_in_another_region_is_fine(
    admin_in_client: Any, region: Region, foreign_unit: Unit
) -> None:
    response = admin_in_client.post(new_url(region), _form(name=foreign_unit.name))
    assert response.status_code == 302


def test_unit_create_with_bad_nip_is_refused(admin_in_client: Any, region: Region) -> None:
    response = admin_in_client.post(new_url(region), _form(head_nip="12345"))
    assert response.status_code == 200
    assert "NIP harus tepat 18 angka" in response.text
    assert not Unit.objects.filter(region=region).exists()


def test_unit_create_with_parent_from_another_region_is_refused(
    admin_in_client: Any, admin: User, region: Region, foreign_unit: Unit
) -> None:
    response = admin_in_client.post(new_url(region), _form(parent=foreign_unit.pk))
    assert response.status_code == 200
    assert "Pilih unit induk dari wilayah ini" in response.text
    assert not Unit.objects.filter(region=region).exists()
    with pytest.raises(ValidationError, match="Unit induk harus dari wilayah yang sama."):
        services.unit_create(actor=admin, region=region, name="X", kind=Unit.Kind.DINAS, parent=foreign_unit)


def test_unit_create_requires_name_and_kind(admin_in_client: Any, region: Region) -> None:
    response = admin_in_client.post(new_url(region), _form(name="", kind=""))
    assert response.status_code == 200
    assert response.text.count("Bidang ini tidak boleh kosong.") == 2


# Edit


def test_unit_edit_and_deactivate(admin_in_client: Any, region: Region, unit: Unit, other_unit: Unit) -> None:
    response = admin_in_client.post(
        edit_url(unit), _form(name="Dinas Kesehatan Kota", kind=Unit.Kind.DINAS, parent=None, is_active=None)
    )
    assert response.status_code == 302
    unit.refresh_from_db()
    assert (unit.name, unit.is_active) == ("Dinas Kesehatan Kota", False)
    assert Unit.objects.filter(pk=unit.pk).exists()  # deactivated, never deleted


def test_unit_edit_keeps_its_own_name(admin_in_client: Any, unit: Unit) -> None:
    response = admin_in_client.post(edit_url(unit), _form(name="Dinas Kesehatan", kind=Unit.Kind.DINAS))
    assert response.status_code == 302


def test_unit_edit_with_duplicate_name_is_refused(admin_in_client: Any, unit: Unit, other_unit: Unit) -> None:
    response = admin_in_client.post(edit_url(unit), _form(name="Dinas Perdagangan"))
    assert response.status_code == 200
    assert "Nama unit ini sudah dipakai di wilayah ini." in response.text
    assert "Ubah unit Dinas Kesehatan" in response.text  # the heading keeps the saved name
    unit.refresh_from_db()
    assert unit.name == "Dinas Kesehatan"


def test_unit_edit_with_bad_nip_is_refused(admin_in_client: Any, unit: Unit) -> None:
    response = admin_in_client.post(edit_url(unit), _form(head_nip="19700101 199003 1 00X"))
    assert response.status_code == 200
    assert "NIP harus tepat 18 angka" in response.text
    unit.refresh_from_db()
    assert unit.head_nip == ""


def test_unit_nip_may_be_typed_as_printed(admin_in_client: Any, unit: Unit) -> None:
    response = admin_in_client.post(edit_url(unit), _form(name=unit.name, head_nip="19700101 199003 1 001"))
    assert response.status_code == 302
    unit.refresh_from_db()
    assert unit.head_nip == GOOD_NIP


def test_unit_cannot_be_its_own_parent(admin_in_client: Any, admin: User, unit: Unit) -> None:
    response = admin_in_client.post(edit_url(unit), _form(parent=unit.pk))
    assert response.status_code == 200
    assert "tidak boleh unit ini sendiri" in response.text
    unit.refresh_from_db()
    assert unit.parent is None
    with pytest.raises(ValidationError, match="tidak boleh unit ini sendiri"):
        services.unit_update(actor=admin, unit=unit, **_service_data(unit, parent=unit))


def test_unit_cannot_move_under_its_descendant(
    admin_in_client: Any, admin: User, region: Region, unit: Unit
) -> None:
    child = Unit.objects.create(region=region, name="UPTD Labkesda", kind=Unit.Kind.UPTD, parent=unit)
    grandchild = Unit.objects.create(region=region, name="Pos Lab", kind=Unit.Kind.UPTD, parent=child)
    assert descendant_ids(unit) == {child.pk, grandchild.pk}
    form = admin_in_client.get(edit_url(unit)).context["form"]
    assert list(form.fields["parent"].queryset) == []
    response = admin_in_client.post(edit_url(unit), _form(parent=grandchild.pk))
    assert response.status_code == 200
    with pytest.raises(ValidationError, match="unit yang berada di bawahnya"):
        services.unit_update(actor=admin, unit=unit, **_service_data(unit, parent=grandchild))
    unit.refresh_from_db()
    assert unit.parent is None


def test_unit_of_another_region_is_not_found(
    admin_in_client: Any, region: Region, foreign_unit: Unit
) -> None:
    url = reverse("regions:unit_edit", args=[region.code, foreign_unit.pk])
    assert admin_in_client.get(url).status_code == 404


def _service_data(unit: Unit, **changes: Any) -> dict[str, Any]:
    data = {
        "name": unit.name,
        "kind": unit.kind,
        "short_name": unit.short_name,
        "parent": unit.parent,
        "head_name": unit.head_name,
        "head_nip": unit.head_nip,
        "is_active": unit.is_active,
    }
    data.update(changes)
    return data


# Nobody else may manage units


OUTSIDERS = ["innovator", "verifier", "leader", "foreign_admin"]


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_get_404_or_403_on_every_unit_page(
    client: Any, request: Any, region: Region, unit: Unit, who: str
) -> None:
    client.force_login(request.getfixturevalue(who))
    pages = [
        ("get", units_url(region), {}),
        ("get", new_url(region), {}),
        ("post", new_url(region), _form()),
        ("get", edit_url(unit), {}),
        ("post", edit_url(unit), _form(name="Diretas", kind=Unit.Kind.DINAS)),
    ]
    for method, url, data in pages:
        response = getattr(client, method)(url, data)
        assert response.status_code in (403, 404), (method, url, response.status_code)
    assert list(Unit.objects.filter(region=region).values_list("name", flat=True)) == ["Dinas Kesehatan"]


def test_anonymous_is_sent_to_login(client: Any, region: Region, unit: Unit) -> None:
    for url in (units_url(region), new_url(region), edit_url(unit)):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("who", OUTSIDERS)
def test_services_refuse_outsiders(request: Any, region: Region, unit: Unit, who: str) -> None:
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.unit_create(actor=actor, region=region, name="Baru", kind=Unit.Kind.DINAS)
    with pytest.raises(PermissionDenied):
        services.unit_update(actor=actor, unit=unit, **_service_data(unit, name="Diretas"))
