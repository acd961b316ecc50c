"""Crash safety: kill a writing process with SIGKILL mid-save, again and again.

After every kill the database must be consistent (SQLite: `PRAGMA integrity_check`; both: every
unit at the version of its latest recorded change), load as a valid dossier, and still hold every
save the writer had reported as accepted before it died. SQLite by default; --db URL runs it on
a new schema of that PostgreSQL server (the server aborts the killed writer's transaction).

    python bench/crash.py                  # 30 rounds
    python bench/crash.py --rounds 8 --json
    python bench/crash.py --rounds 8 --db postgresql://user:pw@127.0.0.1:5432/workbench
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _databases import consistency, label, scratch  # noqa: E402

from workbench.dossier.model import Dossier, Identity, Partner  # noqa: E402
from workbench.dossier.units import Change, item_unit, section_unit  # noqa: E402
from workbench.store.dossiers import Store  # noqa: E402


def writer(db: str, start: int) -> None:
    """Save forever; print each accepted token only after the commit returned."""
    store = Store(db)
    n = start
    while True:
        n += 1
        record = store.load(1)
        unit = section_unit("doelgroep")
        section = record.dossier.strategy.doelgroep.model_dump(mode="json")
        section["narrative"] = (section["narrative"] + f"<{n}>")[-15000:]  # stay under the model's limit
        # A second unit in the same transaction: a torn write would show as a mismatch.
        partner_unit = item_unit("partner", "p")
        partner = record.dossier.partners[0].model_dump(mode="json")
        partner["legal_form"] = str(n)
        store.apply(
            1,
            [
                Change(unit=unit, data=section, base_version=record.version(unit)),
                Change(unit=partner_unit, data=partner, base_version=record.version(partner_unit)),
            ],
            by="w",
        )
        print(n, flush=True)


def run(rounds: int, where: str = "sqlite", seed: int = 3) -> dict[str, object]:
    rng = random.Random(seed)
    failures: list[str] = []
    reported_total = 0
    with tempfile.TemporaryDirectory() as tmp, scratch(where, Path(tmp)) as db:
        Store(db).import_dossier(
            Dossier(
                identity=Identity(name="Crash", call="voortraject"),
                partners=[Partner(id="p", name="P", legal_form="0")],
            ),
            by="setup",
        )
        last = 0
        for i in range(rounds):
            proc = subprocess.Popen(
                [sys.executable, __file__, "--writer", db, "--start", str(last)],
                stdout=subprocess.PIPE,
                text=True,
                cwd=ROOT,
            )
            assert proc.stdout is not None
            first = proc.stdout.readline()  # kill only once it is really writing
            time.sleep(rng.random() * 0.5)
            os.kill(proc.pid, signal.SIGKILL)
            out, _ = proc.communicate()
            reported = [int(x) for x in (first + out).split()]
            reported_total += len(reported)
            integrity = consistency(db)
            if integrity != "ok":
                failures.append(f"round {i}: integrity {integrity}")
                break
            dossier = Store(db).load(1).dossier
            text = dossier.strategy.doelgroep.narrative
            stored = int(dossier.partners[0].legal_form)
            missing = [n for n in reported if f"<{n}>" not in text]
            if missing:
                failures.append(f"round {i}: accepted saves missing {missing[:5]}")
            if not text.endswith(f"<{stored}>"):
                failures.append(f"round {i}: torn write: partner at {stored}, section ends {text[-12:]}")
            if reported and stored not in (reported[-1], reported[-1] + 1):
                failures.append(f"round {i}: last accepted {reported[-1]} but stored {stored}")
            last = stored
    return {"backend": label(where), "rounds": rounds, "accepted_saves": reported_total, "failures": failures}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--db", default="sqlite", help="a postgresql:// URL (default: a new SQLite file)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--writer", help=argparse.SUPPRESS)
    parser.add_argument("--start", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.writer:
        writer(args.writer, args.start)
        return
    summary = run(args.rounds, args.db)
    print(json.dumps(summary) if args.json else "\n".join(f"{k:>16}  {v}" for k, v in summary.items()))


if __name__ == "__main__":
    main()
