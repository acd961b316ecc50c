"""Parts of a dossier and what a deletion takes along: never a dangling reference."""

from __future__ import annotations

import pytest

from workbench.demo import demo_dossiers, large_dossier
from workbench.dossier.model import dangling_references
from workbench.dossier.units import assemble, disassemble
from workbench.guide import forms, parts

DEMOS = {d.identity.name: d for d in [*demo_dossiers(), large_dossier(partners=40)]}


@pytest.mark.parametrize("name", sorted(DEMOS))
def test_deleting_any_partner_leaves_no_dangling_reference(name: str) -> None:
    dossier = DEMOS[name]
    for partner in dossier.partners:
        obj, consequences = parts.deletion(dossier, forms.PARTNER, partner.id)
        assert obj == partner
        state = disassemble(dossier)
        del state[forms.PARTNER.unit(partner.id)]
        for c in consequences:
            if c.action == "delete":
                del state[c.unit]
            else:
                state[c.unit] = c.model.model_dump(mode="json")
        after = assemble(state)  # validates: a dangling reference would raise here
        assert dangling_references(after) == []


def test_deleting_a_target_group_unlinks_it_from_outreach_channels() -> None:
    dossier = DEMOS["Digibank ZORA Werkt"]
    channel = next(c for c in dossier.strategy.outreach.channels if c.target_group_ids)
    group = channel.target_group_ids[0]
    obj, consequences = parts.deletion(dossier, forms.TARGET_GROUP, group)
    assert obj is not None and [(c.unit.key, c.action) for c in consequences] == [("outreach", "unlink")]
    assert all(group not in c.target_group_ids for c in consequences[0].model.channels)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(DEMOS))
def test_units_are_those_the_store_saves(name: str) -> None:
    dossier = DEMOS[name]
    found = parts.units(dossier)
    assert [u for u, _ in found] == list(disassemble(dossier))
    assert all(parts.unit_model(dossier, u) == obj for u, obj in found)
