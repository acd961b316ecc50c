"""The database schema as ordered migrations (sqlite-utils Migrations); never edit an applied one."""

from __future__ import annotations

from sqlite_utils import Database

from workbench.db import migrations


@migrations()
def m001_initial(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE dossiers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            call TEXT NOT NULL,
            status TEXT NOT NULL,
            revision INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE units (
            dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            position INTEGER NOT NULL,
            version INTEGER NOT NULL,
            data TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            PRIMARY KEY (dossier_id, kind, key)
        )"""
    )
    db.execute(
        """
        CREATE TABLE revisions (
            id INTEGER PRIMARY KEY,
            dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            revision INTEGER NOT NULL,
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            version INTEGER NOT NULL,
            action TEXT NOT NULL,
            data TEXT,
            changed TEXT NOT NULL,
            label TEXT NOT NULL,
            by TEXT NOT NULL,
            at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX revisions_by_dossier ON revisions (dossier_id, revision)")


@migrations()
def m002_documents(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            revision INTEGER NOT NULL,
            kind TEXT NOT NULL,
            lang TEXT NOT NULL,
            template TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            data BLOB NOT NULL,
            by TEXT NOT NULL,
            at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX documents_by_dossier ON documents (dossier_id, id)")
