"""Signatories under public law and bodies without legal personality, as the agreement writes them."""

from __future__ import annotations

from workbench.demo.ardennen import vlaamse_ardennen
from workbench.demo.zora import zora_werkt
from workbench.documents import checks
from workbench.documents import generate as documents
from workbench.dossier import signatories
from workbench.dossier.model import Dossier
from workbench.dossier.validation import rule_problems


def clauses(dossier: Dossier, lang: str = "nl") -> dict[str, str]:
    return documents.clauses(documents.agreement(dossier, lang))


def test_a_gemeente_signs_with_its_burgemeester_and_algemeen_directeur_citing_article_279() -> None:
    text = clauses(zora_werkt())
    signing = text["clause_ondertekening"]
    block = signing.split("Voor Gemeente Boechout")[1].split("Voor ")[0]
    assert "Lien Staal, burgemeester" in block
    assert "algemeen directeur" in block
    assert "art. 279 Decreet over het lokaal bestuur van 22 december 2017" in block
    assert "gemeenteraad van 27 februari 2023" in block


def test_a_missing_second_signatory_is_a_point_to_discuss_with_the_basis() -> None:
    dossier = zora_werkt()
    dossier.signatories = [s for s in dossier.signatories if s.partner_id != "lint"]
    text = clauses(dossier)["clause_ondertekening"]
    assert "……………………, algemeen directeur" in text.split("Voor Gemeente Lint")[1]
    gaps = checks.readiness(dossier, "nl")[21].missing
    assert any("Gemeente Lint tekent ook met de algemeen directeur (art. 279" in g for g in gaps)


def test_the_ocmws_unconfirmed_article_is_marked_as_a_point_to_discuss() -> None:
    text = clauses(vlaamse_ardennen())["clause_ondertekening"]
    assert "[Te bespreken: bevestig de grondslag van de vertegenwoordiging: art. 280" in text
    assert "(niet bevestigd)" in text


def test_what_was_typed_stays_while_the_date_is_missing() -> None:
    dossier = zora_werkt()
    mandate = dossier.partners[1].representative.mandate
    mandate.decision_date = None
    text = clauses(dossier)["clause_partijen"]
    row = next(line for line in text.splitlines() if line.startswith("2 | Gemeente Boechout"))
    assert "de beslissing van gemeenteraad van [Te bespreken: datum van de beslissing]" in row
    assert mandate.reference in row


def test_an_interlokale_vereniging_acts_through_its_beheersgemeente_everywhere() -> None:
    dossier = vlaamse_ardennen()
    text = clauses(dossier)
    parties = text["clause_partijen"]
    assert "interlokale vereniging, zonder rechtspersoonlijkheid" in parties
    assert "treedt op via Stad Oudenaarde (partij 1), die voor haar optreedt en tekent" in parties
    signing = text["clause_ondertekening"]
    assert (
        "Voor Stad Oudenaarde, ook handelend voor Interlokale vereniging Digitaal Vlaamse Ardennen" in signing
    )
    assert "Voor Interlokale vereniging" not in signing
    assert signatories.acting_party(dossier, dossier.partner("ilv")).id == "oudenaarde"  # type: ignore[arg-type]


def test_a_body_without_legal_personality_as_promotor_is_named_through_its_beheersgemeente() -> None:
    dossier = vlaamse_ardennen()
    for role in dossier.roles:
        if role.role == "promotor":
            role.partner_id = "ilv"
    promotor = clauses(dossier)["clause_promotor"]
    assert promotor.startswith("Artikel") or "Taken van de promotor" in promotor
    assert (
        "Stad Oudenaarde, handelend voor Interlokale vereniging Digitaal Vlaamse Ardennen "
        "treedt op als promotor" in (promotor)
    )
    warnings = [p.message("nl") for p in rule_problems(dossier)]
    assert any(
        "kan niet zelf promotor zijn; de overeenkomst noemt daarvoor Stad Oudenaarde" in w for w in warnings
    )


def test_validation_warns_for_a_body_without_legal_personality_and_no_party_acting_for_it() -> None:
    dossier = vlaamse_ardennen()
    dossier.partners[1].acts_via_partner_id = None
    codes = [p.code for p in rule_problems(dossier)]
    assert "rule.acts_via_missing" in codes
    dossier.partners[1].legal_personality = True
    assert "rule.form_has_no_personality" in [p.code for p in rule_problems(dossier)]


def test_the_basis_of_each_partys_representation_is_named_once_under_the_parties() -> None:
    from workbench.demo.noordrand import noordrand

    parties = clauses(noordrand())["clause_partijen"]
    line = next(
        x for x in parties.splitlines() if x.startswith("De partijen worden vertegenwoordigd volgens")
    )
    assert (
        "art. 279 Decreet over het lokaal bestuur van 22 december 2017 (Stad Vilvoorde, Gemeente Machelen"
        in line
    )
    assert (
        "art. 280 Decreet over het lokaal bestuur van 22 december 2017 (niet bevestigd)] (OCMW Vilvoorde)"
        in line
    )
    assert (
        "de statuten (Wetboek van vennootschappen en verenigingen) (Digitaal Thuis vzw, Herwerk cv en "
        in line
    )
