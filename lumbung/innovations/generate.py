"""A deterministic, clearly synthetic national-scale dataset for benchmarks (`lumbung generate`).

Same seed, same data: every choice comes from one `random.Random(seed)`, drawn in a fixed order, and every
timestamp is derived from it rather than from the clock.
"""

import datetime as dt
import json
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import accumulate
from pathlib import Path
from typing import Any, TypeVar

from django.contrib.auth.hashers import make_password
from django.db import connection, models, transaction
from django.db.models import Q

from lumbung.accounts.models import Membership, Role, User
from lumbung.regions.models import Region, Unit, Urusan
from lumbung.regions.reference import NATION_CODE

from .demo import PATHS
from .models import (
    Attachment,
    AuditEntry,
    Form,
    Initiator,
    Innovation,
    InnovationVersion,
    Kind,
    Stage,
    Status,
    TeamMember,
    Theme,
    Transition,
)

Progress = Callable[[str, int, int], None]
T = TypeVar("T")

SYNTHETIC = "Sintetis"
EMAIL_DOMAIN = "gen.lumbung.test"
PASSWORD = "lumbung-sintetis"
BATCH = 2_000
YEARS = (2021, 2022, 2023, 2024, 2025)
YEAR_WEIGHTS = (14, 17, 20, 23, 26)
EPOCH = dt.datetime(2021, 1, 4, 1, 0, tzinfo=dt.UTC)
# Kemendagri numbering within a province: kabupaten 01-70, kota 71-99.
KABUPATEN_NUMBERS, KOTA_NUMBERS = range(1, 71), range(71, 100)


# Unit tables and word lists, all invented, kept as data so this module stays about the logic.
_VOCABULARY: dict[str, Any] = json.loads(
    (Path(__file__).parent / "data" / "synthetic.json").read_text("utf-8")
)
# Units as (name, short name, kind, the urusan its innovations usually serve, how much it registers);
# UPTD as (name, short name, the parent's short name, urusan).
CORE_UNITS: list[list[Any]] = _VOCABULARY["core_units"]
OPTIONAL_UNITS: list[list[Any]] = _VOCABULARY["optional_units"]
UPTD_UNITS: list[list[str]] = _VOCABULARY["uptd_units"]
PLACE_NAMES = [f"{head} {tail}" for head in _VOCABULARY["place_heads"] for tail in _VOCABULARY["place_tails"]]
FIRST_NAMES: list[str] = _VOCABULARY["first_names"]
LAST_NAMES: list[str] = _VOCABULARY["last_names"]
ACRONYMS: list[str] = _VOCABULARY["acronyms"]
PROGRAMS: list[str] = _VOCABULARY["programs"]
OBJECTS: list[str] = _VOCABULARY["objects"]
QUALIFIERS: list[str] = _VOCABULARY["qualifiers"]  # some empty: not every name has one
WORDS: list[str] = _VOCABULARY["words"]

STATUS_WEIGHTS = {
    Status.DRAFT: 20,
    Status.SUBMITTED: 10,
    Status.IN_VALIDATION: 8,
    Status.NEEDS_REVISION: 7,
    Status.APPROVED: 25,
    Status.READY: 10,
    Status.SENT: 20,
}
STAGE_WEIGHTS = {Stage.INITIATIVE: 25, Stage.TRIAL: 30, Stage.IMPLEMENTATION: 45}
INITIATOR_WEIGHTS = {
    Initiator.HEAD_OF_REGION: 10,
    Initiator.COUNCIL_MEMBER: 3,
    Initiator.UNIT: 50,
    Initiator.CIVIL_SERVANT: 30,
    Initiator.CITIZEN: 7,
}
FORM_WEIGHTS = {Form.GOVERNANCE: 30, Form.PUBLIC_SERVICE: 60, Form.OTHER: 10}
EDITED_FIELDS = ("goals", "benefits", "results", "budget", "stage", "video_url")
VILLAGE_URUSAN = "Pemberdayaan Masyarakat dan Desa"
REVISION_NOTE = "Mohon lengkapi isian yang ditandai."
REVISION_NOTES = {
    "design": "Uraikan kondisi sebelum dan sesudah inovasi.",
    "results": "Sertakan data capaian.",
}


