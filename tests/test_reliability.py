"""Reliability suites in their short CI profile, on both backends: concurrent editing and SIGKILL mid-save.

`python bench/stress.py` and `python bench/crash.py` run the longer profiles on demand (with
--db URL on PostgreSQL).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.backends import POSTGRESQL, SQLITE, server_url

ROOT = Path(__file__).resolve().parents[1]
BOTH = [SQLITE, pytest.param(POSTGRESQL, marks=pytest.mark.postgresql)]


def run_script(*args: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, *args, "--json"], cwd=ROOT, capture_output=True, text=True, timeout=600, check=True
    )
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    return summary


def on(kind: str) -> list[str]:
    """Return the bench arguments that pick a backend (PostgreSQL: a new schema on the test server)."""
    return [] if kind == SQLITE else ["--db", server_url()]


@pytest.mark.parametrize("kind", BOTH)
def test_eight_writers_editing_at_once_lose_nothing_and_never_see_a_lock(kind: str, report_figures) -> None:
    args = ["--processes", "8", "--stores", "2", "--seconds", "4" if kind == SQLITE else "3"]
    if kind == POSTGRESQL:
        args.append("--no-sqlite")
    (summary,) = run_script("bench/stress.py", *args, *on(kind)).values()
    report_figures(summary)
    assert summary["backend"] == kind  # type: ignore[index]
    assert summary["accepted"] > 50  # type: ignore[index, operator]
    assert summary["refused_with_conflict"] > 0  # type: ignore[index, operator]  # units really contended
    assert summary["lost_updates"] == 0  # type: ignore[index]
    assert summary["locked_errors"] == 0 and summary["other_errors"] == 0  # type: ignore[index]
    assert summary["integrity"] == "ok"  # type: ignore[index]


@pytest.mark.parametrize("kind", BOTH)
def test_killing_a_writer_mid_save_leaves_the_database_consistent(kind: str, report_figures) -> None:
    summary = run_script("bench/crash.py", "--rounds", "8" if kind == SQLITE else "4", *on(kind))
    report_figures(summary)
    assert summary["backend"] == kind
    assert summary["accepted_saves"] > 4
    assert summary["failures"] == []
