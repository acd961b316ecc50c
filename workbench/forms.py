"""Forms as data: which widgets edit which part of a dossier, and what a save or delete does.

A form edits some fields of one part of a dossier: a whole unit (a partner), some fields of a
singleton unit (the stuurgroep inside governance) or one item of a list inside a unit (a
target group inside the doelgroep section). The UI draws widgets from a FormSpec and hands
the widget values back; everything a save does is computed here, without Streamlit:
validation, noticing that someone else changed the same part since the form was filled,
merging into the newest saved unit, and the cascade a deletion needs so that no reference
is left dangling.
"""

from __future__ import annotations

import copy
import re
import types
import typing
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum, StrEnum
from typing import Any, Literal, NamedTuple

from pydantic import ValidationError
from pydantic.fields import FieldInfo

from workbench import model as m
from workbench.model import ROLE_CATALOGUE, Dossier, Model, new_id
from workbench.store import DossierRecord
from workbench.units import KINDS, Change, UnitRef, section_unit
from workbench.validation import Problem, from_validation_error


class Kind(StrEnum):
    """The kinds of widget a field needs."""

    LINE = "line"  # one line of text
    TEXT = "text"  # several lines of text
    LINES = "lines"  # a list of short names, one per line
    INT = "int"
    DECIMAL = "decimal"
    DATE = "date"
    BOOL = "bool"
    CHOICE = "choice"  # one value of an enum
    CHOICES = "choices"  # several values of an enum
    PARTNER = "partner"  # one partner of the dossier
    PARTNERS = "partners"  # several partners
    TARGET_GROUPS = "target_groups"  # target groups of the doelgroep section
    ROLE = "role"  # a role key: the catalogue plus the dossier's own roles
    GDPR_ROLES = "gdpr_roles"  # processing roles: which partners hold which GDPR role


# Catalogue prefix of every enum's labels ("org_type.vzw", ...).
ENUM_LABELS: dict[type[Enum], str] = {
    m.CallKind: "call",
    m.DossierStatus: "status",
    m.OrgType: "org_type",
    m.VatStatus: "vat_status",
    m.Objective: "objective",
    m.CostCategory: "cost",
    m.FlowType: "flow",
    m.AccessPointKind: "ap_kind",
    m.GdprRole: "gdpr",
    m.IndicatorType: "indicator_type",
    m.ConnectivityKind: "connectivity",
}


@dataclass(frozen=True)
class Field:
    """One field of a form: where it lives in the part and which widget edits it."""

    path: str  # dotted path inside the part: "address.street"
    kind: Kind
    optional: bool  # the model accepts None
    required: bool  # the model needs a value (no default)
    enum: type[Enum] | None = None
    max_chars: int | None = None

    @property
    def name(self) -> str:
        """Return the last step of the path: the model field's own name."""
        return self.path.rsplit(".", 1)[-1]

    def widget_names(self) -> tuple[str, ...]:
        """Return the session keys (relative to the form) of this field's widgets."""
        if self.kind is Kind.GDPR_ROLES:
            return tuple(f"{self.path}:{role.value}" for role in m.GdprRole)
        return (self.path,)


@dataclass(frozen=True)
class Group:
    """Fields shown together, under an optional heading (a catalogue key), in rows."""

    heading: str | None
    rows: tuple[tuple[Field, ...], ...]


