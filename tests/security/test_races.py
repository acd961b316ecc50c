"""Check-then-act races: parallel logins, one invitation code used at once by many (issue 11)."""

from __future__ import annotations

import multiprocessing
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.security.helpers import EMAIL, PASSWORD, CountingHasher, all_at_once
from workbench.access.account_records import AccountError, LoginFailed, LoginThrottled
from workbench.access.accounts import MAX_FAILURES, Accounts
from workbench.access.permissions import DossierRole
from workbench.i18n import t
from workbench.store.db import connect

N = 24  # parallel attempts: far more than MAX_FAILURES


def _outcome(accounts: Accounts, email: str, password: str) -> str:
    try:
        accounts.login(email, password)
    except LoginThrottled:
        return "throttled"
    except LoginFailed:
        return "failed"
    return "in"


@pytest.fixture
def db_path(backend: Any) -> Any:
    """This suite runs on both backends: a SQLite file, then a PostgreSQL schema."""
    return backend


@pytest.fixture
def hasher() -> CountingHasher:
    return CountingHasher()


@pytest.fixture
def accounts(db_path: Path, hasher: CountingHasher) -> Accounts:
    accounts = Accounts(db_path, hasher=hasher)
    accounts.add_user(EMAIL, "Ann", PASSWORD)
    return accounts


def test_parallel_wrong_passwords_from_threads_run_at_most_max_failures_checks(
    accounts: Accounts, hasher: CountingHasher
) -> None:
    outcomes = all_at_once(N, lambda i: _outcome(accounts, EMAIL, f"wrong-guess-{i}"))
    assert hasher.checks <= MAX_FAILURES
    assert outcomes.count("failed") == hasher.checks
    assert outcomes.count("throttled") == N - hasher.checks
    # Even the right password is refused, and not even checked, while throttled.
    assert _outcome(accounts, EMAIL, PASSWORD) == "throttled"
    assert hasher.checks <= MAX_FAILURES


def _guess_in_a_process(path: str, password: str, start: object, results: object) -> None:
    hasher = CountingHasher()
    accounts = Accounts(path, hasher=hasher, migrate=False)
    start.wait()  # type: ignore[attr-defined]
    outcome = _outcome(accounts, EMAIL, password)
    results.put((outcome, hasher.checks))  # type: ignore[attr-defined]


def test_parallel_wrong_passwords_from_processes_run_at_most_max_failures_checks(
    accounts: Accounts, hasher: CountingHasher, db_path: Path
) -> None:
    workers = 8
    spawn = multiprocessing.get_context("spawn")  # a fresh interpreter each: nothing shared but the file
    start, results = spawn.Barrier(workers, timeout=120), spawn.Queue()
    processes = [
        spawn.Process(target=_guess_in_a_process, args=(str(db_path), f"wrong-{i}", start, results))
        for i in range(workers)
    ]
    for process in processes:
        process.start()
    found = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(timeout=60)
    checks = sum(n for _, n in found)
    assert checks <= MAX_FAILURES
    assert [o for o, _ in found].count("failed") == checks
    assert _outcome(accounts, EMAIL, PASSWORD) == "throttled"
    assert hasher.checks == 0  # the right password never reached argon2


def _register(accounts: Accounts, code: str, i: int) -> str:
    try:
        accounts.register_with_invitation(code, f"person{i}@stad.be", f"Persoon {i}", PASSWORD)
    except AccountError as refused:
        return refused.reason
    return "registered"


def _count(db_path: Path, sql: str) -> int:
    with connect(db_path) as db:
        return int(db.execute(sql).fetchone()[0])


def test_one_invitation_used_in_parallel_creates_one_account_and_one_membership(
    accounts: Accounts, db_path: Path, dossier_id: int
) -> None:
    code, _ = accounts.create_invitation(dossier_id, DossierRole.PARTNER_EDITOR, by="Ann")
    before = _count(db_path, "SELECT count(*) FROM users")
    outcomes = all_at_once(8, lambda i: _register(accounts, code, i))
    assert outcomes.count("registered") == 1
    assert sorted(set(outcomes)) == ["invite.used", "registered"]
    # No orphan account: only the winner exists, and only the winner is a member.
    assert _count(db_path, "SELECT count(*) FROM users") == before + 1
    assert _count(db_path, f"SELECT count(*) FROM memberships WHERE dossier_id = {dossier_id}") == 1
    assert _count(db_path, "SELECT count(*) FROM sessions") == 1
    assert t("invite.used", "nl") != t("invite.used", "en")  # the loser is told in their language


def test_one_invitation_accepted_in_parallel_by_existing_accounts_admits_one(
    accounts: Accounts, db_path: Path, dossier_id: int
) -> None:
    people = [accounts.add_user(f"p{i}@stad.be", f"P{i}", PASSWORD) for i in range(8)]
    code, _ = accounts.create_invitation(dossier_id, DossierRole.VIEWER, by="Ann")

    def accept(i: int) -> str:
        try:
            accounts.accept_invitation(code, people[i].id)
        except AccountError as refused:
            return refused.reason
        return "accepted"

    outcomes = all_at_once(len(people), accept)
    assert outcomes.count("accepted") == 1
    assert set(outcomes) == {"accepted", "invite.used"}
    assert _count(db_path, f"SELECT count(*) FROM memberships WHERE dossier_id = {dossier_id}") == 1


def test_an_expired_invitation_creates_nothing(accounts: Accounts, db_path: Path, dossier_id: int) -> None:
    code, invitation = accounts.create_invitation(
        dossier_id, DossierRole.VIEWER, by="Ann", valid_for=timedelta(days=1)
    )
    before = _count(db_path, "SELECT count(*) FROM users")
    with pytest.raises(AccountError) as refused:
        accounts.register_with_invitation(
            code, "late@stad.be", "Laat", PASSWORD, now=invitation.expires_at + timedelta(seconds=1)
        )
    assert refused.value.reason == "invite.expired"
    assert _count(db_path, "SELECT count(*) FROM users") == before
