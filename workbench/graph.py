"""The partnership as a network: dossier -> networkx graph -> analysis of its gaps.

Pure functions only: `build()` turns a dossier into a graph, `analyse()` finds what is missing,
`dropout()` answers "what if this partner leaves". Renderers live in graph_render.py.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any, Literal

import networkx as nx
from pydantic import BaseModel, ConfigDict

from workbench.calls import call_profile
from workbench.i18n import DEFAULT_LANGUAGE, t
from workbench.model import ROLE_CATALOGUE, CallKind, Dossier, Objective, OrgType

_DATA_DIR = Path(__file__).parent / "data"


class NodeKind(StrEnum):
    PARTNER = "partner"
    ACCESS_POINT = "access_point"
    TARGET_GROUP = "target_group"
    UNKNOWN = "unknown"  # the missing end of a draft flow


class EdgeKind(StrEnum):
    FLOW = "flow"
    HOSTS = "hosts"  # partner -> digipunt it hosts
    REACHES = "reaches"  # toeleider -> target group, through an outreach channel


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


def partner_node(partner_id: str) -> str:
    """Return the graph node id of a partner."""
    return f"partner:{partner_id}"


def access_point_node(access_point_id: str) -> str:
    """Return the graph node id of a digipunt."""
    return f"digipunt:{access_point_id}"


def target_group_node(target_group_id: str) -> str:
    """Return the graph node id of a target group."""
    return f"doelgroep:{target_group_id}"


# ---------------------------------------------------------------- rules as data


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GapRules(_Frozen):
    """What the analysis expects of a partnership, read from data/graph.toml."""

    role_alternatives: tuple[tuple[str, ...], ...] = ()
    single_holder_roles: tuple[str, ...] = ()
    required_org_types: tuple[str, ...] = ()
    suggest_roles: dict[str, tuple[str, ...]] = {}
    suggest_objectives: dict[str, tuple[str, ...]] = {}
    suggest_org_types: dict[str, tuple[str, ...]] = {}


@cache
def gap_rules() -> GapRules:
    """Return the analysis rules from data/graph.toml."""
    raw = tomllib.loads((_DATA_DIR / "graph.toml").read_text(encoding="utf-8"))
    suggest = raw.pop("suggest", {})
    return GapRules(
        **raw,
        suggest_roles=suggest.get("roles", {}),
        suggest_objectives=suggest.get("objectives", {}),
        suggest_org_types=suggest.get("org_types", {}),
    )


def key_roles(call: CallKind | str) -> tuple[str, ...]:
    """Return the key roles the call profile expects the partnership to cover."""
    return call_profile(call).key_roles


# ---------------------------------------------------------------- the graph


def build(
    dossier: Dossier, *, include_access_points: bool = False, include_target_groups: bool = False
) -> nx.MultiDiGraph:
    """Turn a dossier into a directed multigraph of partners and their flows."""
    graph = nx.MultiDiGraph(name=dossier.identity.name)
    roles_of: dict[str, list[str]] = defaultdict(list)
    objectives_of: dict[str, list[str]] = defaultdict(list)
    for assignment in dossier.roles:
        if assignment.role not in roles_of[assignment.partner_id]:
            roles_of[assignment.partner_id].append(assignment.role)
        for objective in assignment.objectives:
            if objective.value not in objectives_of[assignment.partner_id]:
                objectives_of[assignment.partner_id].append(objective.value)
    for partner in dossier.partners:
        graph.add_node(
            partner_node(partner.id),
            kind=NodeKind.PARTNER.value,
            ref=partner.id,
            label=partner.name,
            org_type=partner.org_type.value,
            # Hosting a digipunt is that role, with or without a role assignment (one truth).
            roles=tuple(dossier.held_roles(partner.id)),
            objectives=tuple(objectives_of[partner.id]),
        )
    for flow in dossier.flows:
        ends = []
        for end, partner_id in (("source", flow.source_partner_id), ("target", flow.target_partner_id)):
            if partner_id is None:
                node = f"onbekend:{flow.id}:{end}"
                graph.add_node(node, kind=NodeKind.UNKNOWN.value, ref=flow.id, label="?")
                ends.append(node)
            else:
                ends.append(partner_node(partner_id))
        graph.add_edge(
            ends[0],
            ends[1],
            key=flow.id,
            kind=EdgeKind.FLOW.value,
            ref=flow.id,
            type=flow.type.value,
            description=flow.description,
        )
    if include_access_points:
        for point in dossier.access_points:
            node = access_point_node(point.id)
            graph.add_node(
                node,
                kind=NodeKind.ACCESS_POINT.value,
                ref=point.id,
                label=point.name,
                access_point_kind=point.kind.value,
                municipality=point.municipality,
                objectives=tuple(o.value for o in point.objectives),
            )
            if point.host_partner_id is not None:
                graph.add_edge(
                    partner_node(point.host_partner_id),
                    node,
                    key=f"hosts:{point.id}",
                    kind=EdgeKind.HOSTS.value,
                    ref=point.id,
                )
    if include_target_groups:
        for group in dossier.strategy.doelgroep.target_groups:
            graph.add_node(
                target_group_node(group.id),
                kind=NodeKind.TARGET_GROUP.value,
                ref=group.id,
                label=group.name,
                priority=group.priority,
            )
        for channel in dossier.strategy.outreach.channels:
            for partner_id in channel.toeleider_partner_ids:
                for group_id in channel.target_group_ids:
                    graph.add_edge(
                        partner_node(partner_id),
                        target_group_node(group_id),
                        key=f"reaches:{channel.id}:{partner_id}:{group_id}",
                        kind=EdgeKind.REACHES.value,
                        ref=channel.id,
                        description=channel.description,
                    )
    return graph


def partner_network(graph: nx.MultiDiGraph) -> nx.Graph:
    """Return the undirected simple graph of partners (by partner id) linked by flows."""
    network = nx.Graph()
    for _, data in graph.nodes(data=True):
        if data["kind"] == NodeKind.PARTNER:
            network.add_node(data["ref"])
    nodes = graph.nodes
    for source, target, data in graph.edges(data=True):
        if data["kind"] != EdgeKind.FLOW or source == target:
            continue
        if nodes[source]["kind"] == NodeKind.PARTNER and nodes[target]["kind"] == NodeKind.PARTNER:
            network.add_edge(nodes[source]["ref"], nodes[target]["ref"])
    return network


# ---------------------------------------------------------------- findings


class Term(_Frozen):
    """A word in a message: a catalogue entry (vocab "role", "objective", ...) or literal text.

    A role key may name alternatives separated by "|": they read "A of B" / "A or B".
    """

    vocab: str = ""
    key: str

    def label(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """Return the word in a language."""
        if not self.vocab:
            return self.key
        return join_words([t(f"{self.vocab}.{k}", lang) for k in self.key.split("|")], lang, "graph.or")


class Phrase(_Frozen):
    """A translated part of a sentence: a catalogue key and its parameters."""

    key: str
    params: dict[str, str | int | tuple[Term, ...]] = {}

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """Return the phrase in a language."""
        return t(self.key, lang, **{k: _render(v, lang) for k, v in self.params.items()})


ParamValue = str | int | tuple[Term, ...] | tuple[Phrase, ...]


def join_words(words: Sequence[str], lang: str = DEFAULT_LANGUAGE, conjunction: str = "graph.and") -> str:
    """Join words as people write a list: 'A, B en C' / 'A, B and C' (or 'A, B of C')."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {t(conjunction, lang)} {words[-1]}"


