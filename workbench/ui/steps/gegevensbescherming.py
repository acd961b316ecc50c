"""Step: Gegevensbescherming: processing activities of personal data with the GDPR role of each partner."""

from __future__ import annotations

import streamlit as st

from workbench.guide import forms
from workbench.ui import step_page


def render() -> None:
    record = step_page.begin("gegevensbescherming", lists_alone=True)
    if record is None:
        return
    inputs, guide = st.columns([3, 2], gap="large")
    with guide:
        step_page.guidance_panel("gegevensbescherming")
    with inputs:
        step_page.item_list(record, forms.PROCESSING)
    step_page.end("gegevensbescherming")


render()
