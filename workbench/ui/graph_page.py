"""Partnernetwerk: the partnership as a graph, what is missing, and what a drop-out would cost."""

from __future__ import annotations

import networkx as nx
import streamlit as st

from workbench.dossier.model import Dossier
from workbench.network import page, picture
from workbench.network.analysis import analyse
from workbench.network.graph import build
from workbench.network.words import describe_dropout, report
from workbench.ui.common import lang, tr
from workbench.ui.markup import inert_cells
from workbench.ui.prelude import open_record

GRAPH_HEIGHT = 720


def _downloads(dossier: Dossier, dossier_id: int, built: nx.MultiDiGraph, html: str) -> None:
    code = lang()  # read here: the callables below run on another thread, without session state
    cols = st.columns(3)
    cols[0].download_button(
        tr("graph.page.download_png"),
        data=lambda: picture.to_png(dossier, code, built),
        file_name=f"partnernetwerk-{dossier_id}.png",
        mime="image/png",
        on_click="ignore",
        key="graph_page_png",
    )
    cols[1].download_button(
        tr("graph.page.download_svg"),
        data=lambda: picture.to_svg(dossier, code, built),
        file_name=f"partnernetwerk-{dossier_id}.svg",
        mime="image/svg+xml",
        on_click="ignore",
        key="graph_page_svg",
    )
    cols[2].download_button(
        tr("graph.page.download_html"),
        data=html,
        file_name=f"partnernetwerk-{dossier_id}.html",
        mime="text/html",
        on_click="ignore",
        key="graph_page_html",
    )


def render() -> None:
    record = open_record()
    if record is None:
        return
    dossier_id, dossier = record.id, record.dossier
    st.title(tr("graph.page.title"))
    st.caption(tr("graph.page.intro"))
    left, right = st.columns(2)
    with_points = left.toggle(tr("graph.page.show_access_points"), key="graph_page_access_points")
    with_groups = right.toggle(tr("graph.page.show_target_groups"), key="graph_page_target_groups")
    built = build(dossier, include_access_points=with_points, include_target_groups=with_groups)
    analysis = analyse(dossier, built)
    shown = page.to_html(dossier, built, analysis, lang())
    st.iframe(shown, height=GRAPH_HEIGHT)
    _downloads(dossier, dossier_id, built, shown)

    # User text goes into dataframes and st.text only: both show it literally (no Markdown).
    rows = report(dossier, analysis, lang())
    st.subheader(tr("graph.page.findings"))
    if rows["findings"]:
        findings = [
            {tr("graph.page.severity"): f["severity_label"], tr("graph.page.finding"): f["message"]}
            for f in rows["findings"]
        ]
        st.dataframe(inert_cells(findings), hide_index=True, key="graph_page_findings")
    else:
        st.success(tr("graph.page.no_findings"))
    st.subheader(tr("graph.page.coverage"))
    coverage = [
        {
            tr("graph.page.what"): f"{c['kind_label']}: {c['label']}",
            tr("graph.page.status"): c["status_label"],
            tr("graph.page.partners"): ", ".join(c["partners"]),
            tr("graph.page.suggestions"): ", ".join(c["suggestions"]),
        }
        for c in rows["coverage"]
    ]
    st.dataframe(inert_cells(coverage), hide_index=True, key="graph_page_coverage")
    st.subheader(tr("graph.page.dropout"))
    names = {p.id: p.name for p in dossier.partners}
    chosen = st.selectbox(
        tr("graph.view.dropout_select"),
        list(names),
        format_func=names.__getitem__,
        index=None,
        placeholder=tr("graph.page.choose_partner"),
        key="graph_page_dropout",
    )
    if chosen is not None:
        st.text(
            "\n".join(f"• {line}" for line in describe_dropout(dossier, analysis.dropouts[chosen], lang()))
        )


render()
