"""Editions of the index as data: the shipped 2026 edition, checks, services, workbooks, command, pages."""

import copy
import io
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from lumbung.accounts.models import User
from lumbung.assessment import editions
from lumbung.assessment.editions.spec import read_edition, spec_sums
from lumbung.assessment.models import Answer, Basis, Edition, Indicator, Option
from lumbung.regions.models import Region

pytestmark = pytest.mark.django_db

FIXTURE_2023 = Path(__file__).parent / "fixtures" / "edition-2023-test.json"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def national(make_user: Callable[..., User]) -> User:
    user = make_user("nasional@uji.id")
    user.is_superuser = True
    user.save(update_fields=["is_superuser"])
    return user


@pytest.fixture
def data_2023() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FIXTURE_2023.read_text(encoding="utf-8"))
    return data


@pytest.fixture
def edition_2023(data_2023: dict[str, Any]) -> Edition:
    return editions.edition_load(data_2023)


def messages_of(error: pytest.ExceptionInfo[ValidationError]) -> str:
    return " | ".join(error.value.messages)


def counts() -> tuple[int, int, int, int]:
    return (Edition.objects.count(), Indicator.objects.count(), Basis.objects.count(), Option.objects.count())


# The shipped 2026 edition.


def test_the_data_migration_loaded_the_2026_edition(edition_2026: Edition) -> None:
    edition = Edition.objects.get(year=2026)
    assert edition.name == "Indeks Inovasi Daerah 2026"
    assert edition.source == "Surat Kepala BSKDN 400.10.11/1887/BSKDN, 29 April 2026"
    assert edition.third_party and "dua implementasi daerah" in edition.notes
    assert edition.state == Edition.State.DRAFT
    assert (edition.max_total, edition.divisor_floor, edition.quantity_factor) == (250, 12, Decimal("0.38"))
    assert (edition.quantity_cap, edition.coverage_required, edition.coverage_counts_other_urusan) == (
        200,
        5,
        False,
    )
    assert (edition.very_innovative_min, edition.innovative_min) == (Decimal("65.01"), Decimal("40.01"))
    assert str(edition.eligibility_start) == "2024-01-01" and str(edition.eligibility_end) == "2025-12-31"
    assert edition.min_design_words == 300 and edition.reporting_deadline is None


def test_2026_has_every_indicator_row_with_three_levels(edition_2026: Edition) -> None:
    spd = list(edition_2026.indicators.filter(aspect="spd").values_list("number", flat=True))
    sid = list(edition_2026.indicators.filter(aspect="sid").values_list("number", flat=True))
    assert spd == ["1", "2a", "2b", "3", "4", "5a", "5b", "6", "7", "8", "9", "10a", "10b", "11a", "11b",
                   "12", "13a", "13b", "14", "15"]  # fmt: skip
    assert sid == [str(n) for n in range(16, 36)]
    for indicator in edition_2026.indicators.exclude(number="33"):
        assert sorted(indicator.options.values_list("level", flat=True)) == [1, 2, 3], indicator.number
        assert not indicator.bases.exists()
        assert indicator.evidence
    kemanfaatan = edition_2026.indicators.get(number="33")
    assert list(kemanfaatan.bases.values_list("code", flat=True)) == ["a", "b", "c", "d", "e", "f"]
    for basis in kemanfaatan.bases.all():
        assert sorted(basis.options.values_list("level", flat=True)) == [1, 2, 3], basis.code
    assert not kemanfaatan.options.filter(basis=None).exists()
    mandatory = set(edition_2026.indicators.filter(mandatory=True).values_list("number", flat=True))
    assert mandatory == {"1", "3", "4", "5a", "5b", "6", "7", "8", "9", "10a", "10b", "11a", "11b",
                         "16", "17", "32", "33", "35"}  # fmt: skip
    opinion = edition_2026.indicators.get(number="8").options.get(level=1).text
    assert "disclaimer" in opinion