@dataclass(frozen=True)
class GenerateSummary:
    regions: int
    units: int
    users: int
    innovations: int
    versions: int
    transitions: int
    audit_entries: int


@dataclass(frozen=True)
class _UnitSpec:
    name: str
    short_name: str
    kind: str
    urusan: str
    weight: float
    parent: str = ""  # the parent's short name


@dataclass
class _Place:
    """A generated region with the units and people its innovations are drawn from."""

    region: Region
    units: list[Unit] = field(default_factory=list)
    urusan: list[str] = field(default_factory=list)  # per unit
    weights: list[float] = field(default_factory=list)  # per unit
    people: dict[str, User] = field(default_factory=dict)  # by region-wide role
    innovators: dict[int, User] = field(default_factory=dict)  # by unit index


@dataclass(frozen=True)
class _Profile:
    """What every year's version of one innovation shares."""

    name: str
    main_urusan: int
    design: str


class GenerateError(Exception):
    """The dataset cannot be generated here; the message says why, in Indonesian."""


def synthetic_regions_q() -> Q:
    return Q(name__startswith=f"Kabupaten {SYNTHETIC} ") | Q(name__startswith=f"Kota {SYNTHETIC} ")


def has_generated_data() -> bool:
    return (
        Region.objects.filter(synthetic_regions_q()).exists()
        or User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").exists()
    )


@transaction.atomic
def delete_generated_data() -> None:
    """Delete the synthetic regions with everything in them, and the synthetic accounts."""
    regions = Region.objects.filter(synthetic_regions_q())
    innovations = Innovation.objects.filter(region__in=regions)
    versions = InnovationVersion.objects.filter(innovation__in=innovations)
    # Leaves first, each as one DELETE: cascading from the top would load every row into memory.
    Transition.objects.filter(version__in=versions).delete()
    AuditEntry.objects.filter(version__in=versions).delete()
    TeamMember.objects.filter(version__in=versions).delete()
    Attachment.objects.filter(version__in=versions).delete()
    InnovationVersion.other_urusan.through.objects.filter(innovationversion__in=versions).delete()
    # Only the keys: the collector would otherwise load every rancang bangun just to delete it.
    versions.only("pk").delete()
    innovations.only("pk").delete()
    Membership.objects.filter(region__in=regions).delete()
    User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").delete()
    # Unit.parent protects the parent: children go first.
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


def _pick(rng: random.Random, weights: dict[T, int]) -> T:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _unit_specs(rng: random.Random) -> list[_UnitSpec]:
    """25-40 units: the core offices, UPTD, puskesmas, kecamatan and kelurahan, then more dinas and badan."""
    target = rng.randint(25, 40)
    places = rng.sample(PLACE_NAMES, 24)
    specs = [_UnitSpec(name, short, kind, urusan, float(w)) for name, short, kind, urusan, w in CORE_UNITS]
    for name, short, parent, urusan in rng.sample(UPTD_UNITS, rng.randint(1, 3)):
        specs.append(_UnitSpec(name, short, Unit.Kind.UPTD, urusan, 1.0, parent))
    for place in places[: rng.randint(2, 4)]:
        specs.append(
            _UnitSpec(f"Puskesmas {place}", f"PKM {place}", Unit.Kind.PUSKESMAS, "Kesehatan", 2.0, "Dinkes")
        )
    villages = iter(places[10:])
    for place in places[4 : 4 + rng.randint(3, 6)]:
        kecamatan = _UnitSpec(f"Kecamatan {place}", f"Kec. {place}", Unit.Kind.KECAMATAN, VILLAGE_URUSAN, 1.2)
        specs.append(kecamatan)
        for village in [next(villages) for _ in range(rng.randint(0, 2))]:
            kelurahan = _UnitSpec(
                f"Kelurahan {village}", f"Kel. {village}", Unit.Kind.KELURAHAN, VILLAGE_URUSAN, 0.6
            )
            specs.append(replace(kelurahan, parent=kecamatan.short_name))
    extra = rng.sample(OPTIONAL_UNITS, min(len(OPTIONAL_UNITS), max(0, target - len(specs))))
    specs.extend(_UnitSpec(name, short, kind, urusan, float(w)) for name, short, kind, urusan, w in extra)
    return specs


