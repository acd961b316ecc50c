"""One-time hand-overs of a login into a cookie: once, soon, to the browser that asked, for a live session."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from workbench.access.accounts import Accounts
from workbench.access.handoffs import HANDOFF_LIFETIME, Handoffs
from workbench.store.db import connect

PASSWORD = "Correct-Paard-Batterij-Nietje"
T0 = datetime(2026, 3, 5, 9, 0, tzinfo=UTC)
BROWSER = "browser-cookie-of-ann"


@pytest.fixture
def accounts(db_path: Path) -> Accounts:
    accounts = Accounts(db_path, hasher=PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    accounts.add_user("ann@stad.be", "Ann", PASSWORD)
    return accounts


@pytest.fixture
def handoffs(db_path: Path, accounts: Accounts) -> Handoffs:
    return Handoffs(db_path)


def test_a_code_moves_the_session_to_a_new_token_that_only_the_cookie_holds(
    accounts: Accounts, handoffs: Handoffs
) -> None:
    session = accounts.login("ann@stad.be", PASSWORD, now=T0)
    code = handoffs.offer(session.token, BROWSER, now=T0)
    assert code
    handed = handoffs.redeem(code, BROWSER, now=T0 + timedelta(seconds=2))
    assert handed is not None
    assert handed.token != session.token
    assert handed.expires_at == session.expires_at
    user = accounts.user_for_token(handed.token, now=T0)
    assert user is not None and user.email == "ann@stad.be"
    assert accounts.user_for_token(session.token, now=T0) is None  # the token the page saw is spent


def test_a_code_works_once(accounts: Accounts, handoffs: Handoffs) -> None:
    code = handoffs.offer(accounts.login("ann@stad.be", PASSWORD, now=T0).token, BROWSER, now=T0)
    assert code and handoffs.redeem(code, BROWSER, now=T0) is not None
    assert handoffs.redeem(code, BROWSER, now=T0) is None


def test_a_code_from_another_browser_is_refused_and_spent(accounts: Accounts, handoffs: Handoffs) -> None:
    # Login CSRF: Mallory logs in as herself and sends the link to Ann's browser.
    session = accounts.login("ann@stad.be", PASSWORD, now=T0)
    code = handoffs.offer(session.token, "mallorys-browser", now=T0)
    assert code and handoffs.redeem(code, BROWSER, now=T0) is None
    assert handoffs.redeem(code, "mallorys-browser", now=T0) is None  # used, even though refused
    assert accounts.user_for_token(session.token, now=T0) is not None  # her own tab is untouched


def test_a_code_expires_after_a_minute(accounts: Accounts, handoffs: Handoffs) -> None:
    code = handoffs.offer(accounts.login("ann@stad.be", PASSWORD, now=T0).token, BROWSER, now=T0)
    assert code and handoffs.redeem(code, BROWSER, now=T0 + HANDOFF_LIFETIME) is None


def test_no_code_for_a_session_that_ended_and_none_redeemed_after_logout(
    accounts: Accounts, handoffs: Handoffs
) -> None:
    ended = accounts.login("ann@stad.be", PASSWORD, now=T0)
    accounts.logout(ended.token)
    assert handoffs.offer(ended.token, BROWSER, now=T0) is None
    live = accounts.login("ann@stad.be", PASSWORD, now=T0)
    code = handoffs.offer(live.token, BROWSER, now=T0)
    accounts.logout(live.token)
    assert code and handoffs.redeem(code, BROWSER, now=T0) is None


def test_a_password_change_ends_the_cookie_session_too(accounts: Accounts, handoffs: Handoffs) -> None:
    code = handoffs.offer(accounts.login("ann@stad.be", PASSWORD, now=T0).token, BROWSER, now=T0)
    handed = handoffs.redeem(code or "", BROWSER, now=T0)
    assert handed is not None
    user = accounts.find_user("ann@stad.be")
    assert user is not None
    accounts.set_password(user.id, "Een-Heel-Ander-Wachtwoord")
    assert accounts.user_for_token(handed.token, now=T0) is None


def test_only_hashes_are_stored(db_path: Path, accounts: Accounts, handoffs: Handoffs) -> None:
    session = accounts.login("ann@stad.be", PASSWORD, now=T0)
    code = handoffs.offer(session.token, BROWSER, now=T0)
    with connect(db_path) as db:
        stored = " ".join(str(v) for row in db.query("SELECT * FROM session_handoffs") for v in row.values())
    assert code and code not in stored and session.token not in stored and BROWSER not in stored


def test_many_tabs_redeeming_one_code_at_once_get_one_cookie(accounts: Accounts, handoffs: Handoffs) -> None:
    code = handoffs.offer(accounts.login("ann@stad.be", PASSWORD, now=T0).token, BROWSER, now=T0) or ""
    results: list[object] = []
    start = threading.Barrier(8)

    def redeem() -> None:
        start.wait()
        results.append(Handoffs(handoffs.backend.address, migrate=False).redeem(code, BROWSER, now=T0))

    threads = [threading.Thread(target=redeem) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len([r for r in results if r is not None]) == 1
