"""The revisions under the store: conflicts name who changed a unit, deletions keep its name, past states."""

from __future__ import annotations

import pytest

from workbench.dossier.units import Change, UnitRef, item_unit
from workbench.store.db import connect
from workbench.store.dossiers import EditConflict, Store
from workbench.store.revisions import state_at


def test_saving_a_unit_someone_deleted_names_who_deleted_it_and_when(store: Store, dossier_id: int) -> None:
    record = store.load(dossier_id)
    unit = UnitRef(kind="role", key="r2")
    store.save(dossier_id, Change(unit=unit, data=None, base_version=record.version(unit)), by="bob")
    stale = record.dossier.roles[1].model_copy(update={"engagement": "mine"})
    with pytest.raises(EditConflict) as refused:
        store.save(dossier_id, Change.put(unit, stale, record.version(unit)), by="ann")
    assert refused.value.by == "bob"
    assert refused.value.at is not None
    assert refused.value.theirs is None


def test_a_deletion_is_recorded_under_the_name_the_unit_had(store: Store, dossier_id: int) -> None:
    record = store.load(dossier_id)
    unit = item_unit("partner", "vzw")
    roles = UnitRef(kind="role", key="r2")
    store.apply(
        dossier_id,
        [
            Change(unit=roles, data=None, base_version=record.version(roles)),
            Change(unit=unit, data=None, base_version=record.version(unit)),
        ],
        by="bob",
    )
    [deleted] = [r for r in store.history(dossier_id) if r.unit == unit and r.action == "delete"]
    assert (deleted.label, deleted.by, deleted.revision) == ("Vzw Verbinding", "bob", record.revision + 1)


def test_the_state_at_a_revision_replays_saves_and_deletions(store: Store, dossier_id: int) -> None:
    record = store.load(dossier_id)
    unit = item_unit("partner", "vzw")
    renamed = record.dossier.partners[1].model_copy(update={"name": "Vzw Twee"})
    revision = store.save(dossier_id, Change.put(unit, renamed, record.version(unit)), by="bob")
    with connect(store.backend) as db:
        before, after = state_at(db, dossier_id, record.revision), state_at(db, dossier_id, revision)
    assert before[unit]["name"] == "Vzw Verbinding"
    assert after[unit]["name"] == "Vzw Twee"
