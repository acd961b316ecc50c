"""A fresh machine: every import is a declared dependency, every module imports, the start page runs.

`./check --install` (and so CI) runs this suite in a new virtual environment holding only what
pyproject.toml declares, installed with the pins of constraints.txt.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, packages_distributions, version
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import workbench

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
PAGE_FILES = {str(p.relative_to(ROOT)) for p in (ROOT / "workbench" / "ui").rglob("*_page.py")} | {
    str(p.relative_to(ROOT)) for p in (ROOT / "workbench" / "ui" / "steps").glob("*.py")
}


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _top_level_imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def _third_party(name: str) -> bool:
    return name not in sys.stdlib_module_names and name not in {"workbench", "streamlit_app", "__future__"}


def _app_sources() -> list[Path]:
    return [*sorted((ROOT / "workbench").rglob("*.py")), ROOT / "streamlit_app.py"]


def test_every_import_of_the_app_is_a_declared_runtime_dependency():
    declared = {_name(r) for r in PROJECT["dependencies"]}
    distributions = {k: {_name(d) for d in v} for k, v in packages_distributions().items()}
    undeclared = {}
    for path in _app_sources():
        for name in filter(_third_party, _top_level_imports(path)):
            provided_by = distributions.get(name, {name.replace("_", "-")})
            if not provided_by & declared:
                undeclared.setdefault(name, str(path.relative_to(ROOT)))
    assert undeclared == {}, f"imported but not in [project] dependencies: {undeclared}"


def test_the_check_finds_an_undeclared_import(tmp_path):
    # The check above must be able to fail: hypothesis is a test-only package.
    module = tmp_path / "m.py"
    module.write_text("import hypothesis\nfrom argon2 import PasswordHasher\n")
    names = set(filter(_third_party, _top_level_imports(module)))
    declared = {_name(r) for r in PROJECT["dependencies"]}
    distributions = {k: {_name(d) for d in v} for k, v in packages_distributions().items()}
    assert {n for n in names if not distributions.get(n, {n}) & declared} == {"hypothesis"}


def test_every_module_of_the_package_imports():
    failed = {}
    for info in pkgutil.walk_packages(workbench.__path__, "workbench."):
        relative = info.name.replace(".", "/") + ".py"
        if relative in PAGE_FILES:
            continue  # a page runs its widgets when imported: the AppTest runs cover those
        try:
            importlib.import_module(info.name)
        except Exception as exc:  # report every module that fails, not only the first
            failed[info.name] = f"{type(exc).__name__}: {exc}"
    assert failed == {}


def test_installed_versions_are_the_pinned_ones():
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, pinned = line.partition("==")
            pins[_name(name)] = pinned.strip()
    declared = {_name(r) for r in PROJECT["dependencies"]} | {
        _name(r) for r in PROJECT["optional-dependencies"]["test"]
    }
    assert declared <= set(pins), f"no pin in constraints.txt for {sorted(declared - set(pins))}"
    drift = {}
    for name, pinned in pins.items():
        try:
            installed = version(name)
        except PackageNotFoundError:
            continue  # pulled in on another platform or by an extra we do not install
        if installed != pinned:
            drift[name] = f"installed {installed}, pinned {pinned}"
    assert drift == {}, f"install with `pip install -c constraints.txt -e '.[test]'`: {drift}"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_start_page_runs_on_a_new_database(tmp_path, monkeypatch, lang):
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "fresh.db"))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception
    assert (tmp_path / "fresh.db").exists()
