"""The Partnernetwerk page through AppTest: graph, findings, coverage and the drop-out question."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.graph_dossiers import every_gap
from workbench.demo import demo_dossiers
from workbench.store.dossiers import Store
from workbench.ui.common import PAGES

ROOT = Path(__file__).resolve().parents[2]


def open_graph_page(app: AppTest, db_path: Path, dossier, lang: str = "nl") -> AppTest:
    app.session_state["dossier_id"] = Store(db_path).import_dossier(dossier, by="test")
    app.session_state["lang"] = lang
    app.run()
    app.switch_page(PAGES["graph"]).run()
    assert not app.exception
    return app


def test_the_page_lists_every_gap_and_who_could_fill_it(app: AppTest, db_path: Path) -> None:
    open_graph_page(app, db_path, every_gap())
    assert app.title[0].value == "Partnernetwerk"
    findings = app.dataframe[0].value
    assert len(findings) == 18
    assert findings.iloc[0]["Ernst"] == "Probleem"
    coverage = app.dataframe[1].value
    toeleider = coverage[coverage["Wat"] == "Sleutelrol: Toeleider"].iloc[0]
    assert (toeleider["Dekking"], toeleider["Partners"]) == ("Dun (één partner)", "OCMW Beta")


def test_the_dropout_question_names_what_is_lost(app: AppTest, db_path: Path) -> None:
    open_graph_page(app, db_path, every_gap(), lang="en")
    app.selectbox(key="graph_page_dropout").select("b").run()
    assert not app.exception
    text = app.text[-1].value
    assert "Partners cut off from the network: CVO Gamma and Bib Phi." in text


def test_digipunten_and_target_groups_can_be_shown(app: AppTest, db_path: Path) -> None:
    open_graph_page(app, db_path, demo_dossiers()[0])
    app.toggle(key="graph_page_access_points").set_value(True).run()
    app.toggle(key="graph_page_target_groups").set_value(True).run()
    assert not app.exception


def test_the_findings_and_coverage_tables_wrap_long_text(app: AppTest, db_path: Path) -> None:
    # Streamlit wraps text in a table cell only when a row is taller than 4rem (64 px): a finding
    # of two lines was cut off at the column's edge before.
    open_graph_page(app, db_path, every_gap())
    findings, coverage = app.dataframe[0], app.dataframe[1]
    assert findings.proto.row_height > 64 and coverage.proto.row_height > 64
    assert max(len(m) for m in findings.value["Bevinding"]) > 80  # long enough to need it
