"""A password change ends every session, also one whose login was checking the old password meanwhile.

Found by the security review after issue 11 (both failed on the main it started from): the login
read the stored hash, ran argon2 (about a second) and then opened a session in a transaction of
its own. A login with the old password that was being checked while the owner (or an administrator)
changed the password got a 12-hour session after the change that promises to end them all; and when
the hash needed upgrading, the login wrote the *old* password back over the new one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from tests.security.helpers import EMAIL, PASSWORD
from workbench.access.accounts import Accounts, LoginFailed, Session

NEW_PASSWORD = "Nieuw-Wachtwoord-Na-Het-Lek"


class HeldHasher(PasswordHasher):
    """Real argon2 that, once armed, holds a login right after its password check until released."""

    def __init__(self, time_cost: int = 2) -> None:
        super().__init__(time_cost=time_cost, memory_cost=4096, parallelism=1)
        self.armed = False
        self.checked = threading.Event()
        self.release = threading.Event()

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:  # noqa: A002 - argon2's name
        result = super().verify(hash, password)
        if self.armed:
            self.armed = False
            self.checked.set()
            assert self.release.wait(60), "the test never released the login"
        return result


def _login_across(
    db_path: Path, hasher: HeldHasher, meanwhile: Callable[[Accounts], None]
) -> Session | Exception:
    """Log in with the old password and run `meanwhile` between the password check and what follows."""
    accounts = Accounts(db_path, hasher=hasher)
    outcome: list[Session | Exception] = []

    def login() -> None:
        try:
            outcome.append(accounts.login(EMAIL, PASSWORD, client="198.51.100.7"))
        except Exception as exc:  # the outcome is what the test looks at
            outcome.append(exc)

    hasher.armed = True
    thread = threading.Thread(target=login)
    thread.start()
    assert hasher.checked.wait(60), "the login never reached its password check"
    meanwhile(Accounts(db_path, hasher=PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)))
    hasher.release.set()
    thread.join(60)
    return outcome[0]


@pytest.fixture
def user_id(db_path: Path) -> int:
    return Accounts(db_path, hasher=HeldHasher()).add_user(EMAIL, "Ann", PASSWORD).id


def _change_password(user_id: int) -> Callable[[Accounts], None]:
    return lambda accounts: accounts.set_password(user_id, NEW_PASSWORD)


def test_a_login_checking_the_old_password_gets_no_session_after_the_change(
    db_path: Path, user_id: int
) -> None:
    outcome = _login_across(db_path, HeldHasher(), _change_password(user_id))
    assert isinstance(outcome, LoginFailed)
    accounts = Accounts(db_path)
    assert accounts.login(EMAIL, NEW_PASSWORD, client="192.0.2.1").user.id == user_id


def test_a_login_checking_the_old_password_never_writes_it_back(db_path: Path, user_id: int) -> None:
    # A hasher with other parameters than the stored hash: the login upgrades ("rehashes") it.
    outcome = _login_across(db_path, HeldHasher(time_cost=3), _change_password(user_id))
    assert isinstance(outcome, LoginFailed)
    accounts = Accounts(db_path)
    with pytest.raises(LoginFailed):
        accounts.login(EMAIL, PASSWORD, client="192.0.2.1")
    assert accounts.login(EMAIL, NEW_PASSWORD, client="192.0.2.1").user.id == user_id


def test_a_login_checking_while_the_account_is_disabled_gets_no_session(db_path: Path, user_id: int) -> None:
    outcome = _login_across(db_path, HeldHasher(), lambda accounts: accounts.set_disabled(user_id, True))
    assert isinstance(outcome, LoginFailed)


def test_a_login_that_nothing_interrupted_still_gets_in(db_path: Path, user_id: int) -> None:
    outcome = _login_across(db_path, HeldHasher(time_cost=3), lambda accounts: None)
    assert isinstance(outcome, Session)
    assert Accounts(db_path).user_for_token(outcome.token) is not None
    # ... and the upgraded hash still opens the account.
    assert Accounts(db_path).login(EMAIL, PASSWORD, client="192.0.2.1").user.id == user_id
