"""The Design stage: the innovation a team designs from its chosen idea, its action plan, and carrying
the design into the region's innovation registry.

Once carried over, the registry owns the profile (it goes on through its own validation chain), so the
lab keeps its design as it was and only the action plan stays editable while the stage is.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lumbung.accounts.access import AnyUser
from lumbung.accounts.models import User
from lumbung.core.formatting import format_date
from lumbung.innovations import access as registry_access
from lumbung.innovations import services as registry
from lumbung.innovations.models import Form, Innovation, InnovationVersion, Kind
from lumbung.regions.models import Urusan

from . import diagnose, gates
from .access import can_manage
from .models import CohortStage, Design, GateStatus, Idea, Milestone, Participant, Team, region_today

STAGE = "design"
MAX_MILESTONES = 20

# Reads


def chosen_idea(team: Team) -> Idea | None:
    return Idea.objects.filter(team=team, chosen=True).first()


def get_design(team: Team) -> Design | None:
    return Design.objects.filter(team=team).select_related("idea", "main_urusan", "registered_by").first()


def initial_from_idea(idea: Idea) -> dict[str, Any]:
    """What the form starts with the first time: the chosen idea's title and description."""
    return {"name": idea.title, "goals": idea.description}


def milestones(team: Team) -> QuerySet[Milestone]:
    return Milestone.objects.filter(team=team).order_by("position")


def get_milestone(team: Team, pk: int) -> Milestone:
    milestone = Milestone.objects.filter(team=team, pk=pk).first()
    if milestone is None:
        raise Http404
    return milestone


def can_change(user: AnyUser, team: Team, item: gates.TeamStage) -> bool:
    """Whether the page offers changes: gates.require_editable's rule, read without a query."""
    return can_manage(user, team.cohort) or item.is_editable


def registry_version(user: AnyUser, design: Design) -> tuple[InnovationVersion | None, bool]:
    """The registry's current version of the design's innovation, and whether the user may open it."""
    if design.innovation_id is None:
        return None, False
    current = (
        InnovationVersion.objects.filter(innovation_id=design.innovation_id, is_current=True)
        .only("pk", "name", "status", "year")
        .first()
    )
    if current is None:
        return None, False
    readable = registry_access.visible_versions(user).filter(pk=current.pk).exists()
    return current, readable


@dataclass(frozen=True)
class Provenance:
    """Where a registered innovation came from, as the innovation page shows it."""

    cohort_name: str
    team_name: str
    url: str  # the team's lab page, or "" when this reader cannot open it


def provenance(user: AnyUser, innovation: Innovation) -> list[Provenance]:
    """The lab teams this innovation was designed in, linked only for readers who can open their page."""
    designs = list(
        Design.objects.filter(innovation=innovation).select_related("team__cohort__region").order_by("pk")
    )
    rows = []
    for found in designs:
        team, cohort = found.team, found.team.cohort
        readable, _editable = diagnose.team_work_links(user, cohort, [team])
        url = reverse("labs:team_detail", args=[cohort.pk, team.pk]) if team.pk in readable else ""
        rows.append(Provenance(cohort.name, team.name, url))
    return rows


# Writing the design


def _lock_team(team: Team) -> None:
    # Serialises two people saving one team's design or plan at once (first save, positions).
    Team.objects.select_for_update().filter(pk=team.pk).first()


def _one_line(value: str) -> str:
    return " ".join((value or "").split())


def _clean_profile(*, name: str, form: str, kind: str, main_urusan: Urusan | None) -> dict[str, Any]:
    errors: dict[str, str] = {}
    name = _one_line(name)
    if not name:
        errors["name"] = _("Nama inovasi wajib diisi.")
    elif len(name) > 200:
        errors["name"] = _("Nama inovasi paling panjang 200 karakter.")
    if form not in Form.values:
        errors["form"] = _("Pilih bentuk inovasi dari daftar.")
    if kind not in Kind.values:
        errors["kind"] = _("Pilih jenis inovasi dari daftar.")
    if main_urusan is not None and not Urusan.objects.filter(pk=main_urusan.pk).exists():
        errors["main_urusan"] = _("Pilih urusan dari daftar urusan pemerintahan.")
    if errors:
        raise ValidationError(errors)
    return {"name": name, "form": form, "kind": kind, "main_urusan": main_urusan}


