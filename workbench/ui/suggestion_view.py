"""Suggestions and hand-overs in the page: propose wording beside a read-only form; accept, decline, assign.

The proposed text, names and comments are user text: shown with st.text or as widget values.
"""

from __future__ import annotations

import contextlib

import streamlit as st

from workbench.access.permissions import AccessDenied, Action
from workbench.collab.review_records import ReviewError, Thread
from workbench.collab.suggestions import Suggestion, SuggestionStatus, Target
from workbench.dossier.records import DossierRecord, EditConflict, InvalidChange
from workbench.guide import labels, parts
from workbench.i18n import fmt_datetime
from workbench.store.db import StorageFailure
from workbench.ui import faults
from workbench.ui.common import lang, store, tr
from workbench.ui.editing import FormRef
from workbench.ui.markup import inert, md
from workbench.workspace import Workspace
from workbench.workspace.suggestions import current_text, form_spec, text_fields

_OUTCOME = "suggestion_outcome_{}"  # what accepting or declining one suggestion met, shown once


def _field_label(form: str, field: str) -> str:
    return _label_in(form, field, lang())


def suggest_box(ref: FormRef, record: DossierRecord) -> None:
    """Let someone who may comment (a coach) propose wording for one text field of this form."""
    ws = store()
    fields = text_fields(ref.spec)
    if not fields or not ws.can(Action.COMMENT, record.id):
        return
    code = lang()
    with (
        st.popover(tr("suggestion.propose"), icon=":material/edit_note:"),
        st.form(f"suggest_{ref.id}", clear_on_submit=False),
    ):
        field = st.selectbox(
            tr("suggestion.field"),
            fields,
            format_func=lambda path: _label_in(ref.spec.key, path, code),
            key=f"suggest_field_{ref.id}",
            placeholder=tr("form.choose"),
        )
        proposed = st.text_area(tr("suggestion.text"), key=f"suggest_text_{ref.id}", height=120)
        note = st.text_area(tr("suggestion.note"), key=f"suggest_note_{ref.id}", height=68)
        if st.form_submit_button(tr("suggestion.send"), type="primary") and field:
            with faults.saving():
                try:
                    ws.suggest(record.id, Target(ref.spec.key, ref.item, field), proposed, note)
                except (ReviewError, InvalidChange, AccessDenied) as refused:
                    st.error(inert(refused.message(code)))
                else:
                    faults.clear_after_save(f"suggest_text_{ref.id}", f"suggest_note_{ref.id}")
                    st.toast(tr("suggestion.sent"), icon=":material/edit_note:")
                    st.rerun()


def _label_in(spec_key: str, path: str, code: str) -> str:
    spec = form_spec(spec_key)
    found = next(f for f in spec.fields if f.path == path)
    return labels.field_label(spec.key, found, code)


def thread_extras(ws: Workspace, dossier_id: int, thread: Thread, suggestion: Suggestion | None) -> None:
    """Draw what a thread carries besides its messages: a suggestion, the member it is assigned to."""
    if suggestion is not None:
        _suggestion(ws, dossier_id, suggestion)
    if thread.assignee_id is not None:
        name = dict(_members(ws, dossier_id)).get(thread.assignee_id, "?")
        st.caption(tr("assign.assigned_to"))
        st.text(name)  # a person's name: user text
    if ws.can(Action.COMMENT, dossier_id):
        _assign(ws, dossier_id, thread)


def _members(ws: Workspace, dossier_id: int) -> list[tuple[int, str]]:
    return [(m.user_id, m.display_name or m.email) for m in ws.members(dossier_id)]


def _assign(ws: Workspace, dossier_id: int, thread: Thread) -> None:
    members = _members(ws, dossier_id)
    if not members:
        return  # open workshop mode: nobody to assign to
    names = dict(members)
    nobody = tr("assign.nobody")
    with st.popover(tr("assign.button"), icon=":material/assignment_ind:"):
        chosen = st.selectbox(
            tr("assign.to"),
            [None, *names],
            index=[None, *names].index(thread.assignee_id) if thread.assignee_id in names else 0,
            format_func=lambda uid: names.get(uid, "?") if uid is not None else nobody,
            key=f"assign_to_{thread.id}",
            placeholder=tr("form.choose"),
        )
        if st.button(tr("assign.save"), key=f"assign_save_{thread.id}", type="primary"):
            with faults.saving():
                try:
                    ws.assign_thread(dossier_id, thread.id, chosen)
                except ReviewError as refused:
                    st.error(inert(refused.message(lang())))
                else:
                    st.rerun()


