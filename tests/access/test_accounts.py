"""Accounts: hashed passwords, throttled logins, sessions that end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from tests.backends import everything_stored
from workbench.access.account_records import (
    AccountError,
    LoginFailed,
    LoginThrottled,
)
from workbench.access.accounts import FAILURE_WINDOW, MAX_FAILURES, Accounts
from workbench.store.db import connect

PASSWORD = "Correct-Paard-Batterij-Nietje"
T0 = datetime(2026, 3, 5, 9, 0, tzinfo=UTC)


@pytest.fixture
def accounts(db_path: Path) -> Accounts:
    # Cheap parameters keep the suite fast; the format ($argon2id$) is the same.
    return Accounts(db_path, hasher=PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def test_password_is_stored_only_as_an_argon2_hash(accounts: Accounts, db_path: Path) -> None:
    accounts.add_user("Ann@Stad.be", "Ann", PASSWORD)
    with connect(db_path) as db:
        (row,) = db.query("SELECT email, password_hash FROM users")
    assert row["email"] == "ann@stad.be"
    assert row["password_hash"].startswith("$argon2id$")
    session = accounts.login("ann@stad.be", PASSWORD, now=T0)
    with pytest.raises(LoginFailed):
        accounts.login("ann@stad.be", PASSWORD + "?", now=T0)
    raw = everything_stored(db_path)
    assert b"ann@stad.be" in raw  # what is kept is really read
    assert PASSWORD.encode() not in raw
    assert session.token.encode() not in raw


def test_default_hasher_uses_argon2id(db_path: Path) -> None:
    accounts = Accounts(db_path)
    user = accounts.add_user("coach@vlaanderen.be", "Coach", PASSWORD)
    assert accounts.login(user.email, PASSWORD).user == user


def test_wrong_password_and_unknown_email_fail_alike(accounts: Accounts) -> None:
    accounts.add_user("ann@stad.be", "Ann", PASSWORD)
    with pytest.raises(LoginFailed) as wrong:
        accounts.login("ann@stad.be", "not the password", now=T0)
    with pytest.raises(LoginFailed) as unknown:
        accounts.login("nobody@stad.be", PASSWORD, now=T0)
    assert str(wrong.value) == str(unknown.value) == "auth.login_failed"


def test_login_is_throttled_after_repeated_failures(accounts: Accounts) -> None:
    accounts.add_user("ann@stad.be", "Ann", PASSWORD)
    for i in range(MAX_FAILURES):
        with pytest.raises(LoginFailed):
            accounts.login("ann@stad.be", f"guess {i} wrong", now=T0 + timedelta(minutes=i))
    # Even the right password is refused while throttled: guessing gets no signal.
    with pytest.raises(LoginThrottled) as throttled:
        accounts.login("ANN@stad.be ", PASSWORD, now=T0 + timedelta(minutes=5))
    assert throttled.value.retry_after == FAILURE_WINDOW - timedelta(minutes=5)
    assert throttled.value.params == {"minutes": 10}
    later = T0 + FAILURE_WINDOW + timedelta(seconds=1)
    assert accounts.login("ann@stad.be", PASSWORD, now=later).user.email == "ann@stad.be"


def test_unknown_emails_are_throttled_too(accounts: Accounts) -> None:
    for _ in range(MAX_FAILURES):
        with pytest.raises(LoginFailed):
            accounts.login("ghost@stad.be", "whatever-123", now=T0)
    with pytest.raises(LoginThrottled):
        accounts.login("ghost@stad.be", "whatever-123", now=T0)


def test_success_clears_the_failure_count(accounts: Accounts) -> None:
    accounts.add_user("ann@stad.be", "Ann", PASSWORD)
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(LoginFailed):
            accounts.login("ann@stad.be", "wrong-wrong", now=T0)
    accounts.login("ann@stad.be", PASSWORD, now=T0)
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(LoginFailed):
            accounts.login("ann@stad.be", "wrong-wrong", now=T0)
    assert accounts.login("ann@stad.be", PASSWORD, now=T0)


def test_logout_ends_the_session(accounts: Accounts) -> None:
    accounts.add_user("ann@stad.be", "Ann", PASSWORD)
    session = accounts.login("ann@stad.be", PASSWORD, now=T0)
    assert accounts.user_for_token(session.token, now=T0) == session.user
    accounts.logout(session.token)
    assert accounts.user_for_token(session.token, now=T0) is None


def test_sessions_expire_and_end_with_a_disabled_account_or_new_password(accounts: Accounts) -> None:
    user = accounts.add_user("ann@stad.be", "Ann", PASSWORD)
    session = accounts.login("ann@stad.be", PASSWORD, now=T0)
    assert accounts.user_for_token(session.token, now=session.expires_at) is None
    fresh = accounts.login("ann@stad.be", PASSWORD)
    accounts.set_password(user.id, "Een-Nieuw-Wachtwoord")
    assert accounts.user_for_token(fresh.token) is None
    again = accounts.login("ann@stad.be", "Een-Nieuw-Wachtwoord")
    accounts.set_disabled(user.id, True)
    assert accounts.user_for_token(again.token) is None
    with pytest.raises(LoginFailed):
        accounts.login("ann@stad.be", "Een-Nieuw-Wachtwoord")


def test_account_without_password_cannot_log_in_locally(accounts: Accounts) -> None:
    accounts.add_user("oidc@stad.be", "Via OIDC")
    with pytest.raises(LoginFailed):
        accounts.login("oidc@stad.be", "")
    assert accounts.login_external("OIDC@stad.be").user.email == "oidc@stad.be"
    with pytest.raises(LoginFailed):
        accounts.login_external("stranger@stad.be")


@pytest.mark.parametrize(
    ("email", "password", "reason"),
    [
        ("not-an-email", PASSWORD, "auth.invalid_email"),
        ("ann@stad.be", "short", "auth.password_too_short"),
        ("ann@stad.be", "x" * 2000, "auth.password_too_long"),
    ],
)
def test_bad_accounts_are_refused(accounts: Accounts, email: str, password: str, reason: str) -> None:
    with pytest.raises(AccountError) as refused:
        accounts.add_user(email, "Ann", password)
    assert refused.value.reason == reason
    assert not accounts.any_users()


def test_an_email_has_one_account(accounts: Accounts) -> None:
    accounts.add_user("ann@stad.be", "Ann")
    with pytest.raises(AccountError) as refused:
        accounts.add_user(" ANN@stad.be", "Ann bis")
    assert refused.value.reason == "auth.account_exists"
