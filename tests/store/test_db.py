"""Connections and the schema check: once per process and database file, again for another file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlite_utils import Migrations

from workbench.dossier.model import Dossier
from workbench.store import db
from workbench.store.backup import backup, restore_backup
from workbench.store.dossiers import Store


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every schema check (sqlite-utils Migrations.apply) made while the test runs."""
    seen: list[str] = []
    original = Migrations.apply

    def apply(self: Migrations, database: object, *args: object, **kwargs: object) -> object:
        seen.append("check")
        return original(self, database, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Migrations, "apply", apply)
    return seen


def test_the_schema_of_a_file_is_checked_once_per_process(tmp_path: Path, checks: list[str]) -> None:
    path = tmp_path / "w.db"
    Store(path)
    Store(path)
    db.prepare(path)
    assert checks == ["check"]


def test_another_file_at_the_same_path_is_checked_again(
    tmp_path: Path, checks: list[str], small_dossier: Dossier
) -> None:
    path = tmp_path / "w.db"
    store = Store(path)
    store.import_dossier(small_dossier, by="ann")
    copy = tmp_path / "copy.db"
    backup(path, copy)
    os.remove(path)
    Store(path)  # a new, empty database at the same path
    assert len(checks) == 2
    restore_backup(copy, path, force=True)  # written over in place: the restore checks it again
    assert len(checks) == 3
    assert [s.name for s in Store(path).list_dossiers()] == ["Digibank Test"]
    assert len(checks) == 3


def test_a_uri_with_options_is_checked_every_time(tmp_path: Path, checks: list[str]) -> None:
    path = tmp_path / "w.db"
    Store(path)
    Store(f"file:{path}?mode=ro")
    Store(f"file:{path}?mode=ro")
    assert len(checks) == 3
