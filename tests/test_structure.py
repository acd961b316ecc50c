"""The package keeps the shape issue 12 gave it: no import cycle, short modules, few modules at the top.

import-linter checks the direction between layers; a cycle inside one layer (three ui modules
importing each other through function-level imports, as a merge once made) escapes it, so the
whole import graph is checked here, type-only and function-level imports counted.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _structure():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_structure", ROOT / "bench" / "structure.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_import_cycle_inside_the_package() -> None:
    structure = _structure()
    figures = structure.figures(loads=())
    assert figures["cycles"] == [] and figures["room_cycles"] == []


def test_no_module_over_400_lines_but_demo_data_and_at_most_12_at_the_top() -> None:
    figures = _structure().figures(loads=())
    assert figures["modules_over_400_lines"] == {}
    assert figures["modules_directly_in_workbench"] <= 12
