"""Enrol a lab cohort's participants from a list: each row puts a person, in their unit, into the cohort
and into their unit's team (made when the unit has none yet). New people get an account as Inovator of
their unit; no mail is sent (invitations go out from the people page)."""

from dataclasses import dataclass
from typing import ClassVar

from django.contrib.auth.hashers import make_password
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lumbung.accounts.models import Membership, Role, User
from lumbung.labs.models import Participant, Team
from lumbung.regions.models import Unit

from .base import Importer, UnitIndex
from .cells import Column, Row, RowError

COLUMNS: tuple[Column, ...] = (
    Column(
        "Email",
        "email",
        gettext_lazy("Alamat email peserta, dipakai untuk masuk."),
        required=True,
        example="peserta@dinkes.example.go.id",
    ),
    Column(
        "Nama Lengkap",
        "full_name",
        gettext_lazy("Wajib untuk orang yang belum terdaftar; nama orang yang sudah terdaftar tidak diubah."),
        required=True,
        example="Siti Rahmawati",
    ),
    Column("NIP", "nip", gettext_lazy("18 angka; format kolom sebagai teks."), example="198503122010012003"),
    Column(
        "Unit",
        "unit",
        gettext_lazy("Unit peserta (nama atau nama singkatnya); setiap unit menjadi satu tim."),
        required=True,
        example="Dinkes",
    ),
    Column(
        "Ketua Tim",
        "leader",
        gettext_lazy("“Ya” untuk ketua tim unitnya; paling banyak satu ketua per unit."),
        example="Tidak",
    ),
)


@dataclass
class Planned:
    number: int
    email: str
    full_name: str
    nip: str
    unit: Unit
    leader: bool


class ParticipantImporter(Importer):
    kind: ClassVar[str] = "participants"
    columns: ClassVar[tuple[Column, ...]] = COLUMNS

    def prepare(self) -> None:
        if self.cohort is None or self.cohort.region_id != self.region.pk:
            raise ValueError("A participants import needs a cohort of the region")
        self.units = UnitIndex.load(self.region)
        self.seen: dict[str, int] = {}
        self.leaders: dict[int, int] = {}  # unit id → the row naming its leader
        self.planned: list[Planned] = []

    def check_row(self, row: Row) -> None:
        email = row.email("email", required=True)
        full_name = row.text("full_name", 150) or ""
        nip = row.nip("nip") or ""
        unit_value = row.raw("unit")
        unit = self.units.find(row, "unit", unit_value) if unit_value is not None else None
        if unit_value is None:
            row.error("unit", _("Wajib diisi: setiap peserta ikut bersama unitnya."))
        leader = bool(row.boolean("leader"))
        if email is None or unit is None or row.errors:
            return
        if email in self.seen:
            row.error("email", _("Orang ini sudah ada di baris %(row)s.") % {"row": self.seen[email]})
            return
        self.seen[email] = row.number
        if leader:
            if unit.pk in self.leaders:
                row.error(
                    "leader",
                    _("Unit %(unit)s sudah punya ketua di baris %(row)s.")
                    % {"unit": unit.name, "row": self.leaders[unit.pk]},
                )
                return
            self.leaders[unit.pk] = row.number
        self.planned.append(Planned(row.number, email, full_name, nip, unit, leader))

    def finish(self) -> None:
        assert self.cohort is not None
        self.users = {u.email.lower(): u for u in User.objects.filter(email__in=self.seen)}
        self.enrolled = {
            p.user_id: p for p in Participant.objects.filter(cohort=self.cohort, user__in=self.users.values())
        }
        for p in self.planned:
            user = self.users.get(p.email)
            if user is None:
                if not p.full_name:
                    self.errors.append(
                        RowError(p.number, "Nama Lengkap", _("Wajib diisi untuk orang yang belum terdaftar."))
                    )
                else:
                    self.to_create += 1
                continue
            if not user.is_active:
                self.errors.append(
                    RowError(
                        p.number, "Email", _("Akun dengan email ini dinonaktifkan. Hubungi administrator.")
                    )
                )
                continue
            current = self.enrolled.get(user.pk)
            if current is not None and current.role == Participant.Role.COACH:
                self.errors.append(
                    RowError(
                        p.number,
                        "Email",
                        _("%(name)s terdaftar sebagai coach angkatan ini.") % {"name": user},
                    )
                )
            elif current is None:
                self.to_create += 1
            elif current.unit_id == p.unit.pk:
                self.unchanged += 1
            else:
                self.to_update += 1

    def _accounts(self) -> dict[str, User]:
        """Existing accounts, and new ones for people not yet registered (an unusable password)."""
        new = [
            User(email=p.email, full_name=p.full_name, nip=p.nip, password=make_password(None))
            for p in self.planned
            if p.email not in self.users
        ]
        User.objects.bulk_create(new)
        users = {**self.users, **{u.email: u for u in User.objects.filter(email__in=[n.email for n in new])}}
        Membership.objects.bulk_create(
            [
                Membership(user=users[p.email], region=self.region, unit=p.unit, role=Role.INNOVATOR)
                for p in self.planned
                if p.email not in self.users
            ]
        )
        return users

    def _teams(self) -> dict[int, Team]:
        """Each unit's team in the cohort, made for the units that have none yet."""
        assert self.cohort is not None
        teams = {t.unit_id: t for t in Team.objects.filter(cohort=self.cohort) if t.unit_id is not None}
        names = {t.name.lower() for t in Team.objects.filter(cohort=self.cohort)}
        for unit in {p.unit.pk: p.unit for p in self.planned}.values():
            if unit.pk not in teams:
                name = f"Tim {unit.name}"  # data, not interface: the same name as a team made on the page
                if name.lower() in names:
                    name = f"{name} ({unit.pk})"
                names.add(name.lower())
                teams[unit.pk] = Team.objects.create(cohort=self.cohort, name=name, unit=unit)
        return teams

    def write(self) -> None:
        assert self.cohort is not None
        users = self._accounts()
        teams = self._teams()
        for p in self.planned:
            team = teams[p.unit.pk]
            participant, _created = Participant.objects.update_or_create(
                cohort=self.cohort,
                user=users[p.email],
                defaults={"unit": p.unit, "team": team, "role": Participant.Role.PARTICIPANT},
            )
            if p.leader:
                Team.objects.filter(pk=team.pk).update(leader=participant)

    def done_message(self) -> str:
        return _(
            "Impor selesai. %(summary)s Belum ada email yang dikirim: kirim undangan dari halaman Orang."
        ) % {"summary": self.summary()}

    def next_url(self) -> str:
        assert self.cohort is not None
        return reverse("labs:team_list", args=[self.cohort.pk])

    def next_label(self) -> str:
        return _("Lihat tim angkatan")
