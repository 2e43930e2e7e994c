"""Import people: a row gives someone a role in the region, creating their account when it is new.

No mail is sent: the admin sends invitations from the people page when ready.
"""

from dataclasses import dataclass
from typing import ClassVar

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lumbung.accounts.models import Membership, Role, User
from lumbung.core.validators import validate_phone
from lumbung.regions.models import Unit

from .base import Importer, UnitIndex
from .cells import Column, Row, RowError, choice_labels, choice_lookup

COLUMNS: tuple[Column, ...] = (
    Column(
        "Email",
        "email",
        gettext_lazy(
            "Alamat email, dipakai untuk masuk. Email yang sudah terdaftar mendapat peran baru; nama "
            "dan NIP-nya tidak diubah."
        ),
        required=True,
        example="inovator@dinkes.example.go.id",
    ),
    Column(
        "Nama Lengkap",
        "full_name",
        gettext_lazy("Wajib untuk orang baru, paling banyak 150 karakter."),
        required=True,
        example="Siti Rahmawati",
    ),
    Column(
        "NIP",
        "nip",
        gettext_lazy("18 angka; spasi boleh. Format kolom sebagai teks agar digitnya tidak rusak."),
        example="198503122010012003",
    ),
    Column(
        "Telepon",
        "phone",
        gettext_lazy("Angka, spasi, atau tanda hubung, boleh diawali +."),
        example="0812-3456-7890",
    ),
    Column(
        "Peran",
        "role",
        gettext_lazy("Peran di wilayah ini."),
        required=True,
        example="Inovator",
        allowed=lambda: choice_labels(Role),
    ),
    Column(
        "Unit",
        "unit",
        gettext_lazy("Nama unit atau nama singkatnya; wajib untuk Inovator."),
        example="Dinkes",
    ),
)


@dataclass
class Planned:
    number: int
    email: str
    full_name: str
    nip: str
    phone: str
    role: str
    unit: Unit | None


class PeopleImporter(Importer):
    kind: ClassVar[str] = "people"
    columns: ClassVar[tuple[Column, ...]] = COLUMNS

    def prepare(self) -> None:
        self.units = UnitIndex.load(self.region)
        self.roles = (choice_lookup(Role), choice_labels(Role))
        self.seen: dict[tuple[str, str, int | None], int] = {}
        self.planned: list[Planned] = []

    def check_row(self, row: Row) -> None:
        email = row.email("email", required=True)
        full_name = row.text("full_name", 150) or ""
        nip = row.nip("nip") or ""
        phone = row.text("phone", 20) or ""
        if phone:
            try:
                validate_phone(phone)
            except ValidationError as error:
                row.error("phone", " ".join(error.messages))
        role = row.choice("role", *self.roles, required=True)
        unit_value = row.raw("unit")
        unit = self.units.find(row, "unit", unit_value) if unit_value is not None else None
        if role == Role.INNOVATOR and unit_value is None:
            row.error("unit", _("Pilih unit: seorang Inovator selalu bekerja di satu unit."))
        if email is None or role is None or row.errors:
            return
        key = (email, role, unit.pk if unit else None)
        if key in self.seen:
            row.error("email", _("Orang dan peran ini sudah ada di baris %(row)s.") % {"row": self.seen[key]})
            return
        self.seen[key] = row.number
        self.planned.append(Planned(row.number, email, full_name, nip, phone, role, unit))

    def finish(self) -> None:
        emails = {p.email for p in self.planned}
        self.users = {u.email.lower(): u for u in User.objects.filter(email__in=emails)}
        memberships = {
            (m.user_id, m.role, m.unit_id): m.is_active
            for m in Membership.objects.filter(region=self.region, user__in=self.users.values())
        }
        new_users: set[str] = set()
        for p in self.planned:
            user = self.users.get(p.email)
            if user is None:
                if not p.full_name:
                    self.errors.append(
                        RowError(p.number, "Nama Lengkap", _("Wajib diisi untuk orang yang belum terdaftar."))
                    )
                    continue
                self.to_create += p.email not in new_users
                self.to_update += p.email in new_users
                new_users.add(p.email)
                continue
            if not user.is_active:
                self.errors.append(
                    RowError(
                        p.number,
                        "Email",
                        _("Akun dengan email ini dinonaktifkan oleh administrator sistem. Hubungi mereka."),
                    )
                )
                continue
            active = memberships.get((user.pk, p.role, p.unit.pk if p.unit else None))
            if active is None:
                self.to_update += 1
            elif active:
                self.unchanged += 1
            else:
                self.errors.append(
                    RowError(
                        p.number,
                        "Peran",
                        _(
                            "%(name)s sudah memiliki peran %(role)s di wilayah ini, tetapi sedang nonaktif. "
                            "Aktifkan kembali dari halaman detailnya."
                        )
                        % {"name": user, "role": Role(p.role).label},
                    )
                )
        self.existing = set(memberships)

    def write(self) -> None:
        new: dict[str, User] = {}
        for p in self.planned:
            if p.email not in self.users and p.email not in new:
                # An unusable password: the person sets their own through an invitation link.
                new[p.email] = User(
                    email=p.email,
                    full_name=p.full_name,
                    nip=p.nip,
                    phone=p.phone,
                    password=make_password(None),
                )
        User.objects.bulk_create(new.values(), batch_size=1000)
        users = {**self.users, **{u.email: u for u in User.objects.filter(email__in=new.keys())}}
        memberships = []
        for p in self.planned:
            user = users[p.email]
            if (user.pk, p.role, p.unit.pk if p.unit else None) not in self.existing:
                memberships.append(Membership(user=user, region=self.region, unit=p.unit, role=p.role))
        Membership.objects.bulk_create(memberships, batch_size=1000)

    def done_message(self) -> str:
        return _(
            "Impor selesai. %(summary)s Belum ada email yang dikirim: kirim undangan dari halaman Orang."
        ) % {"summary": self.summary()}

    def next_url(self) -> str:
        return reverse("accounts:people", args=[self.region.code])

    def next_label(self) -> str:
        return _("Lihat daftar orang")