def _regions(rng: random.Random, count: int) -> list[Region]:
    """Kabupaten and kota spread evenly over the provinces, with codes no real region holds."""
    provinces = list(Region.objects.filter(kind=Region.Kind.PROVINCE).order_by("code"))
    if not provinces:
        raise GenerateError("Data provinsi belum ada: jalankan `manage.py migrate` dahulu.")
    taken = set(Region.objects.values_list("code", flat=True))
    free = {
        (p.code, kota): [
            n for n in (KOTA_NUMBERS if kota else KABUPATEN_NUMBERS) if f"{p.code}.{n:02d}" not in taken
        ]
        for p in provinces
        for kota in (False, True)
    }
    regions = []
    for i in range(count):
        province = provinces[i % len(provinces)]
        kota = rng.random() < 0.18
        if not free[(province.code, kota)]:
            kota = not kota
        if not free[(province.code, kota)]:
            raise GenerateError(f"Kode kabupaten/kota di provinsi {province.code} sudah habis.")
        code = f"{province.code}.{free[(province.code, kota)].pop(0):02d}"
        regions.append(
            Region(
                code=code,
                name=f"{'Kota' if kota else 'Kabupaten'} {SYNTHETIC} {code}",
                kind=Region.Kind.KOTA if kota else Region.Kind.KABUPATEN,
                parent=province,
                timezone=province.timezone,
                created_at=EPOCH,
                updated_at=EPOCH,
            )
        )
    with transaction.atomic():
        return Region.objects.bulk_create(regions, batch_size=BATCH)


def _units(rng: random.Random, places: list[_Place], progress: Progress) -> int:
    plans = [(place, _unit_specs(rng)) for place in places]
    total = sum(len(specs) for _place, specs in plans)
    done = 0
    # Parents first (bulk_create gives them their keys), then the units that hang under them.
    for children in (False, True):
        batch: list[Unit] = []
        for place, specs in plans:
            by_short_name = {unit.short_name: unit for unit in place.units}
            for spec in specs:
                if bool(spec.parent) != children:
                    continue
                unit = Unit(
                    region=place.region,
                    name=spec.name,
                    short_name=spec.short_name,
                    kind=spec.kind,
                    parent=by_short_name.get(spec.parent),
                    head_name=_person(rng),
                    created_at=EPOCH,
                    updated_at=EPOCH,
                )
                place.units.append(unit)
                place.urusan.append(spec.urusan)
                place.weights.append(spec.weight * rng.uniform(0.5, 1.5))
                batch.append(unit)
        for start in range(0, len(batch), BATCH):
            chunk = batch[start : start + BATCH]
            with transaction.atomic():
                Unit.objects.bulk_create(chunk)
            done += len(chunk)
            progress("Unit", done, total)
    return total


