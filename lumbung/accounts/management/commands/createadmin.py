"""Create a system administrator (superuser), optionally also admin of one region."""

import getpass
import os
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email
from django.db import transaction

from lumbung.accounts.models import Membership, Role, User
from lumbung.regions.models import Region

PASSWORD_ENV = "LUMBUNG_ADMIN_PASSWORD"


def _messages(error: ValidationError) -> str:
    return " ".join(str(message) for message in error.messages)


class Command(BaseCommand):
    help = (
        "Membuat administrator sistem. Tanpa opsi, data ditanyakan satu per satu; dengan --no-input, "
        f"--email, --full-name dan --password (atau variabel lingkungan {PASSWORD_ENV}) wajib diisi."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", help="Email administrator (dipakai untuk masuk).")
        parser.add_argument("--full-name", dest="full_name", help="Nama lengkap administrator.")
        parser.add_argument(
            "--password", help=f"Kata sandi; lebih aman lewat variabel lingkungan {PASSWORD_ENV}."
        )
        parser.add_argument("--region", help="Kode wilayah (mis. 73.72): jadikan juga admin wilayah ini.")
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="Jangan bertanya apa pun; gagal bila ada data yang kurang.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        interactive: bool = options["interactive"]
        region = self._region(options.get("region"))
        email = self._email(options.get("email"), interactive)
        full_name = self._full_name(options.get("full_name"), interactive)
        password = options.get("password") or os.environ.get(PASSWORD_ENV, "")
        candidate = User(email=email, full_name=full_name)
        password = self._password(password, candidate, interactive)
        with transaction.atomic():
            user = User.objects.create_superuser(email, password, full_name=full_name)
            if region is not None:
                Membership.objects.create(user=user, region=region, role=Role.ADMIN)
        where = f" dan admin wilayah {region.name}" if region else ""
        self.stdout.write(self.style.SUCCESS(f"Administrator {user.email} sudah dibuat{where}."))

    def _region(self, code: str | None) -> Region | None:
        if not code:
            return None
        region = Region.objects.filter(code=code.strip()).first()
        if region is None:
            raise CommandError(f"Wilayah dengan kode {code!r} tidak ditemukan. Contoh kode: 73.72.")
        return region

    def _check_email(self, value: str) -> str:
        email = User.objects.normalize_email(value.strip()).lower()
        if not email:
            raise ValidationError("Email wajib diisi.")
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError(f"{email!r} bukan alamat email yang benar.") from None
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(f"Pengguna dengan email {email} sudah ada.")
        return email

    def _email(self, given: str | None, interactive: bool) -> str:
        if given is not None or not interactive:
            try:
                return self._check_email(given or "")
            except ValidationError as error:
                raise CommandError(_messages(error)) from None
        while True:
            try:
                return self._check_email(input("Email: "))
            except ValidationError as error:
                self.stderr.write(_messages(error))

    def _full_name(self, given: str | None, interactive: bool) -> str:
        if given is not None or not interactive:
            if not (given or "").strip():
                raise CommandError("Nama lengkap wajib diisi (--full-name).")
            return str(given).strip()
        while True:
            name = input("Nama lengkap: ").strip()
            if name:
                return name
            self.stderr.write("Nama lengkap wajib diisi.")

    def _password(self, given: str, candidate: User, interactive: bool) -> str:
        if given or not interactive:
            if not given:
                raise CommandError(
                    f"Kata sandi wajib diisi (--password atau variabel lingkungan {PASSWORD_ENV})."
                )
            try:
                validate_password(given, candidate)
            except ValidationError as error:
                raise CommandError(f"Kata sandi ditolak: {_messages(error)}") from None
            return given
        while True:
            password = getpass.getpass("Kata sandi: ")
            if password != getpass.getpass("Ulangi kata sandi: "):
                self.stderr.write("Kedua kata sandi tidak sama. Coba lagi.")
                continue
            try:
                validate_password(password, candidate)
            except ValidationError as error:
                self.stderr.write(f"Kata sandi ditolak: {_messages(error)}")
                continue
            return password
