"""Names in the user's words: items, units with their step, values in the conflict panel."""

from __future__ import annotations

from datetime import date

from workbench.demo import zora_werkt
from workbench.dossier.model import CustomRole, Dossier
from workbench.dossier.units import UnitRef
from workbench.guide import forms, labels

ZORA = zora_werkt()


def test_items_are_named_as_lists_show_them() -> None:
    role = next(r for r in ZORA.roles if r.role == "promotor")
    assert labels.item_title(role, ZORA, "nl") == "Promotor · Stad Mortsel"
    assert labels.item_title(role, ZORA, "en") == "Promotor (lead applicant) · Stad Mortsel"
    flow = next(f for f in ZORA.flows if f.type == "subsidy")
    assert labels.item_title(flow, ZORA, "nl").startswith("Subsidie: Stad Mortsel → ")
    assert labels.item_title(ZORA.strategy.doelgroep.target_groups[0], ZORA, "nl") == "Kortgeschoolden"


def test_units_are_named_with_their_step() -> None:
    assert labels.unit_title(UnitRef(kind="partner", key="stw"), ZORA, "nl") == "Partners › STW vzw"
    assert labels.unit_title(UnitRef(kind="section", key="outreach"), ZORA, "en") == "Outreach"
    assert labels.unit_title(UnitRef(kind="identity"), ZORA, "nl") == "Partnerschap"
    gone = UnitRef(kind="partner", key="weg")
    assert labels.unit_title(gone, ZORA, "nl", fallback="Vzw Weg") == "Partners › Vzw Weg"


def test_custom_roles_use_their_own_label() -> None:
    dossier = Dossier.model_validate(
        ZORA.model_dump() | {"custom_roles": [CustomRole(key="buurt", label="Buurtwerker").model_dump()]}
    )
    assert labels.role_name(dossier, "buurt", "en") == "Buurtwerker"
    assert labels.role_name(dossier, "toeleider", "en") == "Toeleider (referrer)"


def test_a_saved_part_is_described_field_by_field_in_the_users_language() -> None:
    partner = ZORA.partner("stw")
    assert partner is not None
    lines = dict(labels.describe(forms.PARTNER, partner, ZORA, "nl"))
    assert lines["Naam van de organisatie"] == "STW vzw"
    assert lines["Type organisatie"] == "Sociale-economiebedrijf"
    assert lines["Ontvangt subsidie"] == "ja"
    assert lines["Datum van de beslissing"] == "24 januari 2023"
    only = labels.describe(forms.PARTNER, partner, ZORA, "en", only=["vat_status"])
    assert only == [("VAT status", "VAT-liable")]


def test_empty_values_show_a_dash() -> None:
    (field,) = [f for f in forms.INDICATOR.fields if f.path == "owner_partner_id"]
    assert labels.display(field, None, ZORA, "nl") == "—"
    (planned,) = [f for f in forms.SCALING.fields if f.path == "planned"]
    assert labels.display(planned, date(2026, 3, 5), ZORA, "en") == "5 March 2026"
