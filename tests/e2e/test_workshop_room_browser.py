"""The workshop room in real browsers: phones and the facilitator keep their place over a reload."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import App, join_phone, start_app, wait_for_app
from workbench.collab.workshop import Workshops
from workbench.dossier.model import Dossier, Identity, Partner
from workbench.store.dossiers import Store

pytestmark = pytest.mark.e2e
ROOM = "http://werkbank.zaal.test:8501"


@pytest.fixture(scope="module")
def room_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    """An app that knows the address the room's phones use (behind a proxy, say)."""
    running = start_app(
        Path(tmp_path_factory.mktemp("room")) / "workbench.db", {"WORKBENCH_PUBLIC_URL": ROOM + "/"}
    )
    yield running
    running.process.terminate()
    try:
        running.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        running.process.kill()


def _dossier(app: App, name: str) -> int:
    return Store(app.db).import_dossier(
        Dossier(identity=Identity(name=name, call="voortraject"), partners=[Partner(id="stad", name="Stad")]),
        by="setup",
    )


def _start(app: App, page: Any, dossier_id: int) -> Any:
    page.goto(f"{app.url}/workshop_page?dossier={dossier_id}")
    wait_for_app(page)
    page.get_by_role("button", name="Workshop starten").click()
    page.locator(".st-key-ws_code").wait_for()
    (workshop,) = Workshops(app.db).of_dossier(dossier_id)
    return workshop


def test_a_phone_reload_keeps_the_participant_the_ideas_and_the_dots(app: App, new_page: Any) -> None:
    dossier_id = _dossier(app, "Digibank Herlaaddorp")
    control = new_page()
    workshop = _start(app, control, dossier_id)

    phone = new_page()
    phone.goto(f"{app.url}/meedoen")  # the code typed by hand, not from a link
    wait_for_app(phone)
    phone.get_by_label("Workshopcode").fill(workshop.code)
    phone.get_by_label("Je naam op het bord").fill("Ann")
    phone.get_by_role("button", name="Doe mee").click()
    phone.get_by_text("Je doet mee als Ann").wait_for()
    wait_for_app(phone)  # the join's own rerun (the code goes into the address) has finished
    phone.get_by_label("Jouw idee").fill("Digibus naar de deelgemeenten")
    phone.get_by_role("button", name="Idee toevoegen").click()
    phone.get_by_text("• Digibus naar de deelgemeenten").wait_for(timeout=60_000)
    (idea,) = Workshops(app.db).board(workshop.id).ideas
    phone.locator(f".st-key-part_vote_{idea.id} button").click()
    expect(phone.locator(f".st-key-part_vote_{idea.id} button")).to_contain_text("Stip terugnemen")

    for _ in range(2):  # a reload, and a locked screen that dropped the connection, come back alike
        phone.reload(timeout=60_000)
        wait_for_app(phone)
        phone.get_by_text("Je doet mee als Ann").wait_for()
        expect(phone.get_by_text("Je hebt nog 2 van 3 stippen.")).to_be_visible()
        expect(phone.locator(f".st-key-part_vote_{idea.id} button")).to_contain_text("Stip terugnemen")
        expect(phone.get_by_text("• Digibus naar de deelgemeenten")).to_be_visible()

    # Someone else (or the same person on another phone) joins under the same name: refused.
    other = new_page()
    other.goto(f"{app.url}/meedoen?join={workshop.code}")
    wait_for_app(other)
    other.get_by_label("Je naam op het bord").fill("ann")
    other.get_by_role("button", name="Doe mee").click()
    other.get_by_text("Die naam staat al op het bord").wait_for()
    board = Workshops(app.db).board(workshop.id)
    assert board.participants == 1 and board.votes == 1

    # The facilitator's page keeps the dossier and the workshop over a reload.
    expect(control).to_have_url(f"{app.url}/workshop_page?dossier={dossier_id}&workshop={workshop.id}")
    control.reload(timeout=60_000)
    wait_for_app(control)
    expect(control.locator(".st-key-ws_code")).to_contain_text(workshop.code)


