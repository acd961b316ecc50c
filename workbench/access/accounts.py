"""People: accounts, local login with argon2 and rate limiting, sessions; memberships.py: who works where.

Nothing secret is stored in clear: passwords as argon2 hashes, session tokens and invitation
codes as SHA-256 of random values (they are long and random, so a fast hash suffices and a
lookup stays an index hit). Authorisation is not decided here: see workbench.workspace.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timedelta
from functools import cached_property
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from workbench.access.account_records import (
    AccountError,
    Invitation,
    LoginFailed,
    LoginThrottled,
    Session,
    User,
    digest,
)
from workbench.access.memberships import Memberships, mark_used, role_in, valid_invitation
from workbench.access.permissions import DossierRole
from workbench.access.rate_limits import LOCAL_CLIENT, Limiter, LoginGuard, LoginLimits, Throttled, rule
from workbench.clock import now as now_
from workbench.clock import stamp
from workbench.dossier.fields import clean_line
from workbench.store.db import Address, Connection, open_backend
from workbench.store.rows import record

DEFAULT_LOGIN_LIMITS = LoginLimits()
# The limit of one email from one client, as numbers (tests and messages use them).
_FIRST = rule(DEFAULT_LOGIN_LIMITS.per_account_and_client, "login_account_client")
MAX_FAILURES = _FIRST.amount  # wrong logins per email and client ...
FAILURE_WINDOW = timedelta(seconds=_FIRST.get_expiry())  # ... within this window, then a wait
SESSION_LIFETIME = timedelta(hours=12)  # a workshop day
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalise_email(email: str) -> str:
    """Return the email as stored: trimmed and lower-case."""
    return email.strip().lower()


def check_password(password: str) -> None:
    """Refuse a password that is too short or absurdly long."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError("auth.password_too_short", min=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccountError("auth.password_too_long", max=MAX_PASSWORD_LENGTH)


