"""Forms as data: every model field of the dossier has a widget in some form."""

from __future__ import annotations

import typing

from workbench.dossier import model as m
from workbench.dossier.model import Model
from workbench.dossier.units import KINDS
from workbench.guide import forms
from workbench.guide.form_specs import Kind


def _leaf_fields(cls: type[Model], prefix: str = "") -> list[tuple[type[Model], str]]:
    """List (model, dotted path) of every field, descending into nested models (not lists)."""
    found = []
    for name, info in cls.model_fields.items():
        ann = info.annotation
        if isinstance(ann, type) and issubclass(ann, Model):
            found += _leaf_fields(ann, f"{prefix}{name}.")
        else:
            found.append((cls, f"{prefix}{name}"))
    return found


def _list_item_models(cls: type[Model]) -> dict[str, type[Model]]:
    out = {}
    for name, info in cls.model_fields.items():
        if typing.get_origin(info.annotation) is list:
            inner = typing.get_args(info.annotation)[0]
            if isinstance(inner, type) and issubclass(inner, Model):
                out[name] = inner
    return out


def test_every_field_of_the_dossier_model_is_edited_by_some_form() -> None:
    """Walk the dossier model: every field is a form field, a list with its own item form, or documented."""
    edited = {(spec.model, f.path) for spec in forms.ALL_FORMS for f in spec.fields}
    item_forms = {
        (spec.unit_kind, spec.section, spec.items): spec.model for spec in forms.ALL_FORMS if spec.items
    }
    missing: list[str] = []

    def visit(unit_kind: str, section: str, cls: type[Model]) -> None:
        for owner, path in _leaf_fields(cls):
            name = path.rsplit(".", 1)[-1]
            if (cls, path) in edited or f"{owner.__name__}.{name}" in forms.NOT_EDITED:
                continue
            inner = _list_item_models(owner).get(name)
            if inner is not None and item_forms.get((unit_kind, section, path)) is inner:
                visit(unit_kind, section, inner)  # edited item by item through its own form
                continue
            missing.append(f"{cls.__name__}.{path}")

    for kind, spec in KINDS.items():
        if kind == "planning":  # the Budget en planning page edits it with its own tables
            assert {f"Planning.{name}" for name in m.Planning.model_fields} == set(forms.EDITED_ELSEWHERE)
            continue
        if kind == "section":
            for section, section_model in m.SECTION_MODELS.items():
                visit(kind, section, section_model)
            continue
        annotation = m.Dossier.model_fields[spec.field].annotation
        unit_model = typing.get_args(annotation)[0] if spec.key_field else annotation
        visit(kind, "", unit_model)
    assert missing == []
    # Units and the dossier itself: nothing else lives in a dossier.
    assert set(m.Dossier.model_fields) - {k.field for k in KINDS.values()} == {"schema_version"}
    assert set(m.Strategy.model_fields) == set(m.SECTION_KEYS)


def test_processing_roles_are_edited_as_partners_per_gdpr_role() -> None:
    (roles,) = [f for f in forms.PROCESSING.fields if f.path == "roles"]
    assert roles.kind is Kind.GDPR_ROLES
    assert roles.widget_names() == ("roles:controller", "roles:processor", "roles:joint_controller")
