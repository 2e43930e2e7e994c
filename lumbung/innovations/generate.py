"""A deterministic, clearly synthetic national-scale dataset for benchmarks (`lumbung generate`).

Same seed, same data: every random choice comes from one `random.Random(seed)`, drawn in a fixed order,
and every timestamp is derived from it (never from the clock).
"""

import datetime as dt
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import accumulate

from django.contrib.auth.hashers import make_password
from django.db import models, transaction
from django.db.models import Q

from lumbung.accounts.models import Membership, Role, User
from lumbung.regions.models import Region, Unit, Urusan

from .demo import PATHS
from .models import (
    AuditEntry,
    Form,
    Initiator,
    Innovation,
    InnovationVersion,
    Kind,
    Stage,
    Status,
    Theme,
    Transition,
)

Progress = Callable[[str, int, int], None]

SYNTHETIC = "Sintetis"
EMAIL_DOMAIN = "gen.lumbung.test"
PASSWORD = "lumbung-sintetis"
BATCH = 2_000
YEARS = (2021, 2022, 2023, 2024, 2025)
EPOCH = dt.datetime(2021, 1, 4, 1, 0, tzinfo=dt.UTC)
# Kemendagri numbering: kabupaten 01-70, kota 71-99 within a province.
KABUPATEN_CODES, KOTA_CODES = range(1, 71), range(71, 100)

