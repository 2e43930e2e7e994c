"""Reads of the registry that are more than one line: the filtered list, dashboards, history."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from lumbung.accounts.access import AnyUser, memberships_of
from lumbung.accounts.models import Role
from lumbung.regions.models import Unit, Urusan

from . import access
from .models import AuditEntry, InnovationVersion, Stage, Status, Transition
from .workflow import FIRST_REPORT_YEAR

LONG_TEXTS = ("design", "goals", "benefits", "results", "developed_since", "revision_notes")


def version_list(user: AnyUser, filters: dict[str, Any]) -> QuerySet[InnovationVersion]:
    """Versions the user may read, filtered and sorted as the list page asks."""
    return filter_versions(access.visible_versions(user), filters)


def filter_versions(
    versions: QuerySet[InnovationVersion], filters: dict[str, Any]
) -> QuerySet[InnovationVersion]:
    """Apply the list page's filters and order to versions already scoped by an access rule (or to one
    region, for an operator's command)."""
    year = filters.get("year")
    versions = versions.filter(year=year) if year else versions.filter(is_current=True)
    if filters.get("q"):
        versions = versions.filter(name__icontains=filters["q"].strip())
    if filters.get("unit"):
        versions = versions.filter(innovation__unit=filters["unit"])
    for field in ("stage", "form", "kind", "status"):
        if filters.get(field):
            versions = versions.filter(**{field: filters[field]})
    if filters.get("urusan"):
        urusan = filters["urusan"]
        versions = versions.filter(Q(main_urusan=urusan) | Q(other_urusan=urusan)).distinct()
    order = filters.get("order") or "-updated_at"
    # The long texts are never shown in a list; loading them doubles the time of a page of rows.
    return (
        versions.select_related("innovation__unit", "main_urusan", "region")
        .defer(*LONG_TEXTS)
        .order_by(order, "-id")
    )


def list_units(user: AnyUser) -> QuerySet[Unit]:
    """Units offered in the list filter: those of the user's regions."""
    region_ids = {m.region_id for m in memberships_of(user)}
    return Unit.objects.filter(region_id__in=region_ids).order_by("name")


def list_years() -> list[int]:
    """Years offered in the list filter: a fixed range (a DISTINCT over every version cost 300 ms)."""
    return list(range(timezone.localdate().year + 1, FIRST_REPORT_YEAR - 1, -1))


def status_counts(versions: QuerySet[InnovationVersion]) -> dict[str, int]:
    counts = dict(versions.values_list("status").annotate(n=Count("id")).order_by())
    return {status: counts.get(status, 0) for status in Status.values}


@dataclass(frozen=True)
class Task:
    title: str
    versions: list[InnovationVersion]
    total: int


def _task(title: str, versions: QuerySet[InnovationVersion], limit: int = 8) -> Task:
    rows = list(versions.select_related("innovation__unit").order_by("-updated_at")[: limit + 1])
    total = len(rows) if len(rows) <= limit else versions.count()
    return Task(title=title, versions=rows[:limit], total=total)


def my_tasks(user: AnyUser) -> list[Task]:
    """The work waiting for this user, by role: drafts, revisions, validations, submissions to send."""
    from django.utils.translation import gettext as _

    tasks: list[Task] = []
    current = access.visible_versions(user).filter(is_current=True)
    roles = {m.role for m in memberships_of(user)}
    if Role.INNOVATOR in roles:
        unit_ids = [m.unit_id for m in memberships_of(user) if m.role == Role.INNOVATOR and m.unit_id]
        own = current.filter(innovation__unit_id__in=unit_ids)
        tasks.append(_task(_("Revisi yang diminta dari Anda"), own.filter(status=Status.NEEDS_REVISION)))
        tasks.append(_task(_("Draf yang perlu diselesaikan"), own.filter(status=Status.DRAFT)))
    elif Role.ADMIN in roles:
        tasks.append(_task(_("Menunggu revisi dari unit"), current.filter(status=Status.NEEDS_REVISION)))
        tasks.append(_task(_("Draf yang belum diajukan"), current.filter(status=Status.DRAFT)))
    if Role.VERIFIER in roles:
        tasks.append(_task(_("Menunggu validasi Anda"), current.filter(status=Status.SUBMITTED)))
        tasks.append(_task(_("Sedang Anda validasi"), current.filter(status=Status.IN_VALIDATION)))
    if Role.ADMIN in roles:
        tasks.append(_task(_("Disetujui, siap ditandai siap kirim"), current.filter(status=Status.APPROVED)))
        tasks.append(_task(_("Siap kirim ke portal nasional"), current.filter(status=Status.READY)))
    return tasks


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    highlight: bool = False


def chart_by_unit(versions: QuerySet[InnovationVersion], limit: int = 12) -> list[Bar]:
    rows = (
        versions.values("innovation__unit__name", "innovation__unit__short_name")
        .annotate(n=Count("id"))
        .order_by("-n", "innovation__unit__name")[:limit]
    )
    return [Bar(r["innovation__unit__short_name"] or r["innovation__unit__name"], r["n"]) for r in rows]


def chart_by_urusan(versions: QuerySet[InnovationVersion]) -> list[Bar]:
    """Innovations per urusan utama; the six basic-service urusan are always shown and highlighted."""
    counts = dict(versions.values_list("main_urusan").annotate(n=Count("id")).order_by())
    bars = []
    for urusan in Urusan.objects.all():
        n = counts.get(urusan.pk, 0)
        if n or urusan.is_basic_service:
            bars.append(Bar(urusan.name, n, urusan.is_basic_service))
    return sorted(bars, key=lambda b: (not b.highlight, -b.value, b.label))


def chart_by_stage(versions: QuerySet[InnovationVersion]) -> list[Bar]:
    counts = dict(versions.values_list("stage").annotate(n=Count("id")).order_by())
    return [Bar(str(label), counts.get(value, 0)) for value, label in Stage.choices]


def history(version: InnovationVersion) -> tuple[list[Transition], list[AuditEntry]]:
    transitions = list(version.transitions.select_related("actor").order_by("-created_at", "-id"))
    audit = list(version.audit_entries.select_related("actor").order_by("-created_at", "-id")[:200])
    return transitions, audit
