"""Two people in two languages on one server: each tab keeps its own while both are drawn at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.e2e.conftest import App, wait_for_app
from workbench.demo import large_dossier
from workbench.store.dossiers import Store

pytestmark = pytest.mark.e2e

# (Dutch, English) headings of steps whose names differ in the two languages.
STEPS = [("Budget en planning", "Budget and planning"), ("Doelgroep", "Target group")]


def _go(page: Any, name: str) -> None:
    """Click a step in the menu without waiting: the other tab's click comes while this one runs."""
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=name, exact=True).click()


def test_two_tabs_in_two_languages_keep_their_own_language_on_every_page(
    app: App, new_page: Callable[..., Any]
) -> None:
    # The language is read once per whole script run, on that run's own thread (ui/common.py lang):
    # two sessions whose runs overlap must never lend each other theirs.
    dossier_id = Store(app.db).import_dossier(large_dossier(30), by="test")
    dutch, english = new_page(), new_page()
    for page in (dutch, english):
        page.goto(f"{app.url}/budget?dossier={dossier_id}")
        wait_for_app(page)
    english.get_by_role("radio", name="English").click()
    english.get_by_role("heading", name="Budget and planning").wait_for()
    for round_ in range(6):
        nl, en = STEPS[round_ % 2]
        _go(dutch, nl)
        _go(english, en)  # both pages run on the server at the same time
        for page, heading in ((dutch, nl), (english, en)):
            page.get_by_role("heading", name=heading, exact=True).wait_for()
            wait_for_app(page)
        assert dutch.get_by_role("heading", name=en, exact=True).count() == 0
        assert english.get_by_role("heading", name=nl, exact=True).count() == 0
        assert dutch.get_by_text("Guiding questions", exact=True).count() == 0
        assert english.get_by_text("Hulpvragen", exact=True).count() == 0
        if nl == "Doelgroep":  # a step with guidance: its questions in each tab's own language
            assert english.get_by_text("Guiding questions", exact=True).count() >= 1
            assert dutch.get_by_text("Hulpvragen", exact=True).count() >= 1
