"""A strategy section page: lists and narrative on the left, hulpvragen and an example on the right."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from workbench.guide import forms
from workbench.store.dossiers import DossierRecord
from workbench.ui import form_view, step_page
from workbench.ui.common import tr
from workbench.ui.editing import FormRef


def _beside(record: DossierRecord, section: str) -> None:
    for spec in forms.SECTIONS[section].beside:
        st.divider()
        st.subheader(tr(f"form.{spec.key}.title"))
        form_view.draw(FormRef(spec), record)


def render(section: str, beside: Callable[[DossierRecord], None] | None = None) -> None:
    """Draw the step page of a strategy section (doelgroep, outreach, ...).

    `beside` draws the other units edited on the page (the lending rules), instead of the forms in full.
    """
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
        if beside is None:
            _beside(record, section)
        else:
            beside(record)
    step_page.end(section)
