"""The read-only overview tables on the step pages."""

from __future__ import annotations

from workbench.demo import zora_werkt
from workbench.guide.tables import partner_table, role_matrix

ZORA = zora_werkt()


def test_partner_table_has_one_row_per_partner_with_their_roles() -> None:
    rows = partner_table(ZORA, "nl")
    assert len(rows) == len(ZORA.partners)
    first = rows[0]
    assert first["Naam van de organisatie"] == "Stad Mortsel"
    assert first["Btw-statuut"] == "Gemengd"
    assert "Promotor" in first["Rollen en engagementen"]


def test_role_matrix_shows_budgets_and_keeps_the_partner_column() -> None:
    rows = role_matrix(ZORA, "en")
    mortsel = rows[0]
    assert mortsel["Organisation"] == "Stad Mortsel"
    assert mortsel["Promotor (lead applicant)"] == "€148,500.00"
    assert all("Organisation" in row for row in rows)
