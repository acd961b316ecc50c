"""Workshop (facilitator): start a workshop on a section, run rounds, cluster, promote ideas into the text."""

from __future__ import annotations

import streamlit as st

from workbench.access.permissions import Action
from workbench.collab.workshop_records import Workshop, WorkshopError
from workbench.dossier.model import SECTION_KEYS
from workbench.i18n import fmt_datetime
from workbench.store.dossiers import DossierRecord
from workbench.ui import consent_round_panel, faults, workshop_board
from workbench.ui.common import PAGES, labeller, lang, store, tr
from workbench.ui.markup import md
from workbench.ui.prelude import open_record
from workbench.ui.workshop_view import (
    PROJECTOR_PATH,
    clock,
    current_workshop,
    join_url,
    page_url,
    refused,
    room_url,
    use_workshop,
)


def _start(dossier_id: int) -> None:
    with st.form("ws_start", border=True):
        st.subheader(tr("workshop.start_title"))
        section = st.selectbox(
            tr("workshop.section"),
            SECTION_KEYS,
            format_func=labeller("section"),
            key="ws_section",
            placeholder=tr("form.choose"),
        )
        # No min/max on the widget (the browser would refuse in English): the core says it in words.
        dots = st.number_input(tr("workshop.dots"), value=3, step=1, key="ws_dots")
        if st.form_submit_button(tr("workshop.start"), type="primary", icon=":material/play_arrow:"):
            with faults.saving():
                try:
                    started = store().start_workshop(dossier_id, section, dots=int(dots or 0))
                except WorkshopError as exc:
                    refused(exc)
                    return
                use_workshop(started.id)
                st.rerun()


def _choose(dossier_id: int, current: Workshop | None) -> None:
    earlier = store().workshops_of(dossier_id)
    if not earlier:
        return
    ids = [w.id for w in earlier]
    # Labels made now, in this run's language: widgets may format their options after the run.
    labels = {
        w.id: tr(
            f"workshop.choice.{w.status.value}",
            code=w.code,
            section=tr(f"section.{w.section}"),
            at=fmt_datetime(w.started_at, lang()),
        )
        for w in earlier
    }
    picked = st.selectbox(
        tr("workshop.choose"),
        ids,
        index=ids.index(current.id) if current else None,
        format_func=labels.__getitem__,
        key="ws_choose",
        placeholder=tr("form.choose"),
    )
    if picked is not None and (current is None or picked != current.id):
        use_workshop(int(picked))
        st.rerun()


def _controls(record: DossierRecord, workshop: Workshop) -> None:
    code, links, timer = st.columns([2, 3, 3])
    with code, st.container(key="ws_code"):
        st.caption(tr("workshop.code"))
        st.text(workshop.code)
    with links:
        st.caption(tr("workshop.join_link"))
        st.code(room_url(workshop.code) or join_url(workshop.code), language=None, wrap_lines=True)  # (axe)
        st.link_button(
            tr("workshop.open_projector"),
            page_url(PROJECTOR_PATH, dossier=record.id, workshop=workshop.id),
            icon=":material/tv:",
        )
    with timer:
        minutes = st.number_input(tr("workshop.round_minutes"), value=5, step=1, key="ws_minutes")
        start, stop = st.columns(2)
        with faults.saving():
            try:
                if start.button(tr("workshop.round_start"), key="ws_round_start", icon=":material/timer:"):
                    store().start_round(workshop.id, int(minutes or 0) * 60)
                if stop.button(tr("workshop.round_stop"), key="ws_round_stop", icon=":material/timer_off:"):
                    store().stop_round(workshop.id)
            except WorkshopError as exc:
                refused(exc)
        if (left := store().workshop(workshop.id).remaining()) is not None:
            st.text(tr("workshop.round_left", clock=clock(left)))
    if workshop.votes_hidden:
        st.info(tr("workshop.votes_hidden_note"), icon=":material/visibility_off:")
    end, vote_phase, download = st.columns(3)
    flip = tr("workshop.votes_reveal") if workshop.votes_hidden else tr("workshop.votes_hide")
    if vote_phase.button(flip, key="ws_votes_hidden", icon=":material/how_to_vote:"):
        with faults.saving():
            try:
                store().set_votes_hidden(workshop.id, not workshop.votes_hidden)
            except WorkshopError as exc:
                refused(exc)
                return
            st.rerun()
    if workshop.is_open and end.button(tr("workshop.close"), key="ws_close", icon=":material/lock:"):
        with faults.saving():
            store().close_workshop(workshop.id)
            st.rerun()
    ws, code_lang = store(), lang()  # the download runs on another thread: no session state there
    download.download_button(
        tr("workshop.summary"),
        data=lambda: ws.workshop_summary_docx(workshop.id, code_lang),
        file_name=f"workshop-{workshop.code}.docx",
        mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        key="ws_summary",
        on_click="ignore",
        icon=":material/download:",
    )


def render() -> None:
    record = open_record()
    if record is None:
        return
    dossier_id = record.id
    st.title(tr("nav.workshop"))
    st.caption(tr("workshop.intro"))
    if not store().can(Action.EDIT_SECTION, dossier_id):
        # Facilitating writes into the dossier: a coach or viewer may watch the projector only.
        st.info(tr("workshop.read_only"))
        st.page_link(PAGES["projector"], label=tr("nav.projector"), icon=":material/tv:")
        return
    workshop = current_workshop(dossier_id)
    with st.expander(tr("workshop.start_title"), expanded=workshop is None):
        _start(dossier_id)
    _choose(dossier_id, workshop)
    if workshop is None:
        return
    st.header(md("workshop.heading", section=tr(f"section.{workshop.section}")))
    if not workshop.is_open:
        st.info(tr("workshop.error.closed"))
    _controls(record, workshop)
    consent_round_panel.render(workshop)
    workshop_board.render(record, workshop)


render()
