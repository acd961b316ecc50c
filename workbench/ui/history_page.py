"""Geschiedenis: who changed which part when, and bringing back an earlier version of a part."""

from __future__ import annotations

import streamlit as st

from workbench.access import AccessDenied
from workbench.history import is_gone, revision_line, steps_in
from workbench.i18n import fmt_datetime, t
from workbench.model import Dossier
from workbench.steps import step_of_unit
from workbench.store import DossierNotFound, EditConflict, InvalidChange
from workbench.ui import editing, faults
from workbench.ui.common import PAGES, actor, current_dossier_id, lang, store, tr
from workbench.ui.markup import md
from workbench.workshop import note_line

PAGE_SIZE = 50  # revisions drawn at once: a long history stays quick to show


def _restore(dossier_id: int, revision_id: int) -> None:
    try:
        store().restore_unit(dossier_id, revision_id, by=actor())
    except InvalidChange as exc:
        # e.g. a role of a partner that no longer exists: restore the partner first.
        st.session_state["history_problems"] = [p.message(lang()) for p in exc.problems]
    except EditConflict as exc:
        st.session_state["history_problems"] = [tr("edit.conflict", by=exc.by, at="")]
    except AccessDenied as refused:
        st.session_state["history_problems"] = [
            tr("access.denied", action=tr(f"access.action.{refused.action}"))
        ]
    else:
        editing.flash("history.restored")


def render() -> None:
    if message := st.session_state.pop("flash", None):
        st.toast(md(message), icon=":material/history:")
    dossier_id = current_dossier_id()
    if dossier_id is None:
        st.info(tr("dossier.none_open"))
        st.page_link(PAGES["start"], label=tr("nav.start"), icon=":material/home:")
        return
    db = store()
    try:
        record = db.load(dossier_id)
        revisions = db.history(dossier_id)
    except DossierNotFound:
        st.error(md("cli.unknown_dossier", id=dossier_id))
        return
    code = lang()
    st.title(tr("nav.history"))
    st.caption(tr("history.intro"))
    if problems := st.session_state.pop("history_problems", None):
        st.error(tr("history.restore_failed"))
        st.text("\n".join(f"• {p}" for p in problems))
    steps = steps_in(revisions)
    chosen = st.selectbox(
        tr("history.filter"),
        ["", *steps],
        format_func=lambda key: t(f"step.{key}", code) if key else t("history.all", code),
        key="history_step",
    )
    if chosen:
        revisions = [r for r in revisions if step_of_unit(r.unit.kind, r.unit.key) == chosen]
    shown = st.session_state.setdefault("history_shown", PAGE_SIZE)
    earlier: dict[int, Dossier] = {}  # the dossier before a revision, to name what it deleted
    for rev in revisions[:shown]:
        before = None
        if is_gone(rev, record.dossier) and rev.revision > 1:
            if rev.revision not in earlier:
                earlier[rev.revision] = db.dossier_at(dossier_id, rev.revision - 1)
            before = earlier[rev.revision]
        line = revision_line(rev, record.dossier, code, before)
        cols = st.columns([1, 3, 6, 2, 2], vertical_alignment="center")
        cols[0].text(f"#{rev.revision}")
        cols[1].text(fmt_datetime(rev.at, code) + "\n" + rev.by)
        note = note_line(rev.note, code)  # e.g. the vote record of a workshop: shown as text
        cols[2].text(
            line.title + (f"\n{line.changed}" if line.changed else "") + (f"\n{note}" if note else "")
        )
        cols[3].text(tr(f"history.action.{rev.action}"))
        cols[4].button(
            tr("history.restore"),
            key=f"history_restore_{rev.id}",
            help=tr("history.restore_help"),
            on_click=faults.guarded(_restore),
            args=(dossier_id, rev.id),
        )
    if len(revisions) > shown:
        st.button(
            md("history.more", count=len(revisions) - shown),
            key="history_more",
            on_click=lambda: st.session_state.update(history_shown=shown + PAGE_SIZE),
        )


render()
