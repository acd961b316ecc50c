"""What reruns after a save: the step's lists and state alone, or the whole page when more follows.

A save of one item changes what its list shows (titles, the item opened, the add form closed)
and the step's state; the menu's icons and the coach's verdict beside the list change only when
the dossier's progress or a verdict's staleness does. A page whose other parts do not follow its
lists (each form beside them is a fragment that reads the dossier itself) says so when it starts
(`lists_alone`); a save there reruns the fragments named here when nothing else changed. Every
other save, and every save on other pages, reruns the whole page.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any, NoReturn

import streamlit as st
from streamlit.errors import StreamlitAPIException

from workbench.access.permissions import AccessDenied
from workbench.store.dossiers import DossierNotFound
from workbench.ui.common import store

LIST = "step_list"  # every item list of a step page
STATUS = "step_status"  # the step's state and open points, and the confirmation of a save
# Set by a whole run of a page whose saves may rerun its lists alone: what the menu and the page
# showed then. Absent: a save reruns the whole page.
_SHOWN = "_shown_beside_lists"


def page_starts() -> None:
    """Forget what the last page allowed: the router calls this at the start of every whole run."""
    st.session_state.pop(_SHOWN, None)


def lists_alone(dossier_id: int) -> None:
    """Let a save on this page rerun its lists and the step's state only, when nothing else changed."""
    st.session_state[_SHOWN] = shown(dossier_id)


def whole_page() -> None:
    """Say that something on this page follows a save besides its lists (a list of given items)."""
    st.session_state.pop(_SHOWN, None)


def shown(dossier_id: int) -> tuple[Any, ...]:
    """Return what the menu and the rest of a step page show of the dossier beside its lists."""
    try:
        sections = store().section_progress(dossier_id)
        name = store().load(dossier_id).dossier.identity.name
    except (AccessDenied, DossierNotFound):
        return ()
    return (
        name,
        tuple(sorted(sections.progress.states.items())),
        tuple(
            (step, status.review.status if status.review else None, status.stale)
            for step, status in sorted(sections.sections.items())
        ),
    )


def rerun(dossier_id: int, *, alone: bool = True) -> NoReturn:
    """Rerun after a save: the lists and state alone (if `alone`) when the rest shows what it showed.

    Compared with the page's last whole run, not with the moment before the save: a change by
    someone else since then that the menu does not show yet also reruns the whole page.
    """
    before = st.session_state.get(_SHOWN)
    if alone and before and shown(dossier_id) == before:
        with suppress(StreamlitAPIException):  # a part not drawn on this page after all
            st.rerun(scope=[STATUS, LIST])
    st.rerun()