@transaction.atomic
def design_save(
    *,
    actor: User,
    team: Team,
    name: str,
    form: str,
    kind: str,
    main_urusan: Urusan | None = None,
    goals: str = "",
    benefits: str = "",
    design: str = "",
) -> Design:
    """Create or update the team's design; it starts from the idea the team chose in Diagnose."""
    gates.require_editable(actor=actor, team=team, stage=STAGE)
    _lock_team(team)
    found = Design.objects.filter(team=team).first()
    if found is not None and found.innovation_id is not None:
        raise ValidationError(
            _(
                "Rancangan ini sudah dicatat di registri inovasi; profilnya kini diubah di registri, "
                "bukan di laboratorium. Rencana aksi tetap bisa diubah di sini."
            )
        )
    idea = found.idea if found is not None else chosen_idea(team)
    if found is None and idea is None:
        raise ValidationError(
            _("Tim belum memilih gagasan. Pilih dulu satu gagasan di tahap Diagnose, lalu rancang di sini.")
        )
    fields = _clean_profile(name=name, form=form, kind=kind, main_urusan=main_urusan)
    fields.update(goals=goals.strip(), benefits=benefits.strip(), design=design.strip(), updated_by=actor)
    if found is None:
        return Design.objects.create(team=team, idea=idea, **fields)
    for field, value in fields.items():
        setattr(found, field, value)
    found.save()
    return found


# The action plan


def _design_start(team: Team) -> dt.date | None:
    return (
        CohortStage.objects.filter(cohort_id=team.cohort_id, code=STAGE)
        .values_list("start_date", flat=True)
        .first()
    )


def _clean_milestone(
    team: Team, *, what: str, who: str, due_date: dt.date | None, expected_output: str
) -> dict[str, Any]:
    errors: dict[str, str] = {}
    cleaned = {"what": _one_line(what), "who": _one_line(who), "expected_output": _one_line(expected_output)}
    required = {
        "what": _("Tuliskan kegiatannya."),
        "who": _("Tuliskan penanggung jawabnya."),
        "expected_output": _("Tuliskan keluaran yang diharapkan."),
    }
    limits = {"what": 300, "who": 200, "expected_output": 300}
    for field, message in required.items():
        if not cleaned[field]:
            errors[field] = message
        elif len(cleaned[field]) > limits[field]:
            errors[field] = _("Paling panjang %(n)s karakter.") % {"n": limits[field]}
    start = _design_start(team)
    if due_date is None:
        errors["due_date"] = _("Isi tenggat kegiatan ini.")
    elif start is not None and due_date < start:
        errors["due_date"] = _(
            "Tenggat tidak boleh sebelum tahap Design dimulai (%(date)s): rencana aksi menjadwalkan "
            "pekerjaan yang baru dirancang di tahap ini."
        ) % {"date": format_date(start)}
    if errors:
        raise ValidationError(errors)
    return {**cleaned, "due_date": due_date}


@transaction.atomic
def milestone_create(
    *,
    actor: User,
    team: Team,
    what: str,
    who: str,
    due_date: dt.date | None,
    expected_output: str,
) -> Milestone:
    """Add a step at the end of the team's action plan."""
    gates.require_editable(actor=actor, team=team, stage=STAGE)
    _lock_team(team)
    fields = _clean_milestone(team, what=what, who=who, due_date=due_date, expected_output=expected_output)
    count = Milestone.objects.filter(team=team).count()
    if count >= MAX_MILESTONES:
        raise ValidationError(
            _("Rencana aksi paling banyak %(n)s tonggak; gabungkan kegiatan yang berdekatan.")
            % {"n": MAX_MILESTONES}
        )
    return Milestone.objects.create(team=team, position=count + 1, **fields)


