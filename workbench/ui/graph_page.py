"""Partnernetwerk: the partnership as a graph, what is missing, and what a drop-out would cost."""

from __future__ import annotations

import networkx as nx
import streamlit as st

from workbench.dossier.model import Dossier
from workbench.network import page, picture
from workbench.network.words import describe_dropout, report
from workbench.ui import derived
from workbench.ui.common import lang, tr
from workbench.ui.markup import inert_cell, inert_cells
from workbench.ui.prelude import open_record

GRAPH_HEIGHT = 720
# Streamlit's tables wrap text in a cell only when a row is taller than 4rem: three lines of a
# finding ("Stad X is de enige partner met de rol ...") then fit instead of being cut off.
WRAPPED_ROW = 76


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
    dossier_id = record.id
    st.title(tr("graph.page.title"))
    st.caption(tr("graph.page.intro"))
    left, right = st.columns(2)
    with_points = left.toggle(tr("graph.page.show_access_points"), key="graph_page_access_points")
    with_groups = right.toggle(tr("graph.page.show_target_groups"), key="graph_page_target_groups")
    dossier, code = record.dossier, lang()
    # The same revision, options and language draw the same page: computed once, for every session.
    built = derived.network(record, with_points, with_groups)
    analysis = derived.analysis(record, with_points, with_groups)
    shown = derived.once(
        "graph_html",
        record,
        lambda: page.to_html(dossier, built, analysis, code),
        with_points,
        with_groups,
        code,
    )
    st.iframe(shown, height=GRAPH_HEIGHT)
    _downloads(dossier, dossier_id, built, shown)

    # User text goes into dataframes and st.text only: both show it literally (no Markdown).
    rows = derived.once(
        "graph_report", record, lambda: report(dossier, analysis, code), with_points, with_groups, code
    )
    st.subheader(tr("graph.page.findings"))
    if rows["findings"]:
        findings = [
            {tr("graph.page.severity"): f["severity_label"], tr("graph.page.finding"): f["message"]}
            for f in rows["findings"]
        ]
        st.dataframe(
            inert_cells(findings),
            hide_index=True,
            key="graph_page_findings",
            row_height=WRAPPED_ROW,
            column_config={inert_cell(tr("graph.page.severity")): st.column_config.TextColumn(width="small")},
        )
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
    st.dataframe(inert_cells(coverage), hide_index=True, key="graph_page_coverage", row_height=WRAPPED_ROW)
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
