"""A workshop in real browsers: a facilitator with a projector tab and two participants on their phones."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import App, wait_for_app
from workbench.collab.workshop import Workshops
from workbench.dossier.model import Dossier, Identity, Partner
from workbench.dossier.units import section_unit
from workbench.store.dossiers import Store

pytestmark = pytest.mark.e2e

PROMOTED = "We bereiken senioren met een digibus naar elke deelgemeente & spreekuren in de bib."


def _join(page: Any, link: str, name: str, idea: str) -> None:
    page.goto(link)
    wait_for_app(page)
    page.get_by_label("Je naam op het bord").fill(name)
    page.get_by_role("button", name="Doe mee").click()
    wait_for_app(page)
    page.get_by_text(f"Je doet mee als {name}").wait_for()
    page.get_by_label("Jouw idee").fill(idea)
    page.get_by_role("button", name="Idee toevoegen").click()
    wait_for_app(page)


def _vote(page: Any, idea_id: int) -> None:
    button = page.locator(f".st-key-part_vote_{idea_id} button")
    button.wait_for(timeout=15_000)  # the idea shows up on the phone without a reload too
    button.click()
    expect(page.locator(f".st-key-part_vote_{idea_id} button")).to_contain_text("Stip terugnemen")


def test_workshop_ideas_reach_the_projector_live_and_the_promoted_text_lands_in_the_section(
    app: App, new_page: Any
) -> None:
    store = Store(app.db)
    dossier_id = store.import_dossier(
        Dossier(
            identity=Identity(name="Digibank Workshopdorp", call="voortraject"),
            partners=[Partner(id="stad", name="Stad Workshopdorp")],
        ),
        by="setup",
    )

    # The facilitator starts a workshop on Doelgroep and puts the projector view on a second tab.
    control = new_page()
    control.goto(f"{app.url}/workshop_page?dossier={dossier_id}")
    wait_for_app(control)
    control.get_by_role("button", name="Workshop starten").click()
    control.locator(".st-key-ws_code").wait_for()
    (workshop,) = Workshops(app.db).of_dossier(dossier_id)
    expect(control.locator(".st-key-ws_code")).to_contain_text(workshop.code)
    expect(control.get_by_text(f"/meedoen?join={workshop.code}")).to_be_visible()

    projector = control.context.new_page()
    projector.goto(f"{app.url}/projector?dossier={dossier_id}&workshop={workshop.id}")
    wait_for_app(projector)
    expect(projector.locator(".st-key-proj_code")).to_contain_text(workshop.code)
    projector.evaluate("window.notReloaded = true")

    # Two participants join from their own devices, without an account, and add ideas.
    ann, bob = new_page(), new_page()
    _join(ann, f"{app.url}/meedoen?join={workshop.code.lower()}", "Ann", "Digibus naar de deelgemeenten")
    bob_idea = "Spreekuur in de bib <script>alert(1)</script>"
    _join(bob, f"{app.url}/?join={workshop.code}", "Bob <b>&", bob_idea)  # a link to the start page

    for text in ("Digibus naar de deelgemeenten", "Spreekuur in de bib <script>alert(1)</script>"):
        projector.get_by_text(text, exact=True).wait_for(timeout=15_000)  # no reload: the fragment polls
    expect(projector.get_by_text("Bob <b>&", exact=True)).to_be_visible()

    # They vote; the projector counts the dots.
    board = {i.text: i.id for i in Workshops(app.db).board(workshop.id).ideas}
    bus, bib = board["Digibus naar de deelgemeenten"], board["Spreekuur in de bib <script>alert(1)</script>"]
    _vote(ann, bus)
    _vote(ann, bib)
    _vote(bob, bus)
    expect(projector.locator(f".st-key-proj_votes_{bus}")).to_have_text("2", timeout=15_000)
    expect(projector.locator(f".st-key-proj_votes_{bib}")).to_have_text("1", timeout=15_000)
    expect(projector.get_by_text("2 ideeën · 2 deelnemers · 3 stippen")).to_be_visible()

    # The facilitator picks both ideas, edits the combined text and promotes it.
    for idea_id in (bus, bib):
        control.locator(f".st-key-ws_pick_{idea_id} label").click()
        wait_for_app(control)
    control.get_by_role("button", name="Gekozen ideeën in de editor zetten").click()
    wait_for_app(control)
    editor = control.locator(f".st-key-ws_text_{workshop.id} textarea")
    expect(editor).to_have_value(re.compile("Digibus naar de deelgemeenten"))
    editor.fill(PROMOTED)
    editor.blur()
    wait_for_app(control)
    control.get_by_role("button", name="Opnemen in de sectie").click()
    control.get_by_text("Opgenomen in de sectie").wait_for()

    # The text is in the section and its history carries the vote record ...
    record = store.load(dossier_id)
    assert record.dossier.strategy.doelgroep.narrative == PROMOTED
    latest = store.history(dossier_id)[0]
    assert (latest.unit, latest.action) == (section_unit("doelgroep"), "workshop")
    assert latest.note is not None
    assert sorted((i["text"], i["votes"]) for i in latest.note["ideas"]) == [
        ("Digibus naar de deelgemeenten", 2),
        ("Spreekuur in de bib <script>alert(1)</script>", 1),
    ]
    assert latest.note["participants"] == 2 and latest.note["votes_cast"] == 3

    # ... the projector shows the new text, still without a reload ...
    projector.locator(".st-key-proj_text").get_by_text(PROMOTED, exact=True).wait_for(timeout=15_000)
    assert projector.evaluate("window.notReloaded") is True
    assert projector.locator("script:text('alert(1)')").count() == 0

    # ... and the history page names the workshop and the dots.
    control.goto(f"{app.url}/history?dossier={dossier_id}")
    wait_for_app(control)
    control.get_by_text(f"Workshop {workshop.code}: 2 idee(ën) opgenomen", exact=False).wait_for()
