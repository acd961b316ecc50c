"""What every page shares: language, the person logged in, the workspace of this script run."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any, ParamSpec, TypeVar, cast

import streamlit as st

from workbench.access.account_records import User
from workbench.access.accounts import Accounts
from workbench.access.rate_limits import client_key
from workbench.dossier.steps import STEPS
from workbench.i18n import DEFAULT_LANGUAGE, language, t
from workbench.store.db import database_address
from workbench.workspace import Workspace

# A local file: a material-icon favicon would be fetched from Google's servers.
ICON = str(Path(__file__).parent / "static" / "icon.png")
_RUN_WORKSPACE = "_workspace_of_this_run"  # (what it was built from, the Workspace)
_FULL_RUN = "_whole_script_run"  # set while the router runs: fragments leave the workspace alone then
_RUN_MEMO = "_kept_for_this_run"  # what a whole script run reads once (the browser's cookies)
# The language of the whole script run on this thread (a page asks for it a hundred times or more).
# It is chosen in a callback, which runs before the script: it cannot change during the run.
_this_run = threading.local()
P = ParamSpec("P")
T = TypeVar("T")

# Page files by role, relative to streamlit_app.py: the router and st.switch_page use these.
# Every step of the guided path has its page in workbench/ui/steps/<step>.py.
PAGES: dict[str, str] = {
    "start": "workbench/ui/start_page.py",
    **{s.key: f"workbench/ui/steps/{s.key}.py" for s in STEPS},
    "graph": "workbench/ui/graph_page.py",
    "login": "workbench/ui/login_page.py",
    "join": "workbench/ui/join_page.py",
    "members": "workbench/ui/members_page.py",
    "comments": "workbench/ui/comments_page.py",
    "review": "workbench/ui/review_page.py",
    "portfolio": "workbench/ui/portfolio_page.py",
    "inbox": "workbench/ui/inbox_page.py",
    "users": "workbench/ui/users_page.py",
    "documents": "workbench/ui/documents_page.py",
    "history": "workbench/ui/history_page.py",
    "workshop": "workbench/ui/workshop_page.py",
    "projector": "workbench/ui/projector_page.py",
    "participate": "workbench/ui/participate_page.py",
    "consent": "workbench/ui/consent_page.py",
}


def lang() -> str:
    """Return the language chosen in this browser session (read once per whole script run)."""
    # Outside a whole run (a callback, a fragment's own run) the session is asked every time.
    return getattr(_this_run, "lang", None) or _session_language()


def _session_language() -> str:
    return language(st.session_state.get("lang", DEFAULT_LANGUAGE))


def tr(key: str, **params: Any) -> str:
    """Translate a key into the session's language."""
    return t(key, lang(), **params)


def labeller(prefix: str, none: str = "") -> Callable[[Any], str]:
    """Return a format_func for enum widgets, bound to the current language (it may run off-thread).

    Catalogue texts only (radio buttons show their options as Markdown); `none` names the key for None.
    """
    code = lang()
    return lambda value: (
        t(none, code) if value is None and none else t(f"{prefix}.{getattr(value, 'value', value)}", code)
    )


def db_path() -> str:
    """Read the database: `-- --db PATH|URL` after the script, else $WORKBENCH_DB, else default."""
    args = sys.argv[1:]
    if "--db" in args and args.index("--db") + 1 < len(args):
        return database_address(args[args.index("--db") + 1])
    return database_address(os.environ.get("WORKBENCH_DB"))


def accounts() -> Accounts:
    """Return the accounts of this database, through this script run's workspace."""
    return store().accounts


def client() -> str:
    """Return the address this browser reaches the server from, as the rate limits count it.

    Streamlit's server (uvicorn) replaces the connection's address with the one in
    X-Forwarded-For only when the connection comes from an address in $FORWARDED_ALLOW_IPS
    (by default the machine itself, where a reverse proxy would run): nothing else is trusted.
    """
    return client_key(st.context.ip_address)


def current_user() -> User | None:
    """Return the person logged in in this browser tab, checked against the database once per run."""
    return store().user


def login_required() -> bool:
    """Tell whether accounts exist: then nobody works without logging in (else: open workshop mode)."""
    return accounts().any_users()


