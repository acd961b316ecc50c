"""VAT of public bodies, state-aid and RSZ only where they apply, subsidy to a partner without budget."""

from __future__ import annotations

from workbench.demo.noordrand import noordrand
from workbench.demo.zora import zora_werkt
from workbench.documents import generate as documents
from workbench.dossier.model import Dossier, VatStatus
from workbench.dossier.validation import rule_problems


def clause(dossier: Dossier, key: str) -> str:
    return documents.clauses(documents.agreement(dossier, "nl"))[key]


def test_a_public_body_marked_exempt_is_told_it_is_niet_btw_plichtig() -> None:
    dossier = zora_werkt()
    dossier.partners[1].vat_status = VatStatus.VRIJGESTELD
    (problem,) = [p for p in rule_problems(dossier) if p.code == "rule.public_body_vat"]
    assert "Gemeente Boechout is een openbaar bestuur" in problem.message("nl")
    assert "niet-btw-plichtig (art. 6 Btw-wetboek)" in problem.message("nl")


def test_the_budget_table_says_niet_btw_plichtig_for_municipalities() -> None:
    article = clause(zora_werkt(), "clause_financiering")
    rows = [line for line in article.splitlines() if line.startswith("Gemeente ")]
    assert len(rows) == 7
    assert all(" | Niet-btw-plichtig | " in row for row in rows)


def test_de_minimis_only_for_undertakings_and_rsz_only_for_employers() -> None:
    article = clause(noordrand(), "clause_subsidievoorwaarden")
    de_minimis = next(line for line in article.splitlines() if line.startswith("Staatssteun."))
    assert "Digitaal Thuis vzw, Herwerk cv en Leerpunt Noordrand vzw" in de_minimis
    assert "Stad Vilvoorde" not in de_minimis and "OCMW" not in de_minimis
    rsz = next(line for line in article.splitlines() if line.startswith("Sociale zekerheid."))
    assert "Gemeente Machelen" in rsz and "OCMW Vilvoorde" in rsz


def test_no_state_aid_paragraph_when_no_funded_party_is_an_undertaking() -> None:
    dossier = noordrand()
    for p in dossier.partners:
        if p.id in ("thuis", "herwerk", "leerpunt"):
            p.funded = False
    dossier.roles = [r for r in dossier.roles if r.partner_id not in ("thuis", "herwerk", "leerpunt")]
    dossier.flows = [f for f in dossier.flows if f.target_partner_id not in ("thuis", "herwerk", "leerpunt")]
    assert "Staatssteun." not in clause(dossier, "clause_subsidievoorwaarden")


def test_a_subsidy_flow_to_a_partner_without_budget_is_flagged() -> None:
    dossier = noordrand()
    for role in dossier.roles:
        if role.partner_id == "zemst":
            role.budget = role.budget.__class__()
    (problem,) = [p for p in rule_problems(dossier) if p.code == "rule.subsidy_without_budget"]
    assert (
        problem.message("nl")
        == "Er stroomt subsidie naar Gemeente Zemst, maar die partner heeft geen budget in de oproep."
    )
