"""The heavy pages (budget, partnerschap, rollen, history) draw what they drew, some of it on demand."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.ui.test_app_forms import go
from workbench.dossier.model import Dossier
from workbench.dossier.validation import rule_problems
from workbench.store.dossiers import Store


def test_partnerschap_lists_every_rule_problem_in_one_text(
    app: AppTest, store: Store, small_dossier: Dossier
) -> None:
    dossier = small_dossier.model_copy(update={"roles": []})  # no promotor and no period: two problems
    app.session_state["dossier_id"] = store.import_dossier(dossier, by="ann")
    go(app, "partnerschap")
    expected = [("⛔ " if p.severity == "error" else "⚠ ") + p.message("nl") for p in rule_problems(dossier)]
    assert len(expected) >= 2
    assert "\n".join(expected) in [t.value for t in app.text]
