"""People: accounts, local login with argon2 and rate limiting, sessions, memberships, invitations.

Nothing secret is stored in clear: passwords as argon2 hashes, session tokens and invitation
codes as SHA-256 of random values (they are long and random, so a fast hash suffices and a
lookup stays an index hit). Authorisation is not decided here: see workbench.workspace.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlite_utils import Database

from workbench.access import DossierRole
from workbench.db import connect, prepare, write
from workbench.fields import clean_line
from workbench.rate_limits import LOCAL_CLIENT, Limiter, LoginGuard, LoginLimits, Throttled, rule
from workbench.store import DossierNotFound, StoreError

DEFAULT_LOGIN_LIMITS = LoginLimits()
# The limit of one email from one client, as numbers (tests and messages use them).
_FIRST = rule(DEFAULT_LOGIN_LIMITS.per_account_and_client, "login_account_client")
MAX_FAILURES = _FIRST.amount  # wrong logins per email and client ...
FAILURE_WINDOW = timedelta(seconds=_FIRST.get_expiry())  # ... within this window, then a wait
SESSION_LIFETIME = timedelta(hours=12)  # a workshop day
INVITATION_LIFETIME = timedelta(days=7)
MAX_INVITATION_LIFETIME = timedelta(days=90)
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024
# No 0/O, 1/I/L: codes are read aloud and typed over in workshops.
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
_CODE_LENGTH = 16
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


# ---------------------------------------------------------------- errors


class AccountError(StoreError):
    """A refusal about accounts, logins or invitations; `reason` is a catalogue key."""

    def __init__(self, reason: str, **params: Any) -> None:
        super().__init__(f"{reason} {params}" if params else reason)
        self.reason = reason
        self.params = params


class LoginFailed(AccountError):
    """Unknown email, wrong password or disabled account: deliberately one message for all."""

    def __init__(self) -> None:
        super().__init__("auth.login_failed")


class LoginThrottled(AccountError):
    """Too many wrong logins for this email or from this client: wait before trying again."""

    def __init__(self, retry_after: timedelta) -> None:
        minutes = Throttled(retry_after).minutes
        super().__init__("auth.throttled" if minutes > 1 else "auth.throttled_minute", minutes=minutes)
        self.retry_after = retry_after


class InvitationInvalid(AccountError):
    """An invitation code that is unknown, already used or expired."""


class LastCoordinator(AccountError):
    """A change that would leave a dossier without any coordinator."""

    def __init__(self) -> None:
        super().__init__("members.last_coordinator")


# ---------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class User:
    id: int
    email: str
    display_name: str
    is_admin: bool
    disabled: bool
    has_password: bool

    @property
    def label(self) -> str:
        """Return the name recorded in history and shown beside comments."""
        return self.display_name or self.email


@dataclass(frozen=True, slots=True)
class Session:
    token: str  # given to the browser session once; only its hash is stored
    user: User
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class Membership:
    dossier_id: int
    user_id: int
    email: str
    display_name: str
    role: DossierRole
    added_at: datetime
    added_by: str


@dataclass(frozen=True, slots=True)
class Invitation:
    id: int
    dossier_id: int
    role: DossierRole
    created_by: str
    created_at: datetime
    expires_at: datetime
    used_by: int | None
    used_at: datetime | None


def _now() -> datetime:
    return datetime.now(UTC)


def _ts(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def normalise_email(email: str) -> str:
    """Return the email as stored: trimmed and lower-case."""
    return email.strip().lower()


def normalise_code(code: str) -> str:
    """Return an invitation code without spaces and dashes, upper-case (as people type it)."""
    return re.sub(r"[\s-]", "", code).upper()


def format_code(code: str) -> str:
    """Group a code in fours for reading aloud: ABCD-EFGH-..."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def check_password(password: str) -> None:
    """Refuse a password that is too short or absurdly long."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError("auth.password_too_short", min=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccountError("auth.password_too_long", max=MAX_PASSWORD_LENGTH)


class Accounts:
    """The SQL of people: users, login failures, sessions, memberships and invitations."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        hasher: PasswordHasher | None = None,
        *,
        migrate: bool = True,
        limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
    ) -> None:
        self.path = Path(path)
        self.hasher = hasher or PasswordHasher()
        self.limits = limits
        if migrate:  # False when the caller has just prepared the same file
            prepare(self.path)

    @cached_property
    def _dummy_hash(self) -> str:
        # Verified against for unknown emails, so they cost as much time as a wrong password.
        return self.hasher.hash(secrets.token_urlsafe(16))

    # ------------------------------------------------------------ users

    def any_users(self) -> bool:
        """Tell whether any account exists (none: the app runs in open workshop mode)."""
        with connect(self.path) as db:
            return bool(list(db.query("SELECT 1 FROM users LIMIT 1")))

    def add_user(
        self,
        email: str,
        display_name: str = "",
        password: str | None = None,
        *,
        admin: bool = False,
        now: datetime | None = None,
    ) -> User:
        """Create an account; without a password it can only log in through OIDC."""
        email, name = _account_fields(email, display_name)
        if password is not None:
            check_password(password)
        hashed = self.hasher.hash(password) if password is not None else None
        with write(self.path) as db:
            return _insert_user(db, email, name, hashed, admin, now or _now())

    def get_user(self, user_id: int) -> User | None:
        with connect(self.path) as db:
            rows = _user_rows(db, "id = ?", [user_id])
            return _user(rows[0]) if rows else None

    def find_user(self, email: str) -> User | None:
        with connect(self.path) as db:
            rows = _user_rows(db, "email = ?", [normalise_email(email)])
            return _user(rows[0]) if rows else None

    def list_users(self) -> list[User]:
        with connect(self.path) as db:
            return [_user(r) for r in db.query("SELECT * FROM users ORDER BY email")]

    def set_password(self, user_id: int, password: str) -> None:
        """Replace a password; every open session of the account ends."""
        check_password(password)
        hashed = self.hasher.hash(password)
        with write(self.path) as db:
            db.execute("UPDATE users SET password_hash = ? WHERE id = ?", [hashed, user_id])
            db.execute("DELETE FROM sessions WHERE user_id = ?", [user_id])

    def set_disabled(self, user_id: int, disabled: bool) -> None:
        """Disable (or enable) an account; disabling ends its sessions."""
        with write(self.path) as db:
            db.execute("UPDATE users SET disabled = ? WHERE id = ?", [int(disabled), user_id])
            if disabled:
                db.execute("DELETE FROM sessions WHERE user_id = ?", [user_id])

    def set_admin(self, user_id: int, admin: bool) -> None:
        with write(self.path) as db:
            db.execute("UPDATE users SET is_admin = ? WHERE id = ?", [int(admin), user_id])

    # ------------------------------------------------------------ logging in

    def login(
        self, email: str, password: str, client: str = LOCAL_CLIENT, now: datetime | None = None
    ) -> Session:
        """Check a password and open a session; the attempt is counted before the check runs.

        `client` is the browser's address (rate_limits.client_key). The attempt takes its place in
        every login limit in atomic transactions first, as a failure, and only then does argon2 run
        (about a second): parallel tabs and processes cannot all pass a check that is still open.
        """
        now = now or _now()
        email = normalise_email(email)
        guard = LoginGuard(Limiter(self.path, now), self.limits)
        try:
            reservation = guard.reserve(email, client)
        except Throttled as throttled:
            # Not even a correct password gets through while throttled: no oracle for guessing.
            raise LoginThrottled(throttled.retry_after) from None
        with connect(self.path) as db:
            rows = _user_rows(db, "email = ?", [email])
        row = rows[0] if rows else None
        stored = row["password_hash"] if row and row["password_hash"] else self._dummy_hash
        try:
            self.hasher.verify(stored, password)
            ok = row is not None and bool(row["password_hash"]) and not row["disabled"]
        except (VerificationError, InvalidHashError):
            ok = False
        if not ok or row is None:
            raise LoginFailed()  # the reserved place stays: a counted failure
        upgraded = self.hasher.hash(password) if self.hasher.check_needs_rehash(stored) else None
        with write(self.path) as db:
            # argon2 took a while: the password may have changed (or the account been disabled)
            # since it was read. Then this login checked a password that no longer opens anything.
            current = _user_rows(db, "id = ?", [row["id"]])
            if not current or current[0]["password_hash"] != stored or current[0]["disabled"]:
                raise LoginFailed()
            if upgraded is not None:
                db.execute("UPDATE users SET password_hash = ? WHERE id = ?", [upgraded, row["id"]])
            session = _insert_session(db, _user(current[0]), now)
        guard.succeeded(reservation, email, client)
        return session

    def failed_logins(self, email: str, client: str = LOCAL_CLIENT, now: datetime | None = None) -> int:
        """Return how many failed logins for an email from one client count now."""
        guard = LoginGuard(Limiter(self.path, now), self.limits)
        return guard.failures(normalise_email(email), client)

    def login_external(self, email: str, now: datetime | None = None) -> Session:
        """Open a session for someone an OIDC provider vouched for; the account must exist."""
        user = self.find_user(email)
        if user is None or user.disabled:
            raise LoginFailed()
        return self._open_session(user, now or _now())

    def _open_session(self, user: User, now: datetime) -> Session:
        with write(self.path) as db:
            return _insert_session(db, user, now)

    def user_for_token(self, token: str | None, now: datetime | None = None) -> User | None:
        """Return the person a session token belongs to, or None (unknown, ended, expired, disabled)."""
        if not token:
            return None
        with connect(self.path) as db:
            rows = list(
                db.query(
                    "SELECT users.* FROM sessions JOIN users ON users.id = sessions.user_id"
                    " WHERE sessions.token_hash = ? AND sessions.expires_at > ? AND users.disabled = 0",
                    [_digest(token), (now or _now()).isoformat()],
                )
            )
        return _user(rows[0]) if rows else None

    def logout(self, token: str | None) -> None:
        """End a session: the token no longer opens anything."""
        if token:
            with write(self.path) as db:
                db.execute("DELETE FROM sessions WHERE token_hash = ?", [_digest(token)])

    # ------------------------------------------------------------ memberships

    def role_of(self, dossier_id: int, user_id: int) -> DossierRole | None:
        with connect(self.path) as db:
            rows = list(
                db.query(
                    "SELECT role FROM memberships WHERE dossier_id = ? AND user_id = ?", [dossier_id, user_id]
                )
            )
        return DossierRole(rows[0]["role"]) if rows else None

    def roles_of(self, user_id: int) -> dict[int, DossierRole]:
        """Return every dossier a person is a member of, with their role there."""
        with connect(self.path) as db:
            rows = db.query("SELECT dossier_id, role FROM memberships WHERE user_id = ?", [user_id])
            return {r["dossier_id"]: DossierRole(r["role"]) for r in rows}

    def members(self, dossier_id: int) -> list[Membership]:
        with connect(self.path) as db:
            rows = db.query(
                "SELECT memberships.*, users.email, users.display_name FROM memberships"
                " JOIN users ON users.id = memberships.user_id WHERE dossier_id = ?"
                " ORDER BY memberships.role, users.email",
                [dossier_id],
            )
            return [_membership(r) for r in rows]

    def set_member(
        self, dossier_id: int, user_id: int, role: DossierRole, by: str, now: datetime | None = None
    ) -> None:
        """Add a person to a dossier or change their role."""
        role = DossierRole(role)
        with write(self.path) as db:
            _require_dossier(db, dossier_id)
            self._put_member(db, dossier_id, user_id, role, by, now or _now())

    def _put_member(
        self, db: Database, dossier_id: int, user_id: int, role: DossierRole, by: str, now: datetime
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
                [dossier_id, user_id, role.value, now.isoformat(), by],
            )

    def remove_member(self, dossier_id: int, user_id: int) -> None:
        """Take a person off a dossier; the last coordinator cannot be removed."""
        with write(self.path) as db:
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
        now = now or _now()
        code = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(_CODE_LENGTH))
        with write(self.path) as db:
            _require_dossier(db, dossier_id)
            cursor = db.execute(
                "INSERT INTO invitations (code_hash, dossier_id, role, created_by, created_at, expires_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    _digest(code),
                    dossier_id,
                    DossierRole(role).value,
                    by,
                    now.isoformat(),
                    (now + valid_for).isoformat(),
                ],
            )
            row = next(iter(db.query("SELECT * FROM invitations WHERE id = ?", [cursor.lastrowid])))
        return code, _invitation(row)

    def invitations(self, dossier_id: int) -> list[Invitation]:
        """List a dossier's invitations, newest first."""
        with connect(self.path) as db:
            rows = db.query("SELECT * FROM invitations WHERE dossier_id = ? ORDER BY id DESC", [dossier_id])
            return [_invitation(r) for r in rows]

    def revoke_invitation(self, dossier_id: int, invitation_id: int) -> None:
        with write(self.path) as db:
            db.execute(
                "DELETE FROM invitations WHERE id = ? AND dossier_id = ? AND used_at IS NULL",
                [invitation_id, dossier_id],
            )

    def check_invitation(self, code: str, now: datetime | None = None) -> Invitation:
        """Return the invitation a code opens, or raise InvitationInvalid."""
        with connect(self.path) as db:
            return _valid_invitation(db, code, now or _now())

    def register_with_invitation(
        self, code: str, email: str, display_name: str, password: str, now: datetime | None = None
    ) -> tuple[Session, Invitation]:
        """Create an account with an invitation code, join its dossier and log in (no open sign-up).

        Using the code, creating the account, the membership and the session happen in one
        transaction: of many people using one code at once, one gets in and nothing is left of
        the others. Only the slow password hash comes before it.
        """
        now = now or _now()
        email, name = _account_fields(email, display_name)
        check_password(password)
        self.check_invitation(code, now)  # a cheap refusal before argon2 runs
        hashed = self.hasher.hash(password)
        with write(self.path) as db:
            invitation = _valid_invitation(db, code, now)
            user = _insert_user(db, email, name, hashed, False, now)
            self._put_member(db, invitation.dossier_id, user.id, invitation.role, "invitation", now)
            _mark_used(db, invitation, user.id, now)
            return _insert_session(db, user, now), invitation

    def accept_invitation(self, code: str, user_id: int, now: datetime | None = None) -> Invitation:
        """Use a code once: the person becomes a member with the invitation's role."""
        now = now or _now()
        with write(self.path) as db:
            invitation = _valid_invitation(db, code, now)
            self._put_member(db, invitation.dossier_id, user_id, invitation.role, "invitation", now)
            _mark_used(db, invitation, user_id, now)
        return invitation


