"""The Diagnose → Design journey in a browser: USG-scored problems, a chosen idea, the stage submitted,
the coach returning then approving it, and the team designing its innovation once Design opens."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lumbung.accounts.models import Role, User
from lumbung.labs import services
from lumbung.labs.models import (
    Cohort,
    Design,
    Idea,
    Problem,
    ReadinessAnswer,
    ReadinessQuestion,
    StageWork,
    Team,
)
from lumbung.regions.models import Region, Unit
from tests.browser.test_journey import log_in
from tests.factories import lab_approve_through, lab_schedule_open

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def lab_teams(
    region: Region,
    admin: User,
    innovator: User,
    other_innovator: User,
    unit: Unit,
    other_unit: Unit,
    make_user: Callable[..., User],
) -> tuple[Team, Team]:
    """A cohort with two unit teams, each with its own coach (as in tests/test_labs_diagnose.py)."""
    cohort: Cohort = services.cohort_create(actor=admin, region=region, name="Lab Inovasi 2023", year=2023)
    lab_schedule_open(cohort)
    coach = make_user("coach@uji.id", Role.COACH, region)
    other_coach = make_user("coach.lain@uji.id", Role.COACH, region)
    services.participants_enrol(cohort=cohort, units=[unit, other_unit])
    services.coach_add(cohort=cohort, user=coach)
    services.coach_add(cohort=cohort, user=other_coach)
    teams = (
        services.unit_team_create(cohort=cohort, unit=unit, coach=coach),
        services.unit_team_create(cohort=cohort, unit=other_unit, coach=other_coach),
    )
    for team in teams:
        lab_approve_through(team, "drum_up")
    return teams


def add_problem(page: Any, title: str, u: str, s: str, g: str) -> None:
    page.locator("#id_title").fill(title)
    page.get_by_label("Urgensi (U)").fill(u)
    page.get_by_label("Keseriusan (S)").fill(s)
    page.get_by_label("Perkembangan (G)").fill(g)


def save(page: Any) -> None:
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.wait_for_load_state("networkidle")


def ranked_titles(page: Any) -> list[str]:
    return page.locator("table tbody tr td:nth-child(2) strong").all_inner_texts()


def test_team_goes_from_diagnose_to_design_with_its_coach_approving(
    browser: Any,
    live_server: Any,
    lab_teams: tuple[Team, Team],
    innovator: User,
    other_innovator: User,
    shots: Path,
) -> None:
    base = live_server.url
    team, other_team = lab_teams
    team_page = f"{base}/lab/angkatan/{team.cohort_id}/tim/{team.pk}/"
    register = f"{team_page}diagnosa/"

    # A member of the team opens the cohort page and follows the team's link.
    member = log_in(browser, base, innovator.email)
    member.goto(f"{base}/lab/angkatan/{team.cohort_id}/")
    member.get_by_role("link", name=team.name, exact=True).click()
    member.wait_for_url(team_page)
    stage_row(member, "Diagnose").get_by_role("link", name="Buka pekerjaan").click()
    member.wait_for_url(register)
    assert "Belum ada masalah." in member.content()
    member.screenshot(path=shots / "1-register-empty.png", full_page=True)

    # A score of 6: the browser itself flags it; with that check off, the server refuses it and saves nothing.
    member.get_by_role("link", name="Tambah masalah").click()
    add_problem(member, "Berkas hilang", "2", "3", "6")
    assert member.get_by_label("Perkembangan (G)").evaluate("e => e.validity.rangeOverflow")
    member.locator("form.card").evaluate("f => { f.noValidate = true; }")
    save(member)
    assert "Isi angka 1 sampai 5." in member.content()
    assert not Problem.objects.exists()
    member.screenshot(path=shots / "2-score-refused.png", full_page=True)

    # Corrected: 2×3×4 = 24.
    member.get_by_label("Perkembangan (G)").fill("4")
    save(member)
    member.wait_for_url(register)
    assert "Masalah sudah disimpan." in member.content()

    # A second problem with the same score, 4×3×2 = 24, ranks above on urgency.
    member.get_by_role("link", name="Tambah masalah").click()
    add_problem(member, "Antrean panjang", "4", "3", "2")
    save(member)
    member.wait_for_url(register)
    assert ranked_titles(member) == ["Antrean panjang", "Berkas hilang"]
    first = member.locator("table tbody tr").first
    assert "24" in first.inner_text() and "sama skor; urgensi lebih tinggi" in first.inner_text()
    assert Problem.objects.filter(team=team).count() == 2
    member.screenshot(path=shots / "3-problems-ranked.png", full_page=True)

    # An idea that answers the first problem, then chosen.
    member.get_by_role("link", name="Tambah gagasan").click()
    member.locator("#id_title").fill("Antrean daring")
    member.get_by_label("Tujuan dan uraian").fill("Warga mengambil nomor antrean lewat ponsel.")
    member.get_by_label("Masalah yang dijawab").select_option(label="Antrean panjang")
    member.screenshot(path=shots / "4-idea-form.png", full_page=True)
    save(member)
    member.wait_for_url(register)
    assert "Gagasan sudah disimpan." in member.content()
    member.get_by_role("button", name="Pilih gagasan ini").click()
    member.wait_for_load_state("networkidle")
    card = member.locator("li.card", has_text="Antrean daring")
    assert "Gagasan terpilih" in card.inner_text()
    assert "Masalah: Antrean panjang" in card.inner_text()
    assert member.get_by_role("button", name="Pilih gagasan ini").count() == 0
    chosen = Idea.objects.get(team=team)
    assert chosen.chosen and chosen.problem is not None and chosen.problem.title == "Antrean panjang"
    member.screenshot(path=shots / "5-idea-chosen.png", full_page=True)

    # The team's coach, in a second browser context, sees the same register.
    assert team.coach is not None
    coach = log_in(browser, base, team.coach.email)
    coach.goto(register)
    assert ranked_titles(coach) == ["Antrean panjang", "Berkas hilang"]
    assert "sama skor; urgensi lebih tinggi" in coach.content()
    assert "Gagasan terpilih" in coach.locator("li.card", has_text="Antrean daring").inner_text()
    coach.screenshot(path=shots / "6-coach.png", full_page=True)

    # A member of the other team reads the register without any edit buttons ...
    assert other_team.pk != team.pk
    outsider = log_in(browser, base, other_innovator.email)
    outsider.goto(register)
    assert ranked_titles(outsider) == ["Antrean panjang", "Berkas hilang"]
    assert "Gagasan terpilih" in outsider.content()
    for name in ("Tambah masalah", "Tambah gagasan", "Ubah"):
        assert outsider.get_by_role("link", name=name, exact=True).count() == 0
    assert outsider.get_by_role("button", name="Pilih gagasan ini").count() == 0
    outsider.screenshot(path=shots / "7-other-team-reads.png", full_page=True)

    # ... and a post with a valid CSRF token is refused with 403; nothing changes.
    token = next(c["value"] for c in outsider.context.cookies() if c["name"] == "csrftoken")
    response = outsider.request.post(
        f"{register}masalah/baru/",
        form={"title": "Titipan", "urgency": "5", "seriousness": "5", "growth": "5"},
        headers={"X-CSRFToken": token},
    )
    assert response.status == 403
    assert "CSRF" not in response.text()
    assert Problem.objects.filter(team=team).count() == 2

    # The team submits Diagnose from its page (the readiness answers were given on their own page).
    question = ReadinessQuestion.objects.create(
        cohort=team.cohort, position=1, aspect="Kepemimpinan", text="?"
    )
    ReadinessAnswer.objects.create(team=team, question=question, value=4)
    member.goto(team_page)
    assert "Menunggu persetujuan Diagnose" in stage_row(member, "Design").inner_text()
    stage_row(member, "Diagnose").get_by_role("button", name="Ajukan").click()
    member.wait_for_load_state("networkidle")
    assert "Pekerjaan tahap Diagnose sudah diajukan." in member.content()
    assert "Menunggu persetujuan" in stage_row(member, "Diagnose").inner_text()
    member.screenshot(path=shots / "8-submitted.png", full_page=True)

    # The coach returns it with a note first: a return without a note is refused.
    coach.goto(team_page)
    stage_row(coach, "Diagnose").get_by_role("link", name="Periksa").click()
    coach.get_by_role("button", name="Kembalikan dengan catatan").click()
    coach.wait_for_load_state("networkidle")
    assert "Tuliskan catatan" in coach.content()
    coach.get_by_label("Catatan untuk tim").fill("Tambahkan data antrean sebulan terakhir.")
    coach.get_by_role("button", name="Kembalikan dengan catatan").click()
    coach.wait_for_url(team_page)
    assert "Tambahkan data antrean sebulan terakhir." in stage_row(coach, "Diagnose").inner_text()

    # The team sees the note, fixes the work and submits again; the coach approves.
    member.goto(team_page)
    assert "Dikembalikan" in stage_row(member, "Diagnose").inner_text()
    stage_row(member, "Diagnose").get_by_role("button", name="Ajukan").click()
    member.wait_for_load_state("networkidle")
    coach.goto(team_page)
    stage_row(coach, "Diagnose").get_by_role("link", name="Periksa").click()
    coach.get_by_label("Catatan untuk tim").fill("Lanjut ke rancangan.")
    coach.get_by_role("button", name="Setujui").click()
    coach.wait_for_url(team_page)
    assert "Disetujui" in stage_row(coach, "Diagnose").inner_text()
    coach.screenshot(path=shots / "9-approved.png", full_page=True)
    assert StageWork.objects.get(team=team, stage="diagnose").status == "approved"

    # Design is now open for the team: it designs from its chosen idea and adds a milestone.
    member.goto(team_page)
    assert "Terbuka" in stage_row(member, "Design").inner_text()
    assert "Riwayat tahap" in member.content() and "Lanjut ke rancangan." in member.content()
    stage_row(member, "Design").get_by_role("link", name="Buka pekerjaan").click()
    member.get_by_role("link", name="Mulai merancang").click()
    assert member.get_by_label("Nama inovasi").input_value() == "Antrean daring"
    member.get_by_label("Manfaat").fill("Warga tidak lagi menunggu berjam-jam di loket.")
    save(member)
    assert Design.objects.get(team=team).name == "Antrean daring"
    member.get_by_role("link", name="Tambah tonggak").click()
    member.get_by_label("Kegiatan").fill("Uji coba antrean daring di loket utama")
    member.get_by_label("Penanggung jawab").fill("Kepala Seksi Pelayanan")
    member.get_by_label("Tenggat").fill((dt.date.today() + dt.timedelta(days=7)).isoformat())
    member.get_by_label("Keluaran yang diharapkan").fill("Laporan uji coba")
    save(member)
    assert "Uji coba antrean daring di loket utama" in member.content()
    member.screenshot(path=shots / "10-design.png", full_page=True)
    for page in (member, coach, outsider):
        page.context.close()


def stage_row(page: Any, name: str) -> Any:
    return page.locator("table tbody tr", has=page.get_by_text(name, exact=True))
