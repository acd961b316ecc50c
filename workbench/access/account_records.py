"""People as records: accounts, sessions, memberships and invitations, and the refusals about them."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from workbench.access.permissions import DossierRole
from workbench.access.rate_limits import Throttled
from workbench.refusal import Refusal

# ---------------------------------------------------------------- errors


class AccountError(Refusal):
    """A refusal about accounts, logins or invitations; `reason` is a catalogue key."""


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


def digest(secret: str) -> str:
    """Return the stored form of a token or code: long and random, so a fast hash suffices."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def normalise_code(code: str) -> str:
    """Return an invitation code without spaces and dashes, upper-case (as people type it)."""
    return re.sub(r"[\s-]", "", code).upper()


def format_code(code: str) -> str:
    """Group a code in fours for reading aloud: ABCD-EFGH-..."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))
