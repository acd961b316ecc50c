"""Aanmelden: local login with email and password (works offline), or OIDC when it is configured."""

from __future__ import annotations

import streamlit as st

from workbench.access.account_records import AccountError, LoginFailed
from workbench.store.db import StorageFailure
from workbench.ui import faults
from workbench.ui.common import PAGES, accounts, client, oidc_configured, tr
from workbench.ui.markup import md


def login_form(key: str) -> None:
    """Draw the email/password form; on success remember the session in this tab and rerun."""
    # clear_on_submit: the password does not linger in the session; the email is offered again.
    with st.form(key, clear_on_submit=True):
        email = st.text_input(
            tr("auth.email"),
            value=st.session_state.get(f"{key}_last_email", ""),
            key=f"{key}_email",
            max_chars=254,
            autocomplete="username",
        )
        password = st.text_input(
            tr("auth.password"),
            type="password",
            key=f"{key}_password",
            max_chars=1024,
            autocomplete="current-password",
        )
        if st.form_submit_button(tr("auth.login"), type="primary"):
            st.session_state[f"{key}_last_email"] = email
            with faults.saving():  # opening a session writes: a full disk says so, not a traceback
                try:
                    session = accounts().login(email, password, client=client())
                except AccountError as refused:
                    st.error(md(refused.reason, **refused.params), icon=":material/lock:")
                else:
                    st.session_state["auth_token"] = session.token
                    st.rerun()


def oidc_login() -> None:
    """Offer the organisation's login (st.login) and turn its identity into a workbench session."""
    if not oidc_configured():
        return
    if getattr(st.user, "is_logged_in", False):
        try:
            session = accounts().login_external(str(st.user.get("email", "")))
        except StorageFailure as failure:
            faults.show(failure)
            return
        except LoginFailed:
            st.warning(md("auth.oidc_unknown", email=str(st.user.get("email", ""))))
            if st.button(tr("auth.logout"), key="login_oidc_logout"):
                st.logout()
        else:
            st.session_state["auth_token"] = session.token
            st.rerun()
        return
    st.divider()
    if st.button(tr("auth.oidc_login"), key="login_oidc", icon=":material/badge:"):
        st.login()


def render() -> None:
    st.title(tr("auth.title"))
    st.caption(tr("auth.intro"))
    login_form("login")
    oidc_login()
    st.page_link(PAGES["join"], label=tr("auth.have_invitation"), icon=":material/group_add:")


render()
