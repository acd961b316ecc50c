"""Copy a whole workbench database to another one, SQLite to PostgreSQL and back, and prove the copy.

Every table of the schema is copied row by row with its own ids, parents before children (as
the foreign keys say), in one write transaction on the target: it holds everything or nothing.
The source is read in one snapshot, so an app may keep running on it. Then both are read again
and compared per table: the number of rows and a digest of their content must be equal. The
target must be empty: a copy never overwrites anything.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from graphlib import TopologicalSorter
from typing import Any

from workbench.refusal import Refusal
from workbench.store.backend import Address, Backend, Connection
from workbench.store.db import open_backend

BATCH = 500  # rows read and written at a time: documents can be large


class CopyRefused(Refusal):
    """A copy that would overwrite data, or whose result differs from its source."""


@dataclass(frozen=True)
class TableCheck:
    """One table after the copy: its rows and content digest on both sides."""

    table: str
    source_rows: int
    target_rows: int
    source_digest: str
    target_digest: str

    @property
    def matches(self) -> bool:
        return self.source_rows == self.target_rows and self.source_digest == self.target_digest


def copy_database(source: Address, target: Address) -> list[TableCheck]:
    """Copy every row from source to an empty target; return the check of every table (all match)."""
    origin, destination = open_backend(source), open_backend(target)
    origin.prepare()
    destination.prepare()
    tables = _in_order(origin)
    if set(tables) != set(destination.tables()):
        raise CopyRefused("copy.schema_differs")
    with destination.write() as out:
        if any(_count(out, t) for t in tables):
            raise CopyRefused("copy.not_empty", target=destination.describe())
        with _snapshot(origin) as into:
            for table in tables:
                _copy_table(into, out, table)
                destination.continue_ids(out, table)
    checks = [_check(origin, destination, t) for t in tables]
    if not all(c.matches for c in checks):
        differ = ", ".join(c.table for c in checks if not c.matches)
        raise CopyRefused("copy.differs", tables=differ)
    return checks


def content_digest(backend: Backend, table: str) -> tuple[int, str]:
    """Return a table's number of rows and a digest of its content that is the same on both engines."""
    with _snapshot(backend) as db:
        cursor = db.execute(f"SELECT * FROM {table}")
        columns = sorted(d[0] for d in cursor.description or ())
        order = [d[0] for d in cursor.description or ()]
        lines = []
        while batch := cursor.fetchmany(BATCH):
            for row in batch:
                values = dict(zip(order, row, strict=True))
                lines.append(repr([_plain(values[c]) for c in columns]))
    digest = hashlib.sha256()
    for line in sorted(lines):  # rows have no order of their own: compare them as a set
        digest.update(line.encode())
        digest.update(b"\n")
    return len(lines), digest.hexdigest()


# ---------------------------------------------------------------- steps


def _in_order(backend: Backend) -> list[str]:
    """Return the tables with every table after the tables it refers to."""
    references = backend.references()
    graph = {t: {r for r in references.get(t, set()) if r != t} for t in backend.tables()}
    return list(TopologicalSorter(graph).static_order())


@contextmanager
def _snapshot(backend: Backend) -> Iterator[Connection]:
    """Read in one consistent view (PostgreSQL's reads are; SQLite's are when in one transaction)."""
    with backend.read() as db:
        if db.dialect != "sqlite":
            yield db
            return
        db.execute("BEGIN")
        try:
            yield db
        finally:
            db.execute("COMMIT")


def _copy_table(source: Connection, target: Connection, table: str) -> None:
    cursor = source.execute(f"SELECT * FROM {table}")
    columns = [d[0] for d in cursor.description or ()]
    insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    while batch := cursor.fetchmany(BATCH):
        target.execute_many(insert, [tuple(_stored(v) for v in row) for row in batch])


def _count(db: Connection, table: str) -> int:
    return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _check(origin: Backend, destination: Backend, table: str) -> TableCheck:
    source_rows, source_digest = content_digest(origin, table)
    target_rows, target_digest = content_digest(destination, table)
    return TableCheck(table, source_rows, target_rows, source_digest, target_digest)


def _stored(value: Any) -> Any:
    return bytes(value) if isinstance(value, memoryview) else value


def _plain(value: Any) -> Any:
    """Return a value as both engines give it back: bytes by their digest, numbers as numbers."""
    if isinstance(value, bytes | memoryview):
        return "bytes:" + hashlib.sha256(bytes(value)).hexdigest()
    return value
