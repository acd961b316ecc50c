"""Who works on which dossier: memberships with their role, and one-time invitations to join.

The last coordinator of a dossier cannot leave or lose that role; an invitation code is shown
once and only its hash is kept. Accounts (accounts.py) inherit these methods.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from workbench.access.account_records import (
    AccountError,
    Invitation,
    InvitationInvalid,
    LastCoordinator,
    Membership,
    digest,
    normalise_code,
)
from workbench.access.permissions import DossierRole
from workbench.clock import now as now_
from workbench.clock import stamp
from workbench.dossier.records import DossierNotFound
from workbench.store.db import Backend, Connection
from workbench.store.rows import record

INVITATION_LIFETIME = timedelta(days=7)
MAX_INVITATION_LIFETIME = timedelta(days=90)
# No 0/O, 1/I/L: codes are read aloud and typed over in workshops.
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
_CODE_LENGTH = 16


class Memberships:
    """The SQL of memberships and invitations in one database."""

    backend: Backend

    def role_of(self, dossier_id: int, user_id: int) -> DossierRole | None:
        with self.backend.read() as db:
            return role_in(db, dossier_id, user_id)

    def roles_of(self, user_id: int) -> dict[int, DossierRole]:
        """Return every dossier a person is a member of, with their role there."""
        with self.backend.read() as db:
            rows = db.query("SELECT dossier_id, role FROM memberships WHERE user_id = ?", [user_id])
            return {r["dossier_id"]: DossierRole(r["role"]) for r in rows}

    def members(self, dossier_id: int) -> list[Membership]:
        with self.backend.read() as db:
            rows = db.query(
                "SELECT memberships.*, users.email, users.display_name FROM memberships"
                " JOIN users ON users.id = memberships.user_id WHERE dossier_id = ?"
                " ORDER BY memberships.role, users.email",
                [dossier_id],
            )
            return [record(Membership, r) for r in rows]

    def set_member(
        self, dossier_id: int, user_id: int, role: DossierRole, by: str, now: datetime | None = None
    ) -> None:
        """Add a person to a dossier or change their role."""
        role = DossierRole(role)
        with self.backend.write() as db:
            _require_dossier(db, dossier_id)
            self._put_member(db, dossier_id, user_id, role, by, now or now_())

    def _put_member(
        self, db: Connection, dossier_id: int, user_id: int, role: DossierRole, by: str, now: datetime
    ) -> None:
        current = list(
            db.query(
                "SELECT role FROM memberships WHERE dossier_id = ? AND user_id = ?", [dossier_id, user_id]
            )
        )
        if current:
            if current[0]["role"] == DossierRole.COORDINATOR and role != DossierRole.COORDINATOR:
                _keep_a_coordinator(db, dossier_id)
            db.execute(
                "UPDATE memberships SET role = ? WHERE dossier_id = ? AND user_id = ?",
                [role.value, dossier_id, user_id],
            )
        else:
            db.execute(
                "INSERT INTO memberships (dossier_id, user_id, role, added_at, added_by)"
                " VALUES (?, ?, ?, ?, ?)",
                [dossier_id, user_id, role.value, stamp(now), by],
            )

    def remove_member(self, dossier_id: int, user_id: int) -> None:
        """Take a person off a dossier; the last coordinator cannot be removed."""
        with self.backend.write() as db:
            current = list(
                db.query(
                    "SELECT role FROM memberships WHERE dossier_id = ? AND user_id = ?", [dossier_id, user_id]
                )
            )
            if current and current[0]["role"] == DossierRole.COORDINATOR:
                _keep_a_coordinator(db, dossier_id)
            db.execute("DELETE FROM memberships WHERE dossier_id = ? AND user_id = ?", [dossier_id, user_id])

    # ------------------------------------------------------------ invitations

    def create_invitation(
        self,
        dossier_id: int,
        role: DossierRole,
        by: str,
        valid_for: timedelta = INVITATION_LIFETIME,
        now: datetime | None = None,
    ) -> tuple[str, Invitation]:
        """Create a one-time code for joining a dossier; the code is returned once, never stored."""
        if not timedelta(0) < valid_for <= MAX_INVITATION_LIFETIME:
            raise AccountError("members.invalid_days", max=MAX_INVITATION_LIFETIME.days)
        now = now or now_()
        code = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(_CODE_LENGTH))
        with self.backend.write() as db:
            _require_dossier(db, dossier_id)
            invitation_id = db.insert(
                "INSERT INTO invitations (code_hash, dossier_id, role, created_by, created_at, expires_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    digest(code),
                    dossier_id,
                    DossierRole(role).value,
                    by,
                    stamp(now),
                    stamp(now + valid_for),
                ],
            )
            row = db.query("SELECT * FROM invitations WHERE id = ?", [invitation_id])[0]
        return code, record(Invitation, row)

    def invitations(self, dossier_id: int) -> list[Invitation]:
        """List a dossier's invitations, newest first."""
        with self.backend.read() as db:
            rows = db.query("SELECT * FROM invitations WHERE dossier_id = ? ORDER BY id DESC", [dossier_id])
            return [record(Invitation, r) for r in rows]

    def revoke_invitation(self, dossier_id: int, invitation_id: int) -> None:
        with self.backend.write() as db:
            db.execute(
                "DELETE FROM invitations WHERE id = ? AND dossier_id = ? AND used_at IS NULL",
                [invitation_id, dossier_id],
            )

    def check_invitation(self, code: str, now: datetime | None = None) -> Invitation:
        """Return the invitation a code opens, or raise InvitationInvalid."""
        with self.backend.read() as db:
            return valid_invitation(db, code, now or now_())

    def accept_invitation(self, code: str, user_id: int, now: datetime | None = None) -> Invitation:
        """Use a code once: the person becomes a member with the invitation's role."""
        now = now or now_()
        with self.backend.write() as db:
            invitation = valid_invitation(db, code, now)
            self._put_member(db, invitation.dossier_id, user_id, invitation.role, "invitation", now)
            mark_used(db, invitation, user_id, now)
        return invitation


