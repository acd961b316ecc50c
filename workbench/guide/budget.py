"""Budget and planning: the budget per partner and cost category, and the changes an edit makes."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from pydantic import ValidationError

from workbench.dossier.calls import call_profile
from workbench.dossier.model import Budget, CostCategory, Dossier, Milestone, Planning, new_id
from workbench.dossier.records import DossierRecord, InvalidChange
from workbench.dossier.units import Change, UnitRef, item_unit
from workbench.dossier.validation import Problem, from_validation_error

# The call's own cost categories (calls.toml); investments, where another stream allows them, are
# edited in the role and funding-line forms.
CATEGORIES: tuple[str, ...] = tuple(c.value for c in CostCategory if c is not CostCategory.INVESTERINGEN)
PLANNING_UNIT = UnitRef(kind="planning")
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class BudgetRow:
    """The summed budget of one partner, by cost category."""

    partner_id: str
    partner: str
    funded: bool
    amounts: dict[str, Decimal]

    @property
    def total(self) -> Decimal:
        return sum(self.amounts.values(), Decimal(0))


@dataclass(frozen=True)
class BudgetTable:
    """The budget per partner x cost category, with totals and the call's cap."""

    rows: list[BudgetRow]
    totals: dict[str, Decimal]
    cap: Decimal

    @property
    def total(self) -> Decimal:
        return sum(self.totals.values(), Decimal(0))

    @property
    def remaining(self) -> Decimal:
        """What is left under the cap; negative when the budget exceeds it."""
        return self.cap - self.total


@dataclass(frozen=True)
class RoleLine:
    """One role assignment's budget, as the budget editor shows it."""

    role_id: str
    partner: str
    role: str  # a catalogue role key or the dossier's own label of a custom role
    amounts: dict[str, Decimal]


def _amounts(budget: Budget) -> dict[str, Decimal]:
    return {c: getattr(budget, c) for c in CATEGORIES}


def budget_table(dossier: Dossier) -> BudgetTable:
    """Sum the role budgets per partner (in partner order) and per cost category."""
    sums = {p.id: dict.fromkeys(CATEGORIES, Decimal(0)) for p in dossier.partners}
    for role in dossier.roles:
        for category, amount in _amounts(role.budget).items():
            sums[role.partner_id][category] += amount
    rows = [BudgetRow(p.id, p.name, p.funded, sums[p.id]) for p in dossier.partners]
    totals = {c: sum((r.amounts[c] for r in rows), Decimal(0)) for c in CATEGORIES}
    return BudgetTable(rows=rows, totals=totals, cap=call_profile(dossier.identity.call).max_subsidy)


def role_lines(dossier: Dossier) -> list[RoleLine]:
    """List every role assignment with its budget, grouped by partner in partner order."""
    order = {p.id: i for i, p in enumerate(dossier.partners)}
    labels = {c.key: c.label for c in dossier.custom_roles}
    names = {p.id: p.name for p in dossier.partners}
    roles = sorted(dossier.roles, key=lambda r: order.get(r.partner_id, len(order)))
    return [
        RoleLine(r.id, names.get(r.partner_id, r.partner_id), labels.get(r.role, r.role), _amounts(r.budget))
        for r in roles
    ]


