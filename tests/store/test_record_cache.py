"""Records by revision and migrations once: a page reads one revision many times, and never a stale one."""

from __future__ import annotations

import os
from pathlib import Path

from workbench.dossier.model import Dossier, Identity
from workbench.dossier.units import Change, item_unit
from workbench.store import db as connections
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
