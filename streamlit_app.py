"""Digibank Werkbank: the Streamlit router. Run with `streamlit run streamlit_app.py`."""

import streamlit as st

from workbench.ui.common import ICON, PAGES, current_dossier_id, init_state, sidebar, tr

st.set_page_config(page_title="Digibank Werkbank", page_icon=ICON, layout="wide")
init_state()
sidebar()

start = st.Page(PAGES["start"], title=tr("nav.start"), icon=":material/home:", default=True)
dossier_pages = [
    st.Page(PAGES["dossier"], title=tr("nav.dossier"), icon=":material/folder_open:"),
    st.Page(PAGES["graph"], title=tr("nav.graph"), icon=":material/hub:"),
    st.Page(PAGES["history"], title=tr("nav.history"), icon=":material/history:"),
]
if current_dossier_id() is None:
    navigation = st.navigation({tr("nav.section.dossiers"): [start, *dossier_pages]}, position="hidden")
else:
    navigation = st.navigation(
        {tr("nav.section.dossiers"): [start], tr("nav.section.dossier"): dossier_pages}
    )
navigation.run()
