"""A reload keeps your place: the session cookie, the dossier and step in the address, shared links."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import App, start_app, wait_for_app
from workbench.access.accounts import Accounts
from workbench.access.handoffs import Handoffs
from workbench.access.permissions import DossierRole
from workbench.dossier.model import Dossier, Identity, Partner
from workbench.store.dossiers import Store
from workbench.ui.session_routes import BROWSER_COOKIE, SESSION_COOKIE

pytestmark = pytest.mark.e2e
PASSWORD = "Workshop-Wachtwoord-2026"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    """A running app with one partnership, its coordinator, a viewer and someone from elsewhere."""
    db = tmp_path_factory.mktemp("session") / "workbench.db"
    dossier = Dossier(
        identity=Identity(name="Digibank Rupelstreek", call="voortraject"),
        partners=[Partner(id="boom", name="Gemeente Boom", org_type="lokaal_bestuur")],
    )
    dossier_id = Store(db).import_dossier(dossier, by="setup")
    accounts = Accounts(db)
    for email, name, role in [
        ("cora@boom.be", "Cora Coördinator", DossierRole.COORDINATOR),
        ("vera@boom.be", "Vera Viewer", DossierRole.VIEWER),
    ]:
        accounts.set_member(dossier_id, accounts.add_user(email, name, PASSWORD).id, role, by="setup")
    accounts.add_user("olga@elders.be", "Olga Elders", PASSWORD)
    running = start_app(db)
    running.dossier_id = dossier_id  # type: ignore[attr-defined]
    yield running
    running.process.terminate()
    running.process.wait(timeout=10)


def settle(page: Any) -> None:
    page.wait_for_timeout(250)
    wait_for_app(page)


def cookie_names(page: Any) -> set[str]:
    return {c["name"] for c in page.context.cookies()}


def log_in(page: Any, email: str) -> None:
    """Log in on the page shown; the browser goes through the cookie route and back."""
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_role("button", name="Afmelden").wait_for(timeout=30_000)
    page.wait_for_function(  # the hand-over is a page load of its own: wait until it is done
        "() => document.readyState === 'complete' && !location.pathname.startsWith('/auth')", timeout=30_000
    )
    settle(page)
    assert SESSION_COOKIE in cookie_names(page)


def heading(page: Any, expected: str | None = None) -> str:
    """Return the page's title; with `expected`, once it shows that (a page change takes a moment)."""
    if expected is not None:
        expect(page.locator("h1").first).to_have_text(expected, timeout=30_000)
    page.locator("h1").first.wait_for()
    return str(page.locator("h1").first.inner_text())


def test_a_login_survives_reload_and_new_tab_until_logging_out(app: App, new_page) -> None:
    page = new_page()
    page.goto(app.url)
    settle(page)
    log_in(page, "cora@boom.be")
    page.get_by_role("button", name="Openen").click()
    settle(page)
    assert heading(page, "Partnerschap") == "Partnerschap"
    unsaved = page.get_by_label("Naam van het partnerschap", exact=True)
    unsaved.fill("Digibank Rupelstreek en Klein-Brabant")
    unsaved.press("Tab")
    settle(page)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Partners", exact=True).click()
    settle(page)
    assert heading(page, "Partners") == "Partners"
    address = page.url
    assert address.endswith(f"/partners?dossier={app.dossier_id}")  # type: ignore[attr-defined]
    cookie = next(c for c in page.context.cookies() if c["name"] == SESSION_COOKIE)
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"

    page.reload()
    settle(page)
    assert page.url == address and heading(page, "Partners") == "Partners"
    page.locator("summary").filter(
        has_text="Gemeente Boom"
    ).first.wait_for()  # the dossier is open, not "no dossier"
    page.get_by_role("button", name="Afmelden").wait_for()

    tab = page.context.new_page()
    tab.goto(address)
    settle(tab)
    assert heading(tab, "Partners") == "Partners"
    tab.get_by_role("button", name="Afmelden").wait_for()
    tab.close()
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Partnerschap", exact=True).click()
    settle(page)
    field = page.get_by_label("Naam van het partnerschap", exact=True)
    expect(field).to_have_value("Digibank Rupelstreek en Klein-Brabant")  # the unsaved text survived

    page.get_by_role("button", name="Afmelden").click()
    page.get_by_role("button", name="Aanmelden").wait_for(timeout=30_000)
    settle(page)
    assert SESSION_COOKIE not in cookie_names(page)
    page.reload()
    settle(page)
    page.get_by_role("button", name="Aanmelden").wait_for()
    assert "Gemeente Boom" not in page.content()


