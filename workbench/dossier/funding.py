"""Funding streams: the call's share under its cap and the other streams (documents/funding.py: the plan).

The call's budget lines are the role assignments' budgets (as before); every other source (a
public programme such as "E-inclusion for Belgium", own contribution, other) has its own lines.
The call's cap applies to the call's stream only.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from workbench.dossier.calls import call_profile
from workbench.dossier.model import Budget, CostCategory, Dossier, FundingKind

CATEGORIES: tuple[str, ...] = tuple(c.value for c in CostCategory)
CALL = "call"  # the key of the call's own stream


@dataclass(frozen=True)
class StreamLine:
    partner_id: str
    role: str
    description: str
    budget: Budget


@dataclass(frozen=True)
class Stream:
    """One source of money with its lines: the call first, then the dossier's own streams."""

    key: str
    name: str
    kind: str  # "call" or a FundingKind value
    funder: str
    decision: str
    lines: tuple[StreamLine, ...]

    @property
    def total(self) -> Decimal:
        return sum((line.budget.total for line in self.lines), Decimal(0))

    def category_total(self, category: str) -> Decimal:
        return sum((getattr(line.budget, category) for line in self.lines), Decimal(0))


def streams(dossier: Dossier, call_name: str = "", call_funder: str = "") -> list[Stream]:
    """Return every funding stream with its budget lines, the call's own stream first."""
    call_lines = tuple(StreamLine(r.partner_id, r.role, r.engagement, r.budget) for r in dossier.roles)
    found = [Stream(CALL, call_name, CALL, call_funder, "", call_lines)]
    for s in dossier.funding_streams:
        lines = tuple(
            StreamLine(line.partner_id, line.role, line.description, line.budget)
            for line in dossier.funding_lines
            if line.stream_id == s.id
        )
        decision = " ".join(x for x in (s.decision_reference,) if x)
        found.append(Stream(s.id, s.name, s.kind.value, s.funder, decision, lines))
    return found


def call_share(dossier: Dossier) -> Decimal:
    """Return what the call pays: the part the call's cap applies to."""
    return dossier.budget_total()


def total(dossier: Dossier) -> Decimal:
    """Return the whole project budget: the call's share and every other stream."""
    return dossier.budget_total() + dossier.cofunding_total()


def disallowed_categories(dossier: Dossier) -> list[tuple[int, str]]:
    """List (role index, category) where the call's lines use a category the call does not allow."""
    allowed = set(call_profile(dossier.identity.call).cost_categories)
    return [
        (i, c)
        for i, r in enumerate(dossier.roles)
        for c in CATEGORIES
        if c not in allowed and getattr(r.budget, c) > 0
    ]


def other_programmes(dossier: Dossier) -> list[str]:
    """Name the other public programmes and sources that co-fund the project."""
    return [s.name for s in dossier.funding_streams if s.kind is not FundingKind.OWN_CONTRIBUTION] + [
        s.name for s in dossier.funding_streams if s.kind is FundingKind.OWN_CONTRIBUTION
    ]
