"""Opmerkingen: every comment thread of the dossier, filtered by status, partner, author and step."""

from __future__ import annotations

import streamlit as st

from workbench.access.permissions import Action
from workbench.collab.reviews import Anchor, ReviewError
from workbench.collab.rubric import rubric
from workbench.collab.thread_places import ThreadFilter, authors, clause_step, clause_title
from workbench.dossier.model import Dossier
from workbench.dossier.steps import STEP_KEYS
from workbench.ui import faults, suggestion_view
from workbench.ui.comments import new_thread_form, partner_labeller, thread_card
from workbench.ui.common import labeller, lang, store, tr
from workbench.ui.markup import md
from workbench.ui.prelude import open_record
from workbench.workspace import Workspace


def _filters(ws: Workspace, dossier_id: int, dossier: Dossier) -> ThreadFilter:
    """Draw the filters; selectboxes show partner and author names as plain text."""
    status = st.segmented_control(
        tr("comments.show"),
        ["open", "resolved", "all"],
        default="open",
        format_func=labeller("comments.filter"),
        key="comments_page_filter",
    )
    partner_col, author_col, step_col = st.columns(3)
    partner = partner_col.selectbox(
        tr("comments.filter_partner"),
        [None, *(p.id for p in dossier.partners)],
        format_func=partner_labeller(dossier.partners),
        key="comments_page_partner",
        placeholder=tr("form.choose"),
    )
    everyone = tr("comments.everyone")
    author = author_col.selectbox(
        tr("comments.filter_author"),
        [None, *authors(ws.threads(dossier_id))],
        format_func=lambda name: name if name else everyone,
        key="comments_page_author",
        placeholder=tr("form.choose"),
    )
    every_step = tr("comments.every_step")
    step_label = labeller("step")
    step = step_col.selectbox(
        tr("comments.filter_step"),
        [None, *STEP_KEYS],
        format_func=lambda key: step_label(key) if key else every_step,
        key="comments_page_step",
        placeholder=tr("form.choose"),
    )
    return ThreadFilter(status=status or "open", partner=partner, author=author, step=step)


def _clause_form(ws: Workspace, dossier_id: int, dossier: Dossier) -> None:
    """A comment on one clause of the agreement: it lands on that clause in the Word file."""
    code = lang()
    titles = {key: clause_title(key, code) for key in rubric().clauses}
    key = "comments_clause_text"
    with st.form("comments_clause"):
        clause = st.selectbox(
            tr("comments.clause"),
            list(titles),
            format_func=titles.__getitem__,
            key="comments_clause_key",
            placeholder=tr("form.choose"),
        )
        body = st.text_area(tr("comments.new"), key=key, height=90)
        responsible = st.selectbox(
            tr("comments.responsible_partner"),
            [None, *(p.id for p in dossier.partners)],
            format_func=partner_labeller(dossier.partners),
            key="comments_clause_partner",
            placeholder=tr("form.choose"),
        )
        if st.form_submit_button(tr("comments.post"), type="primary") and clause is not None:
            with faults.saving():
                try:
                    anchor = Anchor(step=clause_step(clause), clause=clause)
                    ws.start_thread(dossier_id, anchor, body, responsible_partner=responsible)
                except ReviewError as refused:
                    st.error(md(refused.reason, **refused.params))
                else:
                    st.toast(tr("comments.posted"), icon=":material/forum:")
                    faults.clear_after_save(key)
                    st.rerun()


def render() -> None:
    record = open_record()
    if record is None:
        return
    dossier_id, ws, dossier = record.id, store(), record.dossier
    st.title(tr("access.nav.comments"))
    st.text(dossier.identity.name)  # user text: never Markdown
    chosen = _filters(ws, dossier_id, dossier).apply(ws.threads(dossier_id))
    if chosen:
        st.caption(md("comments.shown", count=len(chosen)))
    else:
        st.caption(tr("comments.none"))
    for thread in chosen:
        thread_card(ws, dossier_id, thread, dossier.partners, show_step=True, dossier=dossier, link=True)
    if ws.can(Action.COMMENT, dossier_id):
        with st.expander(tr("comments.on_clause")):
            _clause_form(ws, dossier_id, dossier)
        with st.expander(tr("comments.general")):
            new_thread_form(ws, dossier_id, "overzicht", None, dossier.partners)
    suggestion_view.mark_seen(ws, dossier_id, chosen)  # shown: read in this person's inbox


render()
