"""Coach and coordinator in two real browsers: own dossiers only, comment, resolve, no foreign dossier."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator

import pytest

from tests.e2e.conftest import App, start_app, wait_for_app
from tests.e2e.test_guided_path_browser import open_expander
from workbench.access.accounts import Accounts
from workbench.access.permissions import DossierRole
from workbench.collab.reviews import Reviews
from workbench.dossier.model import Dossier, Identity, Partner
from workbench.store.dossiers import Store

pytestmark = pytest.mark.e2e
PASSWORD = "Workshop-Wachtwoord-2026"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    """A running app whose database has two partnerships and three people."""
    db = tmp_path_factory.mktemp("access") / "workbench.db"
    store = Store(db)
    own = Dossier(
        identity=Identity(name="Digibank Rupelstreek", call="voortraject"),
        partners=[Partner(id="boom", name="Gemeente Boom", org_type="lokaal_bestuur")],
    )
    ids = {
        "own": store.import_dossier(own, by="setup"),
        "foreign": store.import_dossier(
            Dossier(identity=Identity(name="Geheime Digibank Elders", call="voortraject")), by="setup"
        ),
    }
    accounts = Accounts(db)
    for email, name, dossier, role in [
        ("coordinator@boom.be", "Cora Coördinator", "own", DossierRole.COORDINATOR),
        ("coach@vlaanderen.be", "Cas Coach", "own", DossierRole.COACH),
        ("coordinator@elders.be", "Olga Elders", "foreign", DossierRole.COORDINATOR),
    ]:
        user = accounts.add_user(email, name, PASSWORD)
        accounts.set_member(ids[dossier], user.id, role, by="setup")
    running = start_app(db)
    running.ids = ids  # type: ignore[attr-defined]
    yield running
    running.process.terminate()
    running.process.wait(timeout=10)


def log_in(page: object, app: App, email: str, password: str = PASSWORD, query: str = "") -> None:
    page.goto(app.url + query)  # type: ignore[attr-defined]
    wait_for_app(page)
    page.get_by_label("E-mailadres").fill(email)  # type: ignore[attr-defined]
    page.get_by_label("Wachtwoord").fill(password)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Aanmelden").click()  # type: ignore[attr-defined]
    wait_for_app(page)


def test_coach_comments_and_the_coordinator_resolves_it(app: App, new_page) -> None:
    coach = new_page()
    log_in(coach, app, "coach@vlaanderen.be")
    coach.get_by_text("Digibank Rupelstreek", exact=True).wait_for()
    assert "Geheime Digibank Elders" not in coach.content()
    coach.get_by_role("button", name="Openen").click()
    wait_for_app(coach)
    box = open_expander(coach, "Nieuwe opmerking")  # its form is drawn once it is open
    box.get_by_label("Nieuwe opmerking").fill("Welke gemeenten horen bij het werkingsgebied? <b>&</b>")
    box.get_by_role("button", name="Opmerking plaatsen").click()
    wait_for_app(coach)
    coach.get_by_text("Opmerkingen (1 open)").wait_for()
    coach.screenshot(path=str(app.db.with_name("coach.png")), full_page=True)

    coordinator = new_page()
    log_in(coordinator, app, "coordinator@boom.be")
    coordinator.get_by_role("button", name="Openen").click()
    wait_for_app(coordinator)
    coordinator.get_by_text("Welke gemeenten horen bij het werkingsgebied? <b>&</b>", exact=True).wait_for()
    coordinator.get_by_text("Cas Coach", exact=False).first.wait_for()
    coordinator.get_by_role("button", name="Oplossen").click()
    wait_for_app(coordinator)
    coordinator.get_by_text("Opmerkingen (0 open)").wait_for()
    coordinator.screenshot(path=str(app.db.with_name("coordinator.png")), full_page=True)
    (thread,) = Reviews(app.db).threads(app.ids["own"])  # type: ignore[attr-defined]
    assert not thread.is_open
    assert thread.last_status_change is not None and thread.last_status_change.author == "Cora Coördinator"


def test_coordinator_cannot_open_a_foreign_dossier_by_url(app: App, new_page) -> None:
    page = new_page()
    foreign = app.ids["foreign"]  # type: ignore[attr-defined]
    log_in(page, app, "coordinator@boom.be", query=f"/?dossier={foreign}")
    page.get_by_text("Je hebt geen toegang tot dit dossier.").wait_for()
    page.screenshot(path=str(app.db.with_name("foreign.png")), full_page=True)
    assert "Geheime Digibank Elders" not in page.content()
    assert f"dossier={foreign}" not in page.url
    # Also straight to a dossier page with the id in the address.
    page.goto(f"{app.url}/dossier_page?dossier={foreign}")
    wait_for_app(page)
    assert "Geheime Digibank Elders" not in page.content()


def _failures(app: App) -> int:
    return Accounts(app.db, migrate=False).failed_logins("coordinator@elders.be")  # this machine: "local"


def _wait_until(condition: Callable[[], bool], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_wrong_logins_are_rate_limited(app: App, new_page) -> None:
    page = new_page()
    page.goto(app.url)
    wait_for_app(page)
    for attempt in range(1, 6):
        page.get_by_label("E-mailadres").fill("coordinator@elders.be")
        page.get_by_label("Wachtwoord").fill(f"raden-is-niet-slim-{attempt}")
        page.get_by_role("button", name="Aanmelden").click()
        _wait_until(lambda n=attempt: _failures(app) == n)
        wait_for_app(page)
        page.get_by_text("E-mailadres of wachtwoord klopt niet.").wait_for()
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    wait_for_app(page)
    page.get_by_text(re.compile(r"Te veel pogingen. Probeer opnieuw over \d+ minuten")).wait_for()
    assert "Geheime Digibank Elders" not in page.content()


def test_passwords_never_reach_the_log_or_the_database(app: App, new_page) -> None:
    page = new_page()
    log_in(page, app, "coach@vlaanderen.be")
    page.get_by_text("Digibank Rupelstreek", exact=True).wait_for()
    files = [app.db.with_suffix(".log"), app.db, app.db.with_name(app.db.name + "-wal")]
    seen = b"".join(f.read_bytes() for f in files if f.exists())
    assert PASSWORD.encode() not in seen
