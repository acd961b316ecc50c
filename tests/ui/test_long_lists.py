"""Long lists come in pages: 60 partners draw as many forms as a short list does; links still find items."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.shown import as_seen
from workbench.demo import large_dossier
from workbench.guide import labels
from workbench.store.dossiers import Store
from workbench.ui.common import PAGES
from workbench.ui.step_page import PAGE_SIZE

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("WORKBENCH_DB", str(db_path))
    monkeypatch.chdir(ROOT)
    return AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)


def test_sixty_partners_are_shown_a_page_at_a_time(app: AppTest, store: Store) -> None:
    dossier = large_dossier(60)
    dossier_id = store.import_dossier(dossier, by="test")
    app.query_params["dossier"] = str(dossier_id)
    app.run()
    app.switch_page(PAGES["partners"]).run()
    assert not app.exception
    pager = app.selectbox(key="page_partner")
    assert pager.value == 0 and len(pager.options) == 3  # 1–20, 21–40, 41–60 van 60
    assert pager.options[0] == "1–20 van 60"
    shown = [as_seen(e.label) for e in app.expander]
    names = [labels.item_title(p, dossier, "nl") for p in dossier.partners]
    assert [n for n in names if n in shown] == names[:PAGE_SIZE]
    pager.set_value(2).run()
    shown = [as_seen(e.label) for e in app.expander]
    assert [n for n in names if n in shown] == names[2 * PAGE_SIZE :]


def test_a_link_to_an_item_opens_it_on_its_page(app: AppTest, store: Store) -> None:
    dossier = large_dossier(60)
    dossier_id = store.import_dossier(dossier, by="test")
    wanted = dossier.partners[45]
    app.query_params["dossier"] = str(dossier_id)
    app.run()
    app.query_params["focus"] = wanted.id  # as a link from the Overzicht carries it
    app.switch_page(PAGES["partners"]).run()
    assert not app.exception
    assert app.selectbox(key="page_partner").value == 2
    assert app.session_state[f"open_partner:{wanted.id}"] is True
