"""A strategy section page: lists and narrative on the left, hulpvragen and an example on the right."""

from __future__ import annotations

import streamlit as st

from workbench.guide import forms
from workbench.ui import form_view, step_page
from workbench.ui.common import tr
from workbench.ui.editing import FormRef


def render(section: str) -> None:
    """Draw the step page of a strategy section (doelgroep, outreach, ...)."""
    record = step_page.begin(section, lists_alone=True)
    if record is None:
        return
    layout = forms.SECTIONS[section]
    inputs, guide = st.columns([3, 2], gap="large")
    with guide:
        step_page.guidance_panel(section)
    with inputs:
        for spec in layout.lists:
            step_page.item_list(record, spec)
        st.divider()
        st.caption(tr("form.narrative_hint"))
        form_view.draw(FormRef(layout.own), record)
        for spec in layout.beside:
            st.divider()
            st.subheader(tr(f"form.{spec.key}.title"))
            form_view.draw(FormRef(spec), record)
    step_page.end(section)
