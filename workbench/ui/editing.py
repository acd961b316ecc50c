"""Forms that survive a workshop: widgets seeded from the saved unit, explicit save, conflicts shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
from pydantic import ValidationError

from workbench.i18n import fmt_datetime
from workbench.store import DossierRecord, EditConflict, InvalidChange
from workbench.ui.common import actor, lang, store, tr
from workbench.units import Change, UnitRef
from workbench.validation import Problem, from_validation_error


def _base_key(unit: UnitRef) -> str:
    return f"edit_base_{unit}"


def _seed_key(unit: UnitRef) -> str:
    return f"edit_seed_{unit}"


def widget_key(unit: UnitRef, field: str) -> str:
    """Return the session-state key of one field's widget."""
    return f"edit_{unit}_{field}"


def seed(unit: UnitRef, record: DossierRecord, values: dict[str, Any]) -> None:
    """Put saved values into the widgets once per saved version, unless the user has typed.

    When someone else saved meanwhile and this user changed nothing, the widgets quietly
    follow the new version; when this user has typed, their text stays and the save
    will meet the conflict.
    """
    saved_version = record.version(unit)
    base = st.session_state.get(_base_key(unit))
    seeded = st.session_state.get(_seed_key(unit))
    untouched = seeded is not None and all(
        st.session_state.get(widget_key(unit, f)) == v for f, v in seeded.items()
    )
    if base is None or (base != saved_version and untouched):
        for field, value in values.items():
            st.session_state[widget_key(unit, field)] = value
        st.session_state[_seed_key(unit)] = dict(values)
        st.session_state[_base_key(unit)] = saved_version


def current(unit: UnitRef, fields: list[str]) -> dict[str, Any]:
    """Read the widgets' values of a unit."""
    return {f: st.session_state.get(widget_key(unit, f)) for f in fields}


def forget(unit: UnitRef) -> None:
    """Drop the seeded state so the next run shows the saved unit afresh."""
    for key in [k for k in st.session_state if str(k).startswith(f"edit_{unit}_")]:
        del st.session_state[key]
    st.session_state.pop(_base_key(unit), None)
    st.session_state.pop(_seed_key(unit), None)


def base_version(unit: UnitRef) -> int:
    """Return the version the user's widgets were filled from."""
    return int(st.session_state.get(_base_key(unit), 0))


def save(dossier_id: int, unit: UnitRef, build: Callable[[], Any], *, delete: bool = False) -> bool:
    """Validate and save a unit from its widgets; report errors, conflicts and success on the page."""
    try:
        data = None if delete else build().model_dump(mode="json")
    except ValidationError as exc:
        show_problems(from_validation_error(exc))
        return False
    change = Change(unit=unit, data=data, base_version=base_version(unit))
    try:
        store().save(dossier_id, change, by=actor())
    except EditConflict as conflict:
        st.session_state[f"edit_conflict_{unit}"] = {
            "by": conflict.by,
            "at": conflict.at,
            "theirs": conflict.theirs,
        }
        return False
    except InvalidChange as exc:
        show_problems(exc.problems)
        return False
    forget(unit)
    st.session_state.pop(f"edit_conflict_{unit}", None)
    st.toast(tr("edit.saved"), icon=":material/check:")
    return True


def show_problems(problems: list[Problem]) -> None:
    """List validation problems in the user's language, as plain text (user input never renders)."""
    st.error(tr("edit.not_saved"))
    for problem in problems:
        st.text("• " + problem.message(lang()))


def conflict_panel(
    dossier_id: int, unit: UnitRef, record: DossierRecord, describe: Callable[[dict[str, Any]], str]
) -> None:
    """When a save met someone else's newer version: show theirs and let the user choose."""
    conflict = st.session_state.get(f"edit_conflict_{unit}")
    if not conflict:
        return
    at = fmt_datetime(conflict["at"], lang()) if conflict["at"] else "?"
    with st.container(border=True):
        st.warning(tr("edit.conflict", by=conflict["by"], at=at))
        if conflict["theirs"] is None:
            st.text(tr("edit.conflict_deleted"))
        else:
            st.caption(tr("edit.conflict_theirs"))
            st.text(describe(conflict["theirs"]))
        st.caption(tr("edit.conflict_yours_kept"))
        left, right = st.columns(2)
        if left.button(tr("edit.take_theirs"), key=f"edit_take_theirs_{unit}"):
            forget(unit)
            st.session_state.pop(f"edit_conflict_{unit}", None)
            st.rerun()
        if right.button(tr("edit.keep_mine"), key=f"edit_keep_mine_{unit}", type="primary"):
            # The user saw the other version and chose theirs over it: base on the newest.
            st.session_state[_base_key(unit)] = record.version(unit)
            st.session_state.pop(f"edit_conflict_{unit}", None)
            st.session_state[f"edit_resave_{unit}"] = True
            st.rerun()


def wants_resave(unit: UnitRef) -> bool:
    """Tell whether the user chose to keep their own version after a conflict."""
    return bool(st.session_state.pop(f"edit_resave_{unit}", False))