U = Unit.Kind
# (name, short name, kind, urusan the unit's innovations usually serve, weight for how many it registers)
CORE_UNITS = [
    ("Sekretariat Daerah", "Setda", U.SEKRETARIAT_DAERAH, "Sekretariat/Tata Kelola", 1.0),
    ("Sekretariat DPRD", "Setwan", U.SEKRETARIAT_DPRD, "Sekretariat/Tata Kelola", 0.4),
    ("Inspektorat Daerah", "Inspektorat", U.INSPEKTORAT, "Pengawasan", 0.8),
    ("Badan Perencanaan Pembangunan Daerah", "Bappeda", U.BADAN, "Perencanaan", 1.5),
    ("Dinas Kesehatan", "Dinkes", U.DINAS, "Kesehatan", 4.0),
    ("Dinas Pendidikan dan Kebudayaan", "Disdikbud", U.DINAS, "Pendidikan", 3.5),
    ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", U.DINAS, "Administrasi Kependudukan dan Pencatatan Sipil", 3.0),
    ("Dinas Penanaman Modal dan PTSP", "DPMPTSP", U.DINAS, "Penanaman Modal", 2.5),
]  # fmt: skip
OPTIONAL_UNITS = [
    ("Dinas Sosial", "Dinsos", U.DINAS, "Sosial", 2.0),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", U.DINAS, "Pekerjaan Umum dan Penataan Ruang", 1.5),
    ("Dinas Perhubungan", "Dishub", U.DINAS, "Perhubungan", 1.5),
    ("Dinas Komunikasi dan Informatika", "Diskominfo", U.DINAS, "Komunikasi dan Informatika", 2.5),
    ("Dinas Lingkungan Hidup", "DLH", U.DINAS, "Lingkungan Hidup", 2.0),
    ("Dinas Pertanian", "Distan", U.DINAS, "Pertanian", 2.0),
    ("Dinas Kelautan dan Perikanan", "DKP", U.DINAS, "Kelautan dan Perikanan", 1.2),
    ("Dinas Koperasi dan UKM", "Diskop UKM", U.DINAS, "Koperasi, Usaha Kecil, dan Menengah", 1.8),
    ("Dinas Perdagangan", "Disdag", U.DINAS, "Perdagangan", 1.5),
    ("Dinas Pariwisata", "Dispar", U.DINAS, "Pariwisata", 1.2),
    ("Dinas Tenaga Kerja", "Disnaker", U.DINAS, "Tenaga Kerja", 1.2),
    ("Dinas Perpustakaan dan Kearsipan", "Dispusip", U.DINAS, "Perpustakaan", 1.0),
    ("Dinas Pemuda dan Olahraga", "Dispora", U.DINAS, "Kepemudaan dan Olah Raga", 0.8),
    ("Dinas Ketahanan Pangan", "DKP Pangan", U.DINAS, "Pangan", 1.0),
    ("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "DP3A", U.DINAS, "Pemberdayaan Perempuan dan Pelindungan Anak", 1.5),
    ("Dinas Pengendalian Penduduk dan Keluarga Berencana", "DPPKB", U.DINAS, "Pengendalian Penduduk dan Keluarga Berencana", 1.2),
    ("Dinas Perumahan dan Kawasan Permukiman", "Disperkim", U.DINAS, "Perumahan Rakyat dan Kawasan Permukiman", 1.0),
    ("Satuan Polisi Pamong Praja", "Satpol PP", U.KANTOR, "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat", 0.8),
    ("Badan Kepegawaian dan Pengembangan SDM", "BKPSDM", U.BADAN, "Kepegawaian", 1.5),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", U.BADAN, "Keuangan", 1.2),
    ("Badan Pendapatan Daerah", "Bapenda", U.BADAN, "Keuangan", 1.5),
    ("Badan Penanggulangan Bencana Daerah", "BPBD", U.BADAN, "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat", 1.0),
    ("Badan Kesatuan Bangsa dan Politik", "Kesbangpol", U.BADAN, "Sekretariat/Tata Kelola", 0.5),
    ("Rumah Sakit Umum Daerah", "RSUD", U.RSUD, "Kesehatan", 2.5),
]  # fmt: skip
# Technical units hang under a core unit: (name, short name, parent's short name, urusan).
UPTD_UNITS = [
    ("UPTD Laboratorium Kesehatan Daerah", "Labkesda", "Dinkes", "Kesehatan"),
    ("UPTD Instalasi Farmasi", "IFK", "Dinkes", "Kesehatan"),
    ("UPTD Pelayanan Perizinan Keliling", "Perizinan Keliling", "DPMPTSP", "Penanaman Modal"),
    ("UPTD Pusat Data Kependudukan", "Pusdatduk", "Disdukcapil", "Administrasi Kependudukan dan Pencatatan Sipil"),
    ("UPTD Sanggar Kegiatan Belajar", "SKB", "Disdikbud", "Pendidikan"),
]  # fmt: skip
PLACE_HEADS = "Sumber Tanjung Batu Suka Mekar Karang Sido Pasir Bukit Lubuk Tanah Rawa Teluk Padang Sungai Muara Koto Bumi Lembah Pulau".split()  # noqa: E501
PLACE_TAILS = "Jaya Makmur Baru Indah Raya Sari Mulya Rejo Asri Harapan Damai Permai Utama Lestari Subur Agung Timur Barat Selatan Utara".split()  # noqa: E501
FIRST_NAMES = "Andi Budi Siti Dewi Agus Rina Made Nyoman Ahmad Nur Yohanes Maria Putu Rahmat Fitri Hendra Wahyu Ayu Fajar Yusuf Ketut Lina Rudi Sri Intan Bayu Eko Ratna Joko Meiliana".split()  # noqa: E501
LAST_NAMES = "Santoso Wijaya Pratama Hidayat Saputra Lestari Nugroho Siregar Nasution Simanjuntak Rahman Hasan Manuputty Wenda Kambu Sinaga Halim Tanjung Daeng Pattiasina Mahendra Kurniawan Setiawan Lubis Harahap".split()  # noqa: E501
ACRONYMS = "SIGAP SIPANDAI GERCEP SEHATI LAKSANA SAHABAT PINTAR BERSINAR TEPAT CERDAS SIMPEL JEMARI SAKTI MANTAP PRIMA SIAP GEMILANG".split()  # noqa: E501
PROGRAMS = [
    "Layanan",
    "Gerakan",
    "Sistem Informasi",
    "Aplikasi",
    "Klinik",
    "Pojok",
    "Rumah",
    "Kampung",
    "Gerai",
    "Jemput Bola",
    "Posko",
    "Dapur",
    "Bank",
    "Kartu",
    "Sekolah",
]  # noqa: E501
OBJECTS = [
    "Akta Kelahiran",
    "Stunting",
    "Posyandu",
    "Imunisasi",
    "Perizinan Usaha",
    "Sampah Plastik",
    "Air Bersih",
    "Beasiswa",
    "Pajak Daerah",
    "UMKM",
    "Ibu Hamil",
    "Lansia",
    "Disabilitas",
    "Pengaduan Warga",
    "Kartu Identitas Anak",
    "Irigasi",
    "Pupuk",
    "Nelayan",
    "Rumah Tidak Layak Huni",
    "Literasi",
    "Tuberkulosis",
    "Demam Berdarah",
    "Arsip Digital",
    "Kepegawaian",
    "Dana Desa",
    "Pasar Rakyat",
    "Ternak",
    "Wisata Desa",
    "Kebencanaan",
    "Gizi Anak",
    "Jalan Lingkungan",
    "Retribusi",
    "Kesehatan Jiwa",
    "Persalinan",
    "Putus Sekolah",
    "Pangan Lokal",
    "Bank Sampah",
    "Transportasi Sekolah",
    "Angkutan Desa",
    "Penerangan Jalan",
]  # noqa: E501
QUALIFIERS = [
    "Berbasis Kelurahan",
    "Terpadu",
    "Keliling",
    "Digital",
    "Satu Pintu",
    "Ramah Anak",
    "Tanpa Antre",
    "Berbasis Masyarakat",
    "Terintegrasi",
    "Daring",
    "di Tengah Warga",
    "Cepat dan Tepat",
    "",
    "",
]  # noqa: E501
WORDS = """layanan masyarakat warga inovasi daerah pemerintah kelurahan kecamatan desa puskesmas sekolah data digital
aplikasi pelayanan publik petugas kader posyandu anak ibu lansia keluarga kesehatan pendidikan administrasi dokumen
akta kartu izin usaha pasar pedagang petani nelayan air bersih sampah lingkungan jalan irigasi anggaran laporan
evaluasi pemantauan koordinasi kolaborasi mitra swasta universitas komunitas relawan tim unit dinas badan kepala
bidang staf rapat forum musyawarah perencanaan pelaksanaan tahapan penerapan hasil manfaat tujuan sasaran indikator
target capaian waktu biaya jarak antrean formulir persyaratan verifikasi pengaduan tindak lanjut respon terpadu
sederhana mudah murah dekat tepat akurat transparan akuntabel partisipatif berkelanjutan meningkatkan mempercepat
memudahkan mengurangi menurunkan memperluas memperkuat mendorong memastikan melibatkan menyediakan mengembangkan
mencatat memantau mengolah menyampaikan melayani menjangkau sebelum sesudah sejak selama setiap seluruh sebagian
banyak baru lama awal akhir tahun bulan minggu hari berbasis melalui dengan untuk bagi oleh pada dalam dari ke di dan
atau serta yang tidak belum sudah masih lebih kurang""".split()

STATUS_WEIGHTS = {
    Status.DRAFT: 20, Status.SUBMITTED: 10, Status.IN_VALIDATION: 8, Status.NEEDS_REVISION: 7,
    Status.APPROVED: 25, Status.READY: 10, Status.SENT: 20,
}  # fmt: skip
STAGE_WEIGHTS = {Stage.INITIATIVE: 25, Stage.TRIAL: 30, Stage.IMPLEMENTATION: 45}
INITIATOR_WEIGHTS = {
    Initiator.HEAD_OF_REGION: 10, Initiator.COUNCIL_MEMBER: 3, Initiator.UNIT: 50,
    Initiator.CIVIL_SERVANT: 30, Initiator.CITIZEN: 7,
}  # fmt: skip
FORM_WEIGHTS = {Form.GOVERNANCE: 30, Form.PUBLIC_SERVICE: 60, Form.OTHER: 10}
EDITED_FIELDS = ("goals", "benefits", "results", "budget", "stage", "video_url")


@dataclass(frozen=True)
class GenerateSummary:
    regions: int
    units: int
    users: int
    innovations: int
    versions: int
    transitions: int
    audit_entries: int


@dataclass
class _UnitSpec:
    name: str
    short_name: str
    kind: str
    urusan: str
    weight: float
    parent: str = ""  # the parent's short name


@dataclass
class _Place:
    """A generated region and the people and units its innovations are drawn from."""

    region: Region
    units: list[Unit] = field(default_factory=list)
    urusan: list[str] = field(default_factory=list)
    cum_weights: list[float] = field(default_factory=list)
    people: dict[str, User] = field(default_factory=dict)
    innovators: dict[str, User] = field(default_factory=dict)  # by unit short name


class GeneratedDataExists(Exception):
    pass


def synthetic_regions_q() -> Q:
    return Q(name__startswith=f"Kabupaten {SYNTHETIC} ") | Q(name__startswith=f"Kota {SYNTHETIC} ")


def has_generated_data() -> bool:
    return (
        Region.objects.filter(synthetic_regions_q()).exists()
        or User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").exists()
    )


def delete_generated_data() -> None:
    """Delete the synthetic regions with everything in them, and the synthetic accounts."""
    regions = Region.objects.filter(synthetic_regions_q())
    innovations = Innovation.objects.filter(region__in=regions)
    versions = InnovationVersion.objects.filter(innovation__in=innovations)
    with transaction.atomic():
        # Leaves first, each as one DELETE: the cascade collector would load every row into memory.
        for leaf in (Transition, AuditEntry, InnovationVersion.team.rel.related_model):
            leaf.objects.filter(version__in=versions).delete()
        InnovationVersion.attachments.rel.related_model.objects.filter(version__in=versions).delete()
        InnovationVersion.other_urusan.through.objects.filter(innovationversion__in=versions).delete()
        versions.delete()
        innovations.delete()
        User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").delete()
        Membership.objects.filter(region__in=regions).delete()
        # Unit.parent protects parents: children go first.
        Unit.objects.filter(region__in=regions, parent__isnull=False).delete()
        Unit.objects.filter(region__in=regions).delete()
        regions.delete()


@contextmanager
def _stored_timestamps() -> Iterator[None]:
    """Let bulk_create keep the times set here instead of stamping every row with now().

    Seeded times spread over the reported years make the list order (last changed first) and the histories
    look like years of use, and keep the dataset identical from run to run.
    """
    stamped = [
        f
        for model in (Region, Unit, Membership, Innovation, InnovationVersion, Transition, AuditEntry)
        for f in model._meta.concrete_fields
        if isinstance(f, models.DateTimeField) and (f.auto_now or f.auto_now_add)
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in stamped]
    for f in stamped:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, now, add in saved:
            f.auto_now, f.auto_now_add = now, add


def _pick(rng: random.Random, weights: dict[Status, int] | dict[Stage, int] | dict[str, int]) -> str:
    return str(rng.choices(list(weights), weights=list(weights.values()))[0])


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _unit_specs(rng: random.Random) -> list[_UnitSpec]:
    """25-40 units: the core offices, some other dinas and badan, then kecamatan, kelurahan, puskesmas, UPTD."""
    target = rng.randint(25, 40)
    places = rng.sample([f"{head} {tail}" for head in PLACE_HEADS for tail in PLACE_TAILS], 30)
    specs = [_UnitSpec(n, s, k, u, w) for n, s, k, u, w in CORE_UNITS]
    for name, short, parent, urusan in rng.sample(UPTD_UNITS, rng.randint(1, 3)):
        specs.append(_UnitSpec(name, short, U.UPTD, urusan, 1.0, parent))
    for place in places[: rng.randint(2, 4)]:
        specs.append(_UnitSpec(f"Puskesmas {place}", f"PKM {place}", U.PUSKESMAS, "Kesehatan", 2.0, "Dinkes"))
    rest = places[4:]
    for place in rest[: rng.randint(3, 6)]:
        specs.append(
            _UnitSpec(
                f"Kecamatan {place}", f"Kec. {place}", U.KECAMATAN, "Pemberdayaan Masyarakat dan Desa", 1.2
            )
        )  # noqa: E501
        for village in rng.sample(rest[10:], rng.randint(0, 2)):
            if not any(s.name == f"Kelurahan {village}" for s in specs):
                specs.append(
                    _UnitSpec(
                        f"Kelurahan {village}",
                        "",
                        U.KELURAHAN,
                        "Pemberdayaan Masyarakat dan Desa",
                        0.6,
                        f"Kec. {place}",
                    )
                )  # noqa: E501
    optional = max(0, target - len(specs))
    specs.extend(_UnitSpec(n, s, k, u, w) for n, s, k, u, w in rng.sample(OPTIONAL_UNITS, optional))
    return specs


def _regions(rng: random.Random, count: int) -> list[Region]:
    provinces = list(Region.objects.filter(kind=Region.Kind.PROVINCE).order_by("code"))
    if not provinces:
        raise ValueError("Data provinsi belum dimuat: jalankan `manage.py migrate` dahulu.")
    taken = set(Region.objects.values_list("code", flat=True))
    free: dict[tuple[str, bool], list[int]] = {
        (p.code, kota): list(KOTA_CODES if kota else KABUPATEN_CODES)
        for p in provinces
        for kota in (False, True)
    }
    regions = []
    for i in range(count):
        province = provinces[i % len(provinces)]
        wanted_kota = rng.random() < 0.18
        for kota in (wanted_kota, not wanted_kota):
            numbers = free[(province.code, kota)]
            # Codes taken by real regions (the Parepare demo's 73.72) are skipped, not overwritten.
            while numbers and f"{province.code}.{numbers[0]:02d}" in taken:
                numbers.pop(0)
            if numbers:
                break
        else:
            raise ValueError(f"Kode wilayah untuk provinsi {province.code} sudah habis.")
        code = f"{province.code}.{numbers.pop(0):02d}"
        kind = Region.Kind.KOTA if kota else Region.Kind.KABUPATEN
        name = f"{'Kota' if kota else 'Kabupaten'} {SYNTHETIC} {code}"
        regions.append(
            Region(code=code, name=name, kind=kind, parent=province, timezone=province.timezone,
                   created_at=EPOCH, updated_at=EPOCH)
        )  # fmt: skip
    return Region.objects.bulk_create(regions, batch_size=BATCH)


def _units(rng: random.Random, places: list[_Place], progress: Progress) -> int:
    pending: list[tuple[_Place, list[_UnitSpec]]] = [(place, _unit_specs(rng)) for place in places]
    total = sum(len(specs) for _place, specs in pending)
    done = 0
    # Parents first (bulk_create returns their keys), then the units that hang under them.
    for with_parent in (False, True):
        batch: list[Unit] = []
        for place, specs in pending:
            by_short = {u.short_name: u for u in place.units}
            for spec in specs:
                if bool(spec.parent) != with_parent:
                    continue
                unit = Unit(
                    region=place.region, name=spec.name, short_name=spec.short_name, kind=spec.kind,
                    parent=by_short.get(spec.parent), head_name=_person(rng), created_at=EPOCH, updated_at=EPOCH,
                )  # fmt: skip
                place.units.append(unit)
                place.urusan.append(spec.urusan)
                place.cum_weights.append(spec.weight * rng.uniform(0.5, 1.5))
                batch.append(unit)
        for start in range(0, len(batch), BATCH):
            with transaction.atomic():
                Unit.objects.bulk_create(batch[start : start + BATCH])
            done += len(batch[start : start + BATCH])
            progress("Unit", done, total)
    for place in places:
        place.cum_weights = list(accumulate(place.cum_weights))
    return total


def _users(rng: random.Random, places: list[_Place], progress: Progress) -> int:
    password = make_password(PASSWORD)  # hashed once: hashing per account would take minutes
    users: list[User] = []
    memberships: list[Membership] = []
    for place in places:
        slug = place.region.code.replace(".", "-")
        roles = [
            ("admin", Role.ADMIN, None),
            ("verifikator", Role.VERIFIER, None),
            ("pimpinan", Role.LEADER, None),
        ]
        # Innovators sit in the units that register the most, as in real regions.
        ranked = sorted(
            range(len(place.units)),
            key=lambda i: -place.cum_weights[i] + (place.cum_weights[i - 1] if i else 0),
        )  # noqa: E501
        for n, index in enumerate(sorted(ranked[: rng.randint(3, 6)]), start=1):
            roles.append((f"inovator{n}", Role.INNOVATOR, place.units[index]))
        for prefix, role, unit in roles:
            user = User(email=f"{prefix}.{slug}@{EMAIL_DOMAIN}", full_name=_person(rng), password=password,
                        date_joined=EPOCH)  # fmt: skip
            users.append(user)
            memberships.append(
                Membership(user=user, region=place.region, unit=unit, role=role, created_at=EPOCH)
            )
            if unit is None:
                place.people[str(role)] = user
            else:
                place.innovators[unit.short_name or unit.name] = user
    for start in range(0, len(users), BATCH):
        with transaction.atomic():
            User.objects.bulk_create(users[start : start + BATCH])
            Membership.objects.bulk_create(memberships[start : start + BATCH])
        progress("Pengguna", min(start + BATCH, len(users)), len(users))
    return len(users)


class _Writer:
    """Build one batch of innovations with their versions and histories, then insert it."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.urusan = {u.name: u.pk for u in Urusan.objects.order_by("position", "pk")}
        self.urusan_ids = list(self.urusan.values())
        self.themes = [(t.pk, t.first_year, t.last_year) for t in Theme.objects.order_by("position", "pk")]
        self.sentences = [self._sentence() for _ in range(3_000)]
        self.counts = {"versions": 0, "transitions": 0, "audit": 0}

    def _sentence(self) -> str:
        words = self.rng.choices(WORDS, k=self.rng.randint(8, 16))
        return " ".join([words[0].capitalize(), *words[1:]]) + "."

    def _text(self, words: int) -> str:
        """About `words` words (never fewer) in paragraphs of five sentences."""
        sentences: list[str] = []
        count = 0
        while count < words:
            sentence = self.rng.choice(self.sentences)
            sentences.append(sentence)
            count += sentence.count(" ") + 1
        return "\n\n".join(" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5))

    def _name(self) -> str:
        rng = self.rng
        title = f"{rng.choice(PROGRAMS)} {rng.choice(OBJECTS)} {rng.choice(QUALIFIERS)}".strip()
        return f"{rng.choice(ACRONYMS)}: {title}" if rng.random() < 0.5 else title

    def batch(self, places: list[_Place], count: int) -> None:
        rng = self.rng
        innovations: list[Innovation] = []
        versions: list[InnovationVersion] = []
        histories: list[Transition | AuditEntry] = []
        other_urusan: list[tuple[InnovationVersion, int]] = []
        for place in rng.choices(places, cum_weights=CUM_REGION_WEIGHTS[id(places)], k=count):
            index = rng.choices(range(len(place.units)), cum_weights=place.cum_weights)[0]
            unit = place.units[index]
            creator = place.innovators.get(unit.short_name or unit.name, place.people[Role.ADMIN])
            year = rng.choices(YEARS, weights=(14, 17, 20, 23, 26))[0]
            # About 15% were reported the year before too, so only the newest is current.
            years = [year - 1, year] if year > YEARS[0] and rng.random() < 0.17 else [year]
            start = EPOCH.replace(year=years[0]) + dt.timedelta(
                days=rng.randint(10, 200), minutes=rng.randint(0, 600)
            )
            innovation = Innovation(region=place.region, unit=unit, created_by=creator, created_at=start)
            name = self._name()
            main = self.urusan.get(place.urusan[index]) if rng.random() < 0.7 else None
            main = main or rng.choice(self.urusan_ids)
            design = self._text(rng.randint(300, 380))
            for y in years:
                current = y == years[-1]
                status = _pick(rng, STATUS_WEIGHTS) if current else Status.SENT
                when = start.replace(year=y)
                version, history = self._version(
                    innovation, y, status, current, name, main, design, place, creator, when
                )  # noqa: E501
                versions.append(version)
                histories.extend(history)
                if rng.random() < 0.2:
                    others = rng.sample([u for u in self.urusan_ids if u != main], rng.randint(1, 2))
                    other_urusan.extend((version, u) for u in others)
            innovation.updated_at = versions[-1].updated_at
            innovations.append(innovation)
        with transaction.atomic():
            Innovation.objects.bulk_create(innovations, batch_size=BATCH)
            InnovationVersion.objects.bulk_create(versions, batch_size=BATCH)
            Transition.objects.bulk_create(
                [h for h in histories if isinstance(h, Transition)], batch_size=BATCH
            )
            AuditEntry.objects.bulk_create(
                [h for h in histories if isinstance(h, AuditEntry)], batch_size=BATCH
            )
            through = InnovationVersion.other_urusan.through
            through.objects.bulk_create(
                [through(innovationversion_id=v.pk, urusan_id=u) for v, u in other_urusan], batch_size=BATCH
            )
        self.counts["versions"] += len(versions)
        self.counts["transitions"] += sum(isinstance(h, Transition) for h in histories)
        self.counts["audit"] += sum(isinstance(h, AuditEntry) for h in histories)

    def _version(
        self, innovation: Innovation, year: int, status: str, current: bool, name: str, main: int, design: str,
        place: _Place, creator: User, when: dt.datetime,
    ) -> tuple[InnovationVersion, list[Transition | AuditEntry]]:  # fmt: skip
        rng = self.rng
        stage = _pick(rng, STAGE_WEIGHTS)
        trial = implementation = None
        if stage != Stage.INITIATIVE:
            trial = dt.date(year - 1, rng.randint(1, 12), rng.randint(1, 28))
        if stage == Stage.IMPLEMENTATION and trial:
            implementation = trial + dt.timedelta(days=rng.randint(60, 300))
        themes = [pk for pk, first, last in self.themes if first <= year and (last is None or last >= year)]
        actors = {
            "innovator": creator,
            "verifier": place.people[Role.VERIFIER],
            "admin": place.people[Role.ADMIN],
        }
        history: list[Transition | AuditEntry] = []
        version = InnovationVersion(
            innovation=innovation, year=year, is_current=current, status=status, name=name, stage=stage,
            initiator=_pick(rng, INITIATOR_WEIGHTS), kind=Kind.DIGITAL if rng.random() < 0.45 else Kind.NON_DIGITAL,
            form=_pick(rng, FORM_WEIGHTS), theme_id=rng.choice(themes) if themes and rng.random() < 0.8 else None,
            main_urusan_id=main, trial_date=trial, implementation_date=implementation,
            design=design if status != Status.DRAFT else design[: rng.randint(400, len(design))],
            goals=self._text(20), benefits=self._text(20), results=self._text(25) if stage != Stage.INITIATIVE else "",
            latitude=Decimal(f"{rng.uniform(-10.5, 5.5):.6f}") if rng.random() < 0.5 else None,
            longitude=Decimal(f"{rng.uniform(95.5, 140.5):.6f}") if rng.random() < 0.5 else None,
            budget=rng.randrange(10, 2_000) * 1_000_000 if rng.random() < 0.7 else None,
            developed_since=self._text(30) if current and year > innovation.created_at.year else "",
            created_at=when, updated_by=creator,
        )  # fmt: skip
        version.initiator_name = creator.full_name if version.initiator != Initiator.HEAD_OF_REGION else ""
        history.append(
            AuditEntry(
                version=version, revision=1, field="created", new_value=name, actor=creator, created_at=when
            )
        )  # noqa: E501
        moment = when
        for revision, edited in enumerate(rng.sample(EDITED_FIELDS, rng.randint(0, 3)), start=2):
            moment += dt.timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 8))
            history.append(AuditEntry(version=version, revision=revision, field=edited, old_value=rng.choice(self.sentences),  # noqa: E501
                                      new_value=rng.choice(self.sentences), actor=creator, created_at=moment))  # fmt: skip
        for source, target, who in PATHS[status]:
            moment += dt.timedelta(days=rng.randint(1, 9), hours=rng.randint(0, 8))
            note, field_notes = "", {}
            if target == Status.NEEDS_REVISION:
                note = "Mohon lengkapi isian yang ditandai."
                field_notes = {
                    "design": "Uraikan kondisi sebelum dan sesudah inovasi.",
                    "results": "Sertakan data capaian.",
                }  # noqa: E501
                version.revision_notes = {"_note": note, **field_notes}
            history.append(Transition(version=version, from_status=source, to_status=target, actor=actors[who],
                                      note=note, field_notes=field_notes, created_at=moment))  # fmt: skip
            version.updated_by = actors[who]
        version.revision = len(history)
        version.updated_at = moment
        return version, history


# Cumulative region weights for the batch draws, keyed by the places list they belong to.
CUM_REGION_WEIGHTS: dict[int, list[float]] = {}


def generate_dataset(
    *, regions: int, innovations: int, seed: int, progress: Progress | None
) -> GenerateSummary:
    """Create `regions` synthetic kabupaten/kota with units, accounts and `innovations` innovations."""
    if has_generated_data():
        raise GeneratedDataExists("Basis data ini sudah berisi data sintetis.")
    report = progress or (lambda label, done, total: None)
    rng = random.Random(seed)
    with _stored_timestamps():
        with transaction.atomic():
            places = [_Place(region) for region in _regions(rng, regions)]
        report("Wilayah", len(places), regions)
        units = _units(rng, places, report)
        users = _users(rng, places, report)
        # A few regions register far more than most (a long tail), like the national index shows.
        CUM_REGION_WEIGHTS[id(places)] = list(accumulate(rng.lognormvariate(0, 0.75) for _ in places))
        writer = _Writer(rng)
        try:
            for start in range(0, innovations, BATCH):
                writer.batch(places, min(BATCH, innovations - start))
                report("Inovasi", min(start + BATCH, innovations), innovations)
        finally:
            CUM_REGION_WEIGHTS.pop(id(places), None)
    return GenerateSummary(
        regions=len(places), units=units, users=users, innovations=innovations,
        versions=writer.counts["versions"], transitions=writer.counts["transitions"],
        audit_entries=writer.counts["audit"],
    )  # fmt: skip
