"""A storage for the `limits` library in the workbench database: every SQL statement of rate limiting.

`limits` (PyPI) brings the strategies and the rule notation ("5 per 15 minutes") but no storage
over our database, so this module implements its storage interface over two tables of the
workbench database, on either backend. Every hit runs in one write transaction locking the
limit's key (BEGIN IMMEDIATE on SQLite, an advisory lock on PostgreSQL): count the entries in
the window and add one only if the limit allows, so parallel threads and processes never both
pass the last free place.

Registered under the schemes ``workbench+sqlite`` and ``workbench+postgresql``:
``limits.storage.storage_from_string("workbench+sqlite:///abs/path/workbench.db")`` or
``storage_from_string("workbench+postgresql://user@host/db")`` returns one.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from limits.storage import MovingWindowSupport, Storage

from workbench.store.backend import Address, Backend, StorageFailure, scope
from workbench.store.db import driver_errors, is_postgres, open_backend

SCHEME = "workbench+sqlite"
PG_SCHEME = "workbench+postgresql"


def storage_uri(address: Address) -> str:
    """Return the limits storage address of a workbench database (a file or a PostgreSQL URL)."""
    name = address.address if isinstance(address, Backend) else str(address)
    if is_postgres(name):
        return "workbench+" + name
    # A `file:` URI (e.g. `?mode=ro`) stays as it is; the whole name is quoted into the path.
    name = name if name.startswith("file:") else str(Path(name).resolve())
    return f"{SCHEME}:///{quote(name, safe='')}"


def _address(uri: str) -> str:
    if uri.startswith(PG_SCHEME):
        return uri[len("workbench+") :]
    return unquote(urlsplit(uri).path[1:])


class DatabaseStorage(Storage, MovingWindowSupport):
    """Rate limit entries (moving window) and counters (fixed window) in the workbench database.

    `clock` returns the current time in seconds since the epoch; tests and callers that pass
    an explicit moment give their own. Entries this instance acquired can be released again
    (a login that turns out to be right is no failure).
    """

    STORAGE_SCHEME = [SCHEME, PG_SCHEME]  # noqa: RUF012 - the library's registry reads this class attribute

    def __init__(
        self,
        uri: str | None = None,
        wrap_exceptions: bool = False,
        clock: Callable[[], float] = time.time,
        **options: float | str | bool,
    ) -> None:
        if not uri:
            raise ValueError(f"a {SCHEME}:// or {PG_SCHEME}:// address names the database")
        self.backend = open_backend(_address(uri))
        self.clock = clock
        self._acquired: dict[str, list[int]] = {}
        self._lock = threading.Lock()
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)

    @property
    def base_exceptions(self) -> type[Exception] | tuple[type[Exception], ...]:
        return (StorageFailure, *driver_errors())

    # ------------------------------------------------------------ moving window

    def acquire_entry(self, key: str, limit: int, expiry: int, amount: int = 1) -> bool:
        """Add `amount` entries if the window holds room for them; all in one write transaction."""
        if amount > limit:
            return False
        now = self.clock()
        with self.backend.write(scope("limit", key)) as db:
            db.execute("DELETE FROM rate_limit_entries WHERE expires_at <= ?", [now])
            held = db.execute(
                "SELECT count(*) FROM rate_limit_entries WHERE key = ? AND at > ?", [key, now - expiry]
            ).fetchone()[0]
            if held + amount > limit:
                return False
            ids = [
                db.insert(
                    "INSERT INTO rate_limit_entries (key, at, expires_at) VALUES (?, ?, ?)",
                    [key, now, now + expiry],
                )
                for _ in range(amount)
            ]
        with self._lock:
            self._acquired.setdefault(key, []).extend(ids)
        return True

    def get_moving_window(self, key: str, limit: int, expiry: int) -> tuple[float, int]:
        """Return the oldest entry in the window and how many entries it holds."""
        now = self.clock()
        with self.backend.read() as db:
            oldest, count = db.execute(
                "SELECT min(at), count(*) FROM rate_limit_entries WHERE key = ? AND at > ?",
                [key, now - expiry],
            ).fetchone()
        return (float(oldest), int(count)) if count else (now, 0)

    def release_entries(self, keys: Iterable[str]) -> None:
        """Take back the entries this instance acquired for some keys (the attempt proved harmless)."""
        keys = list(keys)
        with self._lock:
            ids = [i for key in keys for i in self._acquired.pop(key, [])]
        if ids:
            with self.backend.write(*(scope("limit", k) for k in keys)) as db:
                db.execute(f"DELETE FROM rate_limit_entries WHERE id IN ({', '.join('?' for _ in ids)})", ids)

    # ------------------------------------------------------------ fixed window

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        """Add to a counter that starts a new window when the last one has expired."""
        now = self.clock()
        with self.backend.write(scope("limit", key)) as db:
            db.execute("DELETE FROM rate_limit_counters WHERE key = ? AND expires_at <= ?", [key, now])
            db.execute(
                "INSERT INTO rate_limit_counters (key, count, expires_at) VALUES (?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE SET count = rate_limit_counters.count + excluded.count",
                [key, amount, now + expiry],
            )
            return int(db.execute("SELECT count FROM rate_limit_counters WHERE key = ?", [key]).fetchone()[0])

    def get(self, key: str) -> int:
        with self.backend.read() as db:
            row = db.execute(
                "SELECT count FROM rate_limit_counters WHERE key = ? AND expires_at > ?", [key, self.clock()]
            ).fetchone()
        return int(row[0]) if row else 0

    def get_expiry(self, key: str) -> float:
        now = self.clock()
        with self.backend.read() as db:
            row = db.execute(
                "SELECT expires_at FROM rate_limit_counters WHERE key = ? AND expires_at > ?", [key, now]
            ).fetchone()
        return float(row[0]) if row else now

    # ------------------------------------------------------------ housekeeping

    def check(self) -> bool:
        try:
            with self.backend.read() as db:
                db.execute("SELECT 1 FROM rate_limit_entries LIMIT 1").fetchall()
        except self.base_exceptions:
            return False
        return True

    def reset(self) -> int | None:
        with self.backend.write() as db:
            entries = db.execute("DELETE FROM rate_limit_entries").rowcount
            counters = db.execute("DELETE FROM rate_limit_counters").rowcount
        return int(entries + counters)

    def clear(self, key: str) -> None:
        with self.backend.write(scope("limit", key)) as db:
            db.execute("DELETE FROM rate_limit_entries WHERE key = ?", [key])
            db.execute("DELETE FROM rate_limit_counters WHERE key = ?", [key])
        with self._lock:
            self._acquired.pop(key, None)
