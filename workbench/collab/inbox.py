"""A person's inbox: what others did in their dossiers since they last read it, and what they have read.

An inbox item is one thing that can be new: a thread (a new comment, a reply, resolved or
reopened, a suggestion), a thread assigned to this person, a section verdict, a new document
version, a review request. Each has a key ("thread:12") and the moment of its newest activity by
someone else; the person's read mark for the key keeps the newest moment they have read, so a
later reply makes the thread unread again. Only what happened after the person joined the
dossier counts, and never what they did themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from workbench.clock import moment, stamp
from workbench.store.db import Address, Connection, open_backend, scope


@dataclass(frozen=True, slots=True)
class InboxItem:
    key: str  # what a read mark names: "thread:12", "assigned:12", "verdict:3:doelgroep", ...
    kind: str  # comment | reply | resolved | reopened | suggestion | assigned | verdict | document | request
    dossier_id: int
    step: str  # where to look ('' when the item has no step: a document, a review request)
    who: str
    text: str  # the comment, the reason, the note (user text: shown as text)
    at: datetime
    unread: bool
    thread_id: int | None = None
    detail: str = ""  # the verdict's status, the document's kind


class Inbox:
    """The SQL of inbox items and read marks."""

    def __init__(self, address: Address, *, migrate: bool = True) -> None:
        self.backend = open_backend(address)
        if migrate:
            self.backend.prepare()

    def items(self, user_id: int, label: str) -> list[InboxItem]:
        """Return every item of this person's dossiers, newest first, each marked read or unread.

        `label` is the name their changes are recorded under: verdicts and documents from before
        migration m012 keep a name only.
        """
        with self.backend.read() as db:
            seen = {
                r["item"]: r["seen_at"]
                for r in db.query("SELECT item, seen_at FROM inbox_reads WHERE user_id = ?", [user_id])
            }
            found = [
                *_threads(db, user_id),
                *_assigned(db, user_id),
                *_verdicts(db, user_id, label),
                *_documents(db, user_id, label),
                *_requests(db, user_id),
            ]
        items = [
            InboxItem(
                **{
                    **item,
                    "at": moment(str(item["at"])),
                    "unread": str(item["at"]) > seen.get(item["key"], ""),
                }
            )
            for item in found
        ]
        return sorted(items, key=lambda i: i.at, reverse=True)

    def mark_read(self, user_id: int, items: Mapping[str, datetime]) -> None:
        """Record that the person read these items up to these moments (never back to an older one)."""
        if not items:
            return
        with self.backend.write(scope("inbox", user_id)) as db:  # one person's own marks
            for key, at in items.items():
                db.execute(
                    "INSERT INTO inbox_reads (user_id, item, seen_at) VALUES (?, ?, ?)"
                    " ON CONFLICT (user_id, item) DO UPDATE SET seen_at = CASE"
                    " WHEN excluded.seen_at > inbox_reads.seen_at THEN excluded.seen_at"
                    " ELSE inbox_reads.seen_at END",
                    [user_id, key, stamp(at)],
                )


# ---------------------------------------------------------------- one query per kind of item

_MINE = "JOIN memberships m ON m.dossier_id = {table}.dossier_id AND m.user_id = ?"
# Made by someone else: by account where it was recorded (m012), by the recorded name before that.
_NOT_MINE = "COALESCE({table}.by_id <> ?, {table}.by <> ?)"


def _threads(db: Connection, user_id: int) -> list[dict[str, object]]:
    """The newest entry by someone else of every thread, after the person joined."""
    rows = db.query(
        "SELECT c.thread_id, c.kind, c.body, c.author, c.at, t.dossier_id, t.step,"
        " (SELECT min(f.id) FROM comments f WHERE f.thread_id = c.thread_id) AS first_id, c.id,"
        " (SELECT count(*) FROM suggestions s WHERE s.thread_id = c.thread_id) AS suggested"
        " FROM comments c JOIN comment_threads t ON t.id = c.thread_id "
        + _MINE.format(table="t")
        + " WHERE (c.author_id IS NULL OR c.author_id <> ?) AND c.at > m.added_at ORDER BY c.id",
        [user_id, user_id],
    )
    newest: dict[int, dict[str, object]] = {}
    for r in rows:
        kind = str(r["kind"])
        if kind == "comment":
            kind = "reply" if r["id"] != r["first_id"] else "suggestion" if r["suggested"] else "comment"
        newest[int(r["thread_id"])] = {
            "key": f"thread:{r['thread_id']}",
            "kind": kind,
            "dossier_id": int(r["dossier_id"]),
            "step": str(r["step"]),
            "who": str(r["author"]),
            "text": str(r["body"]),
            "at": str(r["at"]),
            "thread_id": int(r["thread_id"]),
        }
    return list(newest.values())


def _assigned(db: Connection, user_id: int) -> list[dict[str, object]]:
    rows = db.query(
        "SELECT t.id, t.dossier_id, t.step, t.assigned_at, coalesce(u.display_name, '') AS who,"
        " (SELECT c.body FROM comments c WHERE c.thread_id = t.id ORDER BY c.id LIMIT 1) AS body"
        " FROM comment_threads t LEFT JOIN users u ON u.id = t.assigned_by_id "
        + _MINE.format(table="t")
        + " WHERE t.assignee_id = ? AND (t.assigned_by_id IS NULL OR t.assigned_by_id <> ?)",
        [user_id, user_id, user_id],
    )
    return [
        {
            "key": f"assigned:{r['id']}",
            "kind": "assigned",
            "dossier_id": int(r["dossier_id"]),
            "step": str(r["step"]),
            "who": str(r["who"]),
            "text": str(r["body"] or ""),
            "at": str(r["assigned_at"]),
            "thread_id": int(r["id"]),
        }
        for r in rows
    ]


def _verdicts(db: Connection, user_id: int, label: str) -> list[dict[str, object]]:
    rows = db.query(
        "SELECT v.dossier_id, v.step, v.status, v.reason, v.by, v.at FROM section_reviews v "
        + _MINE.format(table="v")
        + " WHERE v.at > m.added_at AND "
        + _NOT_MINE.format(table="v"),
        [user_id, user_id, label],
    )
    return [
        {
            "key": f"verdict:{r['dossier_id']}:{r['step']}",
            "kind": "verdict",
            "dossier_id": int(r["dossier_id"]),
            "step": str(r["step"]),
            "who": str(r["by"]),
            "text": str(r["reason"]),
            "at": str(r["at"]),
            "detail": str(r["status"]),
        }
        for r in rows
    ]


def _documents(db: Connection, user_id: int, label: str) -> list[dict[str, object]]:
    rows = db.query(
        "SELECT d.id, d.dossier_id, d.kind, d.revision, d.by, d.at FROM documents d "
        + _MINE.format(table="d")
        + " WHERE d.at > m.added_at AND "
        + _NOT_MINE.format(table="d"),
        [user_id, user_id, label],
    )
    return [
        {
            "key": f"document:{r['id']}",
            "kind": "document",
            "dossier_id": int(r["dossier_id"]),
            "step": "",
            "who": str(r["by"]),
            "text": "",
            "at": str(r["at"]),
            "detail": str(r["kind"]),
        }
        for r in rows
    ]


def _requests(db: Connection, user_id: int) -> list[dict[str, object]]:
    rows = db.query(
        "SELECT q.id, q.dossier_id, q.note, q.requested_by, q.requested_at FROM review_requests q "
        + _MINE.format(table="q")
        + " WHERE q.coach_id = ?",
        [user_id, user_id],
    )
    return [
        {
            "key": f"request:{r['id']}",
            "kind": "request",
            "dossier_id": int(r["dossier_id"]),
            "step": "",
            "who": str(r["requested_by"]),
            "text": str(r["note"]),
            "at": str(r["requested_at"]),
        }
        for r in rows
    ]


def last_activity(address: Address, dossier_ids: list[int]) -> dict[int, tuple[datetime, str]]:
    """Return the newest comment, reply, resolve or reopen per dossier: when and by whom."""
    if not dossier_ids:
        return {}
    marks = ",".join("?" * len(dossier_ids))
    with open_backend(address).read() as db:
        rows = db.query(
            "SELECT dossier_id, at, author FROM (SELECT t.dossier_id, c.at, c.author, row_number() OVER"
            " (PARTITION BY t.dossier_id ORDER BY c.at DESC, c.id DESC) AS n FROM comments c"
            f" JOIN comment_threads t ON t.id = c.thread_id WHERE t.dossier_id IN ({marks})) AS newest"
            " WHERE n = 1",
            list(dossier_ids),
        )
        return {int(r["dossier_id"]): (moment(r["at"]), str(r["author"])) for r in rows}
