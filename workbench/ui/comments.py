"""Beside every section: the coach's verdict and the comment threads, shared by all step pages.

A step page calls `section_panel(dossier_id, step)` (or `comments_panel` alone). Controls only
appear for people who may use them, but the Workspace refuses the call anyway.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from workbench.access.permissions import AccessDenied, Action
from workbench.collab.reviews import Anchor, EntryKind, ReviewError, ReviewStatus, SectionReview, Thread
from workbench.collab.section_state import SectionProgress
from workbench.collab.thread_places import where
from workbench.dossier.model import SECTION_KEYS, Dossier, Partner
from workbench.dossier.steps import STEP_KEYS, STEPS
from workbench.guide import forms
from workbench.guide.form_specs import FormSpec
from workbench.guide.items import step_items
from workbench.i18n import fmt_datetime
from workbench.ui import faults, suggestion_view
from workbench.ui.common import labeller, lang, store, tr
from workbench.ui.markup import inert, md
from workbench.ui.progress_view import link_to_step
from workbench.workspace import Workspace


def section_panel(dossier_id: int, step: str, field: str | None = None) -> None:
    """Draw the review verdict and the comments of one step."""
    review_control(dossier_id, step)
    comments_panel(dossier_id, step, field)


def _partner_label(partners: list[Partner], partner_id: str | None) -> str:
    found = next((p for p in partners if p.id == partner_id), None)
    return found.name if found else ""


def thread_card(
    ws: Workspace,
    dossier_id: int,
    thread: Thread,
    partners: list[Partner],
    *,
    show_step: bool,
    dossier: Dossier | None = None,
    link: bool = False,
) -> None:
    """Draw one thread with where it is pinned, its messages, and reply / resolve / reopen."""
    with st.container(border=True, key=f"comments_thread_{thread.id}"):
        place = where(thread, dossier, lang(), step=show_step) if dossier is not None else []
        if thread.responsible_partner:
            place.append(
                tr("comments.responsible", partner=_partner_label(partners, thread.responsible_partner))
            )
        if place:
            st.caption(inert(" · ".join(place)))  # names items and partners: inert
        if link:
            _link_to_place(dossier_id, thread)
        for entry in thread.entries:
            when = fmt_datetime(entry.at, lang())
            if entry.kind == EntryKind.COMMENT:
                st.caption(inert(f"{entry.author} · {when}"))
                st.text(entry.body)  # user text: never rendered as Markdown
            else:
                st.caption(md(f"comments.{entry.kind}", by=entry.author, at=when))
                if entry.body:
                    st.text(entry.body)
        suggestion_view.thread_extras(ws, dossier_id, thread, ws.suggestion(dossier_id, thread.id))
        if not ws.can(Action.COMMENT, dossier_id):
            return
        key = f"comments_reply_text_{thread.id}"
        # Not clear_on_submit: a reply whose save failed must stay; it is cleared once saved.
        with st.form(f"comments_reply_{thread.id}", border=False):
            reply = st.text_area(tr("comments.reply"), key=key, height=68)
            left, right = st.columns(2)
            send = left.form_submit_button(tr("comments.send_reply"))
            toggle = right.form_submit_button(
                tr("comments.resolve") if thread.is_open else tr("comments.reopen")
            )
        with faults.saving():
            try:
                if send:
                    ws.reply(dossier_id, thread.id, reply)
                if toggle:
                    (ws.resolve if thread.is_open else ws.reopen)(dossier_id, thread.id, reply)
            except ReviewError as refused:
                st.error(md(refused.reason, **refused.params))
            else:
                if send or toggle:
                    faults.clear_after_save(key)
                    st.rerun()


def _link_to_place(dossier_id: int, thread: Thread) -> None:
    """Link to where a thread is pinned: its step's page with its item opened, or the documents."""
    anchor = thread.anchor
    if anchor.clause and anchor.item is None:
        link_to_step("documents", tr("comments.go_to_documents"), dossier_id, icon=":material/description:")
    else:
        label = tr("comments.go_to", step=tr(f"step.{anchor.step}"))
        link_to_step(anchor.step, label, dossier_id, icon=":material/arrow_forward:", subject=anchor.item)


