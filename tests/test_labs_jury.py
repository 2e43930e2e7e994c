"""The jury: rubric arithmetic and page, the tie rule, score bounds, jurors' privacy, the published Top N,
and the Display entry's poster and photos."""

import struct
import zlib
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse

from lumbung.accounts.models import Role, User
from lumbung.labs import gates, jury_services, services
from lumbung.labs.jury import EntryScores, RubricCriterion, rank_entries
from lumbung.labs.models import Cohort, Criterion, Entry, GateStatus, Score, StageWork, Team, TeamFile
from lumbung.regions.models import Region, Unit

from .factories import lab_approve_through

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
def entries(cohort: Cohort, unit: Unit, other_unit: Unit, admin: User) -> tuple[Entry, Entry]:
    one = Team.objects.create(cohort=cohort, unit=unit, name="Tim Dinkes")
    two = Team.objects.create(cohort=cohort, unit=other_unit, name="Tim Disdag")
    return (
        jury_services.entry_save(
            actor=admin, team=one, pitch="Antar obat ke rumah.", video_url="https://video.id/1"
        ),
        jury_services.entry_save(actor=admin, team=two, pitch="Pasar daring."),
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


# The Display stage's entry: poster and event photos


def png_bytes() -> bytes:
    """A real 1×1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))


def image(name: str = "poster.png", content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes() if content is None else content, content_type="image/png")


@pytest.fixture
def display_open(lab_teams: tuple[Team, Team]) -> tuple[Team, Team]:
    for team in lab_teams:
        lab_approve_through(team, "deliver")
    return lab_teams


def entry_url(team: Team) -> str:
    return reverse("labs:entry_edit", args=[team.cohort_id, team.pk])


def image_url(team: Team, file_pk: int) -> str:
    return reverse("labs:entry_image", args=[team.cohort_id, team.pk, file_pk])


def test_png_poster_is_stored_and_shown_inline(
    client: Any, display_open: tuple[Team, Team], innovator: User
) -> None:
    team = display_open[0]
    client.force_login(innovator)
    response = client.post(entry_url(team), {"action": "entry", "pitch": "Antar obat.", "poster": image()})
    assert response.status_code == 302
    entry = Entry.objects.select_related("poster").get(team=team)
    assert entry.poster is not None and entry.poster.purpose == TeamFile.Purpose.POSTER
    assert entry.poster.content_type == "image/png" and entry.poster.uploaded_by == innovator
    page = client.get(entry_url(team)).content.decode()
    assert image_url(team, entry.poster.pk) in page
    assert reverse("labs:team_file_download", args=[team.cohort_id, team.pk, entry.poster.pk]) in page
    shown = client.get(image_url(team, entry.poster.pk))
    assert shown.status_code == 200 and shown["Content-Type"] == "image/png"
    assert shown["Content-Disposition"] == "inline" and shown["X-Content-Type-Options"] == "nosniff"
    assert b"".join(shown.streaming_content) == png_bytes()

    # A new poster replaces the old one; the old file row goes.
    old = entry.poster.pk
    client.post(entry_url(team), {"action": "entry", "pitch": "Antar obat.", "poster": image("baru.png")})
    assert not TeamFile.objects.filter(pk=old).exists()
    assert TeamFile.objects.filter(team=team, purpose=TeamFile.Purpose.POSTER).count() == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"bukan gambar, hanya teks", "Jenis berkas tidak diizinkan"),
        (b"%PDF-1.4\n1 0 obj\n%%EOF\n", "Unggah gambar JPEG atau PNG."),
    ],
)
def test_fake_or_non_image_poster_is_refused_and_nothing_written(
    client: Any, display_open: tuple[Team, Team], innovator: User, content: bytes, message: str
) -> None:
    client.force_login(innovator)
    data = {"action": "entry", "pitch": "Antar obat.", "poster": image("poster.png", content)}
    response = client.post(entry_url(display_open[0]), data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Entry.objects.exists() and not TeamFile.objects.exists()


def test_display_under_review_refuses_changes_but_not_the_admin(
    client: Any, display_open: tuple[Team, Team], innovator: User, admin: User
) -> None:
    team = display_open[0]
    StageWork.objects.update_or_create(team=team, stage="display", defaults={"status": GateStatus.SUBMITTED})
    client.force_login(innovator)
    page = client.get(entry_url(team)).content.decode()
    assert "menunggu persetujuan" in page and 'name="pitch"' not in page
    response = client.post(entry_url(team), {"action": "entry", "pitch": "Antar obat.", "poster": image()})
    assert response.status_code == 400 and "menunggu persetujuan" in response.content.decode()
    photo = client.post(entry_url(team), {"action": "photo", "file": image("foto.png")})
    assert photo.status_code == 400
    assert not Entry.objects.exists() and not TeamFile.objects.exists()
    with pytest.raises(ValidationError, match="menunggu persetujuan"):
        jury_services.entry_save(actor=innovator, team=team, pitch="Antar obat.")
    assert jury_services.entry_save(actor=admin, team=team, pitch="Koreksi admin.").pitch == "Koreksi admin."


def test_photos_are_added_and_removed_after_confirmation(
    client: Any, display_open: tuple[Team, Team], innovator: User, other_innovator: User, monkeypatch: Any
) -> None:
    team = display_open[0]
    client.force_login(innovator)
    assert (
        client.post(
            entry_url(team), {"action": "photo", "file": image("a.png"), "caption": "Pameran"}
        ).status_code
        == 302
    )
    refused = client.post(entry_url(team), {"action": "photo", "file": image("b.png", b"GIF89a palsu")})
    assert refused.status_code == 400
    [photo] = jury_services.photos_of(team)
    assert photo.caption == "Pameran" and photo.purpose == TeamFile.Purpose.PHOTO
    assert image_url(team, photo.pk) in client.get(entry_url(team)).content.decode()

    monkeypatch.setattr(jury_services, "MAX_PHOTOS", 1)
    with pytest.raises(ValidationError, match="Paling banyak 1 foto"):
        jury_services.entry_photo_add(actor=innovator, team=team, upload=image("c.png"))

    remove = reverse("labs:entry_photo_remove", args=[team.cohort_id, team.pk, photo.pk])
    client.force_login(other_innovator)  # reads the cohort's teams, edits only their own
    assert client.get(remove).status_code == 403 and client.post(remove).status_code == 403
    client.force_login(innovator)
    assert "Hapus foto kegiatan?" in client.get(remove).content.decode()
    assert TeamFile.objects.filter(pk=photo.pk).exists()  # asking removes nothing
    assert client.post(remove).status_code == 302
    assert not TeamFile.objects.filter(pk=photo.pk).exists()


def test_entry_images_follow_the_entry_reading_rule(
    client: Any,
    display_open: tuple[Team, Team],
    innovator: User,
    other_innovator: User,
    lab_coach: User,
    lab_other_coach: User,
    lab_juror: User,
    admin: User,
    leader: User,
    foreign_admin: User,
) -> None:
    team = display_open[0]
    entry = jury_services.entry_save(actor=innovator, team=team, pitch="Antar obat.", poster=image())
    assert entry.poster is not None
    letter = gates.team_file_add(
        actor=innovator, team=team, purpose=TeamFile.Purpose.COMMITMENT,
        upload=SimpleUploadedFile("surat.pdf", b"%PDF-1.4\n%%EOF\n"),
    )  # fmt: skip
    url = image_url(team, entry.poster.pk)
    for reader in (innovator, other_innovator, lab_coach, lab_juror, admin):
        client.force_login(reader)
        assert client.get(url).status_code == 200, reader
        assert client.get(image_url(team, letter.pk)).status_code == 404  # never a non-image inline
    for outsider in (lab_other_coach, leader, foreign_admin):
        client.force_login(outsider)
        assert client.get(url).status_code == 404, outsider


def test_jurors_sheet_shows_posters_and_photos_in_few_queries(
    client: Any,
    display_open: tuple[Team, Team],
    innovator: User,
    other_innovator: User,
    lab_juror: User,
    django_assert_max_num_queries: Any,
) -> None:
    one, two = display_open
    first = jury_services.entry_save(actor=innovator, team=one, pitch="Antar obat.", poster=image())
    jury_services.entry_save(actor=other_innovator, team=two, pitch="Pasar daring.", poster=image("b.png"))
    photo = jury_services.entry_photo_add(actor=innovator, team=one, upload=image("f.png"))
    jury_services.criteria_for(one.cohort)  # the default rubric is created on the first visit
    client.force_login(lab_juror)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("labs:jury_score", args=[one.cohort_id])).content.decode()
    assert first.poster is not None
    assert image_url(one, first.poster.pk) in page and image_url(one, photo.pk) in page
    assert "Pasar daring." in page
    client.force_login(innovator)
    with django_assert_max_num_queries(16):
        assert client.get(entry_url(one)).status_code == 200


# The rubric page


def rubric_data(rows: list[tuple[str, Any]], initial: int, deleted: tuple[int, ...] = ()) -> dict[str, Any]:
    data: dict[str, Any] = {"form-TOTAL_FORMS": len(rows), "form-INITIAL_FORMS": initial}
    for i, (name, weight) in enumerate(rows):
        data[f"form-{i}-name"] = name
        data[f"form-{i}-weight"] = weight
        if i in deleted:
            data[f"form-{i}-DELETE"] = "on"
    return data


def default_rows() -> list[tuple[str, Any]]:
    return [(c.name, c.weight) for c in DEFAULT]


def test_rubric_page_renames_adds_and_removes(
    admin_in_client: Any, cohort: Cohort, django_assert_max_num_queries: Any
) -> None:
    url = reverse("labs:jury_rubric", args=[cohort.pk])
    jury_services.criteria_for(cohort)
    with django_assert_max_num_queries(10):
        page = admin_in_client.get(url).content.decode()
    assert "Kebaharuan" in page and 'id="rubric-sum"' in page and ">100</output>" in page
    rows = default_rows() + [("Keberlanjutan", 10), ("", "")]
    rows[0] = ("Kebaruan", 30)
    # Penguasaan materi (10) removed, Keberlanjutan (10) added.
    response = admin_in_client.post(url, rubric_data(rows, initial=5, deleted=(4,)))
    assert response.status_code == 302
    assert [(c.name, c.weight) for c in jury_services.criteria_for(cohort)] == [
        ("Kebaruan", 30), ("Kemanfaatan", 25), ("Kewenangan dan kolaborasi", 15),
        ("Replikasi dan aplikatif", 20), ("Keberlanjutan", 10),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({0: ("Kebaharuan", 25)}, "sekarang 95%"),
        ({0: ("Kebaharuan", 35)}, "sekarang 105%"),
        ({0: ("Kebaharuan", "29.5"), 1: ("Kemanfaatan", "25.5")}, "Bobot harus bilangan bulat 0–100."),
        ({0: ("", 30)}, "Isi nama kriteria ini."),
        ({1: ("kebaharuan", 25)}, "muncul lebih dari sekali"),
        ({1: ("Kemanfaatan", "")}, "Isi bobot kriteria ini."),
        ({5: ("Keberlanjutan", 10)}, "sekarang 110%"),  # a row added without lowering another
    ],
)
def test_rubric_refuses_bad_weights_and_writes_nothing(
    admin_in_client: Any, cohort: Cohort, change: dict[int, tuple[str, Any]], message: str
) -> None:
    before = [(c.pk, c.name, c.weight) for c in jury_services.criteria_for(cohort)]
    rows = default_rows() + [("", "")]
    for i, row in change.items():
        rows[i] = row
    response = admin_in_client.post(
        reverse("labs:jury_rubric", args=[cohort.pk]), rubric_data(rows, initial=5)
    )
    assert response.status_code == 400 and message in response.content.decode()
    assert [(c.pk, c.name, c.weight) for c in jury_services.criteria_for(cohort)] == before


def test_rubric_service_refuses_an_empty_or_oversized_rubric(cohort: Cohort) -> None:
    with pytest.raises(ValidationError, match="paling sedikit satu"):
        jury_services.criteria_replace(cohort=cohort, rows=[])
    with pytest.raises(ValidationError, match="paling banyak"):
        jury_services.criteria_replace(cohort=cohort, rows=[(f"K{i}", 5) for i in range(20)])
    saved = jury_services.criteria_replace(cohort=cohort, rows=[("  Satu-satunya  ", 100)])
    assert [(c.name, c.weight, c.position) for c in saved] == [("Satu-satunya", 100, 1)]


def test_rubric_is_locked_once_a_juror_has_scored(
    client: Any, cohort: Cohort, entries: tuple[Entry, Entry], jurors: tuple[User, User], admin: User
) -> None:
    criteria = jury_services.criteria_for(cohort)
    jury_services.score_save(entry=entries[0], juror=jurors[0], criterion=criteria[0], value=70)
    url = reverse("labs:jury_rubric", args=[cohort.pk])
    client.force_login(admin)
    page = client.get(url).content.decode()
    assert "Juri sudah mulai memberi nilai" in page and 'name="form-0-name"' not in page
    swapped = [("Kebaharuan", 25), ("Kemanfaatan", 30)] + default_rows()[2:]
    refused = client.post(url, rubric_data(swapped, initial=5))
    assert refused.status_code == 400 and "Juri sudah mulai memberi nilai" in refused.content.decode()
    assert [c.weight for c in jury_services.criteria_for(cohort)] == [30, 25, 15, 20, 10]
    with pytest.raises(ValidationError, match="Juri sudah mulai"):
        jury_services.criteria_replace(cohort=cohort, rows=swapped)
    with pytest.raises(ValidationError, match="Juri sudah mulai"):
        jury_services.criteria_set_weights(cohort=cohort, weights={criteria[0].pk: 25, criteria[1].pk: 30})


def test_rubric_page_is_for_the_regions_admin(
    client: Any, cohort: Cohort, jurors: tuple[User, User], innovator: User, foreign_admin: User
) -> None:
    url = reverse("labs:jury_rubric", args=[cohort.pk])
    for user, status in ((jurors[0], 403), (innovator, 403), (foreign_admin, 404)):
        client.force_login(user)
        assert client.get(url).status_code == status
        assert client.post(url, rubric_data([("Satu", 100)], initial=1)).status_code == status
    assert len(jury_services.criteria_for(cohort)) == 5
