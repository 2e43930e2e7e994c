"""Writes on a region's units. Units are never deleted: they are deactivated (is_active)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lumbung.accounts.access import is_region_admin
from lumbung.accounts.models import User

from .models import Region, Unit
from .selectors import descendant_ids


def _check_admin(actor: User, region: Region) -> None:
    if not is_region_admin(actor, region):
        raise PermissionDenied


def _validate(unit: Unit) -> None:
    errors: dict[str, list[ValidationError]] = {}
    try:
        # The (region, name) constraint is checked below, ignoring case and with a clearer message.
        unit.full_clean(exclude=["region", "parent"], validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        errors.update(error.error_dict)
    if (
        unit.name
        and Unit.objects.filter(region=unit.region, name__iexact=unit.name).exclude(pk=unit.pk).exists()
    ):
        errors.setdefault("name", []).append(
            ValidationError(_("Nama unit ini sudah dipakai di wilayah ini."))
        )
    parent = unit.parent
    if parent is not None:
        if parent.region_id != unit.region_id:
            errors.setdefault("parent", []).append(
                ValidationError(_("Unit induk harus dari wilayah yang sama."))
            )
        elif unit.pk is not None and (parent.pk == unit.pk or parent.pk in descendant_ids(unit)):
            errors.setdefault("parent", []).append(
                ValidationError(
                    _("Unit induk tidak boleh unit ini sendiri atau unit yang berada di bawahnya.")
                )
            )
    if errors:
        raise ValidationError(errors)


def _assign(
    unit: Unit,
    *,
    name: str,
    kind: str,
    short_name: str,
    parent: Unit | None,
    head_name: str,
    head_nip: str,
    is_active: bool,
) -> None:
    unit.name = name.strip()
    unit.kind = kind
    unit.short_name = short_name.strip()
    unit.parent = parent
    unit.head_name = head_name.strip()
    unit.head_nip = head_nip.strip()
    unit.is_active = is_active


@transaction.atomic
def unit_create(
    *,
    actor: User,
    region: Region,
    name: str,
    kind: str,
    short_name: str = "",
    parent: Unit | None = None,
    head_name: str = "",
    head_nip: str = "",
    is_active: bool = True,
) -> Unit:
    _check_admin(actor, region)
    unit = Unit(region=region)
    _assign(
        unit,
        name=name,
        kind=kind,
        short_name=short_name,
        parent=parent,
        head_name=head_name,
        head_nip=head_nip,
        is_active=is_active,
    )
    _validate(unit)
    unit.save()
    return unit


@transaction.atomic
def unit_update(
    *,
    actor: User,
    unit: Unit,
    name: str,
    kind: str,
    short_name: str,
    parent: Unit | None,
    head_name: str,
    head_nip: str,
    is_active: bool,
) -> Unit:
    _check_admin(actor, unit.region)
    _assign(
        unit,
        name=name,
        kind=kind,
        short_name=short_name,
        parent=parent,
        head_name=head_name,
        head_nip=head_nip,
        is_active=is_active,
    )
    _validate(unit)
    unit.save()
    return unit