def comments_panel(dossier_id: int, step: str, field: str | None = None) -> None:
    """Draw the open threads of a step, the resolved ones folded away, and a form for a new one."""
    ws = store()
    try:
        threads = [t for t in ws.threads(dossier_id, step=step) if field is None or t.anchor.field == field]
        dossier = ws.load(dossier_id).dossier
    except AccessDenied:
        return
    partners = dossier.partners
    open_threads = [t for t in threads if t.is_open]
    st.subheader(md("comments.heading", count=len(open_threads)))
    for thread in open_threads:
        thread_card(ws, dossier_id, thread, partners, show_step=False, dossier=dossier)
    resolved = [t for t in threads if not t.is_open]
    if resolved:
        with st.expander(md("comments.resolved_heading", count=len(resolved))):
            for thread in resolved:
                thread_card(ws, dossier_id, thread, partners, show_step=False, dossier=dossier)
    if ws.can(Action.COMMENT, dossier_id):
        new_thread_form(ws, dossier_id, step, field, partners, dossier=dossier)
    suggestion_view.mark_seen(ws, dossier_id, threads)  # shown: read in this person's inbox


def item_comments(dossier_id: int, step: str, item: str) -> None:
    """List the open comments pinned to one item, inside its expander (to answer: beside the section)."""
    ws = store()
    pinned = [t for t in ws.threads(dossier_id, step=step) if t.anchor.item == item and t.is_open]
    if not pinned:
        return
    with st.container(border=True, key=f"item_comments_{item}"):
        st.caption(md("comments.on_item", count=len(pinned)))
        for thread in pinned:
            for entry in thread.comments:
                st.caption(inert(f"{entry.author} · {fmt_datetime(entry.at, lang())}"))
                st.text(entry.body)  # user text: never Markdown


def partner_labeller(partners: list[Partner]) -> Callable[[str | None], str]:
    """Name partners in a select; bound to the language of this run (it may format after it)."""
    nobody = tr("comments.nobody")
    return lambda pid: _partner_label(partners, pid) if pid else nobody


def step_fields(step: str) -> list[str]:
    """List the fields a comment on a step can point at (top-level fields of its forms)."""
    kinds = STEPS[STEP_KEYS.index(step)].unit_kinds
    specs = [
        spec
        for spec in vars(forms).values()
        if isinstance(spec, FormSpec)
        and spec.unit_kind in kinds
        and (spec.unit_kind != "section" or spec.section == step)
    ]
    names = {f.path.split(".")[0] for spec in specs for f in spec.fields}
    if step in SECTION_KEYS:
        names.add("narrative")  # the section's own text, drawn by the section form
    return sorted(names)


