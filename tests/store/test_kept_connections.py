"""Kept SQLite connections: one per thread and file, never stale, never shared, never a wrong file."""

from __future__ import annotations

import gc
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import ExitStack, suppress
from pathlib import Path

import pytest

from workbench.dossier.model import Dossier, Identity
from workbench.store import sqlite_pool
from workbench.store.dossiers import StorageFailure, Store
from workbench.store.sqlite import companions, connect, write


@pytest.fixture(autouse=True)
def nothing_kept() -> Iterator[None]:
    sqlite_pool.close_all()
    yield
    sqlite_pool.close_all()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    made = tmp_path / "kept.db"
    Store(made)
    return made


def _names(path: Path) -> list[str]:
    with connect(path) as db:
        return [r["name"] for r in db.query("SELECT name FROM dossiers ORDER BY id")]


def _add(path: Path, name: str) -> None:
    Store(path).import_dossier(Dossier(identity=Identity(name=name, call="voortraject")), by="ann")


def test_one_thread_reads_and_writes_through_one_kept_connection(path: Path) -> None:
    with connect(path) as first:
        kept = first.conn
    with write(path) as db:
        assert db.conn is kept
        db.execute(
            "INSERT INTO dossiers (name, call, status, revision, created_at, created_by, updated_at,"
            " updated_by) VALUES ('Een', 'voortraject', 'draft', 1, 'x', 'a', 'x', 'a')"
        )
    with connect(path) as again:
        assert again.conn is kept
        assert again.query("PRAGMA foreign_keys") == [{"foreign_keys": 1}]
    assert _names(path) == ["Een"]


def test_a_use_inside_another_gets_its_own_connection(path: Path) -> None:
    with connect(path) as outer:
        with connect(path) as inner:
            assert inner.conn is not outer.conn
        kept = outer.conn
    with connect(path) as next_use:
        assert next_use.conn is kept


