"""Saving and deleting through a form: validate, notice someone else's change, merge, cascade.

Everything a form's save button does is planned here, without Streamlit, against the newest
saved dossier: the UI only applies the plan with the store and shows the outcome.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from pydantic import ValidationError

from workbench.dossier.model import ROLE_CATALOGUE, Model, new_id
from workbench.dossier.records import DossierRecord
from workbench.dossier.units import Change
from workbench.dossier.validation import Problem, from_validation_error
from workbench.guide.form_specs import FormSpec, Kind
from workbench.guide.forms import CUSTOM_ROLE
from workbench.guide.parts import Consequence, deletion, part, unit_model
from workbench.guide.widget_values import apply_values, changed_paths, snapshot


def custom_role_key(label: str, taken: tuple[str, ...] | set[str]) -> str:
    """Make a role key from a label: 'Buurtwerker (wijk)' -> 'buurtwerker_wijk', unique."""
    ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "_", ascii_label.lower()).strip("_")[:34] or "rol"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key


# Dates a form accepts. The date widget has no limits of its own: the browser would show a date
# outside them in red with an English tooltip and send nothing, so the save said "unchanged".
EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)


def date_problems(spec: FormSpec, built: Model) -> list[Problem]:
    """Refuse dates outside EARLIEST..LATEST (a typo such as 0224 for 2024), naming the field."""
    found = []
    for f in spec.fields:
        if f.kind is not Kind.DATE:
            continue
        value: Any = built
        for name in f.path.split("."):
            value = getattr(value, name, None)
        if isinstance(value, date) and not EARLIEST <= value <= LATEST:
            params = {"earliest": EARLIEST.year, "latest": LATEST.year}
            found.append(Problem(code="error.date_out_of_range", loc=tuple(f.path.split(".")), params=params))
    return found


@dataclass
class Plan:
    """What a save or delete would do, or why it cannot."""

    outcome: Literal["save", "conflict", "invalid", "unchanged", "gone"]
    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    item: str = ""  # the item the form now edits (a new item gets its id here)
    theirs: Model | None = None  # the other person's version (None: they deleted it)
    changed: list[str] = field(default_factory=list)  # field paths they changed
    by: str = ""
    at: datetime | None = None
    consequences: list[Consequence] = field(default_factory=list)


def _holder_change(
    record: DossierRecord, spec: FormSpec, item: str, new_item: dict[str, Any] | None
) -> Change:
    """Put an item (None: remove it) into the newest saved version of the unit that holds it."""
    unit = spec.unit(item)
    holder = unit_model(record.dossier, unit)
    assert holder is not None
    data = holder.model_dump(mode="json")
    items: list[dict[str, Any]] = data[spec.items]
    at = next((i for i, x in enumerate(items) if x["id"] == item), None)
    if new_item is None:
        if at is not None:
            del items[at]
    elif at is None:
        items.append(new_item)
    else:
        items[at] = new_item
    return Change(unit=unit, data=data, base_version=record.version(unit))


def plan_save(
    record: DossierRecord,
    spec: FormSpec,
    item: str,
    values: dict[str, Any],
    seen: dict[str, Any] | None,
) -> Plan:
    """Plan saving a form's values, based on the newest saved dossier.

    `seen` is the snapshot of the part when the form was filled. If the saved part differs
    from it now, someone else changed this very part: that is a conflict, and the user must
    choose. Changes by others to other fields or other items are kept (merged).
    """
    new = spec.is_list and not item
    obj = part(record.dossier, spec, item)
    if not new and snapshot(spec, obj) != seen:
        unit = spec.unit(item)
        saved = record.versions.get(str(unit))
        return Plan(
            "conflict",
            item=item,
            theirs=obj,
            changed=changed_paths(seen, snapshot(spec, obj)),
            by=saved.by if saved else "?",
            at=saved.at if saved else None,
        )
    base = obj.model_dump(mode="json") if obj is not None else {}
    data = apply_values(spec, base, values)
    if obj is None and spec.is_list:
        # A new item, or one someone deleted meanwhile that this user chose to keep.
        key_field = "key" if spec is CUSTOM_ROLE else "id"
        if new and spec is CUSTOM_ROLE:
            taken = set(ROLE_CATALOGUE) | {r.key for r in record.dossier.custom_roles}
            item = custom_role_key(str(data.get("label") or ""), taken)
        elif new:
            item = new_id()
        data[key_field] = item
    try:
        built = spec.model.model_validate(data)
    except ValidationError as exc:
        return Plan("invalid", problems=from_validation_error(exc, data), item="" if new else item)
    if problems := date_problems(spec, built):
        return Plan("invalid", problems=problems, item="" if new else item)
    dumped = built.model_dump(mode="json")
    if not new and dumped == base:
        return Plan("unchanged", item=item)
    if spec.items:
        return Plan("save", [_holder_change(record, spec, item, dumped)], item=item)
    unit = spec.unit(item)
    return Plan("save", [Change(unit=unit, data=dumped, base_version=record.version(unit))], item=item)


def plan_delete(record: DossierRecord, spec: FormSpec, item: str) -> Plan:
    """Plan deleting a list item or unit together with what refers to it, in one atomic apply."""
    obj, consequences = deletion(record.dossier, spec, item)
    if obj is None:
        return Plan("gone", item=item)
    changes = [
        Change(
            unit=c.unit,
            data=None if c.action == "delete" else c.model.model_dump(mode="json"),
            base_version=record.version(c.unit),
        )
        for c in consequences
    ]
    unit = spec.unit(item)
    own = (
        _holder_change(record, spec, item, None)
        if spec.items
        else Change(unit=unit, data=None, base_version=record.version(unit))
    )
    return Plan("save", [own, *changes], item=item, consequences=consequences)


def problem_field(spec: FormSpec, problem: Problem) -> str | None:
    """Return the path of the form field a validation problem is about, if the form shows it."""
    names = [str(step) for step in problem.loc if isinstance(step, str)]
    paths = [f.path for f in spec.fields]
    for n in range(len(names), 0, -1):
        candidate = ".".join(names[:n])
        if candidate in paths:
            return candidate
        inside = [p for p in paths if p.startswith(candidate + ".")]
        if inside:  # a rule on a group of fields (the period) is shown at its last field
            return inside[-1]
    return None
