"""The parts of a dossier: finding the unit or item a form edits, and what a deletion takes along."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from workbench.dossier import model as m
from workbench.dossier.model import Dossier, Model
from workbench.dossier.units import KINDS, UnitRef, section_unit
from workbench.guide.form_specs import FormSpec
from workbench.guide.forms import CUSTOM_ROLE, PARTNER, TARGET_GROUP


def unit_model(dossier: Dossier, unit: UnitRef) -> Model | None:
    """Return the model that a unit holds in a dossier, or None when it does not exist."""
    spec = KINDS[unit.kind]
    if unit.kind == "section":
        return getattr(dossier.strategy, unit.key)
    if spec.key_field is None:
        return getattr(dossier, spec.field)
    return next((x for x in getattr(dossier, spec.field) if getattr(x, spec.key_field) == unit.key), None)


def part(dossier: Dossier, spec: FormSpec, item: str = "") -> Model | None:
    """Return what a form edits in a dossier: the unit, or the item of a list inside it."""
    if spec.is_list and not item:
        return None
    holder = unit_model(dossier, spec.unit(item))
    if not spec.items or holder is None:
        return holder
    return next((x for x in getattr(holder, spec.items) if x.id == item), None)


def units(dossier: Dossier) -> list[tuple[UnitRef, Model]]:
    """List every unit of a dossier with its model, in dossier order."""
    found: list[tuple[UnitRef, Model]] = []
    for kind, spec in KINDS.items():
        if kind == "section":
            found += [(section_unit(s), getattr(dossier.strategy, s)) for s in m.SECTION_KEYS]
        elif spec.key_field is None:
            found.append((UnitRef(kind=kind), getattr(dossier, spec.field)))
        else:
            found += [
                (UnitRef(kind=kind, key=getattr(x, spec.key_field)), x) for x in getattr(dossier, spec.field)
            ]
    return found


# ---------------------------------------------------------------- what a deletion takes along


class Ref(NamedTuple):
    """Something other parts may point to: ('partner', id), ('target_group', id), ('role', key)."""

    kind: Literal["partner", "target_group", "role"]
    value: str


# Items that mean nothing without the partner they link, even when the link is optional.
_DROP_WHEN_UNLINKED: tuple[type[Model], ...] = (m.Flow,)


def _points_to(model: type[Model], name: str, ref: Ref) -> Literal["one", "many", ""]:
    if ref.kind == "partner":
        return "many" if name.endswith("partner_ids") else "one" if name.endswith("partner_id") else ""
    if ref.kind == "target_group":
        return "many" if name == "target_group_ids" else ""
    return "one" if model is m.RoleAssignment and name == "role" else ""


def _strip(obj: Model, ref: Ref) -> Model | None:
    """Return obj without references to ref; None when obj cannot exist without it."""
    updates: dict[str, Any] = {}
    cls = type(obj)
    for name, info in cls.model_fields.items():
        value = getattr(obj, name)
        points = _points_to(cls, name, ref)
        if points == "one" and value == ref.value:
            if info.is_required() or cls in _DROP_WHEN_UNLINKED:
                return None
            updates[name] = None
        elif points == "many" and ref.value in value:
            updates[name] = [v for v in value if v != ref.value]
        elif isinstance(value, Model):
            stripped = _strip(value, ref)
            if stripped is not value:
                updates[name] = stripped
        elif isinstance(value, list) and value and isinstance(value[0], Model):
            kept = [_strip(v, ref) for v in value]
            if any(k is not v for k, v in zip(kept, value, strict=True)):
                updates[name] = [k for k in kept if k is not None]
    return obj.model_copy(update=updates) if updates else obj


@dataclass(frozen=True)
class Consequence:
    """One unit a deletion also touches: deleted with it, or changed to drop a reference."""

    unit: UnitRef
    action: Literal["delete", "unlink"]
    model: Model


def detach(dossier: Dossier, ref: Ref, skip: UnitRef | None = None) -> list[Consequence]:
    """Find what must change elsewhere so that nothing points to ref any more."""
    found = []
    for unit, obj in units(dossier):
        if unit == skip:
            continue
        stripped = _strip(obj, ref)
        if stripped is None:
            found.append(Consequence(unit, "delete", obj))
        elif stripped is not obj and stripped != obj:
            found.append(Consequence(unit, "unlink", stripped))
    return found


def _ref_of(spec: FormSpec, obj: Model) -> Ref | None:
    if spec is PARTNER:
        return Ref("partner", obj.id)  # type: ignore[attr-defined]
    if spec is TARGET_GROUP:
        return Ref("target_group", obj.id)  # type: ignore[attr-defined]
    if spec is CUSTOM_ROLE:
        return Ref("role", obj.key)  # type: ignore[attr-defined]
    return None


def _without_item(holder: Model, items: str, item: str) -> Model:
    return holder.model_copy(update={items: [x for x in getattr(holder, items) if x.id != item]})


def deletion(dossier: Dossier, spec: FormSpec, item: str) -> tuple[Model | None, list[Consequence]]:
    """Return the part a deletion removes and everything else it deletes or unlinks with it."""
    obj = part(dossier, spec, item)
    if obj is None:
        return None, []
    ref = _ref_of(spec, obj)
    if ref is None:
        return obj, []
    if not spec.items:
        return obj, detach(dossier, ref, skip=spec.unit(item))
    # The item lives inside a unit that may itself refer to it: strip it from that unit too.
    holder = unit_model(dossier, spec.unit(item))
    assert holder is not None
    smaller = dossier.model_copy(deep=True)
    setattr(smaller.strategy, spec.section, _without_item(holder, spec.items, item))
    return obj, detach(smaller, ref, skip=spec.unit(item))
