"""People management for region admins: list, invite, roles, activation; and who may not do it."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from lumbung.accounts import services
from lumbung.accounts.models import Membership, Role, User
from lumbung.jobs import queue
from lumbung.regions.models import Region, Unit

from .conftest import PASSWORD

LINK_RE = re.compile(r"https?://\S+")
BASE_URL = "http://testserver/"


def people_url(region: Region) -> str:
    return reverse("accounts:people", args=[region.code])


def invite_url(region: Region) -> str:
    return reverse("accounts:person_invite", args=[region.code])


def detail_url(region: Region, person: User) -> str:
    return reverse("accounts:person_detail", args=[region.code, person.pk])


def _invite_data(**changes: Any) -> dict[str, Any]:
    return {
        "email": "Baru@Uji.id",
        "full_name": "Besse Baru",
        "nip": "",
        "role": Role.VERIFIER,
        "unit": "",
        **changes,
    }


# The list


def test_people_list_shows_members_of_the_region_only(
    admin_in_client: Any, region: Region, innovator: User, verifier: User, foreign_innovator: User
) -> None:
    text = admin_in_client.get(people_url(region)).text
    assert "inovator@uji.id" in text
    assert "verifikator@uji.id" in text
    assert "Dinkes" in text
    assert "inovator@makassar.id" not in text


def test_people_list_search_and_filters(
    admin_in_client: Any, region: Region, unit: Unit, innovator: User, other_innovator: User, verifier: User
) -> None:
    url = people_url(region)
    by_name = admin_in_client.get(url, {"q": "verifik"}).text
    assert "verifikator@uji.id" in by_name and "inovator@uji.id" not in by_name
    by_role = admin_in_client.get(url, {"role": Role.INNOVATOR}).text
    assert "inovator@uji.id" in by_role and "inovator.lain@uji.id" in by_role
    assert "verifikator@uji.id" not in by_role
    by_unit = admin_in_client.get(url, {"unit": unit.pk}).text
    assert "inovator@uji.id" in by_unit and "inovator.lain@uji.id" not in by_unit
    both = admin_in_client.get(url, {"role": Role.VERIFIER, "unit": unit.pk}).text
    assert "Tidak ada orang yang cocok" in both


def test_people_list_role_and_unit_filters_apply_to_the_same_membership(
    admin_in_client: Any, region: Region, unit: Unit, other_unit: Unit, innovator: User
) -> None:
    Membership.objects.create(user=innovator, region=region, unit=other_unit, role=Role.VERIFIER)
    text = admin_in_client.get(people_url(region), {"role": Role.VERIFIER, "unit": unit.pk}).text
    assert "inovator@uji.id" not in text


def _many_people(region: Region, units: list[Unit], count: int) -> None:
    for i in range(count):
        user = User.objects.create_user(f"orang{i:02d}@uji.id", PASSWORD, full_name=f"Orang {i:02d}")
        Membership.objects.create(user=user, region=region, unit=units[i % len(units)], role=Role.INNOVATOR)
        Membership.objects.create(user=user, region=region, role=Role.JURY, is_active=i % 3 != 0)


@pytest.mark.parametrize("count", [3, 30])
def test_people_list_query_count_does_not_grow_with_rows(
    admin_in_client: Any,
    region: Region,
    unit: Unit,
    other_unit: Unit,
    count: int,
    django_assert_max_num_queries: Any,
) -> None:
    _many_people(region, [unit, other_unit], count)
    # 9 = 8 + the unread-notifications badge in the header (one COUNT).
    with django_assert_max_num_queries(9):
        response = admin_in_client.get(people_url(region))
    assert response.status_code == 200
    # The admin comes first (by name) and has no jury role; 24 of the 25 rows on page 1 are the others.
    assert response.text.count('class="badge">Juri') == min(count, 24)


def test_people_list_is_paginated_by_25(admin_in_client: Any, region: Region, unit: Unit) -> None:
    _many_people(region, [unit], 30)
    first = admin_in_client.get(people_url(region)).text
    second = admin_in_client.get(people_url(region), {"page": 2}).text
    # The admin sorts first by name, so page 1 holds the admin and orang00..orang23.
    assert "admin@uji.id" in first and "orang00@uji.id" in first and "orang23@uji.id" in first
    assert "orang24@uji.id" not in first
    assert "orang24@uji.id" in second and "orang29@uji.id" in second and "orang00@uji.id" not in second
    assert "Halaman 1 dari 2" in first


# Invitations


def test_invite_sends_a_working_set_password_link(
    admin_in_client: Any, client: Any, region: Region, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_in_client.post(invite_url(region), _invite_data(nip="198705152010011003"))
    queue.run_pending()  # the worker sends the queued invitation
    person = User.objects.get(email="baru@uji.id")
    assert response.status_code == 302
    assert response.url == detail_url(region, person)
    assert not person.has_usable_password()
    assert person.nip == "198705152010011003"
    assert Membership.objects.filter(user=person, region=region, role=Role.VERIFIER, unit=None).exists()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["baru@uji.id"]
    assert "Undangan ke Lumbung Kota Parepare" in message.subject
    assert "sebagai Verifikator" in message.body
    match = LINK_RE.search(message.body)
    assert match is not None
    link = match.group(0)
    assert link.startswith("http://testserver/akun/undangan/")

    # The invited person follows the link in a fresh browser.
    admin_in_client.logout()
    page = client.get(link, follow=True)
    assert page.status_code == 200
    assert "Buat kata sandi" in page.text
    set_url = page.redirect_chain[-1][0]
    new_password = "Kopi-pagi-di-Parepare-7"
    done = client.post(set_url, {"new_password1": new_password, "new_password2": new_password})
    assert done.status_code == 302
    assert done.url == reverse("home")
    assert client.session["_auth_user_id"] == str(person.pk)

    # The link is used up, and the new password works at the login page.
    client.logout()
    assert "sudah tidak berlaku" in client.get(link, follow=True).text
    login = client.post(reverse("accounts:login"), {"username": "baru@uji.id", "password": new_password})
    assert login.status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)


def test_invite_innovator_without_unit_is_refused(admin_in_client: Any, region: Region) -> None:
    response = admin_in_client.post(invite_url(region), _invite_data(role=Role.INNOVATOR))
    assert response.status_code == 200
    assert "Pilih unit: seorang Inovator selalu bekerja di satu unit." in response.text
    assert not User.objects.filter(email="baru@uji.id").exists()
    assert mail.outbox == []


def test_invite_innovator_with_unit(admin_in_client: Any, region: Region, unit: Unit) -> None:
    response = admin_in_client.post(invite_url(region), _invite_data(role=Role.INNOVATOR, unit=unit.pk))
    assert response.status_code == 302
    assert Membership.objects.filter(user__email="baru@uji.id", unit=unit, role=Role.INNOVATOR).exists()


def test_invite_with_bad_nip_is_refused(admin_in_client: Any, region: Region) -> None:
    response = admin_in_client.post(invite_url(region), _invite_data(nip="12345"))
    assert response.status_code == 200
    assert "NIP harus tepat 18 angka" in response.text
    assert not User.objects.filter(email="baru@uji.id").exists()


def test_invite_with_unit_of_another_region_is_refused(
    admin_in_client: Any, region: Region, foreign_unit: Unit
) -> None:
    data = _invite_data(role=Role.INNOVATOR, unit=foreign_unit.pk)
    response = admin_in_client.post(invite_url(region), data)
    assert response.status_code == 200
    assert "Unit tidak ditemukan di wilayah ini." in response.text
    assert not User.objects.filter(email="baru@uji.id").exists()


def test_invite_reuses_an_existing_account(
    admin: User,
    region: Region,
    other_region: Region,
    foreign_coach: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        person = services.person_invite(
            actor=admin,
            region=region,
            email="COACH@makassar.id",
            full_name="Nama Lain",
            nip="",
            role=Role.COACH,
            unit=None,
            request_base_url=BASE_URL,
        )
    queue.run_pending()
    assert person.pk == foreign_coach.pk
    assert person.full_name == "Coach"  # their own name is kept
    assert set(person.memberships.values_list("region__code", flat=True)) == {"73.71", "73.72"}
    # They already have a password: they are told about the new role, not sent a set-password link.
    assert len(mail.outbox) == 1
    assert "ditambahkan sebagai Coach" in mail.outbox[0].subject
    assert "/akun/undangan/" not in mail.outbox[0].body


def test_invite_of_someone_already_in_that_role_is_refused(
    admin: User, region: Region, verifier: User
) -> None:
    with pytest.raises(ValidationError, match="sudah memiliki peran Verifikator"):
        services.person_invite(
            actor=admin,
            region=region,
            email=verifier.email,
            full_name="X",
            nip="",
            role=Role.VERIFIER,
            unit=None,
            request_base_url=BASE_URL,
        )


def test_invite_sends_no_mail_when_nothing_is_committed(admin: User, region: Region) -> None:
    # Inside the test transaction nothing commits, so no email leaves: the mail waits for the commit.
    services.person_invite(
        actor=admin,
        region=region,
        email="baru@uji.id",
        full_name="Besse",
        nip="",
        role=Role.LEADER,
        unit=None,
        request_base_url=BASE_URL,
    )
    assert mail.outbox == []


def test_invitation_resend(
    admin_in_client: Any, region: Region, admin: User, django_capture_on_commit_callbacks: Any
) -> None:
    invited = User.objects.create_user("baru@uji.id", None, full_name="Besse")
    Membership.objects.create(user=invited, region=region, role=Role.LEADER)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_in_client.post(reverse("accounts:invitation_resend", args=[region.code, invited.pk]))
    queue.run_pending()
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/akun/undangan/" in mail.outbox[0].body


def test_invitation_resend_refused_once_password_is_set(admin: User, region: Region, verifier: User) -> None:
    with pytest.raises(ValidationError, match="sudah membuat kata sandi"):
        services.invitation_resend(actor=admin, region=region, user=verifier, request_base_url=BASE_URL)


# Roles


def test_add_role_from_detail_page(admin_in_client: Any, region: Region, unit: Unit, verifier: User) -> None:
    url = detail_url(region, verifier)
    response = admin_in_client.post(url, {"role": Role.INNOVATOR, "unit": unit.pk})
    assert response.status_code == 302
    assert Membership.objects.filter(user=verifier, region=region, unit=unit, role=Role.INNOVATOR).exists()


def test_add_innovator_role_without_unit_is_refused(
    admin_in_client: Any, region: Region, verifier: User
) -> None:
    response = admin_in_client.post(detail_url(region, verifier), {"role": Role.INNOVATOR, "unit": ""})
    assert response.status_code == 200
    assert "Pilih unit" in response.text
    assert verifier.memberships.count() == 1


def test_add_role_with_unit_of_another_region_is_refused(
    admin_in_client: Any, admin: User, region: Region, verifier: User, foreign_unit: Unit
) -> None:
    response = admin_in_client.post(
        detail_url(region, verifier), {"role": Role.INNOVATOR, "unit": foreign_unit.pk}
    )
    assert response.status_code == 200
    assert "Unit tidak ditemukan di wilayah ini." in response.text
    with pytest.raises(ValidationError, match="Unit tidak ditemukan di wilayah ini."):
        services.membership_add(
            actor=admin, region=region, user=verifier, role=Role.INNOVATOR, unit=foreign_unit
        )
    assert verifier.memberships.count() == 1


def test_add_duplicate_role_is_refused(admin_in_client: Any, region: Region, verifier: User) -> None:
    response = admin_in_client.post(detail_url(region, verifier), {"role": Role.VERIFIER, "unit": ""})
    assert response.status_code == 200
    assert "sudah memiliki peran Verifikator" in response.text


def test_detail_shows_memberships_of_this_region_only(
    admin_in_client: Any, region: Region, other_region: Region, verifier: User
) -> None:
    Membership.objects.create(user=verifier, region=other_region, role=Role.JURY)
    text = admin_in_client.get(detail_url(region, verifier)).text
    assert "Verifikator" in text
    assert "Juri" not in text.split("Tambah peran")[0]
    assert "data-confirm=" in text


def test_remove_membership(admin_in_client: Any, region: Region, unit: Unit, verifier: User) -> None:
    extra = Membership.objects.create(user=verifier, region=region, unit=unit, role=Role.INNOVATOR)
    url = reverse("accounts:membership_remove", args=[region.code, verifier.pk, extra.pk])
    response = admin_in_client.post(url)
    assert response.status_code == 302
    assert response.url == detail_url(region, verifier)
    assert list(verifier.memberships.values_list("role", flat=True)) == [Role.VERIFIER]


def test_removing_the_last_membership_goes_back_to_the_list(
    admin_in_client: Any, region: Region, verifier: User
) -> None:
    membership = verifier.memberships.get()
    response = admin_in_client.post(
        reverse("accounts:membership_remove", args=[region.code, verifier.pk, membership.pk])
    )
    assert response.url == people_url(region)
    assert not verifier.memberships.exists()
    assert User.objects.filter(pk=verifier.pk).exists()  # the account stays: it may serve other regions


def test_remove_membership_of_another_region_is_not_found(
    admin_in_client: Any, region: Region, other_region: Region, verifier: User
) -> None:
    foreign = Membership.objects.create(user=verifier, region=other_region, role=Role.JURY)
    response = admin_in_client.post(
        reverse("accounts:membership_remove", args=[region.code, verifier.pk, foreign.pk])
    )
    assert response.status_code == 404
    assert Membership.objects.filter(pk=foreign.pk).exists()


# Activation, and an admin keeping their own access


def test_deactivation_is_limited_to_the_region(
    admin_in_client: Any, region: Region, other_region: Region, unit: Unit, verifier: User
) -> None:
    Membership.objects.create(user=verifier, region=region, unit=unit, role=Role.INNOVATOR)
    elsewhere = Membership.objects.create(user=verifier, region=other_region, role=Role.JURY)
    url = reverse("accounts:person_set_active", args=[region.code, verifier.pk])
    assert admin_in_client.post(url, {"active": "0"}).status_code == 302
    assert not verifier.memberships.filter(region=region, is_active=True).exists()
    elsewhere.refresh_from_db()
    assert elsewhere.is_active
    verifier.refresh_from_db()
    assert verifier.is_active  # the account itself is untouched
    assert "Nonaktif" in admin_in_client.get(people_url(region), {"q": "verifikator"}).text

    assert admin_in_client.post(url, {"active": "1"}).status_code == 302
    assert verifier.memberships.filter(region=region, is_active=True).count() == 2


def test_deactivated_admin_loses_access_to_the_region(
    client: Any, region: Region, admin: User, make_user: Callable[..., User]
) -> None:
    colleague = make_user("admin2@uji.id", Role.ADMIN, region)
    services.person_set_active(actor=admin, region=region, user=colleague, active=False)
    client.force_login(colleague)
    assert client.get(people_url(region)).status_code == 404


def test_admin_cannot_remove_own_last_admin_membership(
    admin_in_client: Any, admin: User, region: Region
) -> None:
    membership = admin.memberships.get()
    url = reverse("accounts:membership_remove", args=[region.code, admin.pk, membership.pk])
    response = admin_in_client.post(url, follow=True)
    assert "Anda tidak dapat menghapus peran admin terakhir Anda" in response.text
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_admin_cannot_deactivate_themselves(admin_in_client: Any, admin: User, region: Region) -> None:
    url = reverse("accounts:person_set_active", args=[region.code, admin.pk])
    response = admin_in_client.post(url, {"active": "0"}, follow=True)
    assert "Anda tidak dapat menonaktifkan diri sendiri" in response.text
    assert admin.memberships.get().is_active


def test_admin_may_remove_own_admin_role_while_holding_another(
    admin: User, region: Region, unit: Unit, make_user: Callable[..., User]
) -> None:
    second = Membership.objects.create(user=admin, region=region, unit=unit, role=Role.ADMIN)
    services.membership_remove(actor=admin, membership=admin.memberships.get(unit=None))
    assert list(admin.memberships.all()) == [second]


def test_another_admin_may_remove_an_admin(
    admin: User, region: Region, make_user: Callable[..., User]
) -> None:
    colleague = make_user("admin2@uji.id", Role.ADMIN, region)
    services.membership_remove(actor=colleague, membership=admin.memberships.get())
    assert not admin.memberships.exists()


def test_superuser_may_manage_any_region(client: Any, region: Region, verifier: User) -> None:
    root = User.objects.create_superuser("root@lumbung.id", PASSWORD, full_name="Root")
    client.force_login(root)
    assert client.get(people_url(region)).status_code == 200
    assert client.get(detail_url(region, verifier)).status_code == 200


# Nobody else may manage people


OUTSIDERS = ["innovator", "verifier", "leader", "foreign_admin", "foreign_coach"]


def _pages(region: Region, person: User, membership: Membership) -> list[tuple[str, str, dict[str, Any]]]:
    code = region.code
    return [
        ("get", people_url(region), {}),
        ("get", invite_url(region), {}),
        ("post", invite_url(region), _invite_data()),
        ("get", detail_url(region, person), {}),
        ("post", detail_url(region, person), {"role": Role.JURY, "unit": ""}),
        ("post", reverse("accounts:membership_remove", args=[code, person.pk, membership.pk]), {}),
        ("post", reverse("accounts:person_set_active", args=[code, person.pk]), {"active": "0"}),
        ("post", reverse("accounts:invitation_resend", args=[code, person.pk]), {}),
    ]


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_get_404_or_403_on_every_people_page(
    client: Any, request: Any, region: Region, admin: User, verifier: User, who: str
) -> None:
    client.force_login(request.getfixturevalue(who))
    membership = verifier.memberships.get()
    for method, url, data in _pages(region, verifier, membership):
        response = getattr(client, method)(url, data)
        assert response.status_code in (403, 404), (method, url, response.status_code)
    assert not User.objects.filter(email="baru@uji.id").exists()
    assert list(verifier.memberships.values_list("role", "is_active")) == [(Role.VERIFIER, True)]
    assert mail.outbox == []


def test_anonymous_is_sent_to_login(client: Any, region: Region, verifier: User) -> None:
    for method, url, data in _pages(region, verifier, verifier.memberships.get()):
        response = getattr(client, method)(url, data)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("who", OUTSIDERS)
def test_services_refuse_outsiders(
    request: Any, region: Region, unit: Unit, admin: User, verifier: User, who: str
) -> None:
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.person_invite(
            actor=actor,
            region=region,
            email="baru@uji.id",
            full_name="B",
            nip="",
            role=Role.JURY,
            unit=None,
            request_base_url=BASE_URL,
        )
    with pytest.raises(PermissionDenied):
        services.membership_add(actor=actor, region=region, user=verifier, role=Role.JURY, unit=None)
    with pytest.raises(PermissionDenied):
        services.membership_remove(actor=actor, membership=verifier.memberships.get())
    with pytest.raises(PermissionDenied):
        services.person_set_active(actor=actor, region=region, user=verifier, active=False)
    with pytest.raises(PermissionDenied):
        services.invitation_resend(actor=actor, region=region, user=verifier, request_base_url=BASE_URL)