def _render(value: ParamValue, lang: str) -> str:
    if isinstance(value, str | int):
        return str(value)
    return join_words(
        [item.label(lang) if isinstance(item, Term) else item.render(lang) for item in value], lang
    )


class Finding(_Frozen):
    """One thing the analysis noticed, with the ids it is about; message() explains it."""

    code: str
    severity: Severity
    subjects: tuple[str, ...] = ()
    params: dict[str, ParamValue] = {}
    variant: str = ""

    @property
    def message_key(self) -> str:
        return f"graph.finding.{self.code}" + (f".{self.variant}" if self.variant else "")

    def values(self, lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
        """Return the finding's parameters as words in a language (for other phrasings of it)."""
        return {k: _render(v, lang) for k, v in self.params.items()}

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """Explain the finding in plain words in a language, with who could fill a gap."""
        values = self.values(lang)
        text = t(self.message_key, lang, **values)
        if values.get("suggestions"):
            text += " " + t("graph.finding.suggest", lang, suggestions=values["suggestions"])
        return text


Status = Literal["covered", "thin", "missing"]


class Coverage(_Frozen):
    """How well one objective, key role or organisation type is covered, and by whom."""

    kind: Literal["objective", "role", "org_type"]
    key: str  # objective or org type key; for roles the roles that count, joined by "|"
    status: Status
    partner_ids: tuple[str, ...]
    suggestions: tuple[str, ...] = ()  # org types that could fill a gap
    single_holder: bool = False

    @property
    def term(self) -> Term:
        return Term(vocab=self.kind, key=self.key)


class Centrality(_Frozen):
    """How central a partner is in the network of flows between partners."""

    partner_id: str
    degree: int
    betweenness: float
    articulation: bool


class DropoutImpact(_Frozen):
    """What the partnership loses if one partner drops out."""

    partner_id: str
    roles: tuple[str, ...] = ()  # every role the partner holds
    roles_lost: tuple[str, ...] = ()  # roles nobody else holds
    key_roles_lost: tuple[str, ...] = ()  # key-role requirements left uncovered (single-holder roles aside)
    org_types_lost: tuple[str, ...] = ()  # required organisation types left without a partner
    objectives_lost: tuple[str, ...] = ()
    access_points: tuple[str, ...] = ()  # digipunten it hosts
    municipalities_lost: tuple[str, ...] = ()  # werkingsgebied left without any digipunt
    indicators: tuple[str, ...] = ()  # indicators it owns
    flows: tuple[str, ...] = ()  # flows from or to it
    cut_off_partners: tuple[str, ...] = ()  # partners no longer linked to the rest

    critical: bool = False  # losing it opens a gap: see _dropout() for what counts


class Analysis(_Frozen):
    """Everything the analysis found: data for the graph view, the overview and the documents."""

    call: CallKind
    findings: tuple[Finding, ...]
    coverage: tuple[Coverage, ...]
    municipalities: dict[str, tuple[str, ...]]  # werkingsgebied municipality -> digipunt ids
    centrality: tuple[Centrality, ...]
    articulation_points: tuple[str, ...]
    dropouts: dict[str, DropoutImpact]

    def by_code(self, code: str) -> tuple[Finding, ...]:
        """Return the findings with one code."""
        return tuple(f for f in self.findings if f.code == code)

    def about(self, subject: str) -> tuple[Finding, ...]:
        """Return the findings about one partner, flow, objective, role or municipality."""
        return tuple(f for f in self.findings if subject in f.subjects)

    def count(self, severity: Severity | str) -> int:
        """Count the findings of one severity."""
        return sum(1 for f in self.findings if f.severity == severity)

    def coverage_of(self, kind: str, key: str) -> Coverage | None:
        """Return the coverage of one objective, role requirement or org type."""
        return next((c for c in self.coverage if c.kind == kind and c.key == key), None)


# ---------------------------------------------------------------- analysis


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


# ---------------------------------------------------------------- plain words for people


def role_label(dossier: Dossier, role: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """Return the label of a catalogue role or of one of the dossier's own roles."""
    if role in ROLE_CATALOGUE:
        return t(f"role.{role}", lang)
    return next((c.label for c in dossier.custom_roles if c.key == role), role)


def describe_dropout(dossier: Dossier, impact: DropoutImpact, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """Explain a drop-out in short lines, naming partners, digipunten and indicators."""
    names = {p.id: p.name for p in dossier.partners}
    points = {a.id: a.name for a in dossier.access_points}
    indicators = {i.id: i.name for i in dossier.strategy.impactmeting.indicators}
    words = lambda items: join_words(list(items), lang)  # noqa: E731
    lines = []
    if impact.roles_lost:
        lines.append(
            t(
                "graph.dropout.roles_lost",
                lang,
                roles=words(role_label(dossier, r, lang) for r in impact.roles_lost),
            )
        )
    if impact.org_types_lost:
        lines.append(
            t(
                "graph.dropout.org_types_lost",
                lang,
                what=words(t(f"org_type.{o}", lang) for o in impact.org_types_lost),
            )
        )
    if impact.objectives_lost:
        lines.append(
            t(
                "graph.dropout.objectives_lost",
                lang,
                what=words(t(f"objective.{o}", lang) for o in impact.objectives_lost),
            )
        )
    if impact.access_points:
        lines.append(
            t("graph.dropout.access_points", lang, what=words(points[a] for a in impact.access_points))
        )
    if impact.municipalities_lost:
        lines.append(t("graph.dropout.municipalities_lost", lang, what=words(impact.municipalities_lost)))
    if impact.indicators:
        lines.append(
            t("graph.dropout.indicators", lang, what=words(indicators[i] for i in impact.indicators))
        )
    if impact.flows:
        lines.append(t("graph.dropout.flows", lang, count=len(impact.flows)))
    if impact.cut_off_partners:
        lines.append(t("graph.dropout.cut_off", lang, what=words(names[p] for p in impact.cut_off_partners)))
    return lines or [t("graph.dropout.nothing", lang)]


def report(dossier: Dossier, analysis: Analysis, lang: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """Return the analysis as plain rows and words, for the overview page and the Word documents."""
    names = {p.id: p.name for p in dossier.partners}
    points = {a.id: a.name for a in dossier.access_points}
    centrality = {c.partner_id: c for c in analysis.centrality}
    key_partners = [
        p.id for p in dossier.partners if analysis.dropouts[p.id].critical or centrality[p.id].articulation
    ]
    key_partners.sort(key=lambda pid: -centrality[pid].betweenness)
    return {
        "counts": {s.value: analysis.count(s) for s in Severity},
        "findings": [
            {
                "code": f.code,
                "severity": f.severity.value,
                "severity_label": t(f"graph.severity.{f.severity.value}", lang),
                "message": f.message(lang),
                "subjects": list(f.subjects),
            }
            for f in analysis.findings
        ],
        "coverage": [
            {
                "kind": c.kind,
                "kind_label": t(f"graph.coverage.{c.kind}", lang),
                "key": c.key,
                "label": c.term.label(lang),
                "status": c.status,
                "status_label": t(f"graph.status.{c.status}", lang),
                "partners": [names[p] for p in c.partner_ids],
                "suggestions": [t(f"org_type.{s}", lang) for s in c.suggestions]
                if c.status != "covered"
                else [],
            }
            for c in analysis.coverage
        ],
        "municipalities": [
            {"name": m, "digipunten": [points[a] for a in found], "covered": bool(found)}
            for m, found in analysis.municipalities.items()
        ],
        "key_partners": [
            {
                "name": names[pid],
                "betweenness": centrality[pid].betweenness,
                "articulation": centrality[pid].articulation,
                "critical": analysis.dropouts[pid].critical,
                "dropout": describe_dropout(dossier, analysis.dropouts[pid], lang),
            }
            for pid in key_partners
        ],
    }
