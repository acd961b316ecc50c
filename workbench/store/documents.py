"""Generated documents kept with the dossier revision they were made from (their SQL)."""

from __future__ import annotations

import hashlib

from workbench.clock import moment, stamp
from workbench.dossier.records import DocumentVersion, StoreError
from workbench.store.backend import Backend, scope
from workbench.store.revisions import dossier_row
from workbench.store.rows import record, records


class GeneratedDocuments:
    """The documents of a dossier: keep, list, fetch (a part of the Store)."""

    backend: Backend

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
        by_id: int | None = None,
    ) -> DocumentVersion:
        """Keep a generated document with the dossier revision it was made from (`by_id`: the account)."""
        now = stamp()
        digest = hashlib.sha256(data).hexdigest()
        with self.backend.write(scope("dossier", dossier_id)) as db:
            head = dossier_row(db, dossier_id)
            if not 0 < revision <= head["revision"]:
                raise StoreError("store.no_revision", dossier=dossier_id, revision=revision)
            document_id = db.insert(
                "INSERT INTO documents (dossier_id, revision, kind, lang, template, size, sha256, data,"
                " by, by_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [dossier_id, revision, kind, lang, template, len(data), digest, data, by, by_id, now],
            )
        return DocumentVersion(
            document_id, dossier_id, revision, kind, lang, template, len(data), digest, by, moment(now)
        )

    def documents(self, dossier_id: int) -> list[DocumentVersion]:
        """List the generated documents of a dossier, newest first (without their bytes)."""
        with self.backend.read() as db:
            dossier_row(db, dossier_id)
            rows = db.query(
                "SELECT id, dossier_id, revision, kind, lang, template, size, sha256, by, at"
                " FROM documents WHERE dossier_id = ? ORDER BY id DESC",
                [dossier_id],
            )
            return records(DocumentVersion, rows)

    def document(self, dossier_id: int, document_id: int) -> tuple[DocumentVersion, bytes]:
        """Return one generated document and its bytes."""
        with self.backend.read() as db:
            rows = list(
                db.query("SELECT * FROM documents WHERE id = ? AND dossier_id = ?", [document_id, dossier_id])
            )
        if not rows:
            raise StoreError("store.no_document", dossier=dossier_id, document=document_id)
        return record(DocumentVersion, rows[0]), bytes(rows[0]["data"])