def new_thread_form(
    ws: Workspace,
    dossier_id: int,
    step: str,
    field: str | None,
    partners: list[Partner],
    *,
    dossier: Dossier | None = None,
) -> None:
    """Offer a new comment in an expander whose widgets are drawn only while it is open."""
    key = f"comments_new_text_{step}"
    widgets = [key, f"comments_new_field_{step}", f"comments_new_item_{step}", f"comments_new_partner_{step}"]
    drawn_for = f"comments_new_dossier_{step}"
    aside = set_aside(widgets, dossier_id, drawn_for)
    opened = f"comments_new_open_{step}"
    box = st.expander(
        tr("comments.new"),
        expanded=bool(st.session_state.get(opened)),
        icon=":material/add_comment:",
        key=opened,
        on_change="rerun",
    )
    if not box.open:
        return
    item: str | None = None
    bring_back(widgets, aside, dossier_id, drawn_for)
    with box:
        # No st.form: a form's text reaches the server only when sent, so closing the expander
        # would lose it; these widgets send it when they lose the focus, and keep_typed keeps it.
        body = st.text_area(tr("comments.new"), key=key, height=90)
        if field is None and (names := step_fields(step)):
            whole, label = tr("comments.whole_step"), labeller("field")
            field = st.selectbox(
                tr("comments.about_field"),
                [None, *names],
                format_func=lambda name: label(name) if name else whole,
                key=widgets[1],
                placeholder=tr("form.choose"),
            )
        if dossier is not None and (items := dict(step_items(dossier, step, lang()))):
            # Pinned by the item's key: the comment stays with that target group, partner or
            # digipunt when it is renamed or the list is reordered. A selectbox shows names as text.
            every = tr("comments.every_item")
            item = st.selectbox(
                tr("comments.about_item"),
                [None, *items],
                format_func=lambda key: items.get(key, key) if key else every,
                key=widgets[2],
                placeholder=tr("form.choose"),
            )
        responsible = st.selectbox(
            tr("comments.responsible_partner"),
            [None, *(p.id for p in partners)],
            format_func=partner_labeller(partners),
            key=widgets[3],
            placeholder=tr("form.choose"),
        )
        if st.button(tr("comments.post"), type="primary", key=f"comments_post_{step}"):
            with faults.saving():
                try:
                    ws.start_thread(
                        dossier_id,
                        Anchor(step=step, field=field, item=item),
                        body,
                        responsible_partner=responsible,
                    )
                except ReviewError as refused:
                    st.error(md(refused.reason, **refused.params))
                else:
                    # Emptied once saved (a failed save keeps the text); the expander stays open.
                    st.toast(tr("comments.posted"), icon=":material/forum:")
                    faults.clear_after_save(*widgets, *aside)
                    st.rerun()


def set_aside(widgets: list[str], dossier_id: int, drawn_for: str) -> list[str]:
    """Before a lazy container that may not draw its widgets: keep what they hold aside, per dossier.

    `drawn_for` names the dossier the widgets were last drawn for: what they hold from another
    dossier is dropped (it was kept aside there), never shown in this one. Return the aside keys.
    """
    aside = [f"kept_{dossier_id}_{name}" for name in widgets]
    if st.session_state.get(drawn_for) == dossier_id:
        keep_typed(widgets, aside)
    else:
        for name in widgets:
            st.session_state.pop(name, None)
    return aside


def bring_back(widgets: list[str], aside: list[str], dossier_id: int, drawn_for: str) -> None:
    """The container is open: its widgets are drawn for this dossier, with what was kept aside."""
    st.session_state[drawn_for] = dossier_id
    give_back(widgets, aside)


def keep_typed(keys: list[str], aside: list[str]) -> None:
    """Copy what the widgets hold aside, before a lazy container that draws them (maybe not) is drawn.

    Streamlit forgets a widget that a run does not draw; the run that closes the container still
    carries the widget's last value.
    """
    state = st.session_state
    for key, kept in zip(keys, aside, strict=True):
        if key in state:
            state[kept] = state[key]


def give_back(keys: list[str], aside: list[str]) -> None:
    """Put what was kept aside back into widgets about to be drawn again (an opened container)."""
    state = st.session_state
    for key, kept in zip(keys, aside, strict=True):
        # An empty value is the widget's own default: left to the widget, as if never kept.
        if key not in state and state.get(kept) not in (None, ""):
            state[key] = state[kept]


