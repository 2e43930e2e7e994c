"""A region's index answers: services (writes), verification, and selectors (reads for the pages)."""

from .selectors import (
    IndicatorRow,
    OptionGroup,
    Progress,
    QueueItem,
    RegionOverview,
    VersionProgress,
    indicator_rows,
    region_overview,
    verification_queue,
)
from .services import StaleAnswer, answer_save, describe, evidence_add, evidence_remove
from .verification import answer_page_url, answer_reject, answer_verify, notify_answer_rejected

__all__ = [
    "IndicatorRow",
    "OptionGroup",
    "Progress",
    "QueueItem",
    "RegionOverview",
    "StaleAnswer",
    "VersionProgress",
    "answer_page_url",
    "answer_reject",
    "answer_save",
    "answer_verify",
    "describe",
    "evidence_add",
    "evidence_remove",
    "indicator_rows",
    "notify_answer_rejected",
    "region_overview",
    "verification_queue",
]
