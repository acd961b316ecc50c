"""One-time hand-overs of a login into the browser's session cookie (the SQL of session_handoffs).

A Streamlit script run talks over a websocket and cannot set a cookie; the app's own HTTP route
can. So a login in the page offers a one-time code, the browser is sent to the route with it, and
the route redeems the code and sets the cookie. A code is used once (also when it is refused), lives
a minute, and is bound to the session it hands over and to the browser that asked for it (the hash
of that browser's own cookie): a code someone obtained for their own login does nothing in another
browser, so nobody can log someone else in under their account (login CSRF). Redeeming gives the
session a new token, the one only the cookie holds from then on.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from workbench.access.account_records import digest
from workbench.clock import moment, stamp
from workbench.clock import now as now_
from workbench.store.db import Address, open_backend

HANDOFF_LIFETIME = timedelta(minutes=1)  # the redirect follows at once; a minute covers a slow machine


@dataclass(frozen=True, slots=True)
class HandedOver:
    """The session's new token, for the cookie, and when the session ends."""

    token: str
    expires_at: datetime


class Handoffs:
    """Offer and redeem the one-time codes that move a session into a browser's cookie."""

    def __init__(self, address: Address, *, migrate: bool = True) -> None:
        self.backend = open_backend(address)  # a SQLite file, or a PostgreSQL server by URL
        if migrate:
            self.backend.prepare()

    def offer(self, session_token: str, browser: str, now: datetime | None = None) -> str | None:
        """Return a one-time code handing this live session to this browser (None: no such session)."""
        if not session_token or not browser:
            return None
        now = now or now_()
        code = secrets.token_urlsafe(32)
        with self.backend.write() as db:
            db.execute("DELETE FROM session_handoffs WHERE expires_at <= ?", [stamp(now)])
            live = list(
                db.query(
                    "SELECT 1 FROM sessions WHERE token_hash = ? AND expires_at > ?",
                    [digest(session_token), stamp(now)],
                )
            )
            if not live:
                return None
            db.execute(
                "INSERT INTO session_handoffs (code_hash, session_hash, browser_hash, expires_at)"
                " VALUES (?, ?, ?, ?)",
                [digest(code), digest(session_token), digest(browser), stamp(now + HANDOFF_LIFETIME)],
            )
        return code

    def redeem(self, code: str, browser: str, now: datetime | None = None) -> HandedOver | None:
        """Use a code once: the session gets a new token for the cookie; None when the code is refused.

        Unknown, used, expired, another browser's, or its session ended meanwhile: all refused alike.
        """
        if not code or not browser:
            return None
        now = now or now_()
        with self.backend.write() as db:
            rows = list(db.query("SELECT * FROM session_handoffs WHERE code_hash = ?", [digest(code)]))
            if not rows:
                return None
            row = rows[0]
            db.execute("DELETE FROM session_handoffs WHERE code_hash = ?", [row["code_hash"]])  # once
            if row["expires_at"] <= stamp(now) or not hmac.compare_digest(
                row["browser_hash"], digest(browser)
            ):
                return None
            token = secrets.token_urlsafe(32)
            changed = db.execute(
                "UPDATE sessions SET token_hash = ? WHERE token_hash = ? AND expires_at > ?",
                [digest(token), row["session_hash"], stamp(now)],
            ).rowcount
            if changed != 1:
                return None
            [session] = db.query("SELECT expires_at FROM sessions WHERE token_hash = ?", [digest(token)])
            # Other codes of the same session (a second click) die with the old token.
            db.execute("DELETE FROM session_handoffs WHERE session_hash = ?", [row["session_hash"]])
        return HandedOver(token=token, expires_at=moment(session["expires_at"]))
