"""Draw the partner network: an interactive offline HTML page (pyvis) and PNG / SVG images.

Renderers are pure: dossier, graph and analysis in, a string or bytes out; nothing is written to disk.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
from collections import Counter
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

import matplotlib
import networkx as nx
from jinja2 import Environment, FileSystemLoader
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from pyvis.network import Network

from workbench import graph as g
from workbench.i18n import DEFAULT_LANGUAGE, t
from workbench.model import CallKind, Dossier, FlowType, Identity, Objective, OrgType

_DATA_DIR = Path(__file__).parent / "data"

# ---------------------------------------------------------------- one style for every renderer

# Okabe-Ito based, distinguishable for most colour-blind readers; "andere" stays grey.
ORG_COLOURS: dict[str, str] = {
    OrgType.LOKAAL_BESTUUR: "#0072B2",
    OrgType.OCMW: "#56B4E9",
    OrgType.INTERGEMEENTELIJK: "#332288",
    OrgType.VZW: "#009E73",
    OrgType.SOCIALE_ECONOMIE: "#E69F00",
    OrgType.OPLEIDINGSVERSTREKKER: "#CC79A7",
    OrgType.BEDRIJF: "#D55E00",
    OrgType.KENNISINSTELLING: "#F0E442",
    OrgType.VDAB: "#8C564B",
    OrgType.ANDERE: "#999999",
}

# The first role of a partner found here decides its shape: (vis shape, matplotlib marker, symbol).
ROLE_SHAPES: dict[str, tuple[str, str, str]] = {
    "promotor": ("star", "*", "★"),
    "digipunt_host": ("square", "s", "■"),
    "toeleider": ("triangle", "^", "▲"),
    "trainer": ("diamond", "D", "◆"),
    "refurbisher": ("hexagon", "h", "⬢"),
    "uitleendienst": ("hexagon", "h", "⬢"),
    "connectiviteit": ("triangleDown", "v", "▼"),
}
OTHER_ROLE_SHAPE = ("dot", "o", "●")
NO_ROLE_SHAPE = ("dot", "o", "◌")
ACCESS_POINT_SHAPE = ("box", "P", "▭")
TARGET_GROUP_SHAPE = ("ellipse", "p", "⬭")
UNKNOWN_SHAPE = ("dot", "o", "?")

# Flow type -> (colour, width, dash pattern in px or None for solid)
FLOW_STYLES: dict[str, tuple[str, float, list[int] | None]] = {
    FlowType.REFERRAL: ("#0072B2", 2.0, None),
    FlowType.DEVICES: ("#E69F00", 2.0, [8, 4]),
    FlowType.TRAINING: ("#009E73", 2.0, [2, 4]),
    FlowType.SUBSIDY: ("#CC79A7", 3.5, None),
    FlowType.DATA_EXCHANGE: ("#D55E00", 2.0, [10, 4, 2, 4]),
    FlowType.EXPERTISE: ("#666666", 1.5, [14, 6]),
}
RELATION_STYLE = ("#9E9E9E", 1.0, [3, 3])  # hosts / reaches
NO_ROLE_BORDER = "#C0392B"
GREY = {"node": "#E4E4E4", "border": "#C4C4C4", "font": "#A8A8A8", "edge": "#E0E0E0", "dropped": "#C0392B"}
LABEL_LIMIT = 40
STABILISATION_STEPS = 300


def primary_role(roles: tuple[str, ...]) -> str | None:
    """Return the role that decides a partner's shape: the first of ROLE_SHAPES it holds."""
    return next((r for r in ROLE_SHAPES if r in roles), roles[0] if roles else None)


def _shape(data: dict[str, Any]) -> tuple[str, str, str]:
    kind = data["kind"]
    if kind == g.NodeKind.ACCESS_POINT:
        return ACCESS_POINT_SHAPE
    if kind == g.NodeKind.TARGET_GROUP:
        return TARGET_GROUP_SHAPE
    if kind == g.NodeKind.UNKNOWN:
        return UNKNOWN_SHAPE
    role = primary_role(data["roles"])
    return NO_ROLE_SHAPE if role is None else ROLE_SHAPES.get(role, OTHER_ROLE_SHAPE)


