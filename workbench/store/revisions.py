"""The SQL under the dossier store: unit rows, recorded revisions, past states, the steps of one apply."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from workbench.clock import moment
from workbench.dossier.model import Dossier, DossierStatus
from workbench.dossier.records import (
    DossierNotFound,
    EditConflict,
    InvalidChange,
    ReadyWhileObjecting,
    Revision,
    StoreError,
)
from workbench.dossier.units import Change, UnitRef, assemble, changed_fields, stored_unit, unit_data
from workbench.dossier.validation import Problem, from_validation_error
from workbench.store.backend import Connection
from workbench.store.rows import record
from workbench.store.workshops import open_objections

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Writing:
    """One dossier revision being written: whose, when, and what every recorded change carries."""

    dossier_id: int
    revision: int
    by: str
    at: str
    action: str = ""
    note: dict[str, Any] | None = None


# ---------------------------------------------------------------- reading rows


def dossier_row(db: Connection, dossier_id: int) -> Row:
    """Return a dossier's head row, or raise DossierNotFound."""
    rows = list(db.query("SELECT * FROM dossiers WHERE id = ?", [dossier_id]))
    if not rows:
        raise DossierNotFound(dossier_id)
    return rows[0]


def unit_rows(db: Connection, dossier_id: int) -> dict[UnitRef, Row]:
    """Return the current row of every unit of a dossier, in the order a load reads them."""
    # That order: a dossier planned from these rows has its lists as a load of it has them.
    rows = db.query("SELECT * FROM units WHERE dossier_id = ? ORDER BY position, key", [dossier_id])
    return {UnitRef(kind=r["kind"], key=r["key"]): r for r in rows}


def revision_row(db: Connection, dossier_id: int, revision_id: int) -> Row:
    """Return one recorded revision of a dossier, or refuse an id that is not its own."""
    rows = list(
        db.query("SELECT * FROM revisions WHERE id = ? AND dossier_id = ?", [revision_id, dossier_id])
    )
    if not rows:
        raise StoreError("store.no_revision", dossier=dossier_id, revision=revision_id)
    return rows[0]


def state_at(db: Connection, dossier_id: int, revision: int) -> dict[UnitRef, dict[str, Any]]:
    """Replay the recorded revisions up to a dossier revision number: the units as they were."""
    dossier_row(db, dossier_id)
    state: dict[UnitRef, dict[str, Any]] = {}
    rows = db.query(
        "SELECT kind, key, data FROM revisions WHERE dossier_id = ? AND revision <= ? ORDER BY id",
        [dossier_id, revision],
    )
    for r in rows:
        unit = UnitRef(kind=r["kind"], key=r["key"])
        if r["data"] is None:
            state.pop(unit, None)
        else:
            state[unit] = json.loads(r["data"])
    return state


def to_revision(row: Row) -> Revision:
    """Return a revision row as a record."""
    return record(
        Revision,
        row,
        unit=UnitRef(kind=row["kind"], key=row["key"]),
        changed=json.loads(row["changed"]),
        note=json.loads(row["note"]) if row["note"] else None,
    )


# ---------------------------------------------------------------- the steps of one apply


def changed_dossier(
    db: Connection, dossier_id: int, rows: dict[UnitRef, Row], changes: list[Change]
) -> Dossier:
    """Return the dossier the changes make, refusing a stale base (EditConflict) or an invalid result."""
    state = {u: stored_unit(u, r["data"]) for u, r in rows.items()}
    for change in changes:
        current = rows.get(change.unit)
        if (current["version"] if current else 0) != change.base_version:
            theirs = json.loads(current["data"]) if current else None
            raise _conflict(db, dossier_id, change.unit, current, theirs)
        if change.data is None:
            state.pop(change.unit, None)
        else:
            state[change.unit] = change.data
    try:
        return assemble(state)
    except ValidationError as exc:
        raise InvalidChange(from_validation_error(exc)) from exc


def refuse_ready_while_objecting(db: Connection, dossier_id: int, dossier: Dossier) -> None:
    """Refuse status ready while a (current) partner's latest word on a section is an objection."""
    if dossier.identity.status != DossierStatus.READY:
        return
    problems = [
        Problem(
            code="rule.ready_while_objecting",
            loc=("identity", "status"),
            params={
                "partner": partner.name,
                "section": row["section"],
                "reason": row["reason"],
            },
        )
        for row in open_objections(db, dossier_id)
        if (partner := dossier.partner(row["partner_id"])) is not None
    ]
    if problems:
        raise ReadyWhileObjecting(problems)


