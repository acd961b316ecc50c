"""The database of the workbench: an address (a SQLite file or a postgresql:// URL) and its backend.

Every module of the store opens its backend here and writes SQL once for both (store/backend.py
says what a backend offers). SQLite stays the embedded default; psycopg is imported only when a
PostgreSQL URL is given.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from contextlib import AbstractContextManager

from workbench.store.backend import Address, Backend, Connection, Row, StorageFailure, scope
from workbench.store.sqlite import PRIVATE, SqliteBackend, companions, create_private, make_private

DEFAULT_DB = "workbench.db"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def database_address(cli_value: str | os.PathLike[str] | None = None) -> str:
    """Resolve the database: --db, else $WORKBENCH_DB, else workbench.db here (a path or a URL)."""
    return os.fspath(cli_value or os.environ.get("WORKBENCH_DB") or DEFAULT_DB)


def is_postgres(address: Address) -> bool:
    """Tell whether an address names a PostgreSQL server (else it is a SQLite file)."""
    if isinstance(address, Backend):
        return address.dialect == "postgresql"
    return os.fspath(address).startswith(POSTGRES_SCHEMES)


def open_backend(address: Address) -> Backend:
    """Return the backend of an address; a backend is returned as it is."""
    if isinstance(address, Backend):
        return address
    if is_postgres(address):
        from workbench.store.postgresql import postgres_backend  # psycopg only for who uses it

        return postgres_backend(os.fspath(address))
    return SqliteBackend(address)


def connect(address: Address) -> AbstractContextManager[Connection]:
    """Open a connection for reading."""
    return open_backend(address).read()


def write(address: Address, *scopes: str, deferred: bool = False) -> AbstractContextManager[Connection]:
    """Open one write transaction locking its scopes (none: every other write waits)."""
    return open_backend(address).write(*scopes, deferred=deferred)


def prepare(address: Address, *, again: bool = False) -> None:
    """Bring the database's schema up to date (once per process)."""
    open_backend(address).prepare(again=again)


def health(address: Address) -> str | None:
    """Return None when the database answers with an up-to-date schema, else the fault's reason."""
    try:
        backend = open_backend(address)
        backend.prepare()
        with backend.read() as db:
            db.execute("SELECT count(*) FROM dossiers").fetchone()
    except StorageFailure as failure:
        return failure.reason
    return None


def driver_errors() -> tuple[type[Exception], ...]:
    """Return the errors of the database drivers in use: a bug of ours, shown in one line by the CLI."""
    found: list[type[Exception]] = [sqlite3.Error]
    if (psycopg := sys.modules.get("psycopg")) is not None:
        found.append(psycopg.Error)
    return tuple(found)


__all__ = [
    "DEFAULT_DB",
    "PRIVATE",
    "Address",
    "Backend",
    "Connection",
    "Row",
    "StorageFailure",
    "companions",
    "connect",
    "create_private",
    "database_address",
    "driver_errors",
    "health",
    "is_postgres",
    "make_private",
    "open_backend",
    "prepare",
    "scope",
    "write",
]
