"""Validation in the user's words: pydantic errors and cross-field rules as translated problems."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from workbench.dossier.calls import call_profile, period_end_limit
from workbench.dossier.model import Dossier, excerpt
from workbench.dossier.problems import Loc, Problem


def item_names(raw: Any, loc: Sequence[str | int]) -> dict[int, str]:
    """Find the name or title of each list item along a location in raw input."""
    names: dict[int, str] = {}
    node = raw
    for i, step in enumerate(loc):
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(step, int) and isinstance(node, Mapping):
            label = node.get("name") or node.get("title") or node.get("description")
            if isinstance(label, str) and excerpt(label):
                names[i] = excerpt(label)
    return names


def from_validation_error(error: ValidationError, raw: Any = None) -> list[Problem]:
    """Turn a pydantic ValidationError into problems keyed by error type, never by English text."""
    problems = []
    for item in error.errors(include_url=False):
        ctx = dict(item.get("ctx") or {})
        loc: Loc = tuple(item["loc"])
        if item["type"] == "unknown_reference":
            loc = tuple(ctx.pop("loc", ()))
            if ctx.get("kind") == "duplicate":
                problems.append(
                    Problem(code="error.duplicate_id", loc=loc, params=ctx, names=item_names(raw, loc))
                )
                continue
        # Values may quote the input (a file's text): one clean line, never a flood.
        params = {k: excerpt(str(v), 300) for k, v in ctx.items()}
        kind = item["type"]
        if kind in ("too_short", "too_long") and isinstance(item.get("input"), str):
            kind = f"string_{kind}"  # cleaned strings report the generic length error
        problems.append(Problem(code=f"error.{kind}", loc=loc, params=params, names=item_names(raw, loc)))
    return problems


def parse_dossier(raw: Any) -> tuple[Dossier | None, list[Problem]]:
    """Validate raw JSON data; return the dossier or the problems that stop it."""
    try:
        return Dossier.model_validate(raw), []
    except ValidationError as exc:
        return None, from_validation_error(exc, raw)


def rule_problems(dossier: Dossier) -> list[Problem]:
    """Check the cross-field rules of the dossier's call: promotor, budget cap, period."""
    found: list[Problem] = []
    promotors = dossier.partners_with_role("promotor")
    if len(promotors) > 1:
        names = ", ".join(p.name for p in promotors)
        found.append(Problem(code="rule.promotor_multiple", params={"count": len(promotors), "names": names}))
    elif not promotors and dossier.partners:
        found.append(Problem(code="rule.promotor_missing", loc=("roles",)))

    profile = call_profile(dossier.identity.call)
    total = dossier.budget_total()
    if total > profile.max_subsidy:
        found.append(
            Problem(
                code="rule.budget_over_cap",
                loc=("roles",),
                params={"total": total, "cap": profile.max_subsidy},
            )
        )
    found += _period_problems(dossier)
    from workbench.dossier import legal_rules  # the legal rules build on the model and the calls, as these do

    found += legal_rules.problems(dossier)
    return found


def _period_problems(dossier: Dossier) -> list[Problem]:
    profile = call_profile(dossier.identity.call)
    start, end = dossier.identity.period.start, dossier.identity.period.end
    loc: Loc = ("identity", "period")
    if start is None or end is None:
        return [Problem(code="rule.period_missing", severity="warning", loc=loc)] if dossier.partners else []
    found = []
    if profile.earliest_start and start < profile.earliest_start:
        found.append(
            Problem(
                code="rule.start_before_call",
                loc=loc,
                params={"start": start, "limit": profile.earliest_start},
            )
        )
    if profile.latest_end and end > profile.latest_end:
        found.append(
            Problem(code="rule.end_after_call", loc=loc, params={"end": end, "limit": profile.latest_end})
        )
    if profile.max_duration_months:
        limit = period_end_limit(start, profile.max_duration_months)
        if end > limit:
            found.append(
                Problem(
                    code="rule.period_too_long",
                    loc=loc,
                    params={"months": profile.max_duration_months, "limit": limit},
                )
            )
    if profile.min_duration_months:
        limit = period_end_limit(start, profile.min_duration_months)
        if end < limit:
            found.append(
                Problem(
                    code="rule.period_too_short",
                    loc=loc,
                    params={"months": profile.min_duration_months, "limit": limit},
                )
            )
    for i, m in enumerate(dossier.planning.milestones):
        if m.due and not start <= m.due <= end:
            found.append(
                Problem(
                    code="rule.milestone_outside_period",
                    severity="warning",
                    loc=("planning", "milestones", i),
                    params={"title": m.title, "due": m.due},
                )
            )
    return found


def check(raw: Any) -> list[Problem]:
    """Return every problem of raw dossier data: structure first, then the call's rules."""
    dossier, problems = parse_dossier(raw)
    return problems if dossier is None else rule_problems(dossier)
