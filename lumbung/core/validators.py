import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

NIP_RE = re.compile(r"^\d{18}$")


def validate_nip(value: str) -> None:
    """A civil servant number (NIP) is exactly 18 digits."""
    if value and not NIP_RE.match(value):
        raise ValidationError(_("NIP harus tepat 18 angka (tanpa spasi atau tanda baca)."), code="nip")


PHONE_RE = re.compile(r"^\+?[0-9][0-9 -]{5,18}[0-9]$")


def validate_phone(value: str) -> None:
    """A phone number as people write it: digits, spaces or dashes, optionally starting with +."""
    if value and not PHONE_RE.match(value):
        raise ValidationError(
            _(
                "Nomor telepon hanya boleh berisi angka, spasi, atau tanda hubung, boleh diawali +, "
                "contoh 0812-3456-7890."
            ),
            code="phone",
        )
