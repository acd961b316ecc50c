"""People with a role in one dossier, and a stranger, for the Workspace's calls."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from workbench.access.accounts import Accounts
from workbench.access.permissions import DossierRole
from workbench.store.dossiers import Store
from workbench.workspace import Workspace


class People:
    def __init__(self, path: Path, dossier_id: int) -> None:
        self.path, self.dossier_id = path, dossier_id
        self.accounts = Accounts(path)
        self.ids: dict[str, int] = {}
        for name in ("coordinator", "coach", "viewer", "stranger"):
            self.ids[name] = self.accounts.add_user(f"{name}@example.be", name.title()).id
            if name != "stranger":
                self.accounts.set_member(dossier_id, self.ids[name], DossierRole(name), by="setup")

    def workspace(self, name: str) -> Workspace:
        return Workspace(self.path, self.accounts.get_user(self.ids[name]))


@pytest.fixture
def db_path(backend: Any) -> Any:
    """This suite runs on both backends: a SQLite file, then a PostgreSQL schema."""
    return backend


@pytest.fixture
def people(db_path: Path, store: Store, dossier_id: int) -> People:
    return People(db_path, dossier_id)
