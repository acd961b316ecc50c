"""Validation messages in the user's words, in Dutch and English."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from workbench.dossier.model import Budget, Dossier, Identity, Milestone, Period, Planning, RoleAssignment
from workbench.dossier.validation import check, parse_dossier, rule_problems


def messages(problems, lang: str) -> list[str]:
    return [p.message(lang) for p in problems]


def test_bad_enterprise_number_names_the_partner_and_field_in_dutch_and_english() -> None:
    raw = {
        "identity": {"name": "X", "call": "voortraject"},
        "partners": [{"id": "a", "name": "Stad Mortsel", "enterprise_number": "0207.451.228"}],
    }
    _, problems = parse_dossier(raw)
    assert messages(problems, "nl") == [
        "Partners > Stad Mortsel > Ondernemingsnummer: \u201c0207.451.228\u201d is geen geldig "
        "ondernemingsnummer "
        "(10 cijfers met controle modulo 97, bv. 0207.451.227)"
    ]
    assert messages(problems, "en")[0].startswith(
        "Partners > Stad Mortsel > Enterprise number: \u201c0207.451.228\u201d"
    )


def test_unknown_key_and_missing_field_are_reported_without_english_prefixes() -> None:
    _, problems = parse_dossier({"identity": {"call": "voortraject", "colour": "red"}})
    found = messages(problems, "nl")
    assert "Partnerschap > Naam: is verplicht" in found
    assert "Partnerschap > colour: is een onbekend veld" in found
    assert not any("Value error" in m for m in found)


def test_reference_to_a_missing_partner_is_refused() -> None:
    raw = {
        "identity": {"name": "X", "call": "voortraject"},
        "roles": [{"id": "r", "partner_id": "ghost", "role": "promotor"}],
    }
    _, problems = parse_dossier(raw)
    assert messages(problems, "en") == [
        "Roles and commitments > 1 > Partner: refers to a partner \u201cghost\u201d that does not exist"
    ]


def test_duplicate_partner_ids_are_refused() -> None:
    raw = {
        "identity": {"name": "X", "call": "voortraject"},
        "partners": [{"id": "a", "name": "Een"}, {"id": "a", "name": "Twee"}],
    }
    _, problems = parse_dossier(raw)
    assert [p.code for p in problems] == ["error.duplicate_id"]


def test_end_before_start_is_refused() -> None:
    _, problems = parse_dossier(
        {
            "identity": {
                "name": "X",
                "call": "voortraject",
                "period": {"start": "2022-03-01", "end": "2022-01-01"},
            }
        }
    )
    assert messages(problems, "nl") == ["Partnerschap > Periode: de einddatum ligt voor de startdatum"]


def test_two_promotors_are_named(small_dossier: Dossier) -> None:
    small_dossier.roles.append(RoleAssignment(id="r9", partner_id="vzw", role="promotor"))
    assert messages(rule_problems(small_dossier), "nl")[0] == (
        "Er zijn 2 promotors (Stad Voorbeeld, Vzw Verbinding): precies één partner mag promotor zijn."
    )


def test_partners_without_promotor_are_an_error(small_dossier: Dossier) -> None:
    small_dossier.roles = small_dossier.roles[1:]
    assert [p.code for p in rule_problems(small_dossier)] == ["rule.promotor_missing", "rule.period_missing"]


def test_budget_over_the_call_cap_is_reported_in_euro(small_dossier: Dossier) -> None:
    small_dossier.roles[0].budget = Budget(loonkosten=Decimal("15000.50"))
    found = [p for p in rule_problems(small_dossier) if p.code == "rule.budget_over_cap"]
    assert found[0].message("nl") == (
        "Het aandeel ten laste van de oproep (€\xa015.000,50) overschrijdt het maximum van de "
        "oproep (€\xa015.000,00); andere financieringsbronnen tellen daarbij niet mee."
    )
    assert found[0].message("en") == (
        "The share charged to the call (€15,000.50) exceeds the call's maximum "
        "(€15,000.00); other funding sources do not count towards it."
    )


def test_period_outside_the_call_window_and_too_long(small_dossier: Dossier) -> None:
    small_dossier.identity.period = Period(start=date(2021, 6, 1), end=date(2023, 1, 31))
    codes = {p.code for p in rule_problems(small_dossier)}
    assert codes == {"rule.start_before_call", "rule.end_after_call", "rule.period_too_long"}


def test_implementation_shorter_than_two_years_is_reported() -> None:
    dossier = Dossier(
        identity=Identity(
            name="X",
            call="implementatietraject",
            period=Period(start=date(2023, 1, 1), end=date(2024, 6, 30)),
        )
    )
    assert [p.code for p in rule_problems(dossier)] == ["rule.period_too_short"]


def test_a_period_of_exactly_the_allowed_length_passes() -> None:
    dossier = Dossier(
        identity=Identity(
            name="X", call="verlenging", period=Period(start=date(2025, 1, 1), end=date(2026, 7, 31))
        )
    )
    assert rule_problems(dossier) == []


def test_milestone_outside_period_is_a_warning(small_dossier: Dossier) -> None:
    small_dossier.identity.period = Period(start=date(2022, 1, 1), end=date(2022, 4, 30))
    small_dossier.planning = Planning(
        milestones=[Milestone(id="m", title="Ondertekening", due=date(2022, 6, 1))]
    )
    (problem,) = rule_problems(small_dossier)
    assert problem.severity == "warning"
    assert (
        problem.message("nl")
        == "Mijlpaal \u201cOndertekening\u201d (1 juni 2022) valt buiten de projectperiode."
    )


def test_check_runs_structure_before_rules() -> None:
    assert [p.code for p in check({"identity": {"name": "", "call": "voortraject"}})] == [
        "error.string_too_short"
    ]
