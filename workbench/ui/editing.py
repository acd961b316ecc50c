"""Forms that survive a workshop: seeded from the saved part, drafts kept, explicit save, conflicts shown.

Session state per form (its id is FormSpec.form_id(item), e.g. 'partner:stw'):
- `edit_<id>_<field>`: the widgets' own values;
- `form_<id>`: what the form was filled from (the snapshot of the saved part), a copy of the
  typed values (the draft, which outlives the widgets when the user leaves the page or closes
  the expander), and the outcome of the last save (conflict or problems).
Buttons act through callbacks, which run before the page is drawn, so they may set widgets.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from workbench.access.permissions import AccessDenied
from workbench.dossier.units import Change
from workbench.dossier.validation import Problem
from workbench.guide import edits, labels, parts, widget_values
from workbench.guide.form_specs import FormSpec
from workbench.store.dossiers import DossierRecord, EditConflict, InvalidChange, StorageFailure
from workbench.ui import after_save, faults, kept_drafts
from workbench.ui.common import actor, lang, store, tr
from workbench.ui.markup import bullets


@dataclass(frozen=True)
class FormRef:
    """One form on a page: a spec and the item it edits ('' for a singleton or a new item)."""

    spec: FormSpec
    item: str = ""

    @property
    def id(self) -> str:
        return self.spec.form_id(self.item)

    @property
    def is_new(self) -> bool:
        return self.spec.is_list and not self.item


def widget_key(form_id: str, name: str) -> str:
    """Return the session-state key of one widget of a form."""
    return f"edit_{form_id}_{name}"


def _state_key(form_id: str) -> str:
    return f"form_{form_id}"


def state(ref: FormRef) -> dict[str, Any]:
    """Return the form's bookkeeping (seed, snapshot, draft, conflict, problems)."""
    found: dict[str, Any] = st.session_state.setdefault(_state_key(ref.id), {})
    return found


def values(ref: FormRef) -> dict[str, Any]:
    """Read what the user has in the form now: the live widgets, else the kept draft, else the seed."""
    saved = state(ref)
    out = dict(saved.get("draft") or saved.get("seed") or {})
    for name in ref.spec.widget_names():
        key = widget_key(ref.id, name)
        if key in st.session_state:
            out[name] = st.session_state[key]
    return out


def touched(ref: FormRef) -> bool:
    """Tell whether the user typed something that is not saved yet."""
    saved = st.session_state.get(_state_key(ref.id))  # a list asks for every item: create nothing
    return (
        isinstance(saved, dict)
        and "seed" in saved
        and not saved.get("read_only")
        and values(ref) != saved["seed"]
    )


def _fill(ref: FormRef, filled: dict[str, Any]) -> None:
    for name, value in filled.items():
        st.session_state[widget_key(ref.id, name)] = value


def _seed(ref: FormRef, record: DossierRecord) -> None:
    obj = parts.part(record.dossier, ref.spec, ref.item)
    seed = widget_values.to_widgets(ref.spec, obj)
    _fill(ref, seed)
    st.session_state[_state_key(ref.id)] = {
        "seed": seed,
        "snapshot": widget_values.snapshot(ref.spec, obj),
        "draft": None,
    }


def prepare(ref: FormRef, record: DossierRecord) -> None:
    """Fill the widgets before they are drawn: from the saved part, or back from the draft.

    When someone else saved this part meanwhile and this user typed nothing, the form quietly
    follows the new version; when they typed, their text stays and a save will show the conflict.
    """
    saved = state(ref)
    if "seed" not in saved:
        _seed(ref, record)
        return
    current = widget_values.snapshot(ref.spec, parts.part(record.dossier, ref.spec, ref.item))
    if current != saved["snapshot"] and not touched(ref) and not saved.get("conflict"):
        _seed(ref, record)
        return
    # Widgets that were not drawn in the last run are gone: put the draft back into them.
    missing = [n for n in ref.spec.widget_names() if widget_key(ref.id, n) not in st.session_state]
    if missing:
        typed = values(ref)
        _fill(ref, {n: typed[n] for n in missing if n in typed})