def write_change(
    db: Connection, writing: Writing, current: Row | None, change: Change, dossier: Dossier, position: int
) -> int:
    """Write one unit change and record it; return the next free position for a new unit."""
    version = (current["version"] if current else 0) + 1
    before = json.loads(current["data"]) if current else {}
    if change.data is None:
        db.execute(
            "DELETE FROM units WHERE dossier_id = ? AND kind = ? AND key = ?",
            [writing.dossier_id, change.unit.kind, change.unit.key],
        )
        record_revision(
            db, writing, change.unit, version, writing.action or "delete", None, [], label=_label(before)
        )
        return position
    # Store what the model made of the input (trimmed, normalised), not the raw input.
    data = unit_data(dossier, change.unit) or {}
    if current:
        updated = db.execute(
            "UPDATE units SET version = ?, data = ?, updated_at = ?, updated_by = ?"
            " WHERE dossier_id = ? AND kind = ? AND key = ? AND version = ?",
            [
                version,
                json.dumps(data, ensure_ascii=False),
                writing.at,
                writing.by,
                writing.dossier_id,
                change.unit.kind,
                change.unit.key,
                change.base_version,
            ],
        )
        if updated.rowcount != 1:  # changed since it was read: only a write without its lock could
            raise _stale(db, writing.dossier_id, change.unit)
    else:
        insert_unit(db, writing, change.unit, position, version, data)
        position += 1
    action = writing.action or ("update" if current else "create")
    record_revision(db, writing, change.unit, version, action, data, changed_fields(before, data))
    return position


def write_head(db: Connection, writing: Writing, dossier: Dossier) -> None:
    """Move the dossier's head row to the new revision (name, call and status follow the identity)."""
    identity = dossier.identity
    db.execute(
        "UPDATE dossiers SET name = ?, call = ?, status = ?, revision = ?, updated_at = ?,"
        " updated_by = ? WHERE id = ?",
        [
            identity.name,
            identity.call,
            identity.status,
            writing.revision,
            writing.at,
            writing.by,
            writing.dossier_id,
        ],
    )


def insert_unit(
    db: Connection, writing: Writing, unit: UnitRef, position: int, version: int, data: dict[str, Any]
) -> None:
    """Add a unit row."""
    db.execute(
        "INSERT INTO units (dossier_id, kind, key, position, version, data, updated_at, updated_by)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            writing.dossier_id,
            unit.kind,
            unit.key,
            position,
            version,
            json.dumps(data, ensure_ascii=False),
            writing.at,
            writing.by,
        ],
    )


def record_revision(
    db: Connection,
    writing: Writing,
    unit: UnitRef,
    version: int,
    action: str,
    data: dict[str, Any] | None,
    changed: list[str],
    label: str = "",
) -> None:
    """Record one unit's change in the history, with the writing's note."""
    db.execute(
        "INSERT INTO revisions (dossier_id, revision, kind, key, version, action, data, changed,"
        " label, by, at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            writing.dossier_id,
            writing.revision,
            unit.kind,
            unit.key,
            version,
            action,
            None if data is None else json.dumps(data, ensure_ascii=False),
            json.dumps(changed),
            label or _label(data or {}),
            writing.by,
            writing.at,
            None if writing.note is None else json.dumps(writing.note, ensure_ascii=False),
        ],
    )


# ---------------------------------------------------------------- helpers


def _conflict(
    db: Connection, dossier_id: int, unit: UnitRef, current: Row | None, theirs: dict[str, Any] | None
) -> EditConflict:
    """Say who changed (or deleted) a unit since the caller loaded it, and when."""
    if current:
        return EditConflict(unit, by=current["updated_by"], at=moment(current["updated_at"]), theirs=theirs)
    by, at = _last_change(db, dossier_id, unit)
    return EditConflict(unit, by=by, at=at, theirs=theirs)


def _stale(db: Connection, dossier_id: int, unit: UnitRef) -> EditConflict:
    fresh = unit_rows(db, dossier_id).get(unit)
    return _conflict(db, dossier_id, unit, fresh, json.loads(fresh["data"]) if fresh else None)


def _last_change(db: Connection, dossier_id: int, unit: UnitRef) -> tuple[str, datetime | None]:
    rows = list(
        db.query(
            "SELECT by, at FROM revisions WHERE dossier_id = ? AND kind = ? AND key = ?"
            " ORDER BY id DESC LIMIT 1",
            [dossier_id, unit.kind, unit.key],
        )
    )
    return (rows[0]["by"], moment(rows[0]["at"])) if rows else ("?", None)


def _label(data: dict[str, Any]) -> str:
    for key in ("name", "title", "description"):
        if isinstance(data.get(key), str):
            return str(data[key])[:80]
    return ""
