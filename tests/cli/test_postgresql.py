"""The command line on a PostgreSQL URL: demo, list, export and import, with the rows on the server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.backends import count
from workbench.demo import demo_dossiers

ROOT = Path(__file__).resolve().parents[2]


def workbench(folder: Path, url: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "workbench.cli", "--lang", "en", *args],
        capture_output=True,
        text=True,
        cwd=folder,
        env={**os.environ, "WORKBENCH_DB": url, "PYTHONPATH": str(ROOT)},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_demo_dossiers_go_to_postgresql_and_round_trip_and_no_sqlite_file_appears(
    pg_database: str, tmp_path: Path
) -> None:
    workbench(tmp_path, pg_database, "demo")
    listed = [line.split("\t") for line in workbench(tmp_path, pg_database, "list").splitlines()]
    demos = len(demo_dossiers())
    assert len(listed) == demos and count(pg_database, "dossiers") == demos
    first_id = listed[-1][0]
    workbench(tmp_path, pg_database, "export", first_id, "-o", str(tmp_path / "d.json"))
    new_id = workbench(tmp_path, pg_database, "import", str(tmp_path / "d.json")).split()[-1]
    workbench(tmp_path, pg_database, "export", new_id, "-o", str(tmp_path / "again.json"))
    assert json.loads((tmp_path / "again.json").read_text()) == json.loads((tmp_path / "d.json").read_text())
    assert count(pg_database, "dossiers") == demos + 1 and count(pg_database, "units") > 100
    assert sorted(p.name for p in tmp_path.iterdir()) == ["again.json", "d.json"]  # no workbench.db
