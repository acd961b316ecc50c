"""Coach review: comment threads anchored to a step, field or clause; section verdicts; rubric scores.

This module owns the SQL of the review tables and decides nothing about who may call it:
workbench.workspace checks the permission first. Every call names the dossier, and every
thread lookup is filtered by it, so an id from another dossier finds nothing. The records
themselves live in review_records.py.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from workbench.clock import moment, stamp
from workbench.collab.review_records import (
    MAX_COMMENT_LENGTH,
    MAX_REASON_LENGTH,
    Anchor,
    Entry,
    EntryKind,
    Level,
    ReviewError,
    ReviewStatus,
    RubricScore,
    SectionReview,
    Thread,
    ThreadNotFound,
    ThreadStatus,
    clean_review_text,
)
from workbench.dossier.records import DossierNotFound
from workbench.store.db import Address, Connection, open_backend, scope
from workbench.store.rows import record


class Reviews:
    """The SQL of comment threads, section reviews and rubric scores."""

    def __init__(self, address: Address, *, migrate: bool = True) -> None:
        self.backend = open_backend(address)
        if migrate:  # False when the caller has just prepared the same database
            self.backend.prepare()

    # ------------------------------------------------------------ threads

    def start_thread(
        self,
        dossier_id: int,
        anchor: Anchor,
        body: str,
        author: str,
        author_id: int | None = None,
        responsible_partner: str | None = None,
        now: datetime | None = None,
    ) -> Thread:
        """Open a thread with its first comment."""
        text = clean_review_text(body, MAX_COMMENT_LENGTH, required=True)
        at = stamp(now)
        with self.backend.write(scope("dossier", dossier_id)) as db:
            _require_dossier(db, dossier_id)
            thread_id = db.insert(
                "INSERT INTO comment_threads (dossier_id, step, field, clause, item, responsible_partner,"
                " status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    dossier_id,
                    anchor.step,
                    anchor.field,
                    anchor.clause,
                    anchor.item,
                    responsible_partner or None,
                    ThreadStatus.OPEN.value,
                    author,
                    at,
                    at,
                ],
            )
            _add_entry(db, thread_id, EntryKind.COMMENT, text, author, author_id, at)
            return _load_thread(db, dossier_id, thread_id)

    def reply(
        self,
        dossier_id: int,
        thread_id: int,
        body: str,
        author: str,
        author_id: int | None = None,
        now: datetime | None = None,
    ) -> Thread:
        """Add a reply; replying does not reopen a resolved thread."""
        text = clean_review_text(body, MAX_COMMENT_LENGTH, required=True)
        at = stamp(now)
        with self.backend.write(scope("dossier", dossier_id)) as db:
            _load_thread(db, dossier_id, thread_id)
            _add_entry(db, thread_id, EntryKind.COMMENT, text, author, author_id, at)
            db.execute("UPDATE comment_threads SET updated_at = ? WHERE id = ?", [at, thread_id])
            return _load_thread(db, dossier_id, thread_id)

    def set_status(
        self,
        dossier_id: int,
        thread_id: int,
        status: ThreadStatus,
        author: str,
        author_id: int | None = None,
        note: str = "",
        now: datetime | None = None,
    ) -> Thread:
        """Resolve or reopen a thread, recording who did it and when (a no-op if already so)."""
        status = ThreadStatus(status)
        text = clean_review_text(note, MAX_COMMENT_LENGTH, required=False)
        at = stamp(now)
        with self.backend.write(scope("dossier", dossier_id)) as db:
            thread = _load_thread(db, dossier_id, thread_id)
            if thread.status == status:
                return thread
            kind = EntryKind.RESOLVED if status == ThreadStatus.RESOLVED else EntryKind.REOPENED
            _add_entry(db, thread_id, kind, text, author, author_id, at)
            db.execute(
                "UPDATE comment_threads SET status = ?, updated_at = ? WHERE id = ?",
                [status.value, at, thread_id],
            )
            return _load_thread(db, dossier_id, thread_id)

    def set_responsible(self, dossier_id: int, thread_id: int, partner_id: str | None) -> Thread:
        """Name the partner who should act on a thread (None: nobody in particular)."""
        with self.backend.write(scope("dossier", dossier_id)) as db:
            _load_thread(db, dossier_id, thread_id)
            db.execute(
                "UPDATE comment_threads SET responsible_partner = ? WHERE id = ?",
                [partner_id or None, thread_id],
            )
            return _load_thread(db, dossier_id, thread_id)

    def thread(self, dossier_id: int, thread_id: int) -> Thread:
        with self.backend.read() as db:
            return _load_thread(db, dossier_id, thread_id)

    def threads(
        self, dossier_id: int, step: str | None = None, status: ThreadStatus | None = None
    ) -> list[Thread]:
        """List a dossier's threads in the order they were started, optionally of one step or status."""
        sql = "SELECT * FROM comment_threads WHERE dossier_id = ?"
        params: list[Any] = [dossier_id]
        if step is not None:
            sql += " AND step = ?"
            params.append(step)
        if status is not None:
            sql += " AND status = ?"
            params.append(ThreadStatus(status).value)
        with self.backend.read() as db:
            rows = list(db.query(sql + " ORDER BY id", params))
            entries = _entries(db, [r["id"] for r in rows])
            return [_thread(r, entries.get(r["id"], ())) for r in rows]

    def open_counts(self, dossier_ids: list[int]) -> dict[int, int]:
        """Count the open threads of several dossiers at once."""
        if not dossier_ids:
            return {}
        marks = ",".join("?" * len(dossier_ids))
        with self.backend.read() as db:
            rows = db.query(
                f"SELECT dossier_id, count(*) AS n FROM comment_threads WHERE status = 'open'"
                f" AND dossier_id IN ({marks}) GROUP BY dossier_id",
                list(dossier_ids),
            )
            found = {r["dossier_id"]: r["n"] for r in rows}
        return {d: found.get(d, 0) for d in dossier_ids}

    # ------------------------------------------------------------ section reviews

    def set_section_review(
        self,
        dossier_id: int,
        step: str,
        status: ReviewStatus,
        reason: str,
        by: str,
        now: datetime | None = None,
        seen_revision: int | None = None,
        by_id: int | None = None,
    ) -> SectionReview:
        """Record a coach's verdict on one step; 'needs work' must say why (`by_id`: the account).

        The verdict judges the revision the coach saw: a save that slipped in after they looked
        (or a revision given from the future) leaves it stale, never approved unseen.
        """
        anchor = Anchor(step=step)  # validates the step
        status = ReviewStatus(status)
        text = clean_review_text(reason, MAX_REASON_LENGTH, required=False)
        if status == ReviewStatus.NEEDS_WORK and not text:
            raise ReviewError("review.reason_required")
        at = stamp(now)
        with self.backend.write(scope("dossier", dossier_id)) as db:
            # The revision judged is read under the dossier's lock: a save cannot slip in between.
            revision = _dossier_revision(db, dossier_id)
            if seen_revision is not None:
                revision = min(revision, seen_revision)
            db.execute(
                "INSERT INTO section_reviews (dossier_id, step, status, reason, by, by_id, at, revision)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (dossier_id, step) DO UPDATE SET status = excluded.status,"
                " reason = excluded.reason, by = excluded.by, by_id = excluded.by_id, at = excluded.at,"
                " revision = excluded.revision",
                [dossier_id, anchor.step, status.value, text, by, by_id, at, revision],
            )
        return SectionReview(
            step=anchor.step, status=status, reason=text, by=by, at=moment(at), revision=revision
        )

    def section_reviews(self, dossier_id: int) -> dict[str, SectionReview]:
        """Return the recorded verdict per step (steps never reviewed are absent)."""
        with self.backend.read() as db:
            rows = db.query("SELECT * FROM section_reviews WHERE dossier_id = ?", [dossier_id])
            return {r["step"]: record(SectionReview, r) for r in rows}

    def review_counts(self, dossier_ids: list[int]) -> dict[int, Counter[ReviewStatus]]:
        """Count the verdicts per dossier."""
        counts: dict[int, Counter[ReviewStatus]] = {d: Counter() for d in dossier_ids}
        if not dossier_ids:
            return counts
        marks = ",".join("?" * len(dossier_ids))
        with self.backend.read() as db:
            for r in db.query(
                f"SELECT dossier_id, status, count(*) AS n FROM section_reviews"
                f" WHERE dossier_id IN ({marks}) GROUP BY dossier_id, status",
                list(dossier_ids),
            ):
                counts[r["dossier_id"]][ReviewStatus(r["status"])] = r["n"]
        return counts

    # ------------------------------------------------------------ rubric scores

    def set_score(
        self,
        dossier_id: int,
        criterion: str,
        level: Level,
        reason: str,
        by: str,
        now: datetime | None = None,
    ) -> RubricScore:
        """Store a coach's level for one criterion (it overrides the pre-filled level)."""
        level = Level(level)
        text = clean_review_text(reason, MAX_REASON_LENGTH, required=False)
        at = stamp(now)
        with self.backend.write(scope("dossier", dossier_id)) as db:
            _require_dossier(db, dossier_id)
            db.execute(
                "INSERT INTO rubric_scores (dossier_id, criterion, level, reason, by, at)"
                " VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (dossier_id, criterion) DO UPDATE SET level = excluded.level,"
                " reason = excluded.reason, by = excluded.by, at = excluded.at",
                [dossier_id, criterion, level.value, text, by, at],
            )
        return RubricScore(criterion=criterion, level=level, reason=text, by=by, at=moment(at))

    def clear_score(self, dossier_id: int, criterion: str) -> None:
        """Drop a coach's override: the pre-filled level applies again."""
        with self.backend.write(scope("dossier", dossier_id)) as db:
            db.execute(
                "DELETE FROM rubric_scores WHERE dossier_id = ? AND criterion = ?", [dossier_id, criterion]
            )

    def scores(self, dossier_id: int) -> dict[str, RubricScore]:
        with self.backend.read() as db:
            rows = db.query("SELECT * FROM rubric_scores WHERE dossier_id = ?", [dossier_id])
            return {r["criterion"]: record(RubricScore, r) for r in rows}


