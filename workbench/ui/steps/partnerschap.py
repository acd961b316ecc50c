"""Step: Partnerschap: identity (name, call, werkingsgebied, period, status) and the rule check."""

from __future__ import annotations

import streamlit as st

from workbench.dossier.portable import to_json
from workbench.dossier.validation import rule_problems
from workbench.guide import forms
from workbench.ui import derived, form_view, step_page
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
        problems = derived.once("rule_problems", record, lambda: rule_problems(record.dossier))
        if not problems:
            st.success(tr("dossier.no_problems"))
        else:
            # Messages quote user text (partner names): plain text, never Markdown. One element
            # for all of them: a 60-partner dossier has dozens, and every element costs a run.
            code = lang()
            lines = [("⛔ " if p.severity == "error" else "⚠ ") + p.message(code) for p in problems]
            st.container(border=True, key="dossier_checks").text("\n".join(lines))

        dossier = record.dossier
        st.download_button(
            tr("dossier.export"),
            # Written when the button is pressed (on another thread: it needs the dossier only), not
            # on every run: the JSON of a 60-partner dossier took a third of this page's time.
            data=lambda: to_json(dossier),
            file_name=f"dossier-{record.id}.json",
            mime="application/json",
            key="dossier_export",
            on_click="ignore",
        )
    step_page.end("partnerschap")


render()
