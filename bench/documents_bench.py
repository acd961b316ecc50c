"""Document generation vs a bare docxtpl render of the same template and context (target ratio < 1.5).

python bench/documents_bench.py [--partners 100] [--repeat 7] [--json]

"ours" is what the app does to make a Word file from a dossier: build the context (formatting,
defaults, gap bookkeeping), render with autoescape and StrictUndefined, highlight the points to
discuss, set the document properties and save. "bare" renders the same template with the same
ready-made context in plain docxtpl (autoescape on, as TECH_NOTES requires) and saves: the floor.
Both get the same network picture; drawing it (matplotlib) is timed apart.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from docxtpl import DocxTemplate, InlineImage

from workbench.demo import demo_dossiers, large_dossier
from workbench.documents import generate as documents
from workbench.documents.builder import IMAGE_WIDTH
from workbench.dossier.model import Dossier

TARGET_RATIO = 1.5


def timed(step: Callable[[], Any]) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def bare(template: bytes, ctx: dict[str, Any], png: bytes) -> bytes:
    tpl = DocxTemplate(io.BytesIO(template))
    values = dict(ctx, network_picture=InlineImage(tpl, io.BytesIO(png), width=IMAGE_WIDTH))
    tpl.render(values, autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def measure(name: str, dossier: Dossier, kind: documents.DocumentKind, repeat: int) -> dict[str, Any]:
    png_seconds = timed(lambda: documents.network_picture(dossier, "nl"))
    png = documents.network_picture(dossier, "nl")
    findings = documents.gap_findings(dossier, "nl")
    make = documents.agreement if kind == "agreement" else documents.strategy
    template = documents.template_bytes(kind, "nl")
    ctx = documents.context(dossier, "nl", findings=findings)
    make(dossier, "nl", network_png=png, findings=findings)  # warm caches (Babel, templates)
    ours, floor = [], []
    for _ in range(repeat):
        ours.append(timed(lambda: make(dossier, "nl", network_png=png, findings=findings)))
        floor.append(timed(lambda: bare(template, ctx, png)))
    ours_ms = statistics.median(ours) * 1000
    bare_ms = statistics.median(floor) * 1000
    return {
        "dossier": name,
        "document": kind,
        "partners": len(dossier.partners),
        "ours_ms": round(ours_ms, 1),
        "bare_ms": round(bare_ms, 1),
        "ratio": round(ours_ms / bare_ms, 2),
        "context_ms": round(
            statistics.median(timed(lambda: documents.context(dossier, "nl")) for _ in range(repeat)) * 1000,
            1,
        ),
        "picture_ms": round(png_seconds * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partners", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="Print one JSON object (for bench/run.py).")
    args = parser.parse_args()

    largest = max(demo_dossiers(), key=lambda d: (len(d.partners), len(d.roles) + len(d.flows)))
    cases = [
        (largest.identity.name, largest),
        (f"large_dossier({args.partners})", large_dossier(args.partners)),
    ]
    results = [
        measure(name, dossier, kind, args.repeat)
        for name, dossier in cases
        for kind in ("agreement", "strategy")
    ]
    worst = max(r["ratio"] for r in results)
    if args.json:  # one object on the last line, for bench/run.py
        figures: dict[str, Any] = {
            f"{r['document']} {r['dossier']}": {
                k: r[k] for k in ("ours_ms", "bare_ms", "ratio", "picture_ms")
            }
            for r in results
        }
        print(json.dumps({**figures, "worst_ratio": worst, "target_ratio": TARGET_RATIO}))
        return
    columns = ("partners", "ours ms", "bare ms", "ratio", "context ms", "picture ms")
    print(f"{'dossier':34} {'document':10} " + " ".join(f"{c:>11}" for c in columns))
    for r in results:
        values = (r["partners"], r["ours_ms"], r["bare_ms"], r["ratio"], r["context_ms"], r["picture_ms"])
        print(f"{r['dossier']:34} {r['document']:10} " + " ".join(f"{v:>11}" for v in values))
    print(f"worst ratio {worst} (target < {TARGET_RATIO}): {'met' if worst < TARGET_RATIO else 'NOT met'}")


if __name__ == "__main__":
    main()
