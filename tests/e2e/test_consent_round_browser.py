"""A consent round on real phones: two partners answer, the projector's matrix fills, a reload keeps all."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import App, join_phone, wait_for_app
from tests.e2e.payloads import HOSTILE
from tests.e2e.test_accessibility_browser import check, settle, small_targets
from workbench.collab.consent import Consents
from workbench.collab.consent_round import ConsentRounds
from workbench.collab.workshop import Workshops
from workbench.dossier.model import Dossier, Identity, Partner
from workbench.dossier.records import Decision
from workbench.store.dossiers import Store

pytestmark = pytest.mark.e2e


def _represent(phone: Any, partner: str) -> None:
    consent = phone.locator(".st-key-part_consent")
    consent.wait_for(timeout=30_000)  # the round reaches the phone without a reload
    consent.get_by_label("Partner").click()
    phone.get_by_role("option", name=partner, exact=True).click()
    phone.get_by_role("button", name="Ik vertegenwoordig deze partner").click()
    expect(phone.locator(".st-key-part_consent_partner")).to_have_text(
        f"Je vertegenwoordigt {partner}.", timeout=30_000
    )
    wait_for_app(phone)


def test_partners_answer_on_their_phones_and_the_projector_matrix_fills(app: App, new_page: Any) -> None:
    dossier_id = Store(app.db).import_dossier(
        Dossier(
            identity=Identity(name="Digibank Instemdorp", call="voortraject"),
            partners=[Partner(id="stad", name="Stad Instem"), Partner(id="vzw", name="Vzw Samen")],
        ),
        by="setup",
    )
    control = new_page()
    control.goto(f"{app.url}/workshop_page?dossier={dossier_id}")
    wait_for_app(control)
    control.get_by_role("button", name="Workshop starten").click()
    control.locator(".st-key-ws_code").wait_for()
    (workshop,) = Workshops(app.db).of_dossier(dossier_id)
    projector = control.context.new_page()
    projector.goto(f"{app.url}/projector?dossier={dossier_id}&workshop={workshop.id}")
    wait_for_app(projector)
    an, bo = join_phone(app, new_page, workshop.code, "An"), join_phone(app, new_page, workshop.code, "Bo")

    # The facilitator opens a round on the workshop's section (Doelgroep, chosen by default).
    control.get_by_text("Instemmingsronde op de telefoons").click()
    control.get_by_role("button", name="Ronde openen").click()
    expect(control.locator(".st-key-ws_consent_status")).to_contain_text("0 van 2", timeout=30_000)
    expect(projector.locator(".st-key-proj_consent_status")).to_contain_text("0 van 2", timeout=30_000)

    _represent(an, "Stad Instem")
    # A second phone claiming the same partner is refused, naming who represents it.
    bo.locator(".st-key-part_consent").wait_for(timeout=30_000)
    bo.get_by_label("Partner").click()
    bo.get_by_role("option", name="Stad Instem").click()
    bo.get_by_role("button", name="Ik vertegenwoordig deze partner").click()
    bo.get_by_text("Stad Instem wordt al vertegenwoordigd door An").wait_for()
    bo.get_by_label("Partner").click()
    bo.get_by_role("option", name="Vzw Samen", exact=True).click()
    bo.get_by_role("button", name="Ik vertegenwoordig deze partner").click()
    expect(bo.locator(".st-key-part_consent_partner")).to_have_text("Je vertegenwoordigt Vzw Samen.")
    wait_for_app(bo)

    an.locator(".st-key-part_consent_doelgroep").get_by_text("akkoord", exact=True).click()
    an.get_by_role("button", name="Antwoord geven").click()
    expect(an.locator(".st-key-part_consent_given_doelgroep")).to_have_text("Je antwoord: ✓ akkoord")

    # An objection without a reason: refused in Dutch, and what was chosen stays.
    form = bo.locator(".st-key-part_consent_doelgroep")
    form.get_by_text("bezwaar", exact=True).click()
    bo.get_by_role("button", name="Antwoord geven").click()
    bo.get_by_text("Een bezwaar heeft een reden nodig.").wait_for()
    expect(form.get_by_role("radio", name="bezwaar")).to_be_checked()
    reason = bo.get_by_label("Reden")
    too_long = "Geen cijfers per deelgemeente. " * 40  # over the 1000 characters of a reason
    reason.fill(too_long)
    bo.get_by_role("button", name="Antwoord geven").click()
    bo.get_by_text("Een reden heeft hoogstens 1000 tekens.").wait_for()
    expect(reason).to_have_value(too_long)  # told, and the typed text is still there to shorten
    reason.fill(HOSTILE)
    bo.get_by_role("button", name="Antwoord geven").click()
    bo.get_by_text("Een bezwaar heeft een reden nodig.").wait_for(state="detached")
    expect(bo.locator(".st-key-part_consent_given_doelgroep")).to_contain_text("✗ bezwaar", timeout=30_000)

    # The projector's matrix shows both words, the hostile reason as the text it is.
    expect(projector.locator(".st-key-proj_consent_status")).to_contain_text("2 van 2", timeout=30_000)
    expect(projector.locator(".st-key-proj_consent_cell_0_0")).to_contain_text("✓ akkoord")
    hostile_cell = projector.locator(".st-key-proj_consent_cell_1_0")
    expect(hostile_cell).to_contain_text("✗ bezwaar")
    expect(hostile_cell).to_contain_text(HOSTILE)
    expect(projector.locator(".st-key-proj_consent_partner_1")).to_contain_text("Bo")
    for page in (projector, control):
        assert page.evaluate("window.__xss") is None
        expect(page.locator("[data-testid='stMain'] img[src='x']")).to_have_count(0)
        expect(page.locator("[data-testid='stMain'] a[href^='javascript']")).to_have_count(0)
    expect(control.locator(".st-key-ws_consent_cell_1_0")).to_contain_text(HOSTILE)

    # A reload of a phone keeps its partner and its answer.
    bo.reload(timeout=60_000)
    wait_for_app(bo)
    expect(bo.locator(".st-key-part_consent_partner")).to_have_text("Je vertegenwoordigt Vzw Samen.")
    expect(bo.get_by_label("Reden")).to_have_value(HOSTILE)
    expect(bo.locator(".st-key-part_consent_given_doelgroep")).to_contain_text("✗ bezwaar")

    latest = Consents(app.db).latest(dossier_id)
    assert latest[("doelgroep", "stad")].decision == Decision.AGREE
    assert latest[("doelgroep", "vzw")].reason == HOSTILE

    # The facilitator closes the round: the phones can no longer answer.
    control.get_by_role("button", name="Ronde sluiten").click()
    an.get_by_text("De instemmingsronde is gesloten.").wait_for(timeout=30_000)
    expect(an.get_by_role("button", name="Antwoord geven")).to_have_count(0)
    expect(projector.locator(".st-key-proj_consent_status")).to_contain_text("gesloten", timeout=30_000)


def test_the_consent_round_on_a_phone_and_the_projector_pass_axe(app: App, new_page: Any) -> None:
    dossier_id = Store(app.db).import_dossier(
        Dossier(
            identity=Identity(name="Digibank Toegankelijk", call="voortraject"),
            partners=[Partner(id="stad", name="Stad Toegang"), Partner(id="vzw", name="Vzw Drempelvrij")],
        ),
        by="setup",
    )
    store, workshops = Store(app.db), Workshops(app.db)
    workshop = workshops.start(store, dossier_id, "doelgroep", by="Fien")
    rounds = ConsentRounds(app.db)
    opened = rounds.open(store, workshop.id, ["doelgroep", "outreach"], by="Fien")
    other = workshops.join(workshop.code, "Bo").token
    rounds.claim(store, other, opened.id, "vzw")
    rounds.answer(store, other, opened.id, "vzw", "doelgroep", "object", "Geen cijfers per deelgemeente")
    counts: dict[str, str] = {}

    phone = join_phone(app, new_page, workshop.code, "An")
    phone.set_viewport_size({"width": 390, "height": 844})
    phone.locator(".st-key-part_consent").wait_for(timeout=30_000)
    settle(phone)
    check(phone, "meedoen (choose a partner)", counts)
    _represent(phone, "Stad Toegang")
    settle(phone)
    check(phone, "meedoen (consent per section)", counts)
    small = small_targets(phone)
    assert not small, f"targets under 44 px in the consent round: {small}"

    projector = new_page()
    projector.goto(f"{app.url}/projector?dossier={dossier_id}&workshop={workshop.id}")
    projector.locator(".st-key-proj_consent_cell_1_0").wait_for(timeout=30_000)
    settle(projector)
    check(projector, "projector (consent matrix)", counts)
