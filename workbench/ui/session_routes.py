"""The app server's own HTTP routes for the session cookie, and the browser cookie they are bound to.

A Streamlit script run cannot set a cookie (it talks over a websocket), so:
- every page load without one gets a random browser cookie (`BrowserCookie` middleware): the
  browser's own secret, to which a login hand-over is bound and under which open workshop mode
  keeps the typed name and drafts;
- after a login the page sends the browser to `/auth/session?token=CODE&next=PATH`: the route
  redeems the one-time code (workbench/access/handoffs.py), sets the session cookie and sends the
  browser back to the same page and query;
- logging out ends the session in the page, then sends the browser to `/auth/session/end`, which
  removes a cookie whose session has ended (never a live one: a link from elsewhere cannot log
  anyone out).

The session cookie is HttpOnly (no script reads it), `SameSite=Strict` (another site's requests
never carry it; the redirects above start from this app's own page, so they do), `Secure` when the
app is served over https, and lives as long as the server session. Streamlit's own `/auth/login`
and `/auth/logout` (st.login, OIDC) are left alone. uvicorn's access log is off in Streamlit's
server, so the code appears in no log; the route answers with a redirect, so it does not stay in
the address bar or the history either.
"""

from __future__ import annotations

import logging
import re
import secrets
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from workbench.access.accounts import Accounts
from workbench.access.handoffs import Handoffs
from workbench.clock import now
from workbench.store.db import StorageFailure

SESSION_PATH = "/auth/session"
END_PATH = "/auth/session/end"
SESSION_COOKIE = "werkbank_session"
BROWSER_COOKIE = "werkbank_browser"
BROWSER_COOKIE_DAYS = 30
_COOKIE_VALUE = re.compile(r"^[A-Za-z0-9_-]{43}$")  # secrets.token_urlsafe(32)
_log = logging.getLogger(__name__)


def valid_cookie(value: object) -> bool:
    """Tell whether a cookie value is one this app could have set (anything else is ignored)."""
    return isinstance(value, str) and bool(_COOKIE_VALUE.match(value))


def local_target(target: str | None) -> str:
    """Return a path on this server to send the browser back to; anything else becomes the start page.

    Only "/..." paths with an optional query: no scheme, no host, no "//host", no backslashes
    (browsers read "/\\host" as another host), no control characters.
    """
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/"
    if "\\" in target or any(ord(c) < 0x20 or ord(c) == 0x7F for c in target):
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return "/"
    return target


def _database() -> str:
    from workbench.ui.common import db_path  # the same database as the pages ($WORKBENCH_DB, --db)

    return db_path()


def _https(request: Request) -> bool:
    return request.url.scheme == "https"


def _redirect(request: Request) -> RedirectResponse:
    response = RedirectResponse(local_target(request.query_params.get("next")), status_code=303)
    response.headers["Cache-Control"] = "no-store"
    return response


def hand_over(request: Request) -> Response:
    """Redeem a one-time code: set the session cookie, then back to the page the login started on."""
    response = _redirect(request)
    browser = request.cookies.get(BROWSER_COOKIE, "")
    try:
        handed = Handoffs(_database()).redeem(request.query_params.get("token", ""), browser)
    except StorageFailure as failure:  # the page will ask to log in again; nothing half-done
        _log.warning("session hand-over failed (%s)", failure.reason)
        return response
    if handed is None:
        return response  # refused codes say nothing: the page shows the login again
    response.set_cookie(
        SESSION_COOKIE,
        handed.token,
        max_age=max(int((handed.expires_at - now()).total_seconds()), 0),
        path="/",
        httponly=True,
        samesite="strict",
        secure=_https(request),
    )
    return response


def end_session(request: Request) -> Response:
    """Remove the session cookie once its session has ended (the page ended it), then go on."""
    response = _redirect(request)
    token = request.cookies.get(SESSION_COOKIE)
    if token is None:
        return response
    try:
        ended = not valid_cookie(token) or Accounts(_database()).user_for_token(token) is None
    except StorageFailure as failure:
        _log.warning("session end could not check the session (%s)", failure.reason)
        return response
    if ended:
        response.delete_cookie(
            SESSION_COOKIE, path="/", httponly=True, samesite="strict", secure=_https(request)
        )
    return response


def routes() -> list[BaseRoute]:
    """Return the session cookie's routes."""
    return [
        Route(END_PATH, end_session, methods=["GET"]),
        Route(SESSION_PATH, hand_over, methods=["GET"]),
    ]


def _cookies(scope: Scope) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            for part in value.decode("latin-1").split(";"):
                key, _, text = part.strip().partition("=")
                found.setdefault(key, text)
    return found


def browser_cookie_header(value: str, https: bool) -> bytes:
    """Return the Set-Cookie header of a new browser cookie."""
    attributes = [
        f"{BROWSER_COOKIE}={value}",
        "Path=/",
        f"Max-Age={BROWSER_COOKIE_DAYS * 86400}",
        "HttpOnly",
        # Lax: a link followed from a mail or chat (another site) must still carry it, or the
        # browser would get a new one and lose the drafts and name kept under the old one.
        "SameSite=Lax",
    ]
    if https:
        attributes.append("Secure")
    return "; ".join(attributes).encode("latin-1")


class BrowserCookie:
    """ASGI middleware: give every browser that loads a page (an HTML answer) its own random cookie."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or valid_cookie(_cookies(scope).get(BROWSER_COOKIE)):
            await self.app(scope, receive, send)
            return
        https = scope.get("scheme") == "https"

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                if content_type.startswith(b"text/html"):
                    headers.append((b"set-cookie", browser_cookie_header(secrets.token_urlsafe(32), https)))
                    message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_cookie)
