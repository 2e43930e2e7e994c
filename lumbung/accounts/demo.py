"""The Parepare demo's sign-ins, shown on the login page when demo mode is on and the demo is loaded."""

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import User

DEMO_PASSWORD = "lumbung-demo"
DEMO_ADMIN_EMAIL = "admin@parepare.demo"

DEMO_LOGINS: list[tuple[str, str | Promise]] = [
    (DEMO_ADMIN_EMAIL, _("Admin wilayah (Bappeda)")),
    ("verifikator@parepare.demo", _("Verifikator")),
    ("inovator.dinkes@parepare.demo", _("Inovator Dinas Kesehatan")),
    ("pimpinan@parepare.demo", _("Pimpinan daerah")),
    ("coach@parepare.demo", _("Coach")),
    ("juri@parepare.demo", _("Juri")),
]


def demo_logins_to_show() -> list[tuple[str, str | Promise]]:
    """The demo sign-ins, or none unless demo mode is on and the demo data is in the database."""
    if not settings.DEMO_MODE or not User.objects.filter(email=DEMO_ADMIN_EMAIL).exists():
        return []
    return DEMO_LOGINS
