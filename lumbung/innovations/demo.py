"""Build the demo region, Kota Parepare, from demo_data.py. Safe to run again: it refreshes the demo."""

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction

from lumbung.accounts.demo import DEMO_PASSWORD
from lumbung.accounts.models import Membership, Role, User
from lumbung.regions.models import Region, Unit, Urusan

from . import demo_data
from .models import AuditEntry, Innovation, InnovationVersion, Status, TeamMember, Theme, Transition

REGION_CODE = "73.72"
WITA = zoneinfo.ZoneInfo("Asia/Makassar")

# The moves that lead from a draft to each state, and who makes them.
PATHS: dict[str, list[tuple[str, str, str]]] = {
    Status.DRAFT: [],
    Status.SUBMITTED: [("draft", "diajukan", "innovator")],
    Status.IN_VALIDATION: [("draft", "diajukan", "innovator"), ("diajukan", "sedang_divalidasi", "verifier")],
    Status.NEEDS_REVISION: [
        ("draft", "diajukan", "innovator"),
        ("diajukan", "sedang_divalidasi", "verifier"),
        ("sedang_divalidasi", "perlu_revisi", "verifier"),
    ],
    Status.APPROVED: [
        ("draft", "diajukan", "innovator"),
        ("diajukan", "sedang_divalidasi", "verifier"),
        ("sedang_divalidasi", "disetujui", "verifier"),
    ],
}
PATHS[Status.READY] = [*PATHS[Status.APPROVED], ("disetujui", "siap_kirim", "admin")]
PATHS[Status.SENT] = [*PATHS[Status.READY], ("siap_kirim", "terkirim", "admin")]


@dataclass
class DemoSummary:
    units: int = 0
    users: int = 0
    innovations: int = 0
    versions: int = 0
    logins: list[tuple[str, Any]] = field(default_factory=list)


def _region() -> Region:
    region, _ = Region.objects.update_or_create(
        code=REGION_CODE,
        defaults={
            "name": "Kota Parepare",
            "kind": Region.Kind.KOTA,
            "parent": Region.objects.get(code="73"),
            "timezone": "Asia/Makassar",
        },
    )
    return region


def _units(region: Region) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    # Parents first: a unit's parent must exist before it.
    pending = list(demo_data.UNITS)
    while pending:
        progressed = False
        for row in list(pending):
            if row["parent"] and row["parent"] not in units:
                continue
            units[row["key"]], _ = Unit.objects.update_or_create(
                region=region,
                name=row["name"],
                defaults={
                    "short_name": row["short_name"],
                    "kind": row["kind"],
                    "parent": units.get(row["parent"]) if row["parent"] else None,
                    "head_name": row["head_name"],
                    "head_nip": row["head_nip"],
                    "is_active": True,
                },
            )
            pending.remove(row)
            progressed = True
        if not progressed:
            raise ValueError(f"Unit induk tidak ditemukan: {[r['key'] for r in pending]}")
    return units


def _users(region: Region, units: dict[str, Unit]) -> dict[str, User]:
    users: dict[str, User] = {}
    # One hash for the shared demo password: hashing it 70 times would take most of the load time.
    password = make_password(DEMO_PASSWORD)
    for row in [*demo_data.FIXED_ACCOUNTS, *demo_data.PEOPLE]:
        user = User.objects.filter(email=row["email"]).first() or User(email=row["email"])
        user.full_name = row["full_name"]
        user.nip = row.get("nip", "")
        user.phone = row.get("phone", "")
        user.is_active = True
        user.password = password
        user.save()
        unit = units[row["unit"]] if row.get("unit") else None
        # Region-wide roles are held for the whole region even when the person sits in a unit.
        membership_unit = unit if row["role"] == Role.INNOVATOR else None
        Membership.objects.update_or_create(
            user=user, region=region, unit=membership_unit, role=row["role"], defaults={"is_active": True}
        )
        users[row["email"]] = user
    return users


