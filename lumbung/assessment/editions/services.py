"""Writes to editions: load, clone, correct and publish. A published edition never changes again."""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from lumbung.accounts.access import AnyUser
from lumbung.accounts.models import User

from ..models import Basis, Edition, Indicator, Option
from .spec import RULES, check_numbers_unique, read_edition, read_header, read_indicator, read_rules
from .store import current_models, dump_edition, write_edition
from .values import Problems

HEADER_FIELDS = ("name", "source", "third_party", "notes")
INDICATOR_FIELDS = ("aspect", "number", "variable", "name", "weight", "mandatory", "evidence")


def can_manage_editions(user: AnyUser) -> bool:
    """National administrators only; there is no national role yet, so: superusers."""
    return bool(user.is_authenticated and user.is_superuser)


def get_edition_for_user(user: AnyUser, year: int) -> Edition:
    """Any signed-in user may read an edition: its rules are public."""
    if not user.is_authenticated:
        raise PermissionDenied
    edition = Edition.objects.filter(year=year).first()
    if edition is None:
        raise Http404
    return edition


def get_edition_for_editor(user: AnyUser, year: int) -> Edition:
    if not can_manage_editions(user):
        raise PermissionDenied
    return get_edition_for_user(user, year)


def get_indicator_for_editor(user: AnyUser, edition: Edition, pk: int) -> Indicator:
    if not can_manage_editions(user):
        raise PermissionDenied
    indicator = Indicator.objects.filter(edition=edition, pk=pk).select_related("edition").first()
    if indicator is None:
        raise Http404
    return indicator


def _require_manager(actor: User | None) -> None:
    if actor is not None and not actor.is_superuser:
        raise PermissionDenied(_("Hanya administrator nasional yang boleh mengelola edisi indeks."))


def _draft_locked(edition_id: int) -> Edition:
    """The edition row, locked for this transaction; refused once published."""
    edition = Edition.objects.select_for_update().filter(pk=edition_id).first()
    if edition is None:
        raise ValidationError(_("Edisi ini sudah tidak ada."), code="missing")
    if edition.is_published:
        raise ValidationError(
            _(
                "Edisi %(year)s sudah terbit dan tidak dapat diubah lagi. Salin edisi ini ke tahun baru "
                "bila ada yang perlu diperbaiki."
            )
            % {"year": edition.year},
            code="published",
        )
    return edition


def _year_taken(year: int) -> ValidationError:
    return ValidationError(
        {"year": _("Edisi tahun %(year)s sudah ada. Pilih tahun lain.") % {"year": year}}, code="exists"
    )


def edition_dump(edition: Edition) -> dict[str, Any]:
    return dump_edition(edition, current_models())


@transaction.atomic
def edition_load(data: Mapping[str, Any], *, actor: User | None = None) -> Edition:
    """A new draft edition from the data-file layout: every row written, or nothing."""
    _require_manager(actor)
    spec = read_edition(data)
    if Edition.objects.filter(year=spec.year).exists():
        raise _year_taken(spec.year)
    try:
        with transaction.atomic():
            edition: Edition = write_edition(spec, current_models())
    except IntegrityError as error:  # another request loaded the same year a moment earlier
        raise _year_taken(spec.year) from error
    return edition


def _shift_year(value: str | None, years: int) -> str | None:
    """A date moved by whole years (29 February becomes 28 February)."""
    if not value:
        return value
    day = dt.date.fromisoformat(value)
    try:
        return day.replace(year=day.year + years).isoformat()
    except ValueError:
        return day.replace(year=day.year + years, day=28).isoformat()


@transaction.atomic
def edition_clone(*, actor: User, edition: Edition, year: int) -> Edition:
    """A new draft for `year` with everything of `edition`; its dates move by the same number of years."""
    _require_manager(actor)
    data = edition_dump(edition)
    shift = year - edition.year
    data["year"] = year
    data["name"] = edition.name.replace(str(edition.year), str(year))
    for key in ("eligibility_start", "eligibility_end", "reporting_deadline"):
        data["rules"][key] = _shift_year(data["rules"][key], shift)
    spec = read_edition(data)
    if Edition.objects.filter(year=spec.year).exists():
        raise _year_taken(spec.year)
    try:
        with transaction.atomic():
            clone: Edition = write_edition(spec, current_models(), cloned_from=edition)
    except IntegrityError as error:
        raise _year_taken(spec.year) from error
    return clone


