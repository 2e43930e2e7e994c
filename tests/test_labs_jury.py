"""The jury: rubric arithmetic, the tie rule, score bounds, jurors' privacy and the published Top N."""

from collections.abc import Callable
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from lumbung.accounts.models import Role, User
from lumbung.labs import jury_services, services
from lumbung.labs.jury import EntryScores, RubricCriterion, rank_entries
from lumbung.labs.models import Cohort, Criterion, Entry, Score, Team
from lumbung.regions.models import Region, Unit

DEFAULT = [
    RubricCriterion("Kebaharuan", 30),
    RubricCriterion("Kemanfaatan", 25),
    RubricCriterion("Kewenangan dan kolaborasi", 15),
    RubricCriterion("Replikasi dan aplikatif", 20),
    RubricCriterion("Penguasaan materi", 10),
]
NAMES = [c.name for c in DEFAULT]


def scores(*per_criterion: list[int]) -> dict[str, list[int]]:
    return dict(zip(NAMES, per_criterion, strict=True))


# The arithmetic (pure)


@pytest.mark.parametrize(
    ("per_criterion", "total"),
    [
        (([80], [70], [60], [90], [100]), Decimal("78.50")),
        (([100], [100], [100], [100], [100]), Decimal("100.00")),
        (([0], [0], [0], [0], [0]), Decimal("0.00")),
        (
            ([80, 90], [70, 70], [60, 61], [90, 80], [100, 99]),
            Decimal("79.03"),
        ),  # means 85, 70, 60.5, 85, 99.5
        (([1, 2, 2], [0], [0], [0], [0]), Decimal("0.50")),  # mean 5/3 × 0.30 = 0.5
        (([], [100], [100], [100], [100]), Decimal("70.00")),  # unscored criterion counts 0
    ],
)
def test_weighted_total_is_the_weighted_mean_of_jurors_scores(
    per_criterion: tuple[list[int], ...], total: Decimal
) -> None:
    [ranked] = rank_entries(DEFAULT, [EntryScores("Tim A", scores(*per_criterion))])
    assert ranked.total == total


def test_means_across_jurors_are_shown_per_criterion() -> None:
    [ranked] = rank_entries(DEFAULT, [EntryScores("A", scores([80, 91], [70], [60], [90], [100]))])
    assert ranked.means["Kebaharuan"] == Decimal("85.50")


def test_ties_broken_by_heaviest_criterion_then_next_then_name() -> None:
    a = EntryScores("A", scores([40], [60], [50], [50], [50]))  # 12+15+7.5+10+5 = 49.50
    b = EntryScores("B", scores([50], [50], [40], [50], [65]))  # 15+12.5+6+10+6.5 = 50.00
    c = EntryScores("C", scores([50], [60], [50], [40], [50]))  # 15+15+7.5+8+5 = 50.50
    d = EntryScores("D", scores([50], [50], [50], [50], [50]))  # 50.00
    e = EntryScores("E", scores([50], [50], [50], [50], [50]))  # 50.00, same as D in every criterion
    ranked = rank_entries(DEFAULT, [a, b, c, d, e])
    assert [(r.team_name, r.total) for r in ranked] == [
        ("C", Decimal("50.50")),
        ("D", Decimal("50.00")),  # beats B on Kewenangan (15%) after equal 30%, 25% and 20%
        ("E", Decimal("50.00")),  # identical to D: by name
        ("B", Decimal("50.00")),
        ("A", Decimal("49.50")),
    ]
    # B equals E on 30%, 25% and 20% and loses on Kewenangan (15%).
    assert [r.tie_broken_by for r in ranked] == [None, None, "", "Kewenangan dan kolaborasi", None]
    assert [r.rank for r in ranked] == [1, 2, 3, 4, 5]


