"""The app server: Streamlit's st.App with security headers on every response it sends.

`streamlit run streamlit_app.py` finds the `app = App(...)` in streamlit_app.py (Streamlit looks
for it in the source, without running it) and serves it through uvicorn; that App runs the same
file as the script of every session. Its own routes (the session cookie) are in session_routes.py.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import streamlit
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from workbench.network import page
from workbench.store.db import health
from workbench.ui import session_routes
from workbench.ui.common import db_path

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def _sha256(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


@cache
def streamlit_inline_scripts() -> tuple[str, ...]:
    """Return the hashes of the inline scripts of Streamlit's own index.html (it has one)."""
    index = Path(streamlit.__file__).parent / "static" / "index.html"
    return tuple(_sha256(body) for body in _INLINE_SCRIPT.findall(index.read_text(encoding="utf-8")))


def content_security_policy() -> str:
    """Return the policy of every response: what Streamlit's frontend needs from this server, no more.

    Each source was found by removing it and watching the browser suite report the violation.
    """
    directives = {
        "default-src": ["'self'"],
        # Streamlit's bundles; the one inline script of its index.html; the graph page's scripts
        # (an srcdoc iframe inherits this policy); WebAssembly that protobuf's long.js compiles.
        "script-src": [
            "'self'",
            "'wasm-unsafe-eval'",
            *streamlit_inline_scripts(),
            *page.script_hashes(),
        ],
        # Emotion and styled-components write <style> elements at run time.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],  # KaTeX's Size3 font is a data: URL in Streamlit's CSS
        "connect-src": ["'self'"],  # 'self' covers the websocket of the same origin (CSP level 3)
        "frame-src": ["'none'"],  # the graph is an srcdoc iframe, which frame-src does not govern
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def security_headers() -> dict[str, str]:
    """Return the headers every response carries."""
    return {
        "Content-Security-Policy": content_security_policy(),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
    }


class SecurityHeaders:
    """ASGI middleware: put the security headers on every HTTP response, replacing any of the same name."""

    def __init__(self, app: ASGIApp, headers: dict[str, str] | None = None) -> None:
        self.app = app
        chosen = security_headers() if headers is None else headers
        self.names = {name.lower().encode("latin-1") for name in chosen}
        self.raw = [
            (name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in chosen.items()
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in self.names]
                message = {**message, "headers": kept + self.raw}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def healthz(request: Request) -> Response:
    """Answer a proxy's health check: 200 when this process reaches its database, else 503 and why.

    Streamlit's own /_stcore/health says only that the process runs; a proxy in front of several
    app processes should send nobody to one that cannot read or write its database.
    """
    fault = health(db_path())
    if fault is None:
        return PlainTextResponse("ok\n")
    return PlainTextResponse(f"unavailable: {fault}\n", status_code=503)


def routes() -> list[BaseRoute]:
    """Return the app's own HTTP routes beside Streamlit's: the health check and the session cookie's."""
    return [Route("/healthz", healthz, methods=["GET", "HEAD"]), *session_routes.routes()]


def middleware() -> list[Middleware]:
    """Return the middleware around Streamlit's server: security headers (outermost), the browser cookie."""
    return [Middleware(SecurityHeaders), Middleware(session_routes.BrowserCookie)]


def server_error(request: Request, exc: Exception) -> Response:
    """Answer a request that failed unexpectedly: plain text, no details, with the security headers.

    Starlette sends this answer from outside every middleware, so it carries the headers itself.
    """
    return PlainTextResponse("Internal Server Error", status_code=500, headers=security_headers())


def exception_handlers() -> dict[type[Exception], Callable[[Request, Exception], Response]]:
    """Return the handlers of failures Streamlit does not answer itself."""
    return {Exception: server_error}
