"""A coordinator generates the agreement in a real browser and downloads a Word file that opens."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from tests.e2e.conftest import App, wait_for_app
from workbench.demo import demo_dossiers
from workbench.store import Store

pytestmark = pytest.mark.e2e


def test_generate_then_download_the_agreement(app: App, new_page) -> None:
    dossier = demo_dossiers()[0]
    dossier_id = Store(app.db).import_dossier(dossier, by="e2e")
    page = new_page()
    page.goto(f"{app.url}/documents_page?dossier={dossier_id}")
    wait_for_app(page)
    page.get_by_text("23 van 23 onderdelen zonder open punten").wait_for()

    page.get_by_role("button", name="Document genereren").click()
    page.get_by_text("Document klaar en bewaard").wait_for(timeout=60_000)
    wait_for_app(page)
    with page.expect_download() as caught:
        page.get_by_role("button", name="Word-bestand downloaden").click()
    data = Path(caught.value.path()).read_bytes()

    document = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Samenwerkingsovereenkomst" in text and dossier.identity.name in text
    assert len(document.inline_shapes) == 1  # the network picture
    [kept] = Store(app.db).documents(dossier_id)
    assert kept.size == len(data)
