"""Concurrency stress: N processes edit the same and different units of one dossier at once.

Each worker loads a unit, appends its own token to a text and saves based on the version it
loaded, for a fixed time. Afterwards every accepted save must be in the history and in the
final text (no lost update), every refusal must have been an EditConflict the worker was told
about, and no "database is locked" may have reached a worker.

    python bench/stress.py                      # 8 processes, 20 s
    python bench/stress.py --processes 4 --seconds 3 --json
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
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.dossier.model import Dossier, Identity, Partner
from workbench.dossier.units import Change, UnitRef, item_unit, section_unit
from workbench.store.dossiers import EditConflict, StorageFailure, Store

SHARED = [section_unit("doelgroep"), item_unit("partner", "shared")]


def _text_field(unit: UnitRef) -> str:
    return "narrative" if unit.kind == "section" else "legal_form"


def worker(db: str, index: int, seconds: float, seed: int, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    store = Store(db)
    rng = random.Random(seed + index)
    own = item_unit("partner", f"w{index}")
    accepted: list[tuple[str, int, str]] = []
    refused = locked = other = 0
    latencies: list[float] = []
    deadline = time.monotonic() + seconds
    n = 0
    while time.monotonic() < deadline:
        n += 1
        unit = rng.choice([*SHARED, own])
        token = f"<w{index}.{n}>"
        started = time.perf_counter()
        try:
            record = store.load(1)
            data = record.dossier.model_dump(mode="json")
            if unit.kind == "section":
                current = data["strategy"][unit.key]
            else:
                current = next(p for p in data["partners"] if p["id"] == unit.key)
            field = _text_field(unit)
            current[field] = (
                (current[field] + token)[-280:] if field == "legal_form" else current[field] + token
            )
            if rng.random() < 0.3:
                time.sleep(rng.random() / 100)  # think time widens the race window
            revision = store.save(
                1, Change(unit=unit, data=current, base_version=record.version(unit)), by=f"w{index}"
            )
            accepted.append((str(unit), revision, token))
        except EditConflict:
            refused += 1
        except StorageFailure as exc:  # the store names SQLite's faults; "busy" is "database is locked"
            if exc.reason == "busy":
                locked += 1
            else:
                other += 1
        latencies.append(time.perf_counter() - started)
    out.put(
        {
            "index": index,
            "accepted": accepted,
            "refused": refused,
            "locked": locked,
            "other": other,
            "latencies": latencies,
        }
    )


def run(processes: int, seconds: float, seed: int = 7) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "stress.db")
        store = Store(db)
        partners = [Partner(id="shared", name="Gedeelde partner")]
        partners += [Partner(id=f"w{i}", name=f"Partner van werker {i}") for i in range(processes)]
        store.import_dossier(
            Dossier(identity=Identity(name="Stress", call="voortraject"), partners=partners), by="setup"
        )

        ctx = multiprocessing.get_context("spawn")
        queue = ctx.Queue()
        workers = [ctx.Process(target=worker, args=(db, i, seconds, seed, queue)) for i in range(processes)]
        for w in workers:
            w.start()
        results = [queue.get(timeout=seconds + 120) for _ in workers]
        for w in workers:
            w.join()

        final = store.load(1).dossier
        history = store.history(1)
        texts = {str(section_unit("doelgroep")): final.strategy.doelgroep.narrative}
        texts.update({str(item_unit("partner", p.id)): p.legal_form for p in final.partners})
        saved_tokens = {(str(r.unit), r.revision) for r in history}
        accepted = [a for r in results for a in r["accepted"]]
        # A save is lost if its revision is not recorded, or if a later save of the same
        # unit no longer carries its token (partners keep only the last 280 characters).
        lost_history = [a for a in accepted if (a[0], a[1]) not in saved_tokens]
        lost_text = [
            a for a in accepted if a[0] == str(section_unit("doelgroep")) and a[2] not in texts[a[0]]
        ]
        latencies = sorted(x for r in results for x in r["latencies"])
        conn = sqlite3.connect(db)
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        conn.close()
    return {
        "processes": processes,
        "seconds": seconds,
        "attempts": len(latencies),
        "accepted": len(accepted),
        "refused_with_conflict": sum(r["refused"] for r in results),
        "locked_errors": sum(r["locked"] for r in results),
        "other_errors": sum(r["other"] for r in results),
        "lost_updates": len(lost_history) + len(lost_text),
        "median_ms": round(statistics.median(latencies) * 1000, 2) if latencies else None,
        "p95_ms": round(latencies[int(len(latencies) * 0.95)] * 1000, 2) if latencies else None,
        "saves_per_second": round(len(accepted) / seconds, 1),
        "integrity": integrity,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    summary = run(args.processes, args.seconds)
    if args.json:
        print(json.dumps(summary))
    else:
        for key, value in summary.items():
            print(f"{key:>24}  {value}")


if __name__ == "__main__":
    main()
