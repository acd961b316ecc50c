"""The heavy pages (budget, partnerschap, rollen, history) draw what they drew, some of it on demand."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.shown import as_seen
from tests.ui.test_app_forms import go
from workbench.demo import large_dossier
from workbench.dossier.model import Dossier
from workbench.dossier.units import Change, item_unit, unit_data
from workbench.dossier.validation import rule_problems
from workbench.guide.labels import item_title
from workbench.i18n import t
from workbench.store.dossiers import Store
from workbench.ui.common import PAGES


def test_partnerschap_lists_every_rule_problem_in_one_text(
    app: AppTest, store: Store, small_dossier: Dossier
) -> None:
    dossier = small_dossier.model_copy(update={"roles": []})  # no promotor and no period: two problems
    app.session_state["dossier_id"] = store.import_dossier(dossier, by="ann")
    go(app, "partnerschap")
    expected = [("⛔ " if p.severity == "error" else "⚠ ") + p.message("nl") for p in rule_problems(dossier)]
    assert len(expected) >= 2
    assert "\n".join(expected) in [t.value for t in app.text]


def test_rollen_draws_the_chosen_tab_only_and_each_tab_works(app: AppTest, store: Store) -> None:
    dossier = large_dossier(60)
    app.session_state["dossier_id"] = store.import_dossier(dossier, by="test")
    go(app, "rollen")
    labels = [as_seen(e.label) for e in app.expander]
    flow = item_title(dossier.flows[0], dossier, "nl")
    assert flow not in labels and item_title(dossier.roles[0], dossier, "nl") in labels
    assert app.selectbox(key="page_role")  # the roles tab: its list, in pages
    app.session_state["rollen_tab"] = t("form.tab.flows", "nl")
    app.run()
    assert not app.exception
    assert flow in [as_seen(e.label) for e in app.expander]
    with pytest.raises(KeyError):
        app.selectbox(key="page_role")  # the roles tab is not drawn now


def test_a_link_to_a_flow_opens_the_flows_tab_and_the_flow(app: AppTest, store: Store) -> None:
    dossier = large_dossier(60)
    wanted = dossier.flows[-1]
    dossier_id = store.import_dossier(dossier, by="test")
    app.query_params["dossier"] = str(dossier_id)
    app.run()
    app.query_params["focus"] = wanted.id  # as a link from the Overzicht carries it
    app.switch_page(PAGES["rollen"]).run()
    assert not app.exception
    assert app.session_state["rollen_tab"] == t("form.tab.flows", "nl")
    assert app.session_state[f"open_flow:{wanted.id}"] is True
    assert f"edit_flow:{wanted.id}_type" in [w.key for w in app.selectbox]


def test_the_lending_rules_are_drawn_when_opened_and_keep_what_was_typed_when_closed(
    app: AppTest, store: Store, small_dossier: Dossier
) -> None:
    dossier_id = store.import_dossier(small_dossier, by="ann")
    app.session_state["dossier_id"] = dossier_id
    go(app, "circulariteit")
    field = "edit_lending_loan_term_days"
    assert field not in [w.key for w in app.number_input]
    app.session_state["open_lending"] = True  # as a click on the expander does
    app.run()
    app.number_input(key=field).set_value(45).run()
    app.session_state["open_lending"] = False  # closed without saving
    app.run()
    assert field not in [w.key for w in app.number_input]
    assert any("Uitleenreglement" in as_seen(c.value) for c in app.caption)  # "not saved yet in ..."
    app.session_state["open_lending"] = True
    app.run()
    assert app.number_input(key=field).value == 45
    app.button(key="save_lending").click().run()
    assert store.load(dossier_id).dossier.lending.loan_term_days == 45


def test_a_history_row_is_one_text_beside_its_restore_button(
    app: AppTest, store: Store, small_dossier: Dossier
) -> None:
    dossier_id = store.import_dossier(small_dossier, by="Ann")
    app.session_state["dossier_id"] = dossier_id
    go(app, "history")
    rev = store.history(dossier_id)[0]  # the newest, first
    rows = [x.value for x in app.text if x.value.startswith(f"#{rev.revision} · ")]
    assert len(rows) == len(store.history(dossier_id))  # an import writes a revision per part
    head = rows[0].splitlines()[0]
    assert head.endswith(f" · Ann · {t(f'history.action.{rev.action}', 'nl')}")
    assert app.button(key=f"history_restore_{rev.id}")


def test_the_budget_tables_follow_a_new_revision_and_the_language(
    app: AppTest, store: Store, small_dossier: Dossier
) -> None:
    # The summary and the grids are made once per revision and language (ui/steps/budget.py).
    dossier_id = store.import_dossier(small_dossier, by="ann")
    app.session_state["dossier_id"] = dossier_id
    go(app, "budget")
    summary, grid = app.dataframe[0].value, app.dataframe[1].value
    assert as_seen(summary.iloc[0]["Loonkosten"]) == "€\xa00,00"
    assert grid.loc["r1", "loonkosten"] == 0.0
    # Someone else saves an amount: the next run of this page shows it, in both tables.
    record = store.load(dossier_id)
    unit = item_unit("role", "r1")
    data = unit_data(record.dossier, unit) or {}
    data["budget"] = {**data.get("budget", {}), "loonkosten": "1234.50"}
    store.apply(dossier_id, [Change(unit=unit, data=data, base_version=record.version(unit))], by="bo")
    app.run()
    summary, grid = app.dataframe[0].value, app.dataframe[1].value
    assert as_seen(summary.iloc[0]["Loonkosten"]) == "€\xa01.234,50"
    assert as_seen(summary.iloc[-1]["Totaal"]) == "€\xa01.234,50"
    assert grid.loc["r1", "loonkosten"] == 1234.5
    assert as_seen(app.metric[0].value) == "€\xa01.234,50"
    app.session_state["lang"] = "en"
    app.run()
    summary = app.dataframe[0].value
    assert summary.columns[0] == "Partner" and summary.iloc[-1].iloc[0] == "Total"
    assert as_seen(summary.iloc[0]["Staff costs"]) == "€1,234.50"