# ---------------------------------------------------------------- SQL helpers


def _require_dossier(db: Connection, dossier_id: int) -> None:
    if not list(db.query("SELECT 1 FROM dossiers WHERE id = ?", [dossier_id])):
        raise DossierNotFound(dossier_id)


def _keep_a_coordinator(db: Connection, dossier_id: int) -> None:
    count = next(
        iter(
            db.query(
                "SELECT count(*) AS n FROM memberships WHERE dossier_id = ? AND role = ?",
                [dossier_id, DossierRole.COORDINATOR.value],
            )
        )
    )["n"]
    if count <= 1:
        raise LastCoordinator()


def mark_used(db: Connection, invitation: Invitation, user_id: int, now: datetime) -> None:
    """Record that a person used an invitation: a code opens one door once."""
    cursor = db.execute(
        "UPDATE invitations SET used_by = ?, used_at = ? WHERE id = ? AND used_at IS NULL",
        [user_id, stamp(now), invitation.id],
    )
    if cursor.rowcount != 1:  # cannot happen: these writes take turns; refuse rather than reuse
        raise InvitationInvalid("invite.used")


def valid_invitation(db: Connection, code: str, now: datetime) -> Invitation:
    """Return the invitation a code opens (InvitationInvalid: unknown, used or expired)."""
    rows = list(db.query("SELECT * FROM invitations WHERE code_hash = ?", [digest(normalise_code(code))]))
    if not rows:
        raise InvitationInvalid("invite.unknown")
    invitation = record(Invitation, rows[0])
    if invitation.used_at is not None:
        raise InvitationInvalid("invite.used")
    if invitation.expires_at <= now:
        raise InvitationInvalid("invite.expired")
    return invitation


def role_in(db: Connection, dossier_id: int, user_id: int) -> DossierRole | None:
    """Return a person's role in one dossier, read on an open connection (None: not a member)."""
    rows = db.query(
        "SELECT role FROM memberships WHERE dossier_id = ? AND user_id = ?", [dossier_id, user_id]
    )
    return DossierRole(rows[0]["role"]) if rows else None
