"""The embedded backend: one SQLite file (WAL, owner-only files, BEGIN IMMEDIATE for every write)."""

from __future__ import annotations

import logging
import os
import sqlite3
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from workbench.store import sqlite_pool
from workbench.store.backend import Backend, Params, Row, StorageFailure, rows_of
from workbench.store.migrations import migrations

PRIVATE = 0o600  # password hashes and contact data: owner only, whatever the umask says
log = logging.getLogger(__name__)

# SQLite's result codes (and, for errors raised by a trigger, its standard message) per reason.
_REASONS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("full", ("SQLITE_FULL",), ("database or disk is full",)),
    ("read_only", ("SQLITE_READONLY", "SQLITE_PERM"), ("readonly database",)),
    ("io", ("SQLITE_IOERR",), ("disk i/o error",)),
    ("busy", ("SQLITE_BUSY", "SQLITE_LOCKED"), ("database is locked",)),
    ("corrupt", ("SQLITE_CORRUPT", "SQLITE_NOTADB"), ("malformed", "file is not a database")),
    ("cannot_open", ("SQLITE_CANTOPEN",), ("unable to open database file",)),
)


def _is_fault(exc: sqlite3.Error) -> bool:
    """Tell a fault of the database from a bug of ours (bad SQL, a violated constraint)."""
    if isinstance(exc, sqlite3.ProgrammingError | sqlite3.InterfaceError):
        return False
    if isinstance(exc, sqlite3.IntegrityError):
        # A trigger refusing a write is the database refusing it; other violations are bugs.
        return getattr(exc, "sqlite_errorname", "") == "SQLITE_CONSTRAINT_TRIGGER"
    return True


def storage_failure(exc: sqlite3.Error) -> StorageFailure:
    """Name the fault behind an SQLite error."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    reason = next(
        (r for r, codes, phrases in _REASONS if name.startswith(codes) or any(p in text for p in phrases)),
        "other",
    )
    return StorageFailure(reason, f"{name or type(exc).__name__}: {exc}")


class SqliteConnection:
    """A connection to the file, running the store's SQL as it is written."""

    dialect = "sqlite"

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        # Weakly: a cursor its caller dropped is reset already, and holding it would keep it running.
        self._cursors: list[weakref.ref[sqlite3.Cursor]] = []

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        return list(rows_of(self.conn.execute(sql, params)))

    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        cursor = self.conn.execute(sql, params)
        self._cursors.append(weakref.ref(cursor))
        return cursor

    def finish(self) -> None:
        """Close the cursors this use left: a half-read SELECT would hold its old snapshot open."""
        for ref in self._cursors:
            if (cursor := ref()) is not None:
                cursor.close()
        self._cursors.clear()

    def insert(self, sql: str, params: Params = ()) -> int:
        # Every row fetched: a RETURNING statement is finished only when its rows are read.
        return int(self.conn.execute(f"{sql} RETURNING id", params).fetchall()[0][0])

    def execute_many(self, sql: str, rows: Sequence[Params]) -> None:
        self.conn.executemany(sql, rows)

    def lock(self, *scopes: str) -> None:
        """Lock nothing more: BEGIN IMMEDIATE already holds the file's one write lock."""


class SqliteBackend(Backend):
    """A workbench database in one SQLite file (a `file:` URI opens with SQLite's URI options)."""

    dialect = "sqlite"

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.address = str(path)

    def __repr__(self) -> str:
        return f"SqliteBackend({str(self.path)!r})"

    def describe(self) -> str:
        return str(self.path)

    def prepare(self, *, again: bool = False) -> None:
        prepare(self.path, again=again)

    def read(self) -> Any:
        return connect(self.path)

    def write(self, *scopes: str, deferred: bool = False) -> Any:
        return write(self.path)

    def tables(self) -> list[str]:
        with connect(self.path) as db:
            rows = db.query(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name"
            )
        return [r["name"] for r in rows]

    def continue_ids(self, db: Any, table: str) -> None:
        """Do nothing: an INTEGER PRIMARY KEY takes the largest id plus one by itself."""

    def references(self) -> dict[str, set[str]]:
        with connect(self.path) as db:
            return {
                t: {r["table"] for r in db.query(f"SELECT * FROM pragma_foreign_key_list('{t}')")}
                for t in self.tables()
            }


