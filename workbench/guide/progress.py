"""Progress on the guided path: what is missing per step, what an assessor would remark, step states.

The rules are data (data/completeness.toml): each names a check function (checks.py), the step where
the user fixes it, and whether it is a required item ("missing") or an assessor hint ("hint").
The call profile decides which rules apply. Cross-field rule problems from validation.py (budget
over the cap, period outside the call) join as findings of severity "error".
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from workbench.dossier.calls import CallProfile, call_profile
from workbench.dossier.model import (
    SECTION_KEYS,
    SECTION_MODELS,
    CallKind,
    Dossier,
    Governance,
    Planning,
)
from workbench.dossier.steps import STEP_KEYS
from workbench.dossier.validation import Problem, rule_problems
from workbench.guide.checks import CHECKS, Context
from workbench.i18n import fmt_date, fmt_money, has, t

RULES_FILE = Path(__file__).parents[1] / "data" / "completeness.toml"
OVERVIEW_STEP = "overzicht"

Severity = Literal["missing", "hint", "error"]
# Order within a step: what blocks first, then what is absent, then remarks.
SEVERITY_ORDER: tuple[Severity, ...] = ("error", "missing", "hint")


class StepState(StrEnum):
    EMPTY = "empty"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"
    NEEDS_ATTENTION = "needs_attention"


class Finding(BaseModel):
    """One open point of a dossier, tied to the step (and item) where the user can fix it."""

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity
    step: str
    subject: str | None = None  # id of the partner, digipunt, indicator, ... it is about
    params: dict[str, Any] = {}

    def message(self, lang: str) -> str:
        """Return the sentence for the user, naming partners and items by name."""
        key = self.code if self.code.startswith("rule.") else f"finding.{self.code}"
        return t(key, lang, **{k: _shown(k, v, lang) for k, v in self.params.items()})


# Parameters holding a vocabulary key are shown by their label in the user's language.
_LABELLED_PARAMS = {"objective": "objective", "role": "role", "section": "section"}


def _shown(name: str, value: Any, lang: str) -> Any:
    if name in _LABELLED_PARAMS:
        key = f"{_LABELLED_PARAMS[name]}.{value}"
        return t(key, lang) if has(key, lang) else value
    if isinstance(value, Decimal):
        return fmt_money(value, lang)
    if isinstance(value, date):
        return fmt_date(value, lang)
    return value


# ---------------------------------------------------------------- rules as data


class Rule(BaseModel):
    """One completeness rule or assessor hint, as written in data/completeness.toml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(pattern=r"^[a-z_]+\.[a-z_]+$")
    steps: tuple[str, ...] = Field(min_length=1)
    kind: Literal["missing", "hint"]
    check: str
    options: dict[str, Any] = {}
    calls: tuple[CallKind, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _one_step(cls, data: Any) -> Any:
        if isinstance(data, dict) and "step" in data:
            data = {k: v for k, v in data.items() if k != "step"} | {"steps": [data["step"]]}
        return data

    @field_validator("steps")
    @classmethod
    def _known_steps(cls, steps: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [s for s in steps if s not in STEP_KEYS or s == OVERVIEW_STEP]
        if unknown:
            raise ValueError(f"unknown steps {unknown}")
        return steps

    @field_validator("check")
    @classmethod
    def _known_check(cls, check: str) -> str:
        if check not in CHECKS:
            raise ValueError(f"unknown check {check!r}")
        return check

    def applies(self, profile: CallProfile, step: str) -> bool:
        """Tell whether this rule asks something of a dossier under this call, on this step."""
        if self.code in profile.skip_rules or (self.calls and profile.key not in self.calls):
            return False
        return step not in SECTION_KEYS or step in profile.required_sections


def load_rules(path: Path = RULES_FILE) -> tuple[Rule, ...]:
    """Read the rules from a TOML file."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    rules = tuple(Rule.model_validate(entry) for entry in raw.get("rule", []))
    codes = [r.code for r in rules]
    if len(set(codes)) != len(codes):
        raise ValueError(f"{path.name} repeats rule codes")
    return rules


@cache
def rules() -> tuple[Rule, ...]:
    """Return the rules of data/completeness.toml."""
    return load_rules()


# ---------------------------------------------------------------- the assessment


@dataclass(frozen=True)
class Progress:
    """Where a dossier stands: the state and completeness share of every step, and its findings."""

    states: dict[str, StepState]
    completeness: dict[str, float]
    findings: list[Finding]

    def findings_for(self, step: str) -> list[Finding]:
        """Return the findings of one step (every finding for the overview)."""
        return self.findings if step == OVERVIEW_STEP else [f for f in self.findings if f.step == step]

    def amended(self, extra: list[Finding], states: dict[str, StepState]) -> Progress:
        """Return this progress with findings added and step states replaced; the overview follows."""
        merged = {**self.states, **states}
        merged[OVERVIEW_STEP] = _overall_state([v for k, v in merged.items() if k != OVERVIEW_STEP])
        found = sorted(
            [*self.findings, *extra],
            key=lambda f: (STEP_KEYS.index(f.step), SEVERITY_ORDER.index(f.severity)),
        )
        return Progress(states=merged, completeness=self.completeness, findings=found)


def assess(
    dossier: Dossier, profile: CallProfile | None = None, rule_set: tuple[Rule, ...] | None = None
) -> Progress:
    """Run every applicable rule once and derive step states and completeness from the findings."""
    profile = profile or call_profile(dossier.identity.call)
    found: list[Finding] = []
    done: dict[str, int] = dict.fromkeys(STEP_KEYS, 0)
    required: dict[str, int] = dict.fromkeys(STEP_KEYS, 0)
    asked: set[str] = set()  # steps for which the call asks something (a "missing" rule applies)
    for rule in rule_set if rule_set is not None else rules():
        for step in rule.steps:
            if not rule.applies(profile, step):
                continue
            outcome = CHECKS[rule.check](Context(dossier, profile, step, rule.options))
            if rule.kind == "missing":
                asked.add(step)
                required[step] += outcome.checked
                done[step] += max(outcome.checked - len(outcome.hits), 0)
            found += [
                Finding(code=rule.code, severity=rule.kind, step=step, subject=h.subject, params=h.params)
                for h in outcome.hits
            ]
    found += [_from_problem(dossier, p) for p in rule_problems(dossier) if p.code not in _SUPERSEDED]
    found.sort(key=lambda f: (STEP_KEYS.index(f.step), SEVERITY_ORDER.index(f.severity)))

    states = {
        step: _state(_has_content(dossier, step), [f for f in found if f.step == step])
        for step in STEP_KEYS
        if step != OVERVIEW_STEP
    }
    states[OVERVIEW_STEP] = _overall_state(list(states.values()))
    # An empty step the call asks for is 0 % done, even when its rules only check items it does
    # not have yet ("every digipunt has an address" checks nothing without digipunten); the
    # overall share is the mean of the steps the call asks for, so it agrees with the step states:
    # five empty steps out of fourteen can never make 87 %.
    shares = {
        step: 0.0 if step in asked and states[step] is StepState.EMPTY else _share(done[step], required[step])
        for step in STEP_KEYS
        if step != OVERVIEW_STEP
    }
    counted = [shares[step] for step in shares if step in asked]
    shares[OVERVIEW_STEP] = sum(counted) / len(counted) if counted else 1.0
    return Progress(states=states, completeness=shares, findings=found)


def step_states(dossier: Dossier) -> dict[str, StepState]:
    """Return the state of every step of the guided path."""
    return assess(dossier).states


def findings(dossier: Dossier) -> list[Finding]:
    """Return every open point of the dossier, in step order: errors, missing items, hints."""
    return assess(dossier).findings


def completeness(dossier: Dossier) -> dict[str, float]:
    """Return the share (0..1) of required items present, per step; the overview's is the total."""
    return assess(dossier).completeness


def _share(done: int, required: int) -> float:
    return 1.0 if required == 0 else done / required


def _state(has_content: bool, step_findings: list[Finding]) -> StepState:
    severities = {f.severity for f in step_findings}
    if "error" in severities:
        return StepState.NEEDS_ATTENTION
    if not has_content:
        return StepState.EMPTY
    if "hint" in severities:
        return StepState.NEEDS_ATTENTION
    if "missing" in severities:
        return StepState.IN_PROGRESS
    return StepState.COMPLETE


def _overall_state(states: list[StepState]) -> StepState:
    if StepState.NEEDS_ATTENTION in states:
        return StepState.NEEDS_ATTENTION
    if all(s is StepState.COMPLETE for s in states):
        return StepState.COMPLETE
    if all(s is StepState.EMPTY for s in states):
        return StepState.EMPTY
    return StepState.IN_PROGRESS


def _has_content(dossier: Dossier, step: str) -> bool:
    """Tell whether anyone has entered something in this step yet."""
    if step in SECTION_KEYS:
        return bool(getattr(dossier.strategy, step) != SECTION_MODELS[step]())
    if step == "partnerschap":
        return True  # a dossier is created with its name and call
    if step == "partners":
        return bool(dossier.partners)
    if step == "rollen":
        return bool(dossier.roles or dossier.flows or dossier.custom_roles)
    if step == "digipunten":
        return bool(dossier.access_points)
    if step == "governance":
        return dossier.governance != Governance()
    if step == "gegevensbescherming":
        return bool(dossier.processing)
    if step == "budget":
        return dossier.planning != Planning() or dossier.budget_total() > 0
    raise ValueError(f"unknown step {step!r}")


# ---------------------------------------------------------------- rule problems as findings

# Covered by the rules above with a step to go to; shown once.
_SUPERSEDED = frozenset({"rule.promotor_missing", "rule.period_missing"})
_PROBLEM_STEPS = {"rule.promotor_multiple": "rollen", "rule.budget_over_cap": "budget"}
_LOC_STEPS = {
    "identity": "partnerschap",
    "partners": "partners",
    "roles": "rollen",
    "custom_roles": "rollen",
    "flows": "rollen",
    "access_points": "digipunten",
    "governance": "governance",
    "processing": "gegevensbescherming",
    "planning": "budget",
    "signatories": "partners",
    "funding_streams": "budget",
    "funding_lines": "budget",
    "trajectories": "partnerschap",
    "lending": "circulariteit",
}


def _from_problem(dossier: Dossier, problem: Problem) -> Finding:
    loc = problem.loc
    step = _PROBLEM_STEPS.get(problem.code) or (_LOC_STEPS.get(str(loc[0])) if loc else None)
    if step is None and len(loc) > 1 and loc[0] == "strategy":
        step = str(loc[1])
    subject = None
    if loc[:2] == ("planning", "milestones") and len(loc) > 2 and isinstance(loc[2], int):
        subject = dossier.planning.milestones[loc[2]].id
    return Finding(
        code=problem.code,
        severity="error" if problem.severity == "error" else "hint",
        step=step or "partnerschap",
        subject=subject,
        params=dict(problem.params),
    )
