"""The demo region's 2026 index: a 2026 report of each of its 21 innovations, its answers and both scores.

Runs after the registry demo (lumbung.innovations.demo), which rebuilds the innovations and their 2023
reports. Each innovation gets a 2026 version copied from its 2023 one, as "Ajukan kembali" does, in the
same status, so the registry still shows every status. Then the region's SPD answers and each version's
SID answers, with evidence (placeholder links under contoh.parepare.go.id and a few small generated PDF
files), some verified, some rejected with a note, some without evidence and a few mandatory ones missing,
so readiness, the improvements and both projections all have something to show.

Deterministic and idempotent: levels come from seeded random generators, timestamps are fixed, and a
second run replaces what the first one wrote. Scores of earlier years (2021–2023) are not stored: those
years have no edition in Lumbung, and a score must keep the edition it used.
"""

import datetime as dt
import hashlib
import random
import zoneinfo
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from lumbung.accounts.models import User
from lumbung.innovations import demo as registry_demo
from lumbung.innovations import demo_data
from lumbung.innovations.models import AuditEntry, InnovationVersion, Status, TeamMember, Transition
from lumbung.innovations.services import PROFILE_FIELDS
from lumbung.regions.models import Region

from . import projections
from .editions import shipped_edition_ensure
from .models import Answer, Aspect, Basis, Edition, Evidence, Indicator, Projection, Score, VerificationState

YEAR = 2026
WITA = zoneinfo.ZoneInfo("Asia/Makassar")
EVIDENCE_BASE = "https://contoh.parepare.go.id/bukti-dukung/2026"
ANSWERED_AT = dt.datetime(2026, 9, 14, 10, 0, tzinfo=WITA)
VERIFIED_AT = dt.datetime(2026, 10, 5, 14, 0, tzinfo=WITA)
APPROVED = (Status.APPROVED, Status.READY, Status.SENT)
D = dt.date.fromisoformat

# The 2026 report of each innovation, in demo_data.INNOVATIONS order: (trial date, implementation date,
# what was developed since the last report). None keeps the 2023 date; what was developed was applied
# anew in the 2024–2025 window. Rabies Centre and SI-TERANG keep their earlier implementation dates and
# say nothing was developed: readiness flags them.
PLANS: list[tuple[str | None, str | None, str]] = [
    (None, "2024-02-01", "Sejak 2024 panggilan 112 terhubung ke aplikasi ambulans dan dasbor waktu tanggap."),
    (None, "2024-04-15", "Sejak 2024 penjemputan pasien hemodialisis dijadwalkan lewat WhatsApp resmi RSUD."),
    (None, "2025-01-06", "Pada 2025 tera ulang timbangan diperluas ke Pasar Lakessi dan Pasar Senggol."),
    (None, "2024-03-11", "Pada 2024 kelompok Srikandi bertambah dua kelurahan dan berlatih olahan ikan."),
    ("2024-03-04", None, "Pada 2024 ruang kreatif pindah ke gedung kecamatan dengan jadwal tetap."),
    (None, None, ""),
    (None, "2024-06-03", "Sejak 2024 status pengaduan rumah tidak layak huni dapat dilacak daring."),
    (None, "2024-02-05", ""),
    (None, None, ""),
    (None, "2024-05-06", ""),
    (None, "2024-07-01", "Pada 2024 skrining balita memakai aplikasi e-PPGBM di semua posyandu."),
    (None, "2024-09-02", ""),
    (None, "2025-01-13", ""),
    ("2024-06-03", None, ""),
    ("2024-08-05", None, ""),
    ("2025-02-03", None, "Pada 2025 kegiatan membaca diperluas ke dua SMP negeri lain."),
    ("2025-03-10", None, ""),
    (None, None, ""),
    (None, None, ""),
    (None, None, ""),
    (None, None, ""),
]

