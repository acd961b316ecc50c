"""Every response of the app server carries the Content-Security-Policy and the other security headers:
pages, static files, the health check, 404s, refusals and failures."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import re
import subprocess
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import streamlit
from starlette.applications import Starlette
from starlette.routing import Route

from tests.e2e.conftest import App, start_app
from tests.graph_dossiers import payload_dossier
from workbench.network.analysis import analyse
from workbench.network.graph import build
from workbench.network.page import to_html
from workbench.ui.server import (
    SecurityHeaders,
    content_security_policy,
    exception_handlers,
    middleware,
    security_headers,
)

INDEX = Path(streamlit.__file__).parent / "static" / "index.html"
EXPECTED = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


def directives(policy: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in (p.strip() for p in policy.split(";")) if d}


def test_the_policy_allows_only_this_servers_scripts() -> None:
    policy = directives(content_security_policy())
    assert policy["default-src"] == ["'self'"]
    scripts = policy["script-src"]
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert all(s in ("'self'", "'wasm-unsafe-eval'") or s.startswith("'sha256-") for s in scripts)
    assert policy["img-src"] == ["'self'", "data:", "blob:"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["frame-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]


def test_the_policy_names_the_inline_script_of_streamlits_page() -> None:
    inline = re.findall(r"<script>(.*?)</script>", INDEX.read_text(encoding="utf-8"), re.DOTALL)
    assert len(inline) == 1  # window.prerenderReady = false
    digest = base64.b64encode(hashlib.sha256(inline[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in directives(content_security_policy())["script-src"]


def test_the_policy_allows_the_graph_pages_scripts_whatever_the_dossier() -> None:
    # The graph is an srcdoc iframe, which inherits this policy on top of its own.
    dossier = payload_dossier()
    built = build(dossier, include_access_points=True, include_target_groups=True)
    page = to_html(dossier, built, analyse(dossier, built), "en")
    own = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert own
    needed = set(directives(own.group(1))["script-src"])
    assert needed and needed <= set(directives(content_security_policy())["script-src"])


def run_asgi(app: Any, scope: dict[str, Any]) -> list[dict[str, Any]]:
    """Send one request through an ASGI app; return the messages it sent back."""
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def call() -> None:
        with contextlib.suppress(
            RuntimeError
        ):  # Starlette re-raises a failure after answering it, for the server's log
            await app(scope, receive, send)

    # In a thread of its own: Playwright's tests leave an event loop running in this one.
    thread = threading.Thread(target=lambda: asyncio.run(call()))
    thread.start()
    thread.join(timeout=30)
    return sent


def http(path: str) -> dict[str, Any]:
    return {
        "type": "http",
        "method": "GET",
        "path": path,
        "raw_path": path.encode(),
        "headers": [],
        "query_string": b"",
        "scheme": "http",
        "server": ("127.0.0.1", 80),
        "root_path": "",
    }


def headers_of(messages: list[dict[str, Any]]) -> list[tuple[str, str]]:
    start = next(m for m in messages if m["type"] == "http.response.start")
    return [(k.decode(), v.decode()) for k, v in start["headers"]]


def test_the_middleware_replaces_a_weaker_header_of_the_same_name() -> None:
    async def app(scope: Any, receive: Any, send: Any) -> None:
        await send(
            {"type": "http.response.start", "status": 200, "headers": [(b"X-Frame-Options", b"SAMEORIGIN")]}
        )
        await send({"type": "http.response.body", "body": b"ok"})

    got = headers_of(run_asgi(SecurityHeaders(app), http("/")))
    assert [v for k, v in got if k == "x-frame-options"] == ["DENY"]
    assert dict(got)["content-security-policy"] == content_security_policy()


def test_a_failure_is_answered_plainly_with_the_headers() -> None:
    def boom(request: Any) -> Any:
        raise RuntimeError("a bug")

    app = Starlette(
        routes=[Route("/boom", boom)], middleware=middleware(), exception_handlers=exception_handlers()
    )
    messages = run_asgi(app, http("/boom"))
    start = next(m for m in messages if m["type"] == "http.response.start")
    assert start["status"] == 500
    got = dict(headers_of(messages))
    assert {k: got.get(k) for k in EXPECTED} == EXPECTED
    assert got["content-security-policy"] == content_security_policy()
    assert b"a bug" not in b"".join(m.get("body", b"") for m in messages)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    app = start_app(tmp_path_factory.mktemp("headers") / "workbench.db")
    yield app
    app.process.terminate()
    try:
        app.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        app.process.kill()


def fetch(url: str, method: str = "GET") -> tuple[int, Any]:
    request = urllib.request.Request(url, method=method, data=b"" if method in ("POST", "PUT") else None)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as refused:
        return refused.code, refused.headers


def test_every_kind_of_response_carries_the_headers(server: App) -> None:
    script = re.search(r'src="\./(static/js/[^"]+\.js)"', INDEX.read_text(encoding="utf-8"))
    assert script
    cases = [
        ("GET", "/", 200),
        ("GET", "/partners?dossier=1", 200),  # a page of the app: Streamlit's index.html
        ("GET", f"/{script.group(1)}", 200),  # a static file
        ("GET", "/favicon.png", 200),
        ("GET", "/_stcore/health", 200),
        ("GET", "/_stcore/host-config", 200),
        ("GET", "/media/missing.png", 404),
        ("POST", "/_stcore/health", 405),
        ("PUT", "/_stcore/upload_file/session/file", 403),  # no XSRF token
    ]
    for method, path, status in cases:
        got, headers = fetch(server.url + path, method)
        assert got == status, (method, path)
        assert headers["Content-Security-Policy"] == content_security_policy(), path
        for name, value in EXPECTED.items():
            assert headers.get_all(name) == [value], (path, name)


def test_the_headers_are_what_the_policy_module_says() -> None:
    assert security_headers()["Content-Security-Policy"] == content_security_policy()
    assert {k.lower(): v for k, v in security_headers().items() if k != "Content-Security-Policy"} == EXPECTED
