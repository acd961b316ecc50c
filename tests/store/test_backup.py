"""Backup and restore of a SQLite file: online backup, a file of its own, no overwrite without --force.

On PostgreSQL the server's own tools back up (pg_dump, README "Deployment"): the command says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli.main import main
from workbench.dossier.units import Change, item_unit
from workbench.store.backup import backup
from workbench.store.dossiers import Store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A SQLite file: the SQLite backup API is what these tests check."""
    return tmp_path / "workbench.db"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--lang", "en", *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_backup_opens_as_a_database_in_its_own_right(
    store: Store, dossier_id: int, db_path: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "backup.db"
    assert run("backup", "-o", str(backup), "--db", str(db_path))[0] == 0
    code, out = run("list", "--db", str(backup))
    assert code == 0 and out == f"{dossier_id}\tDigibank Test\n"


def test_backup_while_a_connection_holds_uncheckpointed_writes(
    store: Store, dossier_id: int, tmp_path: Path
) -> None:
    record = store.load(dossier_id)
    partner = record.dossier.partners[0].model_copy(update={"name": "Na de back-up"})
    store.save(
        dossier_id,
        Change.put(item_unit("partner", "stad"), partner, record.version(item_unit("partner", "stad"))),
        by="a",
    )
    backup(store.backend, tmp_path / "copy.db")
    assert Store(tmp_path / "copy.db").load(dossier_id).dossier.partners[0].name == "Na de back-up"


def test_round_trip_restores_the_state_of_the_backup(
    store: Store, dossier_id: int, db_path: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "backup.db"
    run("backup", "-o", str(backup), "--db", str(db_path))
    before = store.load(dossier_id).dossier
    store.delete_dossier(dossier_id)
    assert store.list_dossiers() == []

    code, out = run("restore", str(backup), "--db", str(db_path))
    assert code == 1 and "--force" in out
    assert run("restore", str(backup), "--db", str(db_path), "--force")[0] == 0
    assert Store(db_path).load(dossier_id).dossier == before
    assert len(Store(db_path).history(dossier_id)) == len(Store(backup).history(dossier_id))


def test_restore_into_a_new_path_needs_no_force(
    store: Store, dossier_id: int, db_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "backup.db"
    backup(store.backend, target)
    assert run("restore", str(target), "--db", str(tmp_path / "fresh.db"))[0] == 0
    assert [s.id for s in Store(tmp_path / "fresh.db").list_dossiers()] == [dossier_id]


def test_backup_never_overwrites(store: Store, db_path: Path, tmp_path: Path) -> None:
    existing = tmp_path / "existing.db"
    existing.write_text("keep me")
    code, out = run("backup", "-o", str(existing), "--db", str(db_path))
    assert code == 1 and "exists already" in out
    assert existing.read_text() == "keep me"


def test_restore_refuses_a_file_that_is_not_a_workbench_database(db_path: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"no database here" * 200)
    code, out = run("restore", str(junk), "--db", str(db_path), "--force")
    assert code == 1 and "not an intact workbench database" in out
    code, out = run("restore", str(tmp_path / "missing.db"), "--db", str(db_path))
    assert code == 1 and "File not found" in out


def test_backup_and_restore_of_a_postgresql_database_point_to_pg_dump(
    pg_database: str, tmp_path: Path
) -> None:
    Store(pg_database)
    code, out = run("backup", "-o", str(tmp_path / "b.db"), "--db", pg_database)
    assert code == 1 and "pg_dump" in out
    assert not (tmp_path / "b.db").exists()
    code, out = run("restore", str(tmp_path / "b.db"), "--db", pg_database, "--force")
    assert code == 1 and "pg_restore" in out
