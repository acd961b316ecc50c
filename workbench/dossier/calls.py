"""Call profiles of the programme, read from data/calls.toml (caps, periods, required content)."""

from __future__ import annotations

import tomllib
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from workbench.dossier.model import CallKind

_CALLS_FILE = Path(__file__).parents[1] / "data" / "calls.toml"


class FundingTier(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    users_up_to: int = Field(ge=0, description="0 means: above the previous tier")
    amount: Decimal


class CallProfile(BaseModel):
    """What one call allows and expects."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: CallKind
    max_subsidy: Decimal
    min_duration_months: int = 0
    max_duration_months: int = 0
    earliest_start: date | None = None
    latest_end: date | None = None
    required_sections: tuple[str, ...] = ()
    key_roles: tuple[str, ...] = ()
    funding_tiers: tuple[FundingTier, ...] = ()
    min_target_groups: int = Field(default=1, ge=0)
    skip_rules: tuple[str, ...] = ()  # completeness rules (data/completeness.toml) this call does not ask
    # Cost categories the call's own budget lines may use; other funding streams may use any.
    cost_categories: tuple[str, ...] = ("loonkosten", "werkingskosten", "externe_prestaties")


@cache
def call_profiles() -> dict[CallKind, CallProfile]:
    """Return every call profile by kind."""
    raw = tomllib.loads(_CALLS_FILE.read_text(encoding="utf-8"))
    return {CallKind(k): CallProfile(key=CallKind(k), **v) for k, v in raw.items()}


def call_profile(kind: CallKind | str) -> CallProfile:
    """Return the profile of one call."""
    return call_profiles()[CallKind(kind)]


def add_months(start: date, months: int) -> date:
    """Return the same day `months` later, clamped to the month's last day."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    for day in (start.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def period_end_limit(start: date, months: int) -> date:
    """Return the last day of a period of `months` months that starts on `start`."""
    return date.fromordinal(add_months(start, months).toordinal() - 1)
