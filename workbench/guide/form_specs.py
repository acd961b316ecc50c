"""Form specs as data, built from the model: which widget edits which field, grouped and laid out.

`form()` reads a pydantic model and a layout and infers each field's widget kind, choices and
limits; forms.py lists the forms of the guided path built this way.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum, StrEnum
from typing import Any

from pydantic.fields import FieldInfo

from workbench.dossier import model as m
from workbench.dossier.model import Model
from workbench.dossier.units import KINDS, UnitRef, section_unit


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


def model_field(model: type[Model], path: str) -> tuple[type[Model], FieldInfo]:
    """Return the model that holds a dotted field path, and that field."""
    owner = model
    *parents, last = path.split(".")
    for name in parents:
        owner = owner.model_fields[name].annotation  # type: ignore[assignment]
    return owner, owner.model_fields[last]


def infer_field(model: type[Model], path: str) -> Field:
    """Work out the widget a model field needs from its name and type."""
    owner, info = model_field(model, path)
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