def test_heaviest_criterion_decides_a_tie_first() -> None:
    a = EntryScores("A", scores([40], [60], [50], [50], [50]))  # 12+15+7.5+10+5 = 49.50
    z = EntryScores("Z", scores([45], [54], [50], [50], [50]))  # 13.5+13.5+7.5+10+5 = 49.50
    ranked = rank_entries(DEFAULT, [a, z])
    assert [r.team_name for r in ranked] == ["Z", "A"]
    assert ranked[1].tie_broken_by == "Kebaharuan"


# The rubric


@pytest.fixture
def cohort(region: Region, admin: User) -> Cohort:
    return services.cohort_create(actor=admin, region=region, name="Lab Inovasi 2024", year=2024)


def test_default_rubric_is_created_on_demand(cohort: Cohort) -> None:
    criteria = jury_services.criteria_for(cohort)
    assert [(c.name, c.weight) for c in criteria] == [(c.name, c.weight) for c in DEFAULT]
    assert len(jury_services.criteria_for(cohort)) == 5


@pytest.mark.parametrize("change", [{0: 35}, {0: 25}, {0: 101, 1: -76}])
def test_weights_not_summing_to_100_are_refused(cohort: Cohort, change: dict[int, int]) -> None:
    criteria = jury_services.criteria_for(cohort)
    with pytest.raises(ValidationError):
        jury_services.criteria_set_weights(
            cohort=cohort, weights={criteria[i].pk: w for i, w in change.items()}
        )
    assert sum(Criterion.objects.filter(cohort=cohort).values_list("weight", flat=True)) == 100


def test_weights_summing_to_100_are_saved(cohort: Cohort) -> None:
    criteria = jury_services.criteria_for(cohort)
    jury_services.criteria_set_weights(cohort=cohort, weights={criteria[0].pk: 20, criteria[4].pk: 20})
    assert [c.weight for c in jury_services.criteria_for(cohort)] == [20, 25, 15, 20, 20]


# Entries, jurors and scores


@pytest.fixture
def jurors(make_user: Callable[..., User], region: Region) -> tuple[User, User]:
    return make_user("juri1@uji.id", Role.JURY, region), make_user("juri2@uji.id", Role.JURY, region)


@pytest.fixture
def entries(cohort: Cohort, unit: Unit, other_unit: Unit) -> tuple[Entry, Entry]:
    one = Team.objects.create(cohort=cohort, unit=unit, name="Tim Dinkes")
    two = Team.objects.create(cohort=cohort, unit=other_unit, name="Tim Disdag")
    return (
        jury_services.entry_save(team=one, pitch="Antar obat ke rumah.", video_url="https://video.id/1"),
        jury_services.entry_save(team=two, pitch="Pasar daring."),
    )


def score_all(entry: Entry, juror: User, values: list[int]) -> None:
    for criterion, value in zip(jury_services.criteria_for(entry.team.cohort), values, strict=True):
        jury_services.score_save(entry=entry, juror=juror, criterion=criterion, value=value, comment="ok")


@pytest.mark.parametrize("value", [-1, 101])
def test_scores_outside_0_to_100_are_refused(
    entries: tuple[Entry, Entry], jurors: tuple[User, User], value: int
) -> None:
    criterion = jury_services.criteria_for(entries[0].team.cohort)[0]
    with pytest.raises(ValidationError):
        jury_services.score_save(entry=entries[0], juror=jurors[0], criterion=criterion, value=value)
    with pytest.raises(IntegrityError), transaction.atomic():
        Score.objects.create(entry=entries[0], juror=jurors[0], criterion=criterion, value=value)


def test_ranking_means_across_jurors(
    cohort: Cohort, entries: tuple[Entry, Entry], jurors: tuple[User, User]
) -> None:
    score_all(entries[0], jurors[0], [80, 70, 60, 90, 100])  # 78.50
    score_all(entries[0], jurors[1], [60, 70, 60, 90, 100])  # 72.50
    score_all(entries[1], jurors[0], [90, 90, 90, 90, 90])
    rows = jury_services.ranking(cohort)
    assert [(r.entry.team.name, r.ranked.total, r.jurors) for r in rows] == [
        ("Tim Disdag", Decimal("90.00"), 1),
        ("Tim Dinkes", Decimal("75.50"), 2),
    ]