def test_a_phone_keeps_a_long_paste_sees_no_english_hint_nor_navigation_and_learns_of_the_close(
    app: App, new_page: Any
) -> None:
    dossier_id = _dossier(app, "Digibank Kleindorp")
    control = new_page()
    workshop = _start(app, control, dossier_id)
    projector = control.context.new_page()
    projector.goto(f"{app.url}/projector?dossier={dossier_id}&workshop={workshop.id}")
    wait_for_app(projector)
    expect(projector.locator(".st-key-proj_code")).to_contain_text(workshop.code)

    phone = join_phone(app, new_page, workshop.code, "Ann")
    # Open mode: someone with a code sees no dossier navigation, and no English from Streamlit.
    expect(phone.locator("[data-testid='stSidebar'] [data-testid='stPageLink']:visible")).to_have_count(0)
    expect(phone.locator("[data-testid='stSidebarNav']:visible")).to_have_count(0)
    long = "Een digibus die elke week langs alle deelgemeenten rijdt. " * 11  # over 500 characters
    field = phone.get_by_label("Jouw idee")
    field.fill(long)
    assert "Press" not in phone.locator("[data-testid='stMain']").inner_text()
    phone.get_by_role("button", name="Idee toevoegen").click()
    wait_for_app(phone)
    phone.get_by_text("hoogstens 500 tekens").wait_for(timeout=60_000)
    expect(field).to_have_value(long)  # told, and the text is still there to shorten
    assert Workshops(app.db).board(workshop.id).ideas == []

    # The facilitator closes: projector and phone say so without a reload.
    phone.evaluate("window.notReloaded = true")
    projector.evaluate("window.notReloaded = true")
    control.get_by_role("button", name="Workshop afsluiten").click()
    wait_for_app(control)
    expect(projector.locator(".st-key-proj_code")).to_contain_text("afgesloten", timeout=20_000)
    expect(phone.get_by_label("Jouw idee")).to_have_count(0, timeout=20_000)
    expect(phone.get_by_text("Deze workshop is afgesloten").first).to_be_visible()
    assert phone.evaluate("window.notReloaded") is True and projector.evaluate("window.notReloaded") is True


def test_the_projector_shows_an_address_phones_can_open_and_its_qr_code(room_app: App, new_page: Any) -> None:
    dossier_id = _dossier(room_app, "Digibank Zaaldorp")
    control = new_page()
    workshop = _start(room_app, control, dossier_id)
    expect(control.get_by_text(f"{ROOM}/meedoen?join={workshop.code}")).to_be_visible()
    projector = control.context.new_page()
    projector.goto(f"{room_app.url}/projector?dossier={dossier_id}&workshop={workshop.id}")
    wait_for_app(projector)
    expect(projector.locator(".st-key-room_link")).to_have_text(f"{ROOM}/meedoen?join={workshop.code}")
    picture = projector.locator(".st-key-room_qr img")
    expect(picture).to_be_visible(timeout=30_000)
    projector.wait_for_function("() => document.querySelector('.st-key-room_qr img').naturalWidth > 200")
    assert "127.0.0.1" not in projector.locator(".st-key-proj_join").inner_text()


def test_a_server_on_loopback_only_says_phones_cannot_reach_it(app: App, new_page: Any) -> None:
    dossier_id = _dossier(app, "Digibank Thuisdorp")
    control = new_page()
    workshop = _start(app, control, dossier_id)
    projector = control.context.new_page()
    projector.goto(f"{app.url}/projector?dossier={dossier_id}&workshop={workshop.id}")
    wait_for_app(projector)
    expect(projector.get_by_text("luistert alleen op deze computer")).to_be_visible()
    assert "127.0.0.1:" not in projector.locator(".st-key-proj_join").inner_text()


