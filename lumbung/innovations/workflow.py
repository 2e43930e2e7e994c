"""The validation chain, declared as data: every allowed move, who may make it, what it needs."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from lumbung.accounts.models import Role

from .models import Status


@dataclass(frozen=True)
class Move:
    name: str
    label: str | Promise
    sources: tuple[Status, ...]
    target: Status
    # Roles that may make the move; "innovator" only for their own unit (checked by the access helpers).
    roles: tuple[Role, ...]
    note_required: bool = False
    field_notes: bool = False
    needs_complete_profile: bool = False
    style: str = "primary"


MOVES: tuple[Move, ...] = (
    Move(
        "submit",
        _("Ajukan"),
        (Status.DRAFT, Status.NEEDS_REVISION),
        Status.SUBMITTED,
        (Role.INNOVATOR, Role.ADMIN),
        needs_complete_profile=True,
    ),
    Move(
        "withdraw",
        _("Tarik kembali"),
        (Status.SUBMITTED,),
        Status.DRAFT,
        (Role.INNOVATOR, Role.ADMIN),
        style="secondary",
    ),
    Move(
        "start_validation", _("Mulai validasi"), (Status.SUBMITTED,), Status.IN_VALIDATION, (Role.VERIFIER,)
    ),
    Move(
        "request_revision",
        _("Kembalikan untuk revisi"),
        (Status.IN_VALIDATION,),
        Status.NEEDS_REVISION,
        (Role.VERIFIER,),
        note_required=True,
        field_notes=True,
        style="warning",
    ),
    Move("approve", _("Setujui"), (Status.IN_VALIDATION,), Status.APPROVED, (Role.VERIFIER,)),
    Move("mark_ready", _("Tandai siap kirim"), (Status.APPROVED,), Status.READY, (Role.ADMIN,)),
    Move("mark_sent", _("Tandai terkirim"), (Status.READY,), Status.SENT, (Role.ADMIN,)),
)

MOVES_BY_NAME = {move.name: move for move in MOVES}

# States in which the profile can be edited; every other state is locked until a move reopens it.
EDITABLE_STATUSES = (Status.DRAFT, Status.NEEDS_REVISION)

# Fields a verifier may attach a note to when returning a version.
NOTE_FIELDS = (
    "name",
    "stage",
    "initiator",
    "kind",
    "form",
    "theme",
    "main_urusan",
    "other_urusan",
    "trial_date",
    "implementation_date",
    "design",
    "goals",
    "benefits",
    "results",
    "budget",
    "team",
    "attachments",
)

# The first year the national portal collected innovation reports; year fields and filters start here.
FIRST_REPORT_YEAR = 2015

# States an innovation's current version must be in for it to be published (and indexed for search).
PUBLISHABLE_STATUSES = (Status.APPROVED, Status.READY, Status.SENT)