# SPD answers of the region: number → (level, evidence, verification). Evidence: "link", "pdf" or "".
# 10a (mandatory) is left unanswered; 13b has no evidence; 6 was rejected; 14 waits for the verifier.
SPD: dict[str, tuple[int, str, str]] = {
    "1": (3, "link", "ok"),
    "2a": (3, "link", "ok"),
    "2b": (2, "link", "ok"),
    "3": (2, "link", "ok"),
    "4": (2, "link", "ok"),
    "5a": (1, "link", "ok"),
    "5b": (2, "link", "ok"),
    "6": (3, "link", "rejected"),
    "7": (2, "link", "ok"),
    "8": (3, "pdf", "ok"),
    "9": (2, "pdf", "ok"),
    "10b": (2, "link", "ok"),
    "11a": (2, "link", "ok"),
    "11b": (2, "link", "ok"),
    "12": (1, "link", "ok"),
    "13a": (2, "link", "ok"),
    "13b": (2, "", "open"),
    "14": (1, "link", "open"),
    "15": (0, "", "open"),
}
SPD_REJECTION = (
    "Kenaikan investasi 94,8% belum didukung data realisasi dari DPMPTSP: lampirkan laporan LKPM "
    "tahun 2024 dan 2025."
)
# Mandatory SID answers left out, per innovation index: readiness lists them first.
MISSING: dict[int, tuple[str, ...]] = {4: ("35",), 13: ("35",), 16: ("16", "35"), 15: ("33",)}
REJECTIONS = (
    "SK yang dilampirkan belum menyebut nama inovasi ini; lampirkan SK yang menyebutnya.",
    "Daftar hadir tidak bertanggal dan tidak ditandatangani; unggah yang sudah disahkan.",
    "Tautan bukti tidak dapat dibuka; periksa hak akses atau unggah berkasnya.",
    "Bukti menunjukkan level yang lebih rendah dari yang dipilih; sesuaikan levelnya.",
    "Dokumen RKPD yang dilampirkan tahun 2023, bukan T−1 dan T−2; lampirkan halaman yang sesuai.",
)
# Parts of the evidence link per indicator, so a link says what it stands for.
EVIDENCE_NAMES = {
    "16": "sk-inovasi",
    "17": "sk-tim-inovasi",
    "18": "dpa-anggaran",
    "19": "tangkapan-layar-aplikasi",
    "20": "daftar-hadir-bimtek",
    "21": "halaman-rkpd",
    "22": "pks-mitra",
    "23": "surat-tugas-pelaksana",
    "24": "daftar-unit-jejaring",
    "25": "kliping-berita",
    "26": "sop-pedoman",
    "27": "kanal-informasi",
    "28": "standar-pelayanan",
    "29": "rekap-pengaduan",
    "30": "integrasi-layanan",
    "31": "surat-replikasi",
    "32": "laporan-tahapan",
    "33": "register-penerima-manfaat",
    "34": "laporan-monev",
    "35": "video-inovasi",
}
BASES = ("a", "a", "b", "e", "f")


@dataclass(frozen=True)
class IndexDemoSummary:
    versions: int
    answers: int
    evidence: int
    claimed: Score
    verified: Score


@dataclass
class _People:
    admin: User
    verifier: User
    by_email: dict[str, User]


def _moment(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=WITA)


def _copy_version(
    old: InnovationVersion, index: int, row: dict[str, Any], people: _People
) -> InnovationVersion:
    """A 2026 copy of the 2023 report, in the row's status, with its dates and its moves in 2026."""
    trial, implementation, developed = PLANS[index]
    fields = {name: getattr(old, name) for name in PROFILE_FIELDS}
    fields["developed_since"] = developed
    if trial:
        fields["trial_date"] = D(trial)
    if implementation:
        fields["implementation_date"] = D(implementation)
    status = row["status"]
    innovator = _innovator(row, people)
    version = InnovationVersion.objects.create(
        innovation=old.innovation,
        region_id=old.region_id,
        year=YEAR,
        is_current=True,
        status=status,
        revision_notes=old.revision_notes if status == Status.NEEDS_REVISION else {},
        updated_by=innovator,
        **fields,
    )
    version.other_urusan.set(old.other_urusan.all())
    TeamMember.objects.bulk_create(
        TeamMember(version=version, user=m.user, name=m.name, role=m.role, position=m.position)
        for m in old.team.all()
    )
    created = _moment(dt.date(2026, 7, 1)) + dt.timedelta(days=index)
    AuditEntry.objects.create(
        version=version,
        revision=1,
        field="created",
        new_value=f"Versi {YEAR} dari versi {old.year}",
        actor=innovator,
    )
    version.audit_entries.update(created_at=created)
    actors = {"innovator": innovator, "verifier": people.verifier, "admin": people.admin}
    start = _moment(dt.date(2026, 8, 3)) + dt.timedelta(days=index)
    steps = registry_demo.PATHS[status]
    for step, (source, target, who) in enumerate(steps):
        is_revision = target == Status.NEEDS_REVISION
        transition = Transition.objects.create(
            version=version,
            from_status=source,
            to_status=target,
            actor=actors[who],
            note=old.revision_notes.get("_note", "") if is_revision else "",
            field_notes={k: v for k, v in old.revision_notes.items() if k != "_note"} if is_revision else {},
        )
        Transition.objects.filter(pk=transition.pk).update(created_at=start + dt.timedelta(days=3 * step))
    last = start + dt.timedelta(days=3 * len(steps))
    InnovationVersion.objects.filter(pk=version.pk).update(created_at=created, updated_at=last)
    return version


