"""Time graph build + analysis + HTML page for a large partnership (target: under 0.5 s together).

Run: PYTHONPATH=. python bench/graph_bench.py [--partners 200] [--flows 1000] [--repeat 15]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

from workbench import graph, graph_render
from workbench.demo import large_dossier

TARGET_SECONDS = 0.5


def timed(step: Callable[..., Any], *args: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = step(*args)
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partners", type=int, default=200)
    parser.add_argument("--flows", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    dossier = large_dossier(args.partners, args.flows)
    # The first page of a process also compiles pyvis's template (cached afterwards): report it apart.
    built = graph.build(dossier)
    cold, _ = timed(graph_render.to_html, dossier, built, graph.analyse(dossier, built), "nl")

    runs: dict[str, list[float]] = {"build": [], "analyse": [], "to_html": [], "total": []}
    size = 0
    for _ in range(args.repeat):
        t_build, built = timed(graph.build, dossier)
        t_analyse, analysis = timed(graph.analyse, dossier, built)
        t_html, page = timed(graph_render.to_html, dossier, built, analysis, "nl")
        for key, value in (("build", t_build), ("analyse", t_analyse), ("to_html", t_html)):
            runs[key].append(value)
        runs["total"].append(t_build + t_analyse + t_html)
        size = len(page)

    medians = {key: statistics.median(values) for key, values in runs.items()}
    print(
        f"graph bench: {len(dossier.partners)} partners, {len(dossier.flows)} flows, "
        f"{len(dossier.roles)} role assignments, median of {args.repeat} runs"
    )
    for key in ("build", "analyse", "to_html"):
        share = medians[key] / medians["total"] * 100
        print(f"  {key:<8} {medians[key] * 1000:8.1f} ms  {share:5.1f} %")
    verdict = "OK" if medians["total"] < TARGET_SECONDS else "TOO SLOW"
    target = f"target < {TARGET_SECONDS * 1000:.0f} ms: {verdict}"
    print(f"  {'total':<8} {medians['total'] * 1000:8.1f} ms  ({target})")
    print(f"  first to_html of the process (template compile): {cold * 1000:.1f} ms")
    print(f"  page size: {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
