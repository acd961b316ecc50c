"""The migrations, split over modules, register in number order (the order sqlite-utils applies)."""

from __future__ import annotations

import re

from workbench.store.migrations import ordered


def test_migrations_are_numbered_in_registration_order() -> None:
    names = [migration.name for migration in ordered()]
    numbers = [int(re.match(r"m(\d{3})_", name).group(1)) for name in names]  # type: ignore[union-attr]
    assert numbers == list(range(1, len(names) + 1)), names
    assert names[0] == "m001_initial" and len(names) >= 9