@transaction.atomic
def edition_update_rules(*, edition: Edition, **rules: Any) -> Edition:
    """Change the name, source, notes or any rule of a draft; all checked together before saving."""
    unknown = set(rules) - set(RULES) - set(HEADER_FIELDS)
    if unknown:
        raise TypeError(f"Unknown edition fields: {sorted(unknown)}")
    locked = _draft_locked(edition.pk)
    merged = {key: getattr(locked, key) for key in (*HEADER_FIELDS, *RULES)} | rules
    problems = Problems()
    header = read_header(merged | {"year": locked.year}, problems)
    typed = read_rules(merged, problems, "")
    problems.raise_if_any(keyed=True)
    for key in HEADER_FIELDS:
        setattr(locked, key, header[key])
    for key, value in typed.items():
        setattr(locked, key, value)
    locked.save(update_fields=[*HEADER_FIELDS, *RULES])
    return locked


def _indicator_raw(indicator: Indicator) -> dict[str, Any]:
    """The indicator as the data file holds it, so an edit is checked by the same rules as a load."""
    options = list(Option.objects.filter(indicator=indicator).order_by("level"))
    raw: dict[str, Any] = {key: getattr(indicator, key) for key in INDICATOR_FIELDS}
    raw["options"] = [{"level": o.level, "text": o.text} for o in options if o.basis_id is None]
    raw["bases"] = [
        {
            "code": b.code,
            "name": b.name,
            "options": [{"level": o.level, "text": o.text} for o in options if o.basis_id == b.pk],
        }
        for b in indicator.bases.order_by("code")
    ]
    return raw


def _apply_texts(options: list[dict[str, Any]], texts: Mapping[int, str]) -> list[dict[str, Any]]:
    return [{"level": o["level"], "text": texts.get(o["level"], o["text"])} for o in options]


@transaction.atomic
def indicator_update(
    *,
    indicator: Indicator,
    options: Mapping[int, str] | None = None,
    bases: Mapping[str, tuple[str, Mapping[int, str]]] | None = None,
    **fields: Any,
) -> Indicator:
    """Change an indicator of a draft: its fields, its options' texts, its bases' names and options."""
    unknown = set(fields) - set(INDICATOR_FIELDS)
    if unknown:
        raise TypeError(f"Unknown indicator fields: {sorted(unknown)}")
    _draft_locked(indicator.edition_id)
    raw = _indicator_raw(indicator) | fields
    raw["options"] = _apply_texts(raw["options"], options or {})
    for basis in raw["bases"]:
        name, texts = (bases or {}).get(basis["code"], (basis["name"], {}))
        basis["name"], basis["options"] = name, _apply_texts(basis["options"], texts)
    problems = Problems()
    spec = read_indicator(raw, problems, indicator.number)
    others = Indicator.objects.filter(edition_id=indicator.edition_id).exclude(pk=indicator.pk)
    check_numbers_unique([*others.values_list("number", flat=True), spec.number], problems)
    problems.raise_if_any(keyed=True)
    for key in INDICATOR_FIELDS:
        setattr(indicator, key, getattr(spec, key))
    indicator.save(update_fields=list(INDICATOR_FIELDS))
    _save_texts(indicator, spec.options, {b.code: b for b in spec.bases})
    return indicator


def _save_texts(indicator: Indicator, options: Any, bases: Mapping[str, Any]) -> None:
    stored_bases = {b.code: b for b in Basis.objects.filter(indicator=indicator)}
    for code, basis in stored_bases.items():
        if basis.name != bases[code].name:
            basis.name = bases[code].name
            basis.save(update_fields=["name"])
    texts: dict[tuple[int | None, int], str] = {(None, o.level): o.text for o in options}
    texts |= {(stored_bases[code].pk, o.level): o.text for code, b in bases.items() for o in b.options}
    changed = []
    for option in Option.objects.filter(indicator=indicator):
        text = texts[(option.basis_id, option.level)]
        if option.text != text:
            option.text = text
            changed.append(option)
    Option.objects.bulk_update(changed, ["text"])


@transaction.atomic
def edition_publish(*, actor: User, edition: Edition) -> Edition:
    """Freeze a checked draft: from now on scores may rely on it and nothing in it changes."""
    _require_manager(actor)
    locked = _draft_locked(edition.pk)
    read_edition(edition_dump(locked))  # a draft is checked on every write; this is the last guard
    now = timezone.now()
    updated = Edition.objects.filter(pk=locked.pk, state=Edition.State.DRAFT).update(
        state=Edition.State.PUBLISHED, published_at=now, published_by=actor
    )
    if not updated:
        raise ValidationError(_("Edisi ini baru saja diterbitkan orang lain."), code="published")
    locked.refresh_from_db()
    return locked


@transaction.atomic
def edition_delete(*, actor: User, edition: Edition) -> None:
    """Discard a draft nobody has answered yet (a wrong import, an unwanted clone)."""
    _require_manager(actor)
    locked = _draft_locked(edition.pk)
    if locked.answers.exists() or locked.scores.exists():
        raise ValidationError(
            _("Edisi %(year)s sudah punya jawaban atau skor, jadi tidak dapat dihapus.")
            % {"year": locked.year},
            code="in_use",
        )
    locked.delete()
