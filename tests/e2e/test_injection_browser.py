"""Injection suite in a real browser: a dossier whose every text holds HTML, script, Markdown and
Jinja is opened on every page; no script runs, no markup is injected, the text shows literally."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import App, start_app, wait_for_app
from tests.e2e.payloads import poison
from workbench.demo import demo_dossiers
from workbench.dossier.model import Dossier
from workbench.store.dossiers import Store
from workbench.ui.common import PAGES

pytestmark = pytest.mark.e2e

PAYLOAD = (
    ' <img src=x onerror="window.__xss=1"><script>window.__xss=1</script>'
    " **vet** [x](javascript:alert(1)) {{7*7}}"
)
URL_PATHS = {"history": "history", "inbox": "inbox", "projector": "projector", "participate": "meedoen"}
LOGGED_OUT_ONLY = {"login", "join", "users"}


def poisoned(value: Any) -> Any:
    """Return a model's data with the payload appended to every free-text field (not enums, ids, numbers)."""
    return poison(
        value, lambda item: (item + PAYLOAD) if len(item) + len(PAYLOAD) < 200 else item[:40] + PAYLOAD
    )


@pytest.fixture(scope="module")
def poisoned_app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    db = tmp_path_factory.mktemp("injection") / "workbench.db"
    dossier = Dossier.model_validate(poisoned(demo_dossiers()[0]))
    dossier_id = Store(db).import_dossier(dossier, by='Ann <img src=x onerror="window.__xss=1">')
    app = start_app(db)
    yield app, dossier_id
    app.process.terminate()
    app.process.wait(timeout=10)


@pytest.mark.parametrize("page", sorted(set(PAGES) - LOGGED_OUT_ONLY))
def test_no_payload_runs_or_renders_as_markup_on_any_page(
    poisoned_app: tuple[App, int], new_page, page: str
) -> None:
    app, dossier_id = poisoned_app
    browser_page = new_page()
    dialogs: list[str] = []
    browser_page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    path = "" if page == "start" else URL_PATHS.get(page, Path(PAGES[page]).stem)
    browser_page.goto(f"{app.url}/{path}?dossier={dossier_id}")
    # The page has drawn something of its own (a heading, or the projector's notice).
    browser_page.wait_for_selector(
        "[data-testid='stMain'] [data-testid='stElementContainer']", timeout=30_000
    )
    wait_for_app(browser_page)
    browser_page.wait_for_timeout(1000)
    for frame in browser_page.frames:
        assert frame.evaluate("() => window.__xss") is None, f"script ran in {page}"
        assert (
            frame.evaluate('() => document.querySelectorAll(\'img[src="x"], a[href^="javascript"]\').length')
            == 0
        )
    assert dialogs == []
    if page in ("partners", "start", "doelgroep"):
        assert '<img src=x onerror="window.__xss=1">' in browser_page.inner_text("body")  # shown as typed
    assert "Traceback" not in browser_page.content()