# ---------------------------------------------------------------- SQL helpers


def _user_rows(db: Database, where: str, params: list[Any]) -> list[dict[str, Any]]:
    return list(db.query(f"SELECT * FROM users WHERE {where}", params))


def _account_fields(email: str, display_name: str) -> tuple[str, str]:
    """Return the email and name as stored, or refuse an email that cannot be one."""
    email = normalise_email(email)
    if not _EMAIL.match(email) or len(email) > 254:
        raise AccountError("auth.invalid_email")
    return email, " ".join(clean_line(display_name).split())[:120]


def _insert_user(db: Database, email: str, name: str, hashed: str | None, admin: bool, now: datetime) -> User:
    if _user_rows(db, "email = ?", [email]):
        raise AccountError("auth.account_exists", email=email)
    cursor = db.execute(
        "INSERT INTO users (email, display_name, password_hash, is_admin, disabled, created_at)"
        " VALUES (?, ?, ?, ?, 0, ?)",
        [email, name, hashed, int(admin), now.isoformat()],
    )
    return _user(_user_rows(db, "id = ?", [cursor.lastrowid])[0])


def _insert_session(db: Database, user: User, now: datetime) -> Session:
    token = secrets.token_urlsafe(32)
    expires = now + SESSION_LIFETIME
    db.execute("DELETE FROM sessions WHERE expires_at <= ?", [now.isoformat()])
    db.execute(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        [_digest(token), user.id, now.isoformat(), expires.isoformat()],
    )
    return Session(token=token, user=user, expires_at=expires)


