"""The partnership as a network: dossier -> networkx graph, and the rules the analysis reads.

Pure functions only: `build()` turns a dossier into a graph. What is missing is found in
analysis.py, told in plain words in words.py; html.py and picture.py draw it.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from enum import StrEnum
from functools import cache
from pathlib import Path

import networkx as nx
from pydantic import BaseModel, ConfigDict

from workbench.dossier.calls import call_profile
from workbench.dossier.model import CallKind, Dossier

_DATA_DIR = Path(__file__).parents[1] / "data"


class NodeKind(StrEnum):
    PARTNER = "partner"
    ACCESS_POINT = "access_point"
    TARGET_GROUP = "target_group"
    UNKNOWN = "unknown"  # the missing end of a draft flow


class EdgeKind(StrEnum):
    FLOW = "flow"
    HOSTS = "hosts"  # partner -> digipunt it hosts
    REACHES = "reaches"  # toeleider -> target group, through an outreach channel


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


class GapRules(BaseModel):
    """What the analysis expects of a partnership, read from data/graph.toml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

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