def _users(rng: random.Random, places: list[_Place], progress: Progress) -> int:
    """An admin, a verifier and a leader per region, innovators in the units that register the most, and a
    national observer."""
    password = make_password(PASSWORD)  # hashed once: hashing per account would take minutes
    users: list[User] = []
    memberships: list[Membership] = []
    for place in places:
        slug = place.region.code.replace(".", "-")
        roles: list[tuple[str, Role, int | None]] = [
            ("admin", Role.ADMIN, None),
            ("verifikator", Role.VERIFIER, None),
            ("pimpinan", Role.LEADER, None),
        ]
        busiest = sorted(range(len(place.units)), key=lambda i: -place.weights[i])
        roles += [
            (f"inovator{n}", Role.INNOVATOR, i) for n, i in enumerate(busiest[: rng.randint(3, 6)], start=1)
        ]
        for prefix, role, unit_index in roles:
            user = User(
                email=f"{prefix}.{slug}@{EMAIL_DOMAIN}",
                full_name=_person(rng),
                password=password,
                date_joined=EPOCH,
            )
            unit = None if unit_index is None else place.units[unit_index]
            users.append(user)
            memberships.append(
                Membership(user=user, region=place.region, unit=unit, role=role, created_at=EPOCH)
            )
            if unit_index is None:
                place.people[role] = user
            else:
                place.innovators[unit_index] = user
    # One national observer (as at Kemendagri): the account that reads every region at once.
    nation = Region.objects.get(code=NATION_CODE)
    observer = User(
        email=f"pengamat.nasional@{EMAIL_DOMAIN}",
        full_name=_person(rng),
        password=password,
        date_joined=EPOCH,
    )
    users.append(observer)
    memberships.append(Membership(user=observer, region=nation, role=Role.OBSERVER, created_at=EPOCH))
    for start in range(0, len(users), BATCH):
        with transaction.atomic():
            User.objects.bulk_create(users[start : start + BATCH])
            Membership.objects.bulk_create(memberships[start : start + BATCH])
        progress("Pengguna", min(start + BATCH, len(users)), len(users))
    return len(users)


