"""Database faults on screen: one translated message, and the page with what was typed stays.

Every save goes through the store's transactions, which roll back whole: when SQLite fails (a
full disk, a read-only file, an I/O error) the store raises StorageFailure and nothing is
kept. Pages show it with one of these helpers instead of letting Streamlit replace the page:

- `with saving():` around a save drawn in the page: the message appears where the save was,
  the rest of the page (and every widget with its text) is drawn as usual;
- `guarded(callback)` for button callbacks, which run before the page: the message appears at
  the top of the next drawing (`show_pending`, called by the router and by fragments);
- `clear_after_save(key)`: empty a text widget only once its text is saved (a form with
  `clear_on_submit` would throw the text away even when the save fails).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, ParamSpec

import streamlit as st
from streamlit.logger import get_logger

from workbench.store.db import StorageFailure
from workbench.ui.common import tr
from workbench.ui.markup import md

P = ParamSpec("P")
PENDING = "storage_failure"  # the reason of a fault met by a callback, shown on the next drawing
CLEAR = "storage_clear"  # widget keys to empty at the start of the next run
_log = get_logger(__name__)


def message(reason: str) -> str:
    """Say in the user's language that nothing was saved, and why."""
    return md("storage.not_saved", reason=tr(f"storage.{reason}"))


def show(failure: StorageFailure) -> None:
    """Show a fault where the page is being drawn."""
    _log.warning("database fault (%s): %s", failure.reason, failure.detail)
    show_reason(failure.reason)


def show_reason(reason: str) -> None:
    st.error(md("storage.not_saved", reason=tr(f"storage.{reason}")), icon=":material/database:")


def show_unavailable(failure: StorageFailure) -> None:
    """Show that a page could not even read the database (nothing to keep on screen then)."""
    _log.warning("database fault (%s): %s", failure.reason, failure.detail)
    st.error(md("storage.unavailable", reason=tr(f"storage.{failure.reason}")), icon=":material/database:")


@contextmanager
def saving() -> Iterator[None]:
    """Run a save drawn in the page; on a database fault say so here and let the page go on."""
    try:
        yield
    except StorageFailure as failure:
        show(failure)


def guarded(callback: Callable[P, object]) -> Callable[P, None]:
    """Wrap a button callback: a database fault is kept and shown on the next drawing."""

    @wraps(callback)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            callback(*args, **kwargs)
        except StorageFailure as failure:
            _log.warning("database fault (%s): %s", failure.reason, failure.detail)
            st.session_state[PENDING] = failure.reason

    return run


def show_later(bookkeeping: dict[str, Any], failure: StorageFailure) -> None:
    """Keep a fault in a form's own bookkeeping: the form shows it beside its save button."""
    _log.warning("database fault (%s): %s", failure.reason, failure.detail)
    bookkeeping["failure"] = failure.reason


def keep(failure: StorageFailure) -> None:
    """Keep a fault met in a callback for the next drawing (for callbacks with their own handling)."""
    _log.warning("database fault (%s): %s", failure.reason, failure.detail)
    st.session_state[PENDING] = failure.reason


def show_pending() -> None:
    """Show a fault a callback met, once."""
    if reason := st.session_state.pop(PENDING, None):
        show_reason(str(reason))


def clear_after_save(*keys: str) -> None:
    """Empty these widgets at the start of the next run: their text is saved."""
    st.session_state[CLEAR] = [*st.session_state.get(CLEAR, []), *keys]


def apply_clears() -> None:
    """Empty the widgets whose text was saved in the last run (before any widget is drawn)."""
    for key in st.session_state.pop(CLEAR, []):
        st.session_state.pop(key, None)