def test_2026_sums_give_63_111_76_250(edition_2026: Edition) -> None:
    spd = sum(i.weight * 3 for i in edition_2026.indicators.filter(aspect="spd"))
    sid = sum(i.weight * 3 for i in edition_2026.indicators.filter(aspect="sid"))
    quantity = edition_2026.quantity_cap * edition_2026.quantity_factor
    assert (spd, sid, quantity) == (63, 111, 76)
    assert spd + sid + quantity == edition_2026.max_total == 250
    sums = spec_sums(read_edition(editions.read_shipped(2026)))
    assert (sums.spd_max, sums.sid_max, sums.quantity_max, sums.total, sums.adds_up) == (
        63,
        111,
        76,
        250,
        True,
    )


def test_the_dump_of_the_shipped_edition_is_its_data_file(edition_2026: Edition) -> None:
    assert editions.edition_dump(edition_2026) == editions.read_shipped(2026)


def test_the_shipped_loader_is_safe_to_run_again(edition_2026: Edition) -> None:
    assert editions.shipped_edition_ensure(2026).pk == edition_2026.pk
    edition_2026.delete()
    reloaded = editions.shipped_edition_ensure(2026)
    assert (
        reloaded.indicators.count() == 40 and Basis.objects.filter(indicator__edition=reloaded).count() == 6
    )


def test_the_2023_test_edition_loads_with_its_rules(edition_2023: Edition) -> None:
    assert edition_2023.divisor_floor == 10
    assert (edition_2023.very_innovative_min, edition_2023.innovative_min) == (
        Decimal("60.01"),
        Decimal("35"),
    )
    assert edition_2023.indicators.count() == 6
    assert Option.objects.filter(indicator__edition=edition_2023).count() == 5 * 3 + 2 * 3


# Checks on load: every problem listed, nothing written.


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    target: Any = data
    keys = path.split(".")
    for key in keys[:-1]:
        target = target[int(key)] if key.isdigit() else target[key]
    last = keys[-1]
    if last.isdigit():
        target[int(last)] = value
    else:
        target[last] = value


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (
            "indicators.0.options",
            [{"level": 1, "text": "a"}, {"level": 2, "text": "b"}],
            "tepat tiga pilihan",
        ),
        ("indicators.0.options.2.level", 2, "level 2 muncul lebih dari sekali"),
        ("indicators.0.options.2.level", 4, "harus 1, 2, atau 3"),
        ("indicators.0.options.1.text", " ", "Teks pilihan level 2 wajib diisi"),
        (
            "indicators.5.bases.1.options",
            [{"level": 1, "text": "a"}],
            "Indikator 6, dasar b: harus punya tepat",
        ),
        ("indicators.5.bases.1.code", "a", "kode dasar a muncul lebih dari sekali"),
        ("indicators.5.options", [{"level": 1, "text": "x"}], "kosongkan pilihan umumnya"),
        ("indicators.0.weight", 0, "bobot harus lebih dari 0"),
        ("indicators.0.weight", -1, "bobot harus lebih dari 0"),
        ("indicators.0.weight", "dua", "bobot “dua” bukan angka"),
        ("indicators.0.weight", 0.755, "paling banyak 2 angka di belakang koma"),
        ("indicators.0.aspect", "xyz", "aspek harus SPD atau SID"),
        ("indicators.1.number", "1", "nomor harus unik"),
        ("indicators.1.number", "", "nomor wajib diisi"),
        ("indicators.0.name", "", "Nama indikator wajib diisi"),
        ("rules.innovative_min", 0, "Batas bawah Inovatif harus lebih dari 0"),
        ("rules.innovative_min", 60.01, "harus lebih kecil dari batas bawah Sangat Inovatif"),
        ("rules.very_innovative_min", 100.01, "paling tinggi 100"),
        ("rules.divisor_floor", 0, "pembagi minimum (k) harus antara 1"),
        ("rules.max_total", 0, "Nilai total maksimum harus lebih dari 0"),
        ("rules.quantity_factor", -0.1, "Skor per inovasi tidak boleh negatif"),
        ("rules.eligibility_start", "2025-01-01", None),
        ("rules.eligibility_end", "31/12/2025", "bukan tanggal"),
        ("year", 1999, "tahun harus antara 2000 dan 2100"),
        ("name", "", "Nama edisi wajib diisi"),
        ("format", 2, "format berkas 2 tidak dikenal"),
    ],
)
def test_a_bad_edition_is_refused_whole(
    data_2023: dict[str, Any], path: str, value: Any, expected: str | None
) -> None:
    data = copy.deepcopy(data_2023)
    _set(data, path, value)
    if expected is None:  # a valid change: the load goes through
        _set(data, "rules.eligibility_end", "2025-12-31")
        assert editions.edition_load(data).eligibility_start is not None
        return
    before = counts()
    with pytest.raises(ValidationError) as error:
        editions.edition_load(data)
    assert expected in messages_of(error)
    assert counts() == before


