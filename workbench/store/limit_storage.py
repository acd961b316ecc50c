"""A storage for the `limits` library in the workbench database: every SQL statement of rate limiting.

`limits` (PyPI) brings the strategies and the rule notation ("5 per 15 minutes") but no SQLite
storage, so this module implements its storage interface over a table of the workbench
database. Every hit runs in one BEGIN IMMEDIATE transaction: count the entries in the window
and add one only if the limit allows, so parallel threads and processes never both pass the
last free place. The SQL is kept to a few plain statements so that a PostgreSQL storage can
follow (issue 16): the same statements inside `SELECT ... FOR UPDATE` or an advisory lock.

Registered under the scheme ``workbench+sqlite``: ``limits.storage.storage_from_string(
"workbench+sqlite:///abs/path/workbench.db")`` returns one.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from limits.storage import MovingWindowSupport, Storage

from workbench.store.db import connect, write

SCHEME = "workbench+sqlite"


def storage_uri(path: str | os.PathLike[str]) -> str:
    """Return the limits storage address of a workbench database file."""
    # A `file:` URI (e.g. `?mode=ro`) stays as it is; the whole name is quoted into the path.
    name = str(path) if str(path).startswith("file:") else str(Path(path).resolve())
    return f"{SCHEME}:///{quote(name, safe='')}"


class DatabaseStorage(Storage, MovingWindowSupport):
    """Rate limit entries (moving window) and counters (fixed window) in the workbench database.

    `clock` returns the current time in seconds since the epoch; tests and callers that pass
    an explicit moment give their own. Entries this instance acquired can be released again
    (a login that turns out to be right is no failure).
    """

    STORAGE_SCHEME = [SCHEME]  # noqa: RUF012 - the library's registry reads this class attribute

    def __init__(
        self,
        uri: str | None = None,
        wrap_exceptions: bool = False,
        clock: Callable[[], float] = time.time,
        **options: float | str | bool,
    ) -> None:
        if not uri:
            raise ValueError(f"a {SCHEME}:// address names the database file")
        self.path = Path(unquote(urlsplit(uri).path[1:]))
        self.clock = clock
        self._acquired: dict[str, list[int]] = {}
        self._lock = threading.Lock()
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)

    @property
    def base_exceptions(self) -> type[Exception] | tuple[type[Exception], ...]:
        return sqlite3.Error

    # ------------------------------------------------------------ moving window

    def acquire_entry(self, key: str, limit: int, expiry: int, amount: int = 1) -> bool:
        """Add `amount` entries if the window holds room for them; all in one write transaction."""
        if amount > limit:
            return False
        now = self.clock()
        with write(self.path) as db:
            db.execute("DELETE FROM rate_limit_entries WHERE expires_at <= ?", [now])
            held = db.execute(
                "SELECT count(*) FROM rate_limit_entries WHERE key = ? AND at > ?", [key, now - expiry]
            ).fetchone()[0]
            if held + amount > limit:
                return False
            ids = [
                int(
                    db.execute(
                        "INSERT INTO rate_limit_entries (key, at, expires_at) VALUES (?, ?, ?)",
                        [key, now, now + expiry],
                    ).lastrowid
                    or 0
                )
                for _ in range(amount)
            ]
        with self._lock:
            self._acquired.setdefault(key, []).extend(ids)
        return True

    def get_moving_window(self, key: str, limit: int, expiry: int) -> tuple[float, int]:
        """Return the oldest entry in the window and how many entries it holds."""
        now = self.clock()
        with connect(self.path) as db:
            oldest, count = db.execute(
                "SELECT min(at), count(*) FROM rate_limit_entries WHERE key = ? AND at > ?",
                [key, now - expiry],
            ).fetchone()
        return (float(oldest), int(count)) if count else (now, 0)

    def release_entries(self, keys: Iterable[str]) -> None:
        """Take back the entries this instance acquired for some keys (the attempt proved harmless)."""
        with self._lock:
            ids = [i for key in keys for i in self._acquired.pop(key, [])]
        if ids:
            with write(self.path) as db:
                db.execute(f"DELETE FROM rate_limit_entries WHERE id IN ({', '.join('?' for _ in ids)})", ids)

    # ------------------------------------------------------------ fixed window

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        """Add to a counter that starts a new window when the last one has expired."""
        now = self.clock()
        with write(self.path) as db:
            db.execute("DELETE FROM rate_limit_counters WHERE key = ? AND expires_at <= ?", [key, now])
            db.execute(
                "INSERT INTO rate_limit_counters (key, count, expires_at) VALUES (?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE SET count = count + excluded.count",
                [key, amount, now + expiry],
            )
            return int(db.execute("SELECT count FROM rate_limit_counters WHERE key = ?", [key]).fetchone()[0])

    def get(self, key: str) -> int:
        with connect(self.path) as db:
            row = db.execute(
                "SELECT count FROM rate_limit_counters WHERE key = ? AND expires_at > ?", [key, self.clock()]
            ).fetchone()
        return int(row[0]) if row else 0

    def get_expiry(self, key: str) -> float:
        now = self.clock()
        with connect(self.path) as db:
            row = db.execute(
                "SELECT expires_at FROM rate_limit_counters WHERE key = ? AND expires_at > ?", [key, now]
            ).fetchone()
        return float(row[0]) if row else now

    # ------------------------------------------------------------ housekeeping

    def check(self) -> bool:
        try:
            with connect(self.path) as db:
                db.execute("SELECT 1 FROM rate_limit_entries LIMIT 1").fetchall()
        except sqlite3.Error:
            return False
        return True

    def reset(self) -> int | None:
        with write(self.path) as db:
            entries = db.execute("DELETE FROM rate_limit_entries").rowcount
            counters = db.execute("DELETE FROM rate_limit_counters").rowcount
        return int(entries + counters)

    def clear(self, key: str) -> None:
        with write(self.path) as db:
            db.execute("DELETE FROM rate_limit_entries WHERE key = ?", [key])
            db.execute("DELETE FROM rate_limit_counters WHERE key = ?", [key])
        with self._lock:
            self._acquired.pop(key, None)