def review_control(
    dossier_id: int, step: str, sections: SectionProgress | None = None, *, may_review: bool | None = None
) -> None:
    """Show the coach's verdict on a step, marked stale after a change; coaches can change it.

    The review page asks `sections` and `may_review` once for its fourteen steps (each is a read).
    """
    ws = store()
    try:
        sections = sections or ws.section_progress(dossier_id)
    except AccessDenied:
        return
    section = sections.sections.get(step)
    # The revision this run shows; a verdict submitted from it judges the one the previous run showed,
    # so a save that lands between the coach's look and their click leaves the verdict stale.
    seen_key = f"review_seen_{dossier_id}_{step}"
    seen = st.session_state.get(seen_key, sections.revision)
    st.session_state[seen_key] = sections.revision
    current = section.review if section else None
    status = current.status if current else ReviewStatus.NOT_REVIEWED
    icon = {"ok": ":material/check_circle:", "needs_work": ":material/error:"}.get(
        status, ":material/pending:"
    )
    line = md(f"review.status.{status}")
    if current:
        line += " · " + md("review.by", by=current.by, at=fmt_datetime(current.at, lang()))
    with st.container(key=f"verdict_{step}"):
        st.caption(f"{tr('review.verdict')}: {line}")
        if section is not None and section.stale:
            # Changed after the verdict: an "in orde" no longer counts, a "werk nodig" asks for a new look.
            st.warning(tr("review.stale"), icon=":material/update:")
        if current and current.reason:
            st.text(current.reason)
    if not (ws.can(Action.REVIEW, dossier_id) if may_review is None else may_review):
        return
    opened = f"review_open_{step}"
    widgets = [f"review_status_{step}", f"review_reason_{step}"]
    drawn_for = f"review_dossier_{step}"
    aside = set_aside(widgets, dossier_id, drawn_for)  # a click outside closes the popover: kept
    if st.session_state.pop(f"review_saved_{step}", False):
        st.session_state[opened] = False  # saved: the verdict line above shows the new verdict
        for name in (*widgets, *aside):  # and the form starts from it when opened again
            st.session_state.pop(name, None)
    # Lazy: the form is drawn only while the popover is open (fourteen forms made half the review page).
    popover = st.popover(tr("review.change"), icon=icon, key=opened, on_change="rerun")
    if popover.open:
        bring_back(widgets, aside, dossier_id, drawn_for)
        with popover:
            _review_form(ws, dossier_id, step, current, seen, widgets)


def _review_form(
    ws: Workspace,
    dossier_id: int,
    step: str,
    current: SectionReview | None,
    seen: int | None,
    widgets: list[str],
) -> None:
    """Draw the verdict form of one step: the verdict, the reason, save.

    No st.form: a form's text reaches the server only when sent, so a click outside the popover
    lost the reason being typed; these widgets send it when they lose the focus (review_control
    keeps it aside while the popover is closed).
    """
    status_key, reason_key = widgets
    st.session_state.setdefault(status_key, current.status if current else ReviewStatus.NOT_REVIEWED)
    st.session_state.setdefault(reason_key, current.reason if current else "")
    choice = st.radio(
        tr("review.verdict"),
        list(ReviewStatus),
        format_func=labeller("review.status"),
        key=status_key,
        horizontal=True,
    )
    reason = st.text_area(tr("review.col.reason"), key=reason_key)
    if st.button(tr("review.save"), type="primary", key=f"review_save_{step}") and choice is not None:
        with faults.saving():
            try:
                ws.set_section_review(dossier_id, step, choice, reason, seen_revision=seen)
            except ReviewError as refused:
                st.error(md(refused.reason, **refused.params))
            else:
                st.session_state[f"review_saved_{step}"] = True
                st.rerun()


def open_threads_summary(dossier_id: int) -> None:
    """List the open threads per step in a few lines: for the Overzicht."""
    ws = store()
    threads = [t for t in ws.threads(dossier_id) if t.is_open]
    st.subheader(tr("comments.open_heading"))
    if not threads:
        st.caption(tr("comments.none_open"))
        return
    for step in STEP_KEYS:
        mine = [t for t in threads if t.anchor.step == step]
        if mine:
            st.text(f"{tr(f'step.{step}')}: {len(mine)}")
            for thread in mine:
                first = thread.comments[0] if thread.comments else None
                if first:
                    st.caption(inert(f"{first.author}: {first.body[:140]}"))
