"""Coach and coordinator at once, in two browsers: read-only is read-only, suggestions, the inbox."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.backends import rows
from tests.e2e.conftest import App, start_app, wait_for_app
from workbench.access.accounts import Accounts
from workbench.access.permissions import DossierRole
from workbench.collab.reviews import Anchor, Reviews
from workbench.collab.suggestions import Suggestions
from workbench.dossier.model import Dossier, Identity, Partner
from workbench.store.dossiers import Store

pytestmark = pytest.mark.e2e
PASSWORD = "Workshop-Wachtwoord-2026"
HOSTILE = "Voorstel ![x](http://example.org/p.png) <b>vet</b> [link](http://example.org) {{ 7*7 }}"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    db = tmp_path_factory.mktemp("review-loop") / "workbench.db"
    dossier = Dossier(
        identity=Identity(name="Digibank Rupelstreek", call="voortraject"),
        partners=[Partner(id="boom", name="Gemeente Boom", org_type="lokaal_bestuur")],
    )
    dossier_id = Store(db).import_dossier(dossier, by="setup")
    accounts = Accounts(db)
    people = {}
    for email, name, role in [
        ("coordinator@boom.be", "Cora Coördinator", DossierRole.COORDINATOR),
        ("coach@vlaanderen.be", "Cas Coach", DossierRole.COACH),
    ]:
        people[role] = accounts.add_user(email, name, PASSWORD)
        accounts.set_member(dossier_id, people[role].id, role, by="setup")
    running = start_app(db)
    running.dossier_id = dossier_id  # type: ignore[attr-defined]
    running.people = people  # type: ignore[attr-defined]
    yield running
    running.process.terminate()
    running.process.wait(timeout=10)


def log_in(page: Any, app: App, email: str, path: str = "") -> None:
    page.goto(f"{app.url}/{path}")
    wait_for_app(page)
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_role("button", name="Afmelden").wait_for(timeout=30_000)
    wait_for_app(page)


def _wait_until(condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def _unread_in_menu(page: Any) -> int:
    """Read the count in the menu's inbox link: 'Inbox (2 nieuw)', or 'Inbox' (none)."""
    link = page.get_by_role("link", name=re.compile(r"^Inbox"))
    link.first.wait_for()
    found = re.search(r"\((\d+) nieuw\)", link.first.inner_text())
    return int(found.group(1)) if found else 0


def _name_field(page: Any) -> Any:
    return page.get_by_label("Naam van het partnerschap")


def test_a_coach_cannot_change_a_stored_value_and_never_sees_a_draft(app: App, new_page) -> None:
    dossier = app.dossier_id  # type: ignore[attr-defined]
    coach, coordinator = new_page(), new_page()
    log_in(coach, app, "coach@vlaanderen.be", f"partnerschap?dossier={dossier}")
    log_in(coordinator, app, "coordinator@boom.be", f"partnerschap?dossier={dossier}")
    field = _name_field(coach)
    field.wait_for()
    assert field.is_disabled() and field.input_value() == "Digibank Rupelstreek"
    field.click(force=True)  # typing into it does nothing
    coach.keyboard.type("Wat de coach typte")
    assert field.input_value() == "Digibank Rupelstreek"
    # Meanwhile the coordinator really changes it.
    _name_field(coordinator).fill("Digibank Rupelstreek en Vliet")
    _name_field(coordinator).press("Tab")
    wait_for_app(coordinator)
    coordinator.get_by_role("button", name="Bewaren").first.click()
    coordinator.get_by_text("Bewaard").first.wait_for()
    _wait_until(lambda: Store(app.db).load(dossier).dossier.identity.name == "Digibank Rupelstreek en Vliet")
    # The coach goes elsewhere and comes back: the stored value, the coordinator's, never a draft.
    coach.get_by_role("link", name="Partners", exact=True).click()
    wait_for_app(coach)
    coach.get_by_role("link", name="Partnerschap", exact=True).click()
    wait_for_app(coach)
    _wait_until(lambda: _name_field(coach).input_value() == "Digibank Rupelstreek en Vliet")
    assert "Wat de coach typte" not in coach.content()
    coach.reload()
    wait_for_app(coach)
    _name_field(coach).wait_for()
    assert _name_field(coach).input_value() == "Digibank Rupelstreek en Vliet"
    assert rows(app.db, "SELECT * FROM drafts") == []


