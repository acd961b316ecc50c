"""Forms as data: which widgets edit which part of a dossier, and how widget values become models.

A form edits some fields of one part of a dossier: a whole unit (a partner), some fields of a
singleton unit (the stuurgroep inside governance) or one item of a list inside a unit (a
target group inside the doelgroep section). The UI draws widgets from a FormSpec and hands the
widget values back; `workbench.edits` turns them into a save, `workbench.parts` finds parts
and what refers to them.
"""

from __future__ import annotations

import copy
import types
import typing
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum, StrEnum
from typing import Any, NamedTuple

from pydantic.fields import FieldInfo

from workbench import model as m
from workbench.model import Model
from workbench.units import KINDS, UnitRef, section_unit


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
    FUNDING_STREAM = "funding_stream"  # one of the dossier's funding streams besides the call
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
    m.FundingKind: "funding_kind",
    m.EndOfLoan: "end_of_loan",
    m.GdprLegalBasis: "legal_basis",
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
    if name == "stream_id":
        return make(Kind.FUNDING_STREAM)
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
        if owner in (m.RoleAssignment, m.FundingLine) and name == "role":
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
    [
        (
            None,
            [
                ["name"],
                ["call", "status"],
                ["werkingsgebied"],
                ["period.start", "period.end"],
                ["effect_from_period_start"],
                ["summary"],
            ],
        )
    ],
)
TRAJECTORY = form(
    "trajectory",
    m.Trajectory,
    "trajectory",
    [
        (
            None,
            [
                ["call", "promotor_partner_id"],
                ["start", "end"],
                ["requested", "granted"],
                ["decision_date", "decision_number"],
            ],
        )
    ],
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
        ("form.group.legal_personality", [["legal_personality", "acts_via_partner_id"]]),
    ],
)
SIGNATORY = form(
    "signatory",
    m.Signatory,
    "signatory",
    [(None, [["partner_id"], ["name", "function"], ["delegation"]])],
)
ROLE = form(
    "role",
    m.RoleAssignment,
    "role",
    [
        (None, [["partner_id", "role"], ["objectives"], ["engagement"], ["capacity"]]),
        ("form.group.role_period", [["start", "end"], ["takes_over_from_partner_id"]]),
        (
            "form.group.budget",
            [
                ["budget.loonkosten", "budget.werkingskosten"],
                ["budget.externe_prestaties", "budget.investeringen"],
            ],
        ),
    ],
)
FUNDING_STREAM = form(
    "funding_stream",
    m.FundingStream,
    "funding_stream",
    [(None, [["name", "kind"], ["funder"], ["decision_reference", "decision_date"], ["amount"]])],
)
FUNDING_LINE = form(
    "funding_line",
    m.FundingLine,
    "funding_line",
    [
        (None, [["stream_id"], ["partner_id", "role"], ["description"]]),
        (
            "form.group.budget",
            [
                ["budget.loonkosten", "budget.werkingskosten"],
                ["budget.externe_prestaties", "budget.investeringen"],
            ],
        ),
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
        (None, [["name"], ["purpose"], ["legal_basis", "legal_basis_detail"]]),
        ("form.group.register", [["data_subjects"], ["data_categories"], ["special_categories"]]),
        ("form.group.register_more", [["recipients", "transfers"], ["retention"], ["security"]]),
        ("form.group.gdpr_roles", [["roles"], ["contact_point_partner_id"]]),
    ],
)
LENDING = form(
    "lending",
    m.LendingPolicy,
    "lending",
    [
        (
            None,
            [
                ["eligibility"],
                ["loan_term_days", "extensions"],
                ["long_term", "long_term_months"],
                ["deposit", "fee"],
            ],
        ),
        (
            "form.group.lending_care",
            [["insured_by_partner_id", "insurance"], ["revision_partner_id"], ["revision"]],
        ),
        ("form.group.lending_end", [["end_of_loan", "reuse_cycles"], ["donation_conditions"], ["notes"]]),
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
    beside: tuple[FormSpec, ...] = ()  # other units edited on the same page (the lending rules)


SECTIONS: dict[str, SectionLayout] = {
    "doelgroep": SectionLayout((TARGET_GROUP,), _section_form("doelgroep", [["narrative"]])),
    "outreach": SectionLayout((CHANNEL,), _section_form("outreach", [["narrative"]])),
    "sociale_economie": SectionLayout((ACTIVITY,), _section_form("sociale_economie", [["narrative"]])),
    "circulariteit": SectionLayout(
        (DEVICE,), _section_form("circulariteit", [["responsible_partner_id"], ["narrative"]]), (LENDING,)
    ),
    "duurzaamheid": SectionLayout((FINANCING, SCALING), _section_form("duurzaamheid", [["narrative"]])),
    "connectiviteit": SectionLayout((MEASURE,), _section_form("connectiviteit", [["narrative"]])),
    "impactmeting": SectionLayout((INDICATOR,), _section_form("impactmeting", [["narrative"]])),
}

ALL_FORMS: tuple[FormSpec, ...] = (
    IDENTITY,
    TRAJECTORY,
    PARTNER,
    SIGNATORY,
    ROLE,
    FUNDING_STREAM,
    FUNDING_LINE,
    LENDING,
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


def _unset(data: dict[str, Any], path: str) -> None:
    *parents, last = path.split(".")
    for name in parents:
        data = data.get(name, {})
    data.pop(last, None)


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
    if f.kind in (Kind.PARTNER, Kind.FUNDING_STREAM):
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
    if f.kind in (Kind.PARTNER, Kind.FUNDING_STREAM):
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
        if value is None and f.required:
            _unset(data, f.path)  # the model then says the field is required
            continue
        if value is None and not f.optional:
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
