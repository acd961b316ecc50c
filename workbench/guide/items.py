"""The items of a step's lists (partners, target groups, digipunten, ...) by their stable keys."""

from __future__ import annotations

from workbench.dossier.model import Dossier, Model
from workbench.dossier.steps import step, step_of_unit
from workbench.dossier.units import KINDS
from workbench.guide import labels, parts
from workbench.guide.form_specs import FormSpec
from workbench.guide.forms import ALL_FORMS


def spec_step(spec: FormSpec) -> str:
    """Return the step whose page edits a form."""
    return step_of_unit(spec.unit_kind, spec.section)


def step_lists(step_key: str) -> list[FormSpec]:
    """Return the list forms of a step, in the order of the catalogue of forms."""
    return [spec for spec in ALL_FORMS if spec.is_list and spec_step(spec) == step_key]


def items_of(dossier: Dossier, spec: FormSpec) -> list[Model]:
    """Return the items a list form edits, in saved order."""
    if spec.items:
        holder = parts.unit_model(dossier, spec.unit())
        return list(getattr(holder, spec.items)) if holder is not None else []
    return list(getattr(dossier, KINDS[spec.unit_kind].field))


def item_key(spec: FormSpec, obj: Model) -> str:
    """Return the key that names an item: its id, or a custom role's key."""
    field = "id" if spec.items else KINDS[spec.unit_kind].key_field or "id"
    return str(getattr(obj, field))


def step_items(dossier: Dossier, step_key: str, lang: str) -> list[tuple[str, str]]:
    """List (key, title) of every item of a step's lists, as the lists show them."""
    step(step_key)  # an unknown step fails here
    return [
        (item_key(spec, obj), labels.item_title(obj, dossier, lang))
        for spec in step_lists(step_key)
        for obj in items_of(dossier, spec)
    ]


def find_item(dossier: Dossier, step_key: str, key: str) -> Model | None:
    """Return the item of a step with this key, or None (deleted meanwhile)."""
    for spec in step_lists(step_key):
        for obj in items_of(dossier, spec):
            if item_key(spec, obj) == key:
                return obj
    return None


def item_title(dossier: Dossier, step_key: str, key: str, lang: str) -> str | None:
    """Name an item of a step the way its list does, or None when it is gone."""
    found = find_item(dossier, step_key, key)
    return labels.item_title(found, dossier, lang) if found is not None else None
