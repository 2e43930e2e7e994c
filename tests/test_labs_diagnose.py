"""The Diagnose stage: USG-ranked problems, the idea register, similar innovations and who may do what."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from lumbung.accounts.models import Role, User
from lumbung.innovations.models import Status
from lumbung.labs import diagnose, services
from lumbung.labs.diagnose import ScoredProblem, rank_problems
from lumbung.labs.diagnose_forms import ProblemForm
from lumbung.labs.models import Cohort, Idea, Participant, Problem, Team
from lumbung.regions.models import Region, Unit

from .factories import lab_schedule_open, make_version, set_status

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(region: Region, admin: User) -> Cohort:
    cohort = services.cohort_create(actor=admin, region=region, name="Lab Inovasi 2023", year=2023)
    lab_schedule_open(cohort)
    # The gates have tests of their own (test_labs_gates.py); here every stage is open to every team.
    Cohort.objects.filter(pk=cohort.pk).update(gated=False)
    cohort.gated = False
    return cohort


@pytest.fixture
def coach(make_user: Callable[..., User], region: Region) -> User:
    return make_user("coach@uji.id", Role.COACH, region)


@pytest.fixture
def other_coach(make_user: Callable[..., User], region: Region) -> User:
    return make_user("coach.lain@uji.id", Role.COACH, region)


@pytest.fixture
def teams(
    cohort: Cohort,
    innovator: User,
    other_innovator: User,
    coach: User,
    other_coach: User,
    unit: Unit,
    other_unit: Unit,
) -> tuple[Team, Team]:
    services.participants_enrol(cohort=cohort, units=[unit, other_unit])
    services.coach_add(cohort=cohort, user=coach)
    services.coach_add(cohort=cohort, user=other_coach)
    return (
        services.unit_team_create(cohort=cohort, unit=unit, coach=coach),
        services.unit_team_create(cohort=cohort, unit=other_unit, coach=other_coach),
    )


@pytest.fixture
def team(teams: tuple[Team, Team]) -> Team:
    return teams[0]


def problem(
    team: Team, actor: User, title: str = "Antrean panjang", usg: tuple[int, int, int] = (3, 3, 3)
) -> Problem:
    u, s, g = usg
    return diagnose.problem_create(team=team, actor=actor, title=title, urgency=u, seriousness=s, growth=g)


def idea(team: Team, actor: User, title: str = "Antar obat", **kwargs: Any) -> Idea:
    return diagnose.idea_create(team=team, actor=actor, title=title, **kwargs)


# USG scores


@pytest.mark.parametrize("usg", [(0, 3, 3), (3, 6, 3), (3, 3, -1)])
def test_scores_outside_one_to_five_are_refused_by_the_service(
    team: Team, innovator: User, usg: tuple[int, int, int]
) -> None:
    with pytest.raises(ValidationError, match="1 sampai 5") as error:
        problem(team, innovator, usg=usg)
    assert len(error.value.message_dict) == 1
    assert not Problem.objects.exists()


def test_scores_outside_one_to_five_are_refused_by_the_form() -> None:
    form = ProblemForm({"title": "Antrean", "urgency": 0, "seriousness": 6, "growth": "x"})
    assert not form.is_valid()
    assert set(form.errors) == {"urgency", "seriousness", "growth"}
    assert form.errors["urgency"] == ["Isi angka 1 sampai 5."]


@pytest.mark.parametrize("field", ["urgency", "seriousness", "growth"])
def test_scores_outside_one_to_five_are_refused_by_the_database(
    team: Team, innovator: User, field: str
) -> None:
    found = problem(team, innovator)
    with pytest.raises(IntegrityError), transaction.atomic():
        Problem.objects.filter(pk=found.pk).update(**{field: 6})


# Ranking


def scored(key: int, u: int, s: int, g: int) -> ScoredProblem:
    return ScoredProblem(key=key, urgency=u, seriousness=s, growth=g, order=key)


@pytest.mark.parametrize(
    ("problems", "order", "rules"),
    [
        ([], [], []),
        ([scored(1, 2, 2, 2), scored(2, 5, 5, 5)], [2, 1], [None, None]),
        # 2×3×4 = 24 = 4×3×2: higher urgency wins.
        ([scored(1, 2, 3, 4), scored(2, 4, 3, 2)], [2, 1], ["urgency", None]),
        # Same score and urgency: seriousness decides.
        ([scored(1, 3, 2, 4), scored(2, 3, 4, 2)], [2, 1], ["seriousness", None]),
        # All the same: the earlier entry stays above.
        ([scored(2, 3, 3, 3), scored(1, 3, 3, 3)], [1, 2], ["earlier", None]),
        # A chain of three ties, each explained against the one below it.
        (
            [scored(1, 1, 4, 4), scored(2, 4, 4, 1), scored(3, 4, 1, 4), scored(4, 5, 5, 5)],
            [4, 2, 3, 1],
            [None, "seriousness", "urgency", None],
        ),
    ],
)
def test_problems_rank_by_product_and_ties_are_explained(
    problems: list[ScoredProblem], order: list[int], rules: list[str | None]
) -> None:
    ranked = rank_problems(problems)
    assert [r.key for r in ranked] == order
    assert [r.tie_rule for r in ranked] == rules
    assert [r.rank for r in ranked] == list(range(1, len(order) + 1))


def test_the_register_page_says_which_rule_broke_a_tie(client: Any, team: Team, innovator: User) -> None:
    problem(team, innovator, "Berkas hilang", (2, 3, 4))
    problem(team, innovator, "Antrean panjang", (4, 3, 2))
    client.force_login(innovator)
    response = client.get(reverse("labs:team_diagnose", args=[team.cohort_id, team.pk]))
    body = response.content.decode()
    assert body.index("Antrean panjang") < body.index("Berkas hilang")
    assert "sama skor; urgensi lebih tinggi" in body


# Ideas


def test_choosing_one_idea_lets_the_other_go(team: Team, innovator: User) -> None:
    first, second = idea(team, innovator, "Antar obat"), idea(team, innovator, "Antrean daring")
    diagnose.idea_choose(idea=first, actor=innovator)
    diagnose.idea_choose(idea=second, actor=innovator)
    assert list(Idea.objects.filter(chosen=True)) == [second]
    with pytest.raises(IntegrityError), transaction.atomic():
        Idea.objects.filter(pk=first.pk).update(chosen=True)


def test_another_teams_problem_cannot_be_linked(
    teams: tuple[Team, Team], innovator: User, other_innovator: User
) -> None:
    theirs = problem(teams[1], other_innovator)
    with pytest.raises(ValidationError, match="bukan milik tim ini") as error:
        idea(teams[0], innovator, problem=theirs)
    assert "problem" in error.value.message_dict
    ours = problem(teams[0], innovator)
    assert idea(teams[0], innovator, problem=ours).problem == ours


def test_ideas_are_counted_by_the_proposers_unit_and_unit_kind(
    cohort: Cohort,
    teams: tuple[Team, Team],
    innovator: User,
    other_innovator: User,
    region: Region,
    django_assert_num_queries: Any,
) -> None:
    mine = Participant.objects.get(cohort=cohort, user=innovator)
    theirs = Participant.objects.get(cohort=cohort, user=other_innovator)
    puskesmas = Unit.objects.create(region=region, name="Puskesmas Lapadde", kind=Unit.Kind.PUSKESMAS)
    Participant.objects.filter(pk=theirs.pk).update(unit=puskesmas)
    idea(teams[0], innovator, "A", proposed_by=mine)
    idea(teams[0], innovator, "B", proposed_by=mine)
    idea(teams[1], other_innovator, "C", proposed_by=theirs)
    idea(teams[1], other_innovator, "D")
    with django_assert_num_queries(3):
        summary = diagnose.idea_summary(cohort)
    assert summary.total == 4
    assert [(r.label, r.ideas) for r in summary.by_unit] == [
        ("Dinas Kesehatan", 2),
        ("Puskesmas Lapadde", 1),
        ("Tanpa unit", 1),
    ]
    assert [(r.label, r.ideas) for r in summary.by_kind] == [
        ("Dinas", 2),
        ("Puskesmas", 1),
        ("Tanpa unit", 1),
    ]
    assert [(r.label, r.ideas) for r in summary.by_team] == [
        ("Tim Dinas Kesehatan", 2),
        ("Tim Dinas Perdagangan", 2),
    ]


# Similar innovations


def test_meaningful_words_drop_short_and_stop_words() -> None:
    assert diagnose.meaningful_words("Inovasi Antar Obat untuk Lansia di RS") == {"antar", "obat", "lansia"}


def test_ideas_resembling_registered_innovations_are_pointed_out(
    client: Any,
    team: Team,
    innovator: User,
    region: Region,
    unit: Unit,
    foreign_innovator: User,
    foreign_unit: Unit,
) -> None:
    similar = set_status(
        make_version(innovator, region, unit, name="Layanan Antar Obat Lansia"), Status.SUBMITTED
    )
    set_status(make_version(innovator, region, unit, name="Antar Obat Keliling", goals="x"), Status.DRAFT)
    set_status(
        make_version(foreign_innovator, foreign_unit.region, foreign_unit, name="Antar Obat Lansia"),
        Status.SUBMITTED,
    )
    matching = idea(team, innovator, "Antar obat", description="Obat diantar ke rumah lansia.")
    lone = idea(team, innovator, "Antrean daring", description="Ambil nomor lewat ponsel.")
    found = diagnose.similar_for([matching, lone], region.pk)
    assert [s.version_id for s in found[matching.pk]] == [similar.pk]
    assert found[matching.pk][0].shared == ("antar", "lansia", "obat")
    assert found[lone.pk] == []
    client.force_login(innovator)
    body = client.get(reverse("labs:team_diagnose", args=[team.cohort_id, team.pk])).content.decode()
    assert "Mirip dengan inovasi yang sudah ada:" in body
    assert reverse("innovations:detail", args=[similar.pk]) in body


# Who may do what


def post_problem(client: Any, team: Team) -> Any:
    return client.post(
        reverse("labs:problem_create", args=[team.cohort_id, team.pk]),
        {"title": "Antrean panjang", "urgency": 4, "seriousness": 3, "growth": 2},
    )


@pytest.mark.parametrize(
    ("who", "read", "write"),
    [
        ("innovator", 200, 302),  # a member of the team
        ("other_innovator", 200, 403),  # a member of another team
        ("coach", 200, 302),  # the team's coach
        ("other_coach", 404, 404),  # a coach of another team sees only their own teams
        ("admin", 200, 302),  # the region's admin
        ("verifier", 404, 404),  # region staff outside the cohort
        ("foreign_admin", 404, 404),  # another region
    ],
)
def test_permission_matrix(
    client: Any, team: Team, request: pytest.FixtureRequest, who: str, read: int, write: int
) -> None:
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("labs:team_diagnose", args=[team.cohort_id, team.pk])).status_code == read
    # The cohort-wide idea counts are for every reader of the cohort, other coaches included.
    summary = 200 if who == "other_coach" else read
    assert client.get(reverse("labs:idea_summary", args=[team.cohort_id])).status_code == summary
    assert post_problem(client, team).status_code == write
    assert Problem.objects.count() == (1 if write == 302 else 0)


def test_writes_of_another_team_are_refused_for_ideas_too(
    client: Any, teams: tuple[Team, Team], innovator: User, other_innovator: User
) -> None:
    theirs = idea(teams[1], other_innovator)
    client.force_login(innovator)
    args = [teams[1].cohort_id, teams[1].pk, theirs.pk]
    assert client.post(reverse("labs:idea_choose", args=args)).status_code == 403
    assert client.post(reverse("labs:idea_edit", args=args), {"title": "Diubah"}).status_code == 403
    theirs.refresh_from_db()
    assert not theirs.chosen and theirs.title == "Antar obat"
    # An id from another team is not found through one's own team.
    assert (
        client.post(
            reverse("labs:idea_choose", args=[teams[0].cohort_id, teams[0].pk, theirs.pk])
        ).status_code
        == 404
    )


def test_a_member_adds_and_chooses_an_idea_through_the_pages(
    client: Any, team: Team, innovator: User
) -> None:
    client.force_login(innovator)
    found = problem(team, innovator)
    url = reverse("labs:idea_create", args=[team.cohort_id, team.pk])
    assert client.get(url).status_code == 200
    me = Participant.objects.get(user=innovator)
    assert client.get(url).context["form"].initial["proposed_by"] == me.pk
    data = {
        "title": "Antrean daring",
        "description": "Lewat ponsel",
        "problem": found.pk,
        "proposed_by": me.pk,
    }
    assert client.post(url, data).status_code == 302
    created = Idea.objects.get()
    assert created.problem == found and created.proposed_by == me
    client.post(reverse("labs:idea_choose", args=[team.cohort_id, team.pk, created.pk]))
    created.refresh_from_db()
    assert created.chosen
    response = client.post(
        reverse("labs:problem_edit", args=[team.cohort_id, team.pk, found.pk]),
        {"title": "Antrean", "urgency": 9, "seriousness": 3, "growth": 2},
    )
    assert response.status_code == 200 and "Isi angka 1 sampai 5." in response.content.decode()


@pytest.mark.parametrize(
    ("who", "team_links"),
    [
        ("admin", 2),
        ("innovator", 2),  # reads every team's work (and changes only its own)
        ("coach", 1),  # only the team it coaches
        ("verifier", 0),  # region staff outside the cohort: no links that would 404
    ],
)
def test_cohort_page_links_only_to_team_pages_that_open(
    client: Any, teams: tuple[Team, Team], request: pytest.FixtureRequest, who: str, team_links: int
) -> None:
    client.force_login(request.getfixturevalue(who))
    page = client.get(reverse("labs:detail", args=[teams[0].cohort_id])).content.decode()
    links = [reverse("labs:team_detail", args=[t.cohort_id, t.pk]) for t in teams]
    assert sum(f'href="{link}"' in page for link in links) == team_links