def show_stored(ref: FormRef, record: DossierRecord) -> None:
    """Fill a form this person may not save with the stored part, every run: never a draft.

    Whatever reached the widgets (a draft kept from when they could edit, a value sent by a
    crafted request) is dropped; nothing of it is kept, sent to the server or shown.
    """
    forget(ref)
    _seed(ref, record)
    state(ref)["read_only"] = True


def keep_drafts() -> None:
    """Copy every drawn form's values into its draft; run at the start of each script run.

    Streamlit drops a widget's value once it is not drawn (another page, a closed expander);
    the draft keeps what the user typed until it is saved or they load the other version.
    """
    for key in list(st.session_state.keys()):
        key = str(key)
        if key.startswith("form_"):
            _keep(key.removeprefix("form_"))


def keep_draft(ref: FormRef) -> None:
    """Copy one form's values into its draft (a rerun of that form alone)."""
    _keep(ref.id)


def _keep(form_id: str) -> None:
    saved = st.session_state.get(_state_key(form_id))
    seed = saved.get("seed") if isinstance(saved, dict) else None
    if not seed or saved is None or saved.get("read_only"):
        return
    live = {
        n: st.session_state[widget_key(form_id, n)]
        for n in seed
        if widget_key(form_id, n) in st.session_state
    }
    if live:
        saved["draft"] = {**(saved.get("draft") or seed), **live}


def in_page_run() -> bool:
    """Tell whether the whole page is running (not a fragment of it alone)."""
    ctx = get_script_run_ctx()
    return ctx is None or not ctx.fragment_ids_this_run


def forget(ref: FormRef) -> None:
    """Drop the form's widgets and bookkeeping: the next run shows the saved part afresh."""
    prefix = f"edit_{ref.id}_"
    for key in [k for k in st.session_state if str(k).startswith(prefix)]:
        del st.session_state[key]
    st.session_state.pop(_state_key(ref.id), None)


def show_problems(problems: list[Problem]) -> None:
    """List validation problems in the user's language, in the box that says nothing was saved."""
    st.error(tr("edit.not_saved") + "\n\n" + bullets(p.message(lang()) for p in problems))


_ADDED = "added_{}"  # how many items the 'add' form of a list saved in this session


def open_key(ref: FormRef) -> str:
    """Return the session key of the expander that holds a form (true while it is open).

    The 'add' form gets a new key after each item it saved, so it comes back closed and empty
    whatever open state the client sends back with the click (AppTest sends the state of its
    last drawing, and the form stayed open there, drawn on every save).
    """
    added = st.session_state.get(_ADDED.format(ref.id), 0) if ref.is_new else 0
    return f"open_{ref.id}" + (f"_{added}" if added else "")


def flash(key: str) -> None:
    """Show a short confirmation (a catalogue key) on the next drawing of the page."""
    st.session_state["flash"] = key


# ---------------------------------------------------------------- button callbacks


def _apply(ref: FormRef, dossier_id: int, changes: list[Change]) -> bool:
    saved = state(ref)
    try:
        store().apply(dossier_id, changes, by=actor())
    except EditConflict as exc:
        # Someone saved between our reading and writing: show it like any other conflict.
        record = store().load(dossier_id)
        obj = parts.part(record.dossier, ref.spec, ref.item)
        saved["conflict"] = {
            "by": exc.by,
            "at": exc.at,
            "theirs": obj,
            "changed": widget_values.changed_paths(
                saved.get("snapshot"), widget_values.snapshot(ref.spec, obj)
            ),
        }
        return False
    except InvalidChange as exc:
        saved["problems"] = exc.problems
        return False
    except AccessDenied as refused:  # the core said no (a coach, a viewer, a role changed meanwhile)
        saved["denied"] = refused.action
        return False
    saved.pop("denied", None)
    return True


