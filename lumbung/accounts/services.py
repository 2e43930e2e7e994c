"""Writes on people: invitations, memberships, activation in a region, one's own profile."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from lumbung.core.validators import validate_phone
from lumbung.jobs import queue
from lumbung.jobs.mail import queue_email
from lumbung.regions.models import Region, Unit

from .access import forget_memberships, is_region_admin
from .models import Membership, Role, User


def _check_admin(actor: User, region: Region) -> None:
    if not is_region_admin(actor, region):
        raise PermissionDenied


def _check_role_and_unit(region: Region, role: str, unit: Unit | None) -> None:
    if role not in Role.values:
        raise ValidationError({"role": _("Peran tidak dikenal.")})
    if unit is not None and unit.region_id != region.pk:
        raise ValidationError({"unit": _("Unit tidak ditemukan di wilayah ini.")})
    if role == Role.INNOVATOR and unit is None:
        raise ValidationError({"unit": _("Pilih unit: seorang Inovator selalu bekerja di satu unit.")})


def _check_not_duplicate(user: User, region: Region, role: str, unit: Unit | None) -> None:
    existing = Membership.objects.filter(user=user, region=region, role=role, unit=unit).first()
    if existing is None:
        return
    role_label = Role(role).label
    if not existing.is_active:
        raise ValidationError(
            _(
                "%(name)s sudah memiliki peran %(role)s di wilayah ini, tetapi sedang nonaktif. "
                "Aktifkan kembali orang ini dari halaman detailnya."
            )
            % {"name": user, "role": role_label}
        )
    raise ValidationError(
        _("%(name)s sudah memiliki peran %(role)s di sini.") % {"name": user, "role": role_label}
    )


def _invitation_link(user: User, base_url: str) -> str:
    path = reverse(
        "accounts:set_password",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return base_url.rstrip("/") + path


def _send_invitation(user: User, region: Region, role: str, actor: User, base_url: str) -> None:
    """Send the invitation, or a notice of the new role to someone who already has a password."""
    with translation.override(user.language):
        context = {
            "user": user,
            "region": region,
            "role": Role(role).label,
            "actor": actor,
            "login_url": base_url.rstrip("/") + reverse("accounts:login"),
            "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 3600)),
        }
        if user.has_usable_password():
            template = "accounts/email/role_added"
        else:
            template = "accounts/email/invitation"
            context["link"] = _invitation_link(user, base_url)
        subject = "".join(render_to_string(f"{template}_subject.txt", context).splitlines())
        body = render_to_string(f"{template}.txt", context)
        # Queued in this transaction: nobody gets a link to an account a rollback removed, and a mail
        # server that is down delays the mail (the worker retries it) instead of failing the page.
        queue_email(to=user.email, subject=subject, text=body, language=user.language)
    if user.has_usable_password():
        # Someone who can sign in also finds the new role in their inbox. Enqueued by name: the
        # notifications app sits above accounts in the import order.
        queue.enqueue(
            "notifications.role_added",
            title=f"Notifikasi peran baru: {user.email}",
            args={"user_id": user.pk, "region_id": region.pk, "role": role, "actor_id": actor.pk},
        )


@transaction.atomic
def person_invite(
    *,
    actor: User,
    region: Region,
    email: str,
    full_name: str,
    nip: str,
    role: str,
    unit: Unit | None,
    request_base_url: str,
) -> User:
    """Add someone to the region with a role, creating their account if needed, and email them."""
    _check_admin(actor, region)
    _check_role_and_unit(region, role, unit)
    email = User.objects.normalize_email(email.strip()).lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(email=email, full_name=full_name.strip(), nip=nip.strip())
        user.set_unusable_password()
        user.full_clean()
        user.save()
    else:
        # An existing account (a coach serving several regions, say) keeps its own name and NIP.
        if not user.is_active:
            raise ValidationError(
                {"email": _("Akun dengan email ini dinonaktifkan oleh administrator sistem. Hubungi mereka.")}
            )
        _check_not_duplicate(user, region, role, unit)
    Membership.objects.create(user=user, region=region, unit=unit, role=role)
    _send_invitation(user, region, role, actor, request_base_url)
    return user


@transaction.atomic
def invitation_resend(*, actor: User, region: Region, user: User, request_base_url: str) -> None:
    """Send a fresh set-password link to someone who has not set a password yet."""
    _check_admin(actor, region)
    if user.has_usable_password():
        raise ValidationError(
            _("%(name)s sudah membuat kata sandi; undangan tidak perlu dikirim lagi.") % {"name": user}
        )
    membership = Membership.objects.filter(user=user, region=region).order_by("created_at").first()
    if membership is None:
        raise ValidationError(_("Orang ini tidak terdaftar di wilayah ini."))
    _send_invitation(user, region, membership.role, actor, request_base_url)


@transaction.atomic
def membership_add(*, actor: User, region: Region, user: User, role: str, unit: Unit | None) -> Membership:
    _check_admin(actor, region)
    _check_role_and_unit(region, role, unit)
    _check_not_duplicate(user, region, role, unit)
    return Membership.objects.create(user=user, region=region, unit=unit, role=role)


def _keeps_admin_access(actor: User, region: Region, losing: list[int]) -> bool:
    """Whether the actor still administers the region once the given memberships stop counting."""
    if actor.is_superuser:
        return True
    remaining = Membership.objects.filter(user=actor, region=region, role=Role.ADMIN, is_active=True)
    return remaining.exclude(pk__in=losing).exists()


@transaction.atomic
def membership_remove(*, actor: User, membership: Membership) -> None:
    region = membership.region
    _check_admin(actor, region)
    if membership.user_id == actor.pk and not _keeps_admin_access(actor, region, [membership.pk]):
        raise ValidationError(
            _(
                "Anda tidak dapat menghapus peran admin terakhir Anda di wilayah ini, karena Anda akan "
                "kehilangan akses. Minta admin lain untuk melakukannya."
            )
        )
    membership.delete()
    forget_memberships(actor)


@transaction.atomic
def person_set_active(*, actor: User, region: Region, user: User, active: bool) -> int:
    """Turn all of the person's memberships in this region on or off; other regions are untouched."""
    _check_admin(actor, region)
    memberships = Membership.objects.filter(user=user, region=region)
    if not active and user.pk == actor.pk:
        ids = list(memberships.values_list("pk", flat=True))
        if not _keeps_admin_access(actor, region, ids):
            raise ValidationError(
                _(
                    "Anda tidak dapat menonaktifkan diri sendiri di wilayah ini, karena Anda akan kehilangan "
                    "akses admin. Minta admin lain untuk melakukannya."
                )
            )
    changed = memberships.exclude(is_active=active).update(is_active=active)
    forget_memberships(actor)
    return changed


@transaction.atomic
def profile_update(*, user: User, full_name: str, nip: str, phone: str, language: str) -> User:
    """Save one's own profile; the caller also switches the interface to the chosen language."""
    user.full_name = full_name.strip()
    user.nip = nip.strip()
    user.phone = phone.strip()
    user.language = language
    errors: dict[str, list[ValidationError]] = {}
    try:
        user.full_clean(
            exclude=["password", "email", "last_login", "date_joined"],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as error:
        errors.update(error.error_dict)
    try:
        validate_phone(user.phone)
    except ValidationError as error:
        errors.setdefault("phone", []).append(error)
    if errors:
        raise ValidationError(errors)
    user.save(update_fields=["full_name", "nip", "phone", "language"])
    return user


def language_set(*, user: User, language: str) -> None:
    """Remember a user's interface language (the switch in the page header)."""
    if language != user.language:
        User.objects.filter(pk=user.pk).update(language=language)
        user.language = language
