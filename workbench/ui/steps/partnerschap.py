"""Step: Partnerschap: identity (name, call, werkingsgebied, period, status) and the rule check."""

from __future__ import annotations

import streamlit as st

from workbench.dossier.portable import to_json
from workbench.dossier.validation import rule_problems
from workbench.guide import forms
from workbench.ui import form_view, step_page
from workbench.ui.common import lang, tr
from workbench.ui.consent_view import objections
from workbench.ui.editing import FormRef


def render() -> None:
    record = step_page.begin("partnerschap")
    if record is None:
        return
    inputs, guide = st.columns([3, 2], gap="large")
    with guide:
        step_page.guidance_panel("partnerschap")
    with inputs:
        form_view.draw(FormRef(forms.IDENTITY), record)
        step_page.item_list(record, forms.TRAJECTORY)
        objections(record)

        st.subheader(tr("dossier.checks"))
        problems = rule_problems(record.dossier)
        if not problems:
            st.success(tr("dossier.no_problems"))
        for problem in problems:
            # Messages quote user text (partner names): plain text, never Markdown.
            with st.container(border=True):
                st.text(("⛔ " if problem.severity == "error" else "⚠ ") + problem.message(lang()))

        st.download_button(
            tr("dossier.export"),
            data=to_json(record.dossier),
            file_name=f"dossier-{record.id}.json",
            mime="application/json",
            key="dossier_export",
            on_click="ignore",
        )
    step_page.end("partnerschap")


render()
