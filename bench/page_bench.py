"""Page speed: the script run time of every page with a 60-partner dossier vs a trivial Streamlit page.

Runs each page through the router in AppTest (one thread, no browser) with large_dossier(60)
in a temporary SQLite file, takes the median of repeated runs, and compares the heaviest page
with a one-line Streamlit script run the same way. Then a new row on Digipunten for a dossier with
60 partners and 40 digipunten: one field edit (the name of the new digipunt: a rerun of that
form's fragment alone, as the browser asks for it) and one save (the button's callback saves, then
what the save changed reruns: on Digipunten the lists and the step's state, `ui/after_save.py`),
each against the same trivial page. It prints figures; nothing is asserted.

    python bench/page_bench.py [--partners 60] [--points 40] [--repeat 15] [--lang nl] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any
from unittest.mock import MagicMock
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import streamlit.testing.v1.app_test as app_test  # noqa: E402, TID251 - a bench drives the app like a test
import streamlit.testing.v1.local_script_runner as local_script_runner  # noqa: E402, TID251
from streamlit import logger as st_logger  # noqa: E402, TID251
from streamlit.runtime.scriptrunner.script_cache import ScriptCache  # noqa: E402, TID251
from streamlit.runtime.scriptrunner_utils.script_requests import RerunData  # noqa: E402, TID251
from streamlit.testing.v1 import AppTest  # noqa: E402, TID251
from streamlit.testing.v1.element_tree import ElementTree  # noqa: E402, TID251
from streamlit.testing.v1.local_script_runner import (  # noqa: E402, TID251
    LocalScriptRunner,
    parse_tree_from_messages,
    require_widgets_deltas,
)

from workbench.demo import large_dossier  # noqa: E402
from workbench.dossier.model import AccessPoint, Dossier  # noqa: E402
from workbench.guide import forms  # noqa: E402
from workbench.guide.progress import assess  # noqa: E402
from workbench.store.dossiers import Store  # noqa: E402
from workbench.ui.common import PAGES  # noqa: E402
from workbench.ui.editing import FormRef  # noqa: E402

TRIVIAL = 'import streamlit as st\nst.write("Hallo")\n'
# The server compiles each page script once and keeps it (its ScriptCache lives as long as the
# process); AppTest makes a new cache every run, for its pages and another for its script runner,
# so every run compiled the router and the page again (about 40 ms for the big pages, nothing for
# the trivial one). Share one for both, as the server does.
_SCRIPTS = ScriptCache()
st_logger.set_log_level("error")  # "missing ScriptRunContext" for every object made outside a run
app_test.ScriptCache = lambda: _SCRIPTS  # type: ignore[assignment,misc]
local_script_runner.ScriptCache = lambda: _SCRIPTS  # type: ignore[assignment,misc]


def _runtime(*args: Any, **kwargs: Any) -> MagicMock:
    """Return AppTest's stand-in for the runtime, whose session has no browser connection.

    AppTest's runtime is a MagicMock, and asking it for the session's client (as st.context.cookies
    does) makes a chain of new mocks: about a millisecond per read, where the server looks the
    client up in a dict. No client is what the server has for a session without a browser.
    """
    runtime = MagicMock(*args, **kwargs)
    runtime.get_client.return_value = None
    return runtime


app_test.MagicMock = _runtime  # type: ignore[attr-defined]
TRIVIAL_NAME = "(trivial page)"
# Used when a page file exists that the app's router does not list yet (branches being merged).
ROUTER = """
import streamlit as st
from workbench.ui.common import init_state
from workbench.ui.sidebar import sidebar

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


# ---------------------------------------------------------------- a rerun of one fragment

# AppTest always reruns the whole script; the browser asks for a rerun of the fragment that holds
# the widget. Between `fragment(...)` and its end, AppTest's runs are such fragment reruns.
_FRAGMENTS: list[str] = []
_whole_run = LocalScriptRunner.run


def _run(
    self: LocalScriptRunner,
    widget_state: Any = None,
    query_params: dict[str, Any] | None = None,
    timeout: float = 3,
    page_hash: str = "",
    context_info: Any = None,
) -> ElementTree:
    if not _FRAGMENTS:
        return _whole_run(self, widget_state, query_params, timeout, page_hash, context_info)
    self.request_rerun(
        RerunData(
            widget_states=widget_state,
            query_string=urlencode(query_params or {}, doseq=True),
            page_script_hash=page_hash,
            context_info=context_info,
        )
    )
    # A new runner starts with a whole-app request, with which any request coalesces: make the
    # pending request the fragment's, as the browser's request is.
    requests = self._requests
    requests._rerun_data = replace(requests._rerun_data, fragment_id_queue=list(_FRAGMENTS))
    try:
        if not self._script_thread:
            self.start()
        require_widgets_deltas(self, timeout)
    finally:
        self.join()
    return parse_tree_from_messages(self.forward_msgs())


