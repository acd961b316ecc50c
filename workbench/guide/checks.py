"""The checks behind the completeness rules: each looks at one thing of a dossier and names what is missing.

A check gets the dossier, its call profile, the step and the rule's options, and returns how many
items it looked at and which of them miss something. Rules in data/completeness.toml name them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, NamedTuple, TypeVar

from workbench.dossier.calls import CallProfile
from workbench.dossier.model import (
    ROLE_CATALOGUE,
    SECTION_KEYS,
    Dossier,
    GdprRole,
    Objective,
    OrgType,
    Partner,
    VatStatus,
)


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
