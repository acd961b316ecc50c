"""The lending annex is written from the lending policy: terms, deposit, insurance, end of loan."""

from __future__ import annotations

from decimal import Decimal

from workbench.demo.noordrand import noordrand
from workbench.documents import generate as documents
from workbench.dossier.model import Dossier, EndOfLoan


def annex(dossier: Dossier, lang: str = "nl") -> str:
    return documents.clauses(documents.agreement(dossier, lang))["annex_uitleenreglement"]


def test_a_long_term_policy_with_deposit_and_donation_is_written_out() -> None:
    text = annex(noordrand()).replace("\xa0", " ")
    assert "De uitleentermijn bedraagt 90 dagen." in text
    assert "De uitlening kan 1 keer worden verlengd" in text
    assert "Een langdurige uitlening is mogelijk voor 24 maanden" in text
    assert "De ontlener betaalt een waarborg van € 20,00" in text
    assert "De toestellen zijn verzekerd door Herwerk cv: diefstal en accidentele schade" in text
    assert "nagekeken door Herwerk cv: gecertificeerd wissen" in text
    assert "het kan aan de ontlener worden geschonken als: het toestel na 24 maanden" in text
    assert "Elk toestel is bedoeld voor 3 uitleningen" in text


def test_another_policy_gives_another_annex() -> None:
    dossier = noordrand()
    dossier.lending.long_term = False
    dossier.lending.deposit = None
    dossier.lending.fee = Decimal(5)
    dossier.lending.end_of_loan = EndOfLoan.RETURN
    dossier.lending.donation_conditions = ""
    dossier.lending.loan_term_days = 1
    text = annex(dossier).replace("\xa0", " ")
    assert "langdurige" not in text and "waarborg van" not in text
    assert "De ontlener betaalt een vergoeding van € 5,00 per uitlening." in text
    assert "De uitleentermijn bedraagt 1 dag." in text
    assert "brengt de ontlener het toestel met de toebehoren terug" in text


def test_a_policy_left_empty_marks_its_gaps() -> None:
    dossier = noordrand()
    dossier.lending = dossier.lending.__class__()
    text = annex(dossier)
    assert "[Te bespreken: de uitleentermijn wordt bij de uitlening afgesproken]" in text
    assert "[Te bespreken: de eigenaar verzekert de toestellen" in text


def test_the_english_annex_follows_the_same_policy() -> None:
    text = annex(noordrand(), "en").replace("\xa0", " ")
    assert "The loan term is 90 days." in text and "A long-term loan is possible for 24 months" in text