def test_eligibility_window_must_run_forwards(data_2023: dict[str, Any]) -> None:
    data_2023["rules"] |= {"eligibility_start": "2025-12-31", "eligibility_end": "2024-01-01"}
    with pytest.raises(ValidationError) as error:
        editions.edition_load(data_2023)
    assert "Awal jendela penerapan harus sebelum" in messages_of(error)


def test_every_problem_is_listed_at_once(data_2023: dict[str, Any]) -> None:
    data_2023["indicators"][0]["weight"] = 0
    data_2023["indicators"][2]["options"] = []
    data_2023["rules"]["divisor_floor"] = 0
    with pytest.raises(ValidationError) as error:
        editions.edition_load(data_2023)
    assert len(error.value.messages) == 3
    assert error.value.messages[0].startswith("Aturan:")


def test_an_edition_needs_both_aspects(data_2023: dict[str, Any]) -> None:
    data_2023["indicators"] = [i for i in data_2023["indicators"] if i["aspect"] == "spd"]
    with pytest.raises(ValidationError) as error:
        editions.edition_load(data_2023)
    assert "belum ada indikator SID" in messages_of(error)


def test_a_year_that_exists_is_refused(edition_2023: Edition, data_2023: dict[str, Any]) -> None:
    before = counts()
    with pytest.raises(ValidationError) as error:
        editions.edition_load(data_2023)
    assert "Edisi tahun 2023 sudah ada" in messages_of(error)
    assert counts() == before


def test_not_an_object_is_refused() -> None:
    with pytest.raises(ValidationError, match="harus berupa objek"):
        editions.edition_load([1, 2])  # type: ignore[arg-type]


def test_only_national_admins_load(admin: User, data_2023: dict[str, Any]) -> None:
    with pytest.raises(PermissionDenied):
        editions.edition_load(data_2023, actor=admin)


# Corrections to a draft.


def test_rules_are_updated_together(edition_2023: Edition) -> None:
    editions.edition_update_rules(
        edition=edition_2023, divisor_floor=14, innovative_min=Decimal("36"), name="Edisi uji baru"
    )
    edition_2023.refresh_from_db()
    assert (edition_2023.divisor_floor, edition_2023.innovative_min, edition_2023.name) == (
        14,
        36,
        "Edisi uji baru",
    )


def test_rule_problems_are_keyed_by_field_and_write_nothing(edition_2023: Edition) -> None:
    with pytest.raises(ValidationError) as error:
        editions.edition_update_rules(
            edition=edition_2023, innovative_min=Decimal("70"), divisor_floor=0, name="Berubah"
        )
    assert set(error.value.message_dict) == {"innovative_min", "divisor_floor"}
    edition_2023.refresh_from_db()
    assert (edition_2023.innovative_min, edition_2023.divisor_floor, edition_2023.name) == (
        35,
        10,
        "Edisi uji aturan 2023",
    )


def test_unknown_rule_is_a_programming_error(edition_2023: Edition) -> None:
    with pytest.raises(TypeError):
        editions.edition_update_rules(edition=edition_2023, year=2030)


