"""Migrations 6 and 7: rate limits, browser sessions, drafts and browser settings."""

from __future__ import annotations

from sqlite_utils import Database

import workbench.store.migrations.base  # noqa: F401  (its migrations come first: registration order is the order)
from workbench.store.migrations.registry import migrations


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
