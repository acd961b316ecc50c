"""Unsaved text survives a reload: a new session of the same browser gets it back, nobody else does."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from workbench.dossier.model import Dossier, Identity
from workbench.dossier.units import Change, identity_unit
from workbench.store.dossiers import Store
from workbench.store.drafts import Drafts, owner
from workbench.ui import kept_drafts, session
from workbench.ui.common import PAGES

ROOT = Path(__file__).resolve().parents[2]
NAME = "edit_identity_name"


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> dict[str, str]:
    """Stand in for the browser cookie (AppTest has no browser): which browser the next session is."""
    monkeypatch.setenv("WORKBENCH_DB", str(db_path))
    monkeypatch.chdir(ROOT)
    current = {"id": "browser-of-ann"}
    monkeypatch.setattr(session, "browser_owner", lambda: owner("browser", current["id"]))
    return current


def tab(dossier_id: int) -> AppTest:
    """A new browser tab (or the same after a reload): a new Streamlit session on the Partnerschap step."""
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30)
    app.query_params["dossier"] = str(dossier_id)
    app.run()
    app.switch_page(PAGES["partnerschap"]).run()
    assert not app.exception
    return app


def test_unsaved_text_comes_back_after_a_reload_and_goes_once_saved(
    browser: dict[str, str], store: Store, dossier_id: int
) -> None:
    first = tab(dossier_id)
    first.text_input(key=NAME).input("Digibank Rupel en Vaart").run()
    again = tab(dossier_id)  # F5
    assert again.text_input(key=NAME).value == "Digibank Rupel en Vaart"
    assert store.load(dossier_id).dossier.identity.name == "Digibank Test"  # nothing saved by itself
    again.button(key="save_identity").click().run()
    assert store.load(dossier_id).dossier.identity.name == "Digibank Rupel en Vaart"
    assert Drafts(store.backend).load(owner("browser", browser["id"])) == {}
    assert tab(dossier_id).text_input(key=NAME).value == "Digibank Rupel en Vaart"


def test_another_browser_never_sees_the_draft(browser: dict[str, str], dossier_id: int) -> None:
    tab(dossier_id).text_input(key=NAME).input("Geheime werktitel").run()
    browser["id"] = "browser-of-bob"
    assert tab(dossier_id).text_input(key=NAME).value == "Digibank Test"


def test_text_typed_in_one_dossier_never_shows_in_another(
    browser: dict[str, str], store: Store, dossier_id: int
) -> None:
    other = store.import_dossier(
        Dossier(identity=Identity(name="Digibank Elders", call="voortraject")), by="x"
    )
    app = tab(dossier_id)
    app.text_input(key=NAME).input("Alleen voor Rupel").run()
    app.query_params["dossier"] = str(other)
    app.run()
    assert app.text_input(key=NAME).value == "Digibank Elders"
    app.query_params["dossier"] = str(dossier_id)
    app.run()
    assert app.text_input(key=NAME).value == "Alleen voor Rupel"  # kept on the server, back again


def test_a_kept_draft_of_a_part_changed_meanwhile_shows_the_conflict(
    browser: dict[str, str], store: Store, dossier_id: int
) -> None:
    tab(dossier_id).text_input(key=NAME).input("Mijn titel").run()
    record = store.load(dossier_id)
    changed = record.dossier.identity.model_copy(update={"name": "Hun titel"})
    store.save(dossier_id, Change.put(identity_unit(), changed, record.version(identity_unit())), by="Bob")
    app = tab(dossier_id)
    assert app.text_input(key=NAME).value == "Mijn titel"  # their save does not wipe my text
    app.button(key="save_identity").click().run()
    assert store.load(dossier_id).dossier.identity.name == "Hun titel"  # nothing overwritten silently
    assert any("Bob" in w.value for w in app.warning)


def test_widget_values_survive_the_round_trip() -> None:
    bookkeeping = {
        "seed": {"start": date(2026, 1, 1), "amount": 1.5, "tags": ["a"], "ok": True, "none": None},
        "snapshot": {"start": "2026-01-01"},
        "draft": {"start": date(2026, 2, 1), "amount": Decimal("12.30"), "tags": ["a", "b"], "ok": False},
        "conflict": {"not": "kept"},
    }
    back = kept_drafts.decode(kept_drafts.encode(bookkeeping))
    assert back == {k: bookkeeping[k] for k in ("seed", "snapshot", "draft")}


def test_the_name_typed_in_open_workshop_mode_comes_back(browser: dict[str, str], dossier_id: int) -> None:
    first = tab(dossier_id)
    first.text_input(key="actor_name_field").input("Coördinator Ann").run()
    again = tab(dossier_id)
    assert again.session_state["actor_name"] == "Coördinator Ann"
    assert again.text_input(key="actor_name_field").value == "Coördinator Ann"
    browser["id"] = "browser-of-bob"
    assert tab(dossier_id).text_input(key="actor_name_field").value == ""
