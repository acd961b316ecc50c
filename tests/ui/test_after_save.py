"""What a save reruns: the step's lists and state alone when nothing else on the page follows it."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.shown import as_seen
from workbench.demo import large_dossier
from workbench.dossier.model import AccessPoint, Dossier
from workbench.dossier.units import Change, identity_unit
from workbench.guide import forms
from workbench.store.dossiers import Store
from workbench.ui.common import PAGES
from workbench.ui.editing import FormRef

ROOT = Path(__file__).resolve().parents[2]
NEW = FormRef(forms.ACCESS_POINT)


@pytest.fixture
def app(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("WORKBENCH_DB", str(db_path))
    monkeypatch.chdir(ROOT)
    return AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)


def _with_points(dossier: Dossier, count: int) -> Dossier:
    host = dossier.partners[0].id
    points = [AccessPoint(id=f"ap{i}", name=f"Digipunt {i}", host_partner_id=host) for i in range(count)]
    return dossier.model_copy(update={"access_points": points})


def _open(app: AppTest, dossier_id: int, page: str) -> None:
    app.query_params["dossier"] = str(dossier_id)
    app.session_state[f"open_{NEW.id}"] = True
    app.run()
    app.switch_page(PAGES[page]).run()
    assert not app.exception


def _add_point(app: AppTest, name: str) -> None:
    app.text_input(key=f"edit_{NEW.id}_name").input(name)
    app.button(key=f"save_{NEW.id}").click().run()
    assert not app.exception


def test_a_new_item_that_changes_nothing_else_reruns_the_list_and_the_step_state_alone(
    app: AppTest, store: Store
) -> None:
    dossier = _with_points(large_dossier(8), 3)
    dossier_id = store.import_dossier(dossier, by="test")
    _open(app, dossier_id, "digipunten")
    assert [t.value for t in app.title] == ["Digipunten"]
    before = store.load(dossier_id)
    _add_point(app, "Bibliotheek <b>Boom</b>")
    # Only the fragments ran (AppTest shows what a run drew): no title, no menu, no guidance.
    assert [t.value for t in app.title] == []
    labels = [as_seen(e.label) for e in app.expander]
    assert "Bibliotheek <b>Boom</b>" in labels  # the list, with the new item, as typed
    assert any("open punt" in label or "ingevuld" in label for label in labels)  # the step's state
    assert [t.value for t in app.toast] == ["Bewaard"]
    after = store.load(dossier_id)
    assert len(after.dossier.access_points) == 4 and after.revision == before.revision + 1
    # The next whole run shows the same page with the new item.
    app.run()
    assert [t.value for t in app.title] == ["Digipunten"]
    assert "Bibliotheek <b>Boom</b>" in [as_seen(e.label) for e in app.expander]


def test_after_a_save_the_new_item_is_open_and_the_add_form_closed_and_empty(
    app: AppTest, store: Store
) -> None:
    # The add form gets a new key after each item it saved, so it closes whatever open state the
    # client sends back with the click (AppTest sends its last drawing's, and it stayed open).
    dossier_id = store.import_dossier(_with_points(large_dossier(8), 3), by="test")
    _open(app, dossier_id, "digipunten")
    _add_point(app, "Bibliotheek Boom")
    new_name = f"edit_{NEW.id}_name"
    assert new_name not in [w.key for w in app.text_input]  # the add form is closed: not drawn
    saved = store.load(dossier_id).dossier.access_points[-1]
    item = FormRef(forms.ACCESS_POINT, saved.id)
    assert app.text_input(key=f"edit_{item.id}_name").value == "Bibliotheek Boom"  # the new one is open
    # Opened again (a click on it), the add form is empty, and a second item saves.
    app.session_state[f"open_{NEW.id}_1"] = True
    app.run()
    assert app.text_input(key=new_name).value == ""
    _add_point(app, "Bibliotheek Niel")
    assert [p.name for p in store.load(dossier_id).dossier.access_points[-2:]] == [
        "Bibliotheek Boom",
        "Bibliotheek Niel",
    ]
    assert new_name not in [w.key for w in app.text_input]


def test_a_save_that_changes_the_steps_state_reruns_the_whole_page(app: AppTest, store: Store) -> None:
    # No digipunt yet: the first one turns the step (and its menu icon) from empty to begun.
    dossier = _with_points(large_dossier(8), 0)
    dossier_id = store.import_dossier(dossier, by="test")
    _open(app, dossier_id, "digipunten")
    _add_point(app, "Digipunt Boom")
    assert [t.value for t in app.title] == ["Digipunten"]
    assert [t.value for t in app.toast] == ["Bewaard"]


def test_renaming_an_item_reruns_the_whole_page(app: AppTest, store: Store) -> None:
    dossier = _with_points(large_dossier(8), 3)
    dossier_id = store.import_dossier(dossier, by="test")
    item = FormRef(forms.ACCESS_POINT, "ap1")
    app.session_state[f"open_{item.id}"] = True
    _open(app, dossier_id, "digipunten")
    app.text_input(key=f"edit_{item.id}_name").input("Digipunt hernoemd")
    app.button(key=f"save_{item.id}").click().run()
    assert not app.exception
    assert [t.value for t in app.title] == ["Digipunten"]  # a comment beside the list may name it
    assert store.load(dossier_id).dossier.access_points[1].name == "Digipunt hernoemd"


def test_a_page_that_shows_more_than_its_lists_reruns_whole(app: AppTest, store: Store) -> None:
    # Partners shows a table of every partner beside the list: a new partner must appear in it.
    dossier = large_dossier(8)
    dossier_id = store.import_dossier(dossier, by="test")
    new = FormRef(forms.PARTNER)
    app.query_params["dossier"] = str(dossier_id)
    app.session_state[f"open_{new.id}"] = True
    app.run()
    app.switch_page(PAGES["partners"]).run()
    app.text_input(key=f"edit_{new.id}_name").input("Vzw Nieuw")
    app.button(key=f"save_{new.id}").click().run()
    assert not app.exception
    assert [t.value for t in app.title] == ["Partners"]
    assert len(store.load(dossier_id).dossier.partners) == 9


def test_a_change_by_someone_else_that_the_menu_does_not_show_yet_reruns_the_whole_page(
    app: AppTest, store: Store
) -> None:
    dossier = _with_points(large_dossier(8), 3)
    dossier_id = store.import_dossier(dossier, by="test")
    _open(app, dossier_id, "digipunten")
    # In another tab: the partnership's name changes (the step's heading shows it).
    identity = dossier.identity.model_copy(update={"name": "Digibank Rupelstreek"})
    record = store.load(dossier_id)
    store.apply(
        dossier_id,
        [Change.put(identity_unit(), identity, record.version(identity_unit()))],
        by="Ander",
    )
    _add_point(app, "Digipunt Niel")
    assert [t.value for t in app.title] == ["Digipunten"]
    assert any("Digibank Rupelstreek" in c.value for c in app.caption)
