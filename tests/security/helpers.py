"""What the security suites share: a hasher that counts password checks, parallel starts."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from argon2 import PasswordHasher

T = TypeVar("T")
PASSWORD = "Correct-Paard-Batterij-Nietje"
EMAIL = "ann@stad.be"


class CountingHasher(PasswordHasher):
    """Real argon2 (cheap parameters) that counts its verifications: the password checks that ran."""

    def __init__(self) -> None:
        super().__init__(time_cost=2, memory_cost=4096, parallelism=1)
        self.checks = 0
        self._lock = threading.Lock()

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:  # noqa: A002 - argon2's name
        with self._lock:
            self.checks += 1
        return super().verify(hash, password)


def all_at_once(count: int, attempt: Callable[[int], T]) -> list[T]:
    """Run `attempt(i)` in `count` threads released together by a barrier; return their results."""
    start = threading.Barrier(count, timeout=60)

    def run(i: int) -> T:
        start.wait()
        return attempt(i)

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(run, range(count)))
