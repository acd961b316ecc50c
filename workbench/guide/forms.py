"""Forms as data: which widgets edit which part of a dossier, and how widget values become models.

A form edits some fields of one part of a dossier: a whole unit (a partner), some fields of a
singleton unit (the stuurgroep inside governance) or one item of a list inside a unit (a
target group inside the doelgroep section). The UI draws widgets from a FormSpec (form_specs.py)
and hands the widget values back; `workbench.guide.edits` turns them into a save,
`workbench.guide.parts` finds parts and what refers to them.
"""

from __future__ import annotations

import copy
import typing
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from workbench.dossier import model as m
from workbench.dossier.model import Model
from workbench.guide.form_specs import Field, FormSpec, Kind, form, model_field

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


def _unset(data: dict[str, Any], path: str) -> None:
    *parents, last = path.split(".")
    for name in parents:
        data = data.get(name, {})
    data.pop(last, None)


def _default(model: type[Model], path: str) -> Any:
    _, info = model_field(model, path)
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
