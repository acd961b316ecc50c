"""Progress on the guided path: what is missing per step, what an assessor would remark, step states.

The rules are data (data/completeness.toml): each names a check function below, the step where
the user fixes it, and whether it is a required item ("missing") or an assessor hint ("hint").
The call profile decides which rules apply. Cross-field rule problems from validation.py (budget
over the cap, period outside the call) join as findings of severity "error".
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, NamedTuple, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from workbench.calls import CallProfile, call_profile
from workbench.i18n import fmt_date, fmt_money, has, t
from workbench.model import (
    ROLE_CATALOGUE,
    SECTION_KEYS,
    SECTION_MODELS,
    CallKind,
    Dossier,
    GdprRole,
    Governance,
    Objective,
    OrgType,
    Partner,
    Planning,
    VatStatus,
)
from workbench.steps import STEP_KEYS
from workbench.validation import Problem, rule_problems

RULES_FILE = Path(__file__).parent / "data" / "completeness.toml"
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


# ---------------------------------------------------------------- checks


class Hit(NamedTuple):
    subject: str | None
    params: dict[str, Any]


class Outcome(NamedTuple):
    checked: int  # how many items the rule looked at: the denominator of the completeness share
    hits: list[Hit]


@dataclass(frozen=True)
class Context:
    dossier: Dossier
    profile: CallProfile
    step: str
    options: Mapping[str, Any]


Check = Callable[[Context], Outcome]
_checks: dict[str, Check] = {}
CHECKS: Mapping[str, Check] = MappingProxyType(_checks)
T = TypeVar("T")


def _check(name: str) -> Callable[[Check], Check]:
    def register(function: Check) -> Check:
        _checks[name] = function
        return function

    return register


def _present(ok: object, **params: Any) -> Outcome:
    """One required item: there or not."""
    return Outcome(1, [] if ok else [Hit(None, params)])


def _each(items: Iterable[T], failing: Callable[[T], bool], describe: Callable[[T], Hit]) -> Outcome:
    """One required item per list entry."""
    listed = list(items)
    return Outcome(len(listed), [describe(item) for item in listed if failing(item)])


def _partners_in_scope(ctx: Context) -> list[Partner]:
    scope = ctx.options.get("scope", "all")
    if scope not in ("all", "funded"):
        raise ValueError(f"unknown partner scope {scope!r}")
    return [p for p in ctx.dossier.partners if scope == "all" or p.funded]


def _about_partner(p: Partner) -> Hit:
    return Hit(p.id, {"partner": p.name})


def _role_name(dossier: Dossier, key: str) -> str:
    """Return a catalogue role key (translated later) or the dossier's own label of a custom role."""
    if key in ROLE_CATALOGUE:
        return key
    return next((c.label for c in dossier.custom_roles if c.key == key), key)


@_check("werkingsgebied")
def _werkingsgebied(ctx: Context) -> Outcome:
    return _present(ctx.dossier.identity.werkingsgebied)


@_check("period")
def _period(ctx: Context) -> Outcome:
    period = ctx.dossier.identity.period
    return _present(period.start and period.end)


@_check("partners")
def _partners(ctx: Context) -> Outcome:
    return _present(ctx.dossier.partners)


@_check("partner_enterprise_number")
def _partner_enterprise_number(ctx: Context) -> Outcome:
    return _each(_partners_in_scope(ctx), lambda p: not p.enterprise_number, _about_partner)


@_check("partner_representative")
def _partner_representative(ctx: Context) -> Outcome:
    return _each(_partners_in_scope(ctx), lambda p: not p.representative.name, _about_partner)


@_check("partner_mandate")
def _partner_mandate(ctx: Context) -> Outcome:
    def lacking(p: Partner) -> bool:
        mandate = p.representative.mandate
        return not mandate.body or mandate.decision_date is None

    return _each(_partners_in_scope(ctx), lacking, _about_partner)


@_check("partner_vat_status")
def _partner_vat_status(ctx: Context) -> Outcome:
    return _each(_partners_in_scope(ctx), lambda p: p.vat_status is VatStatus.ONBEKEND, _about_partner)


@_check("promotor")
def _promotor(ctx: Context) -> Outcome:
    return _present(ctx.dossier.partners_with_role("promotor"))


@_check("partner_role")
def _partner_role(ctx: Context) -> Outcome:
    holders = {r.partner_id for r in ctx.dossier.roles}
    return _each(ctx.dossier.partners, lambda p: p.id not in holders, _about_partner)