def prepare(path: Path, *, again: bool = False) -> None:
    """Switch the file to WAL once, bring its schema up to date, make its files owner-only.

    The schema is checked once per process and file: every page and every projector refresh
    opens the store, and a file this process brought up to date stays so. Another file at the
    same path (a restored backup is renamed into place, a deleted database is made anew) is
    checked again, and so is a file written over in place when the caller says so (`again`).
    The file modes are checked every time (three stats).
    """
    seen = _identity(path)
    if seen is not None and seen in _prepared and not again:
        for file in (path, *companions(path)):
            make_private(file)
        return
    # The database first: SQLite gives new WAL and SHM files the mode of the database file.
    make_private(path)
    # A connection of its own: sqlite-utils sets PRAGMAs on it that no other use should inherit.
    with connect(path, keep=False) as db:
        db.execute("PRAGMA journal_mode=WAL")
        migrations.apply(Database(db.conn))
        # Files an older version (or another tool) left world-readable, while this connection holds them.
        for companion in companions(path):
            make_private(companion)
    if (done := _identity(path)) is not None:
        _prepared.add(done)


# The database files this process has prepared, by what identifies a file (not only its name).
_prepared: set[tuple[str, int, int]] = set()


def _identity(path: Path) -> tuple[str, int, int] | None:
    """Return (real path, device, inode) of an existing, non-empty database file; None otherwise."""
    if str(path).startswith("file:"):
        return None  # a URI with options (read-only, ...): checked every time, as before
    try:
        found = os.stat(path)
    except OSError:
        return None
    if not found.st_size:
        return None  # an empty file is a database still to be made
    return os.path.realpath(path), found.st_dev, found.st_ino


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
def connect(path: Path, *, keep: bool = True) -> Iterator[SqliteConnection]:
    """Lend a connection for one use: this thread's kept one for the file (store/sqlite_pool.py).

    A path written as a `file:` URI opens with SQLite's URI options, e.g. `file:x.db?mode=ro`
    for a read-only database, and is never kept; nor is a connection asked for with keep=False.
    SQLite's faults come out as StorageFailure.
    """
    uri = str(path).startswith("file:")
    if not uri and not os.path.exists(path):
        try:
            create_private(Path(path))
        except OSError as exc:  # a missing folder, a read-only disk: SQLite would fail the same way
            raise StorageFailure("cannot_open", f"{type(exc).__name__}: {exc}") from exc
    lent = (
        sqlite_pool.borrowed(str(path), lambda: _open(path, uri=False))
        if keep and not uri
        else _once(path, uri=uri)
    )
    try:
        with lent as conn:
            # Again on every use: a PRAGMA left off by one use must not carry over to the next.
            conn.execute("PRAGMA foreign_keys=ON")
            db = SqliteConnection(conn)
            try:
                yield db
            finally:
                db.finish()
    except sqlite3.Error as exc:
        if not _is_fault(exc):
            raise
        raise _failed(exc) from exc


def _open(path: Path | str, *, uri: bool) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, timeout=30, isolation_level=None, uri=uri)
    except sqlite3.Error as exc:
        raise _failed(exc) from exc
    try:
        conn.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.Error:
        conn.close()
        raise
    return conn


@contextmanager
def _once(path: Path | str, *, uri: bool) -> Iterator[sqlite3.Connection]:
    """Open a connection for this use alone."""
    conn = _open(path, uri=uri)
    try:
        yield conn
    finally:
        conn.close()


def _failed(exc: sqlite3.Error) -> StorageFailure:
    failure = storage_failure(exc)
    log.debug("database fault: %s", failure.detail)  # pages and the CLI show the translated reason
    return failure


@contextmanager
def write(path: Path) -> Iterator[SqliteConnection]:
    """Open a read-modify-write transaction that holds the write lock from the start."""
    with connect(path) as db:
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
            db.execute("COMMIT")  # a full disk may refuse the commit itself: roll back then too
        except BaseException:
            _roll_back(db.conn)
            raise


def _roll_back(conn: sqlite3.Connection) -> None:
    try:
        conn.rollback()
    except sqlite3.Error:  # a broken disk may refuse this too; closing the connection still rolls back
        log.warning("rollback failed; the connection is closed without committing")
