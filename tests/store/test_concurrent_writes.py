"""Writes at the same moment, on both backends: no lost update, one revision each, the consent rule holds.

SQLite serialises every write (BEGIN IMMEDIATE); PostgreSQL locks the dossier's scope. Both
must give the same outcomes when threads and processes press at once.
"""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path
from typing import Any

import pytest

from tests.collab.workshop_helpers import mark_ready
from tests.security.helpers import all_at_once
from workbench.collab.consent import Consents
from workbench.dossier.model import DossierStatus
from workbench.dossier.records import EditConflict
from workbench.dossier.units import Change, item_unit, section_unit
from workbench.store.dossiers import Store
from workbench.store.revisions import Writing, unit_rows, write_change


def _add_one(store: Store, dossier_id: int, attempts: int = 200) -> int:
    """Count up in a section's narrative: load, add one, save; retry on a conflict. Return the conflicts."""
    unit = section_unit("doelgroep")
    conflicts = 0
    for _ in range(attempts):
        record = store.load(dossier_id)
        section = record.dossier.strategy.doelgroep
        count = int(section.narrative or "0")
        change = Change.put(
            unit, section.model_copy(update={"narrative": str(count + 1)}), record.version(unit)
        )
        try:
            store.save(dossier_id, change, by="teller")
            return conflicts
        except EditConflict:
            conflicts += 1
    raise AssertionError("no save got through")


def test_threads_counting_up_in_one_unit_lose_no_update(store: Store, dossier_id: int) -> None:
    conflicts = all_at_once(8, lambda i: sum(_add_one(store, dossier_id) for _ in range(5)))
    assert store.load(dossier_id).dossier.strategy.doelgroep.narrative == str(8 * 5)
    assert sum(conflicts) > 0  # they really met on the same unit


def _count_in_a_process(address: str, dossier_id: int, saves: int, start: Any, results: Any) -> None:
    store = Store(address)  # a store of its own: its own connection, or its own pool
    start.wait()
    results.put(sum(_add_one(store, dossier_id) for _ in range(saves)))


def test_two_processes_with_their_own_stores_lose_no_update(
    db_path: Any, store: Store, dossier_id: int
) -> None:
    spawn = multiprocessing.get_context("spawn")
    start, results = spawn.Barrier(2, timeout=120), spawn.Queue()
    workers = [
        spawn.Process(target=_count_in_a_process, args=(str(db_path), dossier_id, 15, start, results))
        for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    conflicts = [results.get(timeout=240) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert store.load(dossier_id).dossier.strategy.doelgroep.narrative == "30"
    assert all(c >= 0 for c in conflicts)


def test_saves_of_different_units_at_once_each_get_their_own_revision(store: Store, dossier_id: int) -> None:
    record = store.load(dossier_id)
    partners = record.dossier.partners

    def rename(i: int) -> int:
        partner = partners[i % 2]
        unit = item_unit("partner", partner.id)
        for _ in range(100):
            current = store.load(dossier_id)
            renamed = current.dossier.partner(partner.id).model_copy(update={"name": f"{partner.name} {i}"})  # type: ignore[union-attr]
            try:
                return store.save(dossier_id, Change.put(unit, renamed, current.version(unit)), by=f"w{i}")
            except EditConflict:
                continue
        raise AssertionError("no save got through")

    revisions = all_at_once(6, rename)
    assert sorted(revisions) == list(range(record.revision + 1, record.revision + 7))
    assert len({r.revision for r in store.history(dossier_id)}) == record.revision + 6


def test_an_objection_while_ready_is_being_saved_never_leaves_the_dossier_ready(
    store: Store, dossier_id: int, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worst moment: the save of "ready" has found no objection and has not committed yet.

    The objection must wait for that save (SQLite: BEGIN IMMEDIATE; PostgreSQL: the dossier's
    lock), and then sets the ready dossier back to review. Without the lock it would be recorded
    meanwhile, find the dossier not yet ready, and the save would commit "ready" over it.
    """
    import workbench.store.dossiers as dossiers

    checked, objected = threading.Event(), threading.Event()
    check = dossiers.refuse_ready_while_objecting

    def check_then_linger(*args: Any) -> None:
        check(*args)
        checked.set()
        objected.wait(timeout=5)  # the objection cannot finish meanwhile when the dossier is locked

    monkeypatch.setattr(dossiers, "refuse_ready_while_objecting", check_then_linger)
    consents = Consents(db_path)

    def object_() -> None:
        assert checked.wait(timeout=120)
        consents.record(store, dossier_id, "outreach", "vzw", "object", "Geen toeleiding", by="Fien")
        objected.set()

    objector = threading.Thread(target=object_)
    objector.start()
    mark_ready(store, dossier_id)
    objector.join(timeout=120)
    dossier = store.load(dossier_id).dossier
    assert consents.objections(dossier_id, dossier), "the objection is recorded"
    assert dossier.identity.status == DossierStatus.IN_REVIEW


def test_a_unit_changed_under_a_stale_row_is_a_conflict_not_a_silent_miss(
    store: Store, dossier_id: int
) -> None:
    """The UPDATE carries `WHERE version = ?` and its row count is checked, whatever locked the dossier."""
    record = store.load(dossier_id)
    unit = item_unit("partner", "vzw")
    partner = record.dossier.partner("vzw")
    assert partner is not None
    store.save(
        dossier_id,
        Change.put(unit, partner.model_copy(update={"name": "Eerst"}), record.version(unit)),
        by="a",
    )
    stale_change = Change.put(unit, partner.model_copy(update={"name": "Later"}), record.version(unit))
    with pytest.raises(EditConflict), store.backend.write() as db:
        rows = unit_rows(db, dossier_id)
        stale_row = {**rows[unit], "version": record.version(unit)}  # what a writer without the lock saw
        writing = Writing(dossier_id, record.revision + 5, "b", "2026-01-01T00:00:00+00:00")
        write_change(db, writing, stale_row, stale_change, record.dossier, 99)
    assert store.load(dossier_id).dossier.partner("vzw").name == "Eerst"  # type: ignore[union-attr]
    assert store.load(dossier_id).revision == record.revision + 1
