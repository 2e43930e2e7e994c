"""Shared fixtures: a small region with two units, a second region, and one user per role."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lumbung.accounts.models import Membership, Role, User
from lumbung.innovations.models import Theme
from lumbung.innovations.reference import sync_themes
from lumbung.regions.models import Region, Unit, Urusan
from lumbung.regions.reference import sync_reference_data

PASSWORD = "rahasia-uji-123"


@pytest.fixture(autouse=True)
def _test_settings(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.LANGUAGE_CODE = "id"


@pytest.fixture
def reference_data(db: None) -> None:
    """The provinces, urusan and themes the migrations ship.

    A transactional test (browser, real processes) empties every table when it ends, data migrations
    included, so tests after it load them again.
    """
    if not Region.objects.filter(code="73").exists():
        sync_reference_data(Region, Urusan)
        sync_themes(Theme)


@pytest.fixture
def region(reference_data: None) -> Region:
    return Region.objects.create(
        code="73.72",
        name="Kota Parepare",
        kind=Region.Kind.KOTA,
        parent=Region.objects.get(code="73"),
        timezone="Asia/Makassar",
    )


@pytest.fixture
def other_region(reference_data: None) -> Region:
    return Region.objects.create(
        code="73.71",
        name="Kota Makassar",
        kind=Region.Kind.KOTA,
        parent=Region.objects.get(code="73"),
        timezone="Asia/Makassar",
    )


@pytest.fixture
def unit(region: Region) -> Unit:
    return Unit.objects.create(
        region=region, name="Dinas Kesehatan", short_name="Dinkes", kind=Unit.Kind.DINAS
    )


@pytest.fixture
def other_unit(region: Region) -> Unit:
    return Unit.objects.create(
        region=region, name="Dinas Perdagangan", short_name="Disdag", kind=Unit.Kind.DINAS
    )


@pytest.fixture
def foreign_unit(other_region: Region) -> Unit:
    return Unit.objects.create(
        region=other_region, name="Dinas Kesehatan Makassar", short_name="Dinkes", kind=Unit.Kind.DINAS
    )


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    def make(
        email: str, role: str | None = None, region: Region | None = None, unit: Unit | None = None
    ) -> User:
        user = User.objects.create_user(email, PASSWORD, full_name=email.split("@")[0].title())
        if role:
            assert region is not None
            Membership.objects.create(user=user, region=region, unit=unit, role=role)
        return user

    return make


@pytest.fixture
def admin(make_user: Callable[..., User], region: Region) -> User:
    return make_user("admin@uji.id", Role.ADMIN, region)


@pytest.fixture
def verifier(make_user: Callable[..., User], region: Region) -> User:
    return make_user("verifikator@uji.id", Role.VERIFIER, region)


@pytest.fixture
def innovator(make_user: Callable[..., User], region: Region, unit: Unit) -> User:
    return make_user("inovator@uji.id", Role.INNOVATOR, region, unit)


@pytest.fixture
def other_innovator(make_user: Callable[..., User], region: Region, other_unit: Unit) -> User:
    return make_user("inovator.lain@uji.id", Role.INNOVATOR, region, other_unit)


@pytest.fixture
def leader(make_user: Callable[..., User], region: Region) -> User:
    return make_user("pimpinan@uji.id", Role.LEADER, region)


@pytest.fixture
def foreign_admin(make_user: Callable[..., User], other_region: Region) -> User:
    return make_user("admin@makassar.id", Role.ADMIN, other_region)


@pytest.fixture
def foreign_innovator(make_user: Callable[..., User], other_region: Region, foreign_unit: Unit) -> User:
    return make_user("inovator@makassar.id", Role.INNOVATOR, other_region, foreign_unit)


@pytest.fixture
def foreign_coach(make_user: Callable[..., User], other_region: Region) -> User:
    """A coach of the other region: a region admin may invite them too (coaches serve several regions)."""
    return make_user("coach@makassar.id", Role.COACH, other_region)


@pytest.fixture
def admin_in_client(client: Any, admin: User) -> Any:
    """The test client signed in as the region's admin."""
    client.force_login(admin)
    return client


# The innovation lab: a cohort open today, two unit teams each with its own coach.


@pytest.fixture
def lab_coach(make_user: Callable[..., User], region: Region) -> User:
    return make_user("coach@uji.id", Role.COACH, region)


@pytest.fixture
def lab_other_coach(make_user: Callable[..., User], region: Region) -> User:
    return make_user("coach.lain@uji.id", Role.COACH, region)


@pytest.fixture
def lab_juror(make_user: Callable[..., User], region: Region) -> User:
    return make_user("juri@uji.id", Role.JURY, region)


@pytest.fixture
def lab_cohort(region: Region, admin: User) -> Any:
    """A gated cohort whose six stages are all open by their dates today."""
    from lumbung.labs import services

    from .factories import lab_schedule_open

    cohort = services.cohort_create(actor=admin, region=region, name="Lab Inovasi Uji", year=2026)
    lab_schedule_open(cohort)
    return cohort


@pytest.fixture
def lab_teams(
    lab_cohort: Any,
    innovator: User,
    other_innovator: User,
    lab_coach: User,
    lab_other_coach: User,
    unit: Unit,
    other_unit: Unit,
) -> tuple[Any, Any]:
    """The team of `unit` (member: innovator, coach: lab_coach) and of `other_unit` (other_innovator)."""
    from lumbung.labs import services

    services.participants_enrol(cohort=lab_cohort, units=[unit, other_unit])
    services.coach_add(cohort=lab_cohort, user=lab_coach)
    services.coach_add(cohort=lab_cohort, user=lab_other_coach)
    return (
        services.unit_team_create(cohort=lab_cohort, unit=unit, coach=lab_coach),
        services.unit_team_create(cohort=lab_cohort, unit=other_unit, coach=lab_other_coach),
    )


@pytest.fixture
def lab_team(lab_teams: tuple[Any, Any]) -> Any:
    return lab_teams[0]


@pytest.fixture
def edition_2026(db: None) -> Any:
    """The shipped 2026 index edition: loaded by a data migration, reloaded after a transactional test."""
    from lumbung.assessment import editions

    return editions.shipped_edition_ensure(2026)
