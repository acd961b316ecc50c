"""Drafts per browser session: kept, read back only by their owner, expiring, dropped on logout."""

from __future__ import annotations

from datetime import UTC, datetime

from workbench.store.dossiers import Store
from workbench.store.drafts import DRAFT_LIFETIME, SETTING_LIFETIME, Drafts, owner

T0 = datetime(2026, 3, 5, 9, 0, tzinfo=UTC)
ANN = owner("session", "token-of-ann")
BOB = owner("session", "token-of-bob")


def test_a_draft_comes_back_for_its_owner_only(store: Store, dossier_id: int) -> None:
    drafts = Drafts(store.backend)
    drafts.update(ANN, {(dossier_id, "partner:stad"): '{"draft": {"name": "Stad X"}}'}, now=T0)
    assert drafts.load(ANN, now=T0) == {(dossier_id, "partner:stad"): '{"draft": {"name": "Stad X"}}'}
    assert drafts.load(BOB, now=T0) == {}
    assert owner("browser", "token-of-ann") != ANN  # a browser cookie never names a session's drafts


def test_a_draft_is_replaced_dropped_and_expires(store: Store, dossier_id: int) -> None:
    drafts = Drafts(store.backend)
    key = (dossier_id, "section:doelgroep")
    drafts.update(ANN, {key: "1"}, now=T0)
    drafts.update(ANN, {key: "2"}, now=T0)
    assert drafts.load(ANN, now=T0) == {key: "2"}
    assert drafts.load(ANN, now=T0 + DRAFT_LIFETIME) == {}
    drafts.update(ANN, {key: None}, now=T0)
    assert drafts.load(ANN, now=T0) == {}


def test_logging_out_forgets_drafts_and_settings(store: Store, dossier_id: int) -> None:
    drafts = Drafts(store.backend)
    drafts.update(ANN, {(dossier_id, "identity"): "{}"}, now=T0)
    drafts.set_setting(ANN, "actor_name", "Ann", now=T0)
    drafts.update(BOB, {(dossier_id, "identity"): "{}"}, now=T0)
    drafts.forget(ANN)
    assert drafts.load(ANN, now=T0) == {} and drafts.setting(ANN, "actor_name", now=T0) is None
    assert drafts.load(BOB, now=T0) != {}


def test_drafts_of_a_deleted_dossier_go_with_it(store: Store, dossier_id: int) -> None:
    drafts = Drafts(store.backend)
    drafts.update(ANN, {(dossier_id, "identity"): "{}"}, now=T0)
    store.delete_dossier(dossier_id)
    assert drafts.load(ANN, now=T0) == {}
    drafts.update(ANN, {(dossier_id, "identity"): "{}"}, now=T0)  # typed while it was deleted: nowhere to go
    assert drafts.load(ANN, now=T0) == {}


def test_a_setting_is_kept_for_a_while(store: Store) -> None:
    drafts = Drafts(store.backend)
    browser = owner("browser", "cookie")
    drafts.set_setting(browser, "actor_name", "Coördinator Ann", now=T0)
    assert drafts.setting(browser, "actor_name", now=T0) == "Coördinator Ann"
    assert drafts.setting(browser, "actor_name", now=T0 + SETTING_LIFETIME) is None
