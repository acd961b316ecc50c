"""Digibank Werkbank: the Streamlit router. Run with `streamlit run streamlit_app.py`."""

import streamlit as st

from workbench.progress import step_states
from workbench.steps import STEPS
from workbench.store import DossierNotFound
from workbench.ui import editing
from workbench.ui.common import ICON, PAGES, current_dossier_id, init_state, sidebar, store, tr
from workbench.ui.progress_view import STATE_ICONS
from workbench.ui.workshop_view import JOIN_PATH, PROJECTOR_PATH

st.set_page_config(page_title="Digibank Werkbank", page_icon=ICON, layout="wide")
init_state()
editing.keep_drafts()  # before any page runs: what was typed outlives the widgets
sidebar()

start = st.Page(PAGES["start"], title=tr("nav.start"), icon=":material/home:", default=True)
participate = st.Page(
    PAGES["participate"], title=tr("nav.participate"), icon=":material/front_hand:", url_path=JOIN_PATH
)
dossier_id = current_dossier_id()
# Each step's icon shows its state in the open dossier (empty, in progress, complete, needs attention).
try:
    states = step_states(store().load(dossier_id).dossier) if dossier_id is not None else {}
except DossierNotFound:
    states = {}
dossier_pages = [
    *(
        st.Page(
            PAGES[s.key],
            title=tr(f"step.{s.key}"),
            icon=STATE_ICONS[states[s.key]] if s.key in states else ":material/radio_button_unchecked:",
        )
        for s in STEPS
        if s.key in PAGES
    ),
    st.Page(PAGES["graph"], title=tr("nav.graph"), icon=":material/hub:"),
    st.Page(PAGES["documents"], title=tr("nav.documents"), icon=":material/description:"),
    st.Page(PAGES["workshop"], title=tr("nav.workshop"), icon=":material/groups:"),
    st.Page(PAGES["projector"], title=tr("nav.projector"), icon=":material/tv:", url_path=PROJECTOR_PATH),
    st.Page(PAGES["consent"], title=tr("nav.consent"), icon=":material/how_to_vote:"),
    st.Page(PAGES["history"], title=tr("nav.history"), icon=":material/history:", url_path="history"),
]
if dossier_id is None:
    navigation = st.navigation(
        {tr("nav.section.dossiers"): [start, participate, *dossier_pages]}, position="hidden"
    )
else:
    navigation = st.navigation(
        {tr("nav.section.dossiers"): [start, participate], tr("nav.section.dossier"): dossier_pages},
        expanded=True,
    )
if "join" in st.query_params and navigation.url_path != JOIN_PATH:
    # A workshop code in any link (?join=CODE) opens the participant page.
    st.switch_page(participate, query_params={"join": st.query_params["join"]})
navigation.run()
