"""SQLite connections and schema migrations shared by every store module."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from sqlite_utils import Database, Migrations

DEFAULT_DB = "workbench.db"
PRIVATE = 0o600  # password hashes and contact data: owner only, whatever the umask says
migrations = Migrations("workbench")


def database_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """Resolve the database path: --db, else $WORKBENCH_DB, else workbench.db here."""
    return Path(cli_value or os.environ.get("WORKBENCH_DB") or DEFAULT_DB)


def prepare(path: Path) -> None:
    """Switch the file to WAL once, bring its schema up to date, make its files owner-only."""
    import workbench.schema  # noqa: F401 - registers the migrations

    # The database first: SQLite gives new WAL and SHM files the mode of the database file.
    make_private(path)
    with connect(path) as db:
        db.execute("PRAGMA journal_mode=WAL")
        migrations.apply(db)
        # Files an older version (or another tool) left world-readable, while this connection holds them.
        for companion in companions(path):
            make_private(companion)


def companions(path: Path) -> list[Path]:
    """Return the WAL and shared-memory files SQLite keeps beside a database in WAL mode."""
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]


def create_private(path: Path) -> None:
    """Create an empty owner-only file, unless it exists, so that SQLite never creates it 0644."""
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE))


def make_private(path: Path) -> None:
    """Narrow an existing file to owner-only (a missing file is left alone)."""
    try:
        if os.stat(path).st_mode & 0o077:
            os.chmod(path, PRIVATE)
    except FileNotFoundError:
        pass


@contextmanager
def connect(path: Path) -> Iterator[Database]:
    """Open a connection for one use: Streamlit reruns run in other threads, so none is kept."""
    if not os.path.exists(path):
        create_private(Path(path))
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
