"""What the reliability benches share: a scratch database of either backend, and a consistency check.

with scratch("sqlite", folder) as address: ...                      # a new SQLite file
with scratch("postgresql://user:pw@host/db", folder) as address: ...  # a new schema there, dropped after
"""

from __future__ import annotations

import secrets
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.store.db import connect, is_postgres


def label(address: str) -> str:
    return "postgresql" if is_postgres(address) else "sqlite"


@contextmanager
def scratch(where: str, folder: Path) -> Iterator[str]:
    """Yield the address of a new, empty database: a file in `folder`, or a schema on a server."""
    if not is_postgres(where):
        yield str(folder / "bench.db")
        return
    import psycopg

    from workbench.store.postgresql import close_all

    schema = f"bench_{secrets.token_hex(5)}"
    with psycopg.connect(where, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    joiner = "&" if "?" in where else "?"
    try:
        yield f"{where}{joiner}options={quote(f'-c search_path={schema}')}"
    finally:
        close_all()
        with psycopg.connect(where, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def consistency(address: str) -> str:
    """Return "ok" when every unit is at the version of its latest recorded change and every head is current.

    On SQLite, `PRAGMA integrity_check` must say ok as well.
    """
    if not is_postgres(address):
        conn = sqlite3.connect(address)
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        conn.close()
        if integrity != "ok":
            return str(integrity)
    with connect(address) as db:
        versions = db.query(
            "SELECT u.kind, u.key, u.version, (SELECT r.version FROM revisions r"
            " WHERE r.dossier_id = u.dossier_id AND r.kind = u.kind AND r.key = u.key"
            " ORDER BY r.id DESC LIMIT 1) AS changes FROM units u"
        )
        heads = db.query(
            "SELECT d.id, d.revision,"
            " (SELECT max(revision) FROM revisions r WHERE r.dossier_id = d.id) AS last FROM dossiers d"
        )
    wrong = [
        f"{v['kind']}:{v['key']} v{v['version']}/{v['changes']}"
        for v in versions
        if v["version"] != v["changes"]
    ]
    wrong += [
        f"dossier {h['id']} at {h['revision']}, history at {h['last']}"
        for h in heads
        if h["revision"] != h["last"]
    ]
    return "ok" if not wrong else "; ".join(wrong[:5])