def _innovator(row: dict[str, Any], people: _People) -> User:
    emails = [m for m in row.get("team", []) if isinstance(m, str)]
    return people.by_email[emails[0]] if emails else people.admin


def demo_pdf(title: str) -> bytes:
    """A one-page PDF saying it is a placeholder: the demo's evidence files carry no real document."""
    text = f"Contoh bukti dukung (data demo Lumbung): {title}".encode("latin-1", "replace")
    text = text.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    stream = b"BT /F1 12 Tf 56 780 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _pdf_evidence(answer: Answer, title: str, name: str, by: User) -> Evidence:
    """A stored PDF under its content hash; the same content is written once, however often the demo runs."""
    content = demo_pdf(title)
    evidence = Evidence(
        answer=answer,
        original_name=name,
        content_type="application/pdf",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=by,
    )
    path = f"iid/bukti/{evidence.sha256[:2]}/{evidence.sha256}-bukti.pdf"
    if not default_storage.exists(path):
        default_storage.save(path, ContentFile(content))
    evidence.file.name = path
    return evidence


def _spd(edition: Edition, region: Region, indicators: dict[str, Indicator], people: _People) -> int:
    Answer.objects.filter(edition=edition, region=region, version__isnull=True).delete()
    evidence: list[Evidence] = []
    for number, (level, kind, state) in SPD.items():
        indicator = indicators[number]
        answer = Answer.objects.create(
            edition=edition,
            indicator=indicator,
            region=region,
            level=level,
            answered_by=people.admin,
            **_judgement(state, SPD_REJECTION, people.verifier),
        )
        if kind == "pdf":
            name = f"spd-{number}-{indicator.name.lower().replace(' ', '-')}.pdf"
            evidence.append(_pdf_evidence(answer, f"SPD {number}. {indicator.name}", name, people.admin))
        elif kind == "link":
            url = f"{EVIDENCE_BASE}/spd/indikator-{number}.pdf"
            evidence.append(Evidence(answer=answer, url=url, uploaded_by=people.admin))
    Evidence.objects.bulk_create(evidence)
    return len(SPD)


def _judgement(state: str, note: str, verifier: User) -> dict[str, Any]:
    if state == "ok":
        return {
            "verification": VerificationState.VERIFIED,
            "verified_by": verifier,
            "verified_at": VERIFIED_AT,
        }
    if state == "rejected":
        return {
            "verification": VerificationState.REJECTED,
            "verifier_note": note,
            "verified_by": verifier,
            "verified_at": VERIFIED_AT,
        }
    return {}


def _sid_level(rng: random.Random, status: str) -> int:
    """Mature reports answer higher; a few rows of any report are not fulfilled (level 0)."""
    if rng.random() < 0.06:
        return 0
    weights = (20, 45, 35) if status in APPROVED else (35, 45, 20) if status != Status.DRAFT else (60, 35, 5)
    return rng.choices((1, 2, 3), weights=weights)[0]


def _sid_state(rng: random.Random, status: str) -> tuple[bool, str]:
    """Whether the answer has evidence, and how the verifier judged it ("ok", "rejected", "open")."""
    if status == Status.DRAFT:
        return rng.random() < 0.5, "open"
    if rng.random() < 0.1:
        return False, "rejected" if rng.random() < 0.4 else "open"
    roll = rng.random()
    if status in APPROVED:
        return True, "ok" if roll < 0.8 else "rejected" if roll < 0.9 else "open"
    return True, "ok" if roll < 0.35 else "rejected" if roll < 0.5 else "open"


