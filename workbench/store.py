"""The dossier store: versioned units, revisions, history and restore (the SQL of dossiers)."""

from __future__ import annotations

import hashlib
import json
import os
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlite_utils import Database

from workbench.db import StorageFailure, connect, prepare, write
from workbench.model import Dossier, DossierStatus, Identity
from workbench.records import (
    DocumentVersion,
    DossierNotFound,
    DossierRecord,
    DossierSummary,
    EditConflict,
    InvalidChange,
    ReadyWhileObjecting,
    Revision,
    StoreError,
    UnitVersion,
)
from workbench.units import Change, UnitRef, assemble, changed_fields, disassemble, singleton_units, unit_data
from workbench.validation import Problem, from_validation_error
from workbench.workshop_store import open_objections

# ---------------------------------------------------------------- the store


def _now() -> datetime:
    return datetime.now(UTC)


def _ts(value: str) -> datetime:
    return datetime.fromisoformat(value)


class Store:
    """Narrow interface to the dossiers: list, create, load, save, history, restore."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        prepare(self.path)

    def _connect(self) -> AbstractContextManager[Database]:
        return connect(self.path)

    def _write(self) -> AbstractContextManager[Database]:
        return write(self.path)

    # ------------------------------------------------------------ reading

    def list_dossiers(self) -> list[DossierSummary]:
        """Return every dossier, most recently changed first."""
        with self._connect() as db:
            rows = db.query("SELECT * FROM dossiers ORDER BY updated_at DESC, id DESC")
            return [_summary(r) for r in rows]

    def load(self, dossier_id: int) -> DossierRecord:
        """Load a dossier with the version of each unit."""
        with self._connect() as db:
            return self._load(db, dossier_id)

    def _load(self, db: Database, dossier_id: int) -> DossierRecord:
        head = _dossier_row(db, dossier_id)
        rows = list(db.query("SELECT * FROM units WHERE dossier_id = ? ORDER BY position, key", [dossier_id]))
        units = {UnitRef(kind=r["kind"], key=r["key"]): json.loads(r["data"]) for r in rows}
        return DossierRecord(
            id=dossier_id,
            revision=head["revision"],
            dossier=assemble(units),
            versions={
                str(UnitRef(kind=r["kind"], key=r["key"])): UnitVersion(
                    version=r["version"], by=r["updated_by"], at=_ts(r["updated_at"])
                )
                for r in rows
            },
            updated_at=_ts(head["updated_at"]),
            updated_by=head["updated_by"],
        )

    def history(self, dossier_id: int, limit: int | None = None) -> list[Revision]:
        """List the dossier's revisions, newest first."""
        with self._connect() as db:
            _dossier_row(db, dossier_id)
            sql = "SELECT * FROM revisions WHERE dossier_id = ? ORDER BY id DESC"
            params: list[Any] = [dossier_id]
            if limit:
                sql += " LIMIT ?"
                params.append(limit)
            return [_revision(r) for r in db.query(sql, params)]

    def last_revision(self, dossier_id: int, unit: UnitRef) -> Revision | None:
        """Return the latest recorded change of one unit (also when it was deleted), or None."""
        with self._connect() as db:
            rows = list(
                db.query(
                    "SELECT * FROM revisions WHERE dossier_id = ? AND kind = ? AND key = ?"
                    " ORDER BY id DESC LIMIT 1",
                    [dossier_id, unit.kind, unit.key],
                )
            )
            return _revision(rows[0]) if rows else None

    def unit_at(self, dossier_id: int, revision_id: int) -> tuple[UnitRef, dict[str, Any] | None]:
        """Return a unit as it was right after one recorded revision (None: it was deleted)."""
        with self._connect() as db:
            row = _revision_row(db, dossier_id, revision_id)
            return UnitRef(kind=row["kind"], key=row["key"]), (
                json.loads(row["data"]) if row["data"] else None
            )

    def dossier_at(self, dossier_id: int, revision: int) -> Dossier:
        """Rebuild the whole dossier as it was at a dossier revision number."""
        with self._connect() as db:
            return assemble(_state_at(db, dossier_id, revision))

    # ------------------------------------------------------------ writing

    def create(self, identity: Identity, by: str) -> int:
        """Create a new, empty dossier and return its id."""
        return self.import_dossier(Dossier(identity=identity), by=by, action="create")

    def import_dossier(self, dossier: Dossier, by: str, action: str = "import") -> int:
        """Store a whole dossier as a new one; never touches an existing dossier."""
        now = _now().isoformat()
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO dossiers (name, call, status, revision, created_at, created_by,"
                " updated_at, updated_by) VALUES (?, ?, ?, 1, ?, ?, ?, ?)",
                [dossier.identity.name, dossier.identity.call, dossier.identity.status, now, by, now, by],
            )
            dossier_id = int(cursor.lastrowid or 0)
            for position, (unit, data) in enumerate(disassemble(dossier).items()):
                _insert_unit(db, dossier_id, unit, position, 1, data, by, now)
                _record(db, dossier_id, 1, unit, 1, action, data, sorted(data), by, now)
        return dossier_id

    def save(self, dossier_id: int, change: Change, by: str) -> int:
        """Save one unit based on the version it was loaded at; return the new dossier revision."""
        return self.apply(dossier_id, [change], by)

    def apply(
        self,
        dossier_id: int,
        changes: list[Change],
        by: str,
        action: str = "",
        note: dict[str, Any] | None = None,
    ) -> int:
        """Apply several unit changes at once, all or nothing; return the new dossier revision.

        Every change names the version it was based on: a stale one raises EditConflict
        and nothing is saved. A change that would leave the dossier invalid raises
        InvalidChange; marking it ready while a partner objects raises ReadyWhileObjecting.
        The note (JSON-ready) is kept with each recorded revision, e.g. a vote record.
        """
        now = _now().isoformat()
        with self._write() as db:
            head = _dossier_row(db, dossier_id)
            rows = {
                UnitRef(kind=r["kind"], key=r["key"]): r
                for r in db.query("SELECT * FROM units WHERE dossier_id = ?", [dossier_id])
            }
            state = {u: json.loads(r["data"]) for u, r in rows.items()}
            for change in changes:
                current = rows.get(change.unit)
                if (current["version"] if current else 0) != change.base_version:
                    raise EditConflict(
                        change.unit,
                        by=current["updated_by"] if current else _last_author(db, dossier_id, change.unit),
                        at=_ts(current["updated_at"]) if current else _last_time(db, dossier_id, change.unit),
                        theirs=state.get(change.unit),
                    )
                if change.data is None:
                    state.pop(change.unit, None)
                else:
                    state[change.unit] = change.data
            try:
                dossier = assemble(state)
            except ValidationError as exc:
                raise InvalidChange(from_validation_error(exc)) from exc
            # A partner who comes back (a restore, the same id again) brings back their objections.
            if any(c.unit.kind in ("identity", "partner") for c in changes):
                _refuse_ready_while_objecting(db, dossier_id, dossier)

            revision = head["revision"] + 1
            positions = {u: r["position"] for u, r in rows.items()}
            next_position = max(positions.values(), default=0) + 1
            for change in changes:
                current = rows.get(change.unit)
                version = (current["version"] if current else 0) + 1
                before = json.loads(current["data"]) if current else {}
                if change.data is None:
                    db.execute(
                        "DELETE FROM units WHERE dossier_id = ? AND kind = ? AND key = ?",
                        [dossier_id, change.unit.kind, change.unit.key],
                    )
                    _record(
                        db,
                        dossier_id,
                        revision,
                        change.unit,
                        version,
                        action or "delete",
                        None,
                        [],
                        by,
                        now,
                        label=_label(before),
                        note=note,
                    )
                    continue
                # Store what the model made of the input (trimmed, normalised), not the raw input.
                data = unit_data(dossier, change.unit) or {}
                if current:
                    db.execute(
                        "UPDATE units SET version = ?, data = ?, updated_at = ?, updated_by = ?"
                        " WHERE dossier_id = ? AND kind = ? AND key = ? AND version = ?",
                        [
                            version,
                            json.dumps(data, ensure_ascii=False),
                            now,
                            by,
                            dossier_id,
                            change.unit.kind,
                            change.unit.key,
                            change.base_version,
                        ],
                    )
                else:
                    _insert_unit(db, dossier_id, change.unit, next_position, version, data, by, now)
                    next_position += 1
                _record(
                    db,
                    dossier_id,
                    revision,
                    change.unit,
                    version,
                    action or ("update" if current else "create"),
                    data,
                    changed_fields(before, data),
                    by,
                    now,
                    note=note,
                )
            identity = dossier.identity
            db.execute(
                "UPDATE dossiers SET name = ?, call = ?, status = ?, revision = ?, updated_at = ?,"
                " updated_by = ? WHERE id = ?",
                [identity.name, identity.call, identity.status, revision, now, by, dossier_id],
            )
        return revision

    def restore_unit(self, dossier_id: int, revision_id: int, by: str) -> int:
        """Bring one unit back to how it was right after an earlier revision."""
        unit, data = self.unit_at(dossier_id, revision_id)
        current = self.load(dossier_id)
        change = Change(unit=unit, data=data, base_version=current.version(unit))
        if data is None and change.base_version == 0:
            return current.revision  # already absent: nothing to do
        return self.apply(dossier_id, [change], by, action="restore")

    def restore_dossier(self, dossier_id: int, revision: int, by: str) -> int:
        """Bring the whole dossier back to how it was at an earlier dossier revision."""
        with self._connect() as db:
            past = _state_at(db, dossier_id, revision)
        current = self.load(dossier_id)
        now = disassemble(current.dossier)
        changes = [
            Change(unit=u, data=past.get(u), base_version=current.version(u))
            for u in sorted(set(past) | set(now), key=str)
            if past.get(u) != now.get(u)
        ]
        if not changes:
            return current.revision
        return self.apply(dossier_id, changes, by, action="restore")

    # ------------------------------------------------------------ generated documents

    def save_document(
        self,
        dossier_id: int,
        *,
        kind: str,
        lang: str,
        revision: int,
        data: bytes,
        by: str,
        template: str = "",
    ) -> DocumentVersion:
        """Keep a generated document with the dossier revision it was made from."""
        now = _now().isoformat()
        digest = hashlib.sha256(data).hexdigest()
        with self._write() as db:
            head = _dossier_row(db, dossier_id)
            if not 0 < revision <= head["revision"]:
                raise StoreError(f"dossier {dossier_id} has no revision {revision}")
            cursor = db.execute(
                "INSERT INTO documents (dossier_id, revision, kind, lang, template, size, sha256, data,"
                " by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [dossier_id, revision, kind, lang, template, len(data), digest, data, by, now],
            )
            document_id = int(cursor.lastrowid or 0)
        return DocumentVersion(
            document_id, dossier_id, revision, kind, lang, template, len(data), digest, by, _ts(now)
        )

    def documents(self, dossier_id: int) -> list[DocumentVersion]:
        """List the generated documents of a dossier, newest first (without their bytes)."""
        with self._connect() as db:
            _dossier_row(db, dossier_id)
            rows = db.query(
                "SELECT id, dossier_id, revision, kind, lang, template, size, sha256, by, at"
                " FROM documents WHERE dossier_id = ? ORDER BY id DESC",
                [dossier_id],
            )
            return [_document(r) for r in rows]

    def document(self, dossier_id: int, document_id: int) -> tuple[DocumentVersion, bytes]:
        """Return one generated document and its bytes."""
        with self._connect() as db:
            rows = list(
                db.query("SELECT * FROM documents WHERE id = ? AND dossier_id = ?", [document_id, dossier_id])
            )
        if not rows:
            raise StoreError(f"no document {document_id} in dossier {dossier_id}")
        return _document(rows[0]), bytes(rows[0]["data"])

    def delete_dossier(self, dossier_id: int) -> None:
        """Delete a dossier with its units and history."""
        with self._write() as db:
            _dossier_row(db, dossier_id)
            db.execute("DELETE FROM dossiers WHERE id = ?", [dossier_id])


