"""The portal workbook, step one: columns and typed rows, one sheet of innovations and one of SPD answers.

Sheet one has a row per innovation version of the edition's year: the profile fields the national portal
asks for, then for each SID indicator its level and its evidence links (and the basis, for an indicator
measured on one of several). Sheet two has a row per SPD indicator. Files are linked by their download
address in Lumbung, so a reader of the sheet opens the same file a verifier saw.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from lumbung.assessment.models import Answer, Aspect, Edition, Evidence, Indicator, Option, VerificationState
from lumbung.innovations.models import Attachment, Form, Initiator, InnovationVersion, Kind, Stage, Status
from lumbung.regions.models import Region, Urusan

from ..xlsx import SheetColumn

Value = str | int | Decimal | dt.date | None
Row = list[Value]
Progress = Callable[[int], None]
# The attachments the portal asks for, in its order; other kinds (photos) stay out.
PORTAL_ATTACHMENTS = (
    Attachment.Kind.BUDGET,
    Attachment.Kind.BUSINESS_PROFILE,
    Attachment.Kind.IP,
    Attachment.Kind.AWARD,
)


@dataclass(frozen=True)
class PortalData:
    region: Region
    edition: Edition
    indicators: list[Indicator]
    versions: list[InnovationVersion]
    answers: dict[int | None, dict[int, Answer]]  # version id (None: SPD) → indicator id → answer


def load(region: Region, edition: Edition) -> PortalData:
    """Everything the workbook shows, in a fixed number of queries whatever the innovations."""
    indicators = list(edition.indicators.prefetch_related("bases").order_by("position"))
    versions = list(
        InnovationVersion.objects.filter(region=region, year=edition.year)
        .select_related("region", "innovation__unit", "main_urusan", "theme")
        .prefetch_related(
            Prefetch("other_urusan", queryset=Urusan.objects.only("id", "name").order_by("name")),
            Prefetch(
                "attachments",
                queryset=Attachment.objects.filter(kind__in=PORTAL_ATTACHMENTS).order_by("id"),
            ),
        )
        .order_by("name", "id")
    )
    answers: dict[int | None, dict[int, Answer]] = defaultdict(dict)
    found = (
        Answer.objects.filter(edition=edition, region=region, indicator__edition=edition)
        .select_related("basis")
        .prefetch_related(Prefetch("evidence", queryset=Evidence.objects.order_by("id")))
    )
    for answer in found:
        answers[answer.version_id][answer.indicator_id] = answer
    return PortalData(region, edition, indicators, versions, answers)


def _sid(data: PortalData) -> list[Indicator]:
    return [i for i in data.indicators if i.aspect == Aspect.SID]


def profile_columns() -> list[SheetColumn]:
    return [
        SheetColumn(_("Nomor registrasi"), width=24),
        SheetColumn(_("Nama inovasi"), width=40),
        SheetColumn(_("Unit pengusul"), width=30),
        SheetColumn(_("Status di Lumbung"), width=16),
        SheetColumn(_("Tahapan"), width=12),
        SheetColumn(_("Inisiator"), width=14),
        SheetColumn(_("Nama inisiator"), width=24),
        SheetColumn(_("Jenis"), width=12),
        SheetColumn(_("Bentuk"), width=30),
        SheetColumn(_("Tematik"), width=24),
        SheetColumn(_("Urusan utama"), width=24),
        SheetColumn(_("Urusan irisan"), width=30),
        SheetColumn(_("Waktu uji coba"), "date", 14),
        SheetColumn(_("Waktu penerapan"), "date", 14),
        SheetColumn(_("Rancang bangun dan pokok perubahan"), width=60),
        SheetColumn(_("Jumlah kata rancang bangun"), "int", 12),
        SheetColumn(_("Tujuan"), width=40),
        SheetColumn(_("Manfaat"), width=40),
        SheetColumn(_("Hasil inovasi"), width=40),
        SheetColumn(_("Anggaran (Rp)"), "money", 16),
        SheetColumn(_("Lintang"), width=12),
        SheetColumn(_("Bujur"), width=12),
        SheetColumn(_("Tautan video"), "url", 36),
        SheetColumn(_("Pengembangan sejak laporan sebelumnya"), width=40),
        *(
            SheetColumn(_("Lampiran %(kind)s") % {"kind": kind.label}, width=30)
            for kind in PORTAL_ATTACHMENTS
        ),
    ]


def version_columns(data: PortalData) -> list[SheetColumn]:
    """The profile, then per SID indicator: level, basis (when it has bases), evidence links."""
    columns = profile_columns()
    for indicator in _sid(data):
        columns.append(SheetColumn(f"{indicator.number}. {indicator.name} (level)", "int", 14))
        if indicator.bases.all():
            columns.append(
                SheetColumn(_("%(number)s. dasar pengukuran") % {"number": indicator.number}, width=14)
            )
        columns.append(SheetColumn(_("%(number)s. bukti dukung") % {"number": indicator.number}, "url", 40))
    return columns


def evidence_links(region: Region, year: int, answer: Answer | None) -> str:
    """The answer's evidence, one address a line: the link as given, or the file's download address."""
    if answer is None:
        return ""
    links = []
    for item in answer.evidence.all():
        if item.url:
            links.append(item.url)
        else:
            path = reverse("assessment:evidence_download", args=[region.code, year, item.pk])
            links.append(f"{settings.LUMBUNG_BASE_URL}{path}")
    return "\n".join(links)


def _labels() -> dict[str, dict[str, str]]:
    # Looked up once per export, not once per cell.
    return {
        name: {value: str(label) for value, label in choices.choices}
        for name, choices in (
            ("status", Status),
            ("stage", Stage),
            ("initiator", Initiator),
            ("kind", Kind),
            ("form", Form),
        )
    }


def _profile(v: InnovationVersion, labels: dict[str, dict[str, str]]) -> Row:
    attachments = {
        kind: [a.caption for a in v.attachments.all() if a.kind == kind] for kind in PORTAL_ATTACHMENTS
    }
    return [
        v.registration_number,
        v.name,
        v.innovation.unit.name,
        labels["status"].get(v.status, v.status),
        labels["stage"].get(v.stage, v.stage),
        labels["initiator"].get(v.initiator, v.initiator),
        v.initiator_name,
        labels["kind"].get(v.kind, v.kind),
        labels["form"].get(v.form, v.form),
        v.theme.name if v.theme else None,
        v.main_urusan.name if v.main_urusan else None,
        "; ".join(u.name for u in v.other_urusan.all()),
        v.trial_date,
        v.implementation_date,
        v.design,
        v.design_word_count,
        v.goals,
        v.benefits,
        v.results,
        v.budget,
        v.latitude,
        v.longitude,
        v.video_url,
        v.developed_since,
        *("; ".join(attachments[kind]) for kind in PORTAL_ATTACHMENTS),
    ]


def version_rows(data: PortalData, progress: Progress | None = None) -> Iterator[Row]:
    labels = _labels()
    sid = _sid(data)
    for count, version in enumerate(data.versions, 1):
        row = _profile(version, labels)
        answers = data.answers.get(version.pk, {})
        for indicator in sid:
            answer = answers.get(indicator.pk)
            row.append(answer.level if answer else None)
            if indicator.bases.all():
                row.append(answer.basis.code if answer and answer.basis else None)
            row.append(evidence_links(data.region, data.edition.year, answer))
        yield row
        if progress:
            progress(count)


def spd_columns() -> list[SheetColumn]:
    return [
        SheetColumn(_("Nomor"), width=8),
        SheetColumn(_("Variabel"), width=24),
        SheetColumn(_("Indikator"), width=40),
        SheetColumn(_("Bobot"), width=8),
        SheetColumn(_("Wajib"), width=8),
        SheetColumn(_("Level"), "int", 8),
        SheetColumn(pgettext("answer option", "Pilihan"), width=50),
        SheetColumn(pgettext("column heading", "Verifikasi"), width=18),
        SheetColumn(_("Bukti dukung"), "url", 50),
    ]


def spd_rows(data: PortalData) -> Iterator[Row]:
    """One row per SPD indicator of the edition, answered or not (an empty level: not answered)."""
    answers = data.answers.get(None, {})
    spd = [i for i in data.indicators if i.aspect == Aspect.SPD]
    texts = dict(
        ((indicator_id, level), text)
        for indicator_id, level, text in Option.objects.filter(indicator__in=spd, basis=None).values_list(
            "indicator_id", "level", "text"
        )
    )
    states = dict(VerificationState.choices)
    for indicator in spd:
        answer = answers.get(indicator.pk)
        yield [
            indicator.number,
            indicator.variable,
            indicator.name,
            indicator.weight,
            _("Ya") if indicator.mandatory else _("Tidak"),
            answer.level if answer else None,
            _option_text(texts, indicator, answer),
            str(states[answer.verification]) if answer else None,
            evidence_links(data.region, data.edition.year, answer),
        ]


def _option_text(
    texts: dict[tuple[int, int], str], indicator: Indicator, answer: Answer | None
) -> str | None:
    if answer is None:
        return None
    if answer.level == 0:
        return _("Belum memenuhi")
    return texts.get((indicator.pk, answer.level))
