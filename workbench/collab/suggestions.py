"""Suggestions: a comment thread carrying proposed text for one field of one item (their SQL).

A coach, who may not edit, proposes wording; someone who may edit that part accepts it into the
field (a normal versioned save, workbench/workspace/suggestions.py) or declines it. The store
records who decided, when, and the revision an accepted suggestion became, in the transaction of
that save (`mark_accepted` runs inside Store.apply), so a suggestion is never accepted twice and
never marked accepted without its save.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from workbench.clock import stamp
from workbench.collab.review_records import (
    MAX_COMMENT_LENGTH,
    Anchor,
    EntryKind,
    ReviewError,
    Thread,
    ThreadStatus,
    clean_review_text,
)
from workbench.collab.reviews import Reviews, add_entry, load_thread, require_dossier
from workbench.store.db import Connection, scope
from workbench.store.rows import record

MAX_PROPOSED_LENGTH = 20_000


class SuggestionStatus(StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class SuggestionDecided(ReviewError):
    """Someone accepted or declined this suggestion already."""

    def __init__(self, thread_id: int) -> None:
        super().__init__("suggestion.decided", id=thread_id)


@dataclass(frozen=True, slots=True)
class Target:
    """The field a suggestion is about: a form (FormSpec.key), its item ('' for a singleton), a field path."""

    form: str
    item: str
    field: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    thread_id: int
    dossier_id: int
    form: str
    item: str
    field: str
    original: str  # the field's text when the suggestion was made
    proposed: str
    base_version: int  # the version of the unit the coach saw
    status: SuggestionStatus
    decided_by: str | None
    decided_by_id: int | None
    decided_at: datetime | None
    revision: int | None  # the dossier revision an accepted suggestion became

    @property
    def target(self) -> Target:
        return Target(self.form, self.item, self.field)

    @property
    def is_open(self) -> bool:
        return self.status == SuggestionStatus.OPEN


class Suggestions(Reviews):
    """The SQL of suggestions, beside the threads they belong to."""

    def suggest(
        self,
        dossier_id: int,
        anchor: Anchor,
        target: Target,
        original: str,
        proposed: str,
        base_version: int,
        note: str,
        author: str,
        author_id: int | None = None,
        now: datetime | None = None,
    ) -> Thread:
        """Open a thread whose first comment is the note, carrying the proposed text, in one transaction."""
        text = clean_review_text(proposed, MAX_PROPOSED_LENGTH, required=True)
        body = clean_review_text(note, MAX_COMMENT_LENGTH, required=False)
        at = stamp(now)
        with self.backend.write(scope("dossier", dossier_id)) as db:
            require_dossier(db, dossier_id)
            thread_id = db.insert(
                "INSERT INTO comment_threads (dossier_id, step, field, clause, item, responsible_partner,"
                " status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)",
                [
                    dossier_id,
                    anchor.step,
                    anchor.field,
                    anchor.clause,
                    anchor.item,
                    ThreadStatus.OPEN.value,
                    author,
                    at,
                    at,
                ],
            )
            add_entry(db, thread_id, EntryKind.COMMENT, body, author, author_id, at)
            db.execute(
                "INSERT INTO suggestions (thread_id, dossier_id, form, item, field, original, proposed,"
                " base_version, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    thread_id,
                    dossier_id,
                    target.form,
                    target.item,
                    target.field,
                    original,
                    text,
                    base_version,
                    SuggestionStatus.OPEN.value,
                ],
            )
            return load_thread(db, dossier_id, thread_id)

    def suggestion(self, dossier_id: int, thread_id: int) -> Suggestion | None:
        with self.backend.read() as db:
            return _suggestion(db, dossier_id, thread_id)

    def suggestions(self, dossier_id: int) -> dict[int, Suggestion]:
        """Return every suggestion of a dossier by its thread."""
        with self.backend.read() as db:
            rows = db.query("SELECT * FROM suggestions WHERE dossier_id = ? ORDER BY thread_id", [dossier_id])
            return {r["thread_id"]: record(Suggestion, r) for r in rows}

    def decline(
        self,
        dossier_id: int,
        thread_id: int,
        author: str,
        author_id: int | None = None,
        now: datetime | None = None,
    ) -> Suggestion:
        """Decline an open suggestion and resolve its thread; refused when it was decided already."""
        at = stamp(now)
        with self.backend.write(scope("dossier", dossier_id)) as db:
            decide(db, dossier_id, thread_id, SuggestionStatus.DECLINED, author, author_id, None, at)
            found = _suggestion(db, dossier_id, thread_id)
            assert found is not None
            return found


def decide(
    db: Connection,
    dossier_id: int,
    thread_id: int,
    status: SuggestionStatus,
    author: str,
    author_id: int | None,
    revision: int | None,
    at: str,
) -> None:
    """Record a decision inside the caller's write transaction (for an acceptance: that of its save)."""
    found = _suggestion(db, dossier_id, thread_id)
    if found is None:
        raise ReviewError("comments.thread_not_found", id=thread_id)
    if not found.is_open:
        raise SuggestionDecided(thread_id)
    db.execute(
        "UPDATE suggestions SET status = ?, decided_by = ?, decided_by_id = ?, decided_at = ?, revision = ?"
        " WHERE thread_id = ?",
        [status.value, author, author_id, at, revision, thread_id],
    )
    if load_thread(db, dossier_id, thread_id).status == ThreadStatus.RESOLVED:
        return  # resolved by hand before the decision: resolving it again would say so twice
    add_entry(db, thread_id, EntryKind.RESOLVED, "", author, author_id, at)
    db.execute(
        "UPDATE comment_threads SET status = ?, updated_at = ? WHERE id = ?",
        [ThreadStatus.RESOLVED.value, at, thread_id],
    )


def _suggestion(db: Connection, dossier_id: int, thread_id: int) -> Suggestion | None:
    rows = list(
        db.query("SELECT * FROM suggestions WHERE thread_id = ? AND dossier_id = ?", [thread_id, dossier_id])
    )
    return record(Suggestion, rows[0]) if rows else None
