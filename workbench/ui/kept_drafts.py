"""Drafts that outlive a reload: every form's unsaved text copied to the server, and back after a reload.

editing.py keeps what someone typed in the tab's session state (`form_<id>`: what the form was
filled from, and the draft). A reload or a new tab starts a new session, so each run also sends
the drafts that changed to the database (store/drafts.py), under an owner only this browser can
name: its session token when logged in, its browser cookie in open workshop mode. The first run of
a tab on a dossier puts them back. A restored draft is an ordinary draft: when someone saved the
same part meanwhile, saving it shows the conflict and keeps the text. What was typed into a field
that still has the focus has not reached the server yet; it is the one thing a reload loses.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

import streamlit as st

from workbench.store.drafts import Drafts, owner
from workbench.ui import session
from workbench.ui.common import db_path, tr

_LOADED = "kept_drafts_loaded"  # (owner, dossier) whose drafts this tab has taken back
_SENT = "kept_drafts_sent"  # {form id: text} as the server holds them for that owner and dossier
_DOSSIER = "kept_drafts_dossier"  # the dossier the tab's forms belong to
_KEPT = ("seed", "snapshot", "draft")  # the rest (a conflict shown, problems) belongs to the moment


def draft_owner(open_mode: bool) -> str | None:
    """Return whose drafts these are: this session's, this browser's (open mode), or nobody's."""
    token = st.session_state.get("auth_token")
    if token:
        return owner("session", str(token))
    return session.browser_owner() if open_mode else None


def _default(value: Any) -> Any:
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    raise TypeError(f"a draft cannot keep {type(value).__name__}")


def _hook(found: dict[str, Any]) -> Any:
    if set(found) == {"$date"}:
        return date.fromisoformat(found["$date"])
    if set(found) == {"$decimal"}:
        return Decimal(found["$decimal"])
    return found


def encode(bookkeeping: dict[str, Any]) -> str:
    """Return the part of a form's bookkeeping that a later visit needs, as JSON."""
    return json.dumps({k: bookkeeping.get(k) for k in _KEPT}, default=_default, sort_keys=True)


def decode(text: str) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(text, object_hook=_hook)
    return found


def _unsaved(bookkeeping: object) -> bool:
    if not isinstance(bookkeeping, dict) or not bookkeeping.get("seed") or bookkeeping.get("read_only"):
        return False  # a read-only form shows what is stored: nothing of it is a draft
    draft = bookkeeping.get("draft")
    return draft is not None and draft != bookkeeping["seed"]


def follow(dossier_id: int | None) -> None:
    """Set aside the forms of another dossier when the tab opens a different one.

    Form state is named by the part it edits ("identity", "partner:stad"), not by the dossier: text
    typed in one dossier must never show in another's form. It was sent to the server already
    (when this browser has an owner), and comes back when that dossier is opened again.
    """
    if dossier_id is None:
        return
    before = st.session_state.get(_DOSSIER)
    st.session_state[_DOSSIER] = dossier_id
    if before is None or before == dossier_id:
        return
    for key in [str(k) for k in st.session_state]:
        if key.startswith(("form_", "edit_", "open_")):
            del st.session_state[key]


def sync_form(form_id: str) -> None:
    """Send one form's draft if it changed (a rerun of that form alone: the router did not run)."""
    if remembered := st.session_state.get(_LOADED):
        owner_hash, dossier_id = remembered
        sync(owner_hash, dossier_id, only=form_id)


def sync(owner_hash: str | None, dossier_id: int | None, only: str | None = None) -> None:
    """Take back this owner's drafts of the dossier (once per tab), then send those that changed.

    `only` names one form (a fragment rerun of that form); otherwise every form of the tab counts.
    """
    if owner_hash is None or dossier_id is None:
        st.session_state.pop(_LOADED, None)  # logged out, or no dossier: nothing to send from forms
        return
    drafts = Drafts(db_path(), migrate=False)
    if st.session_state.get(_LOADED) != (owner_hash, dossier_id):
        st.session_state[_LOADED] = (owner_hash, dossier_id)
        st.session_state[_SENT] = _take_back(drafts.load(owner_hash), dossier_id)
    sent: dict[str, str] = st.session_state[_SENT]
    changes: dict[tuple[int, str], str | None] = {}
    keys = [f"form_{only}"] if only else [str(k) for k in st.session_state if str(k).startswith("form_")]
    for key in keys:
        form_id = key.removeprefix("form_")
        bookkeeping = st.session_state.get(key)
        text = encode(bookkeeping) if _unsaved(bookkeeping) else None  # type: ignore[arg-type]
        if text != sent.get(form_id):
            changes[(dossier_id, form_id)] = text
    if only is None:  # forms that are gone from the tab (saved, or their text taken back)
        for form_id in set(sent) - {k.removeprefix("form_") for k in keys}:
            changes[(dossier_id, form_id)] = None
    if not changes:
        return
    drafts.update(owner_hash, changes)
    for (_, form_id), text in changes.items():
        if text is None:
            sent.pop(form_id, None)
        else:
            sent[form_id] = text


def _take_back(kept: dict[tuple[int, str], str], dossier_id: int) -> dict[str, str]:
    """Put the dossier's kept drafts where the tab has none of its own; return what the server holds."""
    held: dict[str, str] = {}
    restored = 0
    for (kept_dossier, form_id), text in kept.items():
        if kept_dossier != dossier_id:
            continue
        held[form_id] = text
        key = f"form_{form_id}"
        if st.session_state.get(key):
            continue  # this tab typed into that form itself: its own text wins
        try:
            st.session_state[key] = decode(text)
        except (ValueError, TypeError):
            continue  # a draft of an older version of the app: not worth a crash
        restored += 1
    if restored:
        st.toast(tr("session.drafts_back"), icon=":material/restore:")
    return held
