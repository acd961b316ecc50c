"""The standing objections of the partners, where the dossier's status is set (and on the consent page)."""

from __future__ import annotations

import streamlit as st

from workbench.store.dossiers import DossierRecord
from workbench.ui.common import PAGES, store, tr


def objections(record: DossierRecord, link: bool = True) -> None:
    """Say that the dossier cannot be ready while partners object, and list their objections."""
    standing = store().objections(record)
    if not standing:
        return
    st.warning(tr("consent.blocked"), icon=":material/block:")
    with st.container(key="consent_objections"):
        for name, c in standing:  # names and reasons are user text: plain text only
            st.text(
                tr(
                    "consent.objection_line",
                    partner=name,
                    section=tr(f"section.{c.section}"),
                    reason=c.reason,
                )
            )
    if link:
        st.page_link(PAGES["consent"], label=tr("nav.consent"), icon=":material/how_to_vote:")
