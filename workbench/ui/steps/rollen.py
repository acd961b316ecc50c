"""Step: Rollen en engagementen: who does what with which budget, own roles, and the flows."""

from __future__ import annotations

import streamlit as st

from workbench.guide import forms
from workbench.guide.form_specs import FormSpec
from workbench.store.dossiers import DossierRecord
from workbench.ui import derived, step_page
from workbench.ui.common import lang, tr
from workbench.ui.markup import inert_cells

TAB_KEY = "rollen_tab"
TABS: dict[str, FormSpec] = {"roles": forms.ROLE, "flows": forms.FLOW, "custom_roles": forms.CUSTOM_ROLE}


def _roles(record: DossierRecord) -> None:
    if record.dossier.roles:
        st.subheader(tr("form.role_matrix"))
        st.dataframe(inert_cells(derived.roles(record, lang())), hide_index=True, key="roles_matrix")
    # Grouped by partner, as people think of them in a workshop.
    order = {p.id: i for i, p in enumerate(record.dossier.partners)}
    assignments = sorted(record.dossier.roles, key=lambda r: order.get(r.partner_id, len(order)))
    step_page.item_list(record, forms.ROLE, list(assignments))


def _tab_of_focus(record: DossierRecord, labels: dict[str, str]) -> None:
    """Show the tab that holds the item a link asks to open (step_page opens the item itself)."""
    focus = st.session_state.get("focus")
    if not focus:
        return
    for tab, spec in TABS.items():
        if focus in {step_page.item_key(spec, obj) for obj in step_page.items_of(record, spec)}:
            st.session_state[TAB_KEY] = labels[tab]
            return


def render() -> None:
    record = step_page.begin("rollen")
    if record is None:
        return
    inputs, guide = st.columns([3, 2], gap="large")
    with guide:
        step_page.guidance_panel("rollen")
    with inputs:
        labels = {tab: tr(f"form.tab.{tab}") for tab in TABS}
        _tab_of_focus(record, labels)
        if st.session_state.get(TAB_KEY) not in labels.values():  # none yet, or another language's
            st.session_state.pop(TAB_KEY, None)
        # Lazy: only the chosen tab is drawn (the flows and own roles of 60 partners cost as much as
        # the roles); what was typed in another tab is kept as a draft, as when an expander closes.
        tabs = st.tabs(
            [tr("form.tab.roles"), tr("form.tab.flows"), tr("form.tab.custom_roles")],  # as in TABS
            key=TAB_KEY,
            on_change="rerun",
        )
        for tab, box in zip(TABS, tabs, strict=True):
            if not box.open:
                continue
            with box:
                if tab == "roles":
                    _roles(record)
                else:
                    step_page.item_list(record, TABS[tab])
    step_page.end("rollen")


render()
