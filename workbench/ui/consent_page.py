"""Instemming: every partner's word on every section: akkoord, onthouding or bezwaar with a reason."""

from __future__ import annotations

import streamlit as st

from workbench.access.permissions import Action
from workbench.collab.consent import ConsentError
from workbench.dossier.model import SECTION_KEYS
from workbench.dossier.records import ConsentRow, Decision
from workbench.ui import faults
from workbench.ui.common import labeller, store, tr
from workbench.ui.consent_view import objections
from workbench.ui.markup import inert_cells, md
from workbench.ui.prelude import open_record
from workbench.ui.workshop_view import current_workshop, refused

SYMBOLS = {Decision.AGREE: "✓", Decision.ABSTAIN: "○", Decision.OBJECT: "✗"}


def _table(matrix: list[ConsentRow]) -> None:
    rows = []
    for row in matrix:
        cells = {
            tr(f"section.{s}"): f"{SYMBOLS[c.decision]} {tr(f'consent.decision.{c.decision.value}')}"
            if c
            else "–"
            for s, c in row.cells.items()
        }
        rows.append({tr("consent.partner"): row.partner_name, **cells})
    st.dataframe(inert_cells(rows), hide_index=True)


def _form(dossier_id: int, matrix: list[ConsentRow]) -> None:
    names = {row.partner_id: row.partner_name for row in matrix}
    with st.form("consent_record"):
        st.subheader(tr("consent.record_title"))
        left, right = st.columns(2)
        section = left.selectbox(
            tr("consent.section"),
            SECTION_KEYS,
            format_func=labeller("section"),
            key="consent_section",
        )
        partner = right.selectbox(
            tr("consent.partner"), list(names), format_func=lambda p: names[p], key="consent_partner"
        )
        decision = st.radio(
            tr("consent.decision"),
            list(Decision),
            format_func=labeller("consent.decision"),
            horizontal=True,
            key="consent_decision",
        )
        reason = st.text_area(
            tr("consent.reason"), key="consent_reason", max_chars=1000, help=tr("consent.reason_help")
        )
        if st.form_submit_button(tr("consent.save"), type="primary"):
            workshop = current_workshop(dossier_id)
            with faults.saving():
                try:
                    store().record_consent(
                        dossier_id,
                        section,
                        partner,
                        decision or "",
                        reason,
                        workshop_id=workshop.id if workshop else None,
                    )
                except ConsentError as exc:
                    refused(exc)
                    return
                st.session_state["consent_flash"] = "consent.saved"
                st.rerun()


def render() -> None:
    record = open_record()
    if record is None:
        return
    dossier_id = record.id
    if flash := st.session_state.pop("consent_flash", None):
        st.toast(md(flash), icon=":material/check:")
    st.title(tr("nav.consent"))
    st.caption(tr("consent.intro"))
    matrix = store().consent_matrix(record)
    if not matrix:
        st.info(tr("consent.no_partners"))
        return
    _table(matrix)
    objections(record, link=False)
    if store().can(Action.EDIT_SECTION, dossier_id):
        _form(dossier_id, matrix)


render()
