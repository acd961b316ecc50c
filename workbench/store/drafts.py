"""Unsaved work that outlives a reload: drafts per browser session and open-mode settings (their SQL).

The owner of a draft is a hash of a secret only that browser holds: its session token when logged
in (`owner("session", token)`), its browser cookie in open workshop mode (`owner("browser", id)`).
Nobody else can name that owner, so nobody else reads the draft. Drafts expire; logging out drops
them at once. A draft is JSON the page wrote (the form's values and what it was filled from); the
store keeps it as text and never looks inside.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from workbench.clock import now as now_
from workbench.clock import stamp
from workbench.store.db import Address, open_backend, scope

DRAFT_LIFETIME = timedelta(hours=24)  # a workshop day and the evening after; a save ends it sooner
SETTING_LIFETIME = timedelta(days=30)
DraftKey = tuple[int, str]  # (dossier id, form id)


def owner(kind: str, secret: str) -> str:
    """Return the owner hash of a session token ("session") or a browser cookie ("browser")."""
    return hashlib.sha256(f"{kind}:{secret}".encode()).hexdigest()


class Drafts:
    """Keep, read and drop one owner's drafts and settings."""

    def __init__(self, address: Address, *, migrate: bool = True) -> None:
        self.backend = open_backend(address)  # a SQLite file, or a PostgreSQL server by URL
        if migrate:
            self.backend.prepare()

    def load(self, owner_hash: str, now: datetime | None = None) -> dict[DraftKey, str]:
        """Return the owner's drafts that have not expired, by (dossier, form)."""
        with self.backend.read() as db:
            rows = db.query(
                "SELECT dossier_id, form_id, data FROM drafts WHERE owner_hash = ? AND expires_at > ?",
                [owner_hash, stamp(now or now_())],
            )
            return {(int(r["dossier_id"]), str(r["form_id"])): str(r["data"]) for r in rows}

    def update(
        self, owner_hash: str, changes: dict[DraftKey, str | None], now: datetime | None = None
    ) -> None:
        """Write changed drafts and drop those given as None, in one transaction; expired ones go too."""
        if not changes:
            return
        now = now or now_()
        with self.backend.write(scope("drafts", owner_hash)) as db:  # one browser's own rows
            db.execute("DELETE FROM drafts WHERE expires_at <= ?", [stamp(now)])
            for (dossier_id, form_id), data in changes.items():
                if data is None:
                    db.execute(
                        "DELETE FROM drafts WHERE owner_hash = ? AND dossier_id = ? AND form_id = ?",
                        [owner_hash, dossier_id, form_id],
                    )
                    continue
                # A draft of a dossier deleted meanwhile has nothing to belong to: skip it.
                db.execute(
                    "INSERT INTO drafts (owner_hash, dossier_id, form_id, data, updated_at, expires_at)"
                    " SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM dossiers WHERE id = ?)"
                    " ON CONFLICT (owner_hash, dossier_id, form_id)"
                    " DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at,"
                    " expires_at = excluded.expires_at",
                    [
                        owner_hash,
                        dossier_id,
                        form_id,
                        data,
                        stamp(now),
                        stamp(now + DRAFT_LIFETIME),
                        dossier_id,
                    ],
                )

    def forget(self, owner_hash: str) -> None:
        """Drop every draft and setting of an owner (logging out)."""
        with self.backend.write(scope("drafts", owner_hash)) as db:  # one browser's own rows
            db.execute("DELETE FROM drafts WHERE owner_hash = ?", [owner_hash])
            db.execute("DELETE FROM browser_settings WHERE owner_hash = ?", [owner_hash])

    def setting(self, owner_hash: str, name: str, now: datetime | None = None) -> str | None:
        """Return one setting of an owner (e.g. the name typed in open workshop mode), or None."""
        with self.backend.read() as db:
            rows = list(
                db.query(
                    "SELECT value FROM browser_settings WHERE owner_hash = ? AND name = ? AND expires_at > ?",
                    [owner_hash, name, stamp(now or now_())],
                )
            )
            return str(rows[0]["value"]) if rows else None

    def set_setting(self, owner_hash: str, name: str, value: str, now: datetime | None = None) -> None:
        """Keep one setting of an owner for a while."""
        now = now or now_()
        with self.backend.write(scope("drafts", owner_hash)) as db:  # one browser's own rows
            db.execute("DELETE FROM browser_settings WHERE expires_at <= ?", [stamp(now)])
            db.execute(
                "INSERT INTO browser_settings (owner_hash, name, value, expires_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (owner_hash, name) DO UPDATE SET value = excluded.value,"
                " expires_at = excluded.expires_at",
                [owner_hash, name, value, stamp(now + SETTING_LIFETIME)],
            )
