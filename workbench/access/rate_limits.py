"""Rate limits against guessing: the rules as data, and attempts reserved before the slow part.

A login or a workshop join first *reserves* a place in every limit that applies (one atomic
transaction per limit, see store/limit_storage.py), and only then checks the password or looks up
the code. A refused reservation means the check never runs; a reservation the attempt did not
need (the password was right, the code admitted someone) is released again, so the limits count
failures. Rules use the notation of the `limits` library: "N per [M] second|minute|hour|day".
The client is the browser's address as the Streamlit server reports it; the core takes it as
a plain string (see client_key).
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from limits import RateLimitItem, RateLimitItemPerDay, parse
from limits.strategies import MovingWindowRateLimiter

from workbench.store.backend import Address
from workbench.store.limit_storage import DatabaseStorage, storage_uri

LOCAL_CLIENT = "local"  # the machine itself (Streamlit reports no address for loopback)


@dataclass(frozen=True)
class LoginLimits:
    """Failed logins allowed before even the right password is refused for a while.

    Trade-offs (README, "People, roles and coach review"): per_client is shared by everyone behind
    one address (a workshop room behind one NAT router); per_account is the only limit a stranger
    with many addresses can fill for someone else's email, so it is high and short, and skipped
    by an address the account logged in from before.
    """

    per_account_and_client: str = "5 per 15 minutes"  # one email from one address
    per_client: str = "20 per 15 minutes"  # one address, across emails
    per_account: str = "50 per 5 minutes"  # one email, from every address together
    known_client_days: int = 30  # after a login an address skips per_account this long


@dataclass(frozen=True)
class JoinLimits:
    """Wrong workshop codes allowed (a right code does not count)."""

    per_client: str = "10 per minute"  # one address (a room behind one NAT router shares it)
    overall: str = "300 per minute"  # every address together: bounds guessing by many addresses


def rule(text: str, name: str) -> RateLimitItem:
    """Parse a rule such as "5 per 15 minutes" into a limit item of its own namespace."""
    item = parse(text)
    return type(item)(item.amount, item.multiples, namespace=name)


def known_rule(days: int) -> RateLimitItem:
    """Return the 'this address logged in to this account' mark, kept for `days` days."""
    return RateLimitItemPerDay(1, days, namespace="login_known_client")


def client_key(address: str | None) -> str:
    """Return the client a limit counts: an IPv4 address, an IPv6 /64 network, or 'local'.

    One IPv6 subscriber gets a whole /64 and could otherwise rotate addresses within it.
    """
    if not isinstance(address, str) or not address.strip():  # AppTest gives a stand-in object
        return LOCAL_CLIENT
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return address.strip()[:100] or LOCAL_CLIENT
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _hashed(value: str) -> str:
    # Keys name emails and addresses: keep only a digest of them in the database.
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:32]


class Throttled(Exception):
    """Too many attempts: the limit frees a place after `retry_after`."""

    def __init__(self, retry_after: timedelta) -> None:
        super().__init__(f"throttled for {retry_after}")
        self.retry_after = retry_after

    @property
    def minutes(self) -> int:
        """Return the wait in whole minutes, rounded up, at least one."""
        return max(1, math.ceil(self.retry_after.total_seconds() / 60))


Check = tuple[RateLimitItem, tuple[str, ...]]


class Reservation:
    """Places taken in some limits by one attempt; release them when the attempt proved harmless."""

    def __init__(self, storage: DatabaseStorage, keys: list[str]) -> None:
        self._storage = storage
        self._keys = keys

    def release(self) -> None:
        self._storage.release_entries(self._keys)
        self._keys = []


class Limiter:
    """The limits of one database at one moment (`now`, else the clock), through the limits library."""

    def __init__(self, address: Address, now: datetime | None = None) -> None:
        moment = now.timestamp() if now is not None else None
        clock = (lambda: moment) if moment is not None else time.time
        self.storage = DatabaseStorage(storage_uri(address), clock=clock)
        self.strategy = MovingWindowRateLimiter(self.storage)

    def reserve(self, checks: list[Check]) -> Reservation:
        """Take one place in every limit, or none: raise Throttled with the wait of the first full one."""
        taken: list[str] = []
        for item, identifiers in checks:
            ids = [_hashed(i) for i in identifiers]
            if not self.strategy.hit(item, *ids):
                Reservation(self.storage, taken).release()
                reset = self.strategy.get_window_stats(item, *ids).reset_time
                raise Throttled(timedelta(seconds=max(0.0, reset - self.storage.clock())))
            taken.append(item.key_for(*ids))
        return Reservation(self.storage, taken)

    def used(self, item: RateLimitItem, *identifiers: str) -> int:
        """Return how many places of a limit are taken now."""
        stats = self.strategy.get_window_stats(item, *[_hashed(i) for i in identifiers])
        return item.amount - stats.remaining

    def clear(self, item: RateLimitItem, *identifiers: str) -> None:
        self.strategy.clear(item, *[_hashed(i) for i in identifiers])

    def remember(self, item: RateLimitItem, *identifiers: str) -> None:
        """Mark something for the item's period, from now (a one-place limit that is full)."""
        self.clear(item, *identifiers)
        self.strategy.hit(item, *[_hashed(i) for i in identifiers])

    def remembers(self, item: RateLimitItem, *identifiers: str) -> bool:
        return self.used(item, *identifiers) > 0


class LoginGuard:
    """The login limits of one attempt: reserve before the password check, settle after it."""

    def __init__(self, limiter: Limiter, limits: LoginLimits) -> None:
        self.limiter = limiter
        self.account_and_client = rule(limits.per_account_and_client, "login_account_client")
        self.client = rule(limits.per_client, "login_client")
        self.account = rule(limits.per_account, "login_account")
        self.known = known_rule(limits.known_client_days)

    def reserve(self, email: str, client: str) -> Reservation:
        """Count this attempt as a failure until the password proves otherwise (raise Throttled)."""
        checks: list[Check] = [(self.account_and_client, (email, client)), (self.client, (client,))]
        if not self.limiter.remembers(self.known, email, client):
            checks.append((self.account, (email,)))
        return self.limiter.reserve(checks)

    def succeeded(self, reservation: Reservation, email: str, client: str) -> None:
        """The password was right: this was no failure, earlier ones from here are forgiven."""
        reservation.release()
        self.limiter.clear(self.account_and_client, email, client)
        self.limiter.remember(self.known, email, client)

    def failures(self, email: str, client: str) -> int:
        """Return the failed logins counted for an email from one client now."""
        return self.limiter.used(self.account_and_client, email, client)


def join_checks(limits: JoinLimits, client: str) -> list[Check]:
    """Return the limits a workshop join reserves a place in."""
    return [(rule(limits.per_client, "join_client"), (client,)), (rule(limits.overall, "join_overall"), ())]