def _short(label: str, limit: int = LABEL_LIMIT) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _legend(graph: nx.MultiDiGraph, lang: str) -> dict[str, list[dict[str, Any]]]:
    """Return the legend entries for what this graph shows, in a stable order."""
    kinds = Counter(d["kind"] for _, d in graph.nodes(data=True))
    org_types = {d["org_type"] for _, d in graph.nodes(data=True) if d["kind"] == g.NodeKind.PARTNER}
    roles = {primary_role(d["roles"]) for _, d in graph.nodes(data=True) if d["kind"] == g.NodeKind.PARTNER}
    flow_types = {d["type"] for _, _, d in graph.edges(data=True) if d["kind"] == g.EdgeKind.FLOW}
    shapes: list[dict[str, Any]] = []
    for role, shape in ROLE_SHAPES.items():
        if role in roles and not (role == "uitleendienst" and "refurbisher" in roles):
            label = (
                g.Term(vocab="role", key="refurbisher|uitleendienst").label(lang)
                if shape[0] == "hexagon"
                else (t(f"role.{role}", lang))
            )
            shapes.append(_shape_entry(shape, label))
    if roles - set(ROLE_SHAPES) - {None}:
        shapes.append(_shape_entry(OTHER_ROLE_SHAPE, t("graph.legend.other_role", lang)))
    if None in roles:
        shapes.append(_shape_entry(NO_ROLE_SHAPE, t("graph.legend.no_role", lang), edge=NO_ROLE_BORDER))
    if kinds[g.NodeKind.ACCESS_POINT]:
        shapes.append(_shape_entry(ACCESS_POINT_SHAPE, t("graph.legend.access_point", lang)))
    if kinds[g.NodeKind.TARGET_GROUP]:
        shapes.append(_shape_entry(TARGET_GROUP_SHAPE, t("graph.legend.target_group", lang)))
    if kinds[g.NodeKind.UNKNOWN]:
        shapes.append(
            _shape_entry(UNKNOWN_SHAPE, t("graph.legend.unknown", lang), face="#FFFFFF", edge="#999999")
        )
    flows = [
        {"label": t(f"flow.{ft}", lang), "colour": c, "width": w, "dashes": d}
        for ft, (c, w, d) in FLOW_STYLES.items()
        if ft in flow_types
    ]
    if kinds[g.NodeKind.ACCESS_POINT] or kinds[g.NodeKind.TARGET_GROUP]:
        c, w, d = RELATION_STYLE
        flows.append({"label": t("graph.legend.relation", lang), "colour": c, "width": w, "dashes": d})
    return {
        "org_types": [
            {"label": t(f"org_type.{o.value}", lang), "colour": ORG_COLOURS[o]}
            for o in OrgType
            if o.value in org_types
        ],
        "shapes": shapes,
        "flows": flows,
    }


def _shape_entry(
    shape: tuple[str, str, str], label: str, face: str = "#DDDDDD", edge: str = "#333333"
) -> dict[str, Any]:
    return {
        "label": label,
        "shape": shape[0],
        "marker": shape[1],
        "symbol": shape[2],
        "face": face,
        "edge": edge,
    }


# ---------------------------------------------------------------- plain-text descriptions


def _objective_labels(keys: tuple[str, ...] | list[Any], lang: str) -> list[str]:
    return [t(f"objective.{getattr(k, 'value', k)}", lang) for k in keys]


def _node_tooltip(dossier: Dossier, data: dict[str, Any], lang: str) -> str:
    kind = data["kind"]
    if kind == g.NodeKind.PARTNER:
        roles = [g.role_label(dossier, r, lang) for r in data["roles"]] or [t("graph.view.no_roles", lang)]
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
    if kind == g.NodeKind.ACCESS_POINT:
        lines = [
            data["label"],
            f"{t('graph.legend.access_point', lang)} ({t('ap_kind.' + data['access_point_kind'], lang)})",
        ]
        if data["municipality"]:
            lines.append(data["municipality"])
        return "\n".join(lines)
    if kind == g.NodeKind.TARGET_GROUP:
        return f"{data['label']}\n{t('graph.legend.target_group', lang)}"
    return t("graph.legend.unknown", lang)


