"""A workshop in a real browser: a coordinator builds a dossier step by step; two laptops edit one section."""

from __future__ import annotations

import json
import re
import sqlite3
import time
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import App, wait_for_app
from workbench.dossier.model import Dossier, Identity, Partner
from workbench.store.dossiers import Store

pytestmark = pytest.mark.e2e

STATE_ICONS = ("radio_button_unchecked", "pending", "check_circle", "error")


def eventually(check: Any, timeout: float = 15.0) -> None:
    """Wait until a check on the database holds (a save lands a moment after the click)."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def settle(page: Any) -> None:
    """Wait until Streamlit has run the script for the last action (it may start a moment later)."""
    page.wait_for_timeout(250)
    wait_for_app(page)
    page.wait_for_timeout(150)
    wait_for_app(page)


def expander(page: Any, title: str) -> Any:
    """Return the expander with this exact title."""
    # The summary's text starts with icon names (keyboard_arrow_right, add): match its end.
    summary = page.locator("summary").filter(has_text=re.compile(rf"{re.escape(title)}\s*$"))
    return page.locator("[data-testid='stExpander']").filter(has=summary)


def open_expander(page: Any, title: str) -> Any:
    box = expander(page, title)
    if not box.locator("[data-testid='stExpanderDetails']").is_visible():
        box.locator("summary").click()
        settle(page)
    return box


def choose(page: Any, scope: Any, label: str, option: str) -> None:
    """Pick an option of a select box or multiselect (base web combobox) by its visible text."""
    box = scope.get_by_label(label, exact=True)
    box.click()
    box.press_sequentially(option)  # filters the list, so the option is drawn (long lists are virtual)
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")
    settle(page)


def type_into(page: Any, scope: Any, label: str, text: str) -> None:
    field = scope.get_by_label(label, exact=True)
    field.fill(text)
    field.press("Tab")  # commit the value, as leaving the field does
    settle(page)


def click(page: Any, scope: Any, name: str) -> None:
    scope.get_by_role("button", name=name, exact=True).click()
    settle(page)


def narrative_form(page: Any) -> Any:
    """Return the form of the open section's own fields (its narrative)."""
    return page.locator("[class*='st-key-box_section_']")


def nav_link(page: Any, step_title: str) -> Any:
    return page.get_by_test_id("stSidebarNav").get_by_role("link", name=step_title, exact=True)


def nav_state(page: Any, step_title: str) -> str:
    """Return the state icon the sidebar navigation shows for a step."""
    text = nav_link(page, step_title).inner_text()
    return next(icon for icon in STATE_ICONS if icon in text)


def overall_percent(page: Any) -> int:
    nav_link(page, "Overzicht").click()
    settle(page)
    text = page.get_by_text(re.compile(r"\d+ % van de verplichte onderdelen")).inner_text()
    return int(text.split()[0])


def sign_in(page: Any, name: str) -> None:
    type_into(page, page.locator("[data-testid='stSidebar']"), "Je naam", name)


