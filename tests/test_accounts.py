"""Sign-in, demo logins, password reset and change, one's own profile, and the createadmin command."""

import re
from typing import Any

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from lumbung.accounts.demo import DEMO_ADMIN_EMAIL, DEMO_LOGINS, DEMO_PASSWORD
from lumbung.accounts.models import Membership, Role, User
from lumbung.regions.models import Region

from .conftest import PASSWORD

LOGIN = reverse("accounts:login")
PROFILE = reverse("accounts:profile")
LINK_RE = re.compile(r"https?://\S+")


def _login(client: Any, email: str, password: str) -> Any:
    return client.post(LOGIN, {"username": email, "password": password})


# Sign-in


def test_login_page_has_indonesian_labels(client: Any, db: None) -> None:
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert "Email" in response.text
    assert "Kata sandi" in response.text
    assert "Lupa kata sandi?" in response.text


def test_login_works(client: Any, admin: User) -> None:
    response = _login(client, "admin@uji.id", PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("home")
    assert client.session["_auth_user_id"] == str(admin.pk)


def test_login_ignores_email_case(client: Any, admin: User) -> None:
    response = _login(client, "  Admin@Uji.ID ", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(admin.pk)


def test_bad_password_shows_indonesian_message(client: Any, admin: User) -> None:
    response = _login(client, "admin@uji.id", "salah-sekali-123")
    assert response.status_code == 200
    assert "Email atau kata sandi salah" in response.text
    assert "_auth_user_id" not in client.session


def test_logout_is_post_only(client: Any, admin: User) -> None:
    client.force_login(admin)
    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response.url == LOGIN
    assert "_auth_user_id" not in client.session


# Demo logins


def _load_demo_admin() -> None:
    User.objects.create_user(DEMO_ADMIN_EMAIL, DEMO_PASSWORD, full_name="Admin Demo")


def test_demo_logins_shown_in_demo_mode_with_demo_loaded(client: Any, settings: Any, db: None) -> None:
    settings.DEMO_MODE = True
    _load_demo_admin()
    text = client.get(LOGIN).text
    assert DEMO_PASSWORD in text
    for email, description in DEMO_LOGINS:
        assert email in text
        assert str(description) in text
    assert "Inovator Dinas Kesehatan" in text


def test_demo_logins_hidden_outside_demo_mode(client: Any, settings: Any, db: None) -> None:
    settings.DEMO_MODE = False
    _load_demo_admin()
    text = client.get(LOGIN).text
    assert DEMO_PASSWORD not in text
    assert "verifikator@parepare.demo" not in text


def test_demo_logins_hidden_when_demo_not_loaded(client: Any, settings: Any, db: None) -> None:
    settings.DEMO_MODE = True
    text = client.get(LOGIN).text
    assert DEMO_PASSWORD not in text
    assert DEMO_ADMIN_EMAIL not in text


# Password reset and change


def test_password_reset_sends_indonesian_email_with_working_link(client: Any, admin: User) -> None:
    response = client.post(reverse("accounts:password_reset"), {"email": "ADMIN@uji.id"})
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["admin@uji.id"]
    assert "Atur ulang kata sandi" in message.subject
    assert "Kami menerima permintaan" in message.body
    link = LINK_RE.search(message.body)
    assert link is not None
    form_page = client.get(link.group(0), follow=True)
    assert form_page.status_code == 200
    assert "Kata sandi baru" in form_page.text
    url = form_page.redirect_chain[-1][0]
    done = client.post(
        url, {"new_password1": "sandi-baru-lumbung-9", "new_password2": "sandi-baru-lumbung-9"}
    )
    assert done.status_code == 302
    assert done.url == reverse("accounts:password_reset_complete")
    admin.refresh_from_db()
    assert admin.check_password("sandi-baru-lumbung-9")


def test_password_reset_of_unknown_email_sends_nothing_and_reveals_nothing(client: Any, db: None) -> None:
    response = client.post(reverse("accounts:password_reset"), {"email": "tidak.ada@uji.id"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_password_reset_reaches_invited_person_without_password(
    client: Any, region: Region, db: None
) -> None:
    invited = User.objects.create_user("baru@uji.id", None, full_name="Orang Baru")
    assert not invited.has_usable_password()
    client.post(reverse("accounts:password_reset"), {"email": "baru@uji.id"})
    assert [m.to for m in mail.outbox] == [["baru@uji.id"]]


def test_invalid_reset_link_says_so(client: Any, admin: User) -> None:
    response = client.get(reverse("accounts:password_reset_confirm", args=["MQ", "bukan-token"]))
    assert response.status_code == 200
    assert "sudah tidak berlaku" in response.text


def test_password_change(client: Any, admin: User) -> None:
    client.force_login(admin)
    url = reverse("accounts:password_change")
    wrong = client.post(url, {"old_password": "keliru", "new_password1": "x", "new_password2": "x"})
    assert wrong.status_code == 200
    assert "Sandi lama Anda yang dimasukkan salah" in wrong.text
    response = client.post(
        url,
        {
            "old_password": PASSWORD,
            "new_password1": "sandi-baru-lumbung-9",
            "new_password2": "sandi-baru-lumbung-9",
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_change_done")
    admin.refresh_from_db()
    assert admin.check_password("sandi-baru-lumbung-9")


# Profile


def test_profile_requires_login(client: Any, db: None) -> None:
    response = client.get(PROFILE)
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)


def test_profile_shows_memberships_and_password_link(client: Any, innovator: User) -> None:
    client.force_login(innovator)
    text = client.get(PROFILE).text
    assert "Inovator · Kota Parepare · Dinas Kesehatan" in text
    assert reverse("accounts:password_change") in text


def _profile_data(**changes: str) -> dict[str, str]:
    return {"full_name": "Andi Baso", "nip": "", "phone": "", "language": "id", **changes}


def test_profile_update_saves(client: Any, admin: User) -> None:
    client.force_login(admin)
    data = _profile_data(nip="198705152010011003", phone="0812-3456-7890")
    response = client.post(PROFILE, data)
    assert response.status_code == 302
    admin.refresh_from_db()
    assert (admin.full_name, admin.nip, admin.phone) == ("Andi Baso", "198705152010011003", "0812-3456-7890")


def test_profile_update_with_bad_nip_is_refused_and_saves_nothing(client: Any, admin: User) -> None:
    client.force_login(admin)
    response = client.post(PROFILE, _profile_data(nip="12345", phone="0811111111"))
    assert response.status_code == 200
    assert "NIP harus tepat 18 angka" in response.text
    admin.refresh_from_db()
    assert (admin.full_name, admin.nip, admin.phone) == ("Admin", "", "")


def test_profile_update_with_bad_phone_is_refused(client: Any, admin: User) -> None:
    client.force_login(admin)
    response = client.post(PROFILE, _profile_data(phone="telepon saya"))
    assert response.status_code == 200
    assert "Nomor telepon hanya boleh berisi angka" in response.text


def test_language_switch_to_english_persists(client: Any, admin: User) -> None:
    client.force_login(admin)
    response = client.post(PROFILE, _profile_data(language="en"))
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "en"
    admin.refresh_from_db()
    assert admin.language == "en"
    assert '<html lang="en">' in client.get(PROFILE).text
    # A later sign-in without the cookie (another browser) still gets English, from the profile.
    client.cookies.pop("django_language")
    client.logout()
    client.force_login(admin)
    assert '<html lang="en">' in client.get(PROFILE).text


def test_language_switch_back_to_indonesian(client: Any, admin: User) -> None:
    admin.language = "en"
    admin.save()
    client.force_login(admin)
    response = client.post(PROFILE, _profile_data(language="id"))
    assert response.cookies["django_language"].value == "id"
    assert '<html lang="id">' in client.get(PROFILE).text


# createadmin


def test_createadmin_non_interactive(region: Region) -> None:
    call_command(
        "createadmin",
        "--no-input",
        "--email=Kepala@Bappeda.id",
        "--full-name=Kepala Bappeda",
        "--password=sandi-admin-lumbung-1",
        "--region=73.72",
    )
    user = User.objects.get(email="kepala@bappeda.id")
    assert user.is_superuser and user.is_staff
    assert user.check_password("sandi-admin-lumbung-1")
    assert Membership.objects.filter(user=user, region=region, role=Role.ADMIN, is_active=True).exists()


def test_createadmin_reads_password_from_environment(db: None, monkeypatch: Any) -> None:
    monkeypatch.setenv("LUMBUNG_ADMIN_PASSWORD", "sandi-admin-lumbung-2")
    call_command("createadmin", "--no-input", "--email=root@lumbung.id", "--full-name=Admin Sistem")
    assert User.objects.get(email="root@lumbung.id").check_password("sandi-admin-lumbung-2")


def test_createadmin_refuses_short_password(db: None, monkeypatch: Any) -> None:
    monkeypatch.delenv("LUMBUNG_ADMIN_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="Kata sandi ditolak: .*terlalu pendek"):
        call_command("createadmin", "--no-input", "--email=a@b.id", "--full-name=A", "--password=pendek")
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--email=bukan-email", "--full-name=A"], "bukan alamat email"),
        (["--email=admin@uji.id", "--full-name=A"], "sudah ada"),
        (["--email=b@b.id", "--full-name= "], "Nama lengkap wajib"),
        (["--email=b@b.id", "--full-name=B", "--region=99.99"], "tidak ditemukan"),
    ],
)
def test_createadmin_refuses_bad_input(admin: User, monkeypatch: Any, args: list[str], message: str) -> None:
    monkeypatch.setenv("LUMBUNG_ADMIN_PASSWORD", "sandi-admin-lumbung-3")
    with pytest.raises(CommandError, match=message):
        call_command("createadmin", "--no-input", *args)
    assert User.objects.count() == 1


def test_createadmin_without_password_and_no_input_fails(db: None, monkeypatch: Any) -> None:
    monkeypatch.delenv("LUMBUNG_ADMIN_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="Kata sandi wajib"):
        call_command("createadmin", "--no-input", "--email=a@b.id", "--full-name=A")


def test_createadmin_interactive_asks_again_after_bad_answers(db: None, monkeypatch: Any) -> None:
    monkeypatch.delenv("LUMBUNG_ADMIN_PASSWORD", raising=False)
    answers = iter(["bukan-email", "admin.baru@lumbung.id", "", "Admin Baru"])
    passwords = iter(
        ["pendek", "pendek", "Pohon-kelapa-tumbuh-88", "beda-sandi-lumbung", "Pohon-kelapa-tumbuh-88"] * 1
    )
    passwords = iter(
        [
            "pendek",
            "pendek",
            "Pohon-kelapa-tumbuh-88",
            "sandi-lain-lumbung",
            "Pohon-kelapa-tumbuh-88",
            "Pohon-kelapa-tumbuh-88",
        ]
    )
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(passwords))
    call_command("createadmin")
    assert User.objects.get(email="admin.baru@lumbung.id").check_password("Pohon-kelapa-tumbuh-88")
