"""String catalogues: both languages complete, every key used in the code exists, Babel formats."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from workbench import i18n
from workbench.dossier import model
from workbench.i18n import LANGUAGES, catalogue, fmt_date, fmt_money, t

ROOT = Path(__file__).resolve().parents[1]
LITERAL_KEY = re.compile(r"""\b(?:tr|t|say)\(\s*["']([a-z_]+(?:\.[a-z0-9_]+)+)["']""")


def test_both_languages_have_exactly_the_same_keys() -> None:
    nl, en = catalogue("nl"), catalogue("en")
    assert sorted(nl.keys() - en.keys()) == []
    assert sorted(en.keys() - nl.keys()) == []


def test_placeholders_match_between_languages() -> None:
    fields = re.compile(r"{(\w+)")
    nl, en = catalogue("nl"), catalogue("en")
    assert [k for k in nl if set(fields.findall(nl[k])) != set(fields.findall(en[k]))] == []


def test_every_key_written_in_the_code_exists() -> None:
    sources = [*ROOT.joinpath("workbench").rglob("*.py"), ROOT / "streamlit_app.py"]
    used = {key for path in sources for key in LITERAL_KEY.findall(path.read_text(encoding="utf-8"))}
    for lang in LANGUAGES:
        assert sorted(used - catalogue(lang).keys()) == [], lang


@pytest.mark.parametrize(
    ("prefix", "enum"),
    [
        ("call", model.CallKind),
        ("status", model.DossierStatus),
        ("org_type", model.OrgType),
        ("vat_status", model.VatStatus),
        ("objective", model.Objective),
        ("cost", model.CostCategory),
        ("flow", model.FlowType),
        ("ap_kind", model.AccessPointKind),
        ("gdpr", model.GdprRole),
        ("indicator_type", model.IndicatorType),
        ("connectivity", model.ConnectivityKind),
    ],
)
def test_every_enum_value_has_a_label(prefix: str, enum: type) -> None:
    for lang in LANGUAGES:
        assert [v for v in enum if f"{prefix}.{v.value}" not in catalogue(lang)] == []


def test_every_role_section_and_model_field_has_a_label() -> None:
    fields = {
        name
        for cls in vars(model).values()
        if isinstance(cls, type) and issubclass(cls, model.Model)
        for name in cls.model_fields
    }
    for lang in LANGUAGES:
        keys = catalogue(lang).keys()
        assert [r for r in model.ROLE_CATALOGUE if f"role.{r}" not in keys] == []
        assert [s for s in model.SECTION_KEYS if f"section.{s}" not in keys] == []
        assert sorted(f for f in fields if f"field.{f}" not in keys) == []


def test_dates_and_money_follow_the_language() -> None:
    assert fmt_date(date(2026, 3, 5), "nl") == "5 maart 2026"
    assert fmt_date(date(2026, 3, 5), "en") == "5 March 2026"
    assert fmt_money(Decimal("1234.5"), "nl") == "€\xa01.234,50"
    assert fmt_money(Decimal("1234.5"), "en") == "€1,234.50"


def test_unknown_language_falls_back_to_dutch() -> None:
    assert t("nav.history", "fr") == "Geschiedenis"
    assert t("nav.history", "en") == "History"


@pytest.mark.parametrize("first", [Decimal("-0.00"), 0, Decimal("0.00"), -0.0])
def test_money_is_formatted_once_per_amount_and_minus_zero_reads_as_zero(first: object) -> None:
    # Amounts are formatted once per value and language, shared by every session: equal values
    # (-0 and 0 among them) must read alike whichever came first.
    i18n._money.cache_clear()
    assert fmt_money(first, "nl") == "€\xa00,00"  # type: ignore[arg-type]
    for value in (Decimal("-0.00"), 0, Decimal("0"), -0.0, 0.0):
        assert fmt_money(value, "nl") == "€\xa00,00"
        assert fmt_money(value, "en") == "€0.00"
    assert fmt_money(Decimal("-5"), "nl") == "€\xa0-5,00"
    assert fmt_money(Decimal("1.0"), "nl") == fmt_money(Decimal("1.00"), "nl") == "€\xa01,00"
