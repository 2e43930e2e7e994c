"""The main journey in a real browser: create and submit, return with a note, revise, approve."""

from pathlib import Path
from typing import Any

import pytest

from lumbung.innovations.models import InnovationVersion, Status
from tests.conftest import PASSWORD
from tests.factories import LONG_DESIGN

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(browser: Any, base_url: str, email: str) -> Any:
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{base_url}/akun/masuk/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base_url}/")
    return page


def press(page: Any, label: str) -> None:
    page.get_by_role("button", name=label, exact=True).click()
    page.wait_for_load_state("networkidle")


def test_submit_return_revise_approve(browser, live_server, innovator, verifier, unit, shots: Path):
    base = live_server.url

    # The innovator registers a new innovation and submits it.
    author = log_in(browser, base, innovator.email)
    author.goto(f"{base}/inovasi/baru/")
    author.get_by_label("Nama inovasi").fill("Antar Obat Lansia")
    author.get_by_label("Tahapan").select_option("uji_coba")
    author.get_by_label("Waktu uji coba").fill("2024-03-01")
    author.get_by_label("Urusan utama").select_option(label="Kesehatan")
    author.get_by_label("Rancang bangun dan pokok perubahan").fill(LONG_DESIGN)
    assert "320 kata" in author.locator("#design-count").inner_text()
    author.get_by_label("Tujuan").fill("Obat sampai ke rumah lansia.")
    author.get_by_label("Manfaat", exact=True).fill("Lansia tidak perlu antre.")
    author.get_by_label("Hasil inovasi").fill("Belum ada data; uji coba berjalan.")
    author.screenshot(path=shots / "1-form.png", full_page=True)
    author.get_by_role("button", name="Simpan").click()
    author.wait_for_load_state("networkidle")
    assert "disimpan sebagai draf" in author.content()
    press(author, "Ajukan")
    assert "Status diubah menjadi Diajukan" in author.content()
    author.screenshot(path=shots / "2-submitted.png", full_page=True)
    version = InnovationVersion.objects.get(name="Antar Obat Lansia")
    assert version.status == Status.SUBMITTED

    # The verifier starts validation and returns it with a note.
    checker = log_in(browser, base, verifier.email)
    assert "Antar Obat Lansia" in checker.content()  # listed under "Menunggu validasi Anda"
    checker.get_by_role("link", name="Antar Obat Lansia").first.click()
    press(checker, "Mulai validasi")
    checker.get_by_label("Catatan").first.fill("Tambahkan data jumlah lansia yang dilayani.")
    press(checker, "Kembalikan untuk revisi")
    assert "Perlu revisi" in checker.content()
    checker.screenshot(path=shots / "3-returned.png", full_page=True)

    # The innovator sees the request, revises and submits again.
    author.goto(f"{base}/")
    assert "Revisi yang diminta dari Anda" in author.content()
    author.get_by_role("link", name="Antar Obat Lansia").first.click()
    assert "Tambahkan data jumlah lansia yang dilayani." in author.content()
    author.get_by_role("link", name="Ubah profil").click()
    author.get_by_label("Hasil inovasi").fill("120 lansia terlayani dalam tiga bulan uji coba.")
    author.get_by_role("button", name="Simpan").click()
    author.wait_for_load_state("networkidle")
    press(author, "Ajukan")
    author.screenshot(path=shots / "4-resubmitted.png", full_page=True)

    # The verifier approves.
    checker.reload()
    press(checker, "Mulai validasi")
    press(checker, "Setujui")
    assert "Status diubah menjadi Disetujui" in checker.content()
    checker.screenshot(path=shots / "5-approved.png", full_page=True)

    version.refresh_from_db()
    assert version.status == Status.APPROVED
    assert version.results == "120 lansia terlayani dalam tiga bulan uji coba."
    assert list(version.transitions.values_list("to_status", flat=True)) == [
        "diajukan",
        "sedang_divalidasi",
        "perlu_revisi",
        "diajukan",
        "sedang_divalidasi",
        "disetujui",
    ]
