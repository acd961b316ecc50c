"""Step: Rollen en engagementen: who does what with which budget, own roles, and the flows."""

from __future__ import annotations

import streamlit as st

from workbench.guide import forms
from workbench.guide.tables import role_matrix
from workbench.ui import step_page
from workbench.ui.common import lang, tr
from workbench.ui.markup import inert_cells


def render() -> None:
    record = step_page.begin("rollen")
    if record is None:
        return
    inputs, guide = st.columns([3, 2], gap="large")
    with guide:
        step_page.guidance_panel("rollen")
    with inputs:
        roles, flows, own = st.tabs([tr("form.tab.roles"), tr("form.tab.flows"), tr("form.tab.custom_roles")])
        with roles:
            if record.dossier.roles:
                st.subheader(tr("form.role_matrix"))
                st.dataframe(
                    inert_cells(role_matrix(record.dossier, lang())), hide_index=True, key="roles_matrix"
                )
            # Grouped by partner, as people think of them in a workshop.
            order = {p.id: i for i, p in enumerate(record.dossier.partners)}
            assignments = sorted(record.dossier.roles, key=lambda r: order.get(r.partner_id, len(order)))
            step_page.item_list(record, forms.ROLE, list(assignments))
        with flows:
            step_page.item_list(record, forms.FLOW)
        with own:
            step_page.item_list(record, forms.CUSTOM_ROLE)
    step_page.end("rollen")


render()