@dataclass(frozen=True)
class FormSpec:
    """A form: the model it builds, where it lives in the dossier, and its layout."""

    key: str  # names the form in widget keys and catalogue keys ("form.<key>.new", ...)
    model: type[Model]
    unit_kind: str
    groups: tuple[Group, ...]
    section: str = ""  # for unit kind "section"
    items: str = ""  # list field inside the unit holding the items this form edits

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(f for g in self.groups for row in g.rows for f in row)

    def widget_names(self) -> tuple[str, ...]:
        return tuple(n for f in self.fields for n in f.widget_names())

    @property
    def is_list(self) -> bool:
        """Tell whether the form edits one of many (a list unit or a list inside a unit)."""
        return bool(self.items) or KINDS[self.unit_kind].key_field is not None

    def unit(self, item: str = "") -> UnitRef:
        """Return the saved unit that holds the part this form edits."""
        if self.unit_kind == "section":
            return section_unit(self.section)
        if KINDS[self.unit_kind].key_field is not None:
            return UnitRef(kind=self.unit_kind, key=item)
        return UnitRef(kind=self.unit_kind)

    def form_id(self, item: str = "") -> str:
        """Return the id that prefixes this form's widget keys: 'identity', 'partner:stw', 'partner:new'."""
        return f"{self.key}:{item or 'new'}" if self.is_list else self.key


# ---------------------------------------------------------------- building specs from the model


def _strip_annotated(tp: Any) -> Any:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def _max_length(info: FieldInfo) -> int | None:
    return next((int(x.max_length) for x in info.metadata if hasattr(x, "max_length")), None)


def _model_field(model: type[Model], path: str) -> tuple[type[Model], FieldInfo]:
    owner = model
    *parents, last = path.split(".")
    for name in parents:
        owner = owner.model_fields[name].annotation  # type: ignore[assignment]
    return owner, owner.model_fields[last]


def infer_field(model: type[Model], path: str) -> Field:
    """Work out the widget a model field needs from its name and type."""
    owner, info = _model_field(model, path)
    name = path.rsplit(".", 1)[-1]
    annotation = info.annotation
    args = typing.get_args(annotation)
    optional = typing.get_origin(annotation) in (typing.Union, types.UnionType) and type(None) in args
    base = _strip_annotated(next(a for a in args if a is not type(None)) if optional else annotation)
    origin = typing.get_origin(base)
    required = info.is_required()
    max_chars = _max_length(info)

    def make(kind: Kind, enum: type[Enum] | None = None) -> Field:
        return Field(
            path, kind, optional, required, enum, max_chars if kind in (Kind.LINE, Kind.TEXT) else None
        )

    if name.endswith("partner_ids"):
        return make(Kind.PARTNERS)
    if name == "target_group_ids":
        return make(Kind.TARGET_GROUPS)
    if name.endswith("partner_id"):
        return make(Kind.PARTNER)
    if origin is list:
        inner = _strip_annotated(typing.get_args(base)[0])
        if isinstance(inner, type) and issubclass(inner, Enum):
            return make(Kind.CHOICES, inner)
        if inner is m.ProcessingRole:
            return make(Kind.GDPR_ROLES)
        if inner is str:
            return make(Kind.LINES)
        raise TypeError(f"{owner.__name__}.{name}: a list of {inner} is edited through its own form")
    if isinstance(base, type) and issubclass(base, Enum):
        return make(Kind.CHOICE, base)
    if base is bool:
        return make(Kind.BOOL)
    if base is date:
        return make(Kind.DATE)
    if base is int:
        return make(Kind.INT)
    if base is Decimal:
        return make(Kind.DECIMAL)
    if base is str:
        if owner is m.RoleAssignment and name == "role":
            return make(Kind.ROLE)
        return make(Kind.TEXT if (max_chars or 0) > 300 else Kind.LINE)
    raise TypeError(f"{owner.__name__}.{name}: no widget for {base}")


def form(
    key: str,
    model: type[Model],
    unit_kind: str,
    layout: list[tuple[str | None, list[list[str]]]],
    *,
    section: str = "",
    items: str = "",
) -> FormSpec:
    """Declare a form by its layout: groups of rows of dotted field paths."""
    groups = tuple(
        Group(heading, tuple(tuple(infer_field(model, p) for p in row) for row in rows))
        for heading, rows in layout
    )
    return FormSpec(key, model, unit_kind, groups, section=section, items=items)