def test_coordinator_builds_a_dossier_and_sees_progress(app: App, new_page) -> None:
    page = new_page()
    page.goto(app.url)
    settle(page)
    sign_in(page, "Coördinator Ann")
    page.get_by_label("Naam", exact=True).fill("Digibank Rupelstreek")
    click(page, page, "Dossier aanmaken")  # creating a dossier opens it
    page.get_by_role("heading", name="Partnerschap").wait_for()
    (dossier_id,) = [s.id for s in Store(app.db).list_dossiers() if s.name == "Digibank Rupelstreek"]
    assert page.url.endswith(f"/partnerschap?dossier={dossier_id}")
    start = overall_percent(page)
    assert nav_state(page, "Partners") == "radio_button_unchecked"

    # Partners: three organisations, each saved from the 'add' form.
    nav_link(page, "Partners").click()
    settle(page)
    partners = [
        ("Gemeente Boom", "Lokaal bestuur"),
        ("OCMW Niel", "OCMW"),
        ("Kringwinkel Rupel", "Sociale-economiebedrijf"),
    ]
    for name, org_type in partners:
        form = open_expander(page, "Partner toevoegen")
        type_into(page, form, "Naam van de organisatie", name)
        choose(page, form, "Type organisatie", org_type)
        click(page, form, "Toevoegen")
        expander(page, name).wait_for()
    assert nav_state(page, "Partners") != "radio_button_unchecked"

    # Roles: next step through the workshop bar.
    page.get_by_role("link", name="Volgende: Rollen en engagementen").click()
    settle(page)
    roles = [("Gemeente Boom", "Promotor"), ("OCMW Niel", "Toeleider"), ("Kringwinkel Rupel", "Refurbisher")]
    for partner, role in roles:
        form = open_expander(page, "Rol toekennen")
        choose(page, form, "Partner", partner)
        choose(page, form, "Rol", role)
        choose(page, form, "Doelstellingen", "Toegang")
        type_into(page, form, "Engagement", f"{partner} neemt de rol {role} op.")
        click(page, form, "Toevoegen")
        expander(page, f"{role} · {partner}").wait_for()
    assert nav_state(page, "Rollen en engagementen") != "radio_button_unchecked"

    # Two strategy sections: Doelgroep (a target group and the narrative) and Outreach.
    before = nav_state(page, "Doelgroep")
    nav_link(page, "Doelgroep").click()
    settle(page)
    form = open_expander(page, "Doelgroep toevoegen")
    type_into(page, form, "Naam van de doelgroep", "Werkzoekenden")
    type_into(page, form, "Geschat aantal", "300")
    type_into(page, form, "Noden", "Online solliciteren en Mijn VDAB.")
    click(page, form, "Toevoegen")
    narrative = page.get_by_role("textbox", name="Toelichting", exact=True)
    narrative.fill("We richten ons eerst op werkzoekenden in Boom en Niel: 300 mensen, via het OCMW.")
    click(page, narrative_form(page), "Bewaren")
    saved = lambda: Store(app.db).load(dossier_id).dossier.strategy.doelgroep.narrative  # noqa: E731
    eventually(lambda: saved().startswith("We richten ons eerst op werkzoekenden"))
    assert nav_state(page, "Doelgroep") != before

    page.get_by_role("link", name="Volgende: Outreach").click()
    settle(page)
    form = open_expander(page, "Kanaal toevoegen")
    type_into(page, form, "Kanaal", "Doorverwijzing door maatschappelijk werkers")
    choose(page, form, "Toeleiders", "OCMW Niel")
    choose(page, form, "Doelgroepen", "Werkzoekenden")
    click(page, form, "Toevoegen")
    page.get_by_role("textbox", name="Toelichting", exact=True).fill("Het OCMW leidt toe naar het digipunt.")
    click(page, narrative_form(page), "Bewaren")

    outreach = lambda: Store(app.db).load(dossier_id).dossier.strategy.outreach.narrative  # noqa: E731
    eventually(lambda: outreach() == "Het OCMW leidt toe naar het digipunt.")
    assert overall_percent(page) > start
    dossier = Store(app.db).load(dossier_id).dossier
    assert [p.name for p in dossier.partners] == [name for name, _ in partners]
    assert [(dossier.partner(r.partner_id).name, r.role) for r in dossier.roles] == [  # type: ignore[union-attr]
        ("Gemeente Boom", "promotor"),
        ("OCMW Niel", "toeleider"),
        ("Kringwinkel Rupel", "refurbisher"),
    ]
    (group,) = dossier.strategy.doelgroep.target_groups
    assert (group.name, group.estimated_number) == ("Werkzoekenden", 300)
    (channel,) = dossier.strategy.outreach.channels
    assert channel.target_group_ids == [group.id] and channel.toeleider_partner_ids == [
        dossier.partners[1].id
    ]
    assert {r.by for r in Store(app.db).history(dossier_id)} == {"Coördinator Ann"}


