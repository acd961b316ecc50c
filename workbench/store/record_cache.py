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
from typing import Any, TypeVar

from cachetools import LRUCache

from workbench.dossier.records import DossierRecord

T = TypeVar("T")
MAX_RECORDS = 24  # a 60-partner dossier holds about a megabyte of models: a few dozen are plenty

_records: LRUCache[Hashable, DossierRecord] = LRUCache(maxsize=MAX_RECORDS)
_lock = threading.Lock()
# What is computed from one record, kept beside the record itself (see `once`).
_derived: LRUCache[Hashable, tuple[DossierRecord, Any]] = LRUCache(maxsize=256)


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


def once(name: str, record: DossierRecord, compute: Callable[[], T], *args: Hashable) -> T:
    """Return what `compute` gives for this record (and arguments), computing it the first time only.

    The entry holds the record itself, so it can never be confused with a later record that
    happens to reuse the memory. Results are shared between sessions: read them, never change them.
    """
    key = (name, id(record), args)
    with _lock:
        found = _derived.get(key)
    if found is not None and found[0] is record:
        result: T = found[1]
        return result
    result = compute()
    with _lock:
        _derived[key] = (record, result)
    return result


def clear() -> None:
    """Forget every record and what was computed from them (tests and benches that want a cold start)."""
    with _lock:
        _records.clear()
        _derived.clear()
