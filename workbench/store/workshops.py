"""The SQL of workshops, their participants, ideas and votes, and of consent per partner."""

from __future__ import annotations

import json
from typing import Any

from workbench.store.backend import Connection

# ---------------------------------------------------------------- workshops


def insert_workshop(db: Connection, values: dict[str, Any]) -> int:
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    return db.insert(f"INSERT INTO workshops ({columns}) VALUES ({marks})", list(values.values()))


def code_taken(db: Connection, code: str) -> bool:
    return bool(list(db.query("SELECT 1 FROM workshops WHERE code = ?", [code])))


def workshop_row(db: Connection, workshop_id: int) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM workshops WHERE id = ?", [workshop_id]))
    return rows[0] if rows else None


def workshop_by_code(db: Connection, code: str) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM workshops WHERE code = ?", [code]))  # unique index: O(1)
    return rows[0] if rows else None


def open_workshop_by_code(db: Connection, code: str) -> dict[str, Any] | None:
    """Return the open workshop with this code: a closed one is not found, like an unknown code."""
    rows = list(db.query("SELECT * FROM workshops WHERE code = ? AND status = 'open'", [code]))
    return rows[0] if rows else None


def open_codes(db: Connection) -> list[str]:
    return [r["code"] for r in db.query("SELECT code FROM workshops WHERE status = 'open'")]


def workshops_of(db: Connection, dossier_id: int) -> list[dict[str, Any]]:
    return list(db.query("SELECT * FROM workshops WHERE dossier_id = ? ORDER BY id DESC", [dossier_id]))


def update_workshop(db: Connection, workshop_id: int, values: dict[str, Any]) -> None:
    assignments = ", ".join(f"{column} = ?" for column in values)
    db.execute(f"UPDATE workshops SET {assignments} WHERE id = ?", [*values.values(), workshop_id])


# ---------------------------------------------------------------- participants


def insert_participant(db: Connection, workshop_id: int, name: str, token_hash: str, now: str) -> int:
    return db.insert(
        "INSERT INTO workshop_participants (workshop_id, name, token_hash, joined_at) VALUES (?, ?, ?, ?)",
        [workshop_id, name, token_hash, now],
    )


def participant_by_token(db: Connection, token_hash: str) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM workshop_participants WHERE token_hash = ?", [token_hash]))
    return rows[0] if rows else None


def participant_names(db: Connection, workshop_id: int) -> list[str]:
    return [
        r["name"]
        for r in db.query("SELECT name FROM workshop_participants WHERE workshop_id = ?", [workshop_id])
    ]


def participant_count(db: Connection, workshop_id: int) -> int:
    return _count(db, "SELECT COUNT(*) FROM workshop_participants WHERE workshop_id = ?", workshop_id)


# ---------------------------------------------------------------- ideas


def insert_idea(db: Connection, values: dict[str, Any]) -> int:
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    return db.insert(f"INSERT INTO workshop_ideas ({columns}) VALUES ({marks})", list(values.values()))


def ideas_by(db: Connection, participant_id: int, since: str = "") -> int:
    """Count a participant's ideas, optionally only those added since a moment."""
    return _count(
        db,
        "SELECT COUNT(*) FROM workshop_ideas WHERE participant_id = ? AND created_at >= ?",
        participant_id,
        since,
    )


def oldest_idea_since(db: Connection, participant_id: int, since: str) -> str:
    """Return when the oldest of a participant's ideas since a moment was added (there is one)."""
    return str(
        db.execute(
            "SELECT MIN(created_at) FROM workshop_ideas WHERE participant_id = ? AND created_at >= ?",
            [participant_id, since],
        ).fetchone()[0]
    )


def idea_count(db: Connection, workshop_id: int) -> int:
    return _count(db, "SELECT COUNT(*) FROM workshop_ideas WHERE workshop_id = ?", workshop_id)


def idea_rows(db: Connection, workshop_id: int, with_hidden: bool = False) -> list[dict[str, Any]]:
    """Return the ideas of a workshop with their vote counts, oldest first."""
    return list(
        db.query(
            # Naming the workshop lets the count use the votes_by_workshop index.
            "SELECT i.*, (SELECT COUNT(*) FROM workshop_votes v"
            " WHERE v.workshop_id = i.workshop_id AND v.idea_id = i.id) AS votes"
            " FROM workshop_ideas i WHERE i.workshop_id = ? AND (? = 1 OR i.hidden = 0) ORDER BY i.id",
            [workshop_id, int(with_hidden)],
        )
    )


def idea_row(db: Connection, workshop_id: int, idea_id: int) -> dict[str, Any] | None:
    rows = list(
        db.query("SELECT * FROM workshop_ideas WHERE id = ? AND workshop_id = ?", [idea_id, workshop_id])
    )
    return rows[0] if rows else None


def set_cluster(db: Connection, workshop_id: int, idea_ids: list[int], label: str) -> int:
    changed = 0
    for idea_id in idea_ids:
        cursor = db.execute(
            "UPDATE workshop_ideas SET cluster = ? WHERE id = ? AND workshop_id = ?",
            [label, idea_id, workshop_id],
        )
        changed += cursor.rowcount
    return changed


