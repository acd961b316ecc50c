"""Widget values round-trip to models: every part of the demos, new items from the defaults."""

from __future__ import annotations

from decimal import Decimal

import pytest

from workbench.demo import demo_dossiers, large_dossier
from workbench.dossier import model as m
from workbench.dossier.model import Dossier
from workbench.guide import forms, parts, widget_values
from workbench.guide.form_specs import FormSpec

DEMOS = {d.identity.name: d for d in [*demo_dossiers(), large_dossier(partners=40)]}


@pytest.mark.parametrize("name", sorted(DEMOS))
def test_widget_values_round_trip_every_part_of_the_demo_dossiers(name: str) -> None:
    dossier = DEMOS[name]
    checked = 0
    for spec in forms.ALL_FORMS:
        for item in _items(dossier, spec):
            obj = parts.part(dossier, spec, item)
            assert obj is not None
            values = widget_values.to_widgets(spec, obj)
            rebuilt = spec.model.model_validate(
                widget_values.apply_values(spec, obj.model_dump(mode="json"), values)
            )
            assert rebuilt.model_dump(mode="json") == obj.model_dump(mode="json")
            assert widget_values.snapshot(spec, rebuilt) == widget_values.snapshot(spec, obj)
            checked += 1
    assert checked > 20


def _items(dossier: Dossier, spec: FormSpec) -> list[str]:
    if spec.items:
        holder = parts.unit_model(dossier, spec.unit())
        return [x.id for x in getattr(holder, spec.items)]
    if spec.is_list:
        return [u.key for u, _ in parts.units(dossier) if u.kind == spec.unit_kind]
    return [""]


def test_new_items_start_from_the_model_defaults() -> None:
    values = widget_values.to_widgets(forms.DEVICE, None)
    assert values == {
        "device_type": "",
        "source": "",
        "collected": 0,
        "refurbished": 0,
        "lent": 0,
        "end_of_life": "",
    }
    assert widget_values.to_widgets(forms.INDICATOR, None)["type"] == "output"
    assert widget_values.to_widgets(forms.PARTNER, None)["representative.mandate.decision_date"] is None


def test_widget_values_become_model_input() -> None:
    values = widget_values.to_widgets(forms.ROLE, None) | {
        "partner_id": "stad",
        "role": "trainer",
        "objectives": ["vaardigheden"],
        "budget.loonkosten": 1234.5,
        "budget.werkingskosten": None,
    }
    data = widget_values.apply_values(forms.ROLE, {"id": "r9"}, values)
    role = m.RoleAssignment.model_validate(data)
    assert role.budget.loonkosten == Decimal("1234.50")
    assert role.budget.werkingskosten == Decimal(0)  # emptied: back to the default
    identity = widget_values.apply_values(
        forms.IDENTITY,
        {},
        widget_values.to_widgets(forms.IDENTITY, None)
        | {"name": "X", "call": "voortraject", "werkingsgebied": " Mortsel \n\nEdegem\n"},
    )
    assert identity["werkingsgebied"] == ["Mortsel", "Edegem"]
    partner = widget_values.apply_values(
        forms.PARTNER, {"id": "p"}, widget_values.to_widgets(forms.PARTNER, None) | {"name": "P"}
    )
    assert m.Partner.model_validate(partner).enterprise_number is None
