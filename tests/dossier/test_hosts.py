"""One truth: with 18 digipunten hosted by 7 partners, every part of the agreement says 7 hosts."""

from __future__ import annotations

from workbench.demo.leuven import leuven
from workbench.documents import generate as documents
from workbench.network.analysis import analyse


def test_every_partner_that_hosts_a_digipunt_holds_the_host_role() -> None:
    dossier = leuven()
    assert len(dossier.access_points) == 18
    assert [r.partner_id for r in dossier.roles if r.role == "digipunt_host"] == ["leuven"]
    assert len(dossier.partners_with_role("digipunt_host")) == 7


def test_the_network_analysis_counts_seven_hosts() -> None:
    analysis = analyse(leuven())
    coverage = next(c for c in analysis.coverage if c.kind == "role" and c.key == "digipunt_host")
    assert len(coverage.partner_ids) == 7
    assert not analysis.by_code("role_thin") or all(
        "digipunt_host" not in f.subjects for f in analysis.by_code("role_thin")
    )


def test_the_role_matrix_and_article_5_name_every_host() -> None:
    text = documents.clauses(documents.agreement(leuven(), "nl"))
    matrix = text["annex_rolmatrix"]
    rows = [line for line in matrix.splitlines() if "Digipunt-host" in line]
    assert len(rows) == 7
    article = text["clause_rollen"]
    assert "Host van 3 digipunten: Buurthuis Sint-Maartensdal" in article
    assert "Host van het digipunt Repair Café Leuven" in article
