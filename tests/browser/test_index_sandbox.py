"""The what-if sandbox in a browser: changing a level moves the score at once (htmx), and nothing is saved."""

from pathlib import Path
from typing import Any

import pytest

from lumbung.accounts.models import User
from lumbung.assessment.answers import answer_save
from lumbung.assessment.models import Answer, Edition
from lumbung.regions.models import Region
from tests.browser.test_journey import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_level_changed_in_the_sandbox_moves_the_score_without_saving(
    browser: Any, live_server: Any, edition_2026: Edition, region: Region, admin: User, shots: Path
) -> None:
    visi = edition_2026.indicators.get(number="1")
    answer = answer_save(actor=admin, edition=edition_2026, region=region, indicator=visi, level=1)
    page = log_in(browser, live_server.url, admin.email)
    page.goto(f"{live_server.url}/iid/wilayah/{region.code}/2026/simulasi/")
    panel = page.locator("#simulasi-skor")
    assert "0,00" in panel.inner_text()
    # Visi dan Misi (weight 1), level 1 without evidence (0 points), to level 3 with evidence: 3 points
    # of 250, so +1,20 IID; the fragment is swapped in by htmx without a page load.
    page.locator("#bukti-spd\\.1").check()
    page.locator("#level-spd\\.1").select_option("3")
    page.wait_for_function("el => el.textContent.includes('+1,20')", arg=panel.element_handle())
    page.screenshot(path=shots / "sandbox.png", full_page=False)
    answer.refresh_from_db()
    assert answer.level == 1 and Answer.objects.count() == 1
    page.context.close()