def hide_idea(db: Connection, workshop_id: int, idea_id: int) -> None:
    # The dots on a hidden idea go back to their owners.
    db.execute(
        "UPDATE workshop_ideas SET hidden = 1 WHERE id = ? AND workshop_id = ?", [idea_id, workshop_id]
    )
    db.execute("DELETE FROM workshop_votes WHERE idea_id = ? AND workshop_id = ?", [idea_id, workshop_id])


# ---------------------------------------------------------------- votes


def votes_of(db: Connection, participant_id: int) -> list[int]:
    rows = db.query(
        "SELECT idea_id FROM workshop_votes WHERE participant_id = ? ORDER BY id", [participant_id]
    )
    return [r["idea_id"] for r in rows]


def insert_vote(db: Connection, workshop_id: int, participant_id: int, idea_id: int, now: str) -> bool:
    """Put a dot on an idea; False when this participant's dot is already there."""
    cursor = db.execute(
        "INSERT INTO workshop_votes (workshop_id, participant_id, idea_id, created_at)"
        " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [workshop_id, participant_id, idea_id, now],
    )
    return cursor.rowcount == 1


def vote_given_at(db: Connection, participant_id: int, idea_id: int) -> str | None:
    rows = list(
        db.query(
            "SELECT created_at FROM workshop_votes WHERE participant_id = ? AND idea_id = ?",
            [participant_id, idea_id],
        )
    )
    return str(rows[0]["created_at"]) if rows else None


def delete_vote(db: Connection, participant_id: int, idea_id: int) -> bool:
    cursor = db.execute(
        "DELETE FROM workshop_votes WHERE participant_id = ? AND idea_id = ?", [participant_id, idea_id]
    )
    return cursor.rowcount == 1


def vote_count(db: Connection, workshop_id: int) -> int:
    return _count(db, "SELECT COUNT(*) FROM workshop_votes WHERE workshop_id = ?", workshop_id)


# ---------------------------------------------------------------- what the dossier recorded


def promotion_notes(db: Connection, dossier_id: int, workshop_id: int) -> list[dict[str, Any]]:
    """Return the vote records of the revisions a workshop made, oldest first."""
    # The workshop's id is read from the note here, not by a JSON function: the engines name theirs
    # differently, and a dossier's promotions are few.
    rows = db.query(
        "SELECT id, revision, by, at, note FROM revisions WHERE dossier_id = ? AND action = 'workshop'"
        " AND note IS NOT NULL ORDER BY id",
        [dossier_id],
    )
    notes = [{**r, "note": json.loads(r["note"])} for r in rows]
    return [n for n in notes if (n["note"].get("workshop") or {}).get("id") == workshop_id]


# ---------------------------------------------------------------- consent


def insert_consent(db: Connection, values: dict[str, Any]) -> int:
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    return db.insert(f"INSERT INTO consents ({columns}) VALUES ({marks})", list(values.values()))


def latest_consents(db: Connection, dossier_id: int) -> list[dict[str, Any]]:
    """Return the latest consent of each partner for each section (only the latest counts)."""
    return list(
        db.query(
            "SELECT * FROM (SELECT *, ROW_NUMBER() OVER"
            " (PARTITION BY section, partner_id ORDER BY id DESC) AS newest"
            " FROM consents WHERE dossier_id = ?) AS latest WHERE newest = 1 ORDER BY section, partner_id",
            [dossier_id],
        )
    )


def open_objections(db: Connection, dossier_id: int) -> list[dict[str, Any]]:
    """Return the sections and partners whose latest word is an objection."""
    return [r for r in latest_consents(db, dossier_id) if r["decision"] == "object"]


def _count(db: Connection, sql: str, *params: Any) -> int:
    return int(db.execute(sql, list(params)).fetchone()[0])


def board_stamp(db: Connection, workshop_id: int) -> dict[str, Any] | None:
    """Return what changes whenever the board does (ideas, clusters, dots, people, text): one read."""
    rows = list(
        db.query(
            "SELECT w.dossier_id, w.status, w.votes_hidden, w.round_started_at, w.round_seconds,"
            " d.revision, i.ideas, i.top_idea, i.hidden, i.clusters, v.votes, v.top_vote, v.voted,"
            " p.people"
            " FROM workshops w JOIN dossiers d ON d.id = w.dossier_id"
            " CROSS JOIN (SELECT COUNT(*) AS ideas, COALESCE(MAX(id), 0) AS top_idea,"
            "  COALESCE(SUM(hidden), 0) AS hidden, COALESCE(SUM(LENGTH(cluster) * id), 0) AS clusters"
            "  FROM workshop_ideas WHERE workshop_id = ?) AS i"
            # A dot's id can be used again once the newest is taken back: the ideas they are on tell.
            " CROSS JOIN (SELECT COUNT(*) AS votes, COALESCE(MAX(id), 0) AS top_vote,"
            "  COALESCE(SUM(idea_id), 0) AS voted"
            "  FROM workshop_votes WHERE workshop_id = ?) AS v"
            " CROSS JOIN (SELECT COUNT(*) AS people FROM workshop_participants WHERE workshop_id = ?) AS p"
            " WHERE w.id = ?",
            [workshop_id, workshop_id, workshop_id, workshop_id],
        )
    )
    return rows[0] if rows else None
