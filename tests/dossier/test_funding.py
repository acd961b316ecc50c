"""Funding streams: the call's cap on the call's share only, a financing plan per source in the agreement."""

from __future__ import annotations

from decimal import Decimal

from workbench.demo.noordrand import noordrand
from workbench.documents import generate as documents
from workbench.dossier import funding
from workbench.dossier.model import Budget, CallKind, Dossier, FundingLine
from workbench.dossier.validation import rule_problems


def clauses(dossier: Dossier, lang: str = "nl") -> dict[str, str]:
    return documents.clauses(documents.agreement(dossier, lang))


def test_a_total_above_the_cap_validates_when_the_calls_share_is_within_it() -> None:
    dossier = noordrand()
    cap = Decimal(500_000)
    assert funding.total(dossier) > cap >= funding.call_share(dossier)
    assert [p.code for p in rule_problems(dossier) if p.severity == "error"] == []


def test_the_calls_share_above_the_cap_is_still_refused() -> None:
    dossier = noordrand()
    dossier.roles[0].budget.loonkosten += Decimal(60_000)
    assert "rule.budget_over_cap" in [p.code for p in rule_problems(dossier)]


def test_the_agreement_separates_the_streams_in_article_8_and_annex_3() -> None:
    text = clauses(noordrand())
    article = text["clause_financiering"]
    assert "Het totale projectbudget bedraagt € 557.000,00, waarvan € 462.000,00 ten laste van de oproep" in (
        article.replace("\xa0", " ")
    )
    assert (
        "E-inclusion for Belgium | Ander overheidsprogramma | Federale overheid (oproep E-inclusion for "
        in article
    )
    assert "Eigen inbreng Stad Vilvoorde | Eigen inbreng | Stad Vilvoorde" in article
    assert "registreert haar tijd en kosten per financieringsbron afzonderlijk" in article
    annex = text["annex_budget"].replace("\xa0", " ")
    assert (
        "E-inclusion for Belgium | Leerpunt Noordrand vzw – Trainer / pedagogische partner | € 40.000,00"
        in annex
    )
    # The reader joins equal neighbouring cells once (merged cells repeat): € 0,00 | € 0,00 reads as one.
    assert (
        "Eigen inbreng Stad Vilvoorde | Stad Vilvoorde – Digipunt-host | € 30.000,00 | € 0,00 | € 5.000,00"
        in annex
    )
    assert "Totaal |  | € 557.000,00" in annex


def test_the_no_double_funding_clause_names_the_actual_other_streams() -> None:
    article = clauses(noordrand())["clause_subsidievoorwaarden"]
    assert (
        "Het project wordt ook gefinancierd door E-inclusion for Belgium en Eigen inbreng Stad Vilvoorde"
        in article
    )
    assert "registreert haar tijd en kosten per bron afzonderlijk" in article
    english = clauses(noordrand(), "en")["clause_subsidievoorwaarden"]
    assert "records its time and costs separately per source" in english


def test_a_single_stream_dossier_says_nothing_about_other_sources() -> None:
    dossier = noordrand()
    dossier.funding_streams, dossier.funding_lines = [], []
    article = clauses(dossier)["clause_financiering"]
    assert "uit andere bronnen" not in article and "per financieringsbron" not in article


def test_investments_are_refused_in_the_calls_own_budget_but_allowed_in_another_stream() -> None:
    dossier = noordrand()
    dossier.roles[0].budget.investeringen = Decimal(1_000)
    codes = [p.code for p in rule_problems(dossier)]
    assert "rule.cost_category_not_allowed" in codes
    dossier.roles[0].budget.investeringen = Decimal(0)
    assert any(line.budget.investeringen for line in dossier.funding_lines)
    assert "rule.cost_category_not_allowed" not in [p.code for p in rule_problems(dossier)]


def test_a_stream_whose_lines_differ_from_the_amount_granted_is_named() -> None:
    dossier = noordrand()
    dossier.funding_lines.append(
        FundingLine(
            id="fl-x",
            stream_id="eib",
            partner_id="vilvoorde",
            role="promotor",
            budget=Budget(loonkosten=Decimal(1)),
        )
    )
    (problem,) = [p for p in rule_problems(dossier) if p.code == "rule.stream_amount_differs"]
    assert "E-inclusion for Belgium" in problem.message("nl") and "€ 60.001,00" in problem.message(
        "nl"
    ).replace("\xa0", " ")


def test_old_dossiers_without_streams_keep_the_whole_budget_in_the_call() -> None:
    raw = noordrand().model_dump(mode="json")
    for key in ("funding_streams", "funding_lines", "signatories", "trajectories", "lending"):
        raw.pop(key)
    for role in raw["roles"]:
        role["budget"].pop("investeringen")
    old = Dossier.model_validate(raw)
    assert funding.total(old) == funding.call_share(old) == Decimal(462_000)
    assert old.identity.call is CallKind.VERLENGING
