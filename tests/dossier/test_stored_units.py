"""Stored units are validated once per text; the checks across units still run on every assembly."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from workbench.demo import large_dossier
from workbench.dossier.model import Partner
from workbench.dossier.units import UnitRef, assemble, disassemble, stored_unit


def _texts(units: dict[UnitRef, dict]) -> dict[UnitRef, str]:
    return {unit: json.dumps(data) for unit, data in units.items()}


def test_a_dossier_from_stored_units_is_the_dossier_from_its_data() -> None:
    dossier = large_dossier(12)
    units = disassemble(dossier)
    stored = {unit: stored_unit(unit, text) for unit, text in _texts(units).items()}
    assert assemble(stored) == assemble(units) == dossier


def test_the_same_text_is_validated_once_and_another_text_anew() -> None:
    unit = UnitRef(kind="partner", key="p1")
    text = json.dumps({"id": "p1", "name": "Gemeente Boom", "org_type": "lokaal_bestuur"})
    first = stored_unit(unit, text)
    assert isinstance(first, Partner)
    assert stored_unit(unit, text) is first
    renamed = stored_unit(unit, text.replace("Gemeente Boom", "OCMW Boom"))
    assert isinstance(renamed, Partner) and renamed.name == "OCMW Boom"


def test_a_section_text_is_its_own_sections_model() -> None:
    doelgroep = stored_unit(UnitRef(kind="section", key="doelgroep"), json.dumps({"narrative": "x"}))
    outreach = stored_unit(UnitRef(kind="section", key="outreach"), json.dumps({"narrative": "x"}))
    assert type(doelgroep).__name__ == "DoelgroepSection"
    assert type(outreach).__name__ == "OutreachSection"


def test_a_text_its_model_refuses_is_reported_in_its_place_in_the_dossier() -> None:
    dossier = large_dossier(3)
    texts = _texts(disassemble(dossier))
    second = next(u for u in texts if u.kind == "partner" and u.key == dossier.partners[1].id)
    texts[second] = json.dumps({**json.loads(texts[second]), "bogus": 1})
    stored = {unit: stored_unit(unit, text) for unit, text in texts.items()}
    assert isinstance(stored[second], dict)
    with pytest.raises(ValidationError) as refused:
        assemble(stored)
    assert [e["loc"] for e in refused.value.errors()] == [("partners", 1, "bogus")]


def test_references_across_stored_units_are_checked_every_time() -> None:
    dossier = large_dossier(3)
    texts = _texts(disassemble(dossier))
    gone = dossier.partners[0].id
    kept = {u: t for u, t in texts.items() if not (u.kind == "partner" and u.key == gone)}
    assert assemble({u: stored_unit(u, t) for u, t in texts.items()}) == dossier
    # Every remaining unit is a cached, valid model; the partner its roles name is missing.
    with pytest.raises(ValidationError, match="unknown"):
        assemble({u: stored_unit(u, t) for u, t in kept.items()})