class _InnovationWriter:
    """Builds innovations with their versions and histories, one batch at a time, and inserts them."""

    def __init__(self, rng: random.Random, places: list[_Place]) -> None:
        self.rng = rng
        self.places = places
        # A few regions register far more than most (a long tail), as in the national index.
        self.region_weights = list(accumulate(rng.lognormvariate(0, 0.75) for _ in places))
        self.unit_weights = [list(accumulate(place.weights)) for place in places]
        self.urusan = {u.name: u.pk for u in Urusan.objects.order_by("position", "pk")}
        self.urusan_ids = list(self.urusan.values())
        self.themes = [(t.pk, t.first_year, t.last_year) for t in Theme.objects.order_by("position", "pk")]
        # Texts are assembled from a pool of sentences: drawing 300 words one by one for 100,000 versions
        # would dominate the run time.
        self.sentences = [self._sentence() for _ in range(3_000)]
        self.counts = {"versions": 0, "transitions": 0, "audit_entries": 0}
        self.transitions: list[Transition] = []
        self.audit: list[AuditEntry] = []

    def _sentence(self) -> str:
        words = self.rng.choices(WORDS, k=self.rng.randint(8, 16))
        return " ".join([words[0].capitalize(), *words[1:]]) + "."

    def _text(self, words: int) -> str:
        """At least `words` words, in paragraphs of five sentences."""
        sentences: list[str] = []
        count = 0
        while count < words:
            sentences.append(self.rng.choice(self.sentences))
            count += sentences[-1].count(" ") + 1
        return "\n\n".join(" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5))

    def _name(self) -> str:
        rng = self.rng
        title = f"{rng.choice(PROGRAMS)} {rng.choice(OBJECTS)} {rng.choice(QUALIFIERS)}".strip()
        return f"{rng.choice(ACRONYMS)}: {title}" if rng.random() < 0.5 else title

    def write(self, count: int) -> None:
        rng = self.rng
        innovations: list[Innovation] = []
        versions: list[InnovationVersion] = []
        other_urusan: list[tuple[InnovationVersion, int]] = []
        self.transitions, self.audit = [], []
        for p in rng.choices(range(len(self.places)), cum_weights=self.region_weights, k=count):
            place = self.places[p]
            u = rng.choices(range(len(place.units)), cum_weights=self.unit_weights[p])[0]
            creator = place.innovators.get(u, place.people[Role.ADMIN])
            year = rng.choices(YEARS, weights=YEAR_WEIGHTS)[0]
            # Reported the year before too (17% of those after the first year, about 15% in all): only the
            # newest version is current.
            years = [year - 1, year] if year > YEARS[0] and rng.random() < 0.17 else [year]
            start = EPOCH.replace(year=years[0]) + dt.timedelta(
                days=rng.randint(10, 200), minutes=rng.randint(0, 900)
            )
            innovation = Innovation(
                region=place.region, unit=place.units[u], created_by=creator, created_at=start
            )
            main = self.urusan.get(place.urusan[u]) if rng.random() < 0.7 else None
            profile = _Profile(
                self._name(), main or rng.choice(self.urusan_ids), self._text(rng.randint(300, 380))
            )
            for y in years:
                status = _pick(rng, STATUS_WEIGHTS) if y == year else Status.SENT
                version = self._version(
                    innovation, profile, y, status, current=y == year, follow_up=y > years[0]
                )
                self._history(version, place, creator, when=start + dt.timedelta(days=365 * (y - years[0])))
                versions.append(version)
                if rng.random() < 0.2:
                    others = [pk for pk in self.urusan_ids if pk != profile.main_urusan]
                    other_urusan += [(version, pk) for pk in rng.sample(others, rng.randint(1, 2))]
            innovation.updated_at = versions[-1].updated_at
            innovations.append(innovation)
        through = InnovationVersion.other_urusan.through
        with transaction.atomic():
            Innovation.objects.bulk_create(innovations, batch_size=BATCH)
            InnovationVersion.objects.bulk_create(versions, batch_size=BATCH)
            Transition.objects.bulk_create(self.transitions, batch_size=BATCH)
            AuditEntry.objects.bulk_create(self.audit, batch_size=BATCH)
            links = [through(innovationversion_id=v.pk, urusan_id=pk) for v, pk in other_urusan]
            through.objects.bulk_create(links, batch_size=BATCH)
        self.counts["versions"] += len(versions)
        self.counts["transitions"] += len(self.transitions)
        self.counts["audit_entries"] += len(self.audit)

    def _version(
        self,
        innovation: Innovation,
        profile: _Profile,
        year: int,
        status: Status,
        *,
        current: bool,
        follow_up: bool,
    ) -> InnovationVersion:
        rng = self.rng
        stage = _pick(rng, STAGE_WEIGHTS)
        trial = (
            dt.date(year - 1, rng.randint(1, 12), rng.randint(1, 28)) if stage != Stage.INITIATIVE else None
        )
        implemented = (
            trial + dt.timedelta(days=rng.randint(60, 300))
            if trial and stage == Stage.IMPLEMENTATION
            else None
        )
        themes = [pk for pk, first, last in self.themes if first <= year and (last is None or last >= year)]
        initiator = _pick(rng, INITIATOR_WEIGHTS)
        located = rng.random() < 0.5
        return InnovationVersion(
            innovation=innovation,
            region_id=innovation.region_id,
            year=year,
            is_current=current,
            status=status,
            name=profile.name,
            stage=stage,
            initiator=initiator,
            initiator_name="" if initiator == Initiator.HEAD_OF_REGION else str(innovation.created_by),
            kind=Kind.DIGITAL if rng.random() < 0.45 else Kind.NON_DIGITAL,
            form=_pick(rng, FORM_WEIGHTS),
            theme_id=rng.choice(themes) if themes and rng.random() < 0.8 else None,
            main_urusan_id=profile.main_urusan,
            trial_date=trial,
            implementation_date=implemented,
            # A draft's rancang bangun is often still short of the 300 words a submission needs.
            design=self._text(rng.randint(120, 380)) if status == Status.DRAFT else profile.design,
            goals=self._text(20),
            benefits=self._text(20),
            results=self._text(25) if stage != Stage.INITIATIVE else "",
            latitude=Decimal(f"{rng.uniform(-10.5, 5.5):.6f}") if located else None,
            longitude=Decimal(f"{rng.uniform(95.5, 140.5):.6f}") if located else None,
            budget=rng.randrange(10, 2_000) * 1_000_000 if rng.random() < 0.7 else None,
            developed_since=self._text(30) if follow_up else "",
            revision_notes={"_note": REVISION_NOTE, **REVISION_NOTES}
            if status == Status.NEEDS_REVISION
            else {},
        )

    def _history(self, version: InnovationVersion, place: _Place, creator: User, when: dt.datetime) -> None:
        """The audit trail (created, a few edits) and the moves that brought the version to its status."""
        rng = self.rng
        edits = [
            AuditEntry(
                version=version,
                revision=1,
                field="created",
                new_value=version.name,
                actor=creator,
                created_at=when,
            )
        ]
        moment = when
        for name in rng.sample(EDITED_FIELDS, rng.randint(0, 3)):
            moment += dt.timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 8))
            old, new = rng.choice(self.sentences), rng.choice(self.sentences)
            edits.append(
                AuditEntry(
                    version=version,
                    revision=len(edits) + 1,
                    field=name,
                    old_value=old,
                    new_value=new,
                    actor=creator,
                    created_at=moment,
                )
            )
        actors = {
            "innovator": creator,
            "verifier": place.people[Role.VERIFIER],
            "admin": place.people[Role.ADMIN],
        }
        version.created_at, version.updated_by = when, creator
        moves = []
        for source, target, who in PATHS[version.status]:
            moment += dt.timedelta(days=rng.randint(1, 9), hours=rng.randint(0, 8))
            returned = target == Status.NEEDS_REVISION
            moves.append(
                Transition(
                    version=version,
                    from_status=source,
                    to_status=target,
                    actor=actors[who],
                    note=REVISION_NOTE if returned else "",
                    field_notes=REVISION_NOTES if returned else {},
                    created_at=moment,
                )
            )
            version.updated_by = actors[who]
        # Every saved edit and every move bumps the revision, as the services do.
        version.revision = len(edits) + len(moves)
        version.updated_at = moment
        self.audit += edits
        self.transitions += moves


