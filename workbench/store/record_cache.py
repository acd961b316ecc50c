"""Dossiers already read, by revision: a page reads one revision many times; validating it once is enough.

A dossier revision never changes once written, so a record read for (database, dossier, revision)
stays true until the next save, which raises the revision. The key also holds when the dossier
was created and last written, so a dossier deleted and another created under the same id (SQLite
may reuse an id) is never mistaken for the old one. The cache is bounded and shared by every
session of the process: records are read-only (DossierRecord is frozen; nobody edits a loaded
Dossier in place, they build changes).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable

from cachetools import LRUCache

from workbench.dossier.records import DossierRecord

MAX_RECORDS = 24  # a 60-partner dossier holds about a megabyte of models: a few dozen are plenty

_records: LRUCache[Hashable, DossierRecord] = LRUCache(maxsize=MAX_RECORDS)
_lock = threading.Lock()


def cached(key: Hashable, read: Callable[[], DossierRecord]) -> DossierRecord:
    """Return the record under this key, reading (and keeping) it when it is not there yet."""
    with _lock:
        found = _records.get(key)
    if found is not None:
        return found
    fresh = read()  # outside the lock: two sessions reading one new revision both validate, once each
    with _lock:
        _records[key] = fresh
    return fresh


def keep(key: Hashable, record: DossierRecord) -> None:
    """Keep a record made without reading it back (a save's own result, once committed)."""
    with _lock:
        _records[key] = record


def clear() -> None:
    """Forget every record (tests and benches that want a cold start)."""
    with _lock:
        _records.clear()