def store() -> Workspace:
    """Return this script run's workspace: the dossier store with every call authorised in the core.

    Built once per script run (the router forgets it when the run ends, see end_run), so the
    login token is checked once and the schema is not looked at again. A run that logs in or
    out, or changes the name of open workshop mode, gets a new one from then on.
    """
    kept = st.session_state.get(_RUN_WORKSPACE)
    if kept is not None and kept[0] == _built_from():
        return kept[1]
    workspace = _workspace(db_path())
    # Keyed after the token check: an expired token is forgotten by then.
    st.session_state[_RUN_WORKSPACE] = (_built_from(), workspace)
    return workspace


def _built_from() -> tuple[str, object, str]:
    return db_path(), st.session_state.get("auth_token"), typed_name()


def _workspace(path: str) -> Workspace:
    people = Accounts(path)
    token = st.session_state.get("auth_token")
    if token:
        user = people.user_for_token(str(token))
        if user is not None:
            return Workspace(path, user, accounts=people)
        st.session_state.pop("auth_token", None)  # logged out elsewhere, expired, or disabled
    return Workspace(path, None, open_name=typed_name(), accounts=people)


def end_run() -> None:
    """Forget this run's workspace: the next run checks the login again."""
    st.session_state.pop(_RUN_WORKSPACE, None)


@contextmanager
def script_run() -> Iterator[None]:
    """Hold one workspace for a whole script run (the router runs inside this), then forget it."""
    end_run()  # one left by a run that ended without forgetting it is not this run's
    st.session_state[_FULL_RUN] = True
    st.session_state[_RUN_MEMO] = {}
    _this_run.lang = _session_language()
    try:
        yield
    finally:
        _this_run.lang = None
        st.session_state.pop(_FULL_RUN, None)
        st.session_state.pop(_RUN_MEMO, None)
        end_run()


def once_per_run(name: str, read: Callable[[], T]) -> T:
    """Return what `read` gives, read once per whole script run (a fragment's run reads it again)."""
    memo = st.session_state.get(_RUN_MEMO)
    if not isinstance(memo, dict):
        return read()
    if name not in memo:
        memo[name] = read()
    return cast(T, memo[name])


def fragment(
    run_every: str | None = None, key: str | None = None
) -> Callable[[Callable[P, None]], Callable[P, None]]:
    """Make a fragment (refreshing itself if `run_every`); a rerun of it alone is a script run of its own.

    Such a rerun does not pass the router, so the fragment forgets the workspace it used when it
    ends (inside a whole script run the router does that). A `key` names the fragment (every
    place it is drawn) for `st.rerun(scope=...)` from a button's callback.
    """

    def wrap(func: Callable[P, None]) -> Callable[P, None]:
        @wraps(func)
        def run(*args: P.args, **kwargs: P.kwargs) -> None:
            try:
                func(*args, **kwargs)
            finally:
                if not st.session_state.get(_FULL_RUN):
                    end_run()

        return st.fragment(run, run_every=run_every, key=key)

    return wrap


def typed_name() -> str:
    name = str(st.session_state.get("actor_name", "")).strip()
    return name or tr("app.anonymous")


def actor() -> str:
    """Return the name under which this session's edits are recorded."""
    user = current_user()
    return user.label if user else typed_name()


def oidc_configured() -> bool:
    """Tell whether st.login can be offered: an [auth] section in secrets (and streamlit[auth])."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all: Streamlit raises rather than returning empty
        return False


def init_state() -> None:
    """Initialise this session's keys once."""
    st.session_state.setdefault("lang", DEFAULT_LANGUAGE)
    st.session_state.setdefault("actor_name", "")
    if st.session_state.get("lang") is None:
        st.session_state["lang"] = DEFAULT_LANGUAGE


def current_dossier_id() -> int | None:
    """Return the open dossier: from the address bar first, so links and reloads keep it."""
    raw = st.query_params.get("dossier")
    if raw and raw.isdigit():
        st.session_state["dossier_id"] = int(raw)
    value = st.session_state.get("dossier_id")
    return int(value) if value is not None else None


def forget_dossier() -> None:
    """Close the open dossier (e.g. one this person may not see)."""
    st.session_state.pop("dossier_id", None)
    if "dossier" in st.query_params:
        del st.query_params["dossier"]


def open_dossier(dossier_id: int) -> None:
    """Remember the dossier to work on and put it in the address bar."""
    st.session_state["dossier_id"] = dossier_id
    keep_in_address(dossier_id)


def keep_in_address(dossier_id: int) -> None:
    """Put the open dossier in the address bar, unless it is there already."""
    if st.query_params.get("dossier") != str(dossier_id):
        st.query_params["dossier"] = str(dossier_id)
