"""Gebruikers (administrators only): every account, disable or enable, make administrator."""

from __future__ import annotations

from typing import Any

import streamlit as st

from workbench.access.account_records import AccountError, User
from workbench.access.permissions import AccessDenied
from workbench.ui import faults
from workbench.ui.common import store, tr
from workbench.ui.markup import md
from workbench.workspace import Workspace


def render() -> None:
    st.title(tr("access.nav.users"))
    ws = store()
    try:
        users = ws.users()
    except AccessDenied:
        st.error(md("access.denied", action=tr("access.action.manage_users")))
        return
    st.caption(tr("users.intro"))
    for user in users:
        cols = st.columns([5, 2, 2], vertical_alignment="center")
        flags = [tr("users.admin")] if user.is_admin else []
        flags += [tr("users.disabled")] if user.disabled else []
        cols[0].text(
            f"{user.display_name or user.email}\n{user.email}" + (f"\n{', '.join(flags)}" if flags else "")
        )
        with faults.saving():
            _toggles(ws, user, cols)
    failures = ws.mail_failures()
    if failures:
        # Mail that could not be sent: the save behind it went through, so only administrators hear of it.
        st.subheader(tr("mail.failures"))
        for failure in failures:
            st.text(
                f"{failure['at'][:19]} · {failure['recipient']}\n{failure['subject']}\n{failure['error']}"
            )


def _toggles(ws: Workspace, user: User, cols: list[Any]) -> None:
    try:
        if cols[1].button(
            tr("users.enable") if user.disabled else tr("users.disable"), key=f"users_disable_{user.id}"
        ):
            ws.set_user_disabled(user.id, not user.disabled)
            st.rerun()
        if cols[2].button(
            tr("users.revoke_admin") if user.is_admin else tr("users.make_admin"),
            key=f"users_admin_{user.id}",
        ):
            ws.set_user_admin(user.id, not user.is_admin)
            st.rerun()
    except AccountError as refused:
        st.error(md(refused.reason, **refused.params))


render()
