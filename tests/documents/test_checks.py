"""The clause checks: what each clause or strategy section still misses, from the context alone."""

from __future__ import annotations

from tests.document_samples import bare_dossier, rich_dossier
from workbench.documents import checks

KINDS = ("agreement", "strategy", "submission")


def test_readiness_lists_per_clause_what_is_missing() -> None:
    found = checks.readiness(bare_dossier(), "nl")
    assert [c.number for c in found] == list(range(1, 24))
    by_key = {c.key: c for c in found}
    assert "Het ondernemingsnummer van Gemeente Zonder Gegevens ontbreekt." in by_key["partijen"].missing
    assert "De beslissingsregel van de stuurgroep ontbreekt." in by_key["governance"].missing
    assert by_key["aansprakelijkheid"].ready
    assert by_key["partijen"].title == "Partijen"


def test_readiness_of_a_complete_dossier_is_all_green() -> None:
    for kind in KINDS:
        open_points = [m for c in checks.readiness(rich_dossier(), "en", kind) for m in c.missing]
        # Only what the data cannot confirm stays open: the OCMW's article of the decree.
        assert open_points == [] if kind == "strategy" else all("not confirmed" in m for m in open_points)


def test_strategy_readiness_names_unwritten_sections() -> None:
    found = {c.key: c for c in checks.readiness(bare_dossier(), "en", "strategy")}
    assert found["doelgroep"].title == "Target group"
    assert found["doelgroep"].missing == (
        "The section Target group is required for this call and not written yet.",
        "There are no target groups yet.",
    )
