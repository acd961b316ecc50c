"""Workshop load: N participants join one workshop at once and add ideas and dots through the core.

Each participant is its own process (or thread with --threads): it waits at a barrier, joins
with the workshop code, then for a fixed time adds ideas, looks at the board (as the phone page
does every few seconds) and puts its dots on other people's ideas, sometimes twice on the same
idea (a double tap). Afterwards every idea and dot the core acknowledged must be in the
database, nothing more (a double tap counts once), and no participant may exceed its dots.

    python bench/workshop_load.py                        # 30 participants, 5 s
    python bench/workshop_load.py --participants 8 --seconds 1 --threads --json
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.collab.workshop import Workshops
from workbench.collab.workshop_records import Limits, WorkshopError
from workbench.dossier.model import Dossier, Identity, Partner
from workbench.store.dossiers import Store

DOTS = 10
# Stress, not manners: the per-person rate limits would otherwise be what this measures.
LIMITS = Limits(burst_ideas=100_000, ideas_per_participant=100_000, ideas_per_workshop=1_000_000)


def participant(db: str, code: str, index: int, seconds: float, seed: int, start: Any, out: Any) -> None:
    """Play one participant; put what the core acknowledged, and the timings, on the queue."""
    workshops = Workshops(db, LIMITS)
    rng = random.Random(seed + index)
    timings: dict[str, list[float]] = {"join": [], "idea": [], "view": [], "vote": []}
    ideas: list[tuple[int, str]] = []  # (idea id, text) acknowledged
    dots: set[int] = set()  # idea ids this participant's dots are on, as acknowledged
    double_taps = errors = 0
    seen: list[int] = []

    def timed(kind: str, call: Any, *args: Any) -> Any:
        began = time.perf_counter()
        try:
            return call(*args)
        finally:
            timings[kind].append(time.perf_counter() - began)

    start.wait()
    token = timed("join", workshops.join, code, f"Deelnemer {index}").token
    deadline = time.monotonic() + seconds
    n = 0
    while time.monotonic() < deadline:
        n += 1
        try:
            text = f"p{index}-i{n}: idee van deelnemer {index}"
            ideas.append((timed("idea", workshops.add_idea, token, text).id, text))
            if n % 3 == 0:
                view = timed("view", workshops.view, token)
                seen = [i.id for i in view.ideas if i.participant_id != view.participant.id]
            candidates = [i for i in seen if i not in dots]
            if candidates and len(dots) < DOTS:
                chosen = rng.choice(candidates)
                timed("vote", workshops.vote, token, chosen)
                dots.add(chosen)
                if rng.random() < 0.2:  # a double tap: must count once
                    timed("vote", workshops.vote, token, chosen)
                    double_taps += 1
        except WorkshopError:
            errors += 1  # no refusal is expected: every one is a contribution lost
    out.put(
        {
            "index": index,
            "ideas": ideas,
            "dots": sorted(dots),
            "double_taps": double_taps,
            "errors": errors,
            "timings": timings,
        }
    )


def run(participants: int, seconds: float, threads: bool = False, seed: int = 11) -> dict[str, Any]:
    """Run the load and check it; return the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "workshop.db")
        store = Store(db)
        dossier_id = store.import_dossier(
            Dossier(
                identity=Identity(name="Workshop load", call="voortraject"),
                partners=[Partner(id="stad", name="Stad")],
            ),
            by="setup",
        )
        workshop = Workshops(db, LIMITS).start(store, dossier_id, "doelgroep", by="Fien", dots=DOTS)

        if threads:
            queue: Any = __import__("queue").Queue()
            start: Any = threading.Barrier(participants)
            runners: list[Any] = [
                threading.Thread(target=participant, args=(db, workshop.code, i, seconds, seed, start, queue))
                for i in range(participants)
            ]
        else:
            ctx = multiprocessing.get_context("spawn")
            queue = ctx.Queue()
            start = ctx.Barrier(participants)
            runners = [
                ctx.Process(target=participant, args=(db, workshop.code, i, seconds, seed, start, queue))
                for i in range(participants)
            ]
        began = time.monotonic()
        for runner in runners:
            runner.start()
        results = [queue.get(timeout=seconds + 180) for _ in runners]
        for runner in runners:
            runner.join()
        elapsed = time.monotonic() - began

        conn = sqlite3.connect(db)
        stored_ideas = set(conn.execute("SELECT id, text FROM workshop_ideas").fetchall())
        stored_dots = set(
            conn.execute(
                "SELECT p.name, v.idea_id FROM workshop_votes v"
                " JOIN workshop_participants p ON p.id = v.participant_id"
            ).fetchall()
        )
        over_budget = conn.execute(
            "SELECT COUNT(*) FROM (SELECT participant_id FROM workshop_votes"
            " GROUP BY participant_id HAVING COUNT(*) > ?)",
            [DOTS],
        ).fetchone()[0]
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        conn.close()

    sent_ideas = {idea for r in results for idea in map(tuple, r["ideas"])}
    sent_dots = {(f"Deelnemer {r['index']}", i) for r in results for i in r["dots"]}
    timings: dict[str, list[float]] = {}
    for r in results:
        for kind, values in r["timings"].items():
            timings.setdefault(kind, []).extend(values)
    every = sorted(x for values in timings.values() for x in values)
    return {
        "participants": participants,
        "mode": "threads" if threads else "processes",
        "seconds": seconds,
        "ideas_sent": len(sent_ideas),
        "ideas_stored": len(stored_ideas),
        "votes_sent": len(sent_dots),
        "votes_stored": len(stored_dots),
        "double_taps": sum(r["double_taps"] for r in results),
        "lost": len(sent_ideas - stored_ideas) + len(sent_dots - stored_dots),
        "unexpected": len(stored_ideas - sent_ideas) + len(stored_dots - sent_dots),
        "over_dot_budget": over_budget,
        "refusals": sum(r["errors"] for r in results),
        "operations": len(every),
        "operations_per_second": round(len(every) / seconds, 1),
        "wall_seconds": round(elapsed, 1),  # with starting the processes
        "median_ms": _ms(statistics.median(every)) if every else None,
        "p95_ms": _ms(_p95(every)) if every else None,
        "by_operation_ms": {
            kind: {"n": len(v), "median": _ms(statistics.median(v)), "p95": _ms(_p95(sorted(v)))}
            for kind, v in sorted(timings.items())
            if v
        },
        "integrity": integrity,
    }


def _p95(ordered: list[float]) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--threads", action="store_true", help="participants as threads, not processes")
    parser.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    args = parser.parse_args()
    summary = run(args.participants, args.seconds, threads=args.threads)
    if args.json:
        print(json.dumps(summary))
    else:
        for key, value in summary.items():
            print(f"{key:>22}  {value}")
    sys.exit(0 if summary["lost"] == 0 and summary["unexpected"] == 0 else 1)


if __name__ == "__main__":
    main()