LocalScriptRunner.run = _run  # type: ignore[method-assign]


def form_fragment(app: AppTest, form_id: str) -> str:
    """Return the id of the fragment that draws one form (its arguments name the form)."""
    for fragment_id, wrapped in app._fragment_storage._fragments.items():
        for cell in getattr(wrapped, "__closure__", None) or ():
            try:
                held = cell.cell_contents
            except ValueError:
                continue
            if isinstance(held, tuple) and held and isinstance(held[0], FormRef) and held[0].id == form_id:
                return fragment_id
    raise RuntimeError(f"no fragment draws the form {form_id}")


def with_access_points(dossier: Dossier, count: int) -> Dossier:
    """Return the dossier with this many digipunten, hosted by its partners in turn."""
    points = list(dossier.access_points[:count])
    for i in range(len(points), count):
        host = dossier.partners[i % len(dossier.partners)]
        points.append(
            AccessPoint(
                id=f"ap-b{i:03}",
                name=f"Digipunt {host.name} {i}",
                host_partner_id=host.id,
                municipality="Boom",
            )
        )
    return dossier.model_copy(update={"access_points": points})


def new_row(partners: int, points: int, repeat: int, lang: str) -> dict[str, object]:
    """Time one field edit and one save of a new digipunt, against the trivial page.

    Every round opens the page afresh in a new AppTest with the add form open (not timed), as a
    coordinator comes to it: AppTest keeps the widget states of its last tree, so a tree left by
    the save of the previous round (the new item open) would otherwise carry over.
    """
    os.chdir(ROOT)
    dossier = with_access_points(large_dossier(partners), points)
    new = FormRef(forms.ACCESS_POINT)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        os.environ["WORKBENCH_DB"] = str(tmp / "bench.db")
        dossier_id = Store(tmp / "bench.db").import_dossier(dossier, by="bench")
        page = str((ROOT / PAGES["digipunten"]).resolve())
        trivial_script = tmp / "trivial.py"
        trivial_script.write_text(TRIVIAL, encoding="utf-8")
        trivial = started_app(trivial_script, None, dossier_id, lang)
        edits: list[float] = []
        saves: list[float] = []
        floor: list[float] = []
        for i in range(repeat):
            app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
            app.session_state["dossier_id"] = dossier_id
            app.session_state["lang"] = lang
            app.session_state[f"open_{new.id}"] = True
            app.run()
            app.switch_page(page).run()
            floor.append(timed_run(trivial, None))
            fragment = form_fragment(app, new.id)
            app.text_input(key=f"edit_{new.id}_name").input(f"Digipunt bench {i}")
            _FRAGMENTS[:] = [fragment]
            try:
                started = time.perf_counter()
                app.run()
                edits.append(time.perf_counter() - started)
            finally:
                _FRAGMENTS.clear()
            started = time.perf_counter()
            app.button(key=f"save_{new.id}").click().run()
            saves.append(time.perf_counter() - started)
            if app.exception:
                raise RuntimeError(app.exception[0].message)
        saved = len(Store(tmp / "bench.db").load(dossier_id).dossier.access_points)
    if saved != points + repeat:
        raise RuntimeError(f"expected {points + repeat} digipunten, found {saved}")
    trivial_ms = median_ms(floor)
    edit_ms, save_ms = median_ms(edits), median_ms(saves)
    return {
        "new_row_points": points,
        "field_edit_median_ms": edit_ms,
        "save_median_ms": save_ms,
        "new_row_trivial_median_ms": trivial_ms,
        "field_edit_ratio": round(edit_ms / trivial_ms, 1),
        "save_ratio": round(save_ms / trivial_ms, 1),
    }


# ---------------------------------------------------------------- every page


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
    parser.add_argument("--points", type=int, default=40, help="digipunten in the new-row figure")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--lang", default="nl", choices=["nl", "en"])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    summary = run(args.partners, args.repeat, args.lang)
    summary.update(new_row(args.partners, args.points, args.repeat, args.lang))
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
    print(
        f"new row on Digipunten ({args.partners} partners, {args.points} digipunten): one field edit "
        f"{summary['field_edit_median_ms']} ms = {summary['field_edit_ratio']} x, one save "
        f"{summary['save_median_ms']} ms = {summary['save_ratio']} x the trivial page "
        f"({summary['new_row_trivial_median_ms']} ms)"
    )


if __name__ == "__main__":
    main()
