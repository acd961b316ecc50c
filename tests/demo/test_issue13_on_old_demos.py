"""Issue 13 on the demos main already had, through APIs main already had: these failed on main."""

import io

import docx

from workbench.demo import halle_pepingen_gooik, zora_werkt
from workbench.documents import generate as documents
from workbench.dossier.validation import rule_problems
from workbench.network.analysis import analyse


def test_halle_court_is_the_dutch_speaking_brussels_court() -> None:
    text = documents.clauses(documents.agreement(halle_pepingen_gooik(), "nl"))["clause_geschillen"]
    assert "Nederlandstalige rechtbank van eerste aanleg Brussel" in text


def test_mortsel_court_is_antwerpen_afdeling_antwerpen() -> None:
    text = documents.clauses(documents.agreement(zora_werkt(), "nl"))["clause_geschillen"]
    assert "Rechtbank van eerste aanleg Antwerpen, afdeling Antwerpen" in text


def test_a_municipality_signs_with_its_algemeen_directeur_too() -> None:
    text = documents.clauses(documents.agreement(zora_werkt(), "nl"))["clause_ondertekening"]
    assert "algemeen directeur" in text and "art. 279" in text


def test_municipalities_are_not_vat_exempt() -> None:
    text = documents.clauses(documents.agreement(zora_werkt(), "nl"))["clause_financiering"]
    assert "Vrijgesteld" not in text


def test_every_host_of_a_digipunt_holds_the_host_role_in_the_analysis() -> None:
    dossier = halle_pepingen_gooik()
    hosts = {a.host_partner_id for a in dossier.access_points if a.host_partner_id}
    coverage = next(c for c in analyse(dossier).coverage if c.kind == "role" and c.key == "digipunt_host")
    assert hosts <= set(coverage.partner_ids)


def test_no_plural_in_brackets_in_the_agreement() -> None:
    data = documents.agreement(zora_werkt(), "nl")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "(en)" not in text
    assert "indicatoren in bijlage 6 (6 indicatoren)" in text


def test_a_subsidy_flow_to_a_partner_without_budget_is_flagged() -> None:
    dossier = zora_werkt()
    target = next(f.target_partner_id for f in dossier.flows if f.type.value == "subsidy")
    for role in dossier.roles:
        if role.partner_id == target:
            role.budget = role.budget.__class__()
    assert any("subsid" in p.code for p in rule_problems(dossier))