def _edge_texts(
    graph: nx.MultiDiGraph, source: str, target: str, data: dict[str, Any], lang: str
) -> tuple[str, str]:
    """Return (title, details) of an edge as plain text."""
    names = (graph.nodes[source]["label"], graph.nodes[target]["label"])
    if data["kind"] == g.EdgeKind.FLOW:
        title = t(f"flow.{data['type']}", lang)
    elif data["kind"] == g.EdgeKind.HOSTS:
        title = t("graph.view.hosts", lang)
    else:
        title = t("graph.view.reaches", lang)
    details = f"{names[0]} → {names[1]}"
    if data.get("description"):
        details += "\n" + data["description"]
    return title, details


# ---------------------------------------------------------------- the view model for the page


def _view_model(dossier: Dossier, graph: nx.MultiDiGraph, analysis: g.Analysis, lang: str) -> dict[str, Any]:
    node_info: dict[str, Any] = {}
    for node, data in graph.nodes(data=True):
        info: dict[str, Any] = {
            "kind": data["kind"],
            "label": data["label"],
            "tooltip": _node_tooltip(dossier, data, lang),
            "degree": graph.degree(node),
        }
        if data["kind"] == g.NodeKind.PARTNER:
            info.update(partner=data["ref"], roles=list(data["roles"]), objectives=list(data["objectives"]))
        node_info[node] = info
    edge_info: dict[str, Any] = {}
    edges_of: dict[str, list[str]] = {}
    for source, target, key, data in graph.edges(keys=True, data=True):
        title, details = _edge_texts(graph, source, target, data, lang)
        edge_id = _edge_id(key)
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
        grey = [g.partner_node(p) for p in impact.cut_off_partners]
        grey += [n for n in map(g.access_point_node, impact.access_points) if n in graph]
        grey_edges = {e for n in [g.partner_node(partner.id), *grey] for e in edges_of.get(n, [])}
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
            "node": g.partner_node(partner.id),
            "name": partner.name,
            "org_type": t(f"org_type.{partner.org_type.value}", lang),
            "roles": [
                {
                    "label": g.role_label(dossier, r.role, lang),
                    "objectives": _objective_labels(r.objectives, lang),
                    "engagement": r.engagement,
                    "capacity": r.capacity,
                }
                for r in roles_of.get(partner.id, [])
            ],
            "network": network_line,
            "findings": findings_of.get(partner.id, []),
            "dropout": {
                "lines": g.describe_dropout(dossier, impact, lang),
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
            "roles": [[r, g.role_label(dossier, r, lang)] for r in roles_present],
            "objectives": [[o.value, t(f"objective.{o.value}", lang)] for o in Objective],
            "flow_types": [[f.value, t(f"flow.{f.value}", lang)] for f in FlowType if f.value in flow_types],
        },
        "legend": _legend(graph, lang),
        "style": {
            "grey": {
                "node": _colour(GREY["node"], GREY["border"]),
                "dropped": _colour(GREY["node"], GREY["dropped"]),
                "font": GREY["font"],
                "edge": GREY["edge"],
            }
        },
        "iterations": STABILISATION_STEPS,
    }


def _colour(background: str, border: str) -> dict[str, Any]:
    both = {"background": background, "border": border}
    return {**both, "highlight": both, "hover": both}


def _edge_id(key: str) -> str:
    return f"edge:{key}"


# ---------------------------------------------------------------- HTML page


