"""Opmerkingen: every comment thread of the dossier, open ones first, grouped by step."""

from __future__ import annotations

import streamlit as st

from workbench.dossier.steps import STEP_KEYS
from workbench.ui import suggestion_view
from workbench.ui.comments import new_thread_form, thread_card
from workbench.ui.common import labeller, store, tr
from workbench.ui.prelude import open_record


def render() -> None:
    record = open_record()
    if record is None:
        return
    dossier_id, ws = record.id, store()
    st.title(tr("access.nav.comments"))
    st.text(record.dossier.identity.name)  # user text: never Markdown
    show = st.segmented_control(
        tr("comments.show"),
        ["open", "resolved", "all"],
        default="open",
        format_func=labeller("comments.filter"),
        key="comments_page_filter",
    )
    threads = ws.threads(dossier_id)
    chosen = [t for t in threads if show == "all" or (t.is_open == (show != "resolved"))]
    if not chosen:
        st.caption(tr("comments.none_open") if show == "open" else tr("comments.none"))
    for step in STEP_KEYS:
        for thread in (t for t in chosen if t.anchor.step == step):
            thread_card(ws, dossier_id, thread, record.dossier.partners, show_step=True)
    with st.expander(tr("comments.general")):
        new_thread_form(ws, dossier_id, "overzicht", None, record.dossier.partners)
    suggestion_view.mark_seen(ws, dossier_id, chosen)


render()
