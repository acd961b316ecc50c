"""Step: Digipunten: the low-threshold physical access points (toegangspoort), fixed or mobile."""

from __future__ import annotations

import streamlit as st

from workbench.guide import forms
from workbench.ui import step_page


def render() -> None:
    record = step_page.begin("digipunten", lists_alone=True)
    if record is None:
        return
    inputs, guide = st.columns([3, 2], gap="large")
    with guide:
        step_page.guidance_panel("digipunten")
    with inputs:
        step_page.item_list(record, forms.ACCESS_POINT)
    step_page.end("digipunten")


render()
