"""Where each step of the guided path is written in each generated document (data/document_places.toml)."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Literal

from workbench.collab.reviews import Thread

PLACES_FILE = Path(__file__).parents[1] / "data" / "document_places.toml"
Kind = Literal["agreement", "strategy", "submission"]


@cache
def places() -> dict[str, dict[str, tuple[str, ...]]]:
    """Load where each step is written, per document kind (and the fields written elsewhere)."""
    raw = tomllib.loads(PLACES_FILE.read_text(encoding="utf-8"))
    return {kind: {k: tuple(v) for k, v in table.items()} for kind, table in raw.items()}


def places_of(thread: Thread, kind: Kind) -> tuple[str, ...]:
    """Return the sections a thread is about in a document of this kind, best first."""
    table = places()["strategy" if kind == "submission" else kind]
    anchor = thread.anchor
    found: list[str] = []
    if anchor.clause and kind == "agreement":
        found.append(f"clause_{anchor.clause}")
    if anchor.field:
        found += places().get(f"{kind}_fields", {}).get(f"{anchor.step}.{anchor.field}", ())
    found += table.get(anchor.step, ())
    return tuple(dict.fromkeys(found))
