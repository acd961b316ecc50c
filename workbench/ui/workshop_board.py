"""The facilitator's board: pick ideas, cluster them, add formulations, compose the text and promote it."""

from __future__ import annotations

from typing import Any

import streamlit as st

from workbench.collab.workshop_records import IdeaKind, Workshop, WorkshopError
from workbench.dossier.units import section_unit
from workbench.i18n import fmt_datetime
from workbench.store.dossiers import DossierRecord, EditConflict, InvalidChange
from workbench.ui import faults
from workbench.ui.common import fragment, lang, store, tr
from workbench.ui.markup import md
from workbench.ui.workshop_view import refused

PICK = "ws_pick_"  # + idea id (+ "_r" and the pick round after the first): the checkbox that selects an idea
_ROUND = "ws_pick_round"


def _pick_key(idea_id: int) -> str:
    """Name an idea's checkbox in this pick round: a new round's boxes are new widgets."""
    round_ = int(st.session_state.get(_ROUND, 0))
    return f"{PICK}{idea_id}" if round_ == 0 else f"{PICK}{idea_id}_r{round_}"


def _picked(workshop_id: int) -> list[int]:
    visible = {i.id for i in store().workshop_board(workshop_id).ideas}
    return sorted(i for i in visible if st.session_state.get(_pick_key(i)))


def _unpick() -> None:
    """Start a new pick round rather than untick the boxes.

    Unticking in the session was a race: until the browser has drawn that run it still holds the
    boxes ticked, and a rerun it sends meanwhile (the board refreshes itself every 3 s) brought
    them back, so the next clustering moved them under its label ("seven ideas under the wrong
    label"). A stale tick of an old round's box names no checkbox of this round.
    """
    for key in [k for k in st.session_state if str(k).startswith(PICK) and k != _ROUND]:
        del st.session_state[key]
    st.session_state[_ROUND] = int(st.session_state.get(_ROUND, 0)) + 1


def _attempt(action: Any, *args: Any, done: str = "") -> bool:
    """Run a board action; keep a refusal or a confirmation for the next run; tell if it was done."""
    try:
        action(*args)
    except WorkshopError as exc:
        st.session_state["ws_refused"] = exc
        return False
    if done:
        st.session_state["ws_flash"] = done
    return True


@faults.guarded
def _cluster(workshop_id: int) -> None:
    label = str(st.session_state.get("ws_cluster_label", ""))  # as typed now, not at the last run
    _attempt(store().cluster_ideas, workshop_id, _picked(workshop_id), label, done="workshop.clustered")
    _unpick()


@faults.guarded
def _hide(workshop_id: int, idea_id: int) -> None:
    _attempt(store().hide_idea, workshop_id, idea_id, done="workshop.hidden")


@fragment(run_every="3s")
def _ideas(workshop_id: int) -> None:
    """The ideas as they come in, with their dots: new ones appear without reloading."""
    faults.show_pending()  # a fragment rerun does not pass the router, which shows these otherwise
    board = store().workshop_board(workshop_id)
    heading = "workshop.board_hidden" if board.hidden else "workshop.board"
    st.subheader(md(heading, ideas=len(board.ideas), people=board.participants, votes=board.votes))
    for label, members in board.clusters():
        if label:
            with st.container(key=f"ws_cluster_{members[0].id}"):
                st.text(tr("workshop.cluster_heading", label=label))
        for idea in members:
            with st.container(border=True, key=f"ws_idea_{idea.id}"):
                pick, body, hide = st.columns([1, 9, 2], vertical_alignment="center")
                pick.checkbox(tr("workshop.pick"), key=_pick_key(idea.id), label_visibility="collapsed")
                body.text(
                    idea.text if board.hidden else tr("workshop.idea_line", votes=idea.votes, text=idea.text)
                )
                kind = tr("workshop.formulation") if idea.kind == IdeaKind.FORMULATION else ""
                done = tr("workshop.promoted") if idea.id in board.promoted else ""
                author = idea.author or tr("workshop.anonymous")
                body.text(" · ".join(part for part in (author, kind, done) if part))
                hide.button(
                    tr("workshop.hide"),
                    key=f"ws_hide_{idea.id}",
                    icon=":material/visibility_off:",
                    on_click=_hide,
                    args=(workshop_id, idea.id),
                )


