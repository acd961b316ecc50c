"""The roles the Markdown suite leaves out, in headless Chromium: the partner editor on every page, a
workshop participant on their phone page, and every role typing another dossier's id into the address bar
of a tab that is already logged in (the router must refuse it before any page reads the dossier).

Re-run by the security review after issue 11 on the hostile database of test_markdown_injection_browser:
no request left the machine, no link or image came from user text, the foreign dossier never showed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import App, Offline, start_app, wait_for_app
from tests.e2e.test_markdown_injection_browser import (
    PAGES_OF,
    PASSWORD,
    URL_PATHS,
    WATCH,
    Runs,
    _fill,
    act,
    display_name,
    email,
    go_to,
    leaks,
    logged_in,
    payload,
    visible_text,
)
from workbench.access.accounts import Accounts
from workbench.access.permissions import DossierRole
from workbench.collab.workshop import Workshops
from workbench.dossier.model import Dossier, Identity
from workbench.store.dossiers import Store
from workbench.ui.common import PAGES
from workbench.workspace import Workspace

pytestmark = pytest.mark.e2e
SECRET = "Geheime Digibank Elders"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[App, dict[str, Any]]]:
    db = tmp_path_factory.mktemp("roles") / "workbench.db"
    facts = _fill(db)
    accounts = Accounts(db)
    admin = next(u for u in accounts.list_users() if u.is_admin)
    code, _ = Workspace(db, admin).invite(facts["dossier_id"], DossierRole.PARTNER_EDITOR)
    accounts.register_with_invitation(code, email("editor"), display_name("Editor"), PASSWORD)
    facts["foreign_id"] = Store(db).import_dossier(
        Dossier(identity=Identity(name=SECRET, call="voortraject")), by="setup"
    )
    facts["code"] = Workshops(db).get(facts["workshop_id"]).code
    app = start_app(db)
    yield app, facts
    app.process.terminate()
    app.process.wait(timeout=10)


def test_the_partner_editor_sees_user_text_as_text_on_every_page(
    hostile: tuple[App, dict[str, Any]], new_page, offline: Offline
) -> None:
    app, facts = hostile
    page, runs = logged_in(new_page, app, "editor", f"?dossier={facts['dossier_id']}")
    failures: dict[str, list[str]] = {}
    for key in PAGES_OF["coordinator"]:
        before = len(offline.blocked)
        go_to(page, runs, app, key)
        found = leaks(page) + [f"request {url}" for url in offline.blocked[before:]]
        if found:
            failures[key] = found
        page.evaluate("() => { window.__csp = []; }")
    assert not failures, f"pages that leak: {failures}"
    assert offline.blocked == []


def test_a_participant_with_a_hostile_name_sees_every_idea_as_text(
    hostile: tuple[App, dict[str, Any]], new_page, offline: Offline
) -> None:
    app, facts = hostile
    page = new_page()
    page.add_init_script(WATCH)
    runs = Runs(page)
    page.goto(f"{app.url}/meedoen?join={facts['code']}")
    wait_for_app(page)
    name = payload(40, 3)
    page.locator(".st-key-part_name input").fill(name)
    act(page, runs, page.get_by_role("button", name="Doe mee").click)
    idea = payload(500, 5)
    page.locator(".st-key-part_idea_text textarea").fill(idea)
    act(page, runs, page.get_by_role("button", name="Idee toevoegen").click)
    page.get_by_text(idea, exact=False).first.wait_for()
    assert idea in visible_text(page)
    assert leaks(page) == []
    assert offline.blocked == []


def _address_names(page: Any, dossier_id: int) -> None:
    page.wait_for_function(
        "id => new URLSearchParams(location.search).get('dossier') === id",
        arg=str(dossier_id),
        timeout=30_000,
    )


@pytest.mark.parametrize("role", ["viewer", "coach", "editor", "coordinator"])
def test_another_dossier_typed_into_the_address_bar_is_refused(
    hostile: tuple[App, dict[str, Any]], new_page, role: str
) -> None:
    """The tab is logged in (the session cookie keeps it); another dossier is typed into the address.

    The app puts the open dossier in the address of every page, and from then on the tab sends
    that query with every rerun (not what a script writes into the address bar without a page
    load), so typing an address is a page load: the login holds, the foreign dossier is refused.
    """
    app, facts = hostile
    page, runs = logged_in(new_page, app, role, f"?dossier={facts['dossier_id']}")
    for key in ("partnerschap", "documents", "members", "history"):
        go_to(page, runs, app, key)
        path = URL_PATHS.get(key, Path(PAGES[key]).stem)
        runs = Runs(page)  # a page load counts its messages afresh: so does a new watcher
        page.goto(f"{app.url}/{path}?dossier={facts['foreign_id']}")
        wait_for_app(page)
        page.get_by_text("Je hebt geen toegang tot dit dossier.").wait_for(timeout=30_000)
        page.get_by_role("button", name="Afmelden").wait_for(timeout=30_000)  # still logged in
        assert SECRET not in visible_text(page)
        # The router closed the dossier and took it out of the address; the own one comes back through it.
        assert f"dossier={facts['foreign_id']}" not in page.url
        runs = Runs(page)
        page.goto(f"{app.url}/{path}?dossier={facts['dossier_id']}")
        wait_for_app(page)
        _address_names(page, facts["dossier_id"])
        page.get_by_role("button", name="Afmelden").wait_for(timeout=30_000)
        assert "Je hebt geen toegang tot dit dossier." not in visible_text(page)
        assert SECRET not in visible_text(page)
