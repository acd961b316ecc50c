"""The database schema as ordered migrations (sqlite-utils Migrations); never edit an applied one.

One list for both backends. SQLite applies it through sqlite-utils; PostgreSQL runs the same
functions (store/postgresql.py), whose `db.execute` turns SQLite's column types into its own:
`INTEGER PRIMARY KEY` an identity column, `INTEGER` BIGINT, `REAL` DOUBLE PRECISION, `BLOB`
BYTEA. So a new migration is one more function here, written with `db.execute` and those types
(TEXT for moments, as ISO 8601, and for JSON); tests/store/test_postgresql.py checks that both
backends then have the same tables, columns and indexes. A step only one engine understands
asks `dialect(db)`.

The migrations live in modules by number range (base: 1-5, sessions: 6-7, collab: 8 on); they are
chained (each imports the one before), so registration order, which sqlite-utils applies, is number
order; tests/store/test_migrations_order.py checks it. A new migration goes at the end of the last module.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

import workbench.store.migrations.collab  # noqa: F401  (imports sessions, which imports base: that order)
from workbench.store.migrations.registry import dialect, migrations

__all__ = ["dialect", "migrations", "ordered"]


def ordered() -> list[Any]:
    """Return every migration in order (each has `.name` and `.fn`), for the PostgreSQL runner."""
    return list(migrations.pending(Database(memory=True)))  # nothing is applied to a new database
