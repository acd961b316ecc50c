"""The strategy as it is submitted: no tool language, no consent matrix, gaps stated as risks."""

from __future__ import annotations

from tests.documents.test_generate import document_text
from workbench.demo.digbij import digbij
from workbench.demo.noordrand import noordrand
from workbench.documents import generate as documents


def test_the_submission_has_no_tool_language_consent_matrix_or_raw_findings() -> None:
    working = document_text(documents.strategy(noordrand(), "nl", findings=[("Fout", "x")], consent=[]))
    submitted = document_text(documents.submission(noordrand(), "nl"))
    assert "Status van het dossier" in working and "Status van het dossier" not in submitted
    assert "Instemming van de partners" in working and "Instemming van de partners" not in submitted
    assert "Punten die tussen vierkante haken" not in submitted
    assert "Ontwerp van" not in submitted and "Versie van" in submitted
    assert "Netwerkbeeld, risico's en maatregelen" in submitted


def test_gaps_of_the_network_become_risks_with_an_approach() -> None:
    dossier = digbij()
    submitted = documents.clauses(documents.submission(dossier, "nl"))["clause_netwerk"]
    assert "Risico | Aanpak" in submitted
    assert "Geen partner heeft de rol Refurbisher of Uitleendienst." in submitted
    assert "De stuurgroep zoekt een partner voor deze rol en legt die vast in een addendum." in submitted
    assert "vul in" not in submitted  # the workshop's instructions stay out of a submission


def test_the_english_submission_reads_as_submitted_too() -> None:
    submitted = document_text(documents.submission(digbij(), "en"))
    assert "Network picture, risks and measures" in submitted and "Consent of the partners" not in submitted
