"""The region's index page: both projections side by side, each innovation's kematangan, the SPD rows."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from ..calculator import Figures, Reason, Result, RowScore
from ..models import Category, Projection, VerificationState
from .snapshot import Snapshot, VersionInfo


def reason_label(reason: Reason | None, state: str | None = None) -> str:
    """Why a row scores 0, in the reader's language ("" when it counts)."""
    if reason is None:
        return ""
    if reason == Reason.NOT_VERIFIED and state == VerificationState.REJECTED:
        return _("ditolak verifikator")
    return {
        Reason.NO_ANSWER: _("belum dijawab"),
        Reason.LEVEL_ZERO: _("level 0: belum memenuhi"),
        Reason.NO_EVIDENCE: _("tanpa bukti dukung"),
        Reason.NOT_VERIFIED: _("belum diverifikasi"),
    }[reason]


@dataclass(frozen=True)
class ProjectionView:
    projection: str
    label: str
    result: Result
    figures: Figures
    category_label: str
    covered: list[str]
    missing: list[str]


@dataclass(frozen=True)
class InnovationRow:
    version: VersionInfo
    claimed: Decimal | None  # kematangan, None when the projection does not count the innovation
    verified: Decimal | None


@dataclass(frozen=True)
class SpdRow:
    number: str
    name: str
    weight: Decimal
    mandatory: bool
    level: int
    claimed: RowScore
    verified: RowScore
    claimed_reason: str
    verified_reason: str


@dataclass(frozen=True)
class Overview:
    projections: list[ProjectionView]
    innovations: list[InnovationRow]
    spd_rows: list[SpdRow]


def overview(snapshot: Snapshot) -> Overview:
    claimed = {score.key: score.maturity for score in snapshot.claimed_result.innovations}
    verified = {score.key: score.maturity for score in snapshot.verified_result.innovations}
    return Overview(
        projections=[_projection(snapshot, p) for p in (Projection.CLAIMED, Projection.VERIFIED)],
        innovations=[
            InnovationRow(info, claimed.get(pk), verified.get(pk)) for pk, info in snapshot.versions.items()
        ],
        spd_rows=_spd_rows(snapshot),
    )


def _projection(snapshot: Snapshot, projection: Projection) -> ProjectionView:
    result = snapshot.result(projection)
    names = snapshot.urusan_names
    return ProjectionView(
        projection=projection.value,
        label=str(projection.label),
        result=result,
        figures=result.rounded,
        category_label=str(Category(result.category.value).label),
        covered=[names.get(u, str(u)) for u in result.coverage.covered],
        missing=[names.get(u, str(u)) for u in result.coverage.missing],
    )


def _spd_rows(snapshot: Snapshot) -> list[SpdRow]:
    rows = []
    for claimed, verified in zip(
        snapshot.claimed_result.spd_rows, snapshot.verified_result.spd_rows, strict=True
    ):
        rule = snapshot.indicator(claimed.indicator)
        state = snapshot.states.get(verified.answer_id or 0)
        rows.append(
            SpdRow(
                number=rule.number,
                name=rule.name,
                weight=rule.weight,
                mandatory=rule.mandatory,
                level=claimed.level,
                claimed=claimed,
                verified=verified,
                claimed_reason=reason_label(claimed.reason),
                verified_reason=reason_label(verified.reason, state),
            )
        )
    return rows