@_check("objectives_served")
def _objectives_served(ctx: Context) -> Outcome:
    ignored = set(ctx.options.get("ignore_roles", ()))
    served = {o for r in ctx.dossier.roles if r.role not in ignored for o in r.objectives}
    return _each(Objective, lambda o: o not in served, lambda o: Hit(o.value, {"objective": o.value}))


@_check("key_roles")
def _key_roles(ctx: Context) -> Outcome:
    held = {r.role for r in ctx.dossier.roles}
    return _each(ctx.profile.key_roles, lambda k: k not in held, lambda k: Hit(k, {"role": k}))


@_check("access_points")
def _access_points(ctx: Context) -> Outcome:
    return _present(ctx.dossier.access_points)


@_check("access_point_host")
def _access_point_host(ctx: Context) -> Outcome:
    return _each(
        ctx.dossier.access_points,
        lambda a: a.host_partner_id is None,
        lambda a: Hit(a.id, {"digipunt": a.name}),
    )


@_check("access_point_opening_hours")
def _access_point_opening_hours(ctx: Context) -> Outcome:
    return _each(
        ctx.dossier.access_points, lambda a: not a.opening_hours, lambda a: Hit(a.id, {"digipunt": a.name})
    )


@_check("stuurgroep_members")
def _stuurgroep_members(ctx: Context) -> Outcome:
    return _present(ctx.dossier.governance.stuurgroep.member_partner_ids)


@_check("stuurgroep_chair")
def _stuurgroep_chair(ctx: Context) -> Outcome:
    return _present(ctx.dossier.governance.stuurgroep.chair_partner_id)


@_check("stuurgroep_decision_rule")
def _stuurgroep_decision_rule(ctx: Context) -> Outcome:
    return _present(ctx.dossier.governance.stuurgroep.decision_rule)


def _narrative(ctx: Context) -> str:
    if ctx.step not in SECTION_KEYS:
        raise ValueError(f"{ctx.step} is not a strategy section")
    return str(getattr(ctx.dossier.strategy, ctx.step).narrative).strip()


@_check("narrative_present")
def _narrative_present(ctx: Context) -> Outcome:
    return _present(_narrative(ctx), section=ctx.step)


@_check("narrative_length")
def _narrative_length(ctx: Context) -> Outcome:
    length, least = len(_narrative(ctx)), int(ctx.options["min_chars"])
    # An empty text is reported as missing; this rule only remarks on a text that is too thin.
    return _present(length == 0 or length >= least, section=ctx.step, length=length, min=least)


@_check("target_groups")
def _target_groups(ctx: Context) -> Outcome:
    least = ctx.profile.min_target_groups
    if least == 0:
        return Outcome(0, [])
    count = len(ctx.dossier.strategy.doelgroep.target_groups)
    return _present(count >= least, count=count, min=least)


@_check("target_group_numbers")
def _target_group_numbers(ctx: Context) -> Outcome:
    return _each(
        ctx.dossier.strategy.doelgroep.target_groups,
        lambda g: not g.estimated_number,
        lambda g: Hit(g.id, {"group": g.name}),
    )


@_check("outreach_channels")
def _outreach_channels(ctx: Context) -> Outcome:
    return _present(ctx.dossier.strategy.outreach.channels)


@_check("outreach_toeleider")
def _outreach_toeleider(ctx: Context) -> Outcome:
    channels = ctx.dossier.strategy.outreach.channels
    if not channels:
        return Outcome(0, [])  # the missing channels are reported already
    return _present(any(c.toeleider_partner_ids for c in channels))


@_check("social_economy_activities")
def _social_economy_activities(ctx: Context) -> Outcome:
    return _present(ctx.dossier.strategy.sociale_economie.activities)


@_check("social_economy_partner")
def _social_economy_partner(ctx: Context) -> Outcome:
    if not ctx.dossier.partners:
        return Outcome(0, [])
    return _present(any(p.org_type is OrgType.SOCIALE_ECONOMIE for p in ctx.dossier.partners))


@_check("circularity_responsible")
def _circularity_responsible(ctx: Context) -> Outcome:
    return _present(ctx.dossier.strategy.circulariteit.responsible_partner_id)


@_check("circularity_devices")
def _circularity_devices(ctx: Context) -> Outcome:
    return _present(ctx.dossier.strategy.circulariteit.devices)


@_check("circularity_device_counts")
def _circularity_device_counts(ctx: Context) -> Outcome:
    return _each(
        ctx.dossier.strategy.circulariteit.devices,
        lambda line: not (line.collected or line.refurbished or line.lent),
        lambda line: Hit(line.id, {"device": line.device_type}),
    )


