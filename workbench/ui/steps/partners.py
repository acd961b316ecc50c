"""Step: Partners: every organisation in the partnership, with the data the agreement needs."""

from __future__ import annotations

import streamlit as st

from workbench.guide import forms
from workbench.guide.tables import partner_table
from workbench.ui import step_page
from workbench.ui.common import lang, tr
from workbench.ui.markup import inert_cells


def render() -> None:
    record = step_page.begin("partners")
    if record is None:
        return
    inputs, guide = st.columns([3, 2], gap="large")
    with guide:
        step_page.guidance_panel("partners")
    with inputs:
        if record.dossier.partners:
            st.subheader(tr("form.partners_overview"))
            st.dataframe(
                inert_cells(partner_table(record.dossier, lang())), hide_index=True, key="partners_table"
            )
        step_page.item_list(record, forms.PARTNER)
        # A gemeente signs with two (burgemeester and algemeen directeur): the second one here.
        st.caption(tr("form.signatory.hint"))
        step_page.item_list(record, forms.SIGNATORY)
    step_page.end("partners")


render()
