"""What every page shares: language, the acting person, the store of this script run."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from workbench.db import database_path
from workbench.i18n import DEFAULT_LANGUAGE, LANGUAGES, language, t
from workbench.steps import STEPS
from workbench.store import Store

# A local file: a material-icon favicon would be fetched from Google's servers.
ICON = str(Path(__file__).parent / "static" / "icon.png")

# Page files by role, relative to streamlit_app.py: the router and st.switch_page use these.
# Every step of the guided path has its page in workbench/ui/steps/<step>.py.
PAGES: dict[str, str] = {
    "start": "workbench/ui/start_page.py",
    **{s.key: f"workbench/ui/steps/{s.key}.py" for s in STEPS},
    "graph": "workbench/ui/graph_page.py",
    "documents": "workbench/ui/documents_page.py",
    "history": "workbench/ui/history_page.py",
    "workshop": "workbench/ui/workshop_page.py",
    "projector": "workbench/ui/projector_page.py",
    "participate": "workbench/ui/participate_page.py",
    "consent": "workbench/ui/consent_page.py",
}


def lang() -> str:
    """Return the language chosen in this browser session."""
    return language(st.session_state.get("lang", DEFAULT_LANGUAGE))


def tr(key: str, **params: Any) -> str:
    """Translate a key into the session's language."""
    return t(key, lang(), **params)


def labeller(prefix: str) -> Callable[[Any], str]:
    """Return a format_func for enum widgets, bound to the current language (it may run off-thread)."""
    code = lang()
    return lambda value: t(f"{prefix}.{getattr(value, 'value', value)}", code)


def db_path() -> str:
    """Read the database path: `-- --db PATH` after the script, else $WORKBENCH_DB, else default."""
    args = sys.argv[1:]
    if "--db" in args and args.index("--db") + 1 < len(args):
        return str(database_path(args[args.index("--db") + 1]))
    return str(database_path(os.environ.get("WORKBENCH_DB")))


def store() -> Store:
    """Open the store for this script run (connections are opened per call, never cached)."""
    return Store(db_path())


def actor() -> str:
    """Return the name under which this session's edits are recorded."""
    name = str(st.session_state.get("actor_name", "")).strip()
    return name or tr("app.anonymous")


def _remember(field: str, setting: str) -> None:
    value = st.session_state.get(field)
    if setting == "lang" and value is None:  # the segmented control was deselected
        return
    st.session_state[setting] = value


def sidebar() -> None:
    """Draw the language switch and the name field.

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
        st.text_input(
            tr("app.your_name"),
            key="actor_name_field",
            max_chars=80,
            help=tr("app.your_name_help"),
            on_change=_remember,
            args=("actor_name_field", "actor_name"),
        )


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


def open_dossier(dossier_id: int) -> None:
    """Remember the dossier to work on and put it in the address bar."""
    st.session_state["dossier_id"] = dossier_id
    st.query_params["dossier"] = str(dossier_id)