def _refresh_statistics() -> None:
    """Give PostgreSQL's planner statistics for the bulk-loaded tables.

    Without them it plans as if the tables were nearly empty (a 100,000-row join becomes a sequential scan)
    until autovacuum gets round to them, and never where autovacuum is off.
    """
    if connection.vendor != "postgresql":
        return
    through = InnovationVersion.other_urusan.through
    loaded = (Region, Unit, User, Membership, Innovation, InnovationVersion, through, Transition, AuditEntry)
    tables = [model._meta.db_table for model in loaded]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(t) for t in tables))


def generate_dataset(
    *, regions: int, innovations: int, seed: int, progress: Progress | None
) -> GenerateSummary:
    """Create `regions` synthetic kabupaten/kota with units and accounts, and `innovations` innovations."""
    if has_generated_data():
        raise GenerateError("Basis data ini sudah berisi data sintetis.")
    report: Progress = progress or (lambda label, done, total: None)
    rng = random.Random(seed)
    with _stored_timestamps():
        places = [_Place(region) for region in _regions(rng, regions)]
        report("Wilayah", len(places), regions)
        units = _units(rng, places, report)
        users = _users(rng, places, report)
        writer = _InnovationWriter(rng, places)
        for start in range(0, innovations, BATCH):
            writer.write(min(BATCH, innovations - start))
            report("Inovasi", min(start + BATCH, innovations), innovations)
    _refresh_statistics()
    return GenerateSummary(
        regions=len(places), units=units, users=users, innovations=innovations, **writer.counts
    )
