"""The registry every migration module registers in, and the engine a migration runs on."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Migrations

migrations = Migrations("workbench")


def dialect(db: Any) -> str:
    """Return the engine a migration runs on: "sqlite" or "postgresql"."""
    return str(getattr(db, "dialect", "sqlite"))
