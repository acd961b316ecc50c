"""This suite runs on both backends: every test's database is a SQLite file, then a PostgreSQL schema."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def db_path(backend: Any) -> Any:
    return backend