@transaction.atomic
def milestone_update(
    *,
    actor: User,
    milestone: Milestone,
    what: str,
    who: str,
    due_date: dt.date | None,
    expected_output: str,
) -> Milestone:
    team = milestone.team
    gates.require_editable(actor=actor, team=team, stage=STAGE)
    fields = _clean_milestone(team, what=what, who=who, due_date=due_date, expected_output=expected_output)
    for field, value in fields.items():
        setattr(milestone, field, value)
    milestone.save()
    return milestone


@transaction.atomic
def milestone_remove(*, actor: User, milestone: Milestone) -> None:
    """Remove a step; the steps after it move up, so positions stay 1, 2, 3…"""
    team = milestone.team
    gates.require_editable(actor=actor, team=team, stage=STAGE)
    _lock_team(team)
    position = milestone.position
    milestone.delete()
    # One row at a time, in order: a single UPDATE could collide with the unique position midway.
    for later in Milestone.objects.filter(team=team, position__gt=position).order_by("position"):
        Milestone.objects.filter(pk=later.pk).update(position=later.position - 1)


# From the lab to the registry


def _is_member_or_coach(user: AnyUser, team: Team) -> bool:
    if not user.is_authenticated:
        return False
    if team.coach_id == user.pk:
        return True
    return Participant.objects.filter(cohort_id=team.cohort_id, user=user, team=team).exists()


def register_refusal(user: AnyUser, design: Design, item: gates.TeamStage) -> str:
    """Why this user cannot carry the design into the registry now, or "" when they can."""
    team = design.team
    if design.innovation_id is not None or design.registered_at is not None:
        return _("Rancangan ini sudah dicatat di registri inovasi.")
    if not can_manage(user, team.cohort):
        if not _is_member_or_coach(user, team):
            return _("Hanya anggota tim, coach tim, atau admin daerah yang dapat mencatat rancangan ini.")
        if item.status != GateStatus.APPROVED:
            return _("Rancangan baru dapat dicatat ke registri setelah tahap Design disetujui coach.")
    if team.unit is None:
        return _("Tim ini tidak terkait dengan unit; registri mencatat inovasi per unit.")
    region = team.cohort.region
    if not registry_access.units_for_new_innovation(user, region).filter(pk=team.unit.pk).exists():
        return _(
            "Anda tidak berhak mencatat inovasi untuk %(unit)s di registri; minta inovator unit itu "
            "atau admin daerah mencatatnya."
        ) % {"unit": team.unit.name}
    return ""


@transaction.atomic
def design_register(*, actor: User, design: Design) -> InnovationVersion:
    """Create a draft innovation in the region's registry from the design, once."""
    locked = Design.objects.select_for_update().filter(pk=design.pk).first()
    if locked is None:
        raise Http404
    team = design.team
    locked.team = team
    if not can_manage(actor, team.cohort) and not _is_member_or_coach(actor, team):
        raise PermissionDenied
    refusal = register_refusal(actor, locked, gates.team_stage(team, STAGE))
    if refusal:
        raise ValidationError(refusal)
    assert team.unit is not None  # register_refusal refuses a team without a unit
    region = team.cohort.region
    version = registry.innovation_create(
        actor=actor,
        region=region,
        unit=team.unit,
        year=region_today(region).year,
        data={
            "name": locked.name,
            "form": locked.form,
            "kind": locked.kind,
            "main_urusan": locked.main_urusan,
            "goals": locked.goals,
            "benefits": locked.benefits,
            "design": locked.design,
        },
    )
    now = timezone.now()
    Design.objects.filter(pk=locked.pk).update(
        innovation=version.innovation, registered_at=now, registered_by=actor
    )
    design.innovation, design.registered_at, design.registered_by = version.innovation, now, actor
    return version
