"""Mijn dossiers: the coach's board of every partnership they follow; sortable and filterable."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from workbench.collab.reviews import ReviewStatus
from workbench.ui.common import PAGES, labeller, open_dossier, store, tr
from workbench.ui.markup import inert_cells
from workbench.workspace.portfolio import filter_portfolio


def render() -> None:
    st.title(tr("access.nav.portfolio"))
    st.caption(tr("portfolio.intro"))
    rows = store().portfolio()
    if not rows:
        st.info(tr("portfolio.empty"))
        return
    left, middle, right = st.columns([3, 2, 2])
    search = left.text_input(tr("portfolio.search"), key="portfolio_search")
    calls = middle.multiselect(
        tr("field.call"),
        sorted({r.call for r in rows}),
        format_func=labeller("call"),
        key="portfolio_calls",
        placeholder=tr("portfolio.any"),
    )
    states = right.multiselect(
        tr("portfolio.review_state"),
        list(ReviewStatus),
        format_func=labeller("review.status"),
        key="portfolio_states",
        placeholder=tr("portfolio.any"),
    )
    shown = filter_portfolio(rows, search, calls, states)
    table = pd.DataFrame(
        [
            {
                "id": r.id,
                "unread": r.unread,
                "name": r.name,
                "call": tr(f"call.{r.call}"),
                "role": tr(f"role.dossier.{r.role}") if r.role else "",
                "progress": round(r.overall * 100),
                "open_comments": r.open_comments,
                "gaps": r.gaps,
                "review": tr(f"review.status.{r.review_state}"),
                "needs_work": r.needs_work,
                "stale": len(r.stale),
                "updated_at": r.updated_at.replace(tzinfo=None),
                "updated_by": r.updated_by,
            }
            for r in shown
        ],
        columns=[
            "id",
            "unread",
            "name",
            "call",
            "role",
            "progress",
            "open_comments",
            "gaps",
            "review",
            "needs_work",
            "stale",
            "updated_at",
            "updated_by",
        ],
    )
    event = st.dataframe(
        inert_cells(table),
        hide_index=True,
        width="stretch",
        key="portfolio_table",
        on_select="rerun",
        selection_mode="single-row",
        column_config={
            "id": st.column_config.NumberColumn("ID", width="small"),
            "unread": st.column_config.NumberColumn(
                tr("portfolio.unread"), help=tr("portfolio.unread_help"), width="small"
            ),
            "name": st.column_config.TextColumn(tr("field.name"), width="medium"),
            "call": st.column_config.TextColumn(tr("field.call")),
            "role": st.column_config.TextColumn(tr("members.role")),
            "progress": st.column_config.ProgressColumn(
                tr("portfolio.progress"), min_value=0, max_value=100, format="%d%%"
            ),
            "open_comments": st.column_config.NumberColumn(tr("portfolio.open_comments")),
            "gaps": st.column_config.NumberColumn(tr("portfolio.gaps"), help=tr("portfolio.gaps_help")),
            "review": st.column_config.TextColumn(tr("portfolio.review_state")),
            "needs_work": st.column_config.NumberColumn(tr("review.status.needs_work")),
            "stale": st.column_config.NumberColumn(
                tr("portfolio.stale"), help=tr("portfolio.stale_help"), width="small"
            ),
            "updated_at": st.column_config.DatetimeColumn(
                tr("portfolio.updated_at"), format="D MMM YYYY HH:mm"
            ),
            "updated_by": st.column_config.TextColumn(tr("portfolio.updated_by")),
        },
    )
    selected = event.selection.rows if event and event.selection else []
    if selected:
        open_dossier(int(table.iloc[selected[0]]["id"]))
        st.switch_page(PAGES["partnerschap"])


render()
