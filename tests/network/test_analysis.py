"""The analysis of the partner network: its gaps found on dossiers with known answers."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import workbench
from tests.graph_dossiers import every_gap, healthy, make
from workbench.network.analysis import analyse, dropout
from workbench.network.findings import Analysis, DropoutImpact, Severity
from workbench.network.graph import build, key_roles
from workbench.network.words import describe_dropout


def codes(analysis: Analysis) -> set[tuple[str, tuple[str, ...]]]:
    return {(f.code, f.subjects) for f in analysis.findings}


# ---------------------------------------------------------------- coverage


def test_a_healthy_partnership_has_no_findings():
    analysis = analyse(healthy())
    assert analysis.findings == ()
    assert {c.status for c in analysis.coverage} == {"covered"}
    assert analysis.articulation_points == ()


def test_every_kind_of_gap_is_found():
    analysis = analyse(every_gap())
    assert codes(analysis) == {
        ("objective_missing", ("toegang",)),
        ("objective_thin", ("ondersteuning", "b")),
        ("role_thin", ("digipunt_host", "a")),  # Stad Alfa hosts the only fixed digipunt
        ("role_missing", ("refurbisher|uitleendienst",)),
        ("role_missing", ("connectiviteit",)),
        ("role_thin", ("toeleider", "b")),
        ("role_thin", ("trainer", "c")),
        ("org_type_missing", ("sociale_economie",)),
        ("partner_without_role", ("d",)),
        ("isolated_partner", ("d",)),
        ("isolated_partner", ("e",)),
        ("flow_dangling", ("f4", "b")),
        ("flow_dangling", ("f5",)),
        ("flow_dangling", ("f6", "a")),
        ("single_point_of_failure", ("a",)),
        ("single_point_of_failure", ("b", "c", "f")),
        ("single_point_of_failure", ("c", "f")),
        ("municipality_without_digipunt", ("Gamma",)),
    }


def test_findings_come_errors_first():
    severities = [f.severity for f in analyse(every_gap()).findings]
    assert severities == sorted(severities, key=[Severity.ERROR, Severity.WARNING, Severity.INFO].index)
    assert analyse(every_gap()).count("error") == 4


def test_coverage_tells_who_covers_what():
    analysis = analyse(every_gap())
    assert analysis.coverage_of("objective", "vaardigheden").partner_ids == ("a", "c")
    assert analysis.coverage_of("objective", "ondersteuning").status == "thin"
    assert analysis.coverage_of("objective", "toegang").status == "missing"
    assert analysis.coverage_of("role", "toeleider").partner_ids == ("b",)


def test_a_missing_role_suggests_organisation_types():
    toeleider = analyse(make(partners=[("a", "A", "lokaal_bestuur")])).coverage_of("role", "toeleider")
    assert toeleider.suggestions == ("ocmw", "vzw", "vdab")


def test_refurbisher_or_lending_service_counts_as_one_key_role():
    d = make(
        partners=[("a", "A", "sociale_economie"), ("b", "B", "vzw")],
        roles=[("a", "uitleendienst", ["toegang"]), ("b", "refurbisher", ["toegang"])],
    )
    lending = analyse(d).coverage_of("role", "refurbisher|uitleendienst")
    assert (lending.status, lending.partner_ids) == ("covered", ("a", "b"))


def test_one_promotor_is_enough_but_one_trainer_is_thin():
    d = make(
        partners=[("a", "A", "lokaal_bestuur"), ("b", "B", "opleidingsverstrekker")],
        roles=[("a", "promotor", []), ("b", "trainer", [])],
    )
    analysis = analyse(d)
    assert analysis.coverage_of("role", "promotor").status == "covered"
    assert analysis.coverage_of("role", "trainer").status == "thin"
    assert not analysis.by_code("role_thin")[1:]


def test_one_social_economy_partner_is_thin():
    d = make(partners=[("a", "Kringwinkel", "sociale_economie"), ("b", "B", "vzw")])
    assert codes(analyse(d)) >= {("org_type_thin", ("sociale_economie", "a"))}


def test_key_roles_come_from_the_call_profile():
    calls = tomllib.loads((Path(workbench.__file__).parent / "data" / "calls.toml").read_text())
    assert key_roles("verlenging") == tuple(calls["verlenging"]["key_roles"])
    # hardware_donor is no key role: nobody holding it is no finding
    role_findings = analyse(make(partners=[("a", "A", "vzw")])).by_code("role_missing")
    assert not [f for f in role_findings if "hardware_donor" in f.subjects]


# ---------------------------------------------------------------- loose ends


def test_a_single_partner_is_not_called_isolated():
    d = make(partners=[("a", "A", "vzw")], roles=[("a", "promotor", [])])
    assert not analyse(d).by_code("isolated_partner")


def test_a_flow_to_itself_does_not_connect_a_partner():
    d = make(
        partners=[("a", "A", "vzw"), ("b", "B", "ocmw")],
        roles=[("a", "trainer", []), ("b", "toeleider", [])],
        flows=[("f1", "training", "a", "a")],
    )
    assert {f.subjects for f in analyse(d).by_code("isolated_partner")} == {("a",), ("b",)}


def test_dangling_flows_say_which_end_is_missing():
    found = {f.subjects[0]: f for f in analyse(every_gap()).by_code("flow_dangling")}
    assert found["f4"].variant == "target"
    assert found["f4"].message("nl") == (
        "De stroom Doorverwijzing van OCMW Beta heeft geen bestemming: vul in naar welke partner hij gaat."
    )
    assert found["f5"].variant == "both"
    assert found["f6"].message("en") == (
        "The Data exchange flow to Stad Alfa has no source: fill in which partner it comes from."
    )


# ---------------------------------------------------------------- drop-out, centrality


def test_dropout_of_a_bridge_partner_lists_everything_it_takes_along():
    impact = dropout(every_gap(), "b")
    assert impact == DropoutImpact(
        partner_id="b",
        roles=("toeleider",),
        roles_lost=("toeleider",),
        key_roles_lost=("toeleider",),
        objectives_lost=("ondersteuning",),
        flows=("f1", "f2", "f4"),
        cut_off_partners=("c", "f"),
        critical=True,
    )


def test_dropout_of_the_owner_of_the_only_digipunt_and_indicator():
    d = every_gap()
    assert dropout(d, "a").municipalities_lost == ("Alfa",)
    assert dropout(d, "a").access_points == ("ap1",)
    assert dropout(d, "c").indicators == ("i1",)


def test_a_municipality_leaving_with_its_own_digipunt_is_no_gap():
    d = make(
        partners=[("hove", "Gemeente Hove", "lokaal_bestuur"), ("vzw", "Vzw Hove", "vzw")],
        flows=[("f1", "referral", "vzw", "hove")],
        access_points=[("ap1", "Bib Hove", "hove", "Hove"), ("ap2", "Wijkhuis Lint", "vzw", "Lint")],
        werkingsgebied=["Hove", "Lint"],
    )
    d.partners[0].address.municipality = "Hove"
    assert dropout(d, "hove").municipalities_lost == ("Hove",)
    assert not dropout(d, "hove").critical
    assert dropout(d, "vzw").municipalities_lost == ("Lint",)
    assert dropout(d, "vzw").critical


def test_dropout_of_a_spare_partner_loses_nothing_that_matters():
    impact = dropout(healthy(), "vzw")
    assert not impact.critical
    assert impact.roles_lost == ()
    assert describe_dropout(healthy(), dropout(healthy(), "tel"), "en") == [
        "Flows that lose their source or target: 2."
    ]


def test_losing_the_only_promotor_is_listed_but_no_gap():
    impact = analyse(healthy()).dropouts["stad"]
    assert impact.roles_lost == ("promotor",)
    assert impact.key_roles_lost == ()
    assert not impact.critical


def test_dropout_of_an_unknown_partner_is_refused():
    with pytest.raises(KeyError):
        dropout(healthy(), "nobody")


def test_without_the_promotor_the_biggest_piece_stays_the_core():
    # x - p - y - z : the promotor p is the bridge; y and z form the bigger rest
    d = make(
        partners=[("x", "X", "vzw"), ("p", "P", "lokaal_bestuur"), ("y", "Y", "ocmw"), ("z", "Z", "vzw")],
        roles=[("p", "promotor", [])],
        flows=[("f1", "referral", "x", "p"), ("f2", "subsidy", "p", "y"), ("f3", "referral", "y", "z")],
    )
    assert dropout(d, "p").cut_off_partners == ("x",)
    # and with the promotor present, whatever hangs off the bridge is cut off from the promotor
    assert dropout(d, "y").cut_off_partners == ("z",)


def test_articulation_points_and_betweenness_on_a_path():
    analysis = analyse(every_gap())
    assert analysis.articulation_points == ("b", "c")
    centrality = {c.partner_id: c for c in analysis.centrality}
    # six partners, path a-b-c-f: b lies on a-c and a-f, i.e. 2 of 10 pairs
    assert centrality["b"].betweenness == pytest.approx(0.2)
    assert centrality["a"].betweenness == 0
    assert (centrality["b"].degree, centrality["b"].articulation) == (2, True)
    assert centrality["d"].degree == 0


def test_analyse_accepts_a_graph_with_the_view_options():
    d = every_gap()
    with_extras = build(d, include_access_points=True, include_target_groups=True)
    assert analyse(d, with_extras) == analyse(d)


# ---------------------------------------------------------------- werkingsgebied


def test_municipalities_match_digipunten_whatever_the_case():
    analysis = analyse(every_gap())
    assert analysis.municipalities == {"Alfa": ("ap1",), "Beta": ("ap2",), "Gamma": ()}


def test_an_empty_werkingsgebied_gives_no_municipality_finding():
    assert not analyse(make(partners=[("a", "A", "vzw")])).by_code("municipality_without_digipunt")
