"""The workshop load in its short CI profile: `python bench/workshop_load.py` runs the full one (30 x 5 s)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_workshop_load_of_many_participants_loses_no_idea_or_vote(report_figures) -> None:
    result = subprocess.run(
        [sys.executable, "bench/workshop_load.py", "--participants", "10", "--seconds", "1.5", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    report_figures(summary)
    assert result.returncode == 0
    assert summary["ideas_sent"] > 30 and summary["votes_sent"] > 10
    assert summary["ideas_stored"] == summary["ideas_sent"]
    assert summary["votes_stored"] == summary["votes_sent"]
    assert summary["lost"] == 0 and summary["unexpected"] == 0
    assert summary["over_dot_budget"] == 0 and summary["refusals"] == 0
    assert summary["integrity"] == "ok"
