"""Package shape: modules, import floors, import cycles and long modules of workbench/.

Reads every module with `ast` and counts every import inside the package, wherever it stands:
at the top, inside a function, or under `if TYPE_CHECKING:` (a type-only import still ties two
modules together for a reader and for mypy). A cycle is a strongly connected group of modules;
floors are the modules on the longest import chain once each cycle counts as one room. It also
counts how many workbench modules `import workbench.X` loads, for a few X. Prints figures only.

    python bench/structure.py [--json] [--cycles] [--loads MODULE ...]
"""

from __future__ import annotations

import argparse
import ast
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "workbench"
LONG = 400
# Demo data is data written as Python: long by nature, exempt from the module size rule.
DATA_MODULES = ("workbench.demo.",)
DEFAULT_LOADS = (
    "workbench.collab.workshop",
    "workbench.workshop",
    "workbench.dossier.model",
    "workbench.model",
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    """Return every module of the package by dotted name."""
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def resolve(name: str, known: dict[str, Path]) -> str | None:
    """Return the deepest known module that `name` is or lies in."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Return the package's modules that one module imports, type-only imports included."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            # `from a import b` imports the module a.b when there is one, else a name of a.
            targets = [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            if target.split(".")[0] != "workbench":
                continue
            hit = resolve(target, known)
            if hit and hit != name:
                found.add(hit)
    return found


def graph() -> nx.DiGraph:
    known = modules()
    g = nx.DiGraph()
    g.add_nodes_from(known)
    for name, path in known.items():
        for target in imports(name, path, known):
            g.add_edge(name, target)
    return g


def room(module: str) -> str:
    """Return the room a module lives in: its package directly under workbench/, or itself."""
    return ".".join(module.split(".")[:2])


def rooms(g: nx.DiGraph) -> nx.DiGraph:
    """Return the imports between rooms (a package counts as one room, a top module as one)."""
    r = nx.DiGraph()
    r.add_nodes_from({room(n) for n in g})
    r.add_edges_from((room(a), room(b)) for a, b in g.edges if room(a) != room(b))
    return r


def floors(g: nx.DiGraph) -> int:
    """Count the modules on the longest import chain, each cycle counting as one."""
    condensed = nx.condensation(g)
    return nx.dag_longest_path_length(condensed) + 1 if condensed.number_of_nodes() else 0


def loaded_by(module: str) -> int | None:
    """Count the workbench modules a fresh interpreter holds after importing one module."""
    code = f"import sys, {module}; print(sum(1 for m in sys.modules if m.split('.')[0] == 'workbench'))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return int(result.stdout.strip()) if result.returncode == 0 else None


def figures(loads: tuple[str, ...]) -> dict[str, object]:
    g = graph()
    cycles = [sorted(c) for c in nx.strongly_connected_components(g) if len(c) > 1]
    between = rooms(g)
    room_cycles = [sorted(c) for c in nx.strongly_connected_components(between) if len(c) > 1]
    lines = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in modules().items()}
    long = {n: c for n, c in sorted(lines.items(), key=lambda i: -i[1]) if c > LONG}
    top = [n for n in g if n.count(".") == 1 and not (PACKAGE / n.split(".")[1]).is_dir()]
    return {
        "modules": g.number_of_nodes(),
        "modules_directly_in_workbench": len(top),
        "import_edges": g.number_of_edges(),
        "import_floors": floors(g),
        "import_cycles": len(cycles),
        "simple_cycles": sum(1 for _ in nx.simple_cycles(g)),
        "modules_in_cycles": sum(len(c) for c in cycles),
        "cycles": cycles,
        "rooms": between.number_of_nodes(),
        "room_floors": floors(between),
        "room_cycles": room_cycles,
        "modules_over_400_lines": {n: c for n, c in long.items() if not n.startswith(DATA_MODULES)},
        "demo_data_over_400_lines": {n: c for n, c in long.items() if n.startswith(DATA_MODULES)},
        "workbench_modules_loaded_by": {m: loaded_by(m) for m in loads},
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--cycles", action="store_true", help="list the modules of every cycle")
    parser.add_argument("--loads", nargs="*", default=list(DEFAULT_LOADS))
    args = parser.parse_args()
    summary = figures(tuple(args.loads))
    if args.json:
        print(json.dumps(summary))
        return
    for key, value in summary.items():
        if key == "cycles" and not args.cycles:
            continue
        if isinstance(value, dict):
            print(f"{key}:")
            for k, v in value.items():
                print(f"    {k}: {v}")
        elif isinstance(value, list):
            print(f"{key}:")
            for item in value:
                print(f"    {' '.join(item)}")
        else:
            print(f"{key}: {value}")


if __name__ == "__main__":
    main()
