"""Online backup and restore of the whole database file (SQLite backup API; PostgreSQL: pg_dump)."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from workbench.refusal import Refusal
from workbench.store.db import Address, Backend, is_postgres, open_backend
from workbench.store.sqlite import SqliteBackend, companions, connect, create_private, prepare


class BackupRefused(Refusal):
    """A backup or restore that would overwrite a file or read a file that is no database."""

    def __init__(self, reason: str, path: Path) -> None:
        super().__init__(reason, path=path)  # reason: a catalogue key under "backup."
        self.args = (f"{reason}: {path}",)
        self.path = path


def backup(source: Address, target: str | os.PathLike[str]) -> None:
    """Copy the database to a new owner-only file while it stays in use."""
    target = Path(target)
    database = open_backend(source)
    if not isinstance(database, SqliteBackend):  # the server's own tools do it better
        raise BackupRefused("backup.postgresql", target)
    if target.exists():
        raise BackupRefused("backup.exists", target)
    # mkstemp creates the file 0600; the copy gets its name only when it is complete.
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(handle)
    partial = Path(name)
    try:
        with connect(database.path) as db:
            destination = sqlite3.connect(partial)
            try:
                db.conn.backup(destination)
            finally:
                destination.close()
        _publish(partial, target)
    finally:
        for leftover in [partial, *companions(partial), partial.with_name(partial.name + "-journal")]:
            leftover.unlink(missing_ok=True)


def _publish(partial: Path, target: Path) -> None:
    """Give the finished copy its name; never overwrite a file that appeared meanwhile."""
    try:
        os.link(partial, target)  # fails if target exists: no check-then-rename race
    except FileExistsError:
        raise BackupRefused("backup.exists", target) from None
    except OSError:  # a file system without hard links
        if target.exists():
            raise BackupRefused("backup.exists", target) from None
        os.replace(partial, target)


def restore_backup(source: str | os.PathLike[str], target: Address, force: bool = False) -> None:
    """Replace the database at target with a backup; refuses to overwrite unless forced."""
    backup_file = Path(source)
    if is_postgres(target):
        raise BackupRefused("backup.postgresql", backup_file)
    database = Path(target.address if isinstance(target, Backend) else os.fspath(target))
    check_backup(backup_file)
    if database.exists() and database.stat().st_size > 0 and not force:
        raise BackupRefused("restore.exists", database)
    origin = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
    create_private(database)
    destination = sqlite3.connect(database, timeout=30)
    try:
        origin.backup(destination)
    finally:
        origin.close()
        destination.close()
    prepare(database, again=True)  # written over in place: apply migrations a newer program may need


def check_backup(path: Path) -> None:
    """Refuse a file that is not an intact workbench database."""
    if not path.is_file():
        raise BackupRefused("backup.missing", path)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupRefused("backup.not_a_database", path) from exc
    if not ok or not {"dossiers", "units", "revisions"} <= tables:
        raise BackupRefused("backup.not_a_database", path)