def script_json(value: Any) -> str:
    """Serialise data for a <script> block: no '<', '>' or '&' can close or open a tag."""
    return (
        json.dumps(value, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


@cache
def _pyvis_templates() -> Environment:
    """Share one Jinja environment: parsing pyvis's template with 700 kB of inlined JS costs ~50 ms."""
    import pyvis

    return Environment(loader=FileSystemLoader(str(Path(pyvis.__file__).parent / "templates")))


@cache
def _asset(name: str) -> str:
    return (_DATA_DIR / name).read_text(encoding="utf-8")


# pyvis links Bootstrap from a CDN in every mode and prints an <h1> heading it never escapes.
_CDN_TAGS = re.compile(
    r"<link\b[^>]*\bhref=[\"']?(?:https?:)?//[^>]*>|<script\b[^>]*\bsrc=[\"']?(?:https?:)?//[^>]*>\s*</script>",
    re.IGNORECASE,
)
_HEADING = re.compile(r"<center>\s*<h1>.*?</h1>\s*</center>", re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)  # pyvis leaves a commented-out <script src=...>
EXTERNAL_REFERENCE = re.compile(
    r"""(?:\bsrc|\bhref|\baction|\bposter|\bdata)\s*=\s*["']?\s*(?:https?:|ftp:)?//"""
    r"""|url\(\s*["']?\s*(?:https?:)?//|@import""",
    re.IGNORECASE,
)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.IGNORECASE | re.DOTALL)


def _harden(page: str) -> str:
    page = _HEADING.sub("", _CDN_TAGS.sub("", _COMMENT.sub("", page)))
    # Look at the markup only: script bodies hold vendor code and user data, which are no references.
    markup = _SCRIPT.sub("<script></script>", page)
    if "<h1>" in markup.lower() or EXTERNAL_REFERENCE.search(markup):
        # pyvis changed its template: refuse rather than ship a page that calls out.
        raise RuntimeError("the pyvis page still references an external resource")
    return page


def _script_hashes(page: str) -> list[str]:
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"
        for attrs, body in _SCRIPT.findall(page)
        if "application/json" not in attrs
    ]


def _content_security_policy(page: str) -> str:
    """Allow exactly the scripts on the page: an injected <script> or onerror= would be refused."""
    return (
        "default-src 'none'; "
        f"script-src {' '.join(_script_hashes(page))}; "
        "style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; "
        "media-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'"
    )


@cache
def script_hashes() -> tuple[str, ...]:
    """Return the CSP hashes of the page's scripts: the same for every dossier (the data is JSON).

    The app shows the page in an srcdoc iframe, which inherits the app's own policy: that policy
    names these hashes (workbench/ui/server.py).
    """
    empty = Dossier(identity=Identity(name="-", call=CallKind.VOORTRAJECT))
    built = g.build(empty)
    return tuple(dict.fromkeys(_script_hashes(to_html(empty, built, g.analyse(empty, built)))))


_SKELETON = """
<div id="wb-controls" role="toolbar" aria-label="{controls}"><span id="wb-count"></span></div>
<aside id="wb-side">
  <section id="wb-impact" aria-live="polite"></section>
  <section id="wb-details" aria-live="polite"></section>
  <section id="wb-legend"></section>
</aside>
"""


def _vis_options() -> dict[str, Any]:
    return {
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120, "avoidOverlap": 0.4},
            "stabilization": {"enabled": False},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "keyboard": {"enabled": True, "bindToWindow": False},
        },
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}, "smooth": {"type": "continuous"}},
        "nodes": {"borderWidth": 2, "font": {"size": 14, "face": "sans-serif"}},
        "layout": {"randomSeed": 7, "improvedLayout": False},
    }