def test_an_indicator_with_its_options_and_bases_is_updated(edition_2023: Edition) -> None:
    one = edition_2023.indicators.get(number="1")
    editions.indicator_update(indicator=one, weight=Decimal("2.5"), mandatory=False, options={2: "Baru dua."})
    one.refresh_from_db()
    assert (one.weight, one.mandatory) == (Decimal("2.5"), False)
    assert one.options.get(level=2).text == "Baru dua."
    assert one.options.get(level=1).text == "Indikator 1: pilihan level 1."
    six = edition_2023.indicators.get(number="6")
    editions.indicator_update(indicator=six, number="6x", bases={"b": ("Dasar baru", {3: "Tiga baru."})})
    assert Basis.objects.get(indicator=six, code="b").name == "Dasar baru"
    assert Option.objects.get(basis__indicator=six, basis__code="b", level=3).text == "Tiga baru."
    assert (
        Option.objects.get(basis__indicator=six, basis__code="a", level=3).text == "Dasar a: pilihan level 3."
    )
    six.refresh_from_db()
    assert six.number == "6x"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"weight": Decimal("0")}, "weight"),
        ({"number": "2"}, "number"),
        ({"aspect": "abc"}, "aspect"),
        ({"name": ""}, "name"),
        ({"options": {1: ""}}, "__all__"),
    ],
)
def test_a_bad_indicator_change_writes_nothing(
    edition_2023: Edition, changes: dict[str, Any], field: str
) -> None:
    one = edition_2023.indicators.get(number="1")
    with pytest.raises(ValidationError) as error:
        editions.indicator_update(indicator=one, variable="Berubah", **changes)
    assert field in error.value.message_dict
    one.refresh_from_db()
    assert one.variable == "Kapasitas daerah" and one.weight == Decimal("6.3")
    assert one.options.get(level=1).text == "Indikator 1: pilihan level 1."


# Publishing, and a published edition never changes.


def test_publish_freezes_the_edition(national: User, edition_2023: Edition) -> None:
    published = editions.edition_publish(actor=national, edition=edition_2023)
    assert published.is_published and published.published_by == national and published.published_at


def test_only_national_admins_publish_and_clone(admin: User, edition_2023: Edition) -> None:
    with pytest.raises(PermissionDenied):
        editions.edition_publish(actor=admin, edition=edition_2023)
    with pytest.raises(PermissionDenied):
        editions.edition_clone(actor=admin, edition=edition_2023, year=2024)
    with pytest.raises(PermissionDenied):
        editions.edition_delete(actor=admin, edition=edition_2023)
    edition_2023.refresh_from_db()
    assert not edition_2023.is_published and Edition.objects.filter(year=2024).count() == 0


@pytest.mark.parametrize(
    "write",
    [
        lambda e, u: editions.edition_update_rules(edition=e, divisor_floor=11),
        lambda e, u: editions.edition_update_rules(edition=e, notes="Catatan baru"),
        lambda e, u: editions.indicator_update(indicator=e.indicators.get(number="1"), weight=Decimal(2)),
        lambda e, u: editions.indicator_update(indicator=e.indicators.get(number="1"), options={1: "Ubah."}),
        lambda e, u: editions.indicator_update(
            indicator=e.indicators.get(number="6"), bases={"a": ("Ubah", {})}
        ),
        lambda e, u: editions.edition_publish(actor=u, edition=e),
        lambda e, u: editions.edition_delete(actor=u, edition=e),
    ],
    ids=["rules", "notes", "weight", "option", "basis", "publish-again", "delete"],
)
def test_a_published_edition_refuses_every_write(
    national: User, edition_2023: Edition, write: Callable[[Edition, User], Any]
) -> None:
    editions.edition_publish(actor=national, edition=edition_2023)
    before = editions.edition_dump(edition_2023)
    with pytest.raises(ValidationError) as error:
        write(edition_2023, national)
    assert error.value.code == "published" and "sudah terbit" in messages_of(error)
    assert editions.edition_dump(edition_2023) == before


def test_a_draft_with_answers_cannot_be_deleted(
    national: User, edition_2023: Edition, region: Region
) -> None:
    Answer.objects.create(
        edition=edition_2023, indicator=edition_2023.indicators.get(number="1"), region=region, level=2
    )
    with pytest.raises(ValidationError, match="sudah punya jawaban"):
        editions.edition_delete(actor=national, edition=edition_2023)
    assert Edition.objects.filter(pk=edition_2023.pk).exists()


