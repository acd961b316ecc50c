"""Cross-field rules of a lawful agreement: legal personality, VAT of public bodies, funding, takeovers."""

from __future__ import annotations

from workbench.dossier import funding, gdpr
from workbench.dossier.model import Dossier, FlowType, GdprRole, VatStatus
from workbench.dossier.problems import Problem
from workbench.dossier.signatories import legal_form

# Roles and tasks a body without legal personality cannot hold on its own.
_NEEDS_PERSONALITY = ("promotor", "uitleendienst")


def problems(dossier: Dossier) -> list[Problem]:
    """Return the problems of the rules above, warnings unless the call forbids something."""
    found: list[Problem] = []
    found += _categories(dossier)
    found += _personality(dossier)
    found += _vat(dossier)
    found += _subsidy_flows(dossier)
    found += _streams(dossier)
    found += _takeovers(dossier)
    found += gdpr.problems(dossier)
    return found


def _categories(dossier: Dossier) -> list[Problem]:
    return [
        Problem(
            code="rule.cost_category_not_allowed",
            loc=("roles", i, "budget", category),
            params={"category": category, "call": dossier.identity.call.value},
            names={1: dossier.roles[i].role},
        )
        for i, category in funding.disallowed_categories(dossier)
    ]


def _personality(dossier: Dossier) -> list[Problem]:
    found: list[Problem] = []
    owner = dossier.strategy.circulariteit.responsible_partner_id
    controllers = {
        pr.partner_id for act in dossier.processing for pr in act.roles if pr.role is not GdprRole.PROCESSOR
    }
    for i, p in enumerate(dossier.partners):
        names = {1: p.name}
        form = legal_form(p)
        if p.legal_personality and not form.legal_personality:
            found.append(
                Problem(
                    code="rule.form_has_no_personality",
                    severity="warning",
                    loc=("partners", i, "legal_personality"),
                    params={"partner": p.name, "basis": form.basis},
                    names=names,
                )
            )
        if p.legal_personality:
            continue
        via = dossier.partner(p.acts_via_partner_id)
        if via is None:
            found.append(
                Problem(
                    code="rule.acts_via_missing",
                    severity="warning",
                    loc=("partners", i, "acts_via_partner_id"),
                    params={"partner": p.name},
                    names=names,
                )
            )
            continue
        if via.id == p.id or not via.legal_personality:
            found.append(
                Problem(
                    code="rule.acts_via_invalid",
                    loc=("partners", i, "acts_via_partner_id"),
                    params={"partner": p.name, "via": via.name},
                    names=names,
                )
            )
            continue
        held = [r for r in dossier.held_roles(p.id) if r in _NEEDS_PERSONALITY]
        if owner == p.id:
            held.append("device_owner")
        if p.id in controllers:
            held.append("controller")
        for what in held:
            found.append(
                Problem(
                    code=f"rule.named_through_{what}",
                    severity="warning",
                    loc=("partners", i),
                    params={"partner": p.name, "via": via.name},
                    names=names,
                )
            )
    return found


def _vat(dossier: Dossier) -> list[Problem]:
    return [
        Problem(
            code="rule.public_body_vat",
            severity="warning",
            loc=("partners", i, "vat_status"),
            params={"partner": p.name},
            names={1: p.name},
        )
        for i, p in enumerate(dossier.partners)
        if p.vat_status is VatStatus.VRIJGESTELD and legal_form(p).public_body
    ]


def _subsidy_flows(dossier: Dossier) -> list[Problem]:
    budgeted = {r.partner_id for r in dossier.roles if r.budget.total}
    partners = {p.id: p for p in dossier.partners}  # a city network has hundreds of flows
    found = []
    for i, f in enumerate(dossier.flows):
        target = partners.get(f.target_partner_id or "")
        if f.type is FlowType.SUBSIDY and target is not None and target.id not in budgeted:
            found.append(
                Problem(
                    code="rule.subsidy_without_budget",
                    severity="warning",
                    loc=("flows", i),
                    params={"partner": target.name},
                )
            )
    return found


def _streams(dossier: Dossier) -> list[Problem]:
    found = []
    for i, s in enumerate(dossier.funding_streams):
        planned = sum(
            (line.budget.total for line in dossier.funding_lines if line.stream_id == s.id), start=0
        )
        if s.amount is not None and planned != s.amount:
            found.append(
                Problem(
                    code="rule.stream_amount_differs",
                    severity="warning",
                    loc=("funding_streams", i, "amount"),
                    params={"stream": s.name, "amount": s.amount, "planned": planned},
                    names={1: s.name},
                )
            )
    return found


def _takeovers(dossier: Dossier) -> list[Problem]:
    found = []
    partners = {p.id: p for p in dossier.partners}
    for i, r in enumerate(dossier.roles):
        if not r.takes_over_from_partner_id:
            continue
        before = partners.get(r.takes_over_from_partner_id)
        who = partners.get(r.partner_id)
        names = {"partner": who.name if who else r.partner_id, "from": before.name if before else ""}
        if r.start is None:
            found.append(
                Problem(
                    code="rule.takeover_without_date",
                    severity="warning",
                    loc=("roles", i, "start"),
                    params=names,
                )
            )
            continue
        ended = [
            o for o in dossier.roles if o.partner_id == r.takes_over_from_partner_id and o.role == r.role
        ]
        if not ended or any(o.end is None or o.end >= r.start for o in ended):
            found.append(
                Problem(
                    code="rule.takeover_overlap",
                    severity="warning",
                    loc=("roles", i, "takes_over_from_partner_id"),
                    params={**names, "start": r.start},
                )
            )
    return found