def _section_narrative(db: Any, dossier_id: int) -> str:
    with sqlite3.connect(db) as conn:
        (data,) = conn.execute(
            "SELECT data FROM units WHERE dossier_id = ? AND kind = 'section' AND key = 'doelgroep'",
            [dossier_id],
        ).fetchone()
    return str(json.loads(data)["narrative"])


def _two_laptops(app: App, new_page: Any, dossier_id: int) -> tuple[Any, Any]:
    pages = []
    for name in ("Ann", "Bob"):
        page = new_page()
        page.goto(f"{app.url}/doelgroep?dossier={dossier_id}")
        settle(page)
        sign_in(page, name)
        page.get_by_role("textbox", name="Toelichting", exact=True).wait_for()
        pages.append(page)
    return pages[0], pages[1]


@pytest.fixture
def shared_dossier(app: App) -> int:
    dossier = Dossier(
        identity=Identity(name=f"Gedeeld dossier {time.monotonic_ns()}", call="voortraject"),
        partners=[Partner(id="stad", name="Stad Boom")],
    )
    return Store(app.db).import_dossier(dossier, by="test")


def test_second_laptop_sees_the_conflict_keeps_its_text_and_keeps_mine(
    app: App, new_page, shared_dossier: int
) -> None:
    ann, bob = _two_laptops(app, new_page, shared_dossier)
    ann.get_by_role("textbox", name="Toelichting", exact=True).fill("Ann: we starten met werkzoekenden.")
    bob.get_by_role("textbox", name="Toelichting", exact=True).fill(
        "Bob: eerst de senioren & <b>hun</b> noden."
    )
    click(ann, narrative_form(ann), "Bewaren")
    assert _section_narrative(app.db, shared_dossier) == "Ann: we starten met werkzoekenden."

    click(bob, narrative_form(bob), "Bewaren")
    panel = bob.locator("[class*='st-key-conflict_section_doelgroep']")
    panel.get_by_text("Ann heeft dit onderdeel intussen aangepast").wait_for()
    panel.get_by_text("Toelichting: Ann: we starten met werkzoekenden.").wait_for()
    assert (
        bob.get_by_role("textbox", name="Toelichting", exact=True).input_value()
        == "Bob: eerst de senioren & <b>hun</b> noden."
    )
    assert _section_narrative(app.db, shared_dossier) == "Ann: we starten met werkzoekenden."

    click(bob, panel, "Mijn versie toch bewaren")
    bob.get_by_text("Bewaard").first.wait_for()
    assert _section_narrative(app.db, shared_dossier) == "Bob: eerst de senioren & <b>hun</b> noden."
    history = [(r.by, r.action) for r in Store(app.db).history(shared_dossier, limit=2)]
    assert history == [("Bob", "update"), ("Ann", "update")]


def test_first_laptop_loads_the_newer_version_instead(app: App, new_page, shared_dossier: int) -> None:
    ann, bob = _two_laptops(app, new_page, shared_dossier)
    bob.get_by_role("textbox", name="Toelichting", exact=True).fill("Bob was eerst.")
    click(bob, narrative_form(bob), "Bewaren")
    ann.get_by_role("textbox", name="Toelichting", exact=True).fill("Ann typte intussen dit.")
    click(ann, narrative_form(ann), "Bewaren")
    panel = ann.locator("[class*='st-key-conflict_section_doelgroep']")
    panel.get_by_text("Bob heeft dit onderdeel intussen aangepast").wait_for()
    assert (
        ann.get_by_role("textbox", name="Toelichting", exact=True).input_value() == "Ann typte intussen dit."
    )

    click(ann, panel, "Hun versie laden")
    # On a loaded machine the rerun may come after settle(): wait for the text rather than a moment.
    expect(ann.get_by_role("textbox", name="Toelichting", exact=True)).to_have_value(
        "Bob was eerst.", timeout=30_000
    )
    assert _section_narrative(app.db, shared_dossier) == "Bob was eerst."