# ---------------------------------------------------------------- the forms of the guided path

IDENTITY = form(
    "identity",
    m.Identity,
    "identity",
    [(None, [["name"], ["call", "status"], ["werkingsgebied"], ["period.start", "period.end"], ["summary"]])],
)
PARTNER = form(
    "partner",
    m.Partner,
    "partner",
    [
        (None, [["name"], ["org_type", "legal_form", "enterprise_number"], ["vat_status", "funded"]]),
        ("form.group.address", [["address.street", "address.postcode", "address.municipality"]]),
        ("form.group.contact", [["contact.name", "contact.email", "contact.phone"]]),
        (
            "form.group.representative",
            [
                ["representative.name", "representative.function"],
                ["representative.mandate.body", "representative.mandate.decision_date"],
                ["representative.mandate.reference"],
            ],
        ),
        ("form.group.privacy", [["dpo_contact"]]),
    ],
)
ROLE = form(
    "role",
    m.RoleAssignment,
    "role",
    [
        (None, [["partner_id", "role"], ["objectives"], ["engagement"], ["capacity"]]),
        ("form.group.budget", [["budget.loonkosten", "budget.werkingskosten", "budget.externe_prestaties"]]),
    ],
)
CUSTOM_ROLE = form("custom_role", m.CustomRole, "custom_role", [(None, [["label"]])])
FLOW = form(
    "flow",
    m.Flow,
    "flow",
    [(None, [["type"], ["source_partner_id", "target_partner_id"], ["description"]])],
)
ACCESS_POINT = form(
    "access_point",
    m.AccessPoint,
    "access_point",
    [
        (
            None,
            [
                ["name", "kind"],
                ["host_partner_id"],
                ["municipality", "address"],
                ["opening_hours"],
                ["objectives"],
                ["accessibility"],
            ],
        )
    ],
)
STUURGROEP = form(
    "stuurgroep",
    m.Governance,
    "governance",
    [
        (
            None,
            [
                ["stuurgroep.member_partner_ids"],
                ["stuurgroep.chair_partner_id"],
                ["stuurgroep.frequency", "stuurgroep.decision_rule"],
            ],
        )
    ],
)
WERKGROEP = form(
    "werkgroep",
    m.Werkgroep,
    "governance",
    [(None, [["name", "frequency"], ["member_partner_ids"], ["purpose"]])],
    items="werkgroepen",
)
KLANKBORDGROEP = form(
    "klankbordgroep",
    m.Governance,
    "governance",
    [(None, [["klankbordgroep.composition"], ["klankbordgroep.frequency"]])],
)
GOVERNANCE_NARRATIVE = form("governance_narrative", m.Governance, "governance", [(None, [["narrative"]])])
PROCESSING = form(
    "processing",
    m.ProcessingActivity,
    "processing",
    [
        (None, [["name"], ["purpose"], ["data_categories"], ["retention"]]),
        ("form.group.gdpr_roles", [["roles"]]),
    ],
)


def _section_form(section: str, layout: list[list[str]]) -> FormSpec:
    return form(f"section_{section}", m.SECTION_MODELS[section], "section", [(None, layout)], section=section)


def _item_form(key: str, section: str, items: str, layout: list[list[str]]) -> FormSpec:
    model = typing.get_args(m.SECTION_MODELS[section].model_fields[items].annotation)[0]
    return form(key, model, "section", [(None, layout)], section=section, items=items)


