"""Workshops and consent on a real database of either backend: a started workshop, the consent records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from workbench.collab.consent import Consents
from workbench.collab.workshop import Workshops
from workbench.collab.workshop_records import Workshop
from workbench.store.dossiers import Store


@pytest.fixture
def db_path(backend: Any) -> Any:
    """Every collaboration test runs on a SQLite file, then on a PostgreSQL schema."""
    return backend


@pytest.fixture
def workshops(db_path: Path) -> Workshops:
    return Workshops(db_path)


@pytest.fixture
def workshop(workshops: Workshops, store: Store, dossier_id: int) -> Workshop:
    return workshops.start(store, dossier_id, "doelgroep", by="Fien (facilitator)", dots=2)


@pytest.fixture
def consents(db_path: Path) -> Consents:
    return Consents(db_path)
