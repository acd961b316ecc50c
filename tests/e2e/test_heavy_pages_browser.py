"""What the heavy pages now draw or write only on demand still works in a real browser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.conftest import App, wait_for_app
from workbench.demo import demo_dossiers
from workbench.dossier.portable import from_json
from workbench.store.dossiers import Store

pytestmark = pytest.mark.e2e


def test_the_dossier_export_is_written_when_pressed_and_imports_back(app: App, new_page) -> None:
    dossier = demo_dossiers()[0]
    dossier_id = Store(app.db).import_dossier(dossier, by="e2e")
    page = new_page()
    page.goto(f"{app.url}/partnerschap?dossier={dossier_id}")
    wait_for_app(page)
    with page.expect_download(timeout=60_000) as caught:
        page.get_by_role("button", name="Exporteren als JSON").click()
    assert caught.value.suggested_filename == f"dossier-{dossier_id}.json"
    data = Path(caught.value.path()).read_bytes()
    assert json.loads(data)["identity"]["name"] == dossier.identity.name
    assert from_json(data) == Store(app.db).load(dossier_id).dossier