TARGET_GROUP = _item_form(
    "target_group", "doelgroep", "target_groups", [["name", "estimated_number"], ["priority"], ["needs"]]
)
CHANNEL = _item_form(
    "channel", "outreach", "channels", [["description"], ["toeleider_partner_ids"], ["target_group_ids"]]
)
ACTIVITY = _item_form("activity", "sociale_economie", "activities", [["partner_id"], ["activity", "jobs"]])
DEVICE = _item_form(
    "device",
    "circulariteit",
    "devices",
    [["device_type", "source"], ["collected", "refurbished", "lent"], ["end_of_life"]],
)
FINANCING = _item_form(
    "financing", "duurzaamheid", "financing_after_subsidy", [["source", "amount"], ["secured"]]
)
SCALING = _item_form("scaling", "duurzaamheid", "scaling_steps", [["description", "planned"]])
MEASURE = _item_form("measure", "connectiviteit", "measures", [["kind", "partner_id"], ["description"]])
INDICATOR = _item_form(
    "indicator",
    "impactmeting",
    "indicators",
    [["name", "type"], ["unit", "baseline", "target"], ["source", "frequency"], ["owner_partner_id"]],
)


class SectionLayout(NamedTuple):
    """What a strategy section page shows: its lists (each with an item form) and its own fields."""

    lists: tuple[FormSpec, ...]
    own: FormSpec  # the narrative and any other section-level fields


SECTIONS: dict[str, SectionLayout] = {
    "doelgroep": SectionLayout((TARGET_GROUP,), _section_form("doelgroep", [["narrative"]])),
    "outreach": SectionLayout((CHANNEL,), _section_form("outreach", [["narrative"]])),
    "sociale_economie": SectionLayout((ACTIVITY,), _section_form("sociale_economie", [["narrative"]])),
    "circulariteit": SectionLayout(
        (DEVICE,), _section_form("circulariteit", [["responsible_partner_id"], ["narrative"]])
    ),
    "duurzaamheid": SectionLayout((FINANCING, SCALING), _section_form("duurzaamheid", [["narrative"]])),
    "connectiviteit": SectionLayout((MEASURE,), _section_form("connectiviteit", [["narrative"]])),
    "impactmeting": SectionLayout((INDICATOR,), _section_form("impactmeting", [["narrative"]])),
}

ALL_FORMS: tuple[FormSpec, ...] = (
    IDENTITY,
    PARTNER,
    ROLE,
    CUSTOM_ROLE,
    FLOW,
    ACCESS_POINT,
    STUURGROEP,
    WERKGROEP,
    KLANKBORDGROEP,
    GOVERNANCE_NARRATIVE,
    *(spec for layout in SECTIONS.values() for spec in (*layout.lists, layout.own)),
    PROCESSING,
)

# Parts edited by pages that draw their own widgets instead of a FormSpec (model path: where).
EDITED_ELSEWHERE: dict[str, str] = {
    "Planning.milestones": "Budget en planning: the milestone table (title, due, owner partner)",
    "Planning.narrative": "Budget en planning: the planning text under the milestone table",
}

# Fields no widget edits, and why: ids are made on creation, the rest is constant or derived.
NOT_EDITED: dict[str, str] = {
    "Dossier.schema_version": "constant: the format version",
    "CustomRole.key": "made from the label when the role is created (custom_role_key); it never changes",
}
for _name, _cls in vars(m).items():
    if isinstance(_cls, type) and issubclass(_cls, Model) and "id" in _cls.model_fields:
        NOT_EDITED[f"{_name}.id"] = "made with model.new_id() when the item is created"


# ---------------------------------------------------------------- values between widgets and models


def _get(data: Any, path: str) -> Any:
    for name in path.split("."):
        data = data.get(name) if isinstance(data, dict) else None
    return data


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for name in parents:
        data = data.setdefault(name, {})
    data[last] = value


def _default(model: type[Model], path: str) -> Any:
    _, info = _model_field(model, path)
    if info.is_required():
        return None
    return info.get_default(call_default_factory=True)