def to_html(
    dossier: Dossier, graph: nx.MultiDiGraph, analysis: g.Analysis, lang: str = DEFAULT_LANGUAGE
) -> str:
    """Render a self-contained interactive page: no CDN, no remote font, user text only as text."""
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    net.templateEnv = _pyvis_templates()
    for node, data in graph.nodes(data=True):
        shape = _shape(data)
        style: dict[str, Any] = {"shape": shape[0], "font": {"color": "#222222"}, "borderWidth": 2}
        if data["kind"] == g.NodeKind.PARTNER:
            style["color"] = _colour(ORG_COLOURS[data["org_type"]], "#333333")
            style["size"] = 22 if "promotor" in data["roles"] else 16
            if not data["roles"]:
                style.update(
                    color=_colour(ORG_COLOURS[data["org_type"]], NO_ROLE_BORDER),
                    borderWidth=3,
                    shapeProperties={"borderDashes": [4, 3]},
                )
        elif data["kind"] == g.NodeKind.UNKNOWN:
            style.update(
                color=_colour("#FFFFFF", "#999999"), size=8, shapeProperties={"borderDashes": [2, 2]}
            )
        else:
            style["color"] = _colour("#FFFFFF" if shape == ACCESS_POINT_SHAPE else "#FFF6D5", "#555555")
        # No "title" here: pyvis switches to an innerHTML tooltip template when a title contains
        # "href" (TECH_NOTES). The page's own script sets plain-text tooltips instead.
        net.add_node(node, label=_short(data["label"]), **style)
    seen: Counter[tuple[str, str]] = Counter()
    for source, target, key, data in graph.edges(keys=True, data=True):
        colour, width, dashes = (
            FLOW_STYLES[data["type"]] if data["kind"] == g.EdgeKind.FLOW else RELATION_STYLE
        )
        pair = (min(source, target), max(source, target))
        seen[pair] += 1
        edge: dict[str, Any] = {
            "id": _edge_id(key),
            "color": {"color": colour, "highlight": colour, "hover": colour},
            "width": width,
            "dashes": dashes or False,
        }
        if seen[pair] > 1:  # parallel flows: bend each one a little further
            edge["smooth"] = {"type": "curvedCW", "roundness": 0.15 * (seen[pair] - 1)}
        # Appended directly: pyvis's add_edge scans every edge so far (50 ms for 1,000 flows).
        net.edges.append({"from": source, "to": target, "arrows": "to", **edge})
    net.options = _vis_options()
    # pyvis's drawing script gets no data: nodes and edges travel in the JSON block, and
    # graph_view.js adds them. So every script on the page is the same for every dossier.
    drawn = {"nodes": net.nodes, "edges": net.edges}
    net.nodes, net.edges = [], []
    page = _harden(net.generate_html())
    title = escape(f"{dossier.identity.name} - {t('graph.view.title', lang)}")
    head = (
        f'<meta http-equiv="Content-Security-Policy" content="{{csp}}">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{title}</title>\n'
        f"<style>{_asset('graph_view.css')}</style>\n"
    )
    view = script_json({**_view_model(dossier, graph, analysis, lang), "vis": drawn})
    body_end = (
        f'<script type="application/json" id="wb-data">{view}</script>\n'
        f"<script>{_asset('graph_view.js')}</script>\n"
    )
    page = page.replace("<html>", f'<html lang="{escape(lang)}">', 1)
    page = page.replace("<head>", "<head>\n" + head, 1)
    page = page.replace(
        "<body>", "<body>" + _SKELETON.format(controls=escape(t("graph.view.controls", lang))), 1
    )
    page = page.replace("</body>", body_end + "</body>", 1)
    return page.replace("{csp}", _content_security_policy(page), 1)


# ---------------------------------------------------------------- static images


def _figure(dossier: Dossier, lang: str, graph: nx.MultiDiGraph | None, page: bool = False) -> Figure:
    graph = g.build(dossier) if graph is None else graph
    # On an A4 page the picture is 16 cm wide: draw it at that size so labels stay readable.
    width = 7.0 if page else 11 + min(len(graph) / 25, 9)
    fig = Figure(figsize=(width, width * (1.05 if page else 0.62)), layout="constrained")
    ax = fig.add_subplot()
    ax.set_axis_off()
    title = ax.set_title(f"{dossier.identity.name} - {t('graph.view.title', lang)}", loc="left", fontsize=13)
    title.set_parse_math(False)
    if len(graph):
        positions = nx.spring_layout(
            nx.Graph(graph.to_undirected()), seed=7, k=1.6 / max(len(graph), 1) ** 0.5
        )
        _draw_edges(ax, graph, positions)
        _draw_nodes(ax, graph, positions, label_size=8 if page else 7.5)
    else:
        ax.text(0.5, 0.5, t("graph.view.empty", lang), ha="center", va="center", parse_math=False)
    legend = _legend(graph, lang)
    handles: list[Any] = []
    headings: list[int] = []

    def heading(key: str) -> None:
        headings.append(len(handles))
        handles.append(Line2D([], [], linestyle="none", label=t(key, lang)))

    if legend["org_types"]:
        heading("graph.view.legend_org_types")
        handles.extend(
            Patch(facecolor=e["colour"], edgecolor="#333333", label=e["label"]) for e in legend["org_types"]
        )
    if legend["shapes"]:
        heading("graph.view.legend_shapes")
        handles.extend(
            Line2D(
                [],
                [],
                linestyle="none",
                marker=e["marker"],
                markersize=9,
                markerfacecolor=e["face"],
                markeredgecolor=e["edge"],
                label=e["label"],
            )
            for e in legend["shapes"]
        )
    if legend["flows"]:
        heading("graph.view.legend_flows")
        handles.extend(
            Line2D(
                [],
                [],
                color=e["colour"],
                linewidth=e["width"],
                label=e["label"],
                linestyle=(0, tuple(d / 2 for d in e["dashes"])) if e["dashes"] else "solid",
            )
            for e in legend["flows"]
        )
    if handles:
        box = fig.legend(
            handles=handles,
            loc="outside lower center" if page else "outside right upper",
            ncols=3 if page else 1,
            title=t("graph.view.legend", lang),
            fontsize=7.5 if page else 9,
            title_fontsize=9 if page else 11,
            frameon=False,
        )
        for text in [*box.get_texts(), box.get_title()]:
            text.set_parse_math(False)  # user-defined labels may hold "$"
        for index in headings:
            box.get_texts()[index].set_fontweight("bold")
    return fig


