"""Rate limits for logins and workshop joins, in the database through the `limits` library."""

from __future__ import annotations

import itertools
import multiprocessing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter, MovingWindowRateLimiter

from tests.security.helpers import EMAIL, PASSWORD, CountingHasher, all_at_once
from workbench.access.account_records import LoginFailed, LoginThrottled
from workbench.access.accounts import Accounts
from workbench.access.rate_limits import LOCAL_CLIENT, JoinLimits, LoginLimits, client_key
from workbench.collab.workshop import Workshops
from workbench.collab.workshop_records import CODE_ALPHABET, Workshop, WorkshopError
from workbench.i18n import t
from workbench.store.db import connect, prepare
from workbench.store.dossiers import Store
from workbench.store.limit_storage import DatabaseStorage, storage_uri

T0 = datetime(2026, 3, 5, 9, 0, tzinfo=UTC)
STRANGER, OWNER = "203.0.113.66", "198.51.100.7"
LIMITS = LoginLimits()


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


def attempt(accounts: Accounts, password: str, client: str, now: datetime, email: str = EMAIL) -> str:
    try:
        accounts.login(email, password, client=client, now=now)
    except LoginThrottled:
        return "throttled"
    except LoginFailed:
        return "failed"
    return "in"


def hammer(accounts: Accounts, client: str, times: int, now: datetime, email: str = EMAIL) -> list[str]:
    return [attempt(accounts, f"raden-{i}", client, now, email) for i in range(times)]


# ---------------------------------------------------------------- the storage


def test_the_storage_is_a_limits_storage_registered_under_its_scheme(db_path: Path) -> None:
    prepare(db_path)
    storage = storage_from_string(storage_uri(db_path))
    assert isinstance(storage, DatabaseStorage) and storage.check()
    moving = MovingWindowRateLimiter(storage)
    item = parse("2 per minute")
    assert [moving.hit(item, "k") for _ in range(3)] == [True, True, False]
    assert not moving.test(item, "k")
    assert moving.get_window_stats(item, "k").remaining == 0
    moving.clear(item, "k")
    assert moving.hit(item, "k")
    fixed = FixedWindowRateLimiter(storage)
    assert [fixed.hit(item, "f") for _ in range(3)] == [True, True, False]
    assert storage.reset() == 2  # one moving-window entry, one counter


def test_the_moving_window_forgets_entries_as_time_passes(db_path: Path) -> None:
    prepare(db_path)
    now = [1_000_000.0]
    storage = DatabaseStorage(storage_uri(db_path), clock=lambda: now[0])
    moving, item = MovingWindowRateLimiter(storage), parse("2 per minute")
    assert moving.hit(item, "k") and moving.hit(item, "k")
    now[0] += 30
    assert not moving.hit(item, "k")
    assert moving.get_window_stats(item, "k").reset_time == 1_000_060.0
    now[0] += 30.5
    assert moving.hit(item, "k")


def test_parallel_hits_never_pass_the_limit(db_path: Path) -> None:
    prepare(db_path)
    item = parse("7 per hour")

    def hit(_: int) -> bool:
        return MovingWindowRateLimiter(storage_from_string(storage_uri(db_path))).hit(item, "shared")

    assert all_at_once(24, hit).count(True) == 7


def test_the_database_keeps_no_email_or_address_in_clear(accounts: Accounts, db_path: Path) -> None:
    hammer(accounts, STRANGER, 3, T0)
    with connect(db_path) as db:
        keys = " ".join(r["key"] for r in db.query("SELECT key FROM rate_limit_entries"))
    assert keys and EMAIL not in keys and STRANGER not in keys


# ---------------------------------------------------------------- logins


def test_five_failures_from_one_client_lock_that_client_out_of_that_email(
    accounts: Accounts, hasher: CountingHasher
) -> None:
    assert hammer(accounts, STRANGER, 8, T0) == ["failed"] * 5 + ["throttled"] * 3
    assert hasher.checks == 5
    assert attempt(accounts, PASSWORD, STRANGER, T0) == "throttled"
    assert accounts.failed_logins(EMAIL, STRANGER, now=T0) == 5


def test_the_owner_on_another_client_still_gets_in_while_a_stranger_hammers(accounts: Accounts) -> None:
    for minute in range(0, 60, 5):  # an hour of hammering, as fast as the limits allow
        hammer(accounts, STRANGER, 10, T0 + timedelta(minutes=minute))
        assert attempt(accounts, PASSWORD, OWNER, T0 + timedelta(minutes=minute, seconds=30)) == "in"


def test_a_client_is_limited_across_emails_too(accounts: Accounts) -> None:
    per_client = parse(LIMITS.per_client).amount
    outcomes = [
        attempt(accounts, "raden", STRANGER, T0, email=f"p{i}@stad.be") for i in range(per_client + 3)
    ]
    assert outcomes == ["failed"] * per_client + ["throttled"] * 3
    assert attempt(accounts, PASSWORD, STRANGER, T0) == "throttled"  # even the right password
    assert attempt(accounts, PASSWORD, OWNER, T0) == "in"


