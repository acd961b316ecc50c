"""The sidebar every page shows: the language, who is logged in (and logging out), the open-mode name.

Apart from common.py, because logging out and keeping the typed name go through the session
cookie (session.py), which builds on common.py.
"""

from __future__ import annotations

import streamlit as st

from workbench.access.account_records import User
from workbench.i18n import LANGUAGES, t
from workbench.ui import session
from workbench.ui.common import lang, oidc_configured, tr


def _remember(field: str, setting: str) -> None:
    value = st.session_state.get(field)
    if setting == "lang" and value is None:  # the segmented control was deselected
        return
    st.session_state[setting] = value
    if setting == "actor_name":
        session.remember_name(str(value or ""))


def sidebar(user: User | None = None, open_mode: bool = True) -> None:
    """Draw the language switch, and who is logged in (or the name field of open workshop mode).

    The settings live in their own keys ("lang", "actor_name"), copied into the widgets on every
    run: Streamlit drops a widget's value when a button switches to another page (as "Openen"
    on the start page does), and a workshop must not lose who is typing or in which language.
    """
    st.session_state["lang_field"] = lang()
    st.session_state["actor_name_field"] = st.session_state.get("actor_name", "")
    with st.sidebar:
        st.segmented_control(
            tr("app.language"),
            options=list(LANGUAGES),
            format_func=lambda code: t(f"app.language.{code}", code),
            key="lang_field",
            on_change=_remember,
            args=("lang_field", "lang"),
        )
        if user is not None:
            st.caption(tr("auth.logged_in_as"))
            st.text(f"{user.label}\n{user.email}")
            if st.button(tr("auth.logout"), key="auth_logout", icon=":material/logout:"):
                logout()
        elif open_mode:
            st.text_input(
                tr("app.your_name"),
                key="actor_name_field",
                max_chars=80,
                help=tr("app.your_name_help"),
                on_change=_remember,
                args=("actor_name_field", "actor_name"),
            )
            st.caption(tr("auth.open_mode"))


def logout() -> None:
    """End the session in the database, forget it in this tab and the browser, and log out of OIDC too."""
    session.end_session(st.session_state.pop("auth_token", None))
    for key in ("dossier_id",):
        st.session_state.pop(key, None)
    st.query_params.clear()
    if oidc_configured() and getattr(st.user, "is_logged_in", False):
        st.logout()
    st.rerun()
