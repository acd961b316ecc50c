"""A participant who joined with a code (open mode) gets the participant's page only, no dossier links."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import App, join_phone, wait_for_app
from workbench.collab.workshop import Workshops
from workbench.dossier.model import Dossier, Identity, Partner
from workbench.store.dossiers import Store

pytestmark = pytest.mark.e2e
DOSSIER_LINKS = "a[href*='_page'], a[href*='history'], a[href*='projector'], [data-testid='stSidebarNav']"


def test_a_code_only_participant_has_no_dossier_pages_and_a_typed_address_is_refused(
    app: App, new_page: Any
) -> None:
    store = Store(app.db)
    dossier_id = store.import_dossier(
        Dossier(
            identity=Identity(name="Digibank Menuloos", call="voortraject"),
            partners=[Partner(id="stad", name="Stad")],
        ),
        by="setup",
    )
    workshop = Workshops(app.db).start(store, dossier_id, "doelgroep", by="Fien")

    phone = join_phone(app, new_page, workshop.code, "Ann")
    expect(phone.locator(DOSSIER_LINKS)).to_have_count(0)  # not hidden: not in the page at all

    # The address of a dossier page, typed: refused, the participant's page instead.
    phone.goto(f"{app.url}/workshop_page?dossier={dossier_id}")
    wait_for_app(phone)
    phone.get_by_text("Deze pagina hoort bij het dossier").wait_for()
    phone.get_by_text("Je doet mee als Ann").wait_for()
    expect(phone.get_by_role("button", name="Workshop starten")).to_have_count(0)
    expect(phone.get_by_text("Digibank Menuloos")).to_have_count(0)
    expect(phone.locator(DOSSIER_LINKS)).to_have_count(0)
    phone.goto(f"{app.url}/history?dossier={dossier_id}")
    wait_for_app(phone)
    phone.get_by_text("Je doet mee als Ann").wait_for()
    expect(phone.locator(DOSSIER_LINKS)).to_have_count(0)

    # The facilitator's browser (no code) keeps the whole workbench.
    control = new_page()
    control.goto(f"{app.url}/workshop_page?dossier={dossier_id}")
    wait_for_app(control)
    expect(control.locator("[data-testid='stSidebarNav']")).to_have_count(1)
