"""What both database backends offer the store: a connection, a read, a write transaction, faults.

The store's SQL is written once, with `?` placeholders and portable statements (`RETURNING`,
`ON CONFLICT`, window functions); a backend runs it on its engine. SQLite (store/sqlite.py) is
the embedded default; PostgreSQL (store/postgresql.py) serves several app processes at once.

A write names its *scopes*: what it reads to decide and then changes ("dossier:7",
"workshop:3", "limit:<key>"). SQLite ignores them: BEGIN IMMEDIATE takes the one write lock of
the file. PostgreSQL locks exactly those scopes for the transaction; a write that names none
locks out every other write, as SQLite does. Two writes that check and change the same thing
must name the same scope.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

Row = dict[str, Any]
Params = Sequence[Any]


class StorageFailure(Exception):
    """The database could not read or write: a full disk, a read-only file, an I/O error, ...

    Every write runs in one transaction, so nothing of the failed operation is kept. `reason`
    names the fault for the user's message (catalogue key "storage.<reason>").
    """

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


class Cursor(Protocol):
    """What a statement's result offers on both backends (DB-API cursors)."""

    @property
    def rowcount(self) -> int: ...

    @property
    def description(self) -> Any: ...

    def fetchone(self) -> Any: ...

    def fetchmany(self, size: int) -> list[Any]: ...

    def fetchall(self) -> list[Any]: ...


class Connection(Protocol):
    """One connection, inside a read or a write: the store's SQL with `?` placeholders."""

    dialect: str  # "sqlite" | "postgresql"

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        """Return every row of a query as a dict by column name."""
        ...

    def execute(self, sql: str, params: Params = ()) -> Cursor:
        """Run one statement; rows come back as tuples."""
        ...

    def insert(self, sql: str, params: Params = ()) -> int:
        """Run one INSERT and return the id of the new row."""
        ...

    def execute_many(self, sql: str, rows: Sequence[Params]) -> None:
        """Run one statement for each row of parameters (a bulk copy)."""
        ...

    def lock(self, *scopes: str) -> None:
        """Lock more scopes for the rest of this write (found only after a first read)."""
        ...


class Backend(ABC):
    """A database the workbench keeps its data in: where it is, and how to read and write it."""

    dialect: str
    address: str  # as given: the file's path, or the server's URL (with its password: never shown)

    @abstractmethod
    def prepare(self, *, again: bool = False) -> None:
        """Bring the schema up to date (once per process unless `again`)."""

    @abstractmethod
    def read(self) -> AbstractContextManager[Connection]:
        """Open a connection for reading: one consistent view where the engine offers it."""

    @abstractmethod
    def write(self, *scopes: str, deferred: bool = False) -> AbstractContextManager[Connection]:
        """Open one write transaction that holds the locks of its scopes from the start.

        `deferred`: the write finds its scope in a first read of something that never changes
        (a participant's workshop) and locks it with `db.lock()` before reading what it decides on.
        """

    @abstractmethod
    def describe(self) -> str:
        """Name the database for messages (a file, or a server without its password)."""

    @abstractmethod
    def tables(self) -> list[str]:
        """Return the names of the workbench's tables (not the migrations' own)."""

    @abstractmethod
    def references(self) -> dict[str, set[str]]:
        """Return, per table, the tables its foreign keys point to."""

    @abstractmethod
    def continue_ids(self, db: Connection, table: str) -> None:
        """Let new rows of a table get ids after rows copied in with their own ids."""


Address = str | os.PathLike[str] | Backend


def scope(kind: str, key: object) -> str:
    """Return the name of what one write locks, e.g. scope("dossier", 7) -> "dossier:7"."""
    return f"{kind}:{key}"


def rows_of(cursor: Any) -> Iterator[Row]:
    """Turn a DB-API cursor's rows into dicts by column name."""
    columns = [d[0] for d in cursor.description or ()]
    for row in cursor:
        yield dict(zip(columns, row, strict=True))
