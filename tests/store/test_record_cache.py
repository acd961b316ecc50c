"""Records by revision and migrations once: a page reads one revision many times, and never a stale one."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from workbench.dossier import units
from workbench.dossier.model import AccessPoint, Dossier, Identity, Partner
from workbench.dossier.records import DossierRecord
from workbench.dossier.units import Change, UnitRef, identity_unit, item_unit
from workbench.store import db as connections
from workbench.store import dossiers, record_cache, revisions
from workbench.store.dossiers import Store


def test_one_revision_is_read_once_and_a_save_is_seen_at_once(store: Store, dossier_id: int) -> None:
    first = store.load(dossier_id)
    assert store.load(dossier_id) is first  # the same revision: no second validation
    unit = item_unit("partner", "vzw")
    renamed = first.dossier.partners[1].model_copy(update={"name": "Vzw Nieuw"})
    store.save(dossier_id, Change.put(unit, renamed, first.version(unit)), by="bob")
    again = Store(store.backend.address).load(dossier_id)  # another store object, as another session has
    assert again is not first
    assert again.dossier.partners[1].name == "Vzw Nieuw"


def test_a_write_by_another_process_is_seen(store: Store, dossier_id: int) -> None:
    before = store.load(dossier_id)
    # Another process (or a tool) changes the row: the revision and time it holds are the key.
    with store.backend.write() as raw:
        raw.execute(
            "UPDATE dossiers SET revision = revision + 1, updated_at = '2099-01-01T00:00:00+00:00'"
            " WHERE id = ?",
            [dossier_id],
        )
    after = store.load(dossier_id)
    assert after.revision == before.revision + 1
    assert after.updated_at.year == 2099


def test_a_new_dossier_under_a_reused_id_is_not_the_old_one(store: Store, small_dossier: Dossier) -> None:
    old = store.import_dossier(small_dossier, by="ann")
    assert store.load(old).dossier.identity.name == "Digibank Test"
    store.delete_dossier(old)
    new = store.import_dossier(Dossier(identity=Identity(name="Heel Anders", call="voortraject")), by="ann")
    if store.backend.dialect == "sqlite":
        assert new == old  # SQLite gave the freed id again (PostgreSQL never does)
    assert store.load(new).dossier.identity.name == "Heel Anders"


def test_a_file_put_in_the_place_of_a_migrated_one_is_migrated_again(tmp_path: Path) -> None:
    path = tmp_path / "workbench.db"
    Store(path)
    os.remove(path)
    for companion in connections.companions(path):
        companion.unlink(missing_ok=True)
    store = Store(path)  # a new, empty file: whatever its inode, it gets the schema
    assert store.list_dossiers() == []


def _fresh(store: Store, dossier_id: int) -> DossierRecord:
    record_cache.clear()
    return Store(store.backend.address).load(dossier_id)


def test_a_save_validates_the_dossier_once_and_its_record_is_what_a_fresh_read_makes(
    store: Store, dossier_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = store.load(dossier_id)
    validated: list[int] = []
    real = units.assemble

    def counted(found: dict[UnitRef, dict[str, Any]]) -> Dossier:
        validated.append(len(found))
        return real(found)

    for module in (units, revisions, dossiers):
        monkeypatch.setattr(module, "assemble", counted)
    unit = item_unit("partner", "vzw")
    # Spaces the model trims: the record kept must hold what is stored, not what was typed.
    renamed = before.dossier.partners[1].model_copy(update={"name": "  Vzw   Nieuw "})
    revision = store.save(dossier_id, Change.put(unit, renamed, before.version(unit)), by="bob")
    after = Store(store.backend.address).load(dossier_id)  # the page's read after the save
    assert after.revision == revision
    assert len(validated) == 1  # planning the change; the read after it is the save's own record
    monkeypatch.undo()
    assert after == _fresh(store, dossier_id)


def test_every_kind_of_change_keeps_the_record_a_fresh_read_makes(store: Store, dossier_id: int) -> None:
    current = store.load(dossier_id)
    host = current.dossier.partners[0]
    point = AccessPoint(id="ap-new", name=" Nieuw  digipunt", host_partner_id=host.id, municipality="Boom")
    store.save(dossier_id, Change.put(item_unit("access_point", "ap-new"), point, 0), by="ann")
    assert store.load(dossier_id) == _fresh(store, dossier_id)
    current = store.load(dossier_id)
    identity = current.dossier.identity.model_copy(update={"name": "Digibank  Anders "})
    store.save(dossier_id, Change.put(identity_unit(), identity, current.version(identity_unit())), by="ann")
    assert store.load(dossier_id) == _fresh(store, dossier_id)
    current = store.load(dossier_id)
    gone = item_unit("access_point", "ap-new")
    store.save(dossier_id, Change(unit=gone, data=None, base_version=current.version(gone)), by="ann")
    assert store.load(dossier_id) == _fresh(store, dossier_id)
    store.restore_dossier(dossier_id, 1, by="ann")  # many units at once, some back from the dead
    assert store.load(dossier_id) == _fresh(store, dossier_id)
    assert store.load(dossier_id).dossier == _fresh(store, dossier_id).dossier


def test_a_save_that_fails_keeps_no_record(store: Store, dossier_id: int) -> None:
    current = store.load(dossier_id)
    unit = item_unit("partner", "vzw")
    renamed = current.dossier.partners[1].model_copy(update={"name": "Vzw Nieuw"})

    def refuse(db: object, revision: int) -> None:
        raise RuntimeError("refused after the changes")

    with pytest.raises(RuntimeError):
        store.apply(dossier_id, [Change.put(unit, renamed, current.version(unit))], by="bob", then=refuse)
    assert store.load(dossier_id) == current
    assert store.load(dossier_id).dossier.partners[1].name != "Vzw Nieuw"


def test_a_save_keeps_its_record_when_the_lists_are_not_in_key_order(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    dossier_id = store.import_dossier(
        Dossier(
            identity=Identity(name="Digibank Volgorde", call="voortraject"),
            partners=[Partner(id=key, name=f"Partner {key}", org_type="vzw") for key in ("zz", "mm", "aa")],
        ),
        by="ann",
    )
    before = store.load(dossier_id)
    validated: list[int] = []
    real = units.assemble
    monkeypatch.setattr(revisions, "assemble", lambda found: validated.append(1) or real(found))
    monkeypatch.setattr(dossiers, "assemble", lambda found: validated.append(1) or real(found))
    unit = item_unit("partner", "mm")
    renamed = before.dossier.partners[1].model_copy(update={"name": "Partner Midden"})
    store.save(dossier_id, Change.put(unit, renamed, before.version(unit)), by="bob")
    after = store.load(dossier_id)
    assert [p.id for p in after.dossier.partners] == ["zz", "mm", "aa"]
    assert len(validated) == 1
    monkeypatch.undo()
    assert after == _fresh(store, dossier_id)
