"""Projector: one section in large type for the room: hulpvragen, text, ideas with their dots, timer."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from workbench.ui import consent_round_view
from workbench.ui.common import PAGES, fragment, store, tr
from workbench.ui.markup import bullets
from workbench.ui.prelude import open_record
from workbench.ui.workshop_view import clock, current_workshop, questions, show_room_link

# Static CSS from a file of ours (never built from user text), scoped to this page.
CSS = (
    "<style>" + (Path(__file__).parent / "static" / "projector.css").read_text(encoding="utf-8") + "</style>"
)


@fragment(run_every="1s")
def _timer(workshop_id: int) -> None:
    left = store().workshop(workshop_id).remaining()
    with st.container(key="proj_timer"):
        st.text(clock(left) if left is not None else " ")


@fragment(run_every="2s")
def _board(dossier_id: int, workshop_id: int, drawn_open: bool) -> None:
    """The current text and the ideas with their dots, re-read every two seconds."""
    board = store().workshop_board(workshop_id)
    if board.workshop.is_open != drawn_open:
        st.rerun(scope="app")  # closed meanwhile: the code gives way to "closed" without a reload
    section = board.workshop.section
    narrative = getattr(store().load(dossier_id).dossier.strategy, section).narrative
    text, ideas = st.columns([2, 3], gap="large")
    with text:
        if found := questions(section):
            with st.container(key="proj_label_questions"):
                st.text(tr("projector.questions"))
            st.markdown(bullets(found))
        with st.container(key="proj_label_text"):
            st.text(tr("projector.current_text"))
        with st.container(key="proj_text"):
            st.text(narrative or tr("projector.no_text"))
    with ideas:
        with st.container(key="proj_label_ideas"):
            counts = "projector.counts_hidden" if board.hidden else "projector.counts"
            st.text(tr(counts, ideas=len(board.ideas), people=board.participants, votes=board.votes))
        if not board.ideas:
            st.text(tr("projector.no_ideas"))
        for n, (label, members) in enumerate(board.clusters()):
            if label:
                with st.container(key=f"proj_cluster_{n}"):
                    st.text(label)
            for idea in members:
                with st.container(key=f"proj_idea_{idea.id}"):
                    votes, body = st.columns([1, 6], vertical_alignment="center")
                    if not board.hidden:  # a hidden vote: no count at all, not even a zero
                        with votes, st.container(key=f"proj_votes_{idea.id}"):
                            st.text(str(idea.votes))
                    with body:
                        st.text(idea.text)
                        with st.container(key=f"proj_author_{idea.id}"):
                            mark = " ✓" if idea.id in board.promoted else ""
                            st.text(f"{idea.author or tr('workshop.anonymous')}{mark}")


def render() -> None:
    record = open_record()
    if record is None:
        return
    dossier_id = record.id
    workshop = current_workshop(dossier_id)
    if workshop is None:
        st.info(tr("projector.none"))
        st.page_link(PAGES["workshop"], label=tr("nav.workshop"), icon=":material/groups:")
        return
    st.html(CSS)
    with st.container(key="projector"):
        title, code, timer = st.columns([5, 3, 2], vertical_alignment="bottom")
        title.title(tr(f"section.{workshop.section}"))
        with code:
            with st.container(key="proj_label_join"):
                st.text(tr("projector.join"))
            with st.container(key="proj_join"):
                show_room_link(workshop.code, qr=workshop.is_open)  # an address phones can open
            with st.container(key="proj_code"):
                st.text(workshop.code if workshop.is_open else tr("projector.closed"))
        with timer:
            _timer(workshop.id)
        consent_round_view.projector(workshop.id)  # a consent round's matrix first: the room reads it
        _board(dossier_id, workshop.id, workshop.is_open)
    st.page_link(PAGES["workshop"], label=tr("projector.back"), icon=":material/arrow_back:")


render()
