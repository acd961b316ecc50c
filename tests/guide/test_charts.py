"""The progress chart: a plain Vega-Lite spec in the user's language, one bar per step in path order."""

from __future__ import annotations

import json

from workbench.demo import demo_dossiers
from workbench.dossier.steps import STEP_KEYS
from workbench.guide.charts import progress_chart
from workbench.guide.progress import assess


def test_one_bar_per_step_in_path_order_with_state_and_share() -> None:
    digbij = demo_dossiers()[3]
    spec = progress_chart(assess(digbij), "nl")
    rows = spec["data"]["values"]
    assert [r["step"] for r in rows][:3] == ["Partnerschap", "Partners", "Rollen en engagementen"]
    assert len(rows) == len(STEP_KEYS) - 1  # the overview itself is no bar
    assert spec["encoding"]["y"]["sort"] == [r["step"] for r in rows]
    rollen = rows[2]
    # Seven: the subsidy to Stad Borgloon, a partner without budget, is flagged too (issue 13).
    assert (rollen["state"], rollen["label"], rollen["open"]) == ("Vraagt aandacht", "100 %", 7)


def test_labels_follow_the_language_and_nothing_is_fetched() -> None:
    spec = json.dumps(progress_chart(assess(demo_dossiers()[0]), "en"))
    assert "Filled in (%)" in spec and "Budget and planning" in spec and "Needs attention" in spec
    assert "http" not in spec and "url" not in spec
