"""Meedoen: join a workshop with its code and a name (no account), add ideas, give your dots."""

from __future__ import annotations

import streamlit as st

from workbench.collab.workshop_records import WorkshopError, normalise_code
from workbench.ui import consent_round_phone, faults
from workbench.ui.common import client, current_user, fragment, store, tr
from workbench.ui.markup import bullets
from workbench.ui.session import cookie
from workbench.ui.session_routes import BROWSER_COOKIE
from workbench.ui.workshop_view import LEFT, PARTICIPANT_TOKEN, clock, questions, refused

TOKEN = PARTICIPANT_TOKEN


def _browser() -> str:
    """Return this browser's cookie (set by our server, HttpOnly): the phone's identity across reloads."""
    return cookie(BROWSER_COOKIE) or ""


def _join() -> None:
    st.title(tr("participate.title"), anchor=False)  # no 16 px link icon beside it
    st.caption(tr("participate.intro"))
    with st.form("part_join"):
        code = st.text_input(
            tr("participate.code"), value=st.query_params.get("join", ""), key="part_code", max_chars=12
        )
        name = st.text_input(tr("participate.name"), key="part_name", max_chars=40)
        if st.form_submit_button(tr("participate.join"), type="primary"):
            with faults.saving():
                try:
                    joined = store().participation.join(code, name, client=client(), browser=_browser())
                except WorkshopError as exc:
                    refused(exc)
                    return
                st.session_state[TOKEN] = joined.token
                st.query_params["join"] = joined.workshop.code  # a reload finds the workshop again
                st.rerun()


@fragment()
def _add_idea(token: str) -> None:
    """The idea form: a fragment, so that a submit saves at once instead of after the whole page."""
    if st.session_state.pop("part_clear", False):
        st.session_state["part_idea_text"] = ""  # before the widget exists: the next idea starts empty
    with st.form("part_idea"):
        # No max_chars: the browser would cut a long paste to nothing without a word; the core refuses
        # it in words and the text stays in the field, to be shortened.
        text = st.text_area(tr("participate.idea"), key="part_idea_text", height=100)
        anonymous = st.checkbox(tr("participate.anonymous"), key="part_anonymous")
        if st.form_submit_button(tr("participate.add"), type="primary", icon=":material/add:"):
            with faults.saving():  # on a refusal or a database fault the text stays: nothing typed is lost
                try:
                    store().participation.add_idea(token, text, anonymous=anonymous)
                except WorkshopError as exc:
                    refused(exc)
                    return
                st.session_state["part_clear"] = True
                st.toast(tr("participate.added"), icon=":material/check:")
                st.rerun()


@faults.guarded
def _toggle(token: str, idea_id: int, voted: bool) -> None:
    try:
        if voted:
            store().participation.unvote(token, idea_id)
        else:
            store().participation.vote(token, idea_id)
    except WorkshopError as exc:
        st.session_state["part_refused"] = exc


@fragment(run_every="3s")
def _ideas(token: str, drawn_open: bool, drawn_round: tuple[int, str] | None) -> None:
    """The ideas to vote on, refreshed so that new ones show up without reloading.

    The page's only polling fragment: it also notices a closed workshop or a consent round opened
    or closed, and then the whole page follows, without a reload.
    """
    view = store().participation.view(token)
    if view is None:
        return
    if view.workshop.is_open != drawn_open or consent_round_phone.drawn(token) != drawn_round:
        st.rerun(scope="app")
    faults.show_pending()  # a fragment rerun does not pass the router, which shows these otherwise
    if exc := st.session_state.pop("part_refused", None):
        refused(exc)
    if (left := view.workshop.remaining()) is not None:
        st.text(tr("participate.time_left", clock=clock(left)))
    st.subheader(tr("participate.vote_title"), anchor=False)
    st.text(tr("participate.dots_left", left=view.dots_left, dots=view.workshop.dots))
    for idea in view.ideas:
        voted = idea.id in view.my_votes
        with st.container(border=True, key=f"part_idea_{idea.id}"):
            text, button = st.columns([5, 2], vertical_alignment="center")
            text.text(idea.text)
            text.text(tr("participate.by", name=idea.author or tr("workshop.anonymous")))
            button.button(
                tr("participate.unvote") if voted else tr("participate.vote"),
                key=f"part_vote_{idea.id}",
                type="primary" if voted else "secondary",
                icon=":material/radio_button_checked:" if voted else ":material/radio_button_unchecked:",
                disabled=not view.workshop.is_open or (not voted and view.dots_left == 0),
                on_click=_toggle,
                args=(token, idea.id, voted),
            )
    if view.mine:
        st.subheader(tr("participate.mine"), anchor=False)
        for idea in view.mine:
            st.text(f"• {idea.text}")


def render() -> None:
    # The container names the page for the stylesheet: 44 px targets for fingers (look.py).
    with st.container(key="participant"):
        if current_user() is None:
            # Someone with a workshop code only: the stylesheet hides the workbench's navigation
            # (an empty container is not drawn, so this one holds the page).
            with st.container(key="participant_only"):
                _render()
        else:
            _render()


def _render() -> None:
    token = str(st.session_state.get(TOKEN) or "")
    linked = st.query_params.get("join")
    if not token and linked and (rejoined := store().participation.rejoin(linked, _browser())):
        token = st.session_state[TOKEN] = rejoined.token  # a reload: the same person, ideas and dots
    elif (
        not token
        and not linked
        and not st.session_state.get(LEFT)
        and (again := store().participation.joined_open(_browser()))
    ):
        # An address typed without the code (another page, say): this browser's workshop, if any.
        token = st.session_state[TOKEN] = again.token
        st.query_params["join"] = again.workshop.code
    view = store().participation.view(token) if token else None
    if view is None or (linked is not None and normalise_code(linked) != view.workshop.code):
        # No token yet, or a link to another workshop: join (again).
        st.session_state.pop(TOKEN, None)
        _join()
        return
    st.text(tr("participate.joined_as", name=view.participant.name, code=view.workshop.code))
    st.title(tr(f"section.{view.workshop.section}"), anchor=False)
    if found := questions(view.workshop.section):
        with st.expander(tr("participate.questions"), expanded=False):
            st.markdown(bullets(found))
    # Each part in a container of its own: the page keeps one shape whatever each part draws.
    with st.container(key="part_round_box"):
        drawn_round = consent_round_phone.render(token)  # a consent round, while the facilitator holds one
    with st.container(key="part_idea_box"):
        if view.workshop.is_open:
            _add_idea(token)
        else:
            st.info(tr("workshop.error.closed"))
    with st.container(key="part_board_box"):
        _ideas(token, view.workshop.is_open, drawn_round)
    if st.button(tr("participate.leave"), key="part_leave", icon=":material/logout:"):
        st.session_state.pop(TOKEN, None)
        st.session_state[LEFT] = True
        if "join" in st.query_params:
            del st.query_params["join"]  # or the browser cookie would bring this tab straight back
        st.rerun()


render()
