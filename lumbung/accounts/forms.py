from collections.abc import Iterator
from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _

from lumbung.core.forms import NipField
from lumbung.core.validators import validate_phone
from lumbung.regions.models import Region, Unit

from .models import Role, User

UNIT_HELP = _("Wajib untuk Inovator. Untuk Verifikator, kosongkan agar dapat memverifikasi semua unit.")
UNIT_REQUIRED = _("Pilih unit: seorang Inovator selalu bekerja di satu unit.")
UNIT_NOT_IN_REGION = _("Unit tidak ditemukan di wilayah ini.")


ROLE_CHOICES = [("", _("Pilih peran…")), *Role.choices]


def _unit_field(region: Region) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.filter(region=region, is_active=True).order_by("name"),
        required=False,
        empty_label=_("(tanpa unit: seluruh wilayah)"),
        help_text=UNIT_HELP,
        error_messages={"invalid_choice": UNIT_NOT_IN_REGION},
    )


def _require_unit_for_innovator(form: forms.Form) -> None:
    data = form.cleaned_data
    if data.get("role") == Role.INNOVATOR and not data.get("unit") and "unit" not in form.errors:
        form.add_error("unit", UNIT_REQUIRED)


class LoginForm(auth_forms.AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Email atau kata sandi salah. Periksa kembali keduanya, lalu coba lagi "
            "(huruf besar dan kecil pada kata sandi dibedakan)."
        ),
        "inactive": _("Akun ini tidak aktif. Hubungi admin wilayah Anda."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Email")
        self.fields["username"].widget.attrs.update({"autocomplete": "email", "inputmode": "email"})
        self.fields["password"].label = _("Kata sandi")

    def clean_username(self) -> str:
        # Emails are stored in lower case (UserManager.create_user); accept any case at sign-in.
        return str(self.cleaned_data.get("username") or "").strip().lower()


class PasswordResetForm(auth_forms.PasswordResetForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Email")

    def get_users(self, email: str) -> Iterator[Any]:
        # Unlike Django's default, include invited people who have not set a password yet: an unusable
        # password here means "invitation not used", so the reset link lets them finish signing up.
        yield from User.objects.filter(email__iexact=email.strip(), is_active=True)


class SetPasswordForm(auth_forms.SetPasswordForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Kata sandi baru")
        self.fields["new_password2"].label = _("Ulangi kata sandi baru")
        self.fields["new_password2"].help_text = _("Ketik kata sandi yang sama sekali lagi.")


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Kata sandi saat ini")
        self.fields["new_password1"].label = _("Kata sandi baru")
        self.fields["new_password2"].label = _("Ulangi kata sandi baru")
        self.fields["new_password2"].help_text = _("Ketik kata sandi yang sama sekali lagi.")


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "nip", "phone", "language"]
        field_classes = {"nip": NipField}
        labels = {
            "full_name": _("Nama lengkap"),
            "nip": _("NIP"),
            "phone": _("Nomor telepon"),
            "language": _("Bahasa tampilan"),
        }
        help_texts = {
            "nip": _("18 angka. Kosongkan bila Anda bukan ASN."),
            "phone": _("Contoh: 0812-3456-7890."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["phone"].validators.append(validate_phone)
        self.fields["phone"].widget.attrs.update({"inputmode": "tel", "autocomplete": "tel"})


class PersonInviteForm(forms.Form):
    email = forms.EmailField(label=_("Email"), max_length=254)
    full_name = forms.CharField(label=_("Nama lengkap"), max_length=150)
    nip = NipField(label=_("NIP"), required=False, help_text=_("Opsional; 18 angka."))
    role = forms.ChoiceField(label=_("Peran"), choices=ROLE_CHOICES)

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = _unit_field(region)

    def clean_email(self) -> str:
        return str(self.cleaned_data["email"]).strip().lower()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        _require_unit_for_innovator(self)
        return cleaned


class MembershipAddForm(forms.Form):
    role = forms.ChoiceField(label=_("Peran"), choices=ROLE_CHOICES)

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = _unit_field(region)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        _require_unit_for_innovator(self)
        return cleaned


class PeopleFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Cari nama atau email"), required=False, max_length=100, widget=forms.SearchInput
    )
    role = forms.ChoiceField(
        label=_("Peran"), required=False, choices=[("", _("Semua peran")), *Role.choices]
    )

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = forms.ModelChoiceField(
            label=_("Unit"),
            queryset=Unit.objects.filter(region=region).order_by("name"),
            required=False,
            empty_label=_("Semua unit"),
        )
