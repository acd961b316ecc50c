"""The partner network as a graph: partners become nodes, flows typed edges, digipunten a view option."""

from __future__ import annotations

from tests.graph_dossiers import every_gap, healthy, make
from workbench.network.graph import build


def test_partners_become_nodes_and_flows_typed_edges():
    g = build(healthy())
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
    g = build(d)
    assert g.number_of_edges("partner:a", "partner:b") == 2
    assert g.number_of_edges("partner:b", "partner:a") == 1


def test_a_flow_that_points_nowhere_ends_in_an_unknown_node():
    g = build(every_gap())
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
    assert set(build(d).nodes) == {"partner:a"}
    g = build(d, include_access_points=True, include_target_groups=True)
    assert g.nodes["digipunt:ap1"]["kind"] == "access_point"
    assert g.has_edge("partner:a", "digipunt:ap1")
    assert g.degree("digipunt:ap2") == 0
    assert g.nodes["doelgroep:tg1"]["label"] == "Werkzoekenden"
    assert g.edges["partner:a", "doelgroep:tg1", "reaches:c1:a:tg1"]["kind"] == "reaches"
