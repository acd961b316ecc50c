"""The two database backends the suites run on: a SQLite file, or a fresh schema on a PostgreSQL server.

The server is $WORKBENCH_TEST_PG (./check starts one with tests/postgres_server.py when
PostgreSQL is installed). Without it the PostgreSQL half of a dual-backend test is skipped and
says why; with $WORKBENCH_REQUIRE_PG=1 (CI) it fails instead, so the half never passes unrun.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest

from workbench.store.db import connect, is_postgres, open_backend

SQLITE, POSTGRESQL = "sqlite", "postgresql"
NO_SERVER = "no PostgreSQL server for the tests: set WORKBENCH_TEST_PG (./check starts one)"


def server_url() -> str:
    """Return the test server's URL, or skip (fail in CI) when there is none."""
    url = os.environ.get("WORKBENCH_TEST_PG", "")
    if not url:
        if os.environ.get("WORKBENCH_REQUIRE_PG") == "1":
            pytest.fail(NO_SERVER + ", and WORKBENCH_REQUIRE_PG=1 requires one")
        pytest.skip(NO_SERVER)
    return url


def with_schema(url: str, schema: str) -> str:
    """Return the URL of one schema on the server (its search_path), for a test's own tables."""
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options={quote(f'-c search_path={schema}')}"


@contextmanager
def fresh_schema() -> Iterator[str]:
    """Make an empty schema on the test server; yield its URL; drop it and this process's pool after."""
    import psycopg

    from workbench.store.postgresql import close_all

    url = server_url()
    schema = f"test_{secrets.token_hex(6)}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    address = with_schema(url, schema)
    try:
        yield address
    finally:
        close_all()  # this test's pools, also those of the same schema opened read-only
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


class SessionSchema:
    """One migrated schema for the whole test run, emptied before each test that uses it.

    Making a schema and migrating it costs about a second per test; emptying every table (and
    restarting their ids) costs a few milliseconds and leaves the same state: an empty database.
    """

    def __init__(self) -> None:
        self.address = ""
        self._made: Any = None

    def emptied(self) -> str:
        if not self.address:
            self._made = fresh_schema()
            self.address = self._made.__enter__()
            open_backend(self.address).prepare()
        else:
            backend = open_backend(self.address)
            with backend.write() as db:
                db.execute(f"TRUNCATE {', '.join(backend.tables())} RESTART IDENTITY CASCADE")
        return self.address

    def close(self) -> None:
        if self._made is not None:
            self._made.__exit__(None, None, None)


@contextmanager
def database(kind: str, folder: Path, shared: SessionSchema | None = None) -> Iterator[Any]:
    """Yield the address of an empty database of one kind: a file's Path, or a server schema's URL."""
    if kind == SQLITE:
        yield folder / "workbench.db"
        return
    if shared is None:
        with fresh_schema() as url:
            yield url
        return
    from workbench.store.postgresql import close_all

    address = shared.emptied()
    try:
        yield address
    finally:
        close_all(keep=[address])  # pools of the same schema opened otherwise (read-only, ...)


def rows(address: Any, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    """Read rows through the store's own connection, on either backend."""
    with connect(address) as db:
        return db.query(sql, params or [])


def count(address: Any, table: str) -> int:
    return int(rows(address, f"SELECT count(*) AS n FROM {table}")[0]["n"])


def everything_stored(address: Any) -> bytes:
    """Return what the database keeps, as bytes: the files on disk, or every row of every table."""
    if not is_postgres(address):
        path = Path(address)
        files = [path, path.with_name(path.name + "-wal")]
        return b"".join(f.read_bytes() for f in files if f.exists())
    backend = open_backend(address)
    with backend.read() as db:
        texts = [
            str(r["t"])
            for table in backend.tables()
            for r in db.query(f"SELECT {table}::text AS t FROM {table}")
        ]
    return "\n".join(texts).encode()


def contents(address: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table: what 'nothing was saved' is checked against."""
    backend = open_backend(address)
    with backend.read() as db:
        return {
            t: sorted((tuple(r.values()) for r in db.query(f"SELECT * FROM {t}")), key=repr)
            for t in backend.tables()
        }


def with_option(url: str, setting: str) -> str:
    """Return a PostgreSQL URL whose connections also `SET` one setting (e.g. read-only)."""
    base, _, query = url.partition("?")
    params = dict(p.split("=", 1) for p in query.split("&") if p)
    options = unquote(params.get("options", ""))
    params["options"] = quote(f"{options} -c {setting}".strip())
    return base + "?" + "&".join(f"{k}={v}" for k, v in params.items())


def read_only(address: Any) -> str:
    """Return the address of the same database, opened read-only."""
    if is_postgres(address):
        return with_option(str(address), "default_transaction_read_only=on")
    return f"file:{address}?mode=ro"


class PostgresFault:
    """Refuse writes to some tables as a full disk would (SQLSTATE disk_full), until lifted."""

    def __init__(self, url: str) -> None:
        self.url = url

    def on(self, *tables: str, message: str) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(
                "CREATE OR REPLACE FUNCTION fault_refuse() RETURNS trigger LANGUAGE plpgsql AS $$"
                f" BEGIN RAISE EXCEPTION '{message}' USING ERRCODE = 'disk_full'; END $$"
            )
            for table in tables or open_backend(self.url).tables():
                conn.execute(
                    f"CREATE TRIGGER fault_{table} BEFORE INSERT OR UPDATE OR DELETE ON {table}"
                    " FOR EACH ROW EXECUTE FUNCTION fault_refuse()"
                )

    def off(self) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute("DROP FUNCTION IF EXISTS fault_refuse() CASCADE")  # and its triggers
