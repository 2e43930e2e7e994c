"""Template tags through which other apps' pages link to the index without importing it."""

from django import template
from django.urls import reverse

from lumbung.accounts.access import AnyUser
from lumbung.innovations.models import InnovationVersion

from .. import access
from ..models import Edition

register = template.Library()


@register.simple_tag
def iid_answers_url(user: AnyUser, version: InnovationVersion) -> str:
    """{% iid_answers_url user version as url %}: the version's index answers, "" when there are none to see.

    Only when an edition exists for the version's year and the user reads the region's answers.
    """
    if not access.can_read(user, version.region):
        return ""
    if not Edition.objects.filter(year=version.year).exists():
        return ""
    return reverse("assessment:answers_sid", args=[version.region.code, version.year, version.pk])