def test_a_draft_is_deleted_whole(national: User, edition_2023: Edition) -> None:
    before = counts()
    editions.edition_delete(actor=national, edition=edition_2023)
    assert counts() == (before[0] - 1, before[1] - 6, before[2] - 2, before[3] - 21)


# Cloning.


def test_clone_copies_everything_into_a_new_draft(national: User, edition_2026: Edition) -> None:
    editions.edition_publish(actor=national, edition=edition_2026)
    clone = editions.edition_clone(actor=national, edition=edition_2026, year=2027)
    assert clone.state == Edition.State.DRAFT and clone.cloned_from == edition_2026
    assert clone.name == "Indeks Inovasi Daerah 2027"
    assert (str(clone.eligibility_start), str(clone.eligibility_end)) == ("2025-01-01", "2026-12-31")
    original, copied = editions.edition_dump(edition_2026), editions.edition_dump(clone)
    assert copied["indicators"] == original["indicators"]
    assert {k: v for k, v in copied["rules"].items() if "eligibility" not in k} == {
        k: v for k, v in original["rules"].items() if "eligibility" not in k
    }
    editions.edition_update_rules(edition=clone, divisor_floor=14)  # the clone can be changed


def test_clone_into_an_existing_year_is_refused(
    national: User, edition_2026: Edition, edition_2023: Edition
) -> None:
    before = counts()
    with pytest.raises(ValidationError) as error:
        editions.edition_clone(actor=national, edition=edition_2023, year=2026)
    assert "year" in error.value.message_dict
    assert counts() == before


def test_clone_moves_29_february_to_28(national: User, edition_2023: Edition) -> None:
    editions.edition_update_rules(edition=edition_2023, reporting_deadline="2024-02-29")
    edition_2023.refresh_from_db()
    edition_2023.year = 2024  # stands for any leap-year edition
    Edition.objects.filter(pk=edition_2023.pk).update(year=2024)
    clone = editions.edition_clone(actor=national, edition=edition_2023, year=2025)
    assert str(clone.reporting_deadline) == "2025-02-28"


# Round trips: JSON and XLSX.


def test_json_round_trip(edition_2026: Edition) -> None:
    data = editions.edition_dump(edition_2026)
    data["year"] = 2099
    text = json.dumps(data, ensure_ascii=False)
    loaded = editions.edition_load(json.loads(text))
    assert editions.edition_dump(loaded) == data


def test_xlsx_round_trip(edition_2026: Edition) -> None:
    data = editions.edition_dump(edition_2026)
    data["year"] = 2099
    data["indicators"][0]["options"][0]["text"] = "=SUM(A1:A3) ditulis sebagai teks"
    loaded = editions.edition_load(editions.edition_from_xlsx(io.BytesIO(editions.edition_to_xlsx(data))))
    assert editions.edition_dump(loaded) == data


def test_the_workbook_holds_values_in_two_sheets(edition_2026: Edition) -> None:
    data = editions.edition_dump(edition_2026)
    data["indicators"][0]["name"] = "=1+1"
    book = openpyxl.load_workbook(io.BytesIO(editions.edition_to_xlsx(data)))
    assert book.sheetnames == ["Aturan", "Indikator"]
    rules = {row[0]: row[1] for row in book["Aturan"].iter_rows(min_row=2, values_only=True)}
    assert rules["pembagi_minimum"] == 12 and rules["batas_sangat_inovatif"] == 65.01
    assert rules["pihak_ketiga"] == "ya"
    sheet = book["Indikator"]
    assert [c.value for c in sheet[1]] == [
        "aspek", "nomor", "variabel", "indikator", "bobot", "wajib",
        "dasar", "nama dasar", "level", "pilihan", "bukti",
    ]  # fmt: skip
    assert sheet.max_row == 1 + 39 * 3 + 6 * 3
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert sheet["D2"].value == "=1+1" and sheet["D2"].data_type == "s"


