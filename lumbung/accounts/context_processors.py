from typing import Any

from django.http import HttpRequest

from .access import memberships_of


def memberships(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"my_memberships": []}
    mine = memberships_of(user)
    return {
        "my_memberships": mine,
        "my_admin_regions": sorted({m.region for m in mine if m.role == "admin"}, key=lambda r: r.name),
    }
