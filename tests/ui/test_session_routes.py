"""The session cookie's routes and the browser cookie, called as the server calls them (real SQLite)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from starlette.requests import Request
from starlette.responses import Response

from workbench.access.accounts import Accounts
from workbench.access.handoffs import Handoffs
from workbench.ui import session_routes
from workbench.ui.session_routes import (
    BROWSER_COOKIE,
    SESSION_COOKIE,
    BrowserCookie,
    end_session,
    hand_over,
    local_target,
)

PASSWORD = "Workshop-Wachtwoord-1"
BROWSER = "b" * 43


@pytest.fixture
def accounts(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Accounts:
    monkeypatch.setenv("WORKBENCH_DB", str(db_path))
    accounts = Accounts(db_path, hasher=PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    accounts.add_user("ann@stad.be", "Ann", PASSWORD)
    return accounts


def request(
    path: str, query: str = "", cookies: dict[str, str] | None = None, scheme: str = "http"
) -> Request:
    header = "; ".join(f"{k}={v}" for k, v in (cookies or {}).items()).encode()
    return Request(
        {
            "type": "http",
            "method": "GET",
            "path": path,
            "query_string": query.encode(),
            "headers": [(b"cookie", header)] if header else [],
            "scheme": scheme,
            "server": ("127.0.0.1", 8501),
        }
    )


def set_cookies(response: Response) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name, value in response.raw_headers:
        if name == b"set-cookie":
            cookie = SimpleCookie(value.decode())
            for key, morsel in cookie.items():
                found[key] = morsel
    return found


def code_for(accounts: Accounts, browser: str = BROWSER) -> tuple[str, str]:
    session = accounts.login("ann@stad.be", PASSWORD)
    code = Handoffs(accounts.backend).offer(session.token, browser)
    assert code
    return session.token, code


def test_a_code_sets_an_httponly_strict_cookie_and_goes_back_to_the_same_page(accounts: Accounts) -> None:
    _, code = code_for(accounts)
    response = hand_over(
        request("/auth/session", f"token={code}&next=%2Fpartners%3Fdossier%3D3", {BROWSER_COOKIE: BROWSER})
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/partners?dossier=3"
    cookie = set_cookies(response)[SESSION_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "strict" and cookie["path"] == "/"
    assert not cookie["secure"]  # plain http on the machine itself
    assert 11 * 3600 < int(cookie["max-age"]) <= 12 * 3600  # as long as the server session
    assert accounts.user_for_token(cookie.value) is not None


def test_over_https_the_cookie_is_secure(accounts: Accounts) -> None:
    _, code = code_for(accounts)
    response = hand_over(request("/auth/session", f"token={code}", {BROWSER_COOKIE: BROWSER}, scheme="https"))
    assert set_cookies(response)[SESSION_COOKIE]["secure"]


def test_a_code_for_another_browser_sets_nothing(accounts: Accounts) -> None:
    _, code = code_for(accounts, browser="m" * 43)
    response = hand_over(request("/auth/session", f"token={code}", {BROWSER_COOKIE: BROWSER}))
    assert response.status_code == 303 and SESSION_COOKIE not in set_cookies(response)


def test_a_code_without_the_browser_cookie_sets_nothing(accounts: Accounts) -> None:
    _, code = code_for(accounts)
    assert SESSION_COOKIE not in set_cookies(hand_over(request("/auth/session", f"token={code}")))


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/x",
        "//evil.example/x",
        "/\\evil.example",
        "evil.example",
        "javascript:alert(1)",
        "/x\r\nSet-Cookie: a=b",
        "",
    ],
)
def test_the_way_back_never_leaves_this_server(target: str) -> None:
    assert local_target(target) == "/"


def test_logging_out_removes_the_cookie_once_its_session_ended(accounts: Accounts) -> None:
    token, _ = code_for(accounts)
    live = end_session(request("/auth/session/end", "next=/", {SESSION_COOKIE: token}))
    assert SESSION_COOKIE not in set_cookies(live)  # a link from elsewhere cannot log anyone out
    accounts.logout(token)
    ended = end_session(request("/auth/session/end", "next=/", {SESSION_COOKIE: token}))
    removed = set_cookies(ended)[SESSION_COOKIE]
    assert removed.value == "" and int(removed["max-age"]) == 0
    assert ended.headers["location"] == "/"


def _run_middleware(content_type: bytes, cookies: dict[str, str] | None = None) -> list[tuple[bytes, bytes]]:
    sent: list[dict[str, Any]] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        await send(
            {"type": "http.response.start", "status": 200, "headers": [(b"content-type", content_type)]}
        )
        await send({"type": "http.response.body", "body": b""})

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return {"type": "http.request"}

    scope = request("/", cookies=cookies).scope
    # In a thread of its own: an earlier test (a browser, an AppTest) may leave a loop running here.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, BrowserCookie(app)(scope, receive, send)).result()
    return list(sent[0]["headers"])


def test_a_page_load_without_a_browser_cookie_gets_one() -> None:
    headers = dict(_run_middleware(b"text/html; charset=utf-8"))
    cookie = SimpleCookie(headers[b"set-cookie"].decode())[BROWSER_COOKIE]
    assert session_routes.valid_cookie(cookie.value)
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_the_browser_cookie_is_kept_and_scripts_and_data_get_none() -> None:
    assert b"set-cookie" not in dict(_run_middleware(b"text/html", {BROWSER_COOKIE: BROWSER}))
    assert b"set-cookie" not in dict(_run_middleware(b"application/javascript"))