def _workbook(edition: Edition, change: Callable[[Any], None]) -> io.BytesIO:
    data = editions.edition_dump(edition)
    data["year"] = 2099
    book = openpyxl.load_workbook(io.BytesIO(editions.edition_to_xlsx(data)))
    change(book)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda b: b["Indikator"].cell(3, 9, "dua"), "Indikator 1: level pilihan harus 1, 2, atau 3"),
        (lambda b: b["Indikator"].cell(3, 5, 2), "Lembar Indikator, baris 3: bobot indikator 1 berbeda"),
        (lambda b: b["Indikator"].cell(4, 5, "=1+1"), "Lembar Indikator, baris 4: kolom bobot berisi rumus"),
        (
            lambda b: setattr(b["Indikator"]["B2"], "value", None),
            "Lembar Indikator, baris 2: nomor indikator wajib diisi",
        ),
        (lambda b: b["Indikator"].cell(1, 9, "tingkat"), "kolom level tidak ada di baris judul"),
        (lambda b: b["Aturan"].cell(3, 1, "apa"), "Lembar Aturan, baris 3: kunci “apa” tidak dikenal"),
        (lambda b: b["Aturan"].cell(7, 2, "nol"), "nilai total maksimum “nol” bukan angka"),
        (lambda b: b.remove(b["Aturan"]), "tidak punya lembar Aturan"),
    ],
)
def test_a_bad_workbook_is_refused_with_its_rows(
    edition_2026: Edition, change: Callable[[Any], None], expected: str
) -> None:
    before = counts()
    with pytest.raises(ValidationError) as error:
        editions.edition_load(editions.edition_from_xlsx(_workbook(edition_2026, change)))
    assert expected in messages_of(error)
    assert counts() == before


def test_not_a_workbook_is_refused() -> None:
    with pytest.raises(ValidationError, match="bukan XLSX"):
        editions.edition_from_xlsx(io.BytesIO(b"bukan zip"))


# The command.


def test_command_exports_and_imports(edition_2026: Edition, tmp_path: Path) -> None:
    out = io.StringIO()
    call_command("edition", "export", "2026", "-o", str(tmp_path / "e.json"), stdout=out)
    call_command("edition", "export", "2026", "-o", str(tmp_path / "e.xlsx"), stdout=out)
    data = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    assert data == editions.read_shipped(2026)
    data["year"] = 2030
    (tmp_path / "e.json").write_text(json.dumps(data), encoding="utf-8")
    call_command("edition", "import", str(tmp_path / "e.json"), stdout=out)
    assert "Edisi 2030" in out.getvalue() and "40 indikator" in out.getvalue()
    edition_2026.delete()
    call_command("edition", "import", str(tmp_path / "e.xlsx"), stdout=out)
    assert editions.edition_dump(Edition.objects.get(year=2026)) == editions.read_shipped(2026)


def test_command_lists_problems_and_writes_nothing(data_2023: dict[str, Any], tmp_path: Path) -> None:
    data_2023["indicators"][0]["weight"] = 0
    data_2023["rules"]["innovative_min"] = 80
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data_2023), encoding="utf-8")
    out = io.StringIO()
    before = counts()
    with pytest.raises(CommandError) as error:
        call_command("edition", "import", str(path), stdout=out)
    assert error.value.returncode == 1 and "2 masalah" in str(error.value)
    assert "Indikator 1: bobot harus lebih dari 0." in out.getvalue()
    assert "Batas bawah Inovatif" in out.getvalue()
    assert counts() == before


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["import", "/tidak/ada.json"], "tidak ditemukan"),
        (["export", "1990", "-o", "/tmp/x.xlsx"], "Edisi tahun 1990 tidak ada"),
    ],
)
def test_command_refuses_missing_things(args: list[str], expected: str) -> None:
    with pytest.raises(CommandError, match=expected):
        call_command("edition", *args)


def test_command_refuses_broken_json(tmp_path: Path) -> None:
    path = tmp_path / "rusak.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(CommandError, match="bukan JSON"):
        call_command("edition", "import", str(path))


# Pages: everyone signed in reads; only national administrators change.


