"""Projector: one section for the room: the ideas in a compact grid (paged), a cluster overview, the timer."""

from __future__ import annotations

import time
from pathlib import Path

import streamlit as st

from workbench.collab.projector_layout import Entry, layout, overview
from workbench.collab.workshop_records import Board
from workbench.i18n import tn
from workbench.ui import consent_round_view
from workbench.ui.common import PAGES, fragment, lang, store, tr
from workbench.ui.markup import bullets
from workbench.ui.prelude import open_record
from workbench.ui.workshop_view import clock, current_workshop, questions, show_room_link, show_room_qr

# Static CSS from a file of ours (never built from user text), scoped to this page.
CSS = (
    "<style>" + (Path(__file__).parent / "static" / "projector.css").read_text(encoding="utf-8") + "</style>"
)
PAGE = "proj_page"  # the grid page on show (0-based)


@fragment(run_every="1s")
def _timer(workshop_id: int) -> None:
    left = store().workshop(workshop_id).remaining()
    with st.container(key="proj_timer"):
        st.text(clock(left) if left is not None else " ")


def _turn(step: int, count: int) -> None:
    st.session_state[PAGE] = (int(st.session_state.get(PAGE, 0)) + step) % count


# The board polls often, but a poll reads only the stamp (one cheap read) unless it changed.
POLL = "0.5s"
KEPT = "proj_kept"  # the board last read: its stamp, when it was read, the board, the section's text
FRESH_SECONDS = 5.0  # re-read the board this often all the same (a change the stamp cannot see)


def _read(dossier_id: int, workshop_id: int) -> tuple[Board, str]:
    """Return the board and the section's text, read again only when the stamp changed."""
    stamp = (workshop_id, store().workshop_stamp(workshop_id))
    kept = st.session_state.get(KEPT)
    if kept and kept[0] == stamp and time.monotonic() - kept[1] < FRESH_SECONDS:
        return kept[2], kept[3]
    board = store().workshop_board(workshop_id)
    narrative = getattr(store().load(dossier_id).dossier.strategy, board.workshop.section).narrative
    st.session_state[KEPT] = (stamp, time.monotonic(), board, narrative)
    return board, narrative


@fragment(run_every=POLL)
def _board(dossier_id: int, workshop_id: int, drawn_open: bool) -> None:
    """The current text, the cluster overview and the ideas with their dots, as they change."""
    board, narrative = _read(dossier_id, workshop_id)
    if board.workshop.is_open != drawn_open:
        st.rerun(scope="app")  # closed meanwhile: the code gives way to "closed" without a reload
    section = board.workshop.section
    side, grid = st.columns([1, 5], gap="medium")
    with side:
        _overview(board)
        if found := questions(section):
            with st.container(key="proj_label_questions"):
                st.text(tr("projector.questions"))
            with st.container(key="proj_questions"):
                st.markdown(bullets(found))
        with st.container(key="proj_label_text"):
            st.text(tr("projector.current_text"))
        with st.container(key="proj_text"):
            st.text(narrative or tr("projector.no_text"))
    with grid:
        _grid(board)


def _overview(board: Board) -> None:
    """Per cluster its label, how many ideas and (unless the vote is hidden) how many dots."""
    with st.container(key="proj_label_ideas"):
        counts = "projector.counts_hidden" if board.hidden else "projector.counts"
        st.text(tr(counts, ideas=len(board.ideas), people=board.participants, votes=board.votes))
    with st.container(key="proj_overview"):
        for n, cluster in enumerate(overview(board)):
            with st.container(key=f"proj_overview_{n}"):
                st.text(cluster.label or tr("projector.unclustered"))
                parts = [tn("projector.ideas", cluster.ideas, lang())]
                if cluster.votes is not None:  # a hidden vote: no count at all
                    parts.append(tn("projector.dots", cluster.votes, lang()))
                st.text(" · ".join(parts))


def _grid(board: Board) -> None:
    """The ideas in columns of compact cards, one page at a time; the facilitator turns the pages."""
    if not board.ideas:
        st.text(tr("projector.no_ideas"))
        return
    grid, laid_out = layout(board)
    shown = min(int(st.session_state.get(PAGE, 0)), len(laid_out) - 1)
    st.session_state[PAGE] = shown
    if len(laid_out) > 1:
        with st.container(key="proj_paging", horizontal=True, vertical_alignment="center"):
            st.button(
                tr("projector.previous"),
                key="proj_prev",
                icon=":material/chevron_left:",
                on_click=_turn,
                args=(-1, len(laid_out)),
            )
            with st.container(key="proj_page_of", width="content"):
                st.text(tr("projector.page_of", page=shown + 1, pages=len(laid_out)))
            st.button(
                tr("projector.next"),
                key="proj_next",
                icon=":material/chevron_right:",
                on_click=_turn,
                args=(1, len(laid_out)),
            )
    with st.container(key=f"proj_grid_{grid.name}"):  # the stylesheet sizes the type by this name
        columns = st.columns(grid.columns, gap="small")
        for c, (column, entries) in enumerate(zip(columns, laid_out[shown], strict=False)):
            with column:
                for n, entry in enumerate(entries):
                    _entry(board, entry, f"{c}_{n}")


def _entry(board: Board, entry: Entry, place: str) -> None:
    idea = entry.idea
    if idea is None:
        with st.container(key=f"proj_cluster_{place}"):
            st.text(entry.label or tr("projector.unclustered"))
        return
    with st.container(key=f"proj_idea_{idea.id}"):
        st.text(idea.text)
        with st.container(key=f"proj_meta_{idea.id}", horizontal=True, vertical_alignment="center"):
            if not board.hidden:  # a hidden vote: no count at all, not even a zero
                with st.container(key=f"proj_votes_{idea.id}", width="content"):
                    st.text(str(idea.votes))
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
        title, code, qr, timer = st.columns([5, 4, 1.3, 2], vertical_alignment="center")
        title.title(tr(f"section.{workshop.section}"), anchor=False)
        with code:
            with st.container(key="proj_label_join"):
                st.text(tr("projector.join"))
            with st.container(key="proj_join"):
                url = show_room_link(workshop.code)  # an address phones can open
            with st.container(key="proj_code"):
                st.text(workshop.code if workshop.is_open else tr("projector.closed"))
        with qr:
            if workshop.is_open and url:
                show_room_qr(url)  # drawn at 9rem by projector.css, sharp
        with timer:
            _timer(workshop.id)
        consent_round_view.projector(workshop.id)  # a consent round's matrix first: the room reads it
        _board(dossier_id, workshop.id, workshop.is_open)
    st.page_link(PAGES["workshop"], label=tr("projector.back"), icon=":material/arrow_back:")


render()
