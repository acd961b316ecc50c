"""The consent round's matrix, partners x sections, as the projector and the facilitator see it (live)."""

from __future__ import annotations

import streamlit as st

from workbench.collab.consent_round import RoundTable
from workbench.dossier.records import Consent, Decision
from workbench.ui.common import fragment, store, tr

REASON_SHOWN = 240  # characters of a reason in a cell; the consent page keeps the whole reason
SYMBOLS = {Decision.AGREE: "✓", Decision.ABSTAIN: "○", Decision.OBJECT: "✗"}


def word(consent: Consent | None) -> str:
    """Return a cell's text: the symbol and the decision in the reader's language ('—': no word yet)."""
    if consent is None:
        return tr("consent_round.no_answer")
    return f"{SYMBOLS[consent.decision]} {tr(f'consent.decision.{consent.decision.value}')}"


def matrix(table: RoundTable, prefix: str) -> None:
    """Draw the matrix; names and reasons are user text, shown with st.text only."""
    status = "consent_round.status_open" if table.round.is_open else "consent_round.status_closed"
    total = len(table.rows) * len(table.round.sections)
    with st.container(key=f"{prefix}_status"):
        st.text(tr(status, answered=table.answered, total=total))
    widths = [3] + [2] * len(table.round.sections)
    head = st.columns(widths)
    head[0].text(tr("consent_round.partner"))
    for column, section in zip(head[1:], table.round.sections, strict=True):
        column.text(tr(f"section.{section}"))
    for i, row in enumerate(table.rows):
        with st.container(key=f"{prefix}_row_{i}", border=True):
            cells = st.columns(widths)
            with cells[0], st.container(key=f"{prefix}_partner_{i}"):
                st.text(f"{row.partner_name}\n{row.representative or tr('consent_round.nobody')}")
            for j, (column, section) in enumerate(zip(cells[1:], table.round.sections, strict=True)):
                consent = row.cells[section]
                kind = consent.decision.value if consent else "none"  # the stylesheet colours by it
                with (
                    column,
                    st.container(key=f"{prefix}_cell_{i}_{j}"),
                    st.container(key=f"{prefix}_{kind}_{i}_{j}"),
                ):
                    st.text(_cell(consent))


def _cell(consent: Consent | None) -> str:
    if consent is None or not consent.reason:
        return word(consent)
    reason = consent.reason if len(consent.reason) <= REASON_SHOWN else consent.reason[:REASON_SHOWN] + "…"
    return f"{word(consent)}\n{reason}"


@fragment(run_every="2s")
def projector(workshop_id: int) -> None:
    """The workshop's latest round on the projector, re-read every two seconds (nothing: no round)."""
    current = store().consent_round(workshop_id)
    if current is None:
        return
    with st.container(key="proj_consent"):
        with st.container(key="proj_label_consent"):
            st.text(tr("consent_round.matrix_title"))
        matrix(store().consent_round_table(current.id), "proj_consent")