class Accounts(Memberships):
    """The SQL of people: users, login failures and sessions (Memberships adds who works where)."""

    def __init__(
        self,
        address: Address,
        hasher: PasswordHasher | None = None,
        *,
        migrate: bool = True,
        limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
    ) -> None:
        self.backend = open_backend(address)
        self.hasher = hasher or PasswordHasher()
        self.limits = limits
        if migrate:  # False when the caller has just prepared the same database
            self.backend.prepare()

    @cached_property
    def _dummy_hash(self) -> str:
        # Verified against for unknown emails, so they cost as much time as a wrong password.
        return self.hasher.hash(secrets.token_urlsafe(16))

    # ------------------------------------------------------------ users

    def any_users(self) -> bool:
        """Tell whether any account exists (none: the app runs in open workshop mode)."""
        with self.backend.read() as db:
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
        with self.backend.write() as db:
            return _insert_user(db, email, name, hashed, admin, now or now_())

    def get_user(self, user_id: int) -> User | None:
        with self.backend.read() as db:
            rows = _user_rows(db, "id = ?", [user_id])
            return _user(rows[0]) if rows else None

    def standing(self, user_id: int, dossier_id: int) -> tuple[User | None, DossierRole | None]:
        """Return an account as it is now and its role in one dossier, read together (every check asks)."""
        with self.backend.read() as db:
            rows = _user_rows(db, "id = ?", [user_id])
            if not rows:
                return None, None
            return _user(rows[0]), role_in(db, dossier_id, user_id)

    def find_user(self, email: str) -> User | None:
        with self.backend.read() as db:
            rows = _user_rows(db, "email = ?", [normalise_email(email)])
            return _user(rows[0]) if rows else None

    def list_users(self) -> list[User]:
        with self.backend.read() as db:
            return [_user(r) for r in db.query("SELECT * FROM users ORDER BY email")]

    def set_password(self, user_id: int, password: str) -> None:
        """Replace a password; every open session of the account ends."""
        check_password(password)
        hashed = self.hasher.hash(password)
        with self.backend.write() as db:
            db.execute("UPDATE users SET password_hash = ? WHERE id = ?", [hashed, user_id])
            db.execute("DELETE FROM sessions WHERE user_id = ?", [user_id])

    def set_disabled(self, user_id: int, disabled: bool) -> None:
        """Disable (or enable) an account; disabling ends its sessions."""
        with self.backend.write() as db:
            db.execute("UPDATE users SET disabled = ? WHERE id = ?", [int(disabled), user_id])
            if disabled:
                db.execute("DELETE FROM sessions WHERE user_id = ?", [user_id])

    def set_admin(self, user_id: int, admin: bool) -> None:
        with self.backend.write() as db:
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
        now = now or now_()
        email = normalise_email(email)
        guard = LoginGuard(Limiter(self.backend, now), self.limits)
        try:
            reservation = guard.reserve(email, client)
        except Throttled as throttled:
            # Not even a correct password gets through while throttled: no oracle for guessing.
            raise LoginThrottled(throttled.retry_after) from None
        with self.backend.read() as db:
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
        with self.backend.write() as db:
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
        guard = LoginGuard(Limiter(self.backend, now), self.limits)
        return guard.failures(normalise_email(email), client)

    def login_external(self, email: str, now: datetime | None = None) -> Session:
        """Open a session for someone an OIDC provider vouched for; the account must exist."""
        user = self.find_user(email)
        if user is None or user.disabled:
            raise LoginFailed()
        return self._open_session(user, now or now_())

    def _open_session(self, user: User, now: datetime) -> Session:
        with self.backend.write() as db:
            return _insert_session(db, user, now)

    def user_for_token(self, token: str | None, now: datetime | None = None) -> User | None:
        """Return the person a session token belongs to, or None (unknown, ended, expired, disabled)."""
        if not token:
            return None
        with self.backend.read() as db:
            rows = list(
                db.query(
                    "SELECT users.* FROM sessions JOIN users ON users.id = sessions.user_id"
                    " WHERE sessions.token_hash = ? AND sessions.expires_at > ? AND users.disabled = 0",
                    [digest(token), stamp(now or now_())],
                )
            )
        return _user(rows[0]) if rows else None

    def logout(self, token: str | None) -> None:
        """End a session: the token no longer opens anything."""
        if token:
            with self.backend.write() as db:
                db.execute("DELETE FROM sessions WHERE token_hash = ?", [digest(token)])

    def register_with_invitation(
        self, code: str, email: str, display_name: str, password: str, now: datetime | None = None
    ) -> tuple[Session, Invitation]:
        """Create an account with an invitation code, join its dossier and log in (no open sign-up).

        Using the code, creating the account, the membership and the session happen in one
        transaction: of many people using one code at once, one gets in and nothing is left of
        the others. Only the slow password hash comes before it.
        """
        now = now or now_()
        email, name = _account_fields(email, display_name)
        check_password(password)
        self.check_invitation(code, now)  # a cheap refusal before argon2 runs
        hashed = self.hasher.hash(password)
        with self.backend.write() as db:
            invitation = valid_invitation(db, code, now)
            user = _insert_user(db, email, name, hashed, False, now)
            self._put_member(db, invitation.dossier_id, user.id, invitation.role, "invitation", now)
            mark_used(db, invitation, user.id, now)
            return _insert_session(db, user, now), invitation


# ---------------------------------------------------------------- SQL helpers


def _user_rows(db: Connection, where: str, params: list[Any]) -> list[dict[str, Any]]:
    return list(db.query(f"SELECT * FROM users WHERE {where}", params))


def _account_fields(email: str, display_name: str) -> tuple[str, str]:
    """Return the email and name as stored, or refuse an email that cannot be one."""
    email = normalise_email(email)
    if not _EMAIL.match(email) or len(email) > 254:
        raise AccountError("auth.invalid_email")
    return email, " ".join(clean_line(display_name).split())[:120]


def _insert_user(
    db: Connection, email: str, name: str, hashed: str | None, admin: bool, now: datetime
) -> User:
    if _user_rows(db, "email = ?", [email]):
        raise AccountError("auth.account_exists", email=email)
    user_id = db.insert(
        "INSERT INTO users (email, display_name, password_hash, is_admin, disabled, created_at)"
        " VALUES (?, ?, ?, ?, 0, ?)",
        [email, name, hashed, int(admin), stamp(now)],
    )
    return _user(_user_rows(db, "id = ?", [user_id])[0])


def _insert_session(db: Connection, user: User, now: datetime) -> Session:
    token = secrets.token_urlsafe(32)
    expires = now + SESSION_LIFETIME
    db.execute("DELETE FROM sessions WHERE expires_at <= ?", [stamp(now)])
    db.execute(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        [digest(token), user.id, stamp(now), stamp(expires)],
    )
    return Session(token=token, user=user, expires_at=expires)


def _user(row: dict[str, Any]) -> User:
    return record(User, row, has_password=bool(row["password_hash"]))
