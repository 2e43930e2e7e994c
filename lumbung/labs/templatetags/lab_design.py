"""Template tags through which other apps' pages show lab data without importing the lab."""

from django import template

from lumbung.accounts.access import AnyUser
from lumbung.innovations.models import Innovation

from .. import design

register = template.Library()


@register.simple_tag
def lab_provenance(user: AnyUser, innovation: Innovation) -> list[design.Provenance]:
    """{% lab_provenance user innovation as origins %}: the lab teams that designed this innovation."""
    return design.provenance(user, innovation)
