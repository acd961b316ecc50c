"""AppTest runs of every page: no exception, in both languages, with every demo dossier."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.shown import as_seen
from workbench.demo import demo_dossiers
from workbench.dossier.model import Dossier
from workbench.dossier.steps import STEP_KEYS
from workbench.dossier.units import KINDS
from workbench.guide import forms, parts
from workbench.guide.guidance import guidance
from workbench.guide.labels import item_title
from workbench.i18n import t
from workbench.store.dossiers import Store
from workbench.ui.common import PAGES

DEMOS = {d.identity.name: d for d in demo_dossiers()}
# The list each step page shows as one expander per item (besides the 'add' expander).
LISTED = {
    "partners": [forms.PARTNER],
    "rollen": [forms.ROLE, forms.FLOW, forms.CUSTOM_ROLE],
    "digipunten": [forms.ACCESS_POINT],
    "governance": [forms.WERKGROEP],
    "gegevensbescherming": [forms.PROCESSING],
    **{section: list(layout.lists) for section, layout in forms.SECTIONS.items()},
}

# Pages whose tabs are drawn only when chosen: {tab widget key: its labels' catalogue keys}.
LAZY_TABS = {"rollen": {"rollen_tab": ["form.tab.roles", "form.tab.flows", "form.tab.custom_roles"]}}

ROOT = Path(__file__).resolve().parents[2]
# Logging in, joining and user management exist only once accounts do: see test_app_access.py.
OPEN_MODE_PAGES = sorted(set(PAGES) - {"login", "join", "users"})


def test_empty_database_offers_the_demo(app: AppTest, db_path: Path) -> None:
    app.run()
    assert not app.exception
    app.button(key="start_load_demo").click().run()
    assert not app.exception
    assert len(Store(db_path).list_dossiers()) >= 3


def test_start_page_creates_a_dossier(app: AppTest, db_path: Path) -> None:
    app.run()
    app.text_input(key="start_new_name").input("Digibank Kempen")
    app.selectbox(key="start_new_call").select("implementatietraject")
    app.button(key="FormSubmitter:start_create-Dossier aanmaken").click().run()
    assert not app.exception
    (summary,) = Store(db_path).list_dossiers()
    assert (summary.name, summary.call) == ("Digibank Kempen", "implementatietraject")
    # Creating a dossier opens it, at its first step, with the dossier in the address.
    assert app.session_state["dossier_id"] == summary.id
    assert app.query_params["dossier"] == str(summary.id)
    assert [t.value for t in app.title] == ["Partnerschap"]


def test_start_page_refuses_an_empty_name(app: AppTest, db_path: Path) -> None:
    app.run()
    app.button(key="FormSubmitter:start_create-Dossier aanmaken").click().run()
    assert [e.value for e in app.error] == ["Geef het partnerschap een naam."]
    assert Store(db_path).list_dossiers() == []


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("page", OPEN_MODE_PAGES)
def test_every_page_runs_with_a_dossier_open(
    app: AppTest, db_path: Path, small_dossier: Dossier, page: str, lang: str
) -> None:
    dossier_id = Store(db_path).import_dossier(small_dossier, by="test")
    app.session_state["dossier_id"] = dossier_id
    app.session_state["lang"] = lang
    app.run()
    app.switch_page(PAGES[page]).run()
    assert not app.exception


@pytest.mark.parametrize("page", OPEN_MODE_PAGES)
def test_every_page_runs_without_a_dossier(app: AppTest, page: str) -> None:
    app.run()
    app.switch_page(PAGES[page]).run()
    assert not app.exception


def test_identity_form_saves_and_reports_bad_input(
    app: AppTest, db_path: Path, small_dossier: Dossier
) -> None:
    store = Store(db_path)
    dossier_id = store.import_dossier(small_dossier, by="test")
    app.session_state["dossier_id"] = dossier_id
    app.run()
    app.switch_page(PAGES["partnerschap"]).run()
    app.text_area(key="edit_identity_werkingsgebied").input("Mortsel\nEdegem")
    app.button(key="save_identity").click().run()
    assert not app.exception
    assert store.load(dossier_id).dossier.identity.werkingsgebied == ["Mortsel", "Edegem"]

    app.text_input(key="edit_identity_name").input("")
    app.button(key="save_identity").click().run()
    seen = " ".join(as_seen(md.value) for md in app.markdown)
    assert "mag niet leeg zijn" in seen  # beside the field, in Dutch
    assert store.load(dossier_id).dossier.identity.name == "Digibank Test"


def _listed_titles(dossier: Dossier, step: str, lang: str) -> list[str]:
    titles = []
    for spec in LISTED.get(step, []):
        if spec.items:
            holder = parts.unit_model(dossier, spec.unit())
            items = getattr(holder, spec.items)
        else:
            items = getattr(dossier, KINDS[spec.unit_kind].field)
        titles += [item_title(obj, dossier, lang) for obj in items]
    return titles


def _every_page_of_every_list(app: AppTest) -> list[str]:
    """Return the expanders' labels; long lists come in pages of twenty: turn every page of every list."""
    expanders = [as_seen(e.label) for e in app.expander]
    for pager in [s.key for s in app.selectbox if str(s.key).startswith("page_")]:
        for number in range(1, len(app.selectbox(key=pager).options)):
            app.selectbox(key=pager).set_value(number).run()
            expanders += [as_seen(e.label) for e in app.expander]
        app.selectbox(key=pager).set_value(0).run()
    return expanders


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("demo", sorted(DEMOS))
@pytest.mark.parametrize("page", OPEN_MODE_PAGES)
def test_every_page_shows_each_demo_dossier(
    app: AppTest, db_path: Path, page: str, demo: str, lang: str
) -> None:
    dossier = DEMOS[demo]
    app.session_state["dossier_id"] = Store(db_path).import_dossier(dossier, by="test")
    app.session_state["lang"] = lang
    app.run()
    app.switch_page(PAGES[page]).run()
    assert not app.exception
    if page in STEP_KEYS:
        assert t(f"step.{page}", lang) in [h.value for h in app.title]
    if (found := guidance(page, lang)) is not None:
        seen = " ".join(as_seen(md.value) for md in app.markdown)
        assert found.questions[0] in seen  # the hulpvragen beside the inputs
    expanders = _every_page_of_every_list(app)
    # Lazy tabs draw the chosen tab only: choose every tab.
    for tab_key, tabs in LAZY_TABS.get(page, {}).items():
        for tab in tabs:
            app.session_state[tab_key] = t(tab, lang)
            app.run()
            expanders += _every_page_of_every_list(app)
    for title in _listed_titles(dossier, page, lang):
        assert title in expanders


@pytest.mark.parametrize(
    "page", ["partners", "digipunten", "overzicht", "graph", "documents", "history", "start"]
)
def test_every_page_keeps_the_open_dossier_in_its_address(
    app: AppTest, db_path: Path, small_dossier: Dossier, page: str
) -> None:
    # Streamlit drops the query on a page change: the router puts the dossier back, so a reload
    # or a copied address opens the same dossier on the same page.
    dossier_id = Store(db_path).import_dossier(small_dossier, by="test")
    app.query_params["dossier"] = str(dossier_id)
    app.run()
    app.query_params.clear()  # what a click in the menu does
    app.switch_page(PAGES[page]).run()
    assert not app.exception
    assert app.query_params.get("dossier") == str(dossier_id)
