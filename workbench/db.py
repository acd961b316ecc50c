"""SQLite connections and schema migrations shared by every store module."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database, Migrations

DEFAULT_DB = "workbench.db"
migrations = Migrations("workbench")


def database_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """Resolve the database path: --db, else $WORKBENCH_DB, else workbench.db here."""
    return Path(cli_value or os.environ.get("WORKBENCH_DB") or DEFAULT_DB)


def prepare(path: Path) -> None:
    """Switch the file to WAL once and bring its schema up to date."""
    import workbench.schema  # noqa: F401 - registers the migrations

    with connect(path) as db:
        db.execute("PRAGMA journal_mode=WAL")
        migrations.apply(db)


@contextmanager
def connect(path: Path) -> Iterator[Database]:
    """Open a connection for one use: Streamlit reruns run in other threads, so none is kept."""
    conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        yield Database(conn)
    finally:
        conn.close()


@contextmanager
def write(path: Path) -> Iterator[Database]:
    """Open a read-modify-write transaction that holds the write lock from the start."""
    with connect(path) as db:
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.conn.rollback()
            raise
        db.execute("COMMIT")
