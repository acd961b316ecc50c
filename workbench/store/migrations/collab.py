"""Migrations from 8 on: working together (vote phase, suggestions, inbox, review pins, ...)."""

from __future__ import annotations

from sqlite_utils import Database

import workbench.store.migrations.sessions  # noqa: F401  (its migrations come first: registration order is the order)
from workbench.store.migrations.registry import migrations


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


@migrations()
def m010_review_pins(db: Database) -> None:
    # A thread can pin one item of a list (a target group, a partner, a digipunt) by its stable key,
    # and a verdict remembers the dossier revision it judged, so a later edit makes it stale.
    db.execute("ALTER TABLE comment_threads ADD COLUMN item TEXT")
    db.execute("ALTER TABLE section_reviews ADD COLUMN revision INTEGER")


@migrations()
def m011_consent_rounds(db: Database) -> None:
    # A consent round on the phones (collab/consent_round.py): the facilitator opens it on some
    # sections; each phone represents one partner; their words are consents carrying the round.
    db.execute(
        """
        CREATE TABLE consent_rounds (
            id INTEGER PRIMARY KEY,
            workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            sections TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
            opened_by TEXT NOT NULL,
            opened_at TEXT NOT NULL,
            closed_by TEXT,
            closed_at TEXT
        )"""
    )
    # One open round per workshop, also when two facilitators' tabs open one at the same moment.
    db.execute(
        "CREATE UNIQUE INDEX consent_rounds_one_open ON consent_rounds (workshop_id) WHERE status = 'open'"
    )
    # One representative per partner per round, and one partner per phone.
    db.execute(
        """
        CREATE TABLE consent_representatives (
            round_id INTEGER NOT NULL REFERENCES consent_rounds(id) ON DELETE CASCADE,
            partner_id TEXT NOT NULL,
            participant_id INTEGER NOT NULL REFERENCES workshop_participants(id) ON DELETE CASCADE,
            claimed_at TEXT NOT NULL,
            PRIMARY KEY (round_id, partner_id),
            UNIQUE (round_id, participant_id)
        )"""
    )
    db.execute(
        "ALTER TABLE consents ADD COLUMN round_id INTEGER REFERENCES consent_rounds(id) ON DELETE SET NULL"
    )


@migrations()
def m012_recorded_by_account(db: Database) -> None:
    # A verdict and a generated document keep the account that made them, as comments do: the
    # inbox leaves out a person's own by account, not by a display name two people may share.
    db.execute("ALTER TABLE section_reviews ADD COLUMN by_id INTEGER REFERENCES users(id) ON DELETE SET NULL")
    db.execute("ALTER TABLE documents ADD COLUMN by_id INTEGER REFERENCES users(id) ON DELETE SET NULL")
