"""The GDPR annex: the whole of art. 28(3), an art. 26 arrangement, a register, consistency checks."""

from __future__ import annotations

from workbench.demo.leuven import leuven
from workbench.demo.noordrand import noordrand
from workbench.documents import generate as documents
from workbench.dossier import gdpr
from workbench.dossier.model import Dossier
from workbench.dossier.validation import rule_problems


def clauses(dossier: Dossier, lang: str = "nl") -> dict[str, str]:
    return documents.clauses(documents.agreement(dossier, lang))


def test_article_11_holds_every_point_of_article_28_3() -> None:
    article = clauses(noordrand())["clause_gegevensbescherming"]
    for point in ("a", "b", "c", "d", "e", "f", "g", "h"):
        assert f"art. 28, lid 3, {point} AVG" in article, point
    assert "art. 28, lid 3, tweede alinea AVG" in article
    english = clauses(noordrand(), "en")["clause_gegevensbescherming"]
    assert "art. 28(3)(h) GDPR" in english and "art. 28(3)(a) GDPR" in english


def test_the_joint_arrangement_allocates_the_duties_and_names_a_contact_point() -> None:
    text = clauses(leuven())
    article = text["clause_gegevensbescherming"]
    for duty in (
        "Aanspreekpunt:",
        "Informatie:",
        "Verzoeken:",
        "Inbreuken:",
        "Register:",
        "Effectbeoordeling:",
    ):
        assert duty in article
    annex = text["annex_avg"]
    assert "Registratie van bezoekers en vragen in de digipunten | Stad Leuven" in annex.replace(
        "\n", " | "
    ) or ("| Stad Leuven" in annex.split("Regeling tussen gezamenlijke verwerkingsverantwoordelijken")[1])


def test_the_register_gives_legal_basis_data_subjects_categories_recipients_and_retention() -> None:
    annex = clauses(noordrand())["annex_avg"]
    assert "Rechtsgrond | Overeenkomst (b): de uitleenovereenkomst met de ontlener" in annex
    assert "Betrokkenen | ontleners" in annex
    assert "Persoonsgegevens | naam, adres, telefoon" in annex
    assert "Ontvangers | de uitbater van de uitleendienst en de promotor" in annex
    assert "Bewaartermijn | een jaar na de laatste terugname" in annex
    assert "Verwerkers | Herwerk cv en Digitaal Thuis vzw" in annex


def test_a_digipunt_host_missing_from_the_register_is_flagged() -> None:
    dossier = leuven()
    for activity in dossier.processing:
        activity.roles = [r for r in activity.roles if r.partner_id != "senioren"]
    assert gdpr.processors_needed(dossier) == [("senioren", "digipunt_host")]
    assert "rule.gdpr_partner_missing" in [p.code for p in rule_problems(dossier)]
    article = clauses(dossier)["clause_gegevensbescherming"]
    assert (
        "Seniorennetwerk Leuven vzw verwerkt persoonsgegevens via een digipunt of de uitleendienst" in article
    )


def test_a_lending_operator_missing_from_the_register_is_flagged() -> None:
    dossier = noordrand()
    for activity in dossier.processing:
        activity.roles = [r for r in activity.roles if r.partner_id != "herwerk"]
    assert ("herwerk", "uitleendienst") in gdpr.processors_needed(dossier)


def test_an_activity_without_a_legal_basis_is_a_point_to_discuss() -> None:
    dossier = noordrand()
    dossier.processing[0].legal_basis = dossier.processing[0].legal_basis.__class__("unknown")
    annex = clauses(dossier)["annex_avg"]
    assert "Rechtsgrond | [Te bespreken: rechtsgrond (art. 6, lid 1 AVG)]" in annex
