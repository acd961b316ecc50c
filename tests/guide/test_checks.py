"""The checks behind the completeness rules (exercised rule by rule in test_progress.py)."""

from __future__ import annotations

from workbench.guide.checks import CHECKS
from workbench.guide.progress import rules


def test_every_check_is_used_by_a_rule() -> None:
    assert sorted(set(CHECKS) - {r.check for r in rules()}) == []


def test_every_rule_names_a_check() -> None:
    assert {r.check for r in rules()} <= set(CHECKS)
