"""Values between widgets and models: what a form's widgets show of a part, and the part they make."""

from __future__ import annotations

import copy
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from workbench.dossier import model as m
from workbench.dossier.model import Model
from workbench.guide.form_specs import Field, FormSpec, Kind, model_field


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
