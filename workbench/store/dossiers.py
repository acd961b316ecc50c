"""The dossier store: versioned units, revisions, history and restore (the SQL of dossiers)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from workbench.clock import moment, stamp
from workbench.dossier.model import Dossier, Identity
from workbench.dossier.records import (
    DocumentVersion,
    DossierNotFound,
    DossierRecord,
    DossierSummary,
    EditConflict,
    InvalidChange,
    ReadyWhileObjecting,
    Revision,
    StepChange,
    StoreError,
    UnitVersion,
)
from workbench.dossier.steps import step_of_unit
from workbench.dossier.units import (
    KINDS,
    Change,
    UnitRef,
    assemble,
    disassemble,
    singleton_units,
    stored_unit,
)
from workbench.store import record_cache
from workbench.store.db import Address, Connection, StorageFailure, is_postgres, open_backend, scope
from workbench.store.documents import GeneratedDocuments
from workbench.store.revisions import (
    Writing,
    changed_dossier,
    dossier_row,
    insert_unit,
    record_revision,
    refuse_ready_while_objecting,
    revision_row,
    state_at,
    to_revision,
    unit_rows,
    write_change,
    write_head,
)
from workbench.store.rows import record, records

# ---------------------------------------------------------------- the store


class Store(GeneratedDocuments):
    """Narrow interface to the dossiers: list, create, load, save, history, restore, documents."""

    def __init__(self, address: Address) -> None:
        self.backend = open_backend(address)  # a SQLite file, or a PostgreSQL server by URL
        self.backend.prepare()

    # ------------------------------------------------------------ who acts

    def require(self, action: str, dossier_id: int) -> None:
        """Allow every action: the bare store trusts its caller (command line, tests, benches)."""

    def author(self, given: str) -> str:
        """Return the name a change is recorded under: the one given (a Workspace uses its person's)."""
        return given

    def _connect(self) -> AbstractContextManager[Connection]:
        return self.backend.read()

    def _write(self, *scopes: str) -> AbstractContextManager[Connection]:
        return self.backend.write(*scopes)

    # ------------------------------------------------------------ reading

    def list_dossiers(self) -> list[DossierSummary]:
        """Return every dossier, most recently changed first."""
        with self._connect() as db:
            rows = db.query("SELECT * FROM dossiers ORDER BY updated_at DESC, id DESC")
            return records(DossierSummary, rows)

    def load(self, dossier_id: int) -> DossierRecord:
        """Load a dossier with the version of each unit."""
        with self._connect() as db:
            return self._load(db, dossier_id)

    def _load(self, db: Connection, dossier_id: int) -> DossierRecord:
        head = dossier_row(db, dossier_id)
        return record_cache.cached(self._key(dossier_id, head), lambda: self._read(db, dossier_id, head))

    def _key(self, dossier_id: int, head: dict[str, Any]) -> tuple[Any, ...]:
        """Name one revision of a dossier in the record cache."""
        return (
            _address_key(self.backend.address),
            dossier_id,
            head["created_at"],
            head["revision"],
            head["updated_at"],
        )

    def _read(self, db: Connection, dossier_id: int, head: dict[str, Any]) -> DossierRecord:
        rows = list(db.query("SELECT * FROM units WHERE dossier_id = ? ORDER BY position, key", [dossier_id]))
        units = {(u := UnitRef(kind=r["kind"], key=r["key"])): stored_unit(u, r["data"]) for r in rows}
        return DossierRecord(
            id=dossier_id,
            revision=head["revision"],
            dossier=assemble(units),
            versions={
                str(UnitRef(kind=r["kind"], key=r["key"])): record(
                    UnitVersion, r, by=r["updated_by"], at=r["updated_at"]
                )
                for r in rows
            },
            updated_at=moment(head["updated_at"]),
            updated_by=head["updated_by"],
        )

    def history(self, dossier_id: int, limit: int | None = None) -> list[Revision]:
        """List the dossier's revisions, newest first."""
        with self._connect() as db:
            dossier_row(db, dossier_id)
            sql = "SELECT * FROM revisions WHERE dossier_id = ? ORDER BY id DESC"
            params: list[Any] = [dossier_id]
            if limit:
                sql += " LIMIT ?"
                params.append(limit)
            return [to_revision(r) for r in db.query(sql, params)]

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
            return to_revision(rows[0]) if rows else None

    def step_changes(self, dossier_id: int) -> dict[str, StepChange]:
        """Return per step the last revision that changed (or deleted) one of its parts."""
        with self._connect() as db:
            rows = db.query(
                "SELECT kind, key, max(revision) AS revision, max(at) AS at FROM revisions"
                " WHERE dossier_id = ? GROUP BY kind, key",
                [dossier_id],
            )
            found: dict[str, StepChange] = {}
            for r in rows:
                step = step_of_unit(r["kind"], r["key"])
                if step not in found or found[step].revision < r["revision"]:
                    found[step] = StepChange(revision=r["revision"], at=moment(r["at"]))
            return found

    def unit_at(self, dossier_id: int, revision_id: int) -> tuple[UnitRef, dict[str, Any] | None]:
        """Return a unit as it was right after one recorded revision (None: it was deleted)."""
        with self._connect() as db:
            row = revision_row(db, dossier_id, revision_id)
            return UnitRef(kind=row["kind"], key=row["key"]), (
                json.loads(row["data"]) if row["data"] else None
            )

    def dossier_at(self, dossier_id: int, revision: int) -> Dossier:
        """Rebuild the whole dossier as it was at a dossier revision number."""
        with self._connect() as db:
            return assemble(state_at(db, dossier_id, revision))

    # ------------------------------------------------------------ writing

    def create(self, identity: Identity, by: str) -> int:
        """Create a new, empty dossier and return its id."""
        return self.import_dossier(Dossier(identity=identity), by=by, action="create")

    def import_dossier(self, dossier: Dossier, by: str, action: str = "import") -> int:
        """Store a whole dossier as a new one; never touches an existing dossier."""
        now = stamp()
        with self._write() as db:
            new_id = db.insert(
                "INSERT INTO dossiers (name, call, status, revision, created_at, created_by,"
                " updated_at, updated_by) VALUES (?, ?, ?, 1, ?, ?, ?, ?)",
                [dossier.identity.name, dossier.identity.call, dossier.identity.status, now, by, now, by],
            )
            writing = Writing(new_id, 1, by, now, action)
            for position, (unit, data) in enumerate(disassemble(dossier).items()):
                insert_unit(db, writing, unit, position, 1, data)
                record_revision(db, writing, unit, 1, action, data, sorted(data))
        return writing.dossier_id

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
        then: Callable[[Connection, int], None] | None = None,
    ) -> int:
        """Apply several unit changes at once, all or nothing; return the new dossier revision.

        Every change names the version it was based on: a stale one raises EditConflict
        and nothing is saved. A change that would leave the dossier invalid raises
        InvalidChange; marking it ready while a partner objects raises ReadyWhileObjecting.
        The note (JSON-ready) is kept with each recorded revision, e.g. a vote record.
        `then(db, revision)` runs in the same transaction after the changes (e.g. an accepted
        suggestion records its revision); when it raises, nothing is saved.
        """
        now = stamp()
        # The dossier's scope: on PostgreSQL its lock; consent is recorded under the same one.
        with self._write(scope("dossier", dossier_id)) as db:
            head = dossier_row(db, dossier_id)
            rows = unit_rows(db, dossier_id)
            dossier = changed_dossier(db, dossier_id, rows, changes)
            # A partner who comes back (a restore, the same id again) brings back their objections.
            if any(c.unit.kind in ("identity", "partner") for c in changes):
                refuse_ready_while_objecting(db, dossier_id, dossier)
            writing = Writing(dossier_id, head["revision"] + 1, by, now, action, note)
            position = max((r["position"] for r in rows.values()), default=0) + 1
            for change in changes:
                position = write_change(db, writing, rows.get(change.unit), change, dossier, position)
            write_head(db, writing, dossier)
            if then is not None:
                then(db, writing.revision)
            written = self._written(db, dossier_id, dossier)
        if written is not None:  # committed: the next load of this revision needs no second validation
            record_cache.keep(*written)
        return writing.revision

    def _written(
        self, db: Connection, dossier_id: int, dossier: Dossier
    ) -> tuple[tuple[Any, ...], DossierRecord] | None:
        """Return the record a load of the revision just written would read, with its cache key.

        The dossier was validated from the unit rows and the changes; a load assembles the stored
        rows in their order instead. Both are the same dossier when every list holds its items in
        the order a load reads them; when one does not (None), the next load reads it itself.
        """
        head = dossier_row(db, dossier_id)
        rows = db.query(
            "SELECT kind, key, version, updated_at, updated_by FROM units WHERE dossier_id = ?"
            " ORDER BY position, key",
            [dossier_id],
        )
        stored: dict[str, list[str]] = {}
        for r in rows:
            if KINDS[r["kind"]].key_field is not None:
                stored.setdefault(r["kind"], []).append(r["key"])
        for kind, spec in KINDS.items():
            if spec.key_field is not None and stored.get(kind, []) != [
                getattr(item, spec.key_field) for item in getattr(dossier, spec.field)
            ]:
                return None
        written = DossierRecord(
            id=dossier_id,
            revision=head["revision"],
            dossier=dossier,
            versions={
                str(UnitRef(kind=r["kind"], key=r["key"])): record(
                    UnitVersion, r, by=r["updated_by"], at=r["updated_at"]
                )
                for r in rows
            },
            updated_at=moment(head["updated_at"]),
            updated_by=head["updated_by"],
        )
        return self._key(dossier_id, head), written

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
            past = state_at(db, dossier_id, revision)
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

    def delete_dossier(self, dossier_id: int) -> None:
        """Delete a dossier with its units and history."""
        with self._write() as db:
            dossier_row(db, dossier_id)
            db.execute("DELETE FROM dossiers WHERE id = ?", [dossier_id])


# ---------------------------------------------------------------- helpers


def _address_key(address: str) -> str:
    """Name the database the same way from any working directory (a `file:` URI or a server's URL as written).

    A PostgreSQL id is never reused, so (server, id, creation, revision, last write) names one revision;
    on SQLite the creation time tells a new dossier under a reused id from the old one.
    """
    return address if address.startswith("file:") or is_postgres(address) else os.path.abspath(address)


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
