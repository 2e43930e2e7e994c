"""The portal workbook, step two: the two sheets written as XLSX (never a formula: strings are inline)."""

import re

from django.utils.translation import gettext as _

from ..labbook.workbook import Sheet, sheets_bytes
from .builder import PortalData, Progress, spd_columns, spd_rows, version_columns, version_rows


def portal_xlsx(data: PortalData, progress: Progress | None = None) -> bytes:
    """Sheet one: the year's innovations with their SID answers; sheet two: the region's SPD answers.

    A region reports at most a few hundred innovations, so the sheets are built in memory.
    """
    year = data.edition.year
    sheets = [
        Sheet(
            _("Inovasi %(year)s") % {"year": year},
            version_columns(data),
            list(version_rows(data, progress)),
        ),
        Sheet(_("SPD %(year)s") % {"year": year}, spd_columns(), list(spd_rows(data))),
    ]
    return sheets_bytes(sheets)


def portal_filename(data: PortalData) -> str:
    code = re.sub(r"[^0-9A-Za-z]+", "-", data.region.code)
    return f"iid-{data.edition.year}-{code}-portal-nasional.xlsx"
