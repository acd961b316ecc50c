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
def m007_browser_sessions(db: Database) -> None:
    # A login moves from the tab into an HttpOnly cookie through a one-time code (access/handoffs.py):
    # single use, a minute long, bound to the session it hands over and to the browser that asked
    # (the hash of its browser cookie), so nobody can slip their own login into someone else's browser.
    db.execute(
        """
        CREATE TABLE session_handoffs (
            code_hash TEXT PRIMARY KEY,
            session_hash TEXT NOT NULL REFERENCES sessions(token_hash) ON DELETE CASCADE ON UPDATE CASCADE,
            browser_hash TEXT NOT NULL,
            expires_at TEXT NOT NULL
        )"""
    )
    # What someone typed and did not save yet, per browser session (store/drafts.py): the owner is the
    # hash of their session token (or, in open workshop mode, of their browser cookie), so only that
    # browser can read it back; it expires.
    db.execute(
        """
        CREATE TABLE drafts (
            owner_hash TEXT NOT NULL,
            dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            form_id TEXT NOT NULL,
            data TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            PRIMARY KEY (owner_hash, dossier_id, form_id)
        )"""
    )
    db.execute("CREATE INDEX drafts_by_expiry ON drafts (expires_at)")
    # Settings of a browser in open workshop mode (the typed name), by the same owner hash.
    db.execute(
        """
        CREATE TABLE browser_settings (
            owner_hash TEXT NOT NULL,
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            PRIMARY KEY (owner_hash, name)
        )"""
    )


@migrations()
def m008_workshop_vote_phase(db: Database) -> None:
    # A hidden vote (issue 15): while it is 1 the room sees no counts and no order, until revealed.
    db.execute("ALTER TABLE workshops ADD COLUMN votes_hidden INTEGER NOT NULL DEFAULT 0")


@migrations()
def m009_suggestions_and_inbox(db: Database) -> None:
    # A coach proposes wording for one field of one item (collab/suggestions.py): a comment thread
    # carrying the proposed text; accepting it is a normal versioned save, recorded here with its
    # revision, in the same transaction.
    db.execute(
        """
        CREATE TABLE suggestions (
            thread_id INTEGER NOT NULL PRIMARY KEY REFERENCES comment_threads(id) ON DELETE CASCADE,
            dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            form TEXT NOT NULL,
            item TEXT NOT NULL,
            field TEXT NOT NULL,
            original TEXT NOT NULL,
            proposed TEXT NOT NULL,
            base_version INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'declined')),
            decided_by TEXT,
            decided_by_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            decided_at TEXT,
            revision INTEGER
        )"""
    )
    db.execute("CREATE INDEX suggestions_by_dossier ON suggestions (dossier_id, status)")
    # A thread can be assigned to a member (not only to a partner): their inbox shows it.
    db.execute(
        "ALTER TABLE comment_threads ADD COLUMN assignee_id INTEGER REFERENCES users(id) ON DELETE SET NULL"
    )
    db.execute("ALTER TABLE comment_threads ADD COLUMN assigned_at TEXT")
    db.execute(
        "ALTER TABLE comment_threads ADD COLUMN assigned_by_id INTEGER"
        " REFERENCES users(id) ON DELETE SET NULL"
    )
    # The coordinator asks a named coach (a member with the coach role) for a review.
    db.execute(
        """
        CREATE TABLE review_requests (
            id INTEGER PRIMARY KEY,
            dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            coach_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            note TEXT NOT NULL,
            requested_by TEXT NOT NULL,
            requested_by_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            requested_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX review_requests_by_coach ON review_requests (coach_id, requested_at)")
    # What a person has seen of each inbox item ("thread:12", "verdict:3:doelgroep", ...): the moment
    # of the newest activity they have read. Newer activity by someone else makes it unread again.
    db.execute(
        """
        CREATE TABLE inbox_reads (
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            item TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (user_id, item)
        )"""
    )
    # E-mail that could not be sent (workbench/collab/mail.py): shown to administrators, never to the
    # person whose save caused it.
    db.execute(
        """
        CREATE TABLE mail_failures (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            recipient TEXT NOT NULL,
            subject TEXT NOT NULL,
            error TEXT NOT NULL
        )"""
    )
