"""Geschiedenis: who changed which part when, and bringing back an earlier version."""

from __future__ import annotations

import streamlit as st

from workbench.i18n import fmt_datetime
from workbench.store import DossierNotFound, EditConflict, InvalidChange
from workbench.ui.common import PAGES, actor, current_dossier_id, lang, store, tr
from workbench.units import UnitRef
from workbench.workshop import note_line


def unit_label(unit: UnitRef, label: str) -> str:
    """Name a unit the way the user knows it: 'Partner: STW vzw', 'Doelgroep'."""
    kind = tr(f"unit.{unit.kind}")
    if unit.kind == "section":
        return tr(f"section.{unit.key}")
    return f"{kind}: {label}" if label else (f"{kind}: {unit.key}" if unit.key else kind)


def render() -> None:
    dossier_id = current_dossier_id()
    if dossier_id is None:
        st.info(tr("dossier.none_open"))
        st.page_link(PAGES["start"], label=tr("nav.start"), icon=":material/home:")
        return
    db = store()
    try:
        revisions = db.history(dossier_id, limit=300)
    except DossierNotFound:
        st.error(tr("cli.unknown_dossier", id=dossier_id))
        return
    st.title(tr("nav.history"))
    st.caption(tr("history.intro"))
    for rev in revisions:
        cols = st.columns([1, 3, 4, 3, 2], vertical_alignment="center")
        cols[0].text(f"#{rev.revision}")
        cols[1].text(fmt_datetime(rev.at, lang()) + "\n" + rev.by)
        changed = ", ".join(tr(f"field.{f}") for f in rev.changed[:6])
        note = note_line(rev.note, lang())  # e.g. the vote record of a workshop: shown as text
        cols[2].text(
            unit_label(rev.unit, rev.label)
            + (f"\n{changed}" if changed and rev.action == "update" else "")
            + (f"\n{note}" if note else "")
        )
        cols[3].text(tr(f"history.action.{rev.action}"))
        if cols[4].button(
            tr("history.restore"), key=f"history_restore_{rev.id}", help=tr("history.restore_help")
        ):
            try:
                db.restore_unit(dossier_id, rev.id, by=actor())
            except (EditConflict, InvalidChange) as exc:
                st.error(tr("history.restore_failed", reason=str(exc)))
            else:
                st.toast(tr("history.restored"), icon=":material/history:")
                st.rerun()


render()
