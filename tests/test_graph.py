"""The partner-role network: building the graph and finding its gaps, on dossiers with known answers."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from tests.graph_dossiers import every_gap, healthy, make
from workbench import graph
from workbench.graph import Severity
from workbench.i18n import catalogue

LOCALES = Path(graph.__file__).parent / "locales"


def codes(analysis: graph.Analysis) -> set[tuple[str, tuple[str, ...]]]:
    return {(f.code, f.subjects) for f in analysis.findings}


# ---------------------------------------------------------------- build


def test_partners_become_nodes_and_flows_typed_edges():
    g = graph.build(healthy())
    assert g.nodes["partner:stad"] == {
        "kind": "partner",
        "ref": "stad",
        "label": "Stad Mortsel",
        "org_type": "lokaal_bestuur",
        # It hosts a digipunt: hosting a digipunt is that role, assigned or not (issue 13).
        "roles": ("promotor", "digipunt_host"),
        "objectives": ("toegang", "vaardigheden", "ondersteuning"),
    }
    assert g.number_of_nodes() == 7
    assert g.number_of_edges() == 7
    assert g.edges["partner:kring", "partner:stw", "f5"]["type"] == "devices"
    assert all(isinstance(n, str) for n in g.nodes)


def test_parallel_flows_stay_separate_edges():
    d = make(
        partners=[("a", "A", "vzw"), ("b", "B", "ocmw")],
        flows=[("f1", "referral", "a", "b"), ("f2", "referral", "a", "b"), ("f3", "data_exchange", "b", "a")],
    )
    g = graph.build(d)
    assert g.number_of_edges("partner:a", "partner:b") == 2
    assert g.number_of_edges("partner:b", "partner:a") == 1


def test_a_flow_that_points_nowhere_ends_in_an_unknown_node():
    g = graph.build(every_gap())
    assert g.nodes["onbekend:f4:target"]["kind"] == "unknown"
    assert g.has_edge("partner:b", "onbekend:f4:target", "f4")
    assert g.has_edge("onbekend:f5:source", "onbekend:f5:target", "f5")


def test_digipunten_and_target_groups_are_a_view_option():
    d = make(
        partners=[("a", "A", "ocmw")],
        roles=[("a", "toeleider", [])],
        access_points=[("ap1", "Digipunt", "a", "Hove"), ("ap2", "Digibus", None, "Lint")],
        strategy={
            "doelgroep": {"target_groups": [{"id": "tg1", "name": "Werkzoekenden"}]},
            "outreach": {
                "channels": [
                    {
                        "id": "c1",
                        "description": "Huisbezoek",
                        "toeleider_partner_ids": ["a"],
                        "target_group_ids": ["tg1"],
                    }
                ]
            },
        },
    )
    assert set(graph.build(d).nodes) == {"partner:a"}
    g = graph.build(d, include_access_points=True, include_target_groups=True)
    assert g.nodes["digipunt:ap1"]["kind"] == "access_point"
    assert g.has_edge("partner:a", "digipunt:ap1")
    assert g.degree("digipunt:ap2") == 0
    assert g.nodes["doelgroep:tg1"]["label"] == "Werkzoekenden"
    assert g.edges["partner:a", "doelgroep:tg1", "reaches:c1:a:tg1"]["kind"] == "reaches"


# ---------------------------------------------------------------- coverage


def test_a_healthy_partnership_has_no_findings():
    analysis = graph.analyse(healthy())
    assert analysis.findings == ()
    assert {c.status for c in analysis.coverage} == {"covered"}
    assert analysis.articulation_points == ()


def test_every_kind_of_gap_is_found():
    analysis = graph.analyse(every_gap())
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
    severities = [f.severity for f in graph.analyse(every_gap()).findings]
    assert severities == sorted(severities, key=[Severity.ERROR, Severity.WARNING, Severity.INFO].index)
    assert graph.analyse(every_gap()).count("error") == 4


def test_coverage_tells_who_covers_what():
    analysis = graph.analyse(every_gap())
    assert analysis.coverage_of("objective", "vaardigheden").partner_ids == ("a", "c")
    assert analysis.coverage_of("objective", "ondersteuning").status == "thin"
    assert analysis.coverage_of("objective", "toegang").status == "missing"
    assert analysis.coverage_of("role", "toeleider").partner_ids == ("b",)


def test_a_missing_role_suggests_organisation_types():
    toeleider = graph.analyse(make(partners=[("a", "A", "lokaal_bestuur")])).coverage_of("role", "toeleider")
    assert toeleider.suggestions == ("ocmw", "vzw", "vdab")


def test_refurbisher_or_lending_service_counts_as_one_key_role():
    d = make(
        partners=[("a", "A", "sociale_economie"), ("b", "B", "vzw")],
        roles=[("a", "uitleendienst", ["toegang"]), ("b", "refurbisher", ["toegang"])],
    )
    lending = graph.analyse(d).coverage_of("role", "refurbisher|uitleendienst")
    assert (lending.status, lending.partner_ids) == ("covered", ("a", "b"))


def test_one_promotor_is_enough_but_one_trainer_is_thin():
    d = make(
        partners=[("a", "A", "lokaal_bestuur"), ("b", "B", "opleidingsverstrekker")],
        roles=[("a", "promotor", []), ("b", "trainer", [])],
    )
    analysis = graph.analyse(d)
    assert analysis.coverage_of("role", "promotor").status == "covered"
    assert analysis.coverage_of("role", "trainer").status == "thin"
    assert not analysis.by_code("role_thin")[1:]


def test_one_social_economy_partner_is_thin():
    d = make(partners=[("a", "Kringwinkel", "sociale_economie"), ("b", "B", "vzw")])
    assert codes(graph.analyse(d)) >= {("org_type_thin", ("sociale_economie", "a"))}


def test_key_roles_come_from_the_call_profile():
    calls = tomllib.loads((Path(graph.__file__).parent / "data" / "calls.toml").read_text())
    assert graph.key_roles("verlenging") == tuple(calls["verlenging"]["key_roles"])
    # hardware_donor is no key role: nobody holding it is no finding
    role_findings = graph.analyse(make(partners=[("a", "A", "vzw")])).by_code("role_missing")
    assert not [f for f in role_findings if "hardware_donor" in f.subjects]


# ---------------------------------------------------------------- loose ends


def test_a_single_partner_is_not_called_isolated():
    d = make(partners=[("a", "A", "vzw")], roles=[("a", "promotor", [])])
    assert not graph.analyse(d).by_code("isolated_partner")


def test_a_flow_to_itself_does_not_connect_a_partner():
    d = make(
        partners=[("a", "A", "vzw"), ("b", "B", "ocmw")],
        roles=[("a", "trainer", []), ("b", "toeleider", [])],
        flows=[("f1", "training", "a", "a")],
    )
    assert {f.subjects for f in graph.analyse(d).by_code("isolated_partner")} == {("a",), ("b",)}


def test_dangling_flows_say_which_end_is_missing():
    found = {f.subjects[0]: f for f in graph.analyse(every_gap()).by_code("flow_dangling")}
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
    impact = graph.dropout(every_gap(), "b")
    assert impact == graph.DropoutImpact(
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
    assert graph.dropout(d, "a").municipalities_lost == ("Alfa",)
    assert graph.dropout(d, "a").access_points == ("ap1",)
    assert graph.dropout(d, "c").indicators == ("i1",)


def test_a_municipality_leaving_with_its_own_digipunt_is_no_gap():
    d = make(
        partners=[("hove", "Gemeente Hove", "lokaal_bestuur"), ("vzw", "Vzw Hove", "vzw")],
        flows=[("f1", "referral", "vzw", "hove")],
        access_points=[("ap1", "Bib Hove", "hove", "Hove"), ("ap2", "Wijkhuis Lint", "vzw", "Lint")],
        werkingsgebied=["Hove", "Lint"],
    )
    d.partners[0].address.municipality = "Hove"
    assert graph.dropout(d, "hove").municipalities_lost == ("Hove",)
    assert not graph.dropout(d, "hove").critical
    assert graph.dropout(d, "vzw").municipalities_lost == ("Lint",)
    assert graph.dropout(d, "vzw").critical


def test_dropout_of_a_spare_partner_loses_nothing_that_matters():
    impact = graph.dropout(healthy(), "vzw")
    assert not impact.critical
    assert impact.roles_lost == ()
    assert graph.describe_dropout(healthy(), graph.dropout(healthy(), "tel"), "en") == [
        "Flows that lose their source or target: 2."
    ]


def test_losing_the_only_promotor_is_listed_but_no_gap():
    impact = graph.analyse(healthy()).dropouts["stad"]
    assert impact.roles_lost == ("promotor",)
    assert impact.key_roles_lost == ()
    assert not impact.critical


def test_dropout_of_an_unknown_partner_is_refused():
    with pytest.raises(KeyError):
        graph.dropout(healthy(), "nobody")


def test_without_the_promotor_the_biggest_piece_stays_the_core():
    # x - p - y - z : the promotor p is the bridge; y and z form the bigger rest
    d = make(
        partners=[("x", "X", "vzw"), ("p", "P", "lokaal_bestuur"), ("y", "Y", "ocmw"), ("z", "Z", "vzw")],
        roles=[("p", "promotor", [])],
        flows=[("f1", "referral", "x", "p"), ("f2", "subsidy", "p", "y"), ("f3", "referral", "y", "z")],
    )
    assert graph.dropout(d, "p").cut_off_partners == ("x",)
    # and with the promotor present, whatever hangs off the bridge is cut off from the promotor
    assert graph.dropout(d, "y").cut_off_partners == ("z",)


def test_articulation_points_and_betweenness_on_a_path():
    analysis = graph.analyse(every_gap())
    assert analysis.articulation_points == ("b", "c")
    centrality = {c.partner_id: c for c in analysis.centrality}
    # six partners, path a-b-c-f: b lies on a-c and a-f, i.e. 2 of 10 pairs
    assert centrality["b"].betweenness == pytest.approx(0.2)
    assert centrality["a"].betweenness == 0
    assert (centrality["b"].degree, centrality["b"].articulation) == (2, True)
    assert centrality["d"].degree == 0


def test_analyse_accepts_a_graph_with_the_view_options():
    d = every_gap()
    with_extras = graph.build(d, include_access_points=True, include_target_groups=True)
    assert graph.analyse(d, with_extras) == graph.analyse(d)


# ---------------------------------------------------------------- werkingsgebied


def test_municipalities_match_digipunten_whatever_the_case():
    analysis = graph.analyse(every_gap())
    assert analysis.municipalities == {"Alfa": ("ap1",), "Beta": ("ap2",), "Gamma": ()}


def test_an_empty_werkingsgebied_gives_no_municipality_finding():
    assert not graph.analyse(make(partners=[("a", "A", "vzw")])).by_code("municipality_without_digipunt")


# ---------------------------------------------------------------- words


def test_graph_catalogues_have_the_same_keys_in_both_languages():
    nl = json.loads((LOCALES / "nl" / "graph.json").read_text(encoding="utf-8"))
    en = json.loads((LOCALES / "en" / "graph.json").read_text(encoding="utf-8"))
    assert nl.keys() == en.keys()
    for key in nl:
        assert set(re.findall(r"{(\w+)}", nl[key])) == set(re.findall(r"{(\w+)}", en[key])), key


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_finding_reads_as_plain_text_naming_partners(lang):
    analysis = graph.analyse(every_gap())
    for finding in analysis.findings:
        assert finding.message_key in catalogue(lang)
        text = finding.message(lang)
        assert "{" not in text and "graph." not in text and "role." not in text, text
    spof = {f.subjects[0]: f.message(lang) for f in analysis.by_code("single_point_of_failure")}
    assert "OCMW Beta" in spof["b"] and "CVO Gamma" in spof["b"] and "Bib Phi" in spof["b"]


def test_single_point_of_failure_reads_as_one_sentence():
    spof = graph.analyse(every_gap()).by_code("single_point_of_failure")[1]
    assert spof.message("nl") == (
        "Als OCMW Beta wegvalt, verliest het partnerschap de rol Toeleider, zijn enige partner voor de "
        "doelstelling Ondersteuning en de verbinding met CVO Gamma en Bib Phi."
    )
    assert spof.message("en") == (
        "If OCMW Beta drops out, the partnership loses the role Toeleider (referrer), its only partner for "
        "the objective Support and its link with CVO Gamma and Bib Phi."
    )


def test_a_gap_message_names_who_could_fill_it():
    missing = graph.analyse(every_gap()).by_code("role_missing")[0]
    assert missing.message("nl") == (
        "Geen enkele partner heeft de rol Refurbisher of Uitleendienst. Organisaties die dit vaak opnemen: "
        "Sociale-economiebedrijf, Bedrijf, Lokaal bestuur of Vzw / middenveld."
    )


def test_names_with_braces_and_dollars_are_shown_as_typed():
    d = make(partners=[("a", "{partner} $x^2$ {0}", "vzw"), ("b", "B", "ocmw")])
    messages = [f.message("nl") for f in graph.analyse(d).by_code("partner_without_role")]
    assert messages[0].startswith("{partner} $x^2$ {0} heeft nog geen rol")


def test_dropout_lines_use_the_dossiers_own_role_labels():
    d = make(
        partners=[("a", "A", "vzw")],
        roles=[("a", "buurtwerk", [])],
        custom_roles=[{"key": "buurtwerk", "label": "Buurtwerking <wijk>"}],
    )
    assert graph.describe_dropout(d, graph.dropout(d, "a"), "nl") == [
        "Rollen die niemand anders heeft: Buurtwerking <wijk>."
    ]


# ---------------------------------------------------------------- data for the overview and documents


def test_report_gives_plain_rows_for_the_overview_and_documents():
    d = every_gap()
    rows = graph.report(d, graph.analyse(d), "nl")
    assert rows["counts"] == {"error": 4, "warning": 14, "info": 0}
    assert rows["findings"][0] == {
        "code": "objective_missing",
        "severity": "error",
        "severity_label": "Probleem",
        "message": "Geen enkele partner werkt aan de doelstelling Toegang. "
        "Organisaties die dit vaak opnemen: Sociale-economiebedrijf, Lokaal bestuur of Bedrijf.",
        "subjects": ["toegang"],
    }
    toeleider = next(c for c in rows["coverage"] if c["key"] == "toeleider")
    assert toeleider == {
        "kind": "role",
        "kind_label": "Sleutelrol",
        "key": "toeleider",
        "label": "Toeleider",
        "status": "thin",
        "status_label": "Dun (één partner)",
        "partners": ["OCMW Beta"],
        "suggestions": ["OCMW", "Vzw / middenveld", "VDAB"],
    }
    assert rows["municipalities"][2] == {"name": "Gamma", "digipunten": [], "covered": False}
    assert [k["name"] for k in rows["key_partners"]] == ["OCMW Beta", "CVO Gamma", "Stad Alfa"]
    assert rows["key_partners"][0]["dropout"][-1] == (
        "Partners die los komen te staan van het netwerk: CVO Gamma en Bib Phi."
    )


def test_report_of_a_healthy_partnership_has_no_findings_and_suggests_nothing():
    rows = graph.report(healthy(), graph.analyse(healthy()), "en")
    assert rows["findings"] == [] and rows["key_partners"] == []
    assert {c["status_label"] for c in rows["coverage"]} == {"Covered"}
    assert all(c["suggestions"] == [] for c in rows["coverage"])
