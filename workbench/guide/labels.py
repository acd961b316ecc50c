"""Names for the parts of a dossier in the user's words: 'Promotor · Stad Mortsel', 'Partners › STW vzw'."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from workbench.dossier import model as m
from workbench.dossier.model import Dossier, Model
from workbench.dossier.steps import step_of_unit
from workbench.dossier.units import UnitRef
from workbench.guide.form_specs import ENUM_LABELS, Field, FormSpec, Kind
from workbench.guide.parts import unit_model
from workbench.i18n import fmt_date, fmt_number, has, t


def partner_name(dossier: Dossier, partner_id: str | None, lang: str) -> str:
    """Return a partner's name; an empty link shows a dash, a vanished one its id."""
    if not partner_id:
        return "—"
    found = dossier.partner(partner_id)
    return found.name if found else partner_id


def role_name(dossier: Dossier, key: str, lang: str) -> str:
    """Return a role's label: the catalogue's, or the dossier's own."""
    own = next((r.label for r in dossier.custom_roles if r.key == key), None)
    if own is not None:
        return own
    return t(f"role.{key}", lang) if has(f"role.{key}", lang) else key


def target_group_name(dossier: Dossier, group_id: str) -> str:
    found = next((g for g in dossier.strategy.doelgroep.target_groups if g.id == group_id), None)
    return found.name if found else group_id


def enum_label(value: Enum | str, enum: type[Enum], lang: str) -> str:
    return t(f"{ENUM_LABELS[enum]}.{getattr(value, 'value', value)}", lang)


def item_title(obj: Model, dossier: Dossier, lang: str) -> str:
    """Name one item the way a list shows it."""
    if isinstance(obj, m.RoleAssignment):
        return f"{role_name(dossier, obj.role, lang)} · {partner_name(dossier, obj.partner_id, lang)}"
    if isinstance(obj, m.Flow):
        source = partner_name(dossier, obj.source_partner_id, lang)
        target = partner_name(dossier, obj.target_partner_id, lang)
        return f"{enum_label(obj.type, m.FlowType, lang)}: {source} → {target}"
    if isinstance(obj, m.SocialEconomyActivity):
        return f"{obj.activity} · {partner_name(dossier, obj.partner_id, lang)}"
    if isinstance(obj, m.CustomRole):
        return obj.label
    if isinstance(obj, m.Signatory):
        who = obj.name or obj.function or obj.id
        return f"{who} · {partner_name(dossier, obj.partner_id, lang)}"
    if isinstance(obj, m.FundingLine):
        stream = next((s.name for s in dossier.funding_streams if s.id == obj.stream_id), obj.stream_id)
        return (
            f"{stream}: {role_name(dossier, obj.role, lang)} · {partner_name(dossier, obj.partner_id, lang)}"
        )
    if isinstance(obj, m.Trajectory):
        return t(f"call.{obj.call.value}", lang)
    for attr in ("name", "title", "description", "device_type", "source"):
        value = getattr(obj, attr, None)
        if isinstance(value, str) and value:
            return value
    return getattr(obj, "id", "")


def step_name(step_key: str, lang: str) -> str:
    return t(f"step.{step_key}", lang)


def unit_title(unit: UnitRef, dossier: Dossier | None, lang: str, fallback: str = "") -> str:
    """Name a unit with its step: 'Partners › STW vzw', 'Doelgroep', 'Rollen en engagementen › …'."""
    step = step_name(step_of_unit(unit.kind, unit.key), lang)
    if not unit.key or unit.kind == "section":
        return step
    obj = unit_model(dossier, unit) if dossier is not None else None
    name = item_title(obj, dossier, lang) if obj is not None and dossier is not None else fallback or unit.key
    return f"{step} › {name}"


def field_label(spec_key: str, f: Field, lang: str) -> str:
    """Return a field's label: a form-specific one where the plain name is ambiguous."""
    specific = f"label.{spec_key}.{f.path}"
    return t(specific, lang) if has(specific, lang) else t(f"field.{f.name}", lang)


def display(f: Field, value: Any, dossier: Dossier, lang: str) -> str:
    """Show a saved value as text (for the 'their version' panel)."""
    if value is None or value == "" or value == []:
        return "—"
    if f.kind in (Kind.CHOICE, Kind.CHOICES) and f.enum is not None:
        values = value if isinstance(value, list) else [value]
        return ", ".join(enum_label(v, f.enum, lang) for v in values)
    if f.kind is Kind.PARTNER:
        return partner_name(dossier, value, lang)
    if f.kind is Kind.PARTNERS:
        return ", ".join(partner_name(dossier, v, lang) for v in value)
    if f.kind is Kind.TARGET_GROUPS:
        return ", ".join(target_group_name(dossier, v) for v in value)
    if f.kind is Kind.ROLE:
        return role_name(dossier, value, lang)
    if f.kind is Kind.FUNDING_STREAM:
        return next((s.name for s in dossier.funding_streams if s.id == value), value)
    if f.kind is Kind.GDPR_ROLES:
        return "; ".join(
            f"{partner_name(dossier, r.partner_id, lang)}: {enum_label(r.role, m.GdprRole, lang)}"
            for r in value
        )
    if f.kind is Kind.BOOL:
        return t("form.yes" if value else "form.no", lang)
    if f.kind is Kind.LINES:
        return ", ".join(value)
    if isinstance(value, date):
        return fmt_date(value, lang)
    if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        return fmt_number(value, lang)
    return str(value)


def describe(
    spec: FormSpec, obj: Model, dossier: Dossier, lang: str, only: list[str] | None = None
) -> list[tuple[str, str]]:
    """List (label, value) of a form's fields in a saved part; `only` limits it to some paths."""
    lines = []
    for f in spec.fields:
        if only is not None and f.path not in only:
            continue
        value: Any = obj
        for name in f.path.split("."):
            value = getattr(value, name)
        lines.append((field_label(spec.key, f, lang), display(f, value, dossier, lang)))
    return lines
