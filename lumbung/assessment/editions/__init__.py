"""Editions of the index as data: the shipped data files, checks, services and the workbook format."""

from .services import (
    can_manage_editions,
    edition_clone,
    edition_delete,
    edition_dump,
    edition_load,
    edition_publish,
    edition_update_rules,
    get_edition_for_editor,
    get_edition_for_user,
    get_indicator_for_editor,
    indicator_update,
)
from .spec import EditionSums, read_edition
from .spreadsheet import edition_from_xlsx, edition_to_xlsx
from .store import SHIPPED_YEAR, read_shipped, shipped_edition_ensure

__all__ = [
    "SHIPPED_YEAR",
    "EditionSums",
    "can_manage_editions",
    "edition_clone",
    "edition_delete",
    "edition_dump",
    "edition_from_xlsx",
    "edition_load",
    "edition_publish",
    "edition_to_xlsx",
    "edition_update_rules",
    "get_edition_for_editor",
    "get_edition_for_user",
    "get_indicator_for_editor",
    "indicator_update",
    "read_edition",
    "read_shipped",
    "shipped_edition_ensure",
]