def test_a_coach_suggests_and_the_coordinator_accepts_it_with_one_click(app: App, new_page) -> None:
    dossier = app.dossier_id  # type: ignore[attr-defined]
    coach, coordinator = new_page(), new_page()
    log_in(coach, app, "coach@vlaanderen.be", f"partnerschap?dossier={dossier}")
    coach.get_by_role("button", name="Wijziging voorstellen").first.click()
    coach.get_by_label("Voorgestelde tekst").fill(HOSTILE)
    coach.get_by_role("button", name="Voorstel versturen").click()
    wait_for_app(coach)
    _wait_until(lambda: bool(Suggestions(app.db).suggestions(dossier)))
    log_in(coordinator, app, "coordinator@boom.be", f"partnerschap?dossier={dossier}")
    coordinator.get_by_text(HOSTILE, exact=True).first.wait_for()  # as text: no image, no link
    assert coordinator.locator("img[src*='example.org'], a[href*='example.org']").count() == 0
    coordinator.get_by_role("button", name="Overnemen").click()
    wait_for_app(coordinator)
    _wait_until(lambda: Store(app.db).load(dossier).dossier.identity.name == HOSTILE)
    _wait_until(lambda: _name_field(coordinator).input_value() == HOSTILE)
    (suggestion,) = Suggestions(app.db).suggestions(dossier).values()
    assert suggestion.decided_by == "Cora Coördinator" and suggestion.revision is not None


def test_a_coordinators_reply_shows_in_the_coachs_inbox(app: App, new_page) -> None:
    dossier = app.dossier_id  # type: ignore[attr-defined]
    coach_user = app.people[DossierRole.COACH]  # type: ignore[attr-defined]
    thread = Reviews(app.db).start_thread(
        dossier, Anchor(step="doelgroep"), "Hoeveel senioren bereiken jullie?", "Cas Coach", coach_user.id
    )
    coach, coordinator = new_page(), new_page()
    log_in(coach, app, "coach@vlaanderen.be", "inbox")
    log_in(coordinator, app, "coordinator@boom.be", f"doelgroep?dossier={dossier}")
    coordinator.get_by_text("Hoeveel senioren bereiken jullie?").wait_for()
    box = coordinator.locator(f".st-key-comments_thread_{thread.id}")
    box.get_by_label("Antwoord").fill("Een 1.200 <b>senioren</b>, zie de tabel")
    box.get_by_role("button", name="Reageren").click()
    wait_for_app(coordinator)
    _wait_until(lambda: len(Reviews(app.db).thread(dossier, thread.id).comments) == 2)
    # The coach's inbox: the reply, its count in the menu.
    coach.reload()
    wait_for_app(coach)
    coach.get_by_text("Een 1.200 <b>senioren</b>, zie de tabel", exact=True).wait_for()
    before = _unread_in_menu(coach)
    assert before >= 1  # the reply (and what the earlier tests left: the accepted suggestion)
    card = coach.locator(f".st-key-inbox_thread_{thread.id}")
    card.get_by_role("button", name="Openen").click()
    coach.get_by_role("heading", name="Doelgroep", exact=True).wait_for(timeout=30_000)  # the thread's step
    wait_for_app(coach)
    coach.get_by_text("Een 1.200 <b>senioren</b>, zie de tabel", exact=True).first.wait_for()
    _wait_until(lambda: _unread_in_menu(coach) == before - 1)  # opening it marked it read