def save(ref: FormRef, dossier_id: int) -> None:
    """Validate and save the form; on a conflict, a problem or a database fault keep the text and say why."""
    saved = state(ref)
    saved.pop("problems", None)
    saved.pop("failure", None)
    typed = values(ref)
    try:
        _save(ref, dossier_id, saved, typed)
    except StorageFailure as failure:
        faults.show_later(saved, failure)
        saved["draft"] = typed


def _save(ref: FormRef, dossier_id: int, saved: dict[str, Any], typed: dict[str, Any]) -> None:
    record = store().load(dossier_id)
    plan = edits.plan_save(record, ref.spec, ref.item, typed, saved.get("snapshot"))
    if plan.outcome == "conflict":
        by, at = plan.by, plan.at
        if plan.theirs is None:  # deleted meanwhile: the history knows who did it
            last = store().last_revision(dossier_id, ref.spec.unit(ref.item))
            by, at = (last.by, last.at) if last else (by, at)
        saved["conflict"] = {"by": by, "at": at, "theirs": plan.theirs, "changed": plan.changed}
        saved["draft"] = typed
        return
    if plan.outcome == "invalid":
        saved["problems"] = plan.problems
        return
    if plan.outcome == "unchanged":
        saved.pop("conflict", None)
        flash("edit.unchanged")
        after_save.rerun(dossier_id)  # the step's state shows the message (the form alone would not)
    if not _apply(ref, dossier_id, plan.changes):
        saved["draft"] = typed
        return
    forget(ref)
    # No longer a draft: drop the server's copy now, as a save may rerun the lists alone, without
    # the router that sends a whole run's drafts (a reload would bring the saved text back). The
    # save stands if that fails: the next whole run sends it again.
    with suppress(StorageFailure):
        kept_drafts.sync_form(ref.id)
    if ref.is_new:
        # Show the new item opened, and the empty 'add' form closed again.
        st.session_state[open_key(FormRef(ref.spec, plan.item))] = True
        st.session_state.pop(open_key(ref), None)
        st.session_state[_ADDED.format(ref.id)] = st.session_state.get(_ADDED.format(ref.id), 0) + 1
        st.session_state.pop(f"page_{ref.spec.key}", None)  # a long list turns to the new item's page
    flash("edit.saved")
    # A renamed item may be named beside the list too (a comment pinned to it): the whole page then.
    renamed = ref.item and _title(ref, record) != _title(ref, store().load(dossier_id))
    after_save.rerun(dossier_id, alone=not renamed)


def _title(ref: FormRef, record: DossierRecord) -> str | None:
    obj = parts.part(record.dossier, ref.spec, ref.item)
    return None if obj is None else labels.item_title(obj, record.dossier, lang())


def _rerun_page() -> None:
    """After a save that changed the dossier, rerun the whole page, not just the form's fragment."""
    st.rerun()


def take_theirs(ref: FormRef) -> None:
    """Drop this user's text and show the saved version."""
    forget(ref)
    flash("edit.loaded_theirs")


def keep_mine(ref: FormRef, dossier_id: int) -> None:
    """Save this user's text on top of the newest version they have now seen."""
    saved = state(ref)
    conflict = saved.pop("conflict", None) or {}
    theirs = conflict.get("theirs")
    saved["snapshot"] = widget_values.snapshot(ref.spec, theirs)
    save(ref, dossier_id)


def ask_delete(ref: FormRef, asking: bool) -> None:
    state(ref)["confirm_delete"] = asking


def delete(ref: FormRef, dossier_id: int) -> None:
    """Delete the item with everything the plan said it takes along, in one atomic apply."""
    saved = state(ref)
    saved["confirm_delete"] = False
    saved.pop("failure", None)
    try:
        record = store().load(dossier_id)
        plan = edits.plan_delete(record, ref.spec, ref.item)
        if plan.outcome == "gone":
            forget(ref)
            return
        if _apply(ref, dossier_id, plan.changes):
            forget(ref)
            flash("edit.deleted")
            _rerun_page()
    except StorageFailure as failure:
        faults.show_later(saved, failure)