def test_juror_page_shows_only_own_scores_and_refuses_out_of_range(
    client: object, cohort: Cohort, entries: tuple[Entry, Entry], jurors: tuple[User, User]
) -> None:
    score_all(entries[0], jurors[1], [11, 12, 13, 14, 15])
    client.force_login(jurors[0])  # type: ignore[attr-defined]
    url = reverse("labs:jury_score", args=[cohort.pk])
    page = client.get(url)  # type: ignore[attr-defined]
    assert page.status_code == 200
    assert "Antar obat ke rumah." in page.content.decode()
    assert 'value="13"' not in page.content.decode()

    criteria = jury_services.criteria_for(cohort)
    data = {"entry": entries[0].pk}
    for c, v in zip(criteria, [80, 70, 60, 90, 101], strict=True):
        data[f"e{entries[0].pk}-value_{c.pk}"] = v
        data[f"e{entries[0].pk}-comment_{c.pk}"] = "catatan"
    refused = client.post(url, data)  # type: ignore[attr-defined]
    assert refused.status_code == 400
    assert "Nilai harus antara 0 dan 100." in refused.content.decode()
    assert not Score.objects.filter(juror=jurors[0]).exists()

    data[f"e{entries[0].pk}-value_{criteria[4].pk}"] = 100
    assert client.post(url, data).status_code == 302  # type: ignore[attr-defined]
    assert Score.objects.filter(juror=jurors[0]).count() == 5
    again = client.get(url).content.decode()  # type: ignore[attr-defined]
    assert 'value="101"' not in again and 'value="60"' in again and 'value="13"' not in again


def test_non_jurors_cannot_score(
    client: object, cohort: Cohort, innovator: User, foreign_admin: User
) -> None:
    url = reverse("labs:jury_score", args=[cohort.pk])
    client.force_login(innovator)  # type: ignore[attr-defined]
    assert client.get(url).status_code == 403  # type: ignore[attr-defined]
    client.force_login(foreign_admin)  # type: ignore[attr-defined]
    assert client.get(url).status_code == 404  # type: ignore[attr-defined]


# Publication


def test_ranking_is_hidden_until_published_then_top_n_on_cohort_page(
    client: object,
    cohort: Cohort,
    entries: tuple[Entry, Entry],
    jurors: tuple[User, User],
    admin: User,
    innovator: User,
) -> None:
    score_all(entries[0], jurors[0], [80, 70, 60, 90, 100])
    score_all(entries[1], jurors[0], [50, 50, 50, 50, 50])
    ranking_url = reverse("labs:jury_ranking", args=[cohort.pk])
    detail_url = reverse("labs:detail", args=[cohort.pk])
    for reader in (jurors[0], innovator):
        client.force_login(reader)  # type: ignore[attr-defined]
        assert client.get(ranking_url).status_code in (403, 404)  # type: ignore[attr-defined]
        assert "Peringkat terbaik" not in client.get(detail_url).content.decode()  # type: ignore[attr-defined]

    client.force_login(admin)  # type: ignore[attr-defined]
    page = client.get(ranking_url).content.decode()  # type: ignore[attr-defined]
    assert "78,50" in page and "Aturan nilai sama" in page
    assert client.post(ranking_url, {"top_n": 1}).status_code == 200  # type: ignore[attr-defined]  # no confirmation
    assert jury_services.ranking_publication(cohort) is None
    assert client.post(ranking_url, {"top_n": 1, "confirm": "on"}).status_code == 302  # type: ignore[attr-defined]

    client.force_login(innovator)  # type: ignore[attr-defined]
    detail = client.get(detail_url).content.decode()  # type: ignore[attr-defined]
    assert "Peringkat terbaik" in detail and "Tim Dinkes" in detail and "78,50" in detail
    assert "Pasar daring." not in detail  # only the Top 1
    with pytest.raises(ValidationError):
        score_all(entries[1], jurors[0], [100, 100, 100, 100, 100])
