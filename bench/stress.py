"""Concurrency stress: writers edit the same and different units of one dossier at once, on each backend.

The writers live in a few app processes, each with one store (as app processes behind a proxy
serve many sessions): 8 writers through 2 stores by default. Each writer loads a unit, appends
its own token to a text and saves based on the version it loaded, for a fixed time. Afterwards
every accepted save must be in the history and in the final text (no lost update), every refusal
must have been an EditConflict the writer was told about, and no "busy" fault may have reached a
writer. SQLite (a new file) always runs; every --db URL adds a PostgreSQL run (a new schema on
that server, dropped afterwards), and one table compares them, with the p50 / p99 save latency.

    python bench/stress.py                                   # SQLite: 8 writers, 2 stores, 20 s
    python bench/stress.py --db postgresql://user:pw@127.0.0.1:5432/workbench
    python bench/stress.py --processes 8 --stores 8 --seconds 3 --json   # a store per writer
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _databases import consistency, label, scratch

from workbench.dossier.model import Dossier, Identity, Partner
from workbench.dossier.units import Change, UnitRef, item_unit, section_unit
from workbench.store.dossiers import EditConflict, StorageFailure, Store

SHARED = [section_unit("doelgroep"), item_unit("partner", "shared")]


def _text_field(unit: UnitRef) -> str:
    return "narrative" if unit.kind == "section" else "legal_form"


def writer(store: Store, index: int, seconds: float, seed: int) -> dict[str, Any]:
    """Save as fast as possible for a while; return what happened, with the latency of every save."""
    rng = random.Random(seed + index)
    own = item_unit("partner", f"w{index}")
    accepted: list[tuple[str, int, str]] = []
    refused = busy = other = 0
    latencies: list[float] = []
    deadline = time.monotonic() + seconds
    n = 0
    while time.monotonic() < deadline:
        n += 1
        unit = rng.choice([*SHARED, own])
        token = f"<w{index}.{n}>"
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
            started = time.perf_counter()
            try:
                revision = store.save(
                    1, Change(unit=unit, data=current, base_version=record.version(unit)), by=f"w{index}"
                )
            finally:
                latencies.append(time.perf_counter() - started)
            accepted.append((str(unit), revision, token))
        except EditConflict:
            refused += 1
        except StorageFailure as exc:  # the store names the engine's faults; "busy": a lock not given
            if exc.reason == "busy":
                busy += 1
            else:
                other += 1
    return {"accepted": accepted, "refused": refused, "busy": busy, "other": other, "latencies": latencies}


def app_process(address: str, writers: list[int], seconds: float, seed: int, out: Any) -> None:
    """One app process: one store, shared by its writer threads (as Streamlit's sessions share one)."""
    store = Store(address)
    results: list[dict[str, Any]] = []
    lock = threading.Lock()

    def run(index: int) -> None:
        result = writer(store, index, seconds, seed)
        with lock:
            results.append(result)

    threads = [threading.Thread(target=run, args=(i,)) for i in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out.put(results)


def run(where: str, processes: int, stores: int, seconds: float, seed: int = 7) -> dict[str, Any]:
    """Run the stress on one database ("sqlite" or a PostgreSQL URL); return its figures."""
    stores = max(1, min(stores, processes))
    with tempfile.TemporaryDirectory() as tmp, scratch(where, Path(tmp)) as db:
        store = Store(db)
        partners = [Partner(id="shared", name="Gedeelde partner")]
        partners += [Partner(id=f"w{i}", name=f"Partner van werker {i}") for i in range(processes)]
        store.import_dossier(
            Dossier(identity=Identity(name="Stress", call="voortraject"), partners=partners), by="setup"
        )
        ctx = multiprocessing.get_context("spawn")
        queue = ctx.Queue()
        groups = [list(range(processes))[s::stores] for s in range(stores)]
        apps = [ctx.Process(target=app_process, args=(db, g, seconds, seed, queue)) for g in groups]
        for app in apps:
            app.start()
        results = [r for _ in apps for r in queue.get(timeout=seconds + 300)]
        for app in apps:
            app.join()

        final = store.load(1).dossier
        history = store.history(1)
        texts = {str(section_unit("doelgroep")): final.strategy.doelgroep.narrative}
        texts.update({str(item_unit("partner", p.id)): p.legal_form for p in final.partners})
        recorded = {(str(r.unit), r.revision) for r in history}
        accepted = [a for r in results for a in r["accepted"]]
        # A save is lost if its revision is not recorded, or if a later save of the same
        # unit no longer carries its token (partners keep only the last 280 characters).
        lost_history = [a for a in accepted if (a[0], a[1]) not in recorded]
        lost_text = [
            a for a in accepted if a[0] == str(section_unit("doelgroep")) and a[2] not in texts[a[0]]
        ]
        latencies = sorted(x for r in results for x in r["latencies"])
        integrity = consistency(db)
    return {
        "backend": label(where),
        "writers": processes,
        "stores": stores,
        "seconds": seconds,
        "saves": len(latencies),
        "accepted": len(accepted),
        "refused_with_conflict": sum(r["refused"] for r in results),
        "locked_errors": sum(r["busy"] for r in results),
        "other_errors": sum(r["other"] for r in results),
        "lost_updates": len(lost_history) + len(lost_text),
        "p50_ms": _percentile(latencies, 0.50),
        "p99_ms": _percentile(latencies, 0.99),
        "saves_per_second": round(len(accepted) / seconds, 1),
        "integrity": integrity,
    }


def _percentile(sorted_values: list[float], share: float) -> float | None:
    if not sorted_values:
        return None
    return round(sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * share))] * 1000, 1)


COLUMNS = [
    ("backend", "backend"),
    ("writers", "writers"),
    ("stores", "stores"),
    ("saves", "saves"),
    ("accepted", "accepted"),
    ("refused_with_conflict", "conflicts"),
    ("lost_updates", "lost"),
    ("locked_errors", "busy"),
    ("other_errors", "other"),
    ("p50_ms", "p50 ms"),
    ("p99_ms", "p99 ms"),
    ("saves_per_second", "accepted/s"),
    ("integrity", "integrity"),
]


def table(runs: list[dict[str, Any]]) -> str:
    """Return the runs side by side as a Markdown table (the README's)."""
    head = "| " + " | ".join(title for _, title in COLUMNS) + " |"
    rule = "|" + "|".join("---" for _ in COLUMNS) + "|"
    body = ["| " + " | ".join(str(r[key]) for key, _ in COLUMNS) + " |" for r in runs]
    return "\n".join([head, rule, *body])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--db", action="append", default=[], help="a postgresql:// URL to compare (repeatable)"
    )
    parser.add_argument("--no-sqlite", action="store_true", help="leave out the SQLite run")
    parser.add_argument("--processes", type=int, default=8, help="writers (default 8)")
    parser.add_argument("--stores", type=int, default=2, help="app processes, one store each (default 2)")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--json", action="store_true", help="print one JSON object: {backend: figures}")
    args = parser.parse_args()
    wheres = ([] if args.no_sqlite else ["sqlite"]) + args.db
    runs = [run(where, args.processes, args.stores, args.seconds) for where in wheres]
    if args.json:
        names = [r["backend"] for r in runs]
        keys = [n if names.count(n) == 1 else f"{n}-{i}" for i, n in enumerate(names)]
        print(json.dumps(dict(zip(keys, runs, strict=True))))
    else:
        print(table(runs))


if __name__ == "__main__":
    main()
