"""Private files: the database, its WAL and SHM files and every backup are readable by the owner only."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.security.helpers import PASSWORD
from workbench.access.accounts import Accounts
from workbench.cli.main import main
from workbench.store.backup import backup, restore_backup
from workbench.store.db import connect
from workbench.store.dossiers import Store


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """Run under the umask most machines have (022: new files 0644), whatever the test runner has."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def companions(db: Path) -> list[Path]:
    return [db.with_name(db.name + suffix) for suffix in ("-wal", "-shm")]


def test_a_new_database_and_its_wal_and_shm_are_owner_only(db_path: Path, dossier_id: int) -> None:
    # An open connection keeps the WAL and SHM files (the last one to close removes them).
    with connect(db_path) as reader:
        Accounts(db_path).add_user("ann@stad.be", "Ann", PASSWORD)  # a write: the WAL holds a hash now
        wal, shm = companions(db_path)
        assert wal.exists() and shm.exists() and wal.stat().st_size > 0
        assert [mode(p) for p in (db_path, wal, shm)] == [0o600, 0o600, 0o600]
        assert list(reader.query("SELECT email FROM users")) == [{"email": "ann@stad.be"}]


def test_an_existing_world_readable_database_becomes_owner_only_on_open(db_path: Path) -> None:
    Store(db_path)
    for path in [db_path, *companions(db_path)]:
        if path.exists():
            path.chmod(0o644)
    # Leave a WAL and SHM behind with the old mode, as a running app of an older version would.
    held = sqlite3.connect(db_path)
    held.execute("CREATE TABLE IF NOT EXISTS scratch (x)")
    held.execute("INSERT INTO scratch VALUES (1)")
    held.commit()
    for path in [db_path, *companions(db_path)]:
        path.chmod(0o644)
    try:
        Store(db_path)
        assert [mode(p) for p in [db_path, *companions(db_path)]] == [0o600, 0o600, 0o600]
    finally:
        held.close()


def test_a_backup_is_owner_only_and_leaves_no_temporary_file(
    db_path: Path, dossier_id: int, tmp_path: Path
) -> None:
    target = tmp_path / "copies" / "backup.db"
    target.parent.mkdir()
    backup(db_path, target)
    assert mode(target) == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["backup.db"]
    assert Store(target).load(dossier_id)  # a database in its own right, still private
    assert mode(target) == 0o600
    assert all(mode(p) == 0o600 for p in companions(target) if p.exists())


def test_the_backup_command_writes_an_owner_only_file(db_path: Path, dossier_id: int, tmp_path: Path) -> None:
    target = tmp_path / "cli-backup.db"
    result = CliRunner().invoke(main, ["--lang", "en", "backup", "-o", str(target), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert mode(target) == 0o600


def test_a_restore_into_a_new_file_is_owner_only(db_path: Path, dossier_id: int, tmp_path: Path) -> None:
    copy = tmp_path / "backup.db"
    backup(db_path, copy)
    restored = tmp_path / "restored.db"
    restore_backup(copy, restored)
    assert mode(restored) == 0o600
    assert all(mode(p) == 0o600 for p in companions(restored) if p.exists())
