"""Memory of the app process with 200 dossiers: peak resident size after a browser used it.

Starts the real app on a loopback port with a database of 200 dossiers, opens the start page
(which lists all 200) and one dossier in headless Chromium, then reads the server's VmHWM.

    python bench/app_memory.py [--dossiers 200] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, start_app, wait_for_app  # noqa: E402
from workbench.demo import demo_dossiers, large_dossier  # noqa: E402
from workbench.store.dossiers import Store  # noqa: E402


def kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def run(count: int) -> dict[str, object]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "memory.db"
        store = Store(db)
        demos = demo_dossiers()
        for i in range(count):
            dossier = demos[i % len(demos)] if i % 10 else large_dossier(60, seed=i)
            store.import_dossier(dossier, by="bench")
        app = start_app(db)
        try:
            idle = kib(app.process.pid, "VmRSS")
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page()
                page.goto(app.url)
                wait_for_app(page)
                page.goto(f"{app.url}/?dossier=1")
                wait_for_app(page)
                browser.close()
            peak = kib(app.process.pid, "VmHWM")
        finally:
            app.process.terminate()
            app.process.wait(timeout=10)
        size = db.stat().st_size
    return {
        "dossiers": count,
        "db_mib": round(size / 2**20, 1),
        "rss_idle_mib": round(idle / 1024, 1),
        "peak_rss_mib": round(peak / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dossiers", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    summary = run(args.dossiers)
    print(json.dumps(summary) if args.json else "\n".join(f"{k:>14}  {v}" for k, v in summary.items()))


if __name__ == "__main__":
    main()
