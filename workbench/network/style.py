"""One style for every drawing of the network: colours per organisation type, shapes per role, the legend."""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from workbench.dossier.model import FlowType, OrgType
from workbench.i18n import t
from workbench.network.findings import Term
from workbench.network.graph import EdgeKind, NodeKind

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


def node_shape(data: dict[str, Any]) -> tuple[str, str, str]:
    kind = data["kind"]
    if kind == NodeKind.ACCESS_POINT:
        return ACCESS_POINT_SHAPE
    if kind == NodeKind.TARGET_GROUP:
        return TARGET_GROUP_SHAPE
    if kind == NodeKind.UNKNOWN:
        return UNKNOWN_SHAPE
    role = primary_role(data["roles"])
    return NO_ROLE_SHAPE if role is None else ROLE_SHAPES.get(role, OTHER_ROLE_SHAPE)


def short_label(label: str, limit: int = LABEL_LIMIT) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def legend_entries(graph: nx.MultiDiGraph, lang: str) -> dict[str, list[dict[str, Any]]]:
    """Return the legend entries for what this graph shows, in a stable order."""
    kinds = Counter(d["kind"] for _, d in graph.nodes(data=True))
    org_types = {d["org_type"] for _, d in graph.nodes(data=True) if d["kind"] == NodeKind.PARTNER}
    roles = {primary_role(d["roles"]) for _, d in graph.nodes(data=True) if d["kind"] == NodeKind.PARTNER}
    flow_types = {d["type"] for _, _, d in graph.edges(data=True) if d["kind"] == EdgeKind.FLOW}
    shapes: list[dict[str, Any]] = []
    for role, shape in ROLE_SHAPES.items():
        if role in roles and not (role == "uitleendienst" and "refurbisher" in roles):
            label = (
                Term(vocab="role", key="refurbisher|uitleendienst").label(lang)
                if shape[0] == "hexagon"
                else (t(f"role.{role}", lang))
            )
            shapes.append(shape_entry(shape, label))
    if roles - set(ROLE_SHAPES) - {None}:
        shapes.append(shape_entry(OTHER_ROLE_SHAPE, t("graph.legend.other_role", lang)))
    if None in roles:
        shapes.append(shape_entry(NO_ROLE_SHAPE, t("graph.legend.no_role", lang), edge=NO_ROLE_BORDER))
    if kinds[NodeKind.ACCESS_POINT]:
        shapes.append(shape_entry(ACCESS_POINT_SHAPE, t("graph.legend.access_point", lang)))
    if kinds[NodeKind.TARGET_GROUP]:
        shapes.append(shape_entry(TARGET_GROUP_SHAPE, t("graph.legend.target_group", lang)))
    if kinds[NodeKind.UNKNOWN]:
        shapes.append(
            shape_entry(UNKNOWN_SHAPE, t("graph.legend.unknown", lang), face="#FFFFFF", edge="#999999")
        )
    flows = [
        {"label": t(f"flow.{ft}", lang), "colour": c, "width": w, "dashes": d}
        for ft, (c, w, d) in FLOW_STYLES.items()
        if ft in flow_types
    ]
    if kinds[NodeKind.ACCESS_POINT] or kinds[NodeKind.TARGET_GROUP]:
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


def shape_entry(
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


def vis_colour(background: str, border: str) -> dict[str, Any]:
    both = {"background": background, "border": border}
    return {**both, "highlight": both, "hover": both}