def _sid(
    edition: Edition, version: InnovationVersion, index: int, indicators: list[Indicator], people: _People
) -> tuple[int, int]:
    rng = random.Random(f"lumbung-iid-demo-{index}")
    innovator = _innovator(demo_data.INNOVATIONS[index], people)
    # Indicators measured on one of several bases (33 in this edition): an answer above 0 names one.
    bases = {(b.indicator_id, b.code): b for b in Basis.objects.filter(indicator__in=indicators)}
    slug = f"inovasi-{index + 1:02d}"
    answers: list[Answer] = []
    links: list[str] = []
    for indicator in indicators:
        level = _sid_level(rng, version.status)
        has_evidence, state = _sid_state(rng, version.status)
        basis = rng.choice(BASES)
        if indicator.number in MISSING.get(index, ()):
            continue
        note = rng.choice(REJECTIONS)
        if level == 0:
            has_evidence, state = False, "open"
        answers.append(
            Answer(
                edition=edition,
                indicator=indicator,
                region_id=version.region_id,
                version=version,
                level=level,
                basis=bases.get((indicator.pk, basis)) if level else None,
                answered_by=innovator,
                **_judgement(state, note, people.verifier),
            )
        )
        links.append(
            f"{EVIDENCE_BASE}/{slug}/{indicator.number}-{EVIDENCE_NAMES[indicator.number]}.pdf"
            if has_evidence
            else ""
        )
    saved = Answer.objects.bulk_create(answers)  # with their ids, on SQLite and PostgreSQL alike
    evidence = [
        Evidence(answer=answer, url=url, uploaded_by=innovator)
        for answer, url in zip(saved, links, strict=True)
        if url
    ]
    Evidence.objects.bulk_create(evidence)
    return len(answers), len(evidence)


def _people() -> _People:
    emails = [row["email"] for row in [*demo_data.FIXED_ACCOUNTS, *demo_data.PEOPLE]]
    by_email = {u.email: u for u in User.objects.filter(email__in=emails)}
    return _People(by_email["admin@parepare.demo"], by_email["verifikator@parepare.demo"], by_email)


@transaction.atomic
def load_index_demo() -> IndexDemoSummary:
    """Give the demo region its 2026 reports, answers and scores; replaces what an earlier run wrote."""
    edition = shipped_edition_ensure(YEAR)
    region = Region.objects.get(code=registry_demo.REGION_CODE)
    people = _people()
    names = [row["name"] for row in demo_data.INNOVATIONS]
    InnovationVersion.objects.filter(region=region, year=YEAR, name__in=names).delete()
    indicators = list(edition.indicators.order_by("position"))
    by_number = {i.number: i for i in indicators}
    sid_indicators = [i for i in indicators if i.aspect == Aspect.SID]
    answers = _spd(edition, region, by_number, people)
    evidence = Evidence.objects.filter(answer__region=region, answer__edition=edition).count()
    for index, row in enumerate(demo_data.INNOVATIONS):
        old = (
            InnovationVersion.objects.filter(region=region, name=row["name"], year=row["year"])
            .select_related("innovation")
            .get()
        )
        InnovationVersion.objects.filter(innovation=old.innovation).update(is_current=False)
        version = _copy_version(old, index, row, people)
        saved, attached = _sid(edition, version, index, sid_indicators, people)
        answers, evidence = answers + saved, evidence + attached
    # Fixed times: the demo's answers were given and judged in September and October 2026.
    Answer.objects.filter(edition=edition, region=region).update(updated_at=ANSWERED_AT)
    Evidence.objects.filter(answer__edition=edition, answer__region=region).update(created_at=ANSWERED_AT)
    scores = {
        projection: projections.score_store(region=region, edition=edition, projection=projection)
        for projection in Projection.values
    }
    return IndexDemoSummary(
        versions=len(demo_data.INNOVATIONS),
        answers=answers,
        evidence=evidence,
        claimed=scores[Projection.CLAIMED],
        verified=scores[Projection.VERIFIED],
    )
