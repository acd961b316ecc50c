"""Hand work to a person: assign a thread to a member, ask a named coach for a review (their SQL).

Who may be named is checked in the transaction that names them: a thread goes to a member of its
dossier, a review request to a member with the coach role, so a membership removed a moment
earlier cannot slip through.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from workbench.clock import stamp
from workbench.collab.review_records import MAX_COMMENT_LENGTH, ReviewError, Thread, clean_review_text
from workbench.collab.reviews import Reviews, load_thread, require_dossier
from workbench.store.db import Connection, scope
from workbench.store.rows import record


@dataclass(frozen=True, slots=True)
class ReviewRequest:
    id: int
    dossier_id: int
    coach_id: int
    note: str
    requested_by: str
    requested_by_id: int | None
    requested_at: datetime


class Handoffs(Reviews):
    """Assignments of threads to members, and review requests to coaches."""

    def assign(
        self,
        dossier_id: int,
        thread_id: int,
        user_id: int | None,
        by_id: int | None = None,
        now: datetime | None = None,
    ) -> Thread:
        """Assign a thread to a member of its dossier (None: to nobody)."""
        with self.backend.write(scope("dossier", dossier_id)) as db:
            load_thread(db, dossier_id, thread_id)
            if user_id is not None and _role(db, dossier_id, user_id) is None:
                raise ReviewError("comments.not_a_member")
            db.execute(
                "UPDATE comment_threads SET assignee_id = ?, assigned_at = ?, assigned_by_id = ?"
                " WHERE id = ?",
                [user_id, stamp(now) if user_id is not None else None, by_id, thread_id],
            )
            return load_thread(db, dossier_id, thread_id)

    def request_review(
        self,
        dossier_id: int,
        coach_id: int,
        note: str,
        by: str,
        by_id: int | None = None,
        now: datetime | None = None,
    ) -> ReviewRequest:
        """Ask a member with the coach role to review the dossier."""
        text = clean_review_text(note, MAX_COMMENT_LENGTH, required=False)
        at = stamp(now)
        with self.backend.write(scope("dossier", dossier_id)) as db:
            require_dossier(db, dossier_id)
            if _role(db, dossier_id, coach_id) != "coach":
                raise ReviewError("review_request.not_a_coach")
            request_id = db.insert(
                "INSERT INTO review_requests (dossier_id, coach_id, note, requested_by, requested_by_id,"
                " requested_at) VALUES (?, ?, ?, ?, ?, ?)",
                [dossier_id, coach_id, text, by, by_id, at],
            )
            row = db.query("SELECT * FROM review_requests WHERE id = ?", [request_id])[0]
            return record(ReviewRequest, row)

    def review_requests(self, dossier_id: int) -> list[ReviewRequest]:
        """List a dossier's review requests, newest first."""
        with self.backend.read() as db:
            rows = db.query(
                "SELECT * FROM review_requests WHERE dossier_id = ? ORDER BY id DESC", [dossier_id]
            )
            return [record(ReviewRequest, r) for r in rows]


def _role(db: Connection, dossier_id: int, user_id: int) -> str | None:
    rows = db.query(
        "SELECT role FROM memberships WHERE dossier_id = ? AND user_id = ?", [dossier_id, user_id]
    )
    return str(rows[0]["role"]) if rows else None
