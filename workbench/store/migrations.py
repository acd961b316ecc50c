"""The database schema as ordered migrations (sqlite-utils Migrations); never edit an applied one.

One list for both backends. SQLite applies it through sqlite-utils; PostgreSQL runs the same
functions (store/postgresql.py), whose `db.execute` turns SQLite's column types into its own:
`INTEGER PRIMARY KEY` an identity column, `INTEGER` BIGINT, `REAL` DOUBLE PRECISION, `BLOB`
BYTEA. So a new migration is one more function here, written with `db.execute` and those types
(TEXT for moments, as ISO 8601, and for JSON); tests/store/test_postgresql.py checks that both
backends then have the same tables, columns and indexes. A step only one engine understands
asks `dialect(db)`.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database, Migrations

# The registry the connections module applies; the migrations below register themselves in it.
migrations = Migrations("workbench")


def ordered() -> list[Any]:
    """Return every migration in order (each has `.name` and `.fn`), for the PostgreSQL runner."""
    return list(migrations.pending(Database(memory=True)))  # nothing is applied to a new database


def dialect(db: Any) -> str:
    """Return the engine a migration runs on: "sqlite" or "postgresql"."""
    return str(getattr(db, "dialect", "sqlite"))


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


@migrations()
def m003_accounts(db: Database) -> None:
    # Only hashes are stored: argon2 for passwords, SHA-256 for session tokens and invitation
    # codes (random and long, so a fast hash suffices and lookups stay indexable).
    db.execute(
        """
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            email TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            password_hash TEXT,
            is_admin INTEGER NOT NULL DEFAULT 0,
            disabled INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE login_failures (
            id INTEGER PRIMARY KEY,
            email TEXT NOT NULL,
            at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX login_failures_by_email ON login_failures (email, at)")
    db.execute(
        """
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE memberships (
            dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            added_at TEXT NOT NULL,
            added_by TEXT NOT NULL,
            PRIMARY KEY (dossier_id, user_id)
        )"""
    )
    db.execute("CREATE INDEX memberships_by_user ON memberships (user_id)")
    db.execute(
        """
        CREATE TABLE invitations (
            id INTEGER PRIMARY KEY,
            code_hash TEXT NOT NULL UNIQUE,
            dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
            used_at TEXT
        )"""
    )


@migrations()
def m004_reviews(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE comment_threads (
            id INTEGER PRIMARY KEY,
            dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            step TEXT NOT NULL,
            field TEXT,
            clause TEXT,
            responsible_partner TEXT,
            status TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX comment_threads_by_dossier ON comment_threads (dossier_id, status)")
    db.execute(
        """
        CREATE TABLE comments (
            id INTEGER PRIMARY KEY,
            thread_id INTEGER NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            body TEXT NOT NULL,
            author TEXT NOT NULL,
            author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX comments_by_thread ON comments (thread_id, id)")
    db.execute(
        """
        CREATE TABLE section_reviews (
            dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            step TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT NOT NULL,
            by TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (dossier_id, step)
        )"""
    )
    db.execute(
        """
        CREATE TABLE rubric_scores (
            dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            criterion TEXT NOT NULL,
            level TEXT NOT NULL,
            reason TEXT NOT NULL,
            by TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (dossier_id, criterion)
        )"""
    )


@migrations()
def m005_workshops(db: Database) -> None:
    # A revision may carry a note (JSON), e.g. the vote record of a workshop that promoted ideas.
    db.execute("ALTER TABLE revisions ADD COLUMN note TEXT")
    db.execute(
        """
        CREATE TABLE workshops (
            id INTEGER PRIMARY KEY,
            dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            section TEXT NOT NULL,
            code TEXT NOT NULL UNIQUE,
            status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
            dots INTEGER NOT NULL CHECK (dots BETWEEN 1 AND 20),
            base_revision INTEGER NOT NULL,
            round_started_at TEXT,
            round_seconds INTEGER,
            started_at TEXT NOT NULL,
            started_by TEXT NOT NULL,
            closed_at TEXT,
            closed_by TEXT
        )"""
    )
    db.execute("CREATE INDEX workshops_by_dossier ON workshops (dossier_id, id)")
    db.execute(
        """
        CREATE TABLE workshop_participants (
            id INTEGER PRIMARY KEY,
            workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            token_hash TEXT NOT NULL UNIQUE,
            joined_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX participants_by_workshop ON workshop_participants (workshop_id)")
    db.execute(
        """
        CREATE TABLE workshop_ideas (
            id INTEGER PRIMARY KEY,
            workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            participant_id INTEGER REFERENCES workshop_participants(id) ON DELETE SET NULL,
            author TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('idea', 'formulation')),
            text TEXT NOT NULL,
            cluster TEXT NOT NULL DEFAULT '',
            hidden INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX ideas_by_workshop ON workshop_ideas (workshop_id, id)")
    db.execute("CREATE INDEX ideas_by_participant ON workshop_ideas (participant_id, created_at)")
    db.execute(
        """
        CREATE TABLE workshop_votes (
            id INTEGER PRIMARY KEY,
            workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            participant_id INTEGER NOT NULL REFERENCES workshop_participants(id) ON DELETE CASCADE,
            idea_id INTEGER NOT NULL REFERENCES workshop_ideas(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            UNIQUE (participant_id, idea_id)
        )"""
    )
    db.execute("CREATE INDEX votes_by_workshop ON workshop_votes (workshop_id, idea_id)")
    db.execute(
        """
        CREATE TABLE consents (
            id INTEGER PRIMARY KEY,
            dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            section TEXT NOT NULL,
            partner_id TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('agree', 'abstain', 'object')),
            reason TEXT NOT NULL DEFAULT '',
            workshop_id INTEGER REFERENCES workshops(id) ON DELETE SET NULL,
            by TEXT NOT NULL,
            at TEXT NOT NULL,
            CHECK (decision != 'object' OR reason != '')
        )"""
    )
    db.execute("CREATE INDEX consents_by_dossier ON consents (dossier_id, section, partner_id, id)")


@migrations()
def m006_rate_limits(db: Database) -> None:
    # Rate limiting through the `limits` library (workbench/store/limit_storage.py): one row per
    # counted attempt (moving window) and one per fixed-window counter. Keys hold only hashes of
    # emails and addresses. Times are seconds since the epoch.
    db.execute(
        """
        CREATE TABLE rate_limit_entries (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL,
            at REAL NOT NULL,
            expires_at REAL NOT NULL
        )"""
    )
    db.execute("CREATE INDEX rate_limit_entries_by_key ON rate_limit_entries (key, at)")
    db.execute("CREATE INDEX rate_limit_entries_by_expiry ON rate_limit_entries (expires_at)")
    db.execute(
        """
        CREATE TABLE rate_limit_counters (
            key TEXT PRIMARY KEY,
            count INTEGER NOT NULL,
            expires_at REAL NOT NULL
        )"""
    )
    # Login failures are now entries of the login limits.
    db.execute("DROP TABLE login_failures")


@migrations()
def m007_review_pins(db: Database) -> None:
    # A thread can pin one item of a list (a target group, a partner, a digipunt) by its stable key,
    # and a verdict remembers the dossier revision it judged, so a later edit makes it stale.
    db.execute("ALTER TABLE comment_threads ADD COLUMN item TEXT")
    db.execute("ALTER TABLE section_reviews ADD COLUMN revision INTEGER")