def money(value: Any) -> Decimal:
    """Read an amount typed in a table cell: empty means 0, cents are rounded half up."""
    if _blank(value):
        return Decimal(0)
    try:
        return Decimal(str(value).strip().replace(" ", "")).quantize(_CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:
        raise ValueError(f"not an amount: {value!r}") from exc


def changes_for_budget_edits(record: DossierRecord, edits: Mapping[str, Mapping[str, Any]]) -> list[Change]:
    """Turn edited amounts {role_id: {category: amount}} into one Change per changed role.

    Each change is based on the role's version in `record`, the dossier as it was loaded when
    the user started editing: if someone saved that role since, the store refuses the change.
    Raises InvalidChange, naming the role, when an amount is not valid.
    """
    roles = {r.id: (i, r) for i, r in enumerate(record.dossier.roles)}
    changes: list[Change] = []
    problems: list[Problem] = []
    for role_id, typed in edits.items():
        if role_id not in roles:
            continue  # not a role of the dossier the user edited
        index, role = roles[role_id]
        found, budget = _read_budget(role.budget, typed)
        problems += [_name_role(record.dossier, index, p) for p in found]
        if budget is None or budget == role.budget:
            continue
        unit = item_unit("role", role_id)
        changes.append(Change.put(unit, role.model_copy(update={"budget": budget}), record.version(unit)))
    if problems:
        raise InvalidChange(problems)
    return changes


def budget_changes_on(
    base: DossierRecord, edits: Mapping[str, Mapping[str, Any]]
) -> Callable[[DossierRecord], list[Change]]:
    """Return the user's budget edits as changes on any record: first the one they edited.

    Only the roles the user changed relative to `base` count, so saving again on a newer record
    (after the user chose their version in a conflict) never undoes someone else's other roles.
    """

    def changes(record: DossierRecord) -> list[Change]:
        mine = {c.unit.key: edits[c.unit.key] for c in changes_for_budget_edits(base, edits)}
        return changes_for_budget_edits(record, mine)

    return changes


def _read_budget(current: Budget, typed: Mapping[str, Any]) -> tuple[list[Problem], Budget | None]:
    amounts: dict[str, Decimal] = {}
    problems = []
    for category in CATEGORIES:
        try:
            amounts[category] = money(typed.get(category, getattr(current, category)))
        except ValueError:
            value = str(typed.get(category))
            problems.append(Problem(code="error.decimal_parsing", loc=(category,), params={"value": value}))
    if problems:
        return problems, None
    try:
        return [], Budget.model_validate(amounts)
    except ValidationError as exc:
        return from_validation_error(exc), None


def _name_role(dossier: Dossier, index: int, problem: Problem) -> Problem:
    """Place a budget problem under its role: 'Rollen > Stad Mortsel (promotor) > Budget > Loonkosten'."""
    role = dossier.roles[index]
    partner = dossier.partner(role.partner_id)
    name = f"{partner.name if partner else role.partner_id} ({role.role})"
    loc = ("roles", index, "budget", *problem.loc)
    return problem.model_copy(update={"loc": loc, "names": {1: name}})


# ---------------------------------------------------------------- planning


def partner_choices(dossier: Dossier) -> dict[str, str]:
    """Return {label: partner id} with a distinct label per partner (names may repeat)."""
    seen: dict[str, int] = {}
    for p in dossier.partners:
        seen[p.name] = seen.get(p.name, 0) + 1
    return {(p.name if seen[p.name] == 1 else f"{p.name} ({p.id})"): p.id for p in dossier.partners}


def milestone_rows(dossier: Dossier) -> list[dict[str, Any]]:
    """Return the milestones as table rows: id, title, due date, owner label."""
    labels = {pid: label for label, pid in partner_choices(dossier).items()}
    return [
        {"id": m.id, "title": m.title, "due": m.due, "owner": labels.get(m.owner_partner_id or "")}
        for m in dossier.planning.milestones
    ]


def _as_date(value: Any) -> date | None:
    if _blank(value):  # also pandas' NaT, which is a datetime
        return None
    if isinstance(value, datetime):  # pandas Timestamps are datetimes
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    return date.fromisoformat(text[:10]) if text and text not in ("NaT", "None") else None


def _blank(value: Any) -> bool:
    return (
        value is None or (isinstance(value, float) and math.isnan(value)) or str(value).strip() in ("", "NaT")
    )


def planning_from_rows(dossier: Dossier, rows: Iterable[Mapping[str, Any]], narrative: str) -> Planning:
    """Build the planning from edited table rows; rows left entirely empty are dropped.

    Raises InvalidChange naming the milestone row (e.g. a milestone without title).
    """
    choices = partner_choices(dossier)
    milestones: list[Milestone] = []
    problems: list[Problem] = []
    filled = [row for row in rows if not all(_blank(row.get(k)) for k in ("title", "due", "owner"))]
    for position, row in enumerate(filled):
        owner = row.get("owner")
        raw = {
            "id": new_id() if _blank(row.get("id")) else str(row["id"]),
            "title": "" if _blank(row.get("title")) else str(row["title"]),
            "due": _as_date(row.get("due")),
            "owner_partner_id": None if _blank(owner) else choices.get(str(owner), str(owner)),
        }
        try:
            milestones.append(Milestone.model_validate(raw))
        except ValidationError as exc:
            loc: tuple[str | int, ...] = ("planning", "milestones", position)
            problems += [p.model_copy(update={"loc": loc + p.loc}) for p in from_validation_error(exc)]
    if problems:
        raise InvalidChange(problems)
    return Planning(milestones=milestones, narrative=narrative or "")


def planning_changes_on(
    rows: Iterable[Mapping[str, Any]], narrative: str
) -> Callable[[DossierRecord], list[Change]]:
    """Return the user's planning (table rows and text) as a change on any record."""
    kept = [dict(row) for row in rows]
    return lambda record: planning_change(record, planning_from_rows(record.dossier, kept, narrative))


def planning_change(record: DossierRecord, planning: Planning) -> list[Change]:
    """Describe saving the planning, based on its version in the record the user edited."""
    if planning == record.dossier.planning:
        return []
    return [Change.put(PLANNING_UNIT, planning, record.version(PLANNING_UNIT))]
