"""Page speed: the script run time of every page with a 60-partner dossier vs a trivial Streamlit page.

Runs each page through the router in AppTest (one thread, no browser) with large_dossier(60)
in a temporary SQLite file, takes the median of repeated runs, and compares the heaviest page
with a one-line Streamlit script run the same way. It prints figures; nothing is asserted.

    python bench/page_bench.py [--partners 60] [--repeat 15] [--lang nl] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402, TID251 - a bench drives the app like a test

from workbench.demo import large_dossier  # noqa: E402
from workbench.guide.progress import assess  # noqa: E402
from workbench.store.dossiers import Store  # noqa: E402
from workbench.ui.common import PAGES  # noqa: E402

TRIVIAL = 'import streamlit as st\nst.write("Hallo")\n'
TRIVIAL_NAME = "(trivial page)"
# Used when a page file exists that the app's router does not list yet (branches being merged).
ROUTER = """
import streamlit as st
from workbench.ui.common import init_state, sidebar

init_state()
sidebar()
st.navigation([st.Page(path) for path in {paths!r}]).run()
"""


# Routed only for people who are not logged in (login, join) or are admins (users): small forms.
NOT_ROUTED_IN_OPEN_MODE = {"login", "join", "users"}


def page_files() -> dict[str, str]:
    """Return every page by name: the router's pages and every step page file there is."""
    pages = {
        name: str((ROOT / path).resolve())
        for name, path in PAGES.items()
        if name not in NOT_ROUTED_IN_OPEN_MODE
    }
    for path in sorted((ROOT / "workbench" / "ui" / "steps").glob("*.py")):
        if path.name != "__init__.py":
            pages.setdefault(path.stem, str(path.resolve()))
    return pages


def router(pages: dict[str, str], tmp: Path) -> Path:
    """Return the app's router when it lists every page, else a router that does."""
    routed = {str((ROOT / p).resolve()) for p in PAGES.values()}
    if set(pages.values()) <= routed:
        return ROOT / "streamlit_app.py"
    path = tmp / "router.py"
    path.write_text(ROUTER.format(paths=sorted(pages.values())), encoding="utf-8")
    return path


def median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 1)


def started_app(script: Path, page: str | None, dossier_id: int, lang: str) -> AppTest:
    """Open one page in AppTest and run it once, so imports and caches are warm."""
    app = AppTest.from_file(str(script), default_timeout=120)
    app.session_state["dossier_id"] = dossier_id
    app.session_state["lang"] = lang
    app.run()
    if page:
        app.switch_page(page).run()
    if app.exception:
        raise RuntimeError(f"{page or script}: {app.exception[0].message}")
    return app


def timed_run(app: AppTest, page: str | None) -> float:
    started = time.perf_counter()
    (app.switch_page(page) if page else app).run()
    return time.perf_counter() - started


def run(partners: int, repeat: int, lang: str) -> dict[str, object]:
    os.chdir(ROOT)
    dossier = large_dossier(partners)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        os.environ["WORKBENCH_DB"] = str(tmp / "bench.db")
        dossier_id = Store(tmp / "bench.db").import_dossier(dossier, by="bench")
        pages: dict[str, str | None] = dict(page_files())
        script = router(page_files(), tmp)
        trivial_script = tmp / "trivial.py"
        trivial_script.write_text(TRIVIAL, encoding="utf-8")
        apps = {name: (started_app(script, path, dossier_id, lang), path) for name, path in pages.items()}
        apps[TRIVIAL_NAME] = (started_app(trivial_script, None, dossier_id, lang), None)
        # Round robin: every page and the trivial page share the same moments of machine load.
        samples: dict[str, list[float]] = {name: [] for name in apps}
        for _ in range(repeat):
            for name, (app, path) in apps.items():
                samples[name].append(timed_run(app, path))
    medians = {name: median_ms(values) for name, values in samples.items()}
    trivial = medians.pop(TRIVIAL_NAME)
    started = time.perf_counter()
    for _ in range(repeat):
        assess(dossier)
    assess_ms = round((time.perf_counter() - started) / repeat * 1000, 2)
    heaviest = max(medians, key=lambda name: medians[name])
    return {
        "partners": partners,
        "repeat": repeat,
        "router": "streamlit_app.py" if script.name == "streamlit_app.py" else "bench router",
        "page_median_ms": dict(sorted(medians.items(), key=lambda item: -item[1])),
        "heaviest_page": heaviest,
        "heaviest_median_ms": medians[heaviest],
        "trivial_median_ms": trivial,
        "ratio": round(medians[heaviest] / trivial, 1),
        "assess_ms": assess_ms,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--partners", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--lang", default="nl", choices=["nl", "en"])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    summary = run(args.partners, args.repeat, args.lang)
    if args.json:
        print(json.dumps(summary))
        return
    for name, ms in summary["page_median_ms"].items():  # type: ignore[attr-defined]
        print(f"{name:>22}  {ms:8.1f} ms")
    print(f"{'trivial page':>22}  {summary['trivial_median_ms']:8.1f} ms")
    print(
        f"heaviest: {summary['heaviest_page']} {summary['heaviest_median_ms']} ms = "
        f"{summary['ratio']} x the trivial page (median of {args.repeat} AppTest runs, "
        f"{args.partners} partners, {summary['router']}); progress.assess alone {summary['assess_ms']} ms"
    )


if __name__ == "__main__":
    main()
