"""What the region sees of its index: both projections, readiness, what to improve first, the sandbox."""

from .improve import TOP, Improvement, Step, improvements
from .readiness import Item, ItemKind, Readiness, more_innovations_gain, readiness_for, readiness_items
from .reminders import REMINDER_DAYS, iid_remind, iid_reminders_run
from .sandbox import (
    MAX_ROWS,
    SandboxGroup,
    SandboxRow,
    sandbox_compute,
    sandbox_groups,
    sandbox_inputs,
    sandbox_parse,
)
from .snapshot import Snapshot, VersionInfo, snapshot_for

__all__ = [
    "MAX_ROWS",
    "REMINDER_DAYS",
    "TOP",
    "Improvement",
    "Item",
    "ItemKind",
    "Readiness",
    "SandboxGroup",
    "SandboxRow",
    "Snapshot",
    "Step",
    "VersionInfo",
    "iid_remind",
    "iid_reminders_run",
    "improvements",
    "more_innovations_gain",
    "readiness_for",
    "readiness_items",
    "sandbox_compute",
    "sandbox_groups",
    "sandbox_inputs",
    "sandbox_parse",
    "snapshot_for",
]
