"""The facilitator's consent round: open it on sections, watch the matrix fill, release a claim, close it."""

from __future__ import annotations

import streamlit as st

from workbench.collab.workshop_records import Workshop
from workbench.dossier.model import SECTION_KEYS
from workbench.refusal import Refusal
from workbench.ui import faults
from workbench.ui.common import fragment, labeller, store, tr
from workbench.ui.consent_round_view import matrix
from workbench.ui.workshop_view import refused


def render(workshop: Workshop) -> None:
    """Draw the consent round panel of the workshop page."""
    current = store().consent_round(workshop.id)
    with st.expander(tr("consent_round.title"), expanded=current is not None and current.is_open):
        st.caption(tr("consent_round.intro"))
        if current is None or not current.is_open:
            if workshop.is_open:
                _open(workshop)
            if current is not None:
                _live(current.id)
            return
        close, release = st.columns(2)
        if close.button(tr("consent_round.close"), key="ws_consent_close", icon=":material/lock:"):
            with faults.saving():
                try:
                    store().close_consent_round(current.id)
                except Refusal as exc:
                    refused(exc)
                    return
                st.rerun()
        with release:
            _release(current.id)
        _live(current.id)


def _open(workshop: Workshop) -> None:
    with st.form("ws_consent_open"):
        sections = st.multiselect(
            tr("consent_round.sections"),
            SECTION_KEYS,
            default=[workshop.section],
            format_func=labeller("section"),
            key="ws_consent_sections",
            placeholder=tr("form.choose"),
        )
        if st.form_submit_button(tr("consent_round.open"), type="primary", icon=":material/how_to_vote:"):
            with faults.saving():
                try:
                    store().open_consent_round(workshop.id, list(sections))
                except Refusal as exc:
                    refused(exc)
                    return
                st.rerun()


def _release(round_id: int) -> None:
    table = store().consent_round_table(round_id)
    claimed = {r.partner_id: f"{r.partner_name} · {r.representative}" for r in table.rows if r.representative}
    if not claimed:
        return
    with st.form("ws_consent_release", border=False):
        picked = st.selectbox(
            tr("consent_round.release_label"),
            list(claimed),
            index=None,
            format_func=claimed.__getitem__,
            key="ws_consent_release_pick",
            placeholder=tr("form.choose"),
        )
        if st.form_submit_button(tr("consent_round.release")) and picked:
            with faults.saving():
                try:
                    store().release_representative(round_id, str(picked))
                except Refusal as exc:
                    refused(exc)
                    return
                st.toast(tr("consent_round.released"), icon=":material/check:")
                st.rerun()


@fragment(run_every="3s")
def _live(round_id: int) -> None:
    """The matrix as it fills, without reloading the facilitator's page."""
    matrix(store().consent_round_table(round_id), "ws_consent")
