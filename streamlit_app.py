"""Digibank Werkbank: the Streamlit router. Run with `streamlit run streamlit_app.py`."""

import streamlit as st

from workbench.access import AccessDenied, Action
from workbench.ui.common import (
    ICON,
    PAGES,
    current_dossier_id,
    current_user,
    forget_dossier,
    init_state,
    login_required,
    sidebar,
    store,
    tr,
)

st.set_page_config(page_title="Digibank Werkbank", page_icon=ICON, layout="wide")
init_state()
user = current_user()
open_mode = user is None and not login_required()
sidebar(user, open_mode)
# An invitation link opens the join page, until this tab has used that code.
inviting = st.query_params.get("invite", "") not in ("", st.session_state.get("join_used"))

if user is None and not open_mode:
    # Accounts exist: nothing but logging in or joining with an invitation until someone is known.
    login = st.Page(
        PAGES["login"], title=tr("access.nav.login"), icon=":material/login:", default=not inviting
    )
    join = st.Page(PAGES["join"], title=tr("access.nav.join"), icon=":material/group_add:", default=inviting)
    st.navigation([login, join], position="hidden").run()
    st.stop()

dossier_id = current_dossier_id()
if dossier_id is not None and not store().can(Action.READ, dossier_id):
    # A link or an id typed into the address bar: refuse before any page reads anything.
    forget_dossier()
    st.error(tr("access.denied_dossier"), icon=":material/block:")
    dossier_id = None

start = st.Page(PAGES["start"], title=tr("nav.start"), icon=":material/home:", default=not inviting)
workbench_pages = [
    start,
    st.Page(PAGES["portfolio"], title=tr("access.nav.portfolio"), icon=":material/dashboard:"),
]
if user is not None:
    workbench_pages.append(
        st.Page(PAGES["join"], title=tr("access.nav.join"), icon=":material/group_add:", default=inviting)
    )
    if user.is_admin:
        workbench_pages.append(
            st.Page(PAGES["users"], title=tr("access.nav.users"), icon=":material/manage_accounts:")
        )
dossier_pages = [
    st.Page(PAGES["dossier"], title=tr("nav.dossier"), icon=":material/folder_open:"),
    st.Page(PAGES["graph"], title=tr("nav.graph"), icon=":material/hub:"),
    st.Page(PAGES["comments"], title=tr("access.nav.comments"), icon=":material/forum:"),
    st.Page(PAGES["review"], title=tr("access.nav.review"), icon=":material/fact_check:"),
    st.Page(PAGES["documents"], title=tr("nav.documents"), icon=":material/description:"),
    st.Page(PAGES["history"], title=tr("nav.history"), icon=":material/history:"),
    st.Page(PAGES["members"], title=tr("access.nav.members"), icon=":material/group:"),
]
if dossier_id is None:
    navigation = st.navigation(
        {tr("nav.section.dossiers"): [*workbench_pages, *dossier_pages]}, position="hidden"
    )
    with st.sidebar:  # the menu is hidden without a dossier: keep the workbench pages reachable
        for page in workbench_pages:
            st.page_link(page)
else:
    navigation = st.navigation(
        {tr("nav.section.dossiers"): workbench_pages, tr("nav.section.dossier"): dossier_pages}
    )
try:
    navigation.run()
except AccessDenied:
    # The core refused (a role changed meanwhile, a crafted request): say so, show nothing more.
    st.error(tr("access.denied_dossier"), icon=":material/block:")