def _draw_edges(ax: Any, graph: nx.MultiDiGraph, positions: dict[str, Any]) -> None:
    seen: Counter[tuple[str, str]] = Counter()
    for source, target, data in graph.edges(data=True):
        if source == target:
            continue
        colour, width, dashes = (
            FLOW_STYLES[data["type"]] if data["kind"] == g.EdgeKind.FLOW else RELATION_STYLE
        )
        pair = (min(source, target), max(source, target))
        seen[pair] += 1
        ax.annotate(
            "",
            xy=positions[target],
            xytext=positions[source],
            arrowprops={
                "arrowstyle": "-|>",
                "color": colour,
                "linewidth": width * 0.7,
                "linestyle": (0, tuple(d / 2 for d in dashes)) if dashes else "solid",
                "shrinkA": 9,
                "shrinkB": 9,
                "connectionstyle": f"arc3,rad={0.12 * (seen[pair] - 1)}",
                "mutation_scale": 10,
            },
            zorder=1,
        )


def _draw_nodes(ax: Any, graph: nx.MultiDiGraph, positions: dict[str, Any], label_size: float = 7.5) -> None:
    for node, data in graph.nodes(data=True):
        x, y = positions[node]
        shape = _shape(data)
        if data["kind"] == g.NodeKind.PARTNER:
            face = ORG_COLOURS[data["org_type"]]
            edge = NO_ROLE_BORDER if not data["roles"] else "#333333"
            size = 16 if "promotor" in data["roles"] else 11
        else:
            face, edge, size = ("#FFFFFF", "#777777", 7 if data["kind"] == g.NodeKind.UNKNOWN else 10)
        ax.plot(
            [x],
            [y],
            marker=shape[1],
            markersize=size,
            markerfacecolor=face,
            markeredgecolor=edge,
            markeredgewidth=1.5,
            linestyle="none",
            zorder=2,
        )
        label = "?" if data["kind"] == g.NodeKind.UNKNOWN else _short(data["label"], 28)
        ax.text(
            x,
            y - 0.045,
            label,
            ha="center",
            va="top",
            fontsize=label_size,
            zorder=3,
            parse_math=False,
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.7},
        )


def to_png(
    dossier: Dossier,
    lang: str = DEFAULT_LANGUAGE,
    graph: nx.MultiDiGraph | None = None,
    *,
    page: bool = False,
) -> bytes:
    """Draw the network with its legend as a PNG image; `page`: sized for an A4 page of a document."""
    buffer = io.BytesIO()
    with matplotlib.rc_context({"text.usetex": False}):
        _figure(dossier, lang, graph, page).savefig(
            buffer, format="png", dpi=200 if page else 150, metadata={"Software": None}
        )
    return buffer.getvalue()


def to_svg(dossier: Dossier, lang: str = DEFAULT_LANGUAGE, graph: nx.MultiDiGraph | None = None) -> str:
    """Draw the network with its legend as an SVG image; text stays text (escaped by matplotlib)."""
    buffer = io.StringIO()
    with matplotlib.rc_context({"text.usetex": False, "svg.fonttype": "none", "svg.hashsalt": "werkbank"}):
        _figure(dossier, lang, graph).savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return buffer.getvalue()
