"""Uitnodiging: join a dossier with a one-time code (typed, or ?invite=CODE from a link)."""

from __future__ import annotations

import streamlit as st

from workbench.access.account_records import AccountError
from workbench.ui import faults
from workbench.ui.common import PAGES, accounts, current_user, open_dossier, store, tr
from workbench.ui.login_page import login_form
from workbench.ui.markup import md


def _register(code: str) -> None:
    """A new person creates an account with the invitation, and is logged in."""
    with st.form("join_register", clear_on_submit=True):  # passwords do not linger in the session
        email = st.text_input(
            tr("auth.email"),
            value=st.session_state.get("join_last_email", ""),
            key="join_email",
            max_chars=254,
            autocomplete="username",
        )
        name = st.text_input(
            tr("auth.display_name"),
            value=st.session_state.get("join_last_name", ""),
            key="join_name",
            max_chars=120,
        )
        password = st.text_input(
            tr("auth.password"), type="password", key="join_password", autocomplete="new-password"
        )
        repeat = st.text_input(
            tr("auth.password_repeat"), type="password", key="join_repeat", autocomplete="new-password"
        )
        if st.form_submit_button(tr("join.register"), type="primary"):
            st.session_state["join_last_email"], st.session_state["join_last_name"] = email, name
            if password != repeat:
                st.error(tr("auth.passwords_differ"))
                return
            with faults.saving():
                try:
                    session, invitation = accounts().register_with_invitation(code, email, name, password)
                except AccountError as refused:
                    st.error(md(refused.reason, **refused.params))
                    return
                st.session_state["auth_token"] = session.token
                _joined(code, invitation.dossier_id)
                st.rerun()


def _joined(code: str, dossier_id: int) -> None:
    st.session_state["join_used"] = st.query_params.get("invite", code)
    st.session_state["join_done"] = True
    if "invite" in st.query_params:
        del st.query_params["invite"]
    open_dossier(dossier_id)


def render() -> None:
    if current_user() is not None and st.session_state.pop("join_done", False):
        st.switch_page(PAGES["partnerschap"])  # just registered: the navigation now has the dossier pages
    st.title(tr("join.title"))
    code = st.text_input(
        tr("join.code"),
        value=st.query_params.get("invite", ""),
        key="join_code",
        max_chars=40,
        help=tr("join.code_help"),
    ).strip()
    if not code:
        return
    try:
        invitation = accounts().check_invitation(code)
    except AccountError as refused:
        st.error(md(refused.reason, **refused.params))
        return
    st.info(md("join.invited_as", role=tr(f"role.dossier.{invitation.role}")))
    if current_user() is None:
        new, existing = st.tabs([tr("join.new_account"), tr("join.existing_account")])
        with new:
            _register(code)
        with existing:
            login_form("join_login")  # after logging in, this page asks to join
        return
    if st.button(tr("join.accept"), key="join_accept", type="primary"):
        with faults.saving():
            try:
                joined = store().join(code)
            except AccountError as refused:
                st.error(md(refused.reason, **refused.params))
                return
            _joined(code, joined.dossier_id)
            st.switch_page(PAGES["partnerschap"])


render()
