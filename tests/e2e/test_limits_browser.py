"""Guessing in real browsers: throttled logins and workshop joins, told in the user's language.

Each browser context sends its own X-Forwarded-For header. The app runs on loopback, and
Streamlit's server (uvicorn) takes the client's address from that header only for connections
from a trusted proxy address ($FORWARDED_ALLOW_IPS, by default loopback): so each context is a
separate client, as people behind a reverse proxy on the same machine are.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import App, Offline, start_app, wait_for_app
from workbench.access.accounts import Accounts
from workbench.access.rate_limits import JoinLimits, Limiter, LoginLimits, rule
from workbench.collab.workshop import Workshops
from workbench.dossier.model import Dossier, Identity
from workbench.store.dossiers import Store

pytestmark = pytest.mark.e2e
PASSWORD = "Workshop-Wachtwoord-2026"
OWNER = "owner@stad.be"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    db = tmp_path_factory.mktemp("limits") / "workbench.db"
    store = Store(db)
    dossier_id = store.import_dossier(
        Dossier(identity=Identity(name="Digibank Raadsel", call="voortraject")), by="s"
    )
    Accounts(db).add_user(OWNER, "Olivia Owner", PASSWORD)
    Accounts(db).add_user("other@stad.be", "Otto Other", PASSWORD)
    workshops = Workshops(db)
    opened = workshops.start(store, dossier_id, "outreach", by="s")
    closed = workshops.start(store, dossier_id, "connectiviteit", by="s")
    workshops.close(store, closed.id, by="s")
    running = start_app(db)
    running.open_code, running.closed_code = opened.code, closed.code  # type: ignore[attr-defined]
    yield running
    running.process.terminate()
    running.process.wait(timeout=10)


@pytest.fixture
def client_page(browser: Any, offline: Offline) -> Iterator[Callable[[str], Any]]:
    """Open a page as a browser on its own address (through the X-Forwarded-For header)."""
    contexts = []

    def make(address: str) -> Any:
        context = browser.new_context(
            locale="nl-BE",
            viewport={"width": 1400, "height": 1000},
            extra_http_headers={"X-Forwarded-For": address},
        )
        context.route("**/*", offline.route)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        return page

    yield make
    for context in contexts:
        context.close()
    assert offline.blocked == [], f"requests left the machine: {offline.blocked}"


def wait_until(condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def counted(app: App, item: str, *identifiers: str) -> int:
    """Return the places taken in one of the app's limits (a message on screen may be the last one)."""
    rules = {"login": rule(LoginLimits().per_account_and_client, "login_account_client")}
    rules["join"] = rule(JoinLimits().per_client, "join_client")
    return Limiter(app.db).used(rules[item], *identifiers)


def submit_login(page: Any, email: str, password: str) -> None:
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()
    wait_for_app(page)


def test_a_throttled_login_is_told_in_dutch_and_keeps_the_typed_email(app: App, client_page: Any) -> None:
    page = client_page("203.0.113.10")
    page.goto(app.url)
    wait_for_app(page)
    for attempt in range(1, 6):
        submit_login(page, "other@stad.be", f"raden-{attempt}")
        wait_until(lambda n=attempt: counted(app, "login", "other@stad.be", "203.0.113.10") == n)
        page.get_by_text("E-mailadres of wachtwoord klopt niet.").wait_for()
    submit_login(page, "other@stad.be", PASSWORD)
    page.get_by_text(re.compile(r"^Te veel pogingen\. Probeer opnieuw over \d+ minuten\.$")).wait_for()
    expect(page.get_by_label("E-mailadres")).to_have_value("other@stad.be")
    assert "Afmelden" not in page.content()


def test_the_owner_gets_in_from_another_client_while_a_stranger_hammers(app: App, client_page: Any) -> None:
    stranger = client_page("203.0.113.66")
    stranger.goto(app.url)
    wait_for_app(stranger)
    for attempt in range(1, 8):
        submit_login(stranger, OWNER, f"raden-{attempt}")
        wait_until(lambda n=attempt: counted(app, "login", OWNER, "203.0.113.66") == min(n, 5))
    stranger.get_by_text(re.compile(r"^Te veel pogingen")).wait_for()
    owner = client_page("198.51.100.7")
    owner.goto(app.url)
    wait_for_app(owner)
    submit_login(owner, OWNER, PASSWORD)
    owner.get_by_role("button", name="Afmelden").wait_for()
    owner.get_by_text("Olivia Owner", exact=False).first.wait_for()


def submit_join(page: Any, code: str) -> None:
    page.get_by_label("Workshopcode").fill(code)
    page.get_by_role("button", name="Doe mee").click()
    wait_for_app(page)


def test_wrong_workshop_codes_are_limited_per_client_and_the_form_keeps_what_was_typed(
    app: App, client_page: Any
) -> None:
    unknown = "Er is geen open workshop met die code. Kijk de code op het scherm na."
    guesser = client_page("203.0.113.99")
    guesser.goto(f"{app.url}/meedoen")
    wait_for_app(guesser)
    guesser.get_by_label("Je naam op het bord").fill("Raad Maar")
    submit_join(guesser, app.closed_code)  # type: ignore[attr-defined]
    wait_until(lambda: counted(app, "join", "203.0.113.99") == 1)
    guesser.get_by_text(unknown, exact=True).wait_for()  # a closed workshop answers like an unknown code
    for n in range(2, 11):
        submit_join(guesser, f"ZZZZZ{'ABCDEFGHJK'[n - 1]}")
        wait_until(lambda n=n: counted(app, "join", "203.0.113.99") == n)
        guesser.get_by_text(unknown, exact=True).wait_for()
    submit_join(guesser, app.open_code)  # type: ignore[attr-defined]
    guesser.get_by_text("Te veel pogingen. Probeer opnieuw over 1 minuut.", exact=True).wait_for()
    expect(guesser.get_by_label("Workshopcode")).to_have_value(app.open_code)  # type: ignore[attr-defined]
    expect(guesser.get_by_label("Je naam op het bord")).to_have_value("Raad Maar")
    # Someone else in the room, on another address, joins with the right code.
    phone = client_page("198.51.100.50")
    phone.goto(f"{app.url}/meedoen?join={app.open_code}")  # type: ignore[attr-defined]
    wait_for_app(phone)
    phone.get_by_label("Je naam op het bord").fill("Ann")
    phone.get_by_role("button", name="Doe mee").click()
    wait_for_app(phone)
    phone.get_by_text("Je doet mee als Ann", exact=False).wait_for()


def test_tabs_guessing_at_once_get_no_more_password_checks_than_the_limit(app: App, client_page: Any) -> None:
    email, address = "other@stad.be", "203.0.113.77"
    tabs = [client_page(address) for _ in range(10)]
    for n, tab in enumerate(tabs):
        tab.goto(app.url)
        wait_for_app(tab)
        tab.get_by_label("E-mailadres").fill(email)
        tab.get_by_label("Wachtwoord").fill(f"tegelijk-raden-{n}")
    for tab in tabs:  # as fast as one hand can: every argon2 check is still running
        tab.get_by_role("button", name="Aanmelden").click()
    answers = re.compile(r"^(E-mailadres of wachtwoord klopt niet\.|Te veel pogingen\..*)$")
    for tab in tabs:
        tab.get_by_text(answers).wait_for()
        wait_for_app(tab)
    checked = sum(1 for tab in tabs if tab.get_by_text("E-mailadres of wachtwoord klopt niet.").count())
    assert checked == counted(app, "login", email, address) == 5