# ---------------------------------------------------------------- SQL helpers


def _dossier_row(db: Database, dossier_id: int) -> dict[str, Any]:
    rows = list(db.query("SELECT * FROM dossiers WHERE id = ?", [dossier_id]))
    if not rows:
        raise DossierNotFound(dossier_id)
    return rows[0]


def _revision_row(db: Database, dossier_id: int, revision_id: int) -> dict[str, Any]:
    rows = list(
        db.query("SELECT * FROM revisions WHERE id = ? AND dossier_id = ?", [revision_id, dossier_id])
    )
    if not rows:
        raise StoreError(f"no revision {revision_id} in dossier {dossier_id}")
    return rows[0]


def _state_at(db: Database, dossier_id: int, revision: int) -> dict[UnitRef, dict[str, Any]]:
    _dossier_row(db, dossier_id)
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


def _insert_unit(
    db: Database,
    dossier_id: int,
    unit: UnitRef,
    position: int,
    version: int,
    data: dict[str, Any],
    by: str,
    now: str,
) -> None:
    db.execute(
        "INSERT INTO units (dossier_id, kind, key, position, version, data, updated_at, updated_by)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [dossier_id, unit.kind, unit.key, position, version, json.dumps(data, ensure_ascii=False), now, by],
    )


def _record(
    db: Database,
    dossier_id: int,
    revision: int,
    unit: UnitRef,
    version: int,
    action: str,
    data: dict[str, Any] | None,
    changed: list[str],
    by: str,
    now: str,
    label: str = "",
    note: dict[str, Any] | None = None,
) -> None:
    db.execute(
        "INSERT INTO revisions (dossier_id, revision, kind, key, version, action, data, changed,"
        " label, by, at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            dossier_id,
            revision,
            unit.kind,
            unit.key,
            version,
            action,
            None if data is None else json.dumps(data, ensure_ascii=False),
            json.dumps(changed),
            label or _label(data or {}),
            by,
            now,
            None if note is None else json.dumps(note, ensure_ascii=False),
        ],
    )


