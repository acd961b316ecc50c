"""The readiness rubric as data: the 23 clauses of the agreement in order, plus the call's criteria."""

from __future__ import annotations

from workbench.collab.rubric import AGREEMENT_CLAUSES, rubric
from workbench.documents.context import CLAUSES


def test_rubric_has_the_23_clauses_in_order_and_the_call_criteria() -> None:
    spec = rubric()
    assert len(spec.clauses) == AGREEMENT_CLAUSES
    assert spec.clauses[0] == "partijen" and spec.clauses[-1] == "bijlagen"
    assert spec.clause_number("governance") == 7
    strategy = {c.key for c in spec.criterion if c.group == "strategy"}
    assert {"doelgroep", "outreach", "sociale_economie", "circulariteit", "duurzaamheid"} <= strategy
    assert {"connectiviteit", "impactmeting"} <= strategy


def test_rubric_clauses_are_the_clauses_of_the_generated_agreement() -> None:
    assert rubric().clauses == tuple(CLAUSES)
