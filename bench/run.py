"""Run every benchmark under bench/ and print one table of their figures.

Each script prints one JSON object as its last line when given --json: medians, floors
(bare docxtpl render, trivial Streamlit page, bare SQLite write) and ratios against them.

    python bench/run.py            # all
    python bench/run.py store stress
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
# Longer than CI's short profiles; still a few minutes in all.
ARGS = {"stress.py": ["--processes", "8", "--seconds", "20"], "crash.py": ["--rounds", "30"]}


def main() -> None:
    wanted = sys.argv[1:]
    scripts = sorted(p for p in BENCH.glob("*.py") if p.name != "run.py" and not p.name.startswith("_"))
    if wanted:
        scripts = [p for p in scripts if any(w in p.stem for w in wanted)]
    rows: list[tuple[str, str, str]] = []
    for script in scripts:
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, str(script), *ARGS.get(script.name, []), "--json"],
            cwd=BENCH.parent,
            capture_output=True,
            text=True,
            timeout=1800,
            check=False,
        )
        seconds = time.monotonic() - started
        lines = result.stdout.strip().splitlines()
        try:
            figures = json.loads(lines[-1])
        except (IndexError, json.JSONDecodeError):
            rows.append((script.stem, "error", (result.stderr or result.stdout).strip()[-200:]))
            continue
        for key, value in figures.items():
            rows.append(
                (script.stem, key, json.dumps(value) if isinstance(value, (list, dict)) else str(value))
            )
        rows.append((script.stem, "(run seconds)", f"{seconds:.1f}"))
    width = [max(len(r[i]) for r in rows) for i in range(3)]
    print(f"{'benchmark':<{width[0]}}  {'figure':<{width[1]}}  value")
    print("-" * (sum(width) + 4))
    for bench, key, value in rows:
        print(f"{bench:<{width[0]}}  {key:<{width[1]}}  {value}")


if __name__ == "__main__":
    main()
