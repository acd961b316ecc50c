"""Workshop latency in a real browser: submit on a phone to visible on the projector, for ideas and dots.

A real Streamlit server (as the browser tests start it) and headless Chromium: one projector
context at 1440x900 and six phone contexts that join with the workshop code. Each phone in turn
adds ideas, then gives dots to other phones' ideas; the time runs from the press on the phone
(a pointerdown listener in the phone's page) to the moment the projector's page first shows the
idea or the new count (a 10 ms watcher in the projector's page; both read the same clock).
Figures only, never assertions; the machine's load average is printed beside them.

    python bench/workshop_latency.py                      # 6 phones, 3 ideas and 3 dots each
    python bench/workshop_latency.py --ideas 2 --dots 2 --json
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, start_app, wait_for_app
from workbench.collab.workshop import Workshops
from workbench.dossier.model import Dossier, Identity, Partner
from workbench.store.dossiers import Store

# Runs in the projector's page: note when each idea card and each count first appears (epoch ms).
WATCH = """() => {
  window.__seen = {};
  const look = () => {
    const now = Date.now();
    for (const e of document.querySelectorAll("[class*='st-key-proj_idea_']")) {
      const key = [...e.classList].find(c => c.startsWith('st-key-proj_idea_'));
      if (key && !(key in window.__seen)) window.__seen[key] = now;
    }
    for (const e of document.querySelectorAll("[class*='st-key-proj_votes_']")) {
      const key = [...e.classList].find(c => c.startsWith('st-key-proj_votes_'));
      const seen = key + '=' + e.innerText.trim();
      if (key && !(seen in window.__seen)) window.__seen[seen] = now;
    }
  };
  setInterval(look, 10);
}"""
# Runs in a phone's page: note when the finger goes down.
PRESS = "() => document.addEventListener('pointerdown', () => { window.__pressed = Date.now(); }, true)"


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def _wait_seen(projector: Any, key: str, timeout: float = 30.0) -> float | None:
    """Wait until the projector has shown `key`; return when (epoch ms), None on a timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        seen = projector.evaluate(f"() => window.__seen[{json.dumps(key)}] ?? null")
        if seen is not None:
            return float(seen)
        time.sleep(0.05)
    return None


def run(phones: int, ideas: int, dots: int) -> dict[str, Any]:
    """Play the room once; return the latencies in milliseconds."""
    folder = Path(tempfile.mkdtemp(prefix="workshop-latency-"))
    db = folder / "workbench.db"
    store = Store(db)
    dossier_id = store.import_dossier(
        Dossier(
            identity=Identity(name="Digibank Snelheid", call="voortraject"),
            partners=[Partner(id="s", name="S")],
        ),
        by="bench",
    )
    workshops = Workshops(db)
    workshop = workshops.start(store, dossier_id, "doelgroep", by="bench", dots=max(dots, 1))
    app = start_app(db)
    load_before = os.getloadavg()
    idea_ms: list[float] = []
    dot_ms: list[float] = []
    missed = 0
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            screen = browser.new_context(viewport={"width": 1440, "height": 900}, locale="nl-BE")
            projector = screen.new_page()
            projector.goto(f"{app.url}/projector?dossier={dossier_id}&workshop={workshop.id}")
            wait_for_app(projector)
            projector.locator(".st-key-proj_code").wait_for(timeout=60_000)
            projector.evaluate(WATCH)
            pages = []
            for n in range(phones):
                context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-BE")
                phone = context.new_page()
                phone.set_default_timeout(60_000)
                phone.goto(f"{app.url}/meedoen?join={workshop.code}")
                wait_for_app(phone)
                phone.get_by_label("Je naam op het bord").fill(f"Gsm {n + 1}")
                phone.get_by_role("button", name="Doe mee").click()
                phone.get_by_text(f"Je doet mee als Gsm {n + 1}").wait_for()
                wait_for_app(phone)
                phone.evaluate(PRESS)
                pages.append(phone)
            texts: dict[str, tuple[int, float]] = {}  # idea text -> (phone, pressed at)
            for round_ in range(ideas):
                for n, phone in enumerate(pages):
                    text = f"Idee {round_ + 1} van gsm {n + 1}"
                    phone.get_by_label("Jouw idee").fill(text)
                    phone.get_by_role("button", name="Idee toevoegen").click()
                    pressed = float(phone.evaluate("() => window.__pressed"))
                    phone.get_by_text(f"• {text}").wait_for()  # the phone's own list: the idea is saved
                    wait_for_app(phone)
                    (found,) = [i for i in workshops.board(workshop.id).ideas if i.text == text]
                    seen = _wait_seen(projector, f"st-key-proj_idea_{found.id}")
                    if seen is None:
                        missed += 1
                    else:
                        idea_ms.append(seen - pressed)
                    texts[text] = (n, pressed)
            counts: dict[int, int] = {}
            board = workshops.board(workshop.id).ideas
            for round_ in range(dots):
                for n, phone in enumerate(pages):
                    theirs = [i for i in board if not i.text.endswith(f"gsm {n + 1}")]
                    idea = theirs[(n + round_ * 7) % len(theirs)]
                    button = phone.locator(f".st-key-part_vote_{idea.id} button")
                    if "terugnemen" in button.inner_text():
                        continue  # this phone's dot is on it already
                    button.click()
                    pressed = float(phone.evaluate("() => window.__pressed"))
                    counts[idea.id] = counts.get(idea.id, 0) + 1
                    seen = _wait_seen(projector, f"st-key-proj_votes_{idea.id}={counts[idea.id]}")
                    if seen is None:
                        missed += 1
                    else:
                        dot_ms.append(seen - pressed)
                    wait_for_app(phone)
            browser.close()
    finally:
        app.process.terminate()
        try:
            app.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.process.kill()
    load_after = os.getloadavg()
    return {
        "phones": phones,
        "idea_ms": idea_ms,
        "dot_ms": dot_ms,
        "missed": missed,
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in load_after],
        "cores": os.cpu_count(),
    }


def _figures(values: list[float]) -> str:
    if not values:
        return "no samples"
    return (
        f"median {statistics.median(values):.0f} ms, p95 {_percentile(values, 0.95):.0f} ms, "
        f"max {max(values):.0f} ms (n={len(values)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--phones", type=int, default=6)
    parser.add_argument("--ideas", type=int, default=3, help="ideas per phone")
    parser.add_argument("--dots", type=int, default=3, help="dots per phone")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.phones, args.ideas, args.dots)
    if args.json:
        print(json.dumps(result))
        return
    print(f"{result['phones']} phones, 1 projector, headless Chromium, a real Streamlit server")
    print(f"idea submit -> on the projector: {_figures(result['idea_ms'])}")
    print(f"dot submit  -> on the projector: {_figures(result['dot_ms'])}")
    if result["missed"]:
        print(f"not seen within 30 s: {result['missed']}")
    print(
        f"load average (1, 5, 15 min) before {result['load_before']}, after {result['load_after']}, "
        f"{result['cores']} cores"
    )


if __name__ == "__main__":
    main()
