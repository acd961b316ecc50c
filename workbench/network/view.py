"""What the network page shows, as plain data: tooltips, details per node and edge, drop-out views, legend."""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from workbench.dossier.model import Dossier, FlowType, Objective
from workbench.i18n import t
from workbench.network.findings import Analysis
from workbench.network.graph import EdgeKind, NodeKind, access_point_node, partner_node
from workbench.network.style import GREY, STABILISATION_STEPS, legend_entries, vis_colour
from workbench.network.words import describe_dropout, role_label


def _objective_labels(keys: tuple[str, ...] | list[Any], lang: str) -> list[str]:
    return [t(f"objective.{getattr(k, 'value', k)}", lang) for k in keys]


def _node_tooltip(dossier: Dossier, data: dict[str, Any], lang: str) -> str:
    kind = data["kind"]
    if kind == NodeKind.PARTNER:
        roles = [role_label(dossier, r, lang) for r in data["roles"]] or [t("graph.view.no_roles", lang)]
        lines = [
            data["label"],
            t(f"org_type.{data['org_type']}", lang),
            f"{t('graph.view.roles', lang)}: " + ", ".join(roles),
        ]
        if data["objectives"]:
            lines.append(
                f"{t('graph.view.objectives', lang)}: "
                + ", ".join(_objective_labels(data["objectives"], lang))
            )
        return "\n".join(lines)
    if kind == NodeKind.ACCESS_POINT:
        lines = [
            data["label"],
            f"{t('graph.legend.access_point', lang)} ({t('ap_kind.' + data['access_point_kind'], lang)})",
        ]
        if data["municipality"]:
            lines.append(data["municipality"])
        return "\n".join(lines)
    if kind == NodeKind.TARGET_GROUP:
        return f"{data['label']}\n{t('graph.legend.target_group', lang)}"
    return t("graph.legend.unknown", lang)


def _edge_texts(
    graph: nx.MultiDiGraph, source: str, target: str, data: dict[str, Any], lang: str
) -> tuple[str, str]:
    """Return (title, details) of an edge as plain text."""
    names = (graph.nodes[source]["label"], graph.nodes[target]["label"])
    if data["kind"] == EdgeKind.FLOW:
        title = t(f"flow.{data['type']}", lang)
    elif data["kind"] == EdgeKind.HOSTS:
        title = t("graph.view.hosts", lang)
    else:
        title = t("graph.view.reaches", lang)
    details = f"{names[0]} → {names[1]}"
    if data.get("description"):
        details += "\n" + data["description"]
    return title, details


def view_model(dossier: Dossier, graph: nx.MultiDiGraph, analysis: Analysis, lang: str) -> dict[str, Any]:
    node_info: dict[str, Any] = {}
    for node, data in graph.nodes(data=True):
        info: dict[str, Any] = {
            "kind": data["kind"],
            "label": data["label"],
            "tooltip": _node_tooltip(dossier, data, lang),
            "degree": graph.degree(node),
        }
        if data["kind"] == NodeKind.PARTNER:
            info.update(partner=data["ref"], roles=list(data["roles"]), objectives=list(data["objectives"]))
        node_info[node] = info
    edge_info: dict[str, Any] = {}
    edges_of: dict[str, list[str]] = {}
    for source, target, key, data in graph.edges(keys=True, data=True):
        title, details = _edge_texts(graph, source, target, data, lang)
        edge_id = vis_edge_id(key)
        edge_info[edge_id] = {
            "kind": data["kind"],
            "type": data.get("type") or "",
            "from": source,
            "to": target,
            "title": title,
            "details": details,
            "tooltip": f"{title}\n{details}",
        }
        edges_of.setdefault(source, []).append(edge_id)
        edges_of.setdefault(target, []).append(edge_id)
    centrality = {c.partner_id: c for c in analysis.centrality}
    flows_out = Counter(f.source_partner_id for f in dossier.flows)
    flows_in = Counter(f.target_partner_id for f in dossier.flows)
    roles_of: dict[str, list[Any]] = {}
    for r in dossier.roles:
        roles_of.setdefault(r.partner_id, []).append(r)
    findings_of: dict[str, list[str]] = {}
    for finding in analysis.findings:
        for subject in dict.fromkeys(finding.subjects):
            findings_of.setdefault(subject, []).append(finding.message(lang))
    partners: dict[str, Any] = {}
    for partner in dossier.partners:
        impact = analysis.dropouts[partner.id]
        grey = [partner_node(p) for p in impact.cut_off_partners]
        grey += [n for n in map(access_point_node, impact.access_points) if n in graph]
        grey_edges = {e for n in [partner_node(partner.id), *grey] for e in edges_of.get(n, [])}
        c = centrality[partner.id]
        network_line = t(
            "graph.view.network_line",
            lang,
            out=flows_out[partner.id],
            into=flows_in[partner.id],
            betweenness=f"{c.betweenness:.2f}",
        )
        if c.articulation:
            network_line += " " + t("graph.view.articulation", lang)
        partners[partner.id] = {
            "node": partner_node(partner.id),
            "name": partner.name,
            "org_type": t(f"org_type.{partner.org_type.value}", lang),
            "roles": [
                {
                    "label": role_label(dossier, r.role, lang),
                    "objectives": _objective_labels(r.objectives, lang),
                    "engagement": r.engagement,
                    "capacity": r.capacity,
                }
                for r in roles_of.get(partner.id, [])
            ],
            "network": network_line,
            "findings": findings_of.get(partner.id, []),
            "dropout": {
                "lines": describe_dropout(dossier, impact, lang),
                "grey_nodes": grey,
                "grey_edges": sorted(grey_edges),
                "critical": impact.critical,
            },
        }
    roles_present = list(dict.fromkeys(r.role for r in dossier.roles))
    flow_types = {d.get("type") for _, _, d in graph.edges(data=True)}
    keys = [
        k
        for k in (
            "filter_role",
            "filter_objective",
            "filter_flows",
            "all",
            "nobody",
            "dropout_select",
            "dropout_title",
            "dropout_try",
            "dropout_undo",
            "legend",
            "legend_org_types",
            "legend_shapes",
            "legend_flows",
            "click_hint",
            "roles",
            "no_roles",
            "capacity",
            "network",
            "findings",
            "shown",
        )
    ]
    return {
        "text": {k: t(f"graph.view.{k}", lang) for k in keys},
        "nodes": node_info,
        "edges": edge_info,
        "partners": partners,
        "filters": {
            "roles": [[r, role_label(dossier, r, lang)] for r in roles_present],
            "objectives": [[o.value, t(f"objective.{o.value}", lang)] for o in Objective],
            "flow_types": [[f.value, t(f"flow.{f.value}", lang)] for f in FlowType if f.value in flow_types],
        },
        "legend": legend_entries(graph, lang),
        "style": {
            "grey": {
                "node": vis_colour(GREY["node"], GREY["border"]),
                "dropped": vis_colour(GREY["node"], GREY["dropped"]),
                "font": GREY["font"],
                "edge": GREY["edge"],
            }
        },
        "iterations": STABILISATION_STEPS,
    }


def vis_edge_id(key: str) -> str:
    return f"edge:{key}"
