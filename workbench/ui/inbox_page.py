"""Inbox: what is new since your last visit, in every dossier you work on; opening an item marks it read."""

from __future__ import annotations

import streamlit as st

from workbench.collab.inbox import InboxItem
from workbench.i18n import fmt_datetime, has
from workbench.ui import faults
from workbench.ui.common import PAGES, lang, open_dossier, store, tr
from workbench.ui.markup import inert, md

EARLIER = 20  # read items shown below the new ones


def _where(item: InboxItem) -> str:
    """Return the page an item opens: its step, the documents, or the review page."""
    if item.kind == "document":
        return PAGES["documents"]
    if item.kind == "request":
        return PAGES["review"]
    return PAGES[item.step] if item.step in PAGES else PAGES["comments"]


def _card(item: InboxItem, names: dict[int, str], lang_code: str) -> None:
    ws = store()
    with st.container(border=True, key=f"inbox_{item.key.replace(':', '_')}"):
        label = tr(f"inbox.kind.{item.kind}")
        if item.unread:
            label = f"{tr('inbox.new')} · {label}"
        where = [names.get(item.dossier_id, "?")]
        if item.step:
            where.append(tr(f"step.{item.step}"))
        if item.kind == "verdict":
            where.append(tr(f"review.status.{item.detail}"))
        if item.kind == "document":
            kind = f"documents.page.kind.{item.detail}"
            where.append(tr(kind) if has(kind, lang_code) else tr("documents.page.kind"))
        st.caption(inert(f"{label} · {' · '.join(where)}"))  # a dossier's name is user text
        st.caption(inert(f"{item.who} · {fmt_datetime(item.at, lang_code)}"))
        if item.text:
            st.text(item.text[:500])  # user text: never Markdown
        left, right = st.columns([1, 1])
        if left.button(tr("inbox.open"), key=f"inbox_open_{item.key}", icon=":material/open_in_new:"):
            with faults.saving():
                ws.mark_read([item])
                open_dossier(item.dossier_id)
                st.switch_page(_where(item), query_params={"dossier": str(item.dossier_id)})
        if item.unread and right.button(tr("inbox.mark_read"), key=f"inbox_read_{item.key}"):
            with faults.saving():
                ws.mark_read([item])
                st.rerun()


def render() -> None:
    ws = store()
    st.title(tr("inbox.title"))
    st.caption(tr("inbox.intro"))
    if ws.user is None:
        st.info(tr("inbox.open_mode"))
        return
    code = lang()
    items = ws.inbox()
    names = {s.id: s.name for s in ws.list_dossiers()}
    new = [i for i in items if i.unread]
    st.subheader(md("inbox.new_heading", count=len(new)))
    if not new:
        st.caption(tr("inbox.nothing_new"))
    elif st.button(tr("inbox.all_read"), key="inbox_all_read", icon=":material/done_all:"):
        with faults.saving():
            ws.mark_read(new)
            st.rerun()
    for item in new:
        _card(item, names, code)
    earlier = [i for i in items if not i.unread][:EARLIER]
    if earlier:
        with st.expander(tr("inbox.earlier")):
            for item in earlier:
                _card(item, names, code)


render()
