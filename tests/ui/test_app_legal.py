"""AppTest runs of the forms of issue 13: signatories, trajectories, funding streams and lines, lending."""

from __future__ import annotations

from decimal import Decimal

import pytest
from streamlit.testing.v1 import AppTest

from tests.ui.test_app_forms import go, key
from workbench.dossier.model import Dossier
from workbench.dossier.validation import rule_problems
from workbench.store.dossiers import Store


@pytest.fixture
def opened(app: AppTest, store: Store, small_dossier: Dossier) -> int:
    dossier_id = store.import_dossier(small_dossier, by="ann")
    app.session_state["dossier_id"] = dossier_id
    app.session_state["actor_name"] = "Ann"
    return dossier_id


def test_a_second_signatory_is_added_for_a_partner(app: AppTest, store: Store, opened: int) -> None:
    go(app, "partners", "signatory:new")
    app.selectbox(key=key("signatory:new", "partner_id")).select("stad")
    app.text_input(key=key("signatory:new", "name")).input("Dirk Directeur")
    app.text_input(key=key("signatory:new", "function")).input("algemeen directeur")
    app.button(key="save_signatory:new").click().run()
    assert not app.exception
    (signatory,) = store.load(opened).dossier.signatories
    assert (signatory.partner_id, signatory.name, signatory.function) == (
        "stad",
        "Dirk Directeur",
        "algemeen directeur",
    )


def test_a_funding_stream_and_its_line_keep_the_cap_on_the_calls_share(
    app: AppTest,
    store: Store,
    opened: int,
) -> None:
    go(app, "budget", "funding_stream:new")
    app.text_input(key=key("funding_stream:new", "name")).input("E-inclusion for Belgium")
    app.button(key="save_funding_stream:new").click().run()
    assert not app.exception
    (stream,) = store.load(opened).dossier.funding_streams
    app.session_state["open_funding_line:new"] = True
    app.run()
    app.selectbox(key=key("funding_line:new", "stream_id")).select(stream.id)
    app.selectbox(key=key("funding_line:new", "partner_id")).select("stad")
    app.selectbox(key=key("funding_line:new", "role")).select("promotor")
    app.number_input(key=key("funding_line:new", "budget.loonkosten")).set_value(900_000)
    app.button(key="save_funding_line:new").click().run()
    assert not app.exception
    dossier = store.load(opened).dossier
    (line,) = dossier.funding_lines
    assert (line.stream_id, line.budget.loonkosten) == (stream.id, Decimal("900000.00"))
    assert "rule.budget_over_cap" not in [p.code for p in rule_problems(dossier)]


def test_the_lending_rules_are_edited_beside_the_devices(app: AppTest, store: Store, opened: int) -> None:
    go(app, "circulariteit")
    assert "edit_lending_loan_term_days" not in [w.key for w in app.number_input]  # drawn when opened
    assert "Uitleenreglement" in [e.label for e in app.expander]  # the expander is there, closed
    app.session_state["open_lending"] = True  # as a click on the expander does
    app.run()
    app.number_input(key=key("lending", "loan_term_days")).set_value(60)
    app.checkbox(key=key("lending", "long_term")).check()
    app.number_input(key=key("lending", "long_term_months")).set_value(12)
    app.button(key="save_lending").click().run()
    assert not app.exception
    lending = store.load(opened).dossier.lending
    assert (lending.loan_term_days, lending.long_term, lending.long_term_months) == (60, True, 12)


def test_a_linked_trajectory_is_added_on_the_partnerschap_step(
    app: AppTest, store: Store, opened: int
) -> None:
    go(app, "partnerschap", "trajectory:new")
    app.selectbox(key=key("trajectory:new", "call")).select("voortraject")
    app.text_input(key=key("trajectory:new", "decision_number")).input("VV127-VT-1")
    app.button(key="save_trajectory:new").click().run()
    assert not app.exception
    (trajectory,) = store.load(opened).dossier.trajectories
    assert (trajectory.call.value, trajectory.decision_number) == ("voortraject", "VV127-VT-1")
