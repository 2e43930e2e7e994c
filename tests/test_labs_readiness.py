"""Diagnose: the readiness self-assessment, its questions, the cohort summary and the radar chart."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from lumbung.accounts.models import Role, User
from lumbung.labs import drumup, services
from lumbung.labs.drumup import Answer, averages
from lumbung.labs.models import (
    Cohort,
    GateStatus,
    ReadinessAnswer,
    ReadinessQuestion,
    StageWork,
    Team,
)
from lumbung.labs.radar import RadarSeries, radar_chart
from lumbung.regions.models import Region, Unit

from .factories import lab_approve_through

pytestmark = pytest.mark.django_db


def ask(cohort: Cohort) -> list[ReadinessQuestion]:
    return drumup.readiness_questions_ensure(cohort)


def answer_all(team: Team, actor: User, value: int | list[int]) -> None:
    questions = ask(team.cohort)
    values = value if isinstance(value, list) else [value] * len(questions)
    drumup.readiness_save(
        actor=actor, team=team, answers={q.pk: v for q, v in zip(questions, values, strict=True)}
    )


def stored(team: Team) -> dict[str, int]:
    return {
        a.question.aspect: a.value
        for a in ReadinessAnswer.objects.filter(team=team).select_related("question")
    }


@pytest.fixture
def open_diagnose(lab_teams: tuple[Team, Team]) -> tuple[Team, Team]:
    """Both teams past the Drum-up gate, so their Diagnose stage is open to them."""
    for team in lab_teams:
        lab_approve_through(team, "drum_up")
    return lab_teams


# The questions


def test_a_cohort_gets_the_default_questions_once(lab_cohort: Cohort) -> None:
    first = ask(lab_cohort)
    assert [q.aspect for q in first] == [
        "Kepemimpinan",
        "Budaya kerja",
        "SDM",
        "Anggaran",
        "Data dan informasi",
        "Teknologi",
        "Kolaborasi",
        "Regulasi",
    ]
    assert all(q.text and len(q.aspect) <= 40 for q in first)
    assert [q.pk for q in ask(lab_cohort)] == [q.pk for q in first]
    assert ReadinessQuestion.objects.count() == 8


def test_a_cohort_with_its_own_questions_keeps_them(lab_cohort: Cohort) -> None:
    own = drumup.readiness_question_create(cohort=lab_cohort, aspect="Inovasi", text="Seberapa siap?")
    assert ask(lab_cohort) == [own]


def test_questions_are_added_at_the_end_with_a_unique_aspect(
    lab_cohort: Cohort, region: Region, admin: User
) -> None:
    ask(lab_cohort)
    added = drumup.readiness_question_create(cohort=lab_cohort, aspect="  Jejaring  ", text="Ada mitra?")
    assert (added.aspect, added.position) == ("Jejaring", 9)
    with pytest.raises(ValidationError, match="Aspek sdm sudah ada di angkatan ini") as error:
        drumup.readiness_question_create(cohort=lab_cohort, aspect="sdm", text="Lagi?")
    assert list(error.value.message_dict) == ["aspect"]
    # Another cohort may use the same aspect.
    other = services.cohort_create(actor=admin, region=region, name="Lab Lain", year=2026)
    assert drumup.readiness_question_create(cohort=other, aspect="SDM", text="?").position == 1


def test_question_fields_are_checked(lab_cohort: Cohort) -> None:
    with pytest.raises(ValidationError) as error:
        drumup.readiness_question_create(cohort=lab_cohort, aspect="x" * 41, text=" ")
    assert set(error.value.message_dict) == {"aspect", "text"}
    assert "40 karakter" in error.value.message_dict["aspect"][0]
    assert not ReadinessQuestion.objects.exists()


def test_an_edit_may_keep_its_own_aspect_but_not_take_anothers(lab_cohort: Cohort) -> None:
    lead, culture = ask(lab_cohort)[:2]
    drumup.readiness_question_update(question=lead, aspect="Kepemimpinan", text="Pertanyaan baru")
    with pytest.raises(ValidationError, match="sudah ada"):
        drumup.readiness_question_update(question=culture, aspect="KEPEMIMPINAN", text="x")
    culture.refresh_from_db()
    assert culture.aspect == "Budaya kerja"


def test_a_question_with_answers_is_removed_only_when_confirmed(
    open_diagnose: tuple[Team, Team], innovator: User, other_innovator: User
) -> None:
    answer_all(open_diagnose[0], innovator, 3)
    answer_all(open_diagnose[1], other_innovator, 4)
    budget = ask(open_diagnose[0].cohort)[3]
    with pytest.raises(ValidationError, match="sudah dijawab 2 tim"):
        drumup.readiness_question_remove(question=budget)
    assert ReadinessAnswer.objects.count() == 16
    assert drumup.readiness_question_remove(question=budget, answers_confirmed=True) == 2
    assert ReadinessAnswer.objects.count() == 14 and ReadinessQuestion.objects.count() == 7


def test_the_last_question_cannot_be_removed(lab_cohort: Cohort) -> None:
    only = drumup.readiness_question_create(cohort=lab_cohort, aspect="Inovasi", text="?")
    with pytest.raises(ValidationError, match="paling sedikit satu pertanyaan"):
        drumup.readiness_question_remove(question=only, answers_confirmed=True)
    assert ReadinessQuestion.objects.count() == 1


# Answers


def test_saving_writes_every_answer_and_a_second_save_overwrites(
    open_diagnose: tuple[Team, Team], innovator: User
) -> None:
    team = open_diagnose[0]
    answer_all(team, innovator, [1, 2, 3, 4, 5, 1, 2, 3])
    assert stored(team)["Kepemimpinan"] == 1 and stored(team)["Anggaran"] == 4
    answer_all(team, innovator, 5)
    assert set(stored(team).values()) == {5} and ReadinessAnswer.objects.count() == 8
    assert ReadinessAnswer.objects.first().answered_by == innovator  # type: ignore[union-attr]


@pytest.mark.parametrize("bad", [0, 6, -1, True, "3"])
def test_values_outside_one_to_five_store_nothing(
    open_diagnose: tuple[Team, Team], innovator: User, bad: Any
) -> None:
    team = open_diagnose[0]
    answer_all(team, innovator, 2)
    questions = ask(team.cohort)
    answers = {q.pk: 4 for q in questions} | {questions[2].pk: bad}
    with pytest.raises(ValidationError, match="Nilai harus 1 sampai 5; periksa aspek SDM"):
        drumup.readiness_save(actor=innovator, team=team, answers=answers)
    assert set(stored(team).values()) == {2}  # nothing partial: the earlier answers stand


def test_unknown_or_missing_questions_are_refused(
    open_diagnose: tuple[Team, Team], innovator: User, region: Region, admin: User
) -> None:
    team = open_diagnose[0]
    with pytest.raises(ValidationError, match="belum punya pertanyaan kesiapan"):
        drumup.readiness_save(actor=innovator, team=team, answers={})
    questions = ask(team.cohort)
    other = services.cohort_create(actor=admin, region=region, name="Lab Lain", year=2026)
    foreign = drumup.readiness_question_create(cohort=other, aspect="Asing", text="?")
    answers = {q.pk: 3 for q in questions}
    with pytest.raises(ValidationError, match="tidak ada di angkatan ini"):
        drumup.readiness_save(actor=innovator, team=team, answers=answers | {foreign.pk: 3})
    del answers[questions[-1].pk]
    with pytest.raises(ValidationError, match="belum dijawab: Regulasi"):
        drumup.readiness_save(actor=innovator, team=team, answers=answers)
    assert not ReadinessAnswer.objects.exists()


def test_the_database_refuses_values_outside_one_to_five(
    open_diagnose: tuple[Team, Team], innovator: User
) -> None:
    answer_all(open_diagnose[0], innovator, 3)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReadinessAnswer.objects.update(value=6)


def test_the_diagnose_gate_decides_who_may_still_answer(lab_team: Team, innovator: User, admin: User) -> None:
    # Gated: Diagnose opens for the team once its Drum-up is approved.
    with pytest.raises(ValidationError, match="Drum-up belum disetujui"):
        answer_all(lab_team, innovator, 3)
    lab_approve_through(lab_team, "drum_up")
    answer_all(lab_team, innovator, 3)
    StageWork.objects.create(team=lab_team, stage="diagnose", status=GateStatus.SUBMITTED)
    with pytest.raises(ValidationError, match="menunggu persetujuan"):
        answer_all(lab_team, innovator, 5)
    assert set(stored(lab_team).values()) == {3}
    answer_all(lab_team, admin, 4)  # the organiser corrects at any time
    assert set(stored(lab_team).values()) == {4}


# Figures


def test_averages_are_over_the_teams_that_answered() -> None:
    answers = [Answer(1, 10, 2), Answer(2, 10, 5), Answer(1, 11, 4)]
    assert averages(answers) == {10: 3.5, 11: 4.0}
    assert averages([]) == {}


def test_a_team_sees_its_answers_beside_the_cohort_average(
    open_diagnose: tuple[Team, Team], innovator: User, other_innovator: User
) -> None:
    mine, theirs = open_diagnose
    questions = ask(mine.cohort)
    before = drumup.team_readiness(mine, questions)
    assert not before.answered and before.teams_answered == 0
    assert all(row.value is None and row.average is None for row in before.rows)
    answer_all(mine, innovator, 2)
    answer_all(theirs, other_innovator, 5)
    after = drumup.team_readiness(mine, questions)
    assert after.answered and after.teams_answered == 2
    assert {(row.value, row.average) for row in after.rows} == {(2, 3.5)}


# Pages


def page(name: str, team: Team) -> str:
    return reverse(f"labs:{name}", args=[team.cohort_id, team.pk])


def test_the_team_page_starts_empty_and_offers_the_scale(
    client: Any, open_diagnose: tuple[Team, Team], innovator: User
) -> None:
    client.force_login(innovator)
    body = client.get(page("team_readiness", open_diagnose[0])).content.decode()
    assert "Belum ada tim yang mengisi diagnosis kesiapan." in body
    assert "<svg" not in body
    assert body.count('type="radio"') == 40
    assert "1 – sangat belum siap" in body and "5 – sangat siap" in body


def test_a_member_answers_through_the_page_and_sees_the_chart(
    client: Any,
    open_diagnose: tuple[Team, Team],
    innovator: User,
    other_innovator: User,
    django_assert_max_num_queries: Any,
) -> None:
    mine, theirs = open_diagnose
    answer_all(theirs, other_innovator, 4)
    questions = ask(mine.cohort)
    client.force_login(innovator)
    data = {f"q{q.pk}": "3" for q in questions}
    response = client.post(page("team_readiness", mine), data)
    assert response.status_code == 302 and set(stored(mine).values()) == {3}
    with django_assert_max_num_queries(16):
        body = client.get(page("team_readiness", mine)).content.decode()
    assert body.count("<svg") == 1 and "<desc" in body
    assert "Kepemimpinan: Tim Dinas Kesehatan 3; Rata-rata angkatan 3,5. Budaya kerja:" in body
    assert "<td>3,5</td>" in body  # the same figures as a table
    assert body.count(" checked") == len(questions)  # the saved answers fill the form again


def test_a_missing_answer_on_the_page_stores_nothing(
    client: Any, open_diagnose: tuple[Team, Team], innovator: User
) -> None:
    questions = ask(open_diagnose[0].cohort)
    client.force_login(innovator)
    data = {f"q{q.pk}": "4" for q in questions[1:]} | {f"q{questions[1].pk}": "9"}
    response = client.post(page("team_readiness", open_diagnose[0]), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Pilih nilai 1 sampai 5 untuk aspek Kepemimpinan." in body
    assert "Pilih nilai 1 sampai 5 untuk aspek Budaya kerja." in body
    assert not ReadinessAnswer.objects.exists()


def test_a_submitted_diagnose_hides_the_form_and_says_why(
    client: Any, open_diagnose: tuple[Team, Team], innovator: User
) -> None:
    team = open_diagnose[0]
    answer_all(team, innovator, 3)
    StageWork.objects.create(team=team, stage="diagnose", status=GateStatus.SUBMITTED)
    client.force_login(innovator)
    body = client.get(page("team_readiness", team)).content.decode()
    assert "menunggu persetujuan" in body and 'type="radio"' not in body
    questions = ask(team.cohort)
    response = client.post(page("team_readiness", team), {f"q{q.pk}": "5" for q in questions})
    assert response.status_code == 200 and "menunggu persetujuan" in response.content.decode()
    assert set(stored(team).values()) == {3}


@pytest.mark.parametrize(
    ("who", "read", "write"),
    [
        ("innovator", 200, 302),  # a member of the team
        ("other_innovator", 200, 403),  # a member of the other team
        ("lab_coach", 200, 302),  # the team's coach
        ("lab_other_coach", 404, 404),  # a coach of another team
        ("admin", 200, 302),
        ("verifier", 404, 404),  # region staff outside the cohort
        ("foreign_admin", 404, 404),  # another region
    ],
)
def test_team_page_permissions(
    client: Any,
    open_diagnose: tuple[Team, Team],
    request: pytest.FixtureRequest,
    who: str,
    read: int,
    write: int,
) -> None:
    team = open_diagnose[0]
    questions = ask(team.cohort)
    client.force_login(request.getfixturevalue(who))
    assert client.get(page("team_readiness", team)).status_code == read
    response = client.post(page("team_readiness", team), {f"q{q.pk}": "4" for q in questions})
    assert response.status_code == write
    assert ReadinessAnswer.objects.count() == (8 if write == 302 else 0)


# The cohort's questions and summary pages


def cohort_url(name: str, cohort: Cohort, *extra: int) -> str:
    return reverse(f"labs:{name}", args=[cohort.pk, *extra])


@pytest.mark.parametrize(
    ("who", "status"),
    [("admin", 200), ("innovator", 403), ("lab_coach", 403), ("verifier", 403), ("foreign_admin", 404)],
)
def test_only_the_regions_admin_manages_questions(
    client: Any, lab_teams: tuple[Team, Team], request: pytest.FixtureRequest, who: str, status: int
) -> None:
    cohort = lab_teams[0].cohort
    client.force_login(request.getfixturevalue(who))
    assert client.get(cohort_url("readiness_questions", cohort)).status_code == status
    client.post(cohort_url("readiness_questions", cohort), {"aspect": "Jejaring", "text": "?"})
    assert ReadinessQuestion.objects.filter(aspect="Jejaring").exists() == (status == 200)


def test_the_admin_adds_edits_and_removes_questions(
    client: Any, open_diagnose: tuple[Team, Team], admin: User, innovator: User
) -> None:
    cohort = open_diagnose[0].cohort
    answer_all(open_diagnose[0], innovator, 3)
    client.force_login(admin)
    duplicate = client.post(cohort_url("readiness_questions", cohort), {"aspect": "SDM", "text": "?"})
    assert "Aspek SDM sudah ada di angkatan ini" in duplicate.content.decode()
    client.post(cohort_url("readiness_questions", cohort), {"aspect": "Jejaring", "text": "Ada mitra?"})
    added = ReadinessQuestion.objects.get(aspect="Jejaring")
    edit = cohort_url("readiness_question_edit", cohort, added.pk)
    assert client.post(edit, {"aspect": "Mitra", "text": "Ada mitra?"}).status_code == 302
    remove = cohort_url("readiness_question_remove", cohort, added.pk)
    assert "Belum ada tim yang menjawab" in client.get(remove).content.decode()
    assert client.post(remove).status_code == 302
    # A question the team answered needs the box ticked; the page says how many answers go.
    lead = ReadinessQuestion.objects.get(cohort=cohort, aspect="Kepemimpinan")
    remove = cohort_url("readiness_question_remove", cohort, lead.pk)
    assert "sudah dijawab 1 tim" in client.get(remove).content.decode()
    refused = client.post(remove)
    assert refused.status_code == 200 and "Centang konfirmasi" in refused.content.decode()
    assert client.post(remove, {"answers_confirmed": "on"}).status_code == 302
    assert (
        ReadinessQuestion.objects.filter(cohort=cohort).count() == 7 and ReadinessAnswer.objects.count() == 7
    )


def test_a_question_of_another_cohort_is_not_found(
    client: Any, lab_cohort: Cohort, admin: User, region: Region
) -> None:
    other = services.cohort_create(actor=admin, region=region, name="Lab Lain", year=2026)
    theirs = drumup.readiness_question_create(cohort=other, aspect="Asing", text="?")
    client.force_login(admin)
    assert client.get(cohort_url("readiness_question_edit", lab_cohort, theirs.pk)).status_code == 404
    assert client.post(cohort_url("readiness_question_remove", lab_cohort, theirs.pk)).status_code == 404
    assert ReadinessQuestion.objects.filter(pk=theirs.pk).exists()


def summary_rows(body: str) -> list[str]:
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', body)


@pytest.mark.parametrize(
    ("who", "status", "rows"),
    [
        ("admin", 200, ["Tim Dinas Kesehatan", "Tim Dinas Perdagangan"]),
        ("innovator", 200, ["Tim Dinas Kesehatan", "Tim Dinas Perdagangan"]),  # participants read all
        ("lab_coach", 200, ["Tim Dinas Kesehatan"]),  # a coach only the teams they coach
        ("lab_other_coach", 200, ["Tim Dinas Perdagangan"]),
        ("verifier", 404, []),
        ("foreign_admin", 404, []),
    ],
)
def test_the_summary_shows_each_reader_the_rows_they_may_see(
    client: Any,
    open_diagnose: tuple[Team, Team],
    innovator: User,
    other_innovator: User,
    request: pytest.FixtureRequest,
    who: str,
    status: int,
    rows: list[str],
) -> None:
    answer_all(open_diagnose[0], innovator, 2)
    answer_all(open_diagnose[1], other_innovator, 5)
    client.force_login(request.getfixturevalue(who))
    response = client.get(cohort_url("readiness_summary", open_diagnose[0].cohort))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert summary_rows(body) == rows
        assert body.count("<strong>3,5</strong>") == 8  # the cohort average is of every team
        assert body.count("<svg") == 1


def test_the_summary_starts_empty(client: Any, lab_teams: tuple[Team, Team], admin: User) -> None:
    client.force_login(admin)
    body = client.get(cohort_url("readiness_summary", lab_teams[0].cohort)).content.decode()
    assert "Belum ada tim yang mengisi diagnosis kesiapan." in body and "0 dari 2 tim" in body
    assert "<svg" not in body


def test_summary_and_questions_pages_have_bounded_queries(
    client: Any,
    open_diagnose: tuple[Team, Team],
    admin: User,
    make_user: Callable[..., User],
    region: Region,
    django_assert_max_num_queries: Any,
) -> None:
    cohort = open_diagnose[0].cohort
    for index in range(6):
        unit = Unit.objects.create(region=region, name=f"Kecamatan {index}", kind=Unit.Kind.KECAMATAN)
        make_user(f"peserta{index}@uji.id", Role.INNOVATOR, region, unit)
        services.participants_enrol(cohort=cohort, units=[unit])
        team = services.unit_team_create(cohort=cohort, unit=unit, coach=None)
        answer_all(team, admin, index % 5 + 1)
    client.force_login(admin)
    with django_assert_max_num_queries(12):
        body = client.get(cohort_url("readiness_summary", cohort)).content.decode()
    assert len(summary_rows(body)) == 8
    with django_assert_max_num_queries(12):
        assert client.get(cohort_url("readiness_questions", cohort)).status_code == 200


# The radar chart


def test_the_radar_draws_one_axis_and_one_point_per_aspect() -> None:
    axes = ["Kepemimpinan", "SDM", "Anggaran", "Teknologi", "Regulasi"]
    svg = str(
        radar_chart(
            axes,
            [RadarSeries("Tim A", [1, 2, 3, 4, 5]), RadarSeries("Rata-rata", [3, 3, None, 3, 3])],
            title="Kesiapan",
            description="Angka per aspek.",
        )
    )
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count("<line") == len(axes) + 2  # the axes, then one legend line per series
    polygons = re.findall(r'<polygon points="([^"]+)"', svg)
    assert len(polygons) == 5 + 2  # five grid rings, then the two series
    assert all(len(points.split()) == len(axes) for points in polygons)
    assert svg.count("<circle") == 5 and svg.count("<rect") == 5  # markers differ, not only colours
    assert '<title id="radar-title">Kesiapan</title>' in svg and '<desc id="radar-desc">' in svg
    assert "Rata-rata: Anggaran –" in svg and "Tim A: SDM 2<" in svg


def test_the_radar_puts_the_first_axis_straight_up_and_clamps_values() -> None:
    svg = str(radar_chart(["A", "B", "C"], [RadarSeries("T", [5, 9, -2])], title="t", description="d"))
    series = re.findall(r'<polygon points="([^"]+)"', svg)[-1].split()
    assert series[0] == "280.0,130.0"  # the centre (280, 280) minus the full radius
    assert series[1] == "409.9,355.0"  # 9 is drawn at 5, one third of a turn clockwise
    assert series[2] == "280.0,280.0"  # below zero stays at the centre


def test_the_radar_escapes_every_text() -> None:
    svg = str(
        radar_chart(
            ["<script>alert(1)</script>", "A & B"],
            [RadarSeries('Tim "X" <b>', [1, 2])],
            title="<i>judul</i>",
            description="a < b",
            chart_id='x"y',
        )
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "A &amp; B" in svg and "Tim &quot;X&quot; &lt;b&gt;" in svg
    assert "&lt;i&gt;judul&lt;/i&gt;" in svg and "a &lt; b" in svg and 'id="x&quot;y-title"' in svg


def test_the_radar_wraps_long_labels_into_two_lines() -> None:
    svg = str(radar_chart(["Data dan informasi pelayanan", "B", "C"], [], title="t", description="d"))
    assert svg.count("<tspan") == 4
    assert ">Data dan</tspan>" in svg and ">informasi pelayanan</tspan>" in svg


def test_the_radar_of_nothing_is_empty_and_bad_input_is_refused() -> None:
    assert radar_chart([], [], title="t", description="d") == ""
    with pytest.raises(ValueError, match="3 values for 2 axes"):
        radar_chart(["A", "B"], [RadarSeries("T", [1, 2, 3])], title="t", description="d")
    three = [RadarSeries(str(n), [1]) for n in range(3)]
    with pytest.raises(ValueError, match="at most 2 series"):
        radar_chart(["A"], three, title="t", description="d")
