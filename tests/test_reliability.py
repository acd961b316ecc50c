"""Reliability suites in their short CI profile: concurrent editing and SIGKILL mid-save.

`python bench/stress.py` and `python bench/crash.py` run the longer profiles on demand.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_script(*args: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, *args, "--json"], cwd=ROOT, capture_output=True, text=True, timeout=300, check=True
    )
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    return summary


def test_eight_processes_editing_at_once_lose_nothing_and_never_see_a_lock(report_figures) -> None:
    summary = run_script("bench/stress.py", "--processes", "8", "--seconds", "4")
    report_figures(summary)
    assert summary["accepted"] > 100
    assert summary["refused_with_conflict"] > 0  # the same units really were contended
    assert summary["lost_updates"] == 0
    assert summary["locked_errors"] == 0 and summary["other_errors"] == 0
    assert summary["integrity"] == "ok"


def test_killing_a_writer_mid_save_leaves_the_database_consistent(report_figures) -> None:
    summary = run_script("bench/crash.py", "--rounds", "8")
    report_figures(summary)
    assert summary["accepted_saves"] > 8
    assert summary["failures"] == []
