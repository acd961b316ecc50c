"""Geschiedenis: who changed which part when, and bringing back an earlier version of a part."""

from __future__ import annotations

import streamlit as st

from workbench.access.permissions import AccessDenied
from workbench.dossier.records import DossierRecord
from workbench.guide.history import HistoryPage
from workbench.i18n import fmt_datetime, t
from workbench.store.dossiers import EditConflict, InvalidChange
from workbench.ui import derived, editing, faults
from workbench.ui.common import actor, lang, store, tr
from workbench.ui.markup import md
from workbench.ui.prelude import open_record

PAGE_SIZE = 25  # revisions drawn at once (a row is six elements): a long history stays quick to show


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


def _page(record: DossierRecord, code: str, step: str, shown: int) -> HistoryPage:
    """Describe the history up to this revision; its lines never change, so they are named once.

    Shared by every session holding this record: each of them loaded it through its own
    Workspace, which checked that it may read the dossier.
    """
    return derived.once(
        "history_page",
        record,
        lambda: store().history_page(record, code, step=step, shown=shown),
        code,
        step,
        shown,
    )


def render() -> None:
    if message := st.session_state.pop("flash", None):
        st.toast(md(message), icon=":material/history:")
    record = open_record()
    if record is None:
        return
    dossier_id, code = record.id, lang()
    st.title(tr("nav.history"))
    st.caption(tr("history.intro"))
    if problems := st.session_state.pop("history_problems", None):
        st.error(tr("history.restore_failed"))
        st.text("\n".join(f"• {p}" for p in problems))
    chosen = st.session_state.get("history_step") or ""
    shown = st.session_state.setdefault("history_shown", PAGE_SIZE)
    page = _page(record, code, chosen, shown)
    if chosen not in page.steps:  # a step the history no longer touches: show everything
        chosen = ""
        page = _page(record, code, "", shown)
    st.selectbox(
        tr("history.filter"),
        ["", *page.steps],
        format_func=lambda key: t(f"step.{key}", code) if key else t("history.all", code),
        key="history_step",
        placeholder=tr("form.choose"),
    )
    for rev, line, note in page.entries:  # a note, e.g. the vote record of a workshop, is shown as text
        cols = st.columns([1, 3, 6, 2, 2], vertical_alignment="center")
        cols[0].text(f"#{rev.revision}")
        cols[1].text(fmt_datetime(rev.at, code) + "\n" + rev.by)
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
    if page.total > shown:
        st.button(
            md("history.more", count=page.total - shown),
            key="history_more",
            on_click=lambda: st.session_state.update(history_shown=shown + PAGE_SIZE),
        )


render()
