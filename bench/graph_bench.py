"""Time graph build + analysis + HTML page for a large partnership (target: under 0.5 s together).

python bench/graph_bench.py [--partners 200] [--flows 1000] [--repeat 15] [--json]

The floor is a bare pyvis page of the same nodes and edges (no analysis, no hardening, no view
data): what drawing this network costs at the least with the library we use.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from typing import Any

import networkx as nx
from pyvis.network import Network

from workbench.demo import large_dossier
from workbench.network.analysis import analyse
from workbench.network.graph import build
from workbench.network.page import _pyvis_templates, to_html

TARGET_SECONDS = 0.5


def timed(step: Callable[..., Any], *args: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = step(*args)
    return time.perf_counter() - start, result


def bare_pyvis(built: nx.MultiDiGraph) -> str:
    net = Network(directed=True, cdn_resources="in_line")
    net.templateEnv = _pyvis_templates()  # same cached template: compare like with like
    for node, data in built.nodes(data=True):
        net.add_node(node, label=data["label"])
    net.edges = [{"from": s, "to": t} for s, t in built.edges()]
    return str(net.generate_html())


def median_ms(values: list[float]) -> float:
    return round(statistics.median(values) * 1000, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partners", type=int, default=200)
    parser.add_argument("--flows", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--json", action="store_true", help="Print one JSON object (for bench/run.py).")
    args = parser.parse_args()

    dossier = large_dossier(args.partners, args.flows)
    # The first page of a process also compiles pyvis's template (cached afterwards): report it apart.
    built = build(dossier)
    cold, _ = timed(to_html, dossier, built, analyse(dossier, built), "nl")

    runs: dict[str, list[float]] = {"build": [], "analyse": [], "to_html": [], "total": [], "bare": []}
    size = 0
    for _ in range(args.repeat):
        t_build, built = timed(build, dossier)
        t_analyse, analysis = timed(analyse, dossier, built)
        t_html, page = timed(to_html, dossier, built, analysis, "nl")
        runs["bare"].append(timed(bare_pyvis, built)[0])
        for key, value in (("build", t_build), ("analyse", t_analyse), ("to_html", t_html)):
            runs[key].append(value)
        runs["total"].append(t_build + t_analyse + t_html)
        size = len(page)

    total = statistics.median(runs["total"])
    summary = {
        "partners": len(dossier.partners),
        "flows": len(dossier.flows),
        "build_ms": median_ms(runs["build"]),
        "analyse_ms": median_ms(runs["analyse"]),
        "to_html_ms": median_ms(runs["to_html"]),
        "total_ms": median_ms(runs["total"]),
        "share_pct": {
            k: round(statistics.median(runs[k]) / total * 100, 1) for k in ("build", "analyse", "to_html")
        },
        "target_ms": TARGET_SECONDS * 1000,
        "within_target": total < TARGET_SECONDS,
        "first_to_html_ms": round(cold * 1000, 1),
        "bare_pyvis_page_ms": median_ms(runs["bare"]),
        "to_html_vs_bare_pyvis": round(
            statistics.median(runs["to_html"]) / statistics.median(runs["bare"]), 1
        ),
        "page_kib": round(size / 1024),
    }
    if args.json:
        print(json.dumps(summary))
        return
    print(
        f"graph bench: {summary['partners']} partners, {summary['flows']} flows, "
        f"{len(dossier.roles)} role assignments, median of {args.repeat} runs"
    )
    for key in ("build", "analyse", "to_html"):
        print(f"  {key:<8} {summary[key + '_ms']:8.1f} ms  {summary['share_pct'][key]:5.1f} %")
    verdict = "OK" if summary["within_target"] else "TOO SLOW"
    print(
        f"  {'total':<8} {summary['total_ms']:8.1f} ms  (target < {summary['target_ms']:.0f} ms: {verdict})"
    )
    print(f"  first to_html of the process (compiles pyvis's template): {summary['first_to_html_ms']} ms")
    print(
        f"  floor, a bare pyvis page of the same graph: {summary['bare_pyvis_page_ms']} ms"
        f" (to_html is {summary['to_html_vs_bare_pyvis']}x)"
    )
    print(f"  page size: {summary['page_kib']} KiB")


if __name__ == "__main__":
    main()
