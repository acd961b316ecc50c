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


def _rows(
    record: DossierRecord, page: HistoryPage, code: str, step: str, shown: int
) -> list[tuple[int, str]]:
    """Return each revision's id and its text: number, when, who, what, action, note (once per revision)."""

    def texts() -> list[tuple[int, str]]:
        rows = []
        for rev, line, note in page.entries:  # a note, e.g. the vote record of a workshop, is plain text
            action = t(f"history.action.{rev.action}", code)
            head = f"#{rev.revision} · {fmt_datetime(rev.at, code)} · {rev.by} · {action}"
            rows.append((rev.id, "\n".join(x for x in (head, line.title, line.changed, note) if x)))
        return rows

    return derived.once("history_rows", record, texts, code, step, shown)


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
    for revision_id, text in _rows(record, page, code, chosen, shown):
        # Two columns a row, not five: a row's elements (blocks, texts) are what the page costs.
        cols = st.columns([6, 1], vertical_alignment="center")
        cols[0].text(text)
        cols[1].button(
            tr("history.restore"),
            key=f"history_restore_{revision_id}",
            help=tr("history.restore_help"),
            on_click=faults.guarded(_restore),
            args=(dossier_id, revision_id),
        )
    if page.total > shown:
        st.button(
            md("history.more", count=page.total - shown),
            key="history_more",
            on_click=lambda: st.session_state.update(history_shown=shown + PAGE_SIZE),
        )


render()
