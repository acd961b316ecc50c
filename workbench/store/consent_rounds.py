"""The SQL of consent rounds on the phones: the rounds, who represents which partner, their words."""

from __future__ import annotations

import json
from typing import Any

from workbench.store.backend import Connection


def insert_round(
    db: Connection, workshop_id: int, dossier_id: int, sections: list[str], by: str, at: str
) -> int:
    return db.insert(
        "INSERT INTO consent_rounds (workshop_id, dossier_id, sections, status, opened_by, opened_at)"
        " VALUES (?, ?, ?, 'open', ?, ?)",
        [workshop_id, dossier_id, json.dumps(sections), by, at],
    )


def round_row(db: Connection, round_id: int) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM consent_rounds WHERE id = ?", [round_id]))
    return _decoded(rows[0]) if rows else None


def open_round_of(db: Connection, workshop_id: int) -> dict[str, Any] | None:
    """Return the workshop's open round (a unique index keeps it to one)."""
    rows = list(
        db.query("SELECT * FROM consent_rounds WHERE workshop_id = ? AND status = 'open'", [workshop_id])
    )
    return _decoded(rows[0]) if rows else None


def latest_round_of(db: Connection, workshop_id: int) -> dict[str, Any] | None:
    rows = list(
        db.query("SELECT * FROM consent_rounds WHERE workshop_id = ? ORDER BY id DESC LIMIT 1", [workshop_id])
    )
    return _decoded(rows[0]) if rows else None


def close_round(db: Connection, round_id: int, by: str, at: str) -> None:
    db.execute(
        "UPDATE consent_rounds SET status = 'closed', closed_by = ?, closed_at = ?"
        " WHERE id = ? AND status = 'open'",
        [by, at, round_id],
    )


def close_rounds_of(db: Connection, workshop_id: int, by: str, at: str) -> None:
    db.execute(
        "UPDATE consent_rounds SET status = 'closed', closed_by = ?, closed_at = ?"
        " WHERE workshop_id = ? AND status = 'open'",
        [by, at, workshop_id],
    )


def representatives(db: Connection, round_id: int) -> list[dict[str, Any]]:
    """Return who represents which partner in a round, with the participant's name."""
    return list(
        db.query(
            "SELECT r.partner_id, r.participant_id, p.name FROM consent_representatives r"
            " JOIN workshop_participants p ON p.id = r.participant_id"
            " WHERE r.round_id = ? ORDER BY r.partner_id",
            [round_id],
        )
    )


def insert_representative(
    db: Connection, round_id: int, partner_id: str, participant_id: int, at: str
) -> None:
    db.execute(
        "INSERT INTO consent_representatives (round_id, partner_id, participant_id, claimed_at)"
        " VALUES (?, ?, ?, ?)",
        [round_id, partner_id, participant_id, at],
    )


def delete_representative(db: Connection, round_id: int, partner_id: str) -> bool:
    cursor = db.execute(
        "DELETE FROM consent_representatives WHERE round_id = ? AND partner_id = ?", [round_id, partner_id]
    )
    return bool(cursor.rowcount)


def round_consents(db: Connection, round_id: int) -> list[dict[str, Any]]:
    """Return the latest word given in this round per (section, partner)."""
    return list(
        db.query(
            "SELECT * FROM (SELECT *, ROW_NUMBER() OVER"
            " (PARTITION BY section, partner_id ORDER BY id DESC) AS newest"
            " FROM consents WHERE round_id = ?) AS latest WHERE newest = 1 ORDER BY section, partner_id",
            [round_id],
        )
    )


def _decoded(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "sections": tuple(json.loads(row["sections"]))}
