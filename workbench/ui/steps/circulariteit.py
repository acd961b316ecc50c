"""Step: Circulariteit (strategy section): devices and narrative, the lending rules on demand."""

from __future__ import annotations

import streamlit as st

from workbench.guide import forms
from workbench.store.dossiers import DossierRecord
from workbench.ui import editing, form_view, section_form
from workbench.ui.common import tr
from workbench.ui.editing import FormRef
from workbench.ui.markup import md

SECTION = "circulariteit"


def _beside(record: DossierRecord) -> None:
    """Draw the lending rules in an expander filled when open: some fifteen fields, rarely edited."""
    for spec in forms.SECTIONS[SECTION].beside:
        ref = FormRef(spec)
        title = tr(f"form.{spec.key}.title")
        st.divider()
        # Always drawn, so the expander below keeps its place (a moved element loses what is typed).
        notice = st.container(key=f"unsaved_{spec.key}")
        if editing.touched(ref):  # typed, then closed: say so, as the lists do
            notice.caption(md("edit.unsaved_in", names=title))
        key = f"open_{ref.id}"
        box = st.expander(title, expanded=bool(st.session_state.get(key)), key=key, on_change="rerun")
        if box.open:
            with box:
                form_view.draw(ref, record)


section_form.render(SECTION, beside=_beside)