def _suggestion(ws: Workspace, dossier_id: int, suggestion: Suggestion) -> None:
    code = lang()
    with st.container(border=True, key=f"suggestion_{suggestion.thread_id}"):
        st.caption(md("suggestion.for", field=_field_label(suggestion.form, suggestion.field)))
        st.text(suggestion.proposed)  # user text: never Markdown
        if suggestion.status != SuggestionStatus.OPEN:
            at = fmt_datetime(suggestion.decided_at, code) if suggestion.decided_at else "?"
            key = (
                "suggestion.accepted"
                if suggestion.status == SuggestionStatus.ACCEPTED
                else "suggestion.declined"
            )
            st.caption(md(key, by=suggestion.decided_by or "?", at=at, revision=suggestion.revision or "?"))
            return
        if outcome := st.session_state.pop(_OUTCOME.format(suggestion.thread_id), None):
            st.warning(inert(outcome), icon=":material/group:")
        if not ws.may_decide(dossier_id, suggestion):
            return
        record = ws.load(dossier_id)
        spec = form_spec(suggestion.form)
        current = parts.part(record.dossier, spec, suggestion.item)
        if current is None:
            st.caption(tr("suggestion.gone"))
        else:
            now = current_text(record, suggestion.target)[0]
            if now != suggestion.original:  # one click would replace a newer text: say so, show both
                st.warning(tr("suggestion.changed_since"), icon=":material/history:")
                st.caption(tr("suggestion.was"))
                st.text(suggestion.original)  # user text: never Markdown
                st.caption(tr("suggestion.now"))
                st.text(now)
        # The version this person sees now is the base of the save: a newer one is a conflict.
        seen = record.version(spec.unit(suggestion.item))
        bar = st.container(horizontal=True)
        bar.button(
            tr("suggestion.accept"),
            key=f"suggestion_accept_{suggestion.thread_id}",
            type="primary",
            on_click=_accept,
            args=(dossier_id, suggestion.thread_id, seen),
            icon=":material/check:",
        )
        bar.button(
            tr("suggestion.decline"),
            key=f"suggestion_decline_{suggestion.thread_id}",
            on_click=_decline,
            args=(dossier_id, suggestion.thread_id),
            icon=":material/close:",
        )


def _accept(dossier_id: int, thread_id: int, seen: int) -> None:
    code = lang()
    try:
        store().accept_suggestion(dossier_id, thread_id, seen)
    except EditConflict as conflict:
        at = fmt_datetime(conflict.at, code) if conflict.at else "?"
        st.session_state[_OUTCOME.format(thread_id)] = tr("suggestion.stale", by=conflict.by, at=at)
    except (InvalidChange, ReviewError, AccessDenied) as refused:
        st.session_state[_OUTCOME.format(thread_id)] = refused.message(code)
    except StorageFailure as failure:
        faults.keep(failure)
    else:
        st.toast(tr("suggestion.accepted_now"), icon=":material/check:")


def _decline(dossier_id: int, thread_id: int) -> None:
    try:
        store().decline_suggestion(dossier_id, thread_id)
    except (ReviewError, AccessDenied) as refused:
        st.session_state[_OUTCOME.format(thread_id)] = refused.message(lang())
    except StorageFailure as failure:
        faults.keep(failure)


def mark_seen(ws: Workspace, dossier_id: int, threads: list[Thread]) -> None:
    """Mark the threads just shown as read in this person's inbox."""
    if ws.user is None or not threads:
        return
    with contextlib.suppress(StorageFailure):  # a read mark is not worth a message: the item stays new
        ws.mark_threads_read(dossier_id, [t.id for t in threads])