def test_two_threads_never_share_a_connection(path: Path) -> None:
    seen: dict[str, int] = {}
    both_inside = threading.Barrier(2, timeout=60)

    def read(name: str) -> None:
        with connect(path) as db:
            seen[name] = id(db.conn)
            both_inside.wait()  # both hold their connection at the same moment
            db.query("SELECT count(*) FROM dossiers")

    threads = [threading.Thread(target=read, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(set(seen.values())) == 2


def test_a_half_read_query_leaves_no_old_snapshot_behind(path: Path) -> None:
    for i in range(3):
        _add(path, f"D{i}")
    with connect(path) as db:
        cursor = db.execute("SELECT name FROM dossiers ORDER BY id")
        cursor.fetchone()  # the rest never read, the cursor still referenced
    other = sqlite3.connect(path, isolation_level=None)
    other.execute(
        "INSERT INTO dossiers (name, call, status, revision, created_at, created_by, updated_at, updated_by)"
        " VALUES ('Later', 'voortraject', 'draft', 1, 'x', 'a', 'x', 'a')"
    )
    other.close()
    assert _names(path) == ["D0", "D1", "D2", "Later"]
    assert cursor is not None


def test_a_transaction_left_open_or_a_fault_drops_the_connection(path: Path) -> None:
    with connect(path) as db:
        db.execute("BEGIN IMMEDIATE")
        left_open = db.conn
    with connect(path) as db:
        assert db.conn is not left_open
        assert not db.conn.in_transaction
        faulted = db.conn
    with pytest.raises(StorageFailure), connect(path) as db:
        db.execute("SELECT * FROM no_such_table")
    with write(path) as db:  # the write lock is free: nothing holds it any more
        assert db.conn is not faulted


def test_a_database_replaced_at_the_same_path_is_read_as_the_new_file(path: Path, tmp_path: Path) -> None:
    _add(path, "Oud")
    assert _names(path) == ["Oud"]
    other = tmp_path / "other.db"
    _add(other, "Nieuw")
    sqlite_pool.close_all()  # the other file complete, without its WAL (as a restored copy is)
    with connect(path) as db:
        old = db.conn
    for companion in companions(path):
        companion.unlink(missing_ok=True)
    os.replace(other, path)
    assert _names(path) == ["Nieuw"]
    _add(path, "Erna")
    with connect(path) as db:
        assert db.conn is not old
    sqlite_pool.close_all()
    check = sqlite3.connect(path)
    assert [r[0] for r in check.execute("SELECT name FROM dossiers ORDER BY id")] == ["Nieuw", "Erna"]
    check.close()


def test_a_deleted_and_new_database_is_opened_anew(path: Path) -> None:
    _add(path, "Weg")
    os.remove(path)
    for companion in companions(path):
        companion.unlink(missing_ok=True)
    assert Store(path).list_dossiers() == []


def test_a_file_whose_mode_changed_is_opened_again(path: Path) -> None:
    with connect(path) as db:
        before = db.conn
    path.chmod(0o400)  # e.g. made read-only: a new connection opens it as SQLite now can
    try:
        with connect(path) as db:
            assert db.conn is not before
    finally:
        path.chmod(0o600)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_a_forked_child_never_uses_its_parents_connection(path: Path) -> None:
    _add(path, "Ouder")
    with connect(path) as db:
        parent = db.conn
    child = os.fork()
    if child == 0:  # the child: its own connection, and the parent's left alone
        code = 1
        try:
            with connect(path) as db:
                code = 0 if db.conn is not parent and _names(path) == ["Ouder"] else 2
        finally:
            os._exit(code)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    with connect(path) as db:
        assert db.conn is parent
    assert _names(path) == ["Ouder"]


def test_a_thread_keeps_a_bounded_number_of_files_open(tmp_path: Path) -> None:
    paths = [tmp_path / f"db{i}.db" for i in range(sqlite_pool.MAX_FILES + 4)]
    for p in paths:
        Store(p).list_dossiers()
    assert sqlite_pool.kept_count() == sqlite_pool.MAX_FILES


def test_a_long_lived_connection_still_checkpoints_its_wal(path: Path) -> None:
    with write(path) as db:
        db.execute("CREATE TABLE filler (x BLOB)")
    for _ in range(2500):  # one page each: 2,500 frames (10 MB) if nothing checkpointed
        with write(path) as db:
            db.execute("INSERT INTO filler VALUES (zeroblob(3000))")
    wal = companions(path)[0]
    assert (
        wal.stat().st_size if wal.exists() else 0
    ) < 6 * 1024 * 1024  # SQLite's autocheckpoint at 1,000 pages (4 MB)


def _open_files(path: Path) -> int:
    """Count this process's descriptors on the database file."""
    fds = Path("/proc/self/fd")
    found = 0
    for fd in fds.iterdir():
        with suppress(OSError):  # closed meanwhile (the listing's own descriptor)
            found += os.readlink(fd) == str(path)
    return found


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="no /proc here")
def test_a_threads_connections_close_when_the_thread_ends(path: Path) -> None:
    before = _open_files(path)
    inside: list[int] = []

    def read() -> None:
        _names(path)
        inside.append(_open_files(path))  # kept open while the thread lives

    thread = threading.Thread(target=read)
    thread.start()
    thread.join(60)
    gc.collect()
    assert inside == [before + 1]
    assert _open_files(path) == before


def test_more_files_in_use_at_once_than_are_kept_all_work(tmp_path: Path) -> None:
    paths = [tmp_path / f"nested{i}.db" for i in range(sqlite_pool.MAX_FILES + 2)]
    for p in paths:
        Store(p)
    with ExitStack() as stack:
        held = [stack.enter_context(connect(p)) for p in paths]  # every one in use at the same time
        assert [db.query("SELECT count(*) AS n FROM dossiers") for db in held] == [[{"n": 0}]] * len(paths)
    assert sqlite_pool.kept_count() <= len(paths)
    Store(paths[0]).list_dossiers()
    assert sqlite_pool.kept_count() == sqlite_pool.MAX_FILES