@_check("financing_after_subsidy")
def _financing_after_subsidy(ctx: Context) -> Outcome:
    return _present(ctx.dossier.strategy.duurzaamheid.financing_after_subsidy)


@_check("scaling_steps")
def _scaling_steps(ctx: Context) -> Outcome:
    return _present(ctx.dossier.strategy.duurzaamheid.scaling_steps)


@_check("connectivity_measures")
def _connectivity_measures(ctx: Context) -> Outcome:
    return _present(ctx.dossier.strategy.connectiviteit.measures)


@_check("connectivity_partner")
def _connectivity_partner(ctx: Context) -> Outcome:
    return _each(
        ctx.dossier.strategy.connectiviteit.measures,
        lambda m: m.partner_id is None,
        lambda m: Hit(m.id, {"measure": m.description}),
    )


@_check("indicators")
def _indicators(ctx: Context) -> Outcome:
    return _present(ctx.dossier.strategy.impactmeting.indicators)


def _indicator_check(failing: Callable[[Any], bool]) -> Check:
    def check(ctx: Context) -> Outcome:
        return _each(
            ctx.dossier.strategy.impactmeting.indicators, failing, lambda i: Hit(i.id, {"indicator": i.name})
        )

    return check


_check("indicator_baseline")(_indicator_check(lambda i: i.baseline is None))
_check("indicator_target")(_indicator_check(lambda i: i.target is None))
_check("indicator_owner")(_indicator_check(lambda i: i.owner_partner_id is None))
_check("indicator_source")(_indicator_check(lambda i: not i.source))


@_check("processing_activities")
def _processing_activities(ctx: Context) -> Outcome:
    return _present(ctx.dossier.processing)


@_check("processing_controller")
def _processing_controller(ctx: Context) -> Outcome:
    responsible = {GdprRole.CONTROLLER, GdprRole.JOINT_CONTROLLER}
    return _each(
        ctx.dossier.processing,
        lambda p: not any(r.role in responsible for r in p.roles),
        lambda p: Hit(p.id, {"activity": p.name}),
    )


@_check("budget_amounts")
def _budget_amounts(ctx: Context) -> Outcome:
    return _present(ctx.dossier.budget_total() > 0)


@_check("budget_of_unfunded_partner")
def _budget_of_unfunded_partner(ctx: Context) -> Outcome:
    dossier = ctx.dossier
    budgeted = [r for r in dossier.roles if r.budget.total > 0]

    def unfunded(role: Any) -> bool:
        partner = dossier.partner(role.partner_id)
        return partner is not None and not partner.funded

    def describe(role: Any) -> Hit:
        partner = dossier.partner(role.partner_id)
        name = partner.name if partner else role.partner_id
        return Hit(
            role.id, {"partner": name, "role": _role_name(dossier, role.role), "amount": role.budget.total}
        )

    return _each(budgeted, unfunded, describe)


@_check("funded_partner_budget")
def _funded_partner_budget(ctx: Context) -> Outcome:
    budgeted = {r.partner_id for r in ctx.dossier.roles if r.budget.total > 0}
    funded = [p for p in ctx.dossier.partners if p.funded]
    return _each(funded, lambda p: p.id not in budgeted, _about_partner)


@_check("milestones")
def _milestones(ctx: Context) -> Outcome:
    return _present(ctx.dossier.planning.milestones)


@_check("milestone_due")
def _milestone_due(ctx: Context) -> Outcome:
    return _each(
        ctx.dossier.planning.milestones, lambda m: m.due is None, lambda m: Hit(m.id, {"milestone": m.title})
    )


@_check("planning_narrative")
def _planning_narrative(ctx: Context) -> Outcome:
    return _present(ctx.dossier.planning.narrative.strip())


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


def assess(
    dossier: Dossier, profile: CallProfile | None = None, rule_set: tuple[Rule, ...] | None = None
) -> Progress:
    """Run every applicable rule once and derive step states and completeness from the findings."""
    profile = profile or call_profile(dossier.identity.call)
    found: list[Finding] = []
    done: dict[str, int] = dict.fromkeys(STEP_KEYS, 0)
    required: dict[str, int] = dict.fromkeys(STEP_KEYS, 0)
    for rule in rule_set if rule_set is not None else rules():
        for step in rule.steps:
            if not rule.applies(profile, step):
                continue
            outcome = CHECKS[rule.check](Context(dossier, profile, step, rule.options))
            if rule.kind == "missing":
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
    shares = {step: _share(done[step], required[step]) for step in STEP_KEYS if step != OVERVIEW_STEP}
    shares[OVERVIEW_STEP] = _share(sum(done.values()), sum(required.values()))
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
