"""AppTest runs of the workshop pages: facilitator, participant, projector and consent."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.shown import as_seen
from workbench.collab.consent import Consents
from workbench.collab.workshop import Workshops
from workbench.dossier.model import Dossier, DossierStatus
from workbench.dossier.units import section_unit
from workbench.store.dossiers import Store
from workbench.ui.common import PAGES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def opened(db_path: Path, small_dossier: Dossier) -> int:
    return Store(db_path).import_dossier(small_dossier, by="test")


def _texts(app: AppTest) -> str:
    return "\n".join(t.value for t in app.text)


def test_workshop_page_starts_a_workshop_and_shows_its_code(new_app, db_path: Path, opened: int) -> None:
    app = new_app()
    app.session_state["dossier_id"] = opened
    app.run()
    app.switch_page(PAGES["workshop"]).run()
    app.selectbox(key="ws_section").select("outreach")
    app.button(key="FormSubmitter:ws_start-Workshop starten").click().run()
    assert not app.exception
    (workshop,) = Workshops(db_path).of_dossier(opened)
    assert workshop.section == "outreach"
    assert workshop.code in _texts(app)
    assert any(f"meedoen?join={workshop.code}" in c.value for c in app.code)


def test_workshop_participant_joins_adds_an_idea_and_votes(new_app, db_path: Path, opened: int) -> None:
    workshop = Workshops(db_path).start(Store(db_path), opened, "doelgroep", by="Fien", dots=1)
    phone = new_app()
    phone.query_params["join"] = workshop.code.lower()
    phone.run()
    assert phone.text_input(key="part_code").value == workshop.code.lower()
    phone.text_input(key="part_name").input("Ann <b>")
    phone.button(key="FormSubmitter:part_join-Doe mee").click().run()
    assert not phone.exception
    assert "Je doet mee als Ann <b>" in _texts(phone)

    phone.text_area(key="part_idea_text").input("Spreekuur in de *bib*")
    phone.button(key="FormSubmitter:part_idea-Idee toevoegen").click().run()
    assert not phone.exception
    (idea,) = Workshops(db_path).board(workshop.id).ideas
    assert (idea.text, idea.author) == ("Spreekuur in de *bib*", "Ann <b>")
    assert phone.text_area(key="part_idea_text").value == ""

    phone.button(key=f"part_vote_{idea.id}").click().run()
    assert Workshops(db_path).board(workshop.id).ideas[0].votes == 1
    assert "Je hebt nog 0 van 1 stippen." in _texts(phone)


def test_workshop_participant_with_a_wrong_code_is_told(new_app) -> None:
    phone = new_app()
    phone.query_params["join"] = "ZZZZZZ"
    phone.run()
    phone.text_input(key="part_name").input("Ann")
    phone.button(key="FormSubmitter:part_join-Doe mee").click().run()
    assert [as_seen(e.value) for e in phone.error] == [
        "Er is geen open workshop met die code. Kijk de code op het scherm na."
    ]


def test_workshop_facilitator_promotes_picked_ideas(new_app, db_path: Path, opened: int) -> None:
    store, workshops = Store(db_path), Workshops(db_path)
    workshop = workshops.start(store, opened, "doelgroep", by="Fien")
    token = workshops.join(workshop.code, "Ann").token
    idea = workshops.add_idea(token, "Senioren via de digibus")
    workshops.vote(token, idea.id)

    app = new_app()
    app.session_state["dossier_id"] = opened
    app.session_state["workshop_id"] = workshop.id
    app.run()
    app.switch_page(PAGES["workshop"]).run()
    app.checkbox(key=f"ws_pick_{idea.id}").check().run()
    app.button(key="ws_compose").click().run()
    assert app.text_area(key=f"ws_text_{workshop.id}").value == "Senioren via de digibus"
    app.text_area(key=f"ws_text_{workshop.id}").input("We bereiken senioren met de digibus.")
    app.button(key="ws_promote").click().run()
    assert not app.exception
    assert store.load(opened).dossier.strategy.doelgroep.narrative == "We bereiken senioren met de digibus."
    latest = store.history(opened)[0]
    assert latest.action == "workshop" and latest.note is not None
    assert latest.note["ideas"][0]["votes"] == 1

    app.switch_page(PAGES["history"]).run()
    assert f"Workshop {workshop.code}: 1 idee(ën) opgenomen" in _texts(app)


def test_workshop_promote_on_a_changed_section_keeps_the_text(new_app, db_path: Path, opened: int) -> None:
    store, workshops = Store(db_path), Workshops(db_path)
    workshop = workshops.start(store, opened, "doelgroep", by="Fien")
    idea = workshops.add_idea(workshops.join(workshop.code, "Ann").token, "Digibus")
    app = new_app()
    app.session_state["dossier_id"] = opened
    app.session_state["workshop_id"] = workshop.id
    app.run()
    app.switch_page(PAGES["workshop"]).run()
    app.checkbox(key=f"ws_pick_{idea.id}").check().run()
    app.button(key="ws_compose").click().run()

    record = store.load(opened)
    unit = section_unit("doelgroep")
    section = record.dossier.strategy.doelgroep.model_copy(update={"narrative": "Van Bob"})
    from workbench.dossier.units import Change

    store.save(opened, Change.put(unit, section, record.version(unit)), by="Bob")
    app.button(key="ws_promote").click().run()
    assert "Gewijzigd door Bob:" in _texts(app)
    assert app.text_area(key=f"ws_text_{workshop.id}").value == "Digibus"
    assert store.load(opened).dossier.strategy.doelgroep.narrative == "Van Bob"
    app.button(key="ws_rebase").click().run()
    app.button(key="ws_promote").click().run()
    assert store.load(opened).dossier.strategy.doelgroep.narrative == "Digibus"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_workshop_projector_shows_code_text_and_ideas(new_app, db_path: Path, opened: int, lang: str) -> None:
    store, workshops = Store(db_path), Workshops(db_path)
    workshop = workshops.start(store, opened, "doelgroep", by="Fien")
    workshops.start_round(store, workshop.id, 120)
    workshops.add_idea(workshops.join(workshop.code, "Ann").token, "<script>alert(1)</script>")
    app = new_app()
    app.session_state["dossier_id"] = opened
    app.session_state["lang"] = lang
    app.query_params["workshop"] = str(workshop.id)
    app.run()
    app.switch_page(PAGES["projector"]).run()
    assert not app.exception
    shown = _texts(app)
    assert workshop.code in shown
    assert "<script>alert(1)</script>" in shown
    # The round's clock, however slow the loaded machine ran the page (no timed assertion).
    assert any(t.value == "2:00" or t.value.startswith("1:") for t in app.text)


def test_consent_page_needs_a_reason_for_an_objection_and_blocks_ready(
    new_app, db_path: Path, opened: int
) -> None:
    app = new_app()
    app.session_state["dossier_id"] = opened
    app.run()
    app.switch_page(PAGES["consent"]).run()
    app.selectbox(key="consent_section").select("outreach")
    app.selectbox(key="consent_partner").select("vzw")
    app.radio(key="consent_decision").set_value("object")
    app.button(key="FormSubmitter:consent_record-Bewaren").click().run()
    assert [as_seen(e.value) for e in app.error] == ["Een bezwaar heeft een reden nodig."]

    app.text_area(key="consent_reason").input("Toeleiding *ontbreekt*")
    app.button(key="FormSubmitter:consent_record-Bewaren").click().run()
    assert not app.exception
    assert "Vzw Verbinding · Outreach: Toeleiding *ontbreekt*" in _texts(app)
    table = app.dataframe[0].value
    assert list(table["Partner"]) == ["Stad Voorbeeld", "Vzw Verbinding"]
    assert table.loc[1, "Outreach"] == "✗ bezwaar"
    assert len(Consents(db_path).objections(opened, Store(db_path).load(opened).dossier)) == 1

    app.switch_page(PAGES["partnerschap"]).run()
    assert "Vzw Verbinding · Outreach: Toeleiding *ontbreekt*" in _texts(app)  # told before trying
    app.selectbox(key="edit_identity_status").select("ready")
    app.button(key="save_identity").click().run()
    assert not app.exception
    shown = " ".join(str(e.value) for e in (*app.text, *app.error, *app.warning))
    assert "Vzw Verbinding bezwaar maakt tegen Outreach" in shown
    assert Store(db_path).load(opened).dossier.identity.status == DossierStatus.CONCEPT


def test_workshop_participant_joins_without_logging_in_when_accounts_exist(
    new_app, db_path: Path, opened: int
) -> None:
    from workbench.access.accounts import Accounts

    Accounts(db_path).add_user("admin@example.be", "Ann Admin")  # from now on everybody logs in ...
    workshop = Workshops(db_path).start(Store(db_path), opened, "doelgroep", by="Fien")
    phone = new_app()
    phone.query_params["join"] = workshop.code
    phone.run()
    phone.text_input(key="part_name").input("Buurtbewoner")
    phone.button(key="FormSubmitter:part_join-Doe mee").click().run()
    phone.text_area(key="part_idea_text").input("Wifi in het dienstencentrum")
    phone.button(key="FormSubmitter:part_idea-Idee toevoegen").click().run()
    assert not phone.exception
    assert [i.author for i in Workshops(db_path).board(workshop.id).ideas] == ["Buurtbewoner"]  # ... but them

    stranger = new_app()
    stranger.session_state["dossier_id"] = opened
    stranger.run()
    assert "Digibank Test" not in _texts(stranger)  # without the code: the login page, no dossier
    assert [t.key for t in stranger.text_input] == ["login_email", "login_password"]


def test_a_stale_pick_from_the_browser_never_joins_the_next_cluster(
    new_app, db_path: Path, opened: int
) -> None:
    """The race behind 'seven ideas under the wrong label': after a clustering the page unticks the
    picks in the session, but until the browser has drawn that run it still holds them ticked; a
    rerun it sends meanwhile (the board refreshes every 3 s) carried them back, and the next
    clustering moved them under the new label. Picks are per round now: old ones mean nothing."""
    store, workshops = Store(db_path), Workshops(db_path)
    workshop = workshops.start(store, opened, "doelgroep", by="Fien")
    token = workshops.join(workshop.code, "Ann").token
    a, b, c = (workshops.add_idea(token, text).id for text in ("Bib", "Digipunt", "Toeleiders"))

    app = new_app()
    app.session_state["dossier_id"] = opened
    app.session_state["workshop_id"] = workshop.id
    app.run()
    app.switch_page(PAGES["workshop"]).run()
    for idea_id in (a, b):
        app.checkbox(key=f"ws_pick_{idea_id}").check().run()
    app.text_input(key="ws_cluster_label").input("Locaties").run()
    app.button(key="ws_cluster").click().run()
    assert {i.id: i.cluster for i in workshops.board(workshop.id).ideas} == {
        a: "Locaties",
        b: "Locaties",
        c: "",
    }

    # The browser's stale state comes back (as a rerun it sent before drawing the last run would).
    app.session_state[f"ws_pick_{a}"] = True
    app.session_state[f"ws_pick_{b}"] = True
    app.run()
    (fresh,) = [box for box in app.checkbox if box.key.startswith(f"ws_pick_{c}")]
    fresh.check().run()
    app.text_input(key="ws_cluster_label").input("Toeleiding").run()
    app.button(key="ws_cluster").click().run()
    assert not app.exception
    assert {i.id: i.cluster for i in workshops.board(workshop.id).ideas} == {
        a: "Locaties",
        b: "Locaties",
        c: "Toeleiding",
    }


def test_a_participant_adds_an_idea_without_their_name(new_app, db_path: Path, opened: int) -> None:
    workshop = Workshops(db_path).start(Store(db_path), opened, "doelgroep", by="Fien")
    phone = new_app()
    phone.query_params["join"] = workshop.code
    phone.run()
    phone.text_input(key="part_name").input("Ann Peeters")
    phone.button(key="FormSubmitter:part_join-Doe mee").click().run()
    phone.text_area(key="part_idea_text").input("Een gevoelig punt")
    phone.checkbox(key="part_anonymous").check()
    phone.button(key="FormSubmitter:part_idea-Idee toevoegen").click().run()
    assert not phone.exception
    (idea,) = Workshops(db_path).board(workshop.id).ideas
    assert idea.author == ""
    assert "van anoniem" in _texts(phone) and "van Ann Peeters" not in _texts(phone)
