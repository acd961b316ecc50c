"""In a real browser: a template that links a picture by URL is refused, and no PDF fetches anything.

On the main this review started from, a coach's template with an externally linked picture
rendered, and "PDF maken" made LibreOffice on the server fetch the picture from the URL (or read it
from the server's disk). The recorder below is a web server on loopback: the browser is cut off
from everything else, and LibreOffice must never call it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import App, start_app, upload_template, wait_for_app
from tests.security.test_template_output import linked_picture_docx, recording_server
from workbench.demo import demo_dossiers
from workbench.documents import generate as documents
from workbench.store.dossiers import Store

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    running = start_app(tmp_path_factory.mktemp("links") / "workbench.db")
    yield running
    running.process.terminate()
    running.process.wait(timeout=10)


@pytest.fixture
def recorder() -> Iterator[tuple[str, list[str]]]:
    with recording_server() as running:
        yield running


def test_a_template_with_a_linked_picture_is_refused_on_the_page(
    app: App, new_page, tmp_path: Path, recorder: tuple[str, list[str]]
) -> None:
    url, requests = recorder
    dossier_id = Store(app.db).import_dossier(demo_dossiers()[0], by="e2e")
    page = new_page()
    template = tmp_path / "gekoppeld.docx"
    template.write_bytes(linked_picture_docx(f"{url}/pixel.png"))
    upload_template(page, f"{app.url}/documents_page?dossier={dossier_id}", template)
    page.get_by_role("button", name="Document genereren").click()
    page.get_by_text("Het sjabloon verwijst naar iets buiten het document", exact=False).wait_for(
        timeout=60_000
    )
    assert Store(app.db).documents(dossier_id) == []
    assert requests == []


@pytest.mark.skipif(documents.pdf_unavailable_reason() is not None, reason="LibreOffice is not installed")
def test_making_a_pdf_of_a_document_that_links_a_picture_fetches_nothing(
    app: App, new_page, recorder: tuple[str, list[str]]
) -> None:
    url, requests = recorder
    store = Store(app.db)
    dossier_id = store.import_dossier(demo_dossiers()[0], by="e2e")
    # A version kept before this check existed (or written by any other way): the PDF still refuses.
    store.save_document(
        dossier_id,
        kind="agreement",
        lang="nl",
        revision=store.load(dossier_id).revision,
        data=linked_picture_docx(f"{url}/pixel.png"),
        by="e2e",
        template="gekoppeld.docx",
    )
    page = new_page()
    page.goto(f"{app.url}/documents_page?dossier={dossier_id}")
    wait_for_app(page)
    page.get_by_role("button", name="PDF maken").click()
    page.get_by_text("De PDF kon niet worden gemaakt.").wait_for(timeout=120_000)
    page.get_by_text("Dit document verwijst naar iets buiten het document", exact=False).wait_for()
    assert requests == []
