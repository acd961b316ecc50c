"""The partner network as a static picture with a legend (matplotlib, Agg): PNG for Word, SVG for download."""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

import matplotlib
import networkx as nx
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from workbench.dossier.model import Dossier
from workbench.i18n import DEFAULT_LANGUAGE, t
from workbench.network.graph import EdgeKind, NodeKind, build
from workbench.network.style import (
    FLOW_STYLES,
    NO_ROLE_BORDER,
    ORG_COLOURS,
    RELATION_STYLE,
    legend_entries,
    node_shape,
    short_label,
)


def _figure(dossier: Dossier, lang: str, graph: nx.MultiDiGraph | None, page: bool = False) -> Figure:
    graph = build(dossier) if graph is None else graph
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
    legend = legend_entries(graph, lang)
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
        colour, width, dashes = FLOW_STYLES[data["type"]] if data["kind"] == EdgeKind.FLOW else RELATION_STYLE
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
        shape = node_shape(data)
        if data["kind"] == NodeKind.PARTNER:
            face = ORG_COLOURS[data["org_type"]]
            edge = NO_ROLE_BORDER if not data["roles"] else "#333333"
            size = 16 if "promotor" in data["roles"] else 11
        else:
            face, edge, size = ("#FFFFFF", "#777777", 7 if data["kind"] == NodeKind.UNKNOWN else 10)
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
        label = "?" if data["kind"] == NodeKind.UNKNOWN else short_label(data["label"], 28)
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