def test_many_clients_lock_an_email_only_briefly_and_never_where_its_owner_logged_in(
    accounts: Accounts,
) -> None:
    assert attempt(accounts, PASSWORD, OWNER, T0) == "in"  # the owner's usual address
    per_account = parse(LIMITS.per_account)
    botnet = [f"192.0.2.{n}" for n in range(per_account.amount // 5)]
    for address in botnet:
        assert hammer(accounts, address, 5, T0 + timedelta(minutes=1)) == ["failed"] * 5
    later = T0 + timedelta(minutes=1, seconds=10)
    assert hammer(accounts, "192.0.2.250", 1, later) == ["throttled"]  # the email is locked ...
    with pytest.raises(LoginThrottled) as throttled:
        accounts.login(EMAIL, PASSWORD, client="192.0.2.251", now=later)
    # ... briefly: a stranger with many addresses cannot keep it locked beyond the short window.
    assert throttled.value.retry_after <= timedelta(seconds=per_account.get_expiry())
    assert attempt(accounts, PASSWORD, OWNER, later) == "in"  # ... except where the owner logs in
    after = T0 + timedelta(minutes=1, seconds=per_account.get_expiry() + 1)
    assert attempt(accounts, PASSWORD, "192.0.2.251", after) == "in"


def test_the_window_passes(accounts: Accounts) -> None:
    hammer(accounts, STRANGER, 5, T0)
    assert attempt(accounts, PASSWORD, STRANGER, T0 + timedelta(minutes=14, seconds=59)) == "throttled"
    assert attempt(accounts, PASSWORD, STRANGER, T0 + timedelta(minutes=15, seconds=1)) == "in"


def test_success_forgives_the_failures_from_that_client(accounts: Accounts) -> None:
    hammer(accounts, OWNER, 4, T0)
    assert attempt(accounts, PASSWORD, OWNER, T0) == "in"
    assert accounts.failed_logins(EMAIL, OWNER, now=T0) == 0
    assert hammer(accounts, OWNER, 5, T0) == ["failed"] * 5


def test_the_limits_are_tunable(db_path: Path, hasher: CountingHasher) -> None:
    strict = Accounts(db_path, hasher=hasher, limits=LoginLimits(per_account_and_client="2 per hour"))
    strict.add_user(EMAIL, "Ann", PASSWORD)
    assert hammer(strict, STRANGER, 3, T0) == ["failed", "failed", "throttled"]
    assert attempt(strict, PASSWORD, STRANGER, T0 + timedelta(minutes=59)) == "throttled"


def test_the_refusal_names_the_wait_in_the_users_language(accounts: Accounts) -> None:
    for i in range(5):
        attempt(accounts, "raden", STRANGER, T0 + timedelta(minutes=i))
    with pytest.raises(LoginThrottled) as throttled:
        accounts.login(EMAIL, PASSWORD, client=STRANGER, now=T0 + timedelta(minutes=5))
    refused = throttled.value
    assert t(refused.reason, "nl", **refused.params) == "Te veel pogingen. Probeer opnieuw over 10 minuten."
    assert t(refused.reason, "en", **refused.params) == "Too many attempts. Try again in 10 minutes."
    with pytest.raises(LoginThrottled) as soon:
        accounts.login(EMAIL, PASSWORD, client=STRANGER, now=T0 + timedelta(minutes=14, seconds=30))
    assert (
        t(soon.value.reason, "nl", **soon.value.params) == "Te veel pogingen. Probeer opnieuw over 1 minuut."
    )


def _fail_in_a_process(path: str, client: str, times: int, results: object) -> None:
    accounts = Accounts(path, hasher=CountingHasher(), migrate=False)
    results.put(hammer(accounts, client, times, T0))  # type: ignore[attr-defined]


def _join_in_a_process(path: str, code: str, times: int, results: object) -> None:
    workshops = Workshops(path)
    outcomes = []
    for _ in range(times):
        try:
            workshops.join(code, "Raad Maar", client=STRANGER, now=T0)
            outcomes.append("in")
        except WorkshopError as refused:
            outcomes.append(refused.reason)
    results.put(outcomes)  # type: ignore[attr-defined]


def _in_process(target: object, *args: object) -> object:
    spawn = multiprocessing.get_context("spawn")
    results = spawn.Queue()
    process = spawn.Process(target=target, args=(*args, results))
    process.start()
    found = results.get(timeout=120)
    process.join(timeout=60)
    return found


def test_two_processes_share_the_login_limit_through_the_database(accounts: Accounts, db_path: Path) -> None:
    assert _in_process(_fail_in_a_process, str(db_path), STRANGER, 3) == ["failed"] * 3
    assert _in_process(_fail_in_a_process, str(db_path), STRANGER, 3) == ["failed"] * 2 + ["throttled"]
    assert attempt(accounts, PASSWORD, STRANGER, T0) == "throttled"


# ---------------------------------------------------------------- workshop joins


@pytest.fixture
def workshops(db_path: Path) -> Workshops:
    return Workshops(db_path)


@pytest.fixture
def workshop(workshops: Workshops, store: Store, dossier_id: int) -> Workshop:
    return workshops.start(store, dossier_id, "outreach", by="Fien")


def wrong_codes(workshop: Workshop, count: int) -> list[str]:
    others = [c for c in CODE_ALPHABET if c != workshop.code[0]]
    return [others[i % len(others)] + others[i // len(others)] * 5 for i in range(count)]


_NAMES = itertools.count(1)


def join(workshops: Workshops, code: str, client: str, now: datetime) -> str:
    try:
        # Each person in the room has their own name: a name already on the board is refused (issue 15).
        workshops.join(code, f"Raad Maar {next(_NAMES)}", client=client, now=now)
    except WorkshopError as refused:
        return refused.reason
    return "in"


def test_wrong_workshop_codes_are_limited_per_client(workshops: Workshops, workshop: Workshop) -> None:
    per_client = parse(JoinLimits().per_client).amount
    outcomes = [join(workshops, code, STRANGER, T0) for code in wrong_codes(workshop, per_client + 5)]
    assert outcomes == ["workshop.error.unknown_code"] * per_client + ["workshop.error.throttled_minute"] * 5
    assert join(workshops, workshop.code, STRANGER, T0) == "workshop.error.throttled_minute"  # even right
    assert join(workshops, workshop.code, OWNER, T0) == "in"  # another client is not affected
    assert join(workshops, workshop.code, STRANGER, T0 + timedelta(seconds=61)) == "in"  # the window passed


def test_a_room_behind_one_address_joins_with_the_right_code(
    workshops: Workshops, workshop: Workshop
) -> None:
    assert {join(workshops, workshop.code, STRANGER, T0) for _ in range(40)} == {"in"}


def test_parallel_guesses_get_no_more_lookups_than_the_limit(
    workshops: Workshops, workshop: Workshop
) -> None:
    codes = wrong_codes(workshop, 30)
    outcomes = all_at_once(len(codes), lambda i: join(workshops, codes[i], STRANGER, T0))
    assert outcomes.count("workshop.error.unknown_code") == parse(JoinLimits().per_client).amount


def test_wrong_codes_from_everywhere_are_limited_together(
    db_path: Path, workshop: Workshop, store: Store
) -> None:
    workshops = Workshops(
        db_path, join_limits=JoinLimits(per_client="10 per minute", overall="25 per minute")
    )
    codes = wrong_codes(workshop, 30)
    outcomes = [join(workshops, code, f"192.0.2.{i}", T0) for i, code in enumerate(codes)]
    assert outcomes.count("workshop.error.unknown_code") == 25
    assert join(workshops, workshop.code, OWNER, T0) == "workshop.error.throttled_minute"
    assert join(workshops, workshop.code, OWNER, T0 + timedelta(minutes=1, seconds=1)) == "in"


def test_two_processes_share_the_join_limit_through_the_database(
    workshops: Workshops, workshop: Workshop, db_path: Path
) -> None:
    wrong = wrong_codes(workshop, 1)[0]
    assert _in_process(_join_in_a_process, str(db_path), wrong, 6) == ["workshop.error.unknown_code"] * 6
    second = _in_process(_join_in_a_process, str(db_path), wrong, 6)
    assert second == ["workshop.error.unknown_code"] * 4 + ["workshop.error.throttled_minute"] * 2


def test_the_join_refusal_is_in_the_users_language(workshops: Workshops, workshop: Workshop) -> None:
    for code in wrong_codes(workshop, 10):
        join(workshops, code, STRANGER, T0)
    with pytest.raises(WorkshopError) as refused:
        workshops.join(workshop.code, "Ann", client=STRANGER, now=T0)
    assert refused.value.message("nl") == "Te veel pogingen. Probeer opnieuw over 1 minuut."
    assert refused.value.message("en") == "Too many attempts. Try again in 1 minute."


# ---------------------------------------------------------------- the client


@pytest.mark.parametrize(
    ("address", "client"),
    [
        (None, LOCAL_CLIENT),
        ("", LOCAL_CLIENT),
        ("203.0.113.9", "203.0.113.9"),
        ("::ffff:203.0.113.9", "203.0.113.9"),
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:bbbb::7", "2001:db8:1:2::/64"),  # the same subscriber, another address
    ],
)
def test_the_client_is_the_address_or_the_ipv6_network(address: str | None, client: str) -> None:
    assert client_key(address) == client
