"""Editing units: the parts of a dossier that are saved, versioned and restored one by one."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, NamedTuple, get_args

from pydantic import BaseModel, ConfigDict, ValidationError

from workbench.dossier.model import SECTION_KEYS, Dossier, Model, Strategy


class UnitRef(NamedTuple):
    """Names one editing unit: ('partner', 'stw'), ('section', 'doelgroep'), ('identity', '')."""

    kind: str
    key: str = ""

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}" if self.key else self.kind


class Change(BaseModel):
    """A new state for one unit (None deletes it), based on the version it was loaded at."""

    model_config = ConfigDict(frozen=True)

    unit: UnitRef
    data: dict[str, Any] | None
    base_version: int

    @classmethod
    def put(cls, unit: UnitRef, value: Model, base_version: int) -> Change:
        """Describe saving a model as the new state of a unit."""
        return cls(unit=unit, data=value.model_dump(mode="json"), base_version=base_version)


class _Kind(NamedTuple):
    field: str  # attribute of Dossier that holds the unit(s)
    key_field: str | None  # None: one unit per dossier


# List units are keyed by the item's own id; singletons have an empty key.
KINDS: dict[str, _Kind] = {
    "identity": _Kind("identity", None),
    "partner": _Kind("partners", "id"),
    "custom_role": _Kind("custom_roles", "key"),
    "role": _Kind("roles", "id"),
    "flow": _Kind("flows", "id"),
    "access_point": _Kind("access_points", "id"),
    "governance": _Kind("governance", None),
    "section": _Kind("strategy", None),
    "processing": _Kind("processing", "id"),
    "planning": _Kind("planning", None),
    # Added with issue 13; an older database simply has none of these rows (defaults apply).
    "signatory": _Kind("signatories", "id"),
    "funding_stream": _Kind("funding_streams", "id"),
    "funding_line": _Kind("funding_lines", "id"),
    "trajectory": _Kind("trajectories", "id"),
    "lending": _Kind("lending", None),
}
_LIST_KIND_BY_FIELD = {k.field: name for name, k in KINDS.items() if k.key_field}


def identity_unit() -> UnitRef:
    return UnitRef(kind="identity")


def section_unit(section: str) -> UnitRef:
    return UnitRef(kind="section", key=section)


def item_unit(kind: str, key: str) -> UnitRef:
    if kind not in KINDS or KINDS[kind].key_field is None:
        raise ValueError(f"{kind} is not a list unit")
    return UnitRef(kind=kind, key=key)


def singleton_units() -> list[UnitRef]:
    """Return the units every dossier has exactly once."""
    singles = [UnitRef(kind=k) for k, spec in KINDS.items() if spec.key_field is None and k != "section"]
    return singles + [section_unit(s) for s in SECTION_KEYS]


def unit_data(dossier: Dossier, unit: UnitRef) -> dict[str, Any] | None:
    """Return one unit of a dossier as JSON-ready data (None when it is absent)."""
    spec = KINDS[unit.kind]
    if unit.kind == "section":
        value = getattr(dossier.strategy, unit.key, None)
    elif spec.key_field is None:
        value = getattr(dossier, spec.field)
    else:
        value = next(
            (i for i in getattr(dossier, spec.field) if getattr(i, spec.key_field) == unit.key), None
        )
    return None if value is None else value.model_dump(mode="json")


def disassemble(dossier: Dossier) -> dict[UnitRef, dict[str, Any]]:
    """Split a dossier into its units, as JSON-ready data, in dossier order."""
    raw = dossier.model_dump(mode="json")
    units: dict[UnitRef, dict[str, Any]] = {}
    for kind, spec in KINDS.items():
        if kind == "section":
            for section in SECTION_KEYS:
                units[section_unit(section)] = raw["strategy"][section]
        elif spec.key_field is None:
            units[UnitRef(kind=kind)] = raw[spec.field]
        else:
            for item in raw[spec.field]:
                units[UnitRef(kind=kind, key=item[spec.key_field])] = item
    return units


def stored_unit(unit: UnitRef, text: str) -> Model | dict[str, Any]:
    """Return a stored unit (its JSON text) validated, the same text validated once per process.

    A dossier is assembled from its units on every save and on every load of a new revision;
    all but the changed ones are the same texts as before. A model handed to `assemble` is not
    validated again (pydantic takes an instance of the field's type as it is), while the checks
    across units (references) run on every assembly. A text its model refuses comes back as data,
    so that the dossier's validation reports it in its place.
    """
    try:
        return _validated(unit.kind, unit.key if unit.kind == "section" else "", text)
    except (ValidationError, ValueError, KeyError):
        return dict(json.loads(text))


@lru_cache(maxsize=8192)
def _validated(kind: str, section: str, text: str) -> Model:
    # Shared between records like a cached record's dossier: models read from the store are
    # never changed in place (edits make new ones with model_copy or from widget values).
    return _model_of(kind, section).model_validate(json.loads(text))


def _model_of(kind: str, section: str) -> type[Model]:
    """Return the model class of one unit kind (of one section, for the strategy's sections)."""
    if kind == "section":
        annotation = Strategy.model_fields[section].annotation
    else:
        spec = KINDS[kind]
        annotation = Dossier.model_fields[spec.field].annotation
        if spec.key_field is not None:
            (annotation,) = get_args(annotation)
    if not (isinstance(annotation, type) and issubclass(annotation, Model)):
        raise KeyError(kind)
    return annotation


def assemble(units: Mapping[UnitRef, Model | dict[str, Any]]) -> Dossier:
    """Build and validate a dossier from its units (list items keep the order given)."""
    raw: dict[str, Any] = {spec.field: [] for spec in KINDS.values() if spec.key_field}
    raw["strategy"] = {}
    for unit, data in units.items():
        spec = KINDS[unit.kind]
        if unit.kind == "section":
            raw["strategy"][unit.key] = data
        elif spec.key_field is None:
            raw[spec.field] = data
        else:
            raw[spec.field].append(data)
    return Dossier.model_validate(raw)


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Name the top-level fields whose value differs."""
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


def list_kind(field: str) -> str:
    """Return the unit kind that holds the items of a dossier list field."""
    return _LIST_KIND_BY_FIELD[field]
