"""Kept SQLite connections: one per thread and database file, opened again when the file is another.

A page run reads the database twenty-odd times; opening a connection for each read cost a
file open, two PRAGMAs, parsing the schema again and, on closing the last connection of a WAL
file, a checkpoint. A connection is kept per thread (sqlite3 objects belong to the thread that
made them, and Streamlit runs every session's script in its own thread), so two threads never
share one. A thread keeps at most MAX_FILES files open; its connections close when the thread
ends (the thread-local shelf goes with it) or when they fall out of its LRU.

A kept connection is used again only while it is sound for the file at that path:
- the file is the same one (device and inode: a restored or re-created database is another
  file) with the same mode (a file made read-only opens read-only again),
- in the same process (a forked child never touches its parent's connections),
- and it came back clean: no open transaction, no fault of the database. Anything else closes it.
A use nested in another use of the same file (on the same thread) gets a connection of its own.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

MAX_FILES = 4  # per thread: a page reads one database; the CLI and tests touch a few in turn

FileId = tuple[int, int, int]  # device, inode, mode


@dataclass(slots=True)
class _Kept:
    conn: sqlite3.Connection
    file: FileId
    pid: int
    busy: bool = False


class _Shelf(threading.local):
    """One thread's kept connections by database path, least recently used first."""

    def __init__(self) -> None:
        self.kept: OrderedDict[str, _Kept] = OrderedDict()


_shelf = _Shelf()
# A forked child's copies of its parent's connections: never used, and never closed (closing
# could checkpoint the parent's file from the child). Kept here so that no finaliser closes them.
_inherited: list[_Kept] = []


def file_id(path: str) -> FileId | None:
    """Return what tells one database file from another at the same path (None: no file)."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino, found.st_mode


@contextmanager
def borrowed(path: str, opener: Callable[[], sqlite3.Connection]) -> Iterator[sqlite3.Connection]:
    """Lend this thread's connection to the file at path (opened by opener when there is none fit)."""
    key = os.path.abspath(path)
    kept = _shelf.kept.get(key)
    if kept is not None and kept.busy:
        # Nested in a use of the same file: a connection of its own, as before.
        conn = opener()
        try:
            yield conn
        finally:
            conn.close()
        return
    now = file_id(key)
    if kept is not None and (kept.pid != os.getpid() or kept.file != now):
        _drop(key, kept)
        kept = None
    if kept is None:
        conn = opener()
        # The file as it was right before opening: a file swapped in between shows next time.
        kept = _Kept(conn, now or (0, 0, 0), os.getpid())
        _shelf.kept[key] = kept
    _shelf.kept.move_to_end(key)
    if len(_shelf.kept) > MAX_FILES:
        _evict(key)
    kept.busy = True
    clean = False
    try:
        yield kept.conn
        clean = not kept.conn.in_transaction
    finally:
        kept.busy = False
        if not clean:  # a fault, an exception or a transaction left open: never lend it again
            _drop(key, kept)


def _drop(key: str, kept: _Kept) -> None:
    if _shelf.kept.get(key) is kept:
        del _shelf.kept[key]
    if kept.pid != os.getpid():
        _inherited.append(kept)
        return
    with suppress(sqlite3.Error):
        kept.conn.close()  # closing rolls back whatever was left open


def _evict(current: str) -> None:
    """Close the least recently used connections beyond MAX_FILES (never one in use, nor this one)."""
    spare = [k for k, kept in _shelf.kept.items() if k != current and not kept.busy]
    for key in spare[: max(0, len(_shelf.kept) - MAX_FILES)]:
        _drop(key, _shelf.kept[key])


def close_all() -> None:
    """Close this thread's kept connections (tests that want to see a file closed)."""
    for key, kept in list(_shelf.kept.items()):
        if not kept.busy:
            _drop(key, kept)


def kept_count() -> int:
    """Return how many connections this thread keeps open."""
    return len(_shelf.kept)
