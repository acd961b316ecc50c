"""The one clock: the moment now, and how moments are written in the database and read back."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    """Return the moment now, in UTC."""
    return datetime.now(UTC)


def stamp(moment: datetime | None = None) -> str:
    """Write a moment (default: now) as stored: ISO 8601 with microseconds, always the same width.

    A fixed width lets stamps compare as text in SQL ("since the start", rate limits, newest first).
    """
    return (moment or now()).isoformat(timespec="microseconds")


def moment(value: str) -> datetime:
    """Read a stored moment back."""
    return datetime.fromisoformat(value)
