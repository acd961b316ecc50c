"""A coordinator creates a dossier in a real browser and sees it listed."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import App, wait_for_app
from workbench.store.dossiers import Store

pytestmark = pytest.mark.e2e


def test_coordinator_creates_a_dossier_and_sees_it_listed(app: App, new_page) -> None:
    page = new_page()
    page.goto(app.url)
    wait_for_app(page)
    page.get_by_text("Er zijn nog geen dossiers").wait_for()

    page.get_by_label("Naam", exact=True).fill("Digibank Rupelstreek & co <test>")
    page.get_by_role("button", name="Dossier aanmaken").click()
    wait_for_app(page)

    page.get_by_text("Digibank Rupelstreek & co <test>", exact=True).wait_for()
    assert [s.name for s in Store(app.db).list_dossiers()] == ["Digibank Rupelstreek & co <test>"]


def test_language_switch_shows_english(app: App, new_page) -> None:
    page = new_page()
    page.goto(app.url)
    wait_for_app(page)
    page.get_by_role("radio", name="English").click()
    wait_for_app(page)
    page.get_by_role("button", name="Create dossier").wait_for()
