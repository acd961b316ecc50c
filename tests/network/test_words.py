"""The network analysis in plain words, and as rows for the overview and the documents."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import workbench
from tests.graph_dossiers import every_gap, healthy, make
from workbench.i18n import catalogue
from workbench.network.analysis import analyse, dropout
from workbench.network.words import describe_dropout, report

LOCALES = Path(workbench.__file__).parent / "locales"


# ---------------------------------------------------------------- words


def test_graph_catalogues_have_the_same_keys_in_both_languages():
    nl = json.loads((LOCALES / "nl" / "graph.json").read_text(encoding="utf-8"))
    en = json.loads((LOCALES / "en" / "graph.json").read_text(encoding="utf-8"))
    assert nl.keys() == en.keys()
    for key in nl:
        assert set(re.findall(r"{(\w+)}", nl[key])) == set(re.findall(r"{(\w+)}", en[key])), key


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_finding_reads_as_plain_text_naming_partners(lang):
    analysis = analyse(every_gap())
    for finding in analysis.findings:
        assert finding.message_key in catalogue(lang)
        text = finding.message(lang)
        assert "{" not in text and "graph." not in text and "role." not in text, text
    spof = {f.subjects[0]: f.message(lang) for f in analysis.by_code("single_point_of_failure")}
    assert "OCMW Beta" in spof["b"] and "CVO Gamma" in spof["b"] and "Bib Phi" in spof["b"]


def test_single_point_of_failure_reads_as_one_sentence():
    spof = analyse(every_gap()).by_code("single_point_of_failure")[1]
    assert spof.message("nl") == (
        "Als OCMW Beta wegvalt, verliest het partnerschap de rol Toeleider, zijn enige partner voor de "
        "doelstelling Ondersteuning en de verbinding met CVO Gamma en Bib Phi."
    )
    assert spof.message("en") == (
        "If OCMW Beta drops out, the partnership loses the role Toeleider (referrer), its only partner for "
        "the objective Support and its link with CVO Gamma and Bib Phi."
    )


def test_a_gap_message_names_who_could_fill_it():
    missing = analyse(every_gap()).by_code("role_missing")[0]
    assert missing.message("nl") == (
        "Geen enkele partner heeft de rol Refurbisher of Uitleendienst. Organisaties die dit vaak opnemen: "
        "Sociale-economiebedrijf, Bedrijf, Lokaal bestuur of Vzw / middenveld."
    )


def test_names_with_braces_and_dollars_are_shown_as_typed():
    d = make(partners=[("a", "{partner} $x^2$ {0}", "vzw"), ("b", "B", "ocmw")])
    messages = [f.message("nl") for f in analyse(d).by_code("partner_without_role")]
    assert messages[0].startswith("{partner} $x^2$ {0} heeft nog geen rol")


def test_dropout_lines_use_the_dossiers_own_role_labels():
    d = make(
        partners=[("a", "A", "vzw")],
        roles=[("a", "buurtwerk", [])],
        custom_roles=[{"key": "buurtwerk", "label": "Buurtwerking <wijk>"}],
    )
    assert describe_dropout(d, dropout(d, "a"), "nl") == [
        "Rollen die niemand anders heeft: Buurtwerking <wijk>."
    ]


# ---------------------------------------------------------------- data for the overview and documents


def test_report_gives_plain_rows_for_the_overview_and_documents():
    d = every_gap()
    rows = report(d, analyse(d), "nl")
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
    rows = report(healthy(), analyse(healthy()), "en")
    assert rows["findings"] == [] and rows["key_partners"] == []
    assert {c["status_label"] for c in rows["coverage"]} == {"Covered"}
    assert all(c["suggestions"] == [] for c in rows["coverage"])