@faults.guarded
def _compose(dossier_id: int, workshop: Workshop) -> None:
    """Put the current text and the picked ideas in the editor, based on the section as it is now."""
    record = store().load(dossier_id)
    narrative = getattr(record.dossier.strategy, workshop.section).narrative
    chosen = set(_picked(workshop.id))
    ideas = [i.text for i in store().workshop_board(workshop.id).ideas if i.id in chosen]
    st.session_state[f"ws_text_{workshop.id}"] = "\n\n".join(p for p in (narrative, *ideas) if p)
    st.session_state[f"ws_base_{workshop.id}"] = record.version(section_unit(workshop.section))
    st.session_state.pop("ws_conflict", None)


@faults.guarded
def _promote(dossier_id: int, workshop: Workshop) -> None:
    text = st.session_state.get(f"ws_text_{workshop.id}", "")
    base = int(st.session_state.get(f"ws_base_{workshop.id}", 0))
    try:
        store().promote_ideas(workshop.id, _picked(workshop.id), text, base)
    except WorkshopError as exc:
        st.session_state["ws_refused"] = exc
        return
    except EditConflict as conflict:
        # Keep the facilitator's text; show who changed the section and their version.
        st.session_state["ws_conflict"] = (
            conflict.by,
            conflict.at,
            (conflict.theirs or {}).get("narrative", ""),
        )
        return
    except InvalidChange as exc:
        st.session_state["ws_flash_error"] = "\n".join(p.message(lang()) for p in exc.problems)
        return
    record = store().load(dossier_id)
    st.session_state[f"ws_base_{workshop.id}"] = record.version(section_unit(workshop.section))
    st.session_state["ws_flash"] = "workshop.promoted_done"
    _unpick()


@faults.guarded
def _rebase(dossier_id: int, workshop: Workshop) -> None:
    """Continue on the version someone else saved, keeping the text in the editor."""
    record = store().load(dossier_id)
    st.session_state[f"ws_base_{workshop.id}"] = record.version(section_unit(workshop.section))
    st.session_state.pop("ws_conflict", None)


def _messages() -> None:
    if exc := st.session_state.pop("ws_refused", None):
        refused(exc)
    if flash := st.session_state.pop("ws_flash", None):
        st.toast(md(flash), icon=":material/check:")
    if problems := st.session_state.pop("ws_flash_error", None):
        st.text(problems)


def render(record: DossierRecord, workshop: Workshop) -> None:
    """Draw the board and the actions on the picked ideas."""
    _messages()
    _ideas(workshop.id)
    with st.container(border=True, key="ws_cluster_box"):
        label, button = st.columns([3, 1], vertical_alignment="bottom")
        label.text_input(tr("workshop.cluster_label"), key="ws_cluster_label", max_chars=60)
        button.button(tr("workshop.cluster"), key="ws_cluster", on_click=_cluster, args=(workshop.id,))
    with st.form("ws_formulation"):  # cleared once saved, so a failed save keeps the text
        text = st.text_area(tr("workshop.formulation_text"), key="ws_formulation_text", max_chars=500)
        if st.form_submit_button(tr("workshop.add_formulation"), icon=":material/add:"):
            with faults.saving():
                if _attempt(store().add_formulation, workshop.id, text):
                    faults.clear_after_save("ws_formulation_text")
                st.rerun()

    st.subheader(tr("workshop.promote_title"))
    st.caption(tr("workshop.promote_help"))
    unit = section_unit(workshop.section)
    narrative = getattr(record.dossier.strategy, workshop.section).narrative
    st.session_state.setdefault(f"ws_text_{workshop.id}", narrative)
    st.session_state.setdefault(f"ws_base_{workshop.id}", record.version(unit))
    st.button(tr("workshop.compose"), key="ws_compose", on_click=_compose, args=(record.id, workshop))
    st.text_area(tr("workshop.text"), key=f"ws_text_{workshop.id}", height=220, max_chars=20_000)
    if conflict := st.session_state.get("ws_conflict"):
        by, at, theirs = conflict
        st.warning(md("workshop.conflict", at=fmt_datetime(at, lang()) if at else "?"))
        st.text(tr("workshop.conflict_by", by=by))
        st.text(theirs)
        st.button(tr("workshop.rebase"), key="ws_rebase", on_click=_rebase, args=(record.id, workshop))
    st.button(
        tr("workshop.promote"),
        key="ws_promote",
        type="primary",
        icon=":material/publish:",
        on_click=_promote,
        args=(record.id, workshop),
    )