def test_during_a_hidden_vote_no_count_is_visible_until_revealed(app: App, new_page: Any) -> None:
    dossier_id = _dossier(app, "Digibank Geheimdorp")
    control = new_page()
    workshop = _start(app, control, dossier_id)
    control.get_by_role("button", name="Stemming verbergen").click()
    control.get_by_text("De stemming is verborgen").wait_for()

    phone = join_phone(app, new_page, workshop.code, "Ann")
    for text in ("Digibus", "Bibliotheek"):
        phone.get_by_label("Jouw idee").fill(text)
        phone.get_by_role("button", name="Idee toevoegen").click()
        phone.get_by_text(f"• {text}").wait_for(timeout=60_000)
        wait_for_app(phone)
    first, idea = sorted(Workshops(app.db).board(workshop.id).ideas, key=lambda i: i.id)
    phone.locator(f".st-key-part_vote_{idea.id} button").click()  # the newer idea gets the dot
    expect(phone.locator(f".st-key-part_vote_{idea.id} button")).to_contain_text("Stip terugnemen")
    assert Workshops(app.db).board(workshop.id).votes == 1
    assert "1 ●" not in phone.locator("[data-testid='stMain']").inner_text()

    projector = control.context.new_page()
    projector.set_viewport_size({"width": 1440, "height": 900})
    projector.goto(f"{app.url}/projector?dossier={dossier_id}&workshop={workshop.id}")
    wait_for_app(projector)
    projector.get_by_text("stemming loopt, de stippen blijven verborgen").wait_for()
    expect(projector.locator(f".st-key-proj_idea_{idea.id}")).to_contain_text("Bibliotheek")
    expect(projector.locator(f".st-key-proj_votes_{idea.id}")).to_have_count(0)
    shown = projector.locator("[data-testid='stMain']").inner_text()
    assert "stippen ·" not in shown and "stip" not in projector.locator(".st-key-proj_overview").inner_text()
    assert shown.index("Digibus") < shown.index("Bibliotheek")  # no order by dots either
    control.reload(timeout=60_000)
    wait_for_app(control)
    control.locator(f".st-key-ws_idea_{idea.id}").wait_for(timeout=30_000)
    expect(control.get_by_text("1 ● Bibliotheek")).to_have_count(0)  # nor on the facilitator's page
    board = control.locator("[data-testid='stMain']").inner_text()
    assert board.index("Digibus") < board.index("Bibliotheek")

    control.get_by_role("button", name="Stippen onthullen").click()
    expect(projector.locator(f".st-key-proj_votes_{idea.id}")).to_have_text("1", timeout=20_000)
    expect(projector.locator(".st-key-proj_overview")).to_contain_text("2 ideeën · 1 stip")
    # Revealed: most dots first (waited for: the board may still be drawing on a loaded machine).
    projector.wait_for_function(
        """() => {
            const text = document.querySelector("[data-testid='stMain']").innerText;
            const most = text.indexOf('Bibliotheek'), other = text.indexOf('Digibus');
            return most >= 0 && other >= 0 && most < other;
        }""",
        timeout=30_000,
    )
    assert first.id < idea.id


def test_the_idea_form_stays_on_every_phone_while_ideas_come_in(app: App, new_page: Any) -> None:
    """Found with six phones: the idea form went missing (two polling fragments on one page)."""
    dossier_id = _dossier(app, "Digibank Zesgsm")
    control = new_page()
    workshop = _start(app, control, dossier_id)
    phones = []
    for n in range(6):
        phones.append(join_phone(app, new_page, workshop.code, f"Gsm {n}", timeout=60_000))
    for turn in range(3):
        for n, phone in enumerate(phones):
            field = phone.get_by_label("Jouw idee")
            field.wait_for(timeout=60_000)  # the form is there, turn after turn
            field.fill(f"Idee {turn} van gsm {n}")
            phone.get_by_role("button", name="Idee toevoegen").click()
        for phone in phones:
            wait_for_app(phone)
        phones[0].wait_for_timeout(3_500)  # a poll of the board (every 3 s) between the turns
    for phone in phones:
        expect(phone.get_by_label("Jouw idee")).to_be_visible(timeout=60_000)
    assert len(Workshops(app.db).board(workshop.id).ideas) == 18