# ---------------------------------------------------------------- SQL helpers


def _require_dossier(db: Connection, dossier_id: int) -> None:
    _dossier_revision(db, dossier_id)


def _dossier_revision(db: Connection, dossier_id: int) -> int:
    rows = list(db.query("SELECT revision FROM dossiers WHERE id = ?", [dossier_id]))
    if not rows:
        raise DossierNotFound(dossier_id)
    return int(rows[0]["revision"])


def _add_entry(
    db: Connection, thread_id: int, kind: EntryKind, body: str, author: str, author_id: int | None, at: str
) -> None:
    db.execute(
        "INSERT INTO comments (thread_id, kind, body, author, author_id, at) VALUES (?, ?, ?, ?, ?, ?)",
        [thread_id, kind.value, body, author, author_id, at],
    )


def _load_thread(db: Connection, dossier_id: int, thread_id: int) -> Thread:
    rows = list(
        db.query("SELECT * FROM comment_threads WHERE id = ? AND dossier_id = ?", [thread_id, dossier_id])
    )
    if not rows:
        raise ThreadNotFound(thread_id)
    return _thread(rows[0], _entries(db, [thread_id]).get(thread_id, ()))


def _entries(db: Connection, thread_ids: list[int]) -> dict[int, tuple[Entry, ...]]:
    if not thread_ids:
        return {}
    found: dict[int, list[Entry]] = {}
    marks = ",".join("?" * len(thread_ids))
    for r in db.query(f"SELECT * FROM comments WHERE thread_id IN ({marks}) ORDER BY id", thread_ids):
        found.setdefault(r["thread_id"], []).append(record(Entry, r))
    return {k: tuple(v) for k, v in found.items()}


def _thread(row: dict[str, Any], entries: tuple[Entry, ...]) -> Thread:
    anchor = Anchor(step=row["step"], field=row["field"], clause=row["clause"], item=row["item"])
    return record(Thread, row, anchor=anchor, entries=entries)


# For the modules that add to a thread inside their own transaction (suggestions, assignments).
require_dossier, add_entry, load_thread = _require_dossier, _add_entry, _load_thread

__all__ = [
    "MAX_COMMENT_LENGTH",
    "MAX_REASON_LENGTH",
    "Anchor",
    "Entry",
    "EntryKind",
    "Level",
    "ReviewError",
    "ReviewStatus",
    "Reviews",
    "RubricScore",
    "SectionReview",
    "Thread",
    "ThreadNotFound",
    "ThreadStatus",
]