def _require_dossier(db: Database, dossier_id: int) -> None:
    if not list(db.query("SELECT 1 FROM dossiers WHERE id = ?", [dossier_id])):
        raise DossierNotFound(dossier_id)


def _keep_a_coordinator(db: Database, dossier_id: int) -> None:
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


def _mark_used(db: Database, invitation: Invitation, user_id: int, now: datetime) -> None:
    cursor = db.execute(
        "UPDATE invitations SET used_by = ?, used_at = ? WHERE id = ? AND used_at IS NULL",
        [user_id, now.isoformat(), invitation.id],
    )
    if cursor.rowcount != 1:  # cannot happen under BEGIN IMMEDIATE; refuse rather than reuse
        raise InvitationInvalid("invite.used")


def _valid_invitation(db: Database, code: str, now: datetime) -> Invitation:
    rows = list(db.query("SELECT * FROM invitations WHERE code_hash = ?", [_digest(normalise_code(code))]))
    if not rows:
        raise InvitationInvalid("invite.unknown")
    invitation = _invitation(rows[0])
    if invitation.used_at is not None:
        raise InvitationInvalid("invite.used")
    if invitation.expires_at <= now:
        raise InvitationInvalid("invite.expired")
    return invitation


def _user(row: dict[str, Any]) -> User:
    return User(
        id=row["id"],
        email=row["email"],
        display_name=row["display_name"],
        is_admin=bool(row["is_admin"]),
        disabled=bool(row["disabled"]),
        has_password=bool(row["password_hash"]),
    )


def _membership(row: dict[str, Any]) -> Membership:
    return Membership(
        dossier_id=row["dossier_id"],
        user_id=row["user_id"],
        email=row["email"],
        display_name=row["display_name"],
        role=DossierRole(row["role"]),
        added_at=_ts(row["added_at"]),
        added_by=row["added_by"],
    )


def _invitation(row: dict[str, Any]) -> Invitation:
    return Invitation(
        id=row["id"],
        dossier_id=row["dossier_id"],
        role=DossierRole(row["role"]),
        created_by=row["created_by"],
        created_at=_ts(row["created_at"]),
        expires_at=_ts(row["expires_at"]),
        used_by=row["used_by"],
        used_at=_ts(row["used_at"]) if row["used_at"] else None,
    )
