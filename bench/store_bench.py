"""Store speed: one versioned save (with revision, validation of the whole dossier) vs a bare SQLite write.

python bench/store_bench.py [--partners 60] [--repeat 200] [--json]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.demo import large_dossier
from workbench.dossier.units import Change, item_unit
from workbench.store.dossiers import Store


def median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 3)


def run(partners: int, repeat: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        dossier = large_dossier(partners)
        dossier_id = store.import_dossier(dossier, by="bench")
        unit = item_unit("partner", dossier.partners[0].id)

        loads, saves = [], []
        for i in range(repeat):
            t0 = time.perf_counter()
            record = store.load(dossier_id)
            t1 = time.perf_counter()
            partner = record.dossier.partners[0].model_copy(update={"legal_form": f"vzw {i}"})
            store.save(dossier_id, Change.put(unit, partner, record.version(unit)), by="bench")
            t2 = time.perf_counter()
            loads.append(t1 - t0)
            saves.append(t2 - t1)

        # The floor: the same JSON row written to a bare WAL-mode SQLite table, one commit each.
        conn = sqlite3.connect(Path(tmp) / "floor.db", isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)")
        payload = json.dumps(dossier.partners[0].model_dump(mode="json"))
        floor = []
        for i in range(repeat):
            t0 = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT OR REPLACE INTO t VALUES (?, ?)", ["p", payload + str(i)])
            conn.execute("COMMIT")
            floor.append(time.perf_counter() - t0)
        conn.close()
    return {
        "partners": partners,
        "load_ms": median_ms(loads),
        "save_ms": median_ms(saves),
        "bare_sqlite_write_ms": median_ms(floor),
        "save_ratio": round(statistics.median(saves) / statistics.median(floor), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--partners", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    summary = run(args.partners, args.repeat)
    print(json.dumps(summary) if args.json else "\n".join(f"{k:>22}  {v}" for k, v in summary.items()))


if __name__ == "__main__":
    main()
