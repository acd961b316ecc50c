"""The demo dossiers: complete, valid, within their call, and fresh on every call."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from stdnum.be import vat

import workbench
from workbench.demo import demo_dossiers, large_dossier
from workbench.dossier.model import SECTION_KEYS, Dossier, DossierStatus, FlowType, Objective

CALLS = tomllib.loads((Path(workbench.__file__).parent / "data" / "calls.toml").read_text(encoding="utf-8"))


def complete_demos() -> list[Dossier]:
    return [d for d in demo_dossiers() if d.identity.status is not DossierStatus.CONCEPT]


def by_name(name: str) -> Dossier:
    return next(d for d in demo_dossiers() if d.identity.name == name)


def months_later(start: date, months: int) -> date:
    index = start.month - 1 + months
    return start.replace(year=start.year + index // 12, month=index % 12 + 1)


def test_there_are_at_least_three_complete_demos_with_distinct_names() -> None:
    names = [d.identity.name for d in demo_dossiers()]
    assert len(complete_demos()) >= 3
    assert len(set(names)) == len(names)
    assert {"Digibank ZORA Werkt", "Digibank Halle - Pepingen - Gooik", "DigiBasics"} <= set(names)


def test_demos_differ_in_call_and_structure() -> None:
    demos = complete_demos()
    assert len({d.identity.call for d in demos}) >= 2
    assert len({(len(d.partners), len(d.access_points), len(d.flows)) for d in demos}) == len(demos)


@pytest.mark.parametrize("dossier", demo_dossiers(), ids=lambda d: d.identity.name)
def test_demo_survives_a_json_round_trip(dossier: Dossier) -> None:
    assert Dossier.model_validate(dossier.model_dump(mode="json")) == dossier


@pytest.mark.parametrize("dossier", demo_dossiers(), ids=lambda d: d.identity.name)
def test_demo_has_exactly_one_promotor(dossier: Dossier) -> None:
    assert len(dossier.partners_with_role("promotor")) == 1


def test_every_enterprise_number_passes_the_mod_97_check() -> None:
    numbers = [p.enterprise_number for d in demo_dossiers() for p in d.partners if p.enterprise_number]
    assert numbers
    assert all(vat.is_valid(n) for n in numbers)
    assert len(set(numbers)) == len(numbers)


@pytest.mark.parametrize("dossier", demo_dossiers(), ids=lambda d: d.identity.name)
def test_budget_stays_within_the_call_cap(dossier: Dossier) -> None:
    assert dossier.budget_total() <= Decimal(CALLS[dossier.identity.call.value]["max_subsidy"])


def test_zora_werkt_keeps_its_published_budget_and_laptops() -> None:
    zora = by_name("Digibank ZORA Werkt")
    assert zora.budget_total() == Decimal("499892")
    assert zora.partners_with_role("promotor")[0].name == "Stad Mortsel"
    assert sum(line.collected for line in zora.strategy.circulariteit.devices) == 90


def test_halle_has_many_access_points_of_every_kind() -> None:
    halle = by_name("Digibank Halle - Pepingen - Gooik")
    assert len(halle.access_points) >= 6
    assert {a.kind.value for a in halle.access_points} == {"vast", "mobiel", "hybride"}


@pytest.mark.parametrize("dossier", complete_demos(), ids=lambda d: d.identity.name)
def test_complete_demo_period_falls_within_the_call_window(dossier: Dossier) -> None:
    profile = CALLS[dossier.identity.call.value]
    start, end = dossier.identity.period.start, dossier.identity.period.end
    assert profile["earliest_start"] <= start < end <= profile["latest_end"]
    if profile["min_duration_months"]:
        assert end >= months_later(start, profile["min_duration_months"]) - timedelta(days=1)
    if profile["max_duration_months"]:
        assert end <= months_later(start, profile["max_duration_months"]) - timedelta(days=1)
    assert all(start <= m.due <= end for m in dossier.planning.milestones)


@pytest.mark.parametrize("dossier", complete_demos(), ids=lambda d: d.identity.name)
def test_complete_demo_fills_all_seven_strategy_sections(dossier: Dossier) -> None:
    s = dossier.strategy
    items = {
        "doelgroep": s.doelgroep.target_groups,
        "outreach": s.outreach.channels,
        "sociale_economie": s.sociale_economie.activities,
        "circulariteit": s.circulariteit.devices,
        "duurzaamheid": s.duurzaamheid.financing_after_subsidy + s.duurzaamheid.scaling_steps,
        "connectiviteit": s.connectiviteit.measures,
        "impactmeting": s.impactmeting.indicators,
    }
    assert set(items) == set(SECTION_KEYS)
    for key in SECTION_KEYS:
        assert getattr(s, key).narrative.strip(), key
        assert items[key], key


@pytest.mark.parametrize("dossier", complete_demos(), ids=lambda d: d.identity.name)
def test_complete_demo_covers_key_roles_objectives_and_flow_types(dossier: Dossier) -> None:
    roles = {r.role for r in dossier.roles}
    assert set(CALLS[dossier.identity.call.value]["key_roles"]) <= roles
    assert {o for r in dossier.roles for o in r.objectives} == set(Objective)
    assert {f.type for f in dossier.flows} == set(FlowType)
    assert 5 <= len(dossier.partners) <= 12


@pytest.mark.parametrize("dossier", complete_demos(), ids=lambda d: d.identity.name)
def test_promotor_forwards_subsidy_to_every_funded_partner(dossier: Dossier) -> None:
    promotor = dossier.partners_with_role("promotor")[0].id
    funded = {p.id for p in dossier.partners if p.funded} - {promotor}
    targets = {f.target_partner_id for f in dossier.flows if f.type is FlowType.SUBSIDY}
    assert targets == funded
    assert all(f.source_partner_id == promotor for f in dossier.flows if f.type is FlowType.SUBSIDY)


@pytest.mark.parametrize("dossier", complete_demos(), ids=lambda d: d.identity.name)
def test_complete_demo_has_full_partner_and_indicator_data(dossier: Dossier) -> None:
    for p in dossier.partners:
        assert p.enterprise_number and p.address.postcode and p.contact.email.endswith("example.org")
        assert p.representative.name and p.representative.mandate.decision_date
    for i in dossier.strategy.impactmeting.indicators:
        assert i.unit and i.baseline is not None and i.target is not None and i.source and i.owner_partner_id
    processed = {r.partner_id for a in dossier.processing for r in a.roles}
    # A body without legal personality is in no processing: the party acting for it is.
    assert processed == {p.id for p in dossier.partners if p.legal_personality}


def test_digbij_is_an_incomplete_draft() -> None:
    draft = by_name("DIGbij")
    assert draft.identity.status is DossierStatus.CONCEPT
    assert not draft.strategy.sociale_economie.activities and not draft.strategy.circulariteit.narrative
    assert not draft.partners_with_role("connectiviteit")
    assert any(i.baseline is None for i in draft.strategy.impactmeting.indicators)


def test_demo_dossiers_returns_fresh_objects() -> None:
    first = demo_dossiers()
    first[0].partners.clear()
    first[0].identity.name = "Gewijzigd"
    second = demo_dossiers()
    assert second[0].identity.name == "Digibank ZORA Werkt"
    assert second[0].partners


def test_large_dossier_with_200_partners_and_1000_flows_validates() -> None:
    big = large_dossier(200, flows=1000)
    assert len(big.partners) == 200
    assert len(big.flows) == 1000
    assert Dossier.model_validate(big.model_dump(mode="json")) == big
    assert len(big.partners_with_role("promotor")) == 1
    assert big.budget_total() <= Decimal(CALLS[big.identity.call.value]["max_subsidy"])
    assert all(1 <= len([r for r in big.roles if r.partner_id == p.id]) <= 3 for p in big.partners[1:])


def test_large_dossier_is_deterministic_with_three_flows_per_partner_by_default() -> None:
    assert large_dossier(60) == large_dossier(60)
    assert large_dossier(60, seed=2) != large_dossier(60)
    assert len(large_dossier(60).flows) == 180
