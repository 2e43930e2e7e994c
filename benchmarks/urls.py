"""The project's URLs plus the naive baseline that benchmarks/run.py times beside the real pages."""

from typing import Any
from unittest import mock

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import path

from lumbung.innovations import selectors, views
from lumbung.innovations.models import InnovationVersion
from lumbung.urls import urlpatterns as project_urlpatterns

_version_list = selectors.version_list


def _version_list_without_joins(*args: Any, **kwargs: Any) -> QuerySet[InnovationVersion]:
    return _version_list(*args, **kwargs).select_related(None)


def naive_list(request: HttpRequest) -> HttpResponse:
    """The real list page as a first draft would build it: no select_related, so each row fetches its
    innovation, unit and urusan with queries of its own (the N+1 the real selector avoids)."""
    with mock.patch.object(selectors, "version_list", _version_list_without_joins):
        return views.innovation_list(request)


urlpatterns = [
    path("bench/naive-list/", naive_list, name="bench-naive-list"),
    *project_urlpatterns,
]