def test_anonymous_is_sent_to_login(client: Any, edition_2026: Edition) -> None:
    login = reverse("accounts:login")
    for url in (reverse("assessment:edition_list"), reverse("assessment:edition_detail", args=[2026])):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(login)


def test_region_admin_reads_but_cannot_change(client: Any, admin: User, edition_2026: Edition) -> None:
    client.force_login(admin)
    assert client.get(reverse("assessment:edition_list")).status_code == 200
    page = client.get(reverse("assessment:edition_detail", args=[2026]))
    assert page.status_code == 200
    assert reverse("assessment:edition_edit", args=[2026]) not in page.content.decode()
    assert client.get(reverse("assessment:edition_export", args=[2026])).status_code == 200
    indicator = edition_2026.indicators.get(number="1")
    for name, args in [
        ("edition_edit", [2026]),
        ("edition_clone", [2026]),
        ("edition_publish", [2026]),
        ("edition_delete", [2026]),
        ("indicator_edit", [2026, indicator.pk]),
        ("edition_import", []),
    ]:
        url = reverse(f"assessment:{name}", args=args)
        assert client.get(url).status_code == 403, name
        assert client.post(url, {"divisor_floor": 1, "year": 2030}).status_code == 403, name
    assert not Edition.objects.filter(year=2030).exists() and not edition_2026.is_published


def test_a_missing_year_is_404(client: Any, admin: User) -> None:
    client.force_login(admin)
    assert client.get(reverse("assessment:edition_detail", args=[1999])).status_code == 404


def test_the_edition_page_shows_everything(
    client: Any, admin: User, edition_2026: Edition, django_assert_max_num_queries: Any
) -> None:
    client.force_login(admin)
    url = reverse("assessment:edition_detail", args=[2026])
    client.get(url)  # warm the session
    with django_assert_max_num_queries(9):
        response = client.get(url)
    html = response.content.decode()
    assert "Surat Kepala BSKDN 400.10.11/1887/BSKDN, 29 April 2026" in html
    assert "Disusun dari sumber pihak ketiga." in html
    for value in ("63,00", "111,00", "76,00", "250,00", "65,01", "40,01", "MIN(jumlah inovasi, 200) × 0,38"):
        assert value in html, value
    assert "tidak sama dengan nilai total maksimum" not in html
    assert "Kemanfaatan inovasi" in html and "Dasar f. Tren kinerja positif" in html
    assert "Penerima manfaat 501 orang atau lebih." in html
    assert "SK tim inovasi yang memuat nama, NIP, dan jabatan setiap anggota." in html
    assert html.count('class="badge late"') == 18  # the mandatory marks


def test_the_page_warns_when_the_sums_do_not_add_up(client: Any, admin: User, edition_2023: Edition) -> None:
    editions.edition_update_rules(edition=edition_2023, max_total=Decimal(160))
    client.force_login(admin)
    html = client.get(reverse("assessment:edition_detail", args=[2023])).content.decode()
    assert "tidak sama dengan nilai total maksimum (160,00)" in html


def test_national_admin_edits_rules(client: Any, national: User, edition_2023: Edition) -> None:
    client.force_login(national)
    url = reverse("assessment:edition_edit", args=[2023])
    form = client.get(url)
    assert form.status_code == 200
    data = {key: value for key, value in form.context["form"].initial.items() if value is not None}
    data |= {"divisor_floor": 11, "innovative_min": "36.5", "third_party": ""}
    data.pop("third_party")
    response = client.post(url, data)
    assert response.status_code == 302
    edition_2023.refresh_from_db()
    assert (edition_2023.divisor_floor, edition_2023.innovative_min) == (11, Decimal("36.5"))
    bad = client.post(url, data | {"innovative_min": "70"})
    assert (
        bad.status_code == 200
        and "harus lebih kecil dari batas bawah Sangat Inovatif" in bad.content.decode()
    )