def _moment(year: int, month: int, day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(year, month, day, hour, 0, tzinfo=WITA)


def _version(
    innovation: Innovation,
    row: dict[str, Any],
    year: int,
    status: str,
    is_current: bool,
    urusan: dict[str, Urusan],
    themes: dict[str, Theme],
    users: dict[str, User],
    actors: dict[str, User],
) -> InnovationVersion:
    version = InnovationVersion.objects.create(
        innovation=innovation,
        region_id=innovation.region_id,
        year=year,
        is_current=is_current,
        status=status,
        name=row["name"],
        stage=row["tahapan"],
        initiator=row["inisiator"],
        initiator_name=row["inisiator_name"],
        kind=row["jenis"],
        form=row["bentuk"],
        theme=themes.get(row["tematik"]),
        main_urusan=urusan[row["urusan_utama"]],
        trial_date=dt.date.fromisoformat(row["trial_date"]) if row.get("trial_date") else None,
        implementation_date=(
            dt.date.fromisoformat(row["implementation_date"]) if row.get("implementation_date") else None
        ),
        design=row["rancang_bangun"],
        goals=row["tujuan"],
        benefits=row["manfaat"],
        results=row["hasil"],
        latitude=row.get("latitude"),
        longitude=row.get("longitude"),
        budget=row.get("budget"),
        video_url=row.get("video_url", ""),
        developed_since=row.get("developed_since", "") if is_current and row.get("previous_years") else "",
        revision_notes=(
            {"_note": "Mohon lengkapi isian yang ditandai.", **row.get("revision_notes", {})}
            if status == Status.NEEDS_REVISION
            else {}
        ),
        updated_by=actors["innovator"],
    )
    version.other_urusan.set([urusan[name] for name in row.get("urusan_irisan", [])])
    for position, member in enumerate(row.get("team", [])):
        if isinstance(member, str):
            TeamMember.objects.create(version=version, user=users[member], role="Anggota", position=position)
        else:
            TeamMember.objects.create(
                version=version, name=member["name"], role=member.get("role", ""), position=position
            )
    AuditEntry.objects.create(
        version=version, revision=1, field="created", new_value=version.name, actor=actors["innovator"]
    )
    start = _moment(year, 10 if year < 2023 else 11, 1)
    for step, (source, target, who) in enumerate(PATHS[status]):
        note = ""
        field_notes: dict[str, str] = {}
        if target == Status.NEEDS_REVISION:
            note = "Mohon lengkapi isian yang ditandai."
            field_notes = dict(row.get("revision_notes", {}))
        transition = Transition.objects.create(
            version=version,
            from_status=source,
            to_status=target,
            actor=actors[who],
            note=note,
            field_notes=field_notes,
        )
        Transition.objects.filter(pk=transition.pk).update(
            created_at=start + dt.timedelta(days=3 * step, hours=step)
        )
    # The demo's history happened in its own year, not at load time.
    created = start - dt.timedelta(days=20)
    last = start + dt.timedelta(days=3 * len(PATHS[status]))
    InnovationVersion.objects.filter(pk=version.pk).update(updated_at=last, created_at=created)
    version.audit_entries.update(created_at=created)
    return version


@transaction.atomic
def load_demo() -> DemoSummary:
    from lumbung.accounts.demo import DEMO_LOGINS

    region = _region()
    units = _units(region)
    users = _users(region, units)
    urusan = {u.name: u for u in Urusan.objects.all()}
    themes = {t.code: t for t in Theme.objects.all()}
    summary = DemoSummary(units=len(units), users=len(users), logins=list(DEMO_LOGINS))
    # Refresh: the demo's own innovations are rebuilt; anything a visitor added is left alone.
    names = [row["name"] for row in demo_data.INNOVATIONS]
    Innovation.objects.filter(region=region, versions__name__in=names).distinct().delete()
    for row in demo_data.INNOVATIONS:
        unit = units[row["unit"]]
        team_emails = [m for m in row.get("team", []) if isinstance(m, str)]
        actors = {
            "innovator": users[team_emails[0]] if team_emails else users["admin@parepare.demo"],
            "verifier": users["verifikator@parepare.demo"],
            "admin": users["admin@parepare.demo"],
        }
        innovation = Innovation.objects.create(region=region, unit=unit, created_by=actors["innovator"])
        for previous in row.get("previous_years", []):
            _version(innovation, row, previous, Status.SENT, False, urusan, themes, users, actors)
            summary.versions += 1
        _version(innovation, row, row["year"], row["status"], True, urusan, themes, users, actors)
        summary.versions += 1
        summary.innovations += 1
    return summary


def publish_demo() -> int:
    """Publish the demo region's innovations whose current report is approved or later; the rest stay
    unpublished. Run after every demo step that adds versions, then the search index is rebuilt."""
    from .search import index_refresh
    from .workflow import PUBLISHABLE_STATUSES

    region = Region.objects.get(code=REGION_CODE)
    admin = User.objects.get(email="admin@parepare.demo")
    innovations = Innovation.objects.filter(region=region)
    publishable = innovations.filter(
        versions__is_current=True, versions__status__in=PUBLISHABLE_STATUSES
    ).distinct()
    ids = list(publishable.values_list("pk", flat=True))
    innovations.exclude(pk__in=ids).update(published_at=None, published_by=None)
    # A fixed moment, so running the demo twice leaves the same rows.
    innovations.filter(pk__in=ids).update(published_at=_moment(2026, 1, 15), published_by=admin)
    index_refresh(innovations.values_list("pk", flat=True))
    return len(ids)
