"""Shared fixtures: a real store (a SQLite file in tmp_path, or PostgreSQL: `backend`), dossiers, the app."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.backends import POSTGRESQL, SQLITE, SessionSchema, database, fresh_schema
from workbench.dossier.model import Dossier, Identity, Partner, RoleAssignment
from workbench.store.dossiers import Store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "workbench.db"


@pytest.fixture
def store(db_path: Path) -> Store:
    return Store(db_path)


@pytest.fixture
def small_dossier() -> Dossier:
    """A two-partner dossier with a promotor, enough to exercise saving and rules."""
    return Dossier(
        identity=Identity(name="Digibank Test", call="voortraject"),
        partners=[
            Partner(
                id="stad", name="Stad Voorbeeld", org_type="lokaal_bestuur", enterprise_number="0207451227"
            ),
            Partner(id="vzw", name="Vzw Verbinding", org_type="vzw"),
        ],
        roles=[
            RoleAssignment(id="r1", partner_id="stad", role="promotor"),
            RoleAssignment(id="r2", partner_id="vzw", role="toeleider", objectives=["ondersteuning"]),
        ],
    )


@pytest.fixture
def dossier_id(store: Store, small_dossier: Dossier) -> int:
    return store.import_dossier(small_dossier, by="ann")


@pytest.fixture
def new_app(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], AppTest]:
    """Return a maker of the whole app in AppTest (streamlit_app.py and its router) on this database.

    Each call is another browser tab: its own session, the same database.
    """
    monkeypatch.setenv("WORKBENCH_DB", str(db_path))
    monkeypatch.chdir(ROOT)
    return lambda: AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)


@pytest.fixture
def app(new_app: Callable[[], AppTest]) -> AppTest:
    """The whole app in AppTest on this test's database (one tab)."""
    return new_app()


# Figures of the reliability and load suites, printed at the end of every run (and so in CI).
FIGURES: list[tuple[str, dict[str, object]]] = []


@pytest.fixture
def report_figures(request: pytest.FixtureRequest):
    """Keep a suite's figures for the end-of-run summary."""
    return lambda summary: FIGURES.append((request.node.name, summary))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FIGURES:
        terminalreporter.section("reliability and load figures")
        for name, summary in FIGURES:
            terminalreporter.write_line(f"{name}: {json.dumps(summary)}")


# ---------------------------------------------------------------- both backends


@pytest.fixture(params=[SQLITE, pytest.param(POSTGRESQL, marks=pytest.mark.postgresql)])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """The database of one test, once per backend: a fresh SQLite file, an empty PostgreSQL schema.

    A suite runs on both by asking for `backend`, or by overriding `db_path` with it (see
    tests/store/conftest.py); everything built on `db_path` (the `store`, ...) follows.
    """
    shared = request.getfixturevalue("pg_schema") if request.param == POSTGRESQL else None
    with database(request.param, tmp_path, shared) as address:
        yield address


@pytest.fixture(scope="session")
def pg_schema() -> Iterator[SessionSchema]:
    """The test run's PostgreSQL schema, emptied before each test of the `backend` fixture."""
    shared = SessionSchema()
    yield shared
    shared.close()


@pytest.fixture
def pg_database() -> Iterator[str]:
    """A fresh schema on the PostgreSQL test server, for what only PostgreSQL does."""
    with fresh_schema() as url:
        yield url
