"""The session cookie seen from a script run: take the login from it, hand a new login to it, end it.

Streamlit keeps a session per browser tab and forgets it on a reload; the cookie (set by the app's
own routes, session_routes.py) is what a reload and a new tab still have. Every script run starts
with `begin_run`: a tab without a login takes the one in the cookie (checked against the database,
as every run checks it), and in open workshop mode the name typed earlier in this browser comes
back. The login page calls `hand_off` after a login; logging out calls `end_cookie`.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

import streamlit as st
from streamlit import config
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx
from streamlit.url_util import make_url_path

from workbench.access.handoffs import Handoffs
from workbench.store.drafts import Drafts, owner
from workbench.ui.common import accounts, db_path, once_per_run
from workbench.ui.session_routes import (
    BROWSER_COOKIE,
    END_PATH,
    SESSION_COOKIE,
    SESSION_PATH,
    local_target,
    valid_cookie,
)

_ENDED = "session_cookie_ended"  # a cookie token found ended: not looked up again in this tab
_STARTED = "session_started"  # this tab's first run has taken what the browser keeps
_ENTRY = "session_entry"  # the page and query this tab was opened with (a shared link)
_GO = "session_redirect"  # a redirect to send at the start of the next run
NAME_SETTING = "actor_name"


def cookie(name: str) -> str | None:
    """Return a cookie of this app sent with the tab's connection, or None (absent or not ours)."""
    value = once_per_run("cookies", _cookies).get(name)
    return value if isinstance(value, str) and valid_cookie(value) else None


def _cookies() -> dict[str, str]:
    """Return the cookies the browser sent with this tab's connection (read once per script run)."""
    try:
        return dict(st.context.cookies)
    except Exception:  # no browser connection (AppTest, a bare run): no cookies
        return {}


def browser_owner() -> str | None:
    """Return the owner hash of this browser (open workshop mode), or None without a browser cookie."""
    browser = cookie(BROWSER_COOKIE)
    return owner("browser", browser) if browser else None


def begin_run() -> bool:
    """Take the login from the session cookie and, on the tab's first run, what the browser kept.

    A redirect asked for in the last run (hand_off, end_session) is sent now, and True returned:
    the router then draws nothing else, so nothing can be clicked on a page that is going away.
    (A message sent just before st.rerun() may be dropped with the rest of that run's output.)
    """
    if url := st.session_state.pop(_GO, None):
        navigate(str(url))
        return True
    if not st.session_state.get("auth_token"):
        token = cookie(SESSION_COOKIE)
        if token and st.session_state.get(_ENDED) != token:
            if accounts().user_for_token(token) is not None:
                st.session_state["auth_token"] = token
            else:  # logged out elsewhere, expired, password changed, disabled
                st.session_state[_ENDED] = token
    if st.session_state.get(_STARTED):
        return False
    st.session_state[_STARTED] = True
    st.session_state[_ENTRY] = _address()
    browser = browser_owner()
    if browser and not st.session_state.get("actor_name"):
        name = Drafts(db_path()).setting(browser, NAME_SETTING)
        if name:
            st.session_state["actor_name"] = name
    return False


def _address() -> str:
    """Return the path and query of the tab's address now (as the browser shows it)."""
    url = st.context.url
    path = urlsplit(url if isinstance(url, str) else "/").path or "/"
    query = urlencode([(key, value) for key in st.query_params for value in st.query_params.get_all(key)])
    return local_target(f"{path}?{query}" if query else path)


def entry() -> str:
    """Return where this tab was opened: after logging in, the browser goes back there."""
    return str(st.session_state.get(_ENTRY) or "/")


def remember_name(name: str) -> None:
    """Keep the name typed in open workshop mode for this browser (a reload, a new tab)."""
    browser = browser_owner()
    if browser:
        Drafts(db_path()).set_setting(browser, NAME_SETTING, name)


def navigate(url: str) -> None:
    """Send the browser to a URL of this server (as st.login does): a full page load."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return
    message = ForwardMsg()
    message.auth_redirect.url = make_url_path(config.get_option("server.baseUrlPath"), url)
    ctx.enqueue(message)


def hand_off(session_token: str, back_to: str | None = None) -> bool:
    """Move a new login into the session cookie; False when this browser keeps no cookies.

    The login holds for this tab at once; the browser then loads the hand-over route, which sets
    the cookie and comes back to `back_to` (by default: where the tab was opened).
    """
    browser = cookie(BROWSER_COOKIE)
    if not browser:
        return False
    code = Handoffs(db_path()).offer(session_token, browser)
    if code is None:
        return False
    query = urlencode({"token": code, "next": local_target(back_to or entry())})
    st.session_state[_GO] = f"{SESSION_PATH}?{query}"  # the caller reruns: sent by the next run
    return True


def end_session(token: str | None) -> None:
    """Log out: end the session in the database, drop its drafts, have the route remove the cookie.

    The route removes only a cookie whose session has ended, so the database goes first.
    """
    if token:
        accounts().logout(token)
        Drafts(db_path()).forget(owner("session", token))
    st.session_state.pop(_ENDED, None)
    if cookie(SESSION_COOKIE):
        st.session_state[_GO] = f"{END_PATH}?{urlencode({'next': '/'})}"  # the caller reruns
