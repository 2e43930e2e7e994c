"""The synthetic dataset generator behind `lumbung generate` and `make bench`."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, F, Q

from lumbung.accounts.models import Membership, Role, User
from lumbung.innovations.generate import EMAIL_DOMAIN, synthetic_regions_q
from lumbung.innovations.models import Innovation, InnovationVersion, Transition
from lumbung.regions.models import Region, Unit

SMALL = {"regions": 3, "innovations": 60, "seed": 1}


def generate(**options: object) -> None:
    call_command("generate", **{**SMALL, **options}, stdout=StringIO())


def version_rows() -> list[tuple[str, int, str, bool]]:
    return list(
        InnovationVersion.objects.order_by("innovation_id", "year").values_list(
            "name", "year", "status", "is_current"
        )
    )


@pytest.fixture
def generated(db: None) -> None:
    generate()


def test_counts_match_the_request(generated: None) -> None:
    regions = Region.objects.filter(synthetic_regions_q())
    assert regions.count() == 3
    assert set(regions.values_list("parent__code", flat=True)) == {"11", "12", "13"}
    assert Innovation.objects.filter(region__in=regions).count() == 60
    for region in regions:
        assert 25 <= region.units.count() <= 40
        roles = Counter(region.memberships.values_list("role", flat=True))
        assert roles[Role.ADMIN] == roles[Role.VERIFIER] == roles[Role.LEADER] == 1
        assert 3 <= roles[Role.INNOVATOR] <= 6
    assert not User.objects.exclude(email__endswith=f"@{EMAIL_DOMAIN}").exists()


def test_versions_are_consistent(generated: None) -> None:
    # The innovation's region is always its unit's region: access rules scope by either.
    assert not InnovationVersion.objects.exclude(innovation__region=F("innovation__unit__region")).exists()
    current = Innovation.objects.annotate(n=Count("versions", filter=Q(versions__is_current=True)))
    assert set(current.values_list("n", flat=True)) == {1}
    assert not InnovationVersion.objects.filter(main_urusan__isnull=True).exists()
    assert InnovationVersion.objects.filter(is_current=False).exists()
    for version in InnovationVersion.objects.exclude(status="draft"):
        assert version.design_word_count >= 300
        assert version.transitions.exists()
    assert Transition.objects.filter(to_status="perlu_revisi").exists()


def test_all_accounts_share_one_password_hash(generated: None) -> None:
    assert User.objects.values("password").distinct().count() == 1
    assert User.objects.first().check_password("lumbung-sintetis")  # type: ignore[union-attr]


def test_refuses_to_run_twice_without_force(generated: None) -> None:
    with pytest.raises(CommandError, match="--force"):
        generate()


def test_same_seed_gives_the_same_data_after_force(generated: None) -> None:
    first = version_rows()
    generate(force=True)
    assert version_rows() == first
    assert Innovation.objects.count() == 60


def test_force_keeps_real_regions_and_skips_their_codes(db: None) -> None:
    # Real regions holding the first kabupaten and kota codes of Aceh: the generator must go around them.
    aceh = Region.objects.get(code="11")
    for code in ("11.01", "11.71"):
        Region.objects.create(
            code=code, name=f"Wilayah nyata {code}", kind=Region.Kind.KABUPATEN, parent=aceh
        )
    generate(regions=1, innovations=5)
    generate(regions=1, innovations=5, force=True)
    synthetic = Region.objects.get(synthetic_regions_q())
    assert synthetic.code.startswith("11.") and synthetic.code not in {"11.01", "11.71"}
    assert Region.objects.filter(code__in=["11.01", "11.71"]).count() == 2
    assert Unit.objects.filter(region=synthetic).exists()
    assert Membership.objects.filter(region=synthetic).count() >= 6
