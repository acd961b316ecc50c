"""Per script run: how many Workspaces a page builds, how often the schema is checked, what each costs.

Runs every page through the router in AppTest (as bench/page_bench.py does, 60 partners) and
counts, during one warm run of each page, the Workspace objects built, the migration checks
(sqlite-utils `Migrations.apply`), the SQLite connections opened (`sqlite3.connect`) and the
uses of one (store/sqlite.py `connect`). It also times one migration check on an up-to-date file and
one Workspace construction. It prints figures; nothing is asserted.

    python bench/workspace_bench.py [--partners 60] [--repeat 30] [--json]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import page_bench  # noqa: E402
from sqlite_utils import Migrations  # noqa: E402

from workbench import workspace  # noqa: E402
from workbench.demo import large_dossier  # noqa: E402
from workbench.store import sqlite as sqlite_backend  # noqa: E402

try:  # the layered package
    from workbench.store.db import prepare  # type: ignore[import-not-found, unused-ignore]
    from workbench.store.dossiers import Store  # type: ignore[import-not-found, unused-ignore]
except ImportError:  # the flat package this bench was first run on
    from workbench.store.db import prepare  # type: ignore[no-redef, unused-ignore]
    from workbench.store.dossiers import Store  # type: ignore[no-redef, unused-ignore]

COUNTED: Counter[str] = Counter()


@contextmanager
def counting() -> Iterator[Counter[str]]:
    """Count Workspace constructions and migration checks while the block runs."""
    original_apply = Migrations.apply
    original_init = workspace.Workspace.__init__
    original_connect = sqlite3.connect
    original_use = sqlite_backend.connect

    def connect(*args: Any, **kwargs: Any) -> Any:
        COUNTED["connections_opened"] += 1
        return original_connect(*args, **kwargs)

    def use(*args: Any, **kwargs: Any) -> Any:
        COUNTED["connection_uses"] += 1
        return original_use(*args, **kwargs)

    def apply(self: Migrations, *args: Any, **kwargs: Any) -> Any:
        COUNTED["migration_checks"] += 1
        return original_apply(self, *args, **kwargs)

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        COUNTED["workspaces"] += 1
        original_init(self, *args, **kwargs)

    COUNTED.clear()
    Migrations.apply = apply  # type: ignore[method-assign]
    workspace.Workspace.__init__ = init  # type: ignore[method-assign]
    sqlite3.connect = connect
    sqlite_backend.connect = use
    try:
        yield COUNTED
    finally:
        Migrations.apply = original_apply  # type: ignore[method-assign]
        workspace.Workspace.__init__ = original_init  # type: ignore[method-assign]
        sqlite3.connect = original_connect
        sqlite_backend.connect = original_use


def median_ms(func: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        samples.append(time.perf_counter() - started)
    return round(statistics.median(samples) * 1000, 2)


def run(partners: int, repeat: int) -> dict[str, object]:
    os.chdir(ROOT)
    logging.getLogger("streamlit").setLevel(logging.ERROR)  # "missing ScriptRunContext" outside AppTest
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        path = tmp / "bench.db"
        os.environ["WORKBENCH_DB"] = str(path)
        dossier_id = Store(path).import_dossier(large_dossier(partners), by="bench")
        pages = page_bench.page_files()
        script = page_bench.router(pages, tmp)
        per_page: dict[str, dict[str, int]] = {}
        for name, page in pages.items():
            app = page_bench.started_app(script, page, dossier_id, "nl")
            with counting() as counted:
                app.switch_page(page).run()
            per_page[name] = {
                "workspaces": counted["workspaces"],
                "migration_checks": counted["migration_checks"],
                "connections_opened": counted["connections_opened"],
                "connection_uses": counted["connection_uses"],
            }
        migration_ms = median_ms(lambda: prepare(path), repeat)
        workspace_ms = median_ms(lambda: workspace.Workspace.open_mode(path, "bench"), repeat)
    worst = max(per_page, key=lambda n: (per_page[n]["migration_checks"], per_page[n]["workspaces"]))
    return {
        "partners": partners,
        "pages": len(per_page),
        "workspaces_per_run_max": max(p["workspaces"] for p in per_page.values()),
        "workspaces_per_run_total": sum(p["workspaces"] for p in per_page.values()),
        "migration_checks_per_run_max": max(p["migration_checks"] for p in per_page.values()),
        "migration_checks_per_run_total": sum(p["migration_checks"] for p in per_page.values()),
        "connections_opened_per_run_max": max(p["connections_opened"] for p in per_page.values()),
        "connection_uses_per_run_max": max(p["connection_uses"] for p in per_page.values()),
        "worst_page": worst,
        "prepare_ms": migration_ms,
        "workspace_ms": workspace_ms,
        "per_page": per_page,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--partners", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    summary = run(args.partners, args.repeat)
    if args.json:
        print(json.dumps({k: v for k, v in summary.items() if k != "per_page"}))
        return
    for name, counts in summary["per_page"].items():  # type: ignore[attr-defined]
        print(
            f"{name:>22}  {counts['workspaces']:3d} Workspaces"
            f"  {counts['migration_checks']:3d} migration checks"
            f"  {counts['connections_opened']:3d} SQLite connections opened"
            f" for {counts['connection_uses']:3d} uses"
        )
    print(
        f"per run at most {summary['workspaces_per_run_max']} Workspaces and "
        f"{summary['migration_checks_per_run_max']} migration checks ({summary['worst_page']}), "
        f"at most {summary['connections_opened_per_run_max']} SQLite connections opened for "
        f"{summary['connection_uses_per_run_max']} uses; "
        f"one migration check {summary['prepare_ms']} ms, one Workspace {summary['workspace_ms']} ms"
    )


if __name__ == "__main__":
    main()