def test_a_shared_link_opens_after_logging_in_and_only_for_members(app: App, new_page) -> None:
    link = f"{app.url}/partners?dossier={app.dossier_id}"  # type: ignore[attr-defined]
    viewer = new_page()
    viewer.goto(link)
    settle(viewer)
    assert "Gemeente Boom" not in viewer.content()  # first the login, right on that page
    log_in(viewer, "vera@boom.be")
    assert viewer.url == link and heading(viewer, "Partners") == "Partners"
    viewer.locator("summary").filter(has_text="Gemeente Boom").first.wait_for()

    stranger = new_page()
    stranger.goto(link)
    settle(stranger)
    log_in(stranger, "olga@elders.be")
    stranger.get_by_text("Je hebt geen toegang tot dit dossier.").wait_for()
    assert "Gemeente Boom" not in stranger.content()


def test_a_link_followed_from_another_site_still_carries_the_login(app: App, new_page) -> None:
    page = new_page()
    page.goto(app.url)
    settle(page)
    log_in(page, "cora@boom.be")
    # "localhost" is another site than "127.0.0.1": a mail or chat page linking to the dossier.
    mail = "http://localhost:9/mail"
    target = f"{app.url}/partners?dossier={app.dossier_id}"  # type: ignore[attr-defined]
    page.context.route(
        mail,
        lambda route: route.fulfill(content_type="text/html", body=f'<a id="go" href="{target}">dossier</a>'),
    )
    page.goto(mail)
    page.click("#go")
    settle(page)
    assert heading(page, "Partners") == "Partners"
    page.get_by_role("button", name="Afmelden").wait_for()


def test_a_hand_over_code_made_for_another_browser_logs_nobody_in(app: App, new_page) -> None:
    # Login CSRF: Olga logs in herself and sends her hand-over link to Cora's browser.
    accounts = Accounts(app.db)
    olga_session = accounts.login("olga@elders.be", PASSWORD)
    code = Handoffs(app.db).offer(olga_session.token, "o" * 43)
    victim = new_page()
    victim.goto(app.url)
    settle(victim)
    assert BROWSER_COOKIE in cookie_names(victim)
    victim.goto(f"{app.url}/auth/session?token={code}&next=/")
    settle(victim)
    assert SESSION_COOKIE not in cookie_names(victim)
    victim.get_by_role("button", name="Aanmelden").wait_for()
    assert "Olga Elders" not in victim.content()


@pytest.fixture(scope="module")
def open_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    """A running app without accounts (open workshop mode) and one dossier."""
    db = tmp_path_factory.mktemp("open") / "workbench.db"
    dossier = Dossier(identity=Identity(name="Digibank Kempen", call="voortraject"))
    dossier_id = Store(db).import_dossier(dossier, by="setup")
    running = start_app(db)
    running.dossier_id = dossier_id  # type: ignore[attr-defined]
    yield running
    running.process.terminate()
    running.process.wait(timeout=10)


def test_open_mode_keeps_the_typed_name_and_unsaved_text_over_a_reload(open_app: App, new_page) -> None:
    page = new_page()
    page.goto(f"{open_app.url}/partnerschap?dossier={open_app.dossier_id}")  # type: ignore[attr-defined]
    settle(page)
    name = page.locator("[data-testid='stSidebar']").get_by_label("Je naam", exact=True)
    name.fill("Coördinator Ann")
    name.press("Tab")
    settle(page)
    field = page.get_by_label("Naam van het partnerschap", exact=True)
    field.fill("Digibank Kempen en Rupel")
    field.press("Tab")  # leaving the field sends it, as every edit
    settle(page)

    page.reload()
    settle(page)
    assert heading(page, "Partnerschap") == "Partnerschap"
    sidebar_name = page.locator("[data-testid='stSidebar']").get_by_label("Je naam", exact=True)
    expect(sidebar_name).to_have_value("Coördinator Ann")
    expect(page.get_by_label("Naam van het partnerschap", exact=True)).to_have_value(
        "Digibank Kempen en Rupel"
    )
    saved = Store(open_app.db).load(open_app.dossier_id)  # type: ignore[attr-defined]
    assert saved.dossier.identity.name == "Digibank Kempen"  # nothing was saved by itself

    stranger = new_page()  # another browser (another laptop in the room)
    stranger.goto(page.url)
    settle(stranger)
    expect(stranger.get_by_label("Naam van het partnerschap", exact=True)).to_have_value("Digibank Kempen")
    expect(stranger.locator("[data-testid='stSidebar']").get_by_label("Je naam", exact=True)).to_have_value(
        ""
    )
