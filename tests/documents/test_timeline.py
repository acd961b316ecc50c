"""Linked trajectories in the recitals, effect from the project start, role periods and takeovers."""

from __future__ import annotations

from workbench.demo.noordrand import noordrand
from workbench.documents import generate as documents
from workbench.dossier.model import Dossier
from workbench.dossier.validation import rule_problems


def clauses(dossier: Dossier, lang: str = "nl") -> dict[str, str]:
    return documents.clauses(documents.agreement(dossier, lang))


def test_the_recitals_name_every_trajectory_with_its_grant_decision() -> None:
    recitals = clauses(noordrand())["clause_overwegingen"].replace("\xa0", " ")
    assert (
        "Het gekoppelde traject Voortraject strategische ontwikkeling (1 november 2021 – 28 februari 2022)"
        in recitals
    )
    assert (
        "een subsidie van € 15.000,00 toegekend bij beslissing nr. VV127-VT-2021-064 van 20 oktober 2021"
        in recitals
    )
    assert "een subsidie van € 497.600,00 toegekend bij beslissing nr. VV127-IT-2022-211" in recitals
    assert "Dit traject, Verlenging" in recitals
    # The grant is decided: no "subject to the award" any more.
    assert "onder voorbehoud van de toekenning" not in recitals


def test_the_agreement_takes_effect_from_the_start_of_the_project_period() -> None:
    duration = clauses(noordrand())["clause_duur"]
    assert "met uitwerking vanaf 1 januari 2025, het begin van de projectperiode" in duration
    english = clauses(noordrand(), "en")["clause_duur"]
    assert "with effect from 1 January 2025" in english


def test_a_takeover_gets_a_transfer_clause_with_its_date() -> None:
    article = clauses(noordrand())["clause_toetreding_uittreding"]
    assert (
        "Vanaf 1 januari 2026 neemt Herwerk cv de rol „Uitleendienst” over van Digitaal Thuis vzw." in article
    )
    assert "draagt op die datum de lopende engagementen, de toestellen en het materiaal" in article
    assert "Digitaal Thuis vzw vervult de rol „Uitleendienst” tot en met 31 december 2025." in article


def test_a_takeover_that_overlaps_the_previous_holder_is_a_warning() -> None:
    dossier = noordrand()
    dossier.roles[4].end = None
    assert "rule.takeover_overlap" in [p.code for p in rule_problems(dossier)]
    dossier.roles[5].start = None
    assert "rule.takeover_without_date" in [p.code for p in rule_problems(dossier)]
