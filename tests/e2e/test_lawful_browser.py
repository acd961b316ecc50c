"""Issue 13 in a real browser: the submission version, and comparing an agreement with an agreement."""

from __future__ import annotations

import io
import time
from pathlib import Path

import docx
import pytest

from tests.e2e.conftest import App, wait_for_app
from workbench.demo.noordrand import noordrand
from workbench.store.dossiers import Store

pytestmark = pytest.mark.e2e


def _generate(page: object, db: Path, dossier_id: int) -> None:
    """Generate one version and return once it is stored and drawn (an earlier run's label is no proof)."""
    before = len(Store(db).documents(dossier_id))
    page.get_by_role("button", name="Document genereren").click()  # type: ignore[attr-defined]
    deadline = time.monotonic() + 120
    while len(Store(db).documents(dossier_id)) == before:
        assert time.monotonic() < deadline, "no document was stored"
        page.wait_for_timeout(200)  # type: ignore[attr-defined]
    page.get_by_text("Document klaar en bewaard").wait_for(timeout=90_000)  # type: ignore[attr-defined]
    wait_for_app(page)


def _choose(page: object, name: str) -> None:
    """Pick a document kind and wait until the server has drawn the page with it."""
    option = page.get_by_role("radio", name=name, exact=True)  # type: ignore[attr-defined]
    option.click()
    # The rerun the choice starts removes the previous version's "klaar en bewaard" status; until
    # then a click on "Document genereren" can land in that rerun and be dropped.
    page.get_by_text("Document klaar en bewaard").wait_for(state="detached", timeout=60_000)  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        "name => [...document.querySelectorAll('[role=radio][aria-checked=true]')]"
        ".some(e => e.innerText.trim() === name)",
        arg=name,
        timeout=30_000,
    )
    wait_for_app(page)


def test_a_coordinator_downloads_the_strategy_as_submitted(app: App, new_page) -> None:
    dossier_id = Store(app.db).import_dossier(noordrand(), by="e2e")
    page = new_page()
    page.goto(f"{app.url}/documents_page?dossier={dossier_id}")
    wait_for_app(page)
    _choose(page, "Strategie (indiening)")
    _generate(page, app.db, dossier_id)
    with page.expect_download() as caught:
        page.get_by_role("button", name="Word-bestand downloaden").click()
    document = docx.Document(io.BytesIO(Path(caught.value.path()).read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Netwerkbeeld, risico's en maatregelen" in text
    assert "Instemming van de partners" not in text and "Status van het dossier" not in text
    [kept] = Store(app.db).documents(dossier_id)
    assert kept.kind == "submission"


def test_the_comparison_offers_an_agreement_against_an_agreement(app: App, new_page) -> None:
    dossier_id = Store(app.db).import_dossier(noordrand(), by="e2e")
    page = new_page()
    page.goto(f"{app.url}/documents_page?dossier={dossier_id}")
    wait_for_app(page)
    page.get_by_text("Met netwerkbeeld", exact=True).click()  # faster without the picture
    wait_for_app(page)
    _generate(page, app.db, dossier_id)  # agreement
    _choose(page, "Samenwerkingsstrategie")
    _generate(page, app.db, dossier_id)  # strategy
    _choose(page, "Samenwerkingsovereenkomst")
    _generate(page, app.db, dossier_id)  # agreement again
    kinds = {v.id: v.kind for v in Store(app.db).documents(dossier_id)}
    assert sorted(kinds.values()) == ["agreement", "agreement", "strategy"]
    # A rerun may still show the previous run's (stale) comparison beside the new one: wait for one.
    # A function, not an expression: Playwright polls an expression through eval, which the CSP refuses.
    page.wait_for_function(
        "() => document.querySelectorAll('input[aria-label=\"Oudere versie\"]').length === 1"
    )
    older = page.get_by_role("combobox", name="Oudere versie")
    older.click()
    if older.get_attribute("aria-expanded") != "true":
        older.press("ArrowDown")
    options = page.get_by_role("option")
    options.first.wait_for()
    assert options.count() == 2
    assert all("Samenwerkingsstrategie" not in options.nth(i).inner_text() for i in range(options.count()))
