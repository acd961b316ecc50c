"""The analysis of the network: coverage of objectives and key roles, loose ends, drop-outs, area.

Pure functions only: `analyse()` finds what is missing, `dropout()` answers "what if this partner
leaves". The findings are data (findings.py); words.py tells them in plain words.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from workbench.dossier.model import Dossier, Objective, OrgType
from workbench.network.findings import (
    Analysis,
    Centrality,
    Coverage,
    DropoutImpact,
    Finding,
    ParamValue,
    Phrase,
    Severity,
    Status,
    Term,
)
from workbench.network.graph import build, gap_rules, key_roles, partner_network


@dataclass
class _Facts:
    """Indexes over one dossier, computed once and shared by every analysis step."""

    dossier: Dossier
    network: nx.Graph
    order: dict[str, int]
    names: dict[str, str]
    roles_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    role_holders: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    objective_holders: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    hosted: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    indicators_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    flows_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    municipalities: dict[str, list[str]] = field(default_factory=dict)
    articulation: set[str] = field(default_factory=set)

    @classmethod
    def collect(cls, dossier: Dossier, graph: nx.MultiDiGraph) -> _Facts:
        facts = cls(
            dossier=dossier,
            network=partner_network(graph),
            order={p.id: i for i, p in enumerate(dossier.partners)},
            names={p.id: p.name for p in dossier.partners},
        )
        holder_sets: dict[str, set[str]] = defaultdict(set)
        objective_sets: dict[str, set[str]] = defaultdict(set)
        for r in dossier.roles:
            if r.partner_id not in holder_sets[r.role]:
                facts.roles_of[r.partner_id].append(r.role)
            holder_sets[r.role].add(r.partner_id)
            for objective in r.objectives:
                objective_sets[objective.value].add(r.partner_id)
        for host in dossier.hosts():
            if host.id not in holder_sets["digipunt_host"]:
                facts.roles_of[host.id].append("digipunt_host")
            holder_sets["digipunt_host"].add(host.id)
        for role, holders in holder_sets.items():
            facts.role_holders[role] = sorted(holders, key=facts.order.__getitem__)
        for key, holders in objective_sets.items():
            facts.objective_holders[key] = sorted(holders, key=facts.order.__getitem__)
        for point in dossier.access_points:
            if point.host_partner_id is not None:
                facts.hosted[point.host_partner_id].append(point.id)
        for indicator in dossier.strategy.impactmeting.indicators:
            if indicator.owner_partner_id is not None:
                facts.indicators_of[indicator.owner_partner_id].append(indicator.id)
        for flow in dossier.flows:
            for partner_id in {flow.source_partner_id, flow.target_partner_id} - {None}:
                facts.flows_of[str(partner_id)].append(flow.id)
        by_name: dict[str, list[str]] = defaultdict(list)
        for point in dossier.access_points:
            by_name[_municipality_key(point.municipality)].append(point.id)
        for municipality in dossier.identity.werkingsgebied:
            facts.municipalities[municipality] = by_name.get(_municipality_key(municipality), [])
        facts.articulation = set(nx.articulation_points(facts.network))
        return facts


def _municipality_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _coverage(facts: _Facts) -> list[Coverage]:
    rules = gap_rules()
    found: list[Coverage] = []

    def add(
        kind: Any, key: str, holders: list[str], suggestions: Iterable[str], single: bool = False
    ) -> None:
        status: Status = (
            "missing" if not holders else "thin" if len(holders) == 1 and not single else "covered"
        )
        found.append(
            Coverage(
                kind=kind,
                key=key,
                status=status,
                partner_ids=tuple(holders),
                suggestions=_unique(suggestions),
                single_holder=single,
            )
        )

    for objective in Objective:
        add(
            "objective",
            objective.value,
            facts.objective_holders.get(objective.value, []),
            rules.suggest_objectives.get(objective.value, ()),
        )
    call_roles = key_roles(facts.dossier.identity.call)
    done: set[str] = set()
    for role in call_roles:
        if role in done:
            continue
        group = next((g for g in rules.role_alternatives if role in g), (role,))
        done.update(group)
        holders = {p for r in group for p in facts.role_holders.get(r, [])}
        single = len(group) == 1 and role in rules.single_holder_roles
        add(
            "role",
            "|".join(group),
            sorted(holders, key=facts.order.__getitem__),
            (s for r in group for s in rules.suggest_roles.get(r, ())),
            single,
        )
    for org_type in rules.required_org_types:
        members = [p.id for p in facts.dossier.partners if p.org_type.value == org_type]
        add("org_type", org_type, members, rules.suggest_org_types.get(org_type, ()))
    return found


def _cut_off(facts: _Facts, partner_id: str) -> tuple[str, ...]:
    """Return the partners that lose every link to the core of the network without this partner."""
    if partner_id not in facts.articulation:
        return ()
    component = nx.node_connected_component(facts.network, partner_id) - {partner_id}
    parts = list(nx.connected_components(facts.network.subgraph(component)))
    promotors = set(facts.role_holders.get("promotor", [])) - {partner_id}
    core = next((c for c in parts if c & promotors), None)
    if core is None:  # no promotor left in reach: the biggest remaining piece is the core
        core = max(parts, key=lambda c: (len(c), -min(facts.order[n] for n in c)))
    return tuple(sorted(component - core, key=facts.order.__getitem__))


def _seat(facts: _Facts, partner_id: str) -> str:
    """Return the municipality a local government or OCMW stands for: it leaves with its partner."""
    partner = facts.dossier.partner(partner_id)
    if partner is None or partner.org_type not in (OrgType.LOKAAL_BESTUUR, OrgType.OCMW):
        return ""
    return _municipality_key(partner.address.municipality)


def _dropout(facts: _Facts, coverage: list[Coverage], partner_id: str) -> DropoutImpact:
    alone = (partner_id,)
    hosted = set(facts.hosted.get(partner_id, []))
    impact = DropoutImpact(
        partner_id=partner_id,
        roles=tuple(facts.roles_of.get(partner_id, [])),
        roles_lost=tuple(
            r for r in facts.roles_of.get(partner_id, []) if facts.role_holders[r] == [partner_id]
        ),
        key_roles_lost=tuple(
            c.key for c in coverage if c.kind == "role" and not c.single_holder and c.partner_ids == alone
        ),
        org_types_lost=tuple(c.key for c in coverage if c.kind == "org_type" and c.partner_ids == alone),
        objectives_lost=tuple(c.key for c in coverage if c.kind == "objective" and c.partner_ids == alone),
        access_points=tuple(facts.hosted.get(partner_id, [])),
        municipalities_lost=tuple(
            m for m, points in facts.municipalities.items() if points and set(points) <= hosted
        ),
        indicators=tuple(facts.indicators_of.get(partner_id, [])),
        flows=tuple(facts.flows_of.get(partner_id, [])),
        cut_off_partners=_cut_off(facts, partner_id),
    )
    # Single-holder roles (the promotor) and a municipality's own digipunt are no gap: a
    # partnership has one promotor by design, and a municipality that leaves takes its area along.
    area_gaps = [m for m in impact.municipalities_lost if _municipality_key(m) != _seat(facts, partner_id)]
    critical = bool(
        impact.key_roles_lost
        or impact.org_types_lost
        or impact.objectives_lost
        or area_gaps
        or impact.cut_off_partners
    )
    return impact.model_copy(update={"critical": critical})


def dropout(dossier: Dossier, partner_id: str, graph: nx.MultiDiGraph | None = None) -> DropoutImpact:
    """Tell what the partnership loses if one partner drops out."""
    if dossier.partner(partner_id) is None:
        raise KeyError(partner_id)
    facts = _Facts.collect(dossier, build(dossier) if graph is None else graph)
    return _dropout(facts, _coverage(facts), partner_id)


def _coverage_findings(facts: _Facts, coverage: list[Coverage]) -> Iterable[Finding]:
    for c in coverage:
        if c.status == "covered":
            continue
        params: dict[str, ParamValue] = {"what": (c.term,)}
        if c.suggestions:
            params["suggestions"] = (Term(vocab="org_type", key="|".join(c.suggestions)),)
        if c.status == "thin":
            params["partner"] = facts.names[c.partner_ids[0]]
        yield Finding(
            code=f"{c.kind}_{c.status}",
            severity=Severity.ERROR if c.status == "missing" else Severity.WARNING,
            subjects=(c.key, *c.partner_ids),
            params=params,
        )


def _partner_findings(facts: _Facts) -> Iterable[Finding]:
    for partner in facts.dossier.partners:
        if not facts.roles_of.get(partner.id):
            yield Finding(
                code="partner_without_role",
                severity=Severity.WARNING,
                subjects=(partner.id,),
                params={"partner": partner.name},
            )
    if len(facts.dossier.partners) > 1:
        for partner in facts.dossier.partners:
            if facts.network.degree(partner.id) == 0:
                yield Finding(
                    code="isolated_partner",
                    severity=Severity.WARNING,
                    subjects=(partner.id,),
                    params={"partner": partner.name},
                )


def _flow_findings(facts: _Facts) -> Iterable[Finding]:
    for flow in facts.dossier.flows:
        source, target = flow.source_partner_id, flow.target_partner_id
        if source is not None and target is not None:
            continue
        variant = "both" if source is None and target is None else "source" if source is None else "target"
        params: dict[str, ParamValue] = {"flow": (Term(vocab="flow", key=flow.type.value),)}
        if source is not None:
            params["source"] = facts.names[source]
        if target is not None:
            params["target"] = facts.names[target]
        yield Finding(
            code="flow_dangling",
            severity=Severity.WARNING,
            variant=variant,
            subjects=tuple(s for s in (flow.id, source, target) if s),
            params=params,
        )


def _losses(facts: _Facts, impact: DropoutImpact) -> tuple[Phrase, ...]:
    phrases = [
        Phrase(key="graph.loss.role", params={"what": (Term(vocab="role", key=r),)})
        for r in impact.key_roles_lost
    ]
    phrases += [
        Phrase(key="graph.loss.org_type", params={"what": (Term(vocab="org_type", key=o),)})
        for o in impact.org_types_lost
    ]
    phrases += [
        Phrase(key="graph.loss.objective", params={"what": (Term(vocab="objective", key=o),)})
        for o in impact.objectives_lost
    ]
    if impact.municipalities_lost:
        phrases.append(
            Phrase(
                key="graph.loss.municipality",
                params={"what": tuple(Term(key=m) for m in impact.municipalities_lost)},
            )
        )
    if impact.cut_off_partners:
        phrases.append(
            Phrase(
                key="graph.loss.cut_off",
                params={"what": tuple(Term(key=facts.names[p]) for p in impact.cut_off_partners)},
            )
        )
    return tuple(phrases)


def _dropout_findings(facts: _Facts, dropouts: dict[str, DropoutImpact]) -> Iterable[Finding]:
    for partner_id, impact in dropouts.items():
        if impact.critical:
            yield Finding(
                code="single_point_of_failure",
                severity=Severity.WARNING,
                subjects=(partner_id, *impact.cut_off_partners),
                params={"partner": facts.names[partner_id], "losses": _losses(facts, impact)},
            )


def _municipality_findings(facts: _Facts) -> Iterable[Finding]:
    for municipality, points in facts.municipalities.items():
        if not points:
            yield Finding(
                code="municipality_without_digipunt",
                severity=Severity.WARNING,
                subjects=(municipality,),
                params={"municipality": municipality},
            )


_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def analyse(dossier: Dossier, graph: nx.MultiDiGraph | None = None) -> Analysis:
    """Find the gaps of a partnership: coverage, loose ends, single points of failure, area."""
    facts = _Facts.collect(dossier, build(dossier) if graph is None else graph)
    coverage = _coverage(facts)
    dropouts = {p.id: _dropout(facts, coverage, p.id) for p in dossier.partners}
    findings = [
        *_coverage_findings(facts, coverage),
        *_partner_findings(facts),
        *_flow_findings(facts),
        *_dropout_findings(facts, dropouts),
        *_municipality_findings(facts),
    ]
    findings.sort(key=lambda f: _SEVERITY_ORDER[f.severity])
    betweenness = nx.betweenness_centrality(facts.network) if len(facts.network) > 2 else {}
    return Analysis(
        call=dossier.identity.call,
        findings=tuple(findings),
        coverage=tuple(coverage),
        municipalities={m: tuple(points) for m, points in facts.municipalities.items()},
        centrality=tuple(
            Centrality(
                partner_id=p.id,
                degree=facts.network.degree(p.id),
                betweenness=round(betweenness.get(p.id, 0.0), 4),
                articulation=p.id in facts.articulation,
            )
            for p in dossier.partners
        ),
        articulation_points=tuple(p.id for p in dossier.partners if p.id in facts.articulation),
        dropouts=dropouts,
    )
