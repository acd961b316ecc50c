"""The store: round trips, stale saves refused, history and restore, on a real SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.backends import count
from workbench.dossier.model import Dossier, Partner, RoleAssignment
from workbench.dossier.units import Change, UnitRef, identity_unit, item_unit, section_unit
from workbench.store.db import database_address, health
from workbench.store.dossiers import DossierNotFound, EditConflict, InvalidChange, Store


def test_imported_dossier_loads_back_equal(store: Store, small_dossier: Dossier) -> None:
    new_id = store.import_dossier(small_dossier, by="ann")
    assert store.load(new_id).dossier == small_dossier


def test_import_never_overwrites_an_existing_dossier(store: Store, small_dossier: Dossier) -> None:
    first = store.import_dossier(small_dossier, by="ann")
    second = store.import_dossier(small_dossier, by="ann")
    assert first != second
    assert [s.id for s in store.list_dossiers()] == [second, first]


def test_save_bumps_version_and_revision(store: Store, dossier_id: int) -> None:
    record = store.load(dossier_id)
    unit = item_unit("partner", "vzw")
    renamed = record.dossier.partners[1].model_copy(update={"name": "Vzw Nieuwe Naam"})
    revision = store.save(dossier_id, Change.put(unit, renamed, record.version(unit)), by="bob")
    again = store.load(dossier_id)
    assert revision == record.revision + 1 == again.revision
    assert again.version(unit) == record.version(unit) + 1
    assert again.dossier.partners[1].name == "Vzw Nieuwe Naam"
    assert again.versions[str(unit)].by == "bob"


def test_second_save_of_stale_partner_is_refused_and_names_who(store: Store, dossier_id: int) -> None:
    first = store.load(dossier_id)
    unit = item_unit("partner", "vzw")
    partner = first.dossier.partners[1]
    store.save(
        dossier_id, Change.put(unit, partner.model_copy(update={"name": "A"}), first.version(unit)), by="ann"
    )
    with pytest.raises(EditConflict) as refused:
        store.save(
            dossier_id,
            Change.put(unit, partner.model_copy(update={"name": "B"}), first.version(unit)),
            by="bob",
        )
    assert refused.value.by == "ann"
    assert refused.value.theirs is not None and refused.value.theirs["name"] == "A"
    assert store.load(dossier_id).dossier.partners[1].name == "A"


def test_conflict_in_one_change_saves_nothing_of_the_batch(store: Store, dossier_id: int) -> None:
    record = store.load(dossier_id)
    section = section_unit("doelgroep")
    stale = Change(
        unit=identity_unit(), data=record.dossier.identity.model_dump(mode="json"), base_version=99
    )
    fresh = Change(
        unit=section, data={"narrative": "Nieuw", "target_groups": []}, base_version=record.version(section)
    )
    with pytest.raises(EditConflict):
        store.apply(dossier_id, [fresh, stale], by="ann")
    assert store.load(dossier_id).dossier.strategy.doelgroep.narrative == ""


def test_creating_a_unit_that_someone_else_created_is_a_conflict(store: Store, dossier_id: int) -> None:
    unit = item_unit("partner", "new")
    store.save(dossier_id, Change.put(unit, Partner(id="new", name="Eerste"), 0), by="ann")
    with pytest.raises(EditConflict):
        store.save(dossier_id, Change.put(unit, Partner(id="new", name="Tweede"), 0), by="bob")


def test_deleting_a_partner_that_still_has_roles_is_refused(store: Store, dossier_id: int) -> None:
    record = store.load(dossier_id)
    unit = item_unit("partner", "vzw")
    with pytest.raises(InvalidChange) as refused:
        store.save(dossier_id, Change(unit=unit, data=None, base_version=record.version(unit)), by="ann")
    assert "vzw" in refused.value.problems[0].message("nl")
    assert store.load(dossier_id).dossier.partner("vzw") is not None


def test_deleting_a_partner_with_its_roles_in_one_change_works(store: Store, dossier_id: int) -> None:
    record = store.load(dossier_id)
    partner, role = item_unit("partner", "vzw"), item_unit("role", "r2")
    store.apply(
        dossier_id,
        [Change(unit=u, data=None, base_version=record.version(u)) for u in (role, partner)],
        by="ann",
    )
    assert [p.id for p in store.load(dossier_id).dossier.partners] == ["stad"]


def test_saved_text_is_normalised_by_the_model(store: Store, dossier_id: int) -> None:
    unit = item_unit("partner", "x")
    store.save(
        dossier_id,
        Change(
            unit=unit,
            data={"id": "x", "name": "  Kring\x0bwinkel  ", "enterprise_number": "BE 0207451227"},
            base_version=0,
        ),
        by="ann",
    )
    partner = store.load(dossier_id).dossier.partner("x")
    assert partner is not None
    # Word's manual line break is a line break, which a one-line name shows as a space.
    assert (partner.name, partner.enterprise_number) == ("Kring winkel", "0207.451.227")


def test_history_lists_who_changed_what(store: Store, dossier_id: int) -> None:
    record = store.load(dossier_id)
    unit = item_unit("partner", "vzw")
    partner = record.dossier.partners[1].model_copy(update={"name": "Vzw Anders", "legal_form": "vzw"})
    store.save(dossier_id, Change.put(unit, partner, record.version(unit)), by="bob")
    newest = store.history(dossier_id)[0]
    assert (newest.unit, newest.action, newest.by, newest.changed) == (
        unit,
        "update",
        "bob",
        ["legal_form", "name"],
    )
    assert newest.label == "Vzw Anders"


def test_restore_unit_brings_back_an_earlier_version(store: Store, dossier_id: int) -> None:
    unit = item_unit("partner", "vzw")
    for name in ("Eerste naam", "Tweede naam"):
        record = store.load(dossier_id)
        partner = record.dossier.partners[1].model_copy(update={"name": name})
        store.save(dossier_id, Change.put(unit, partner, record.version(unit)), by="ann")
    first_rename = next(r for r in store.history(dossier_id) if r.label == "Eerste naam")
    store.restore_unit(dossier_id, first_rename.id, by="cee")
    assert store.load(dossier_id).dossier.partners[1].name == "Eerste naam"
    assert store.history(dossier_id)[0].action == "restore"


def test_restore_dossier_returns_to_an_earlier_revision(
    store: Store, dossier_id: int, small_dossier: Dossier
) -> None:
    record = store.load(dossier_id)
    store.save(
        dossier_id, Change.put(item_unit("partner", "p3"), Partner(id="p3", name="Derde"), 0), by="ann"
    )
    store.save(
        dossier_id,
        Change.put(item_unit("role", "r3"), RoleAssignment(id="r3", partner_id="p3", role="trainer"), 0),
        by="ann",
    )
    store.restore_dossier(dossier_id, record.revision, by="cee")
    assert store.load(dossier_id).dossier == small_dossier
    assert store.dossier_at(dossier_id, record.revision + 2).partner("p3") is not None


def test_unknown_dossier_is_a_named_error(store: Store) -> None:
    with pytest.raises(DossierNotFound):
        store.load(404)


def test_a_sqlite_file_uses_wal_and_stays_intact(tmp_path: Path, small_dossier: Dossier) -> None:
    path = tmp_path / "w.db"
    Store(path).import_dossier(small_dossier, by="ann")
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_deleting_a_dossier_removes_its_units_and_history(store: Store, dossier_id: int, db_path) -> None:
    store.delete_dossier(dossier_id)
    assert count(db_path, "units") == 0  # the foreign keys cascade, on both backends
    assert count(db_path, "revisions") == 0


def test_database_address_prefers_flag_then_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_DB", "/tmp/env.db")
    assert str(database_address("flag.db")) == "flag.db"
    assert str(database_address()) == "/tmp/env.db"
    monkeypatch.delenv("WORKBENCH_DB")
    assert str(database_address()) == "workbench.db"


def test_last_revision_names_who_deleted_a_unit(store: Store, dossier_id: int) -> None:
    record = store.load(dossier_id)
    unit = UnitRef(kind="role", key="r2")
    store.save(dossier_id, Change(unit=unit, data=None, base_version=record.version(unit)), by="bob")
    last = store.last_revision(dossier_id, unit)
    assert last is not None and (last.by, last.action) == ("bob", "delete")
    assert store.last_revision(dossier_id, UnitRef(kind="role", key="nope")) is None


def test_the_health_check_says_the_database_answers(store: Store, db_path: Any, tmp_path: Path) -> None:
    assert health(db_path) is None
    assert health(tmp_path / "nowhere" / "w.db") == "cannot_open"


def test_a_database_from_before_issue_13_loads_with_defaults_and_saves_the_new_parts(
    store: Store, small_dossier: Dossier
) -> None:
    import json

    from workbench.dossier.model import LendingPolicy

    dossier_id = store.import_dossier(small_dossier, by="ann")
    # As an older version wrote it: no lending unit, no budget "investeringen", no new partner fields.
    with store.backend.write() as db:
        db.execute(
            "DELETE FROM units WHERE kind IN ('lending', 'signatory', 'funding_stream', 'funding_line')"
        )
        where = "dossier_id = ? AND kind = ? AND key = ?"
        for row in db.query(
            "SELECT dossier_id, kind, key, data FROM units WHERE kind IN ('role', 'partner')"
        ):
            unit = json.loads(row["data"])
            if row["kind"] == "role":
                unit["budget"].pop("investeringen", None)
                for field in ("start", "end", "takes_over_from_partner_id"):
                    unit.pop(field, None)
            else:
                unit.pop("legal_personality", None)
                unit.pop("acts_via_partner_id", None)
            keys = [row["dossier_id"], row["kind"], row["key"]]
            db.execute(f"UPDATE units SET data = ? WHERE {where}", [json.dumps(unit), *keys])
    record = store.load(dossier_id)
    assert record.dossier.lending == LendingPolicy()
    assert all(p.legal_personality for p in record.dossier.partners)
    assert record.version(UnitRef(kind="lending")) == 0
    policy = LendingPolicy(loan_term_days=30)
    store.save(dossier_id, Change.put(UnitRef(kind="lending"), policy, base_version=0), by="ann")
    assert store.load(dossier_id).dossier.lending.loan_term_days == 30
