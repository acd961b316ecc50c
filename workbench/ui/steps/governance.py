"""Step: Governance: stuurgroep, werkgroepen, klankbordgroep and how the partnership decides."""

from __future__ import annotations

import streamlit as st

from workbench.guide import forms
from workbench.ui import form_view, step_page
from workbench.ui.common import tr
from workbench.ui.editing import FormRef


def render() -> None:
    record = step_page.begin("governance", lists_alone=True)
    if record is None:
        return
    inputs, guide = st.columns([3, 2], gap="large")
    with guide:
        step_page.guidance_panel("governance")
    with inputs:
        st.subheader(tr("form.stuurgroep.heading"))
        form_view.draw(FormRef(forms.STUURGROEP), record)
        step_page.item_list(record, forms.WERKGROEP)
        st.subheader(tr("form.klankbordgroep.heading"))
        form_view.draw(FormRef(forms.KLANKBORDGROEP), record)
        st.subheader(tr("form.governance_narrative.heading"))
        form_view.draw(FormRef(forms.GOVERNANCE_NARRATIVE), record)
    step_page.end("governance")


render()
