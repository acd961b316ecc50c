"""Digibank Werkbank: the Streamlit router. Run with `streamlit run streamlit_app.py`."""

import streamlit as st

from workbench.ui.common import ICON, PAGES, current_dossier_id, init_state, sidebar, tr
from workbench.ui.workshop_view import JOIN_PATH, PROJECTOR_PATH

st.set_page_config(page_title="Digibank Werkbank", page_icon=ICON, layout="wide")
init_state()
sidebar()

start = st.Page(PAGES["start"], title=tr("nav.start"), icon=":material/home:", default=True)
participate = st.Page(
    PAGES["participate"], title=tr("nav.participate"), icon=":material/front_hand:", url_path=JOIN_PATH
)
dossier_pages = [
    st.Page(PAGES["dossier"], title=tr("nav.dossier"), icon=":material/folder_open:"),
    st.Page(PAGES["graph"], title=tr("nav.graph"), icon=":material/hub:"),
    st.Page(PAGES["documents"], title=tr("nav.documents"), icon=":material/description:"),
    st.Page(PAGES["workshop"], title=tr("nav.workshop"), icon=":material/groups:"),
    st.Page(PAGES["projector"], title=tr("nav.projector"), icon=":material/tv:", url_path=PROJECTOR_PATH),
    st.Page(PAGES["consent"], title=tr("nav.consent"), icon=":material/how_to_vote:"),
    st.Page(PAGES["history"], title=tr("nav.history"), icon=":material/history:"),
]
if current_dossier_id() is None:
    navigation = st.navigation(
        {tr("nav.section.dossiers"): [start, participate, *dossier_pages]}, position="hidden"
    )
else:
    navigation = st.navigation(
        {tr("nav.section.dossiers"): [start, participate], tr("nav.section.dossier"): dossier_pages}
    )
if "join" in st.query_params and navigation.url_path != JOIN_PATH:
    # A workshop code in any link (?join=CODE) opens the participant page.
    st.switch_page(participate, query_params={"join": st.query_params["join"]})
navigation.run()