def widget_value(f: Field, value: Any) -> Any:
    """Turn a model value (as python objects) into what the field's widget shows."""
    if f.kind in (Kind.LINE, Kind.TEXT):
        return value or ""
    if f.kind is Kind.LINES:
        return "\n".join(value or [])
    if f.kind is Kind.DECIMAL:
        return None if value is None else float(value)
    if f.kind in (Kind.CHOICE, Kind.ROLE):
        return getattr(value, "value", value)
    if f.kind is Kind.CHOICES:
        return [getattr(v, "value", v) for v in value or []]
    if f.kind is Kind.PARTNER:
        return value or ""
    if f.kind in (Kind.PARTNERS, Kind.TARGET_GROUPS):
        return list(value or [])
    if f.kind is Kind.BOOL:
        return bool(value)
    return value


def to_widgets(spec: FormSpec, obj: Model | None) -> dict[str, Any]:
    """Return the widget values of a form filled from a saved part (None: a new, empty one)."""
    values: dict[str, Any] = {}
    for f in spec.fields:
        if obj is None:
            value = _default(spec.model, f.path)
        else:
            value = obj
            for name in f.path.split("."):
                value = getattr(value, name)
        if f.kind is Kind.GDPR_ROLES:
            roles = list(value or [])
            for role, name in zip(m.GdprRole, f.widget_names(), strict=True):
                values[name] = [r.partner_id for r in roles if r.role == role]
        else:
            values[f.path] = widget_value(f, value)
    return values


def _decimal(value: Any) -> Any:
    if value is None or isinstance(value, Decimal):
        return value
    try:
        return Decimal(repr(value) if isinstance(value, float) else str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return str(value)  # let the model say what is wrong with it


def model_value(f: Field, value: Any) -> Any:
    """Turn a widget value into input for the model (validation happens there)."""
    if f.kind in (Kind.LINE, Kind.TEXT):
        text = value or ""
        return None if f.optional and not str(text).strip() else text
    if f.kind is Kind.LINES:
        return [line.strip() for line in str(value or "").splitlines() if line.strip()]
    if f.kind is Kind.DECIMAL:
        return _decimal(value)
    if f.kind is Kind.PARTNER:
        return value or None
    if f.kind in (Kind.CHOICES, Kind.PARTNERS, Kind.TARGET_GROUPS):
        return list(value or [])
    if f.kind is Kind.DATE and isinstance(value, datetime):
        return value.date()
    return value


def apply_values(spec: FormSpec, base: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """Return the part's data with the form's fields replaced by the widget values."""
    data = copy.deepcopy(base)
    for f in spec.fields:
        if f.kind is Kind.GDPR_ROLES:
            roles = [
                {"partner_id": pid, "role": role.value}
                for role, name in zip(m.GdprRole, f.widget_names(), strict=True)
                for pid in values.get(name) or []
            ]
            _set(data, f.path, roles)
            continue
        value = model_value(f, values.get(f.path))
        if value is None and not f.optional and not f.required:
            # An emptied number keeps the model's default (0) instead of failing.
            value = _default(spec.model, f.path)
            if isinstance(value, Model):
                value = value.model_dump(mode="json")
        _set(data, f.path, value)
    return data


def snapshot(spec: FormSpec, obj: Model | None) -> dict[str, Any] | None:
    """Return the saved values of a form's fields (JSON), to notice later changes by others."""
    if obj is None:
        return None
    raw = obj.model_dump(mode="json")
    return {f.path: _get(raw, f.path) for f in spec.fields}


def changed_paths(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[str]:
    """List the field paths whose saved value differs between two snapshots."""
    keys = list((before or {}).keys() | (after or {}).keys())
    return sorted(k for k in keys if (before or {}).get(k) != (after or {}).get(k))


# ---------------------------------------------------------------- finding parts in a dossier


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


def custom_role_key(label: str, taken: tuple[str, ...] | set[str]) -> str:
    """Make a role key from a label: 'Buurtwerker (wijk)' -> 'buurtwerker_wijk', unique."""
    ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "_", ascii_label.lower()).strip("_")[:34] or "rol"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key


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


# ---------------------------------------------------------------- planning a save or a delete


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
