"""A coordinator generates the agreement in a real browser and downloads a Word file that opens."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from tests.e2e.conftest import App, upload_template, wait_for_app
from workbench.demo import demo_dossiers
from workbench.store.dossiers import Store

pytestmark = pytest.mark.e2e


def _wait_for_text(page, text: str) -> None:
    """Wait for `text`; on a timeout, fail with what the page shows instead (its last lines)."""
    try:
        page.get_by_text(text).wait_for(timeout=60_000)
    except Exception as exc:
        shown = page.locator("[data-testid='stMain']").inner_text()[-1500:]
        raise AssertionError(f"{text!r} did not appear; the page ends with: {shown}") from exc


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


def _template(path: Path, *paragraphs: str) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)
    return path


def test_an_uploaded_template_gets_plain_data_and_the_picture(app: App, new_page, tmp_path: Path) -> None:
    """The old attack through the network picture is refused; a benign template gets the image."""
    dossier = demo_dossiers()[0]
    dossier_id = Store(app.db).import_dossier(dossier, by="e2e")
    page = new_page()
    url = f"{app.url}/documents_page?dossier={dossier_id}"
    generate = page.get_by_role("button", name="Document genereren")

    steal = f"{{{{ network_picture.tpl.replace_zipname('docProps/thumbnail.jpeg', '{app.db}') }}}}"
    upload_template(page, url, _template(tmp_path / "stelen.docx", steal))
    generate.click()
    _wait_for_text(page, "Het sjabloon gebruikt variabelen die niet bestaan: tpl.")
    assert Store(app.db).documents(dossier_id) == []

    benign = _template(tmp_path / "eigen.docx", "Eigen tekst van {{ dossier_name }}", "{{ network_picture }}")
    upload_template(page, url, benign)
    generate.click()
    _wait_for_text(page, "Document klaar en bewaard")
    wait_for_app(page)
    with page.expect_download() as caught:
        page.get_by_role("button", name="Word-bestand downloaden").click()
    document = docx.Document(io.BytesIO(Path(caught.value.path()).read_bytes()))
    assert document.paragraphs[0].text == f"Eigen tekst van {dossier.identity.name}"
    assert len(document.inline_shapes) == 1
    [kept] = Store(app.db).documents(dossier_id)
    assert kept.template == "eigen.docx"