def test_national_admin_edits_an_indicator_and_its_bases(
    client: Any, national: User, edition_2023: Edition
) -> None:
    client.force_login(national)
    six = edition_2023.indicators.get(number="6")
    url = reverse("assessment:indicator_edit", args=[2023, six.pk])
    form = client.get(url).context["form"]
    data = {name: form.initial.get(name, form.fields[name].initial) for name in form.fields}
    data = {k: v for k, v in data.items() if v is not None and v is not False}
    data |= {"weight": "7.5", "basis_b": "Dasar B baru", "basis_b_2": "Dua baru."}
    assert client.post(url, data).status_code == 302
    six.refresh_from_db()
    assert six.weight == Decimal("7.5")
    assert Option.objects.get(basis__indicator=six, basis__code="b", level=2).text == "Dua baru."
    bad = client.post(url, data | {"weight": "0"})
    assert bad.status_code == 200 and "bobot harus lebih dari 0" in bad.content.decode()


def test_national_admin_clones_publishes_and_deletes(
    client: Any, national: User, edition_2026: Edition
) -> None:
    client.force_login(national)
    clone_url = reverse("assessment:edition_clone", args=[2026])
    assert client.get(clone_url).context["form"].initial["year"] == 2027
    assert client.post(clone_url, {"year": 2027})["Location"] == reverse(
        "assessment:edition_detail", args=[2027]
    )
    taken = client.post(clone_url, {"year": 2027})
    assert "Edisi tahun 2027 sudah ada" in taken.content.decode()
    publish_url = reverse("assessment:edition_publish", args=[2027])
    confirm = client.get(publish_url).content.decode()
    assert "Ya, terbitkan" in confirm and "63,00" in confirm
    client.post(publish_url)
    assert Edition.objects.get(year=2027).is_published
    page = client.get(reverse("assessment:edition_detail", args=[2027])).content.decode()
    assert reverse("assessment:edition_edit", args=[2027]) not in page
    one = Edition.objects.get(year=2027).indicators.get(number="1")
    for name, args in [
        ("edition_edit", [2027]),
        ("edition_publish", [2027]),
        ("edition_delete", [2027]),
        ("indicator_edit", [2027, one.pk]),
    ]:
        refused = client.post(reverse(f"assessment:{name}", args=args), {"name": "x"}, follow=True)
        assert "sudah terbit dan tidak dapat diubah" in refused.content.decode(), name
    assert Edition.objects.get(year=2027).name == "Indeks Inovasi Daerah 2027"
    assert "Ya, hapus draf" in client.get(reverse("assessment:edition_delete", args=[2026])).content.decode()
    client.post(reverse("assessment:edition_delete", args=[2026]))
    assert not Edition.objects.filter(year=2026).exists()


def test_export_download_and_import_upload(client: Any, national: User, edition_2026: Edition) -> None:
    client.force_login(national)
    download = client.get(reverse("assessment:edition_export", args=[2026]))
    assert download["Content-Type"] == XLSX_TYPE and "edisi-iid-2026.xlsx" in download["Content-Disposition"]
    content = b"".join(download.streaming_content) if download.streaming else download.content
    url = reverse("assessment:edition_import")
    assert client.get(url).status_code == 200
    taken = client.post(url, {"file": SimpleUploadedFile("e.xlsx", content, content_type=XLSX_TYPE)})
    assert "Edisi tahun 2026 sudah ada" in taken.content.decode()
    pdf = client.post(url, {"file": SimpleUploadedFile("e.xlsx", b"%PDF-1.4 x", content_type=XLSX_TYPE)})
    assert "Jenis berkas tidak diizinkan" in pdf.content.decode()
    data = editions.edition_dump(edition_2026)
    edition_2026.delete()
    response = client.post(url, {"file": SimpleUploadedFile("e.xlsx", content, content_type=XLSX_TYPE)})
    assert response.status_code == 302
    assert editions.edition_dump(Edition.objects.get(year=2026)) == data


def test_the_list_shows_every_edition(
    client: Any, admin: User, edition_2026: Edition, edition_2023: Edition
) -> None:
    client.force_login(admin)
    html = client.get(reverse("assessment:edition_list")).content.decode()
    assert "Indeks Inovasi Daerah 2026" in html and "Edisi uji aturan 2023" in html
    assert reverse("assessment:edition_import") not in html
