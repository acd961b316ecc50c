"""Tables that survive a workshop: edit on top of the dossier as loaded, save explicitly, see conflicts.

A table editor (st.data_editor) keeps the user's edits as a delta on the data it was given, so
that data must not change under the user: the page edits on top of a snapshot of the record
taken when editing started. While nobody has typed, the snapshot follows newer saves; once the
user has typed, a save based on the snapshot meets any newer version as a conflict.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
from pydantic import ValidationError

from workbench.access.permissions import AccessDenied
from workbench.dossier.units import Change
from workbench.dossier.validation import from_validation_error
from workbench.i18n import fmt_datetime
from workbench.store.dossiers import DossierRecord, EditConflict, InvalidChange, StorageFailure
from workbench.ui import faults
from workbench.ui.common import actor, lang, store, tr
from workbench.ui.editing import show_problems
from workbench.ui.markup import md

MakeChanges = Callable[[DossierRecord], list[Change]]


def editor_key(name: str, part: str = "editor") -> str:
    """Return the widget key of one of this table's widgets; a new one after every save or reload."""
    return f"{name}_{part}_{st.session_state.get(f'{name}_generation', 0)}"


def _delta_is_empty(value: Any) -> bool:
    if not isinstance(value, dict):
        return True
    return not any(value.get(k) for k in ("edited_rows", "added_rows", "deleted_rows"))


def touched(name: str) -> bool:
    """Tell whether the user has edited this table or one of the widgets seeded with it."""
    if not _delta_is_empty(st.session_state.get(editor_key(name))):
        return True
    seeded: dict[str, Any] = st.session_state.get(f"{name}_seeded", {})
    return any(st.session_state.get(editor_key(name, part), value) != value for part, value in seeded.items())


def snapshot(
    name: str, record: DossierRecord, seed: Callable[[DossierRecord], dict[str, Any]] | None = None
) -> DossierRecord:
    """Return the record the user's edits are based on; follow newer saves while nothing was typed.

    `seed` gives the starting values of other widgets of this table (keys from editor_key(name, part)).
    """
    base: DossierRecord | None = st.session_state.get(f"{name}_base")
    stale = base is not None and (base.id != record.id or base.revision != record.revision)
    if base is None or (stale and (base.id != record.id or not touched(name))):
        if base is not None:
            reset(name)
        base = record
        values = seed(record) if seed else {}
        st.session_state[f"{name}_base"] = base
        st.session_state[f"{name}_seeded"] = values
        for part, value in values.items():
            st.session_state[editor_key(name, part)] = value
    return base


def reset(name: str) -> None:
    """Forget the user's edits and the snapshot: the next run shows the saved dossier."""
    for suffix in ("base", "seeded", "conflict"):
        st.session_state.pop(f"{name}_{suffix}", None)
    st.session_state[f"{name}_generation"] = st.session_state.get(f"{name}_generation", 0) + 1


def save(name: str, dossier_id: int, make_changes: MakeChanges) -> bool:
    """Save the edits (computed on the snapshot) all at once; report problems and conflicts."""
    base: DossierRecord = st.session_state[f"{name}_base"]
    try:
        changes = make_changes(base)
    except InvalidChange as exc:
        show_problems(exc.problems)
        return False
    except ValidationError as exc:
        show_problems(from_validation_error(exc))
        return False
    return _apply(name, dossier_id, changes, make_changes)


def _apply(name: str, dossier_id: int, changes: list[Change], make_changes: MakeChanges) -> bool:
    if not changes:
        st.toast(tr("table_edit.nothing_changed"), icon=":material/info:")
        return False
    try:
        store().apply(dossier_id, changes, by=actor())
    except EditConflict as conflict:
        # Keep what the user typed as a function of a record, to apply again on the newest one.
        st.session_state[f"{name}_conflict"] = {"by": conflict.by, "at": conflict.at, "redo": make_changes}
        return False
    except InvalidChange as exc:
        show_problems(exc.problems)
        return False
    except AccessDenied as refused:
        st.error(md("access.denied", action=tr(f"access.action.{refused.action}")), icon=":material/block:")
        return False
    except StorageFailure as failure:  # the edits stay in the table: the user saves again later
        faults.show(failure)
        return False
    reset(name)
    st.toast(tr("edit.saved"), icon=":material/check:")
    return True


def conflict_panel(name: str, dossier_id: int, current: DossierRecord) -> None:
    """After a refused save: say who changed what when, keep the edits, let the user choose."""
    conflict = st.session_state.get(f"{name}_conflict")
    if not conflict:
        return
    at = fmt_datetime(conflict["at"], lang()) if conflict["at"] else "?"
    with st.container(border=True):
        # The name is what someone typed in "Je naam": plain text, never Markdown.
        st.text("⚠ " + tr("edit.conflict", by=conflict["by"], at=at))
        st.caption(tr("table_edit.conflict_kept"))
        left, right = st.columns(2)
        if left.button(tr("edit.take_theirs"), key=f"{name}_take_theirs"):
            reset(name)
            st.rerun()
        if right.button(tr("edit.keep_mine"), key=f"{name}_keep_mine", type="primary"):
            # The user has seen that someone else saved first and chooses their own edits.
            st.session_state.pop(f"{name}_conflict", None)
            redo: MakeChanges = conflict["redo"]
            try:
                changes = redo(current)
            except InvalidChange as exc:
                show_problems(exc.problems)
                return
            if _apply(name, dossier_id, changes, redo):
                st.rerun()