def _refuse_ready_while_objecting(db: Database, dossier_id: int, dossier: Dossier) -> None:
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


def _last_author(db: Database, dossier_id: int, unit: UnitRef) -> str:
    rows = list(
        db.query(
            "SELECT by FROM revisions WHERE dossier_id = ? AND kind = ? AND key = ? ORDER BY id DESC LIMIT 1",
            [dossier_id, unit.kind, unit.key],
        )
    )
    return rows[0]["by"] if rows else "?"


def _last_time(db: Database, dossier_id: int, unit: UnitRef) -> datetime | None:
    rows = list(
        db.query(
            "SELECT at FROM revisions WHERE dossier_id = ? AND kind = ? AND key = ? ORDER BY id DESC LIMIT 1",
            [dossier_id, unit.kind, unit.key],
        )
    )
    return _ts(rows[0]["at"]) if rows else None


def _label(data: dict[str, Any]) -> str:
    for key in ("name", "title", "description"):
        if isinstance(data.get(key), str):
            return str(data[key])[:80]
    return ""


def _summary(row: dict[str, Any]) -> DossierSummary:
    return DossierSummary(
        id=row["id"],
        name=row["name"],
        call=row["call"],
        status=row["status"],
        revision=row["revision"],
        updated_at=_ts(row["updated_at"]),
        updated_by=row["updated_by"],
    )


def _document(row: dict[str, Any]) -> DocumentVersion:
    return DocumentVersion(
        id=row["id"],
        dossier_id=row["dossier_id"],
        revision=row["revision"],
        kind=row["kind"],
        lang=row["lang"],
        template=row["template"],
        size=row["size"],
        sha256=row["sha256"],
        by=row["by"],
        at=_ts(row["at"]),
    )


def _revision(row: dict[str, Any]) -> Revision:
    return Revision(
        id=row["id"],
        dossier_id=row["dossier_id"],
        revision=row["revision"],
        unit=UnitRef(kind=row["kind"], key=row["key"]),
        version=row["version"],
        action=row["action"],
        by=row["by"],
        at=_ts(row["at"]),
        changed=json.loads(row["changed"]),
        label=row["label"],
        note=json.loads(row["note"]) if row["note"] else None,
    )


__all__ = [
    "Change",
    "DocumentVersion",
    "DossierNotFound",
    "DossierRecord",
    "DossierSummary",
    "EditConflict",
    "InvalidChange",
    "ReadyWhileObjecting",
    "Revision",
    "StorageFailure",
    "Store",
    "StoreError",
    "UnitRef",
    "UnitVersion",
    "singleton_units",
]
