"""What every page shares: one Workspace per script run, forgotten when the run ends."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from workbench.access.accounts import Accounts
from workbench.access.permissions import DossierRole
from workbench.ui.common import PAGES
from workbench.workspace import Workspace

PASSWORD = "Een-Lang-Wachtwoord-1"
PAGES_TO_RUN = [
    "start",
    "partnerschap",
    "governance",
    "review",
    "consent",
    "workshop",
    "history",
    "documents",
]


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[Workspace]:
    """Record every Workspace made while the test runs."""
    made: list[Workspace] = []
    original = Workspace.__init__

    def init(self: Workspace, *args: Any, **kwargs: Any) -> None:
        made.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(Workspace, "__init__", init)
    return made


@pytest.mark.parametrize("page", PAGES_TO_RUN)
def test_a_script_run_makes_one_workspace(
    app: AppTest, dossier_id: int, built: list[Workspace], page: str
) -> None:
    app.session_state["dossier_id"] = dossier_id
    app.run()
    built.clear()
    app.switch_page(PAGES[page]).run()
    assert not app.exception
    assert len(built) == 1


def test_the_workspace_is_forgotten_when_the_run_ends(
    app: AppTest, dossier_id: int, built: list[Workspace]
) -> None:
    app.session_state["dossier_id"] = dossier_id
    app.run()
    app.run()
    assert len(built) == 2  # each run its own: the login is checked again
    assert "_workspace_of_this_run" not in app.session_state


def test_a_session_ended_elsewhere_ends_in_the_next_run(app: AppTest, db_path: Path, dossier_id: int) -> None:
    accounts = Accounts(db_path, hasher=PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    user = accounts.add_user("ann@stad.be", "Ann", PASSWORD)
    accounts.set_member(dossier_id, user.id, DossierRole.COORDINATOR, by="setup")
    token = accounts.login(user.email, PASSWORD).token
    app.session_state["auth_token"] = token
    app.session_state["dossier_id"] = dossier_id
    app.run()
    app.switch_page(PAGES["partnerschap"]).run()
    assert "login_email" not in [w.key for w in app.text_input]
    accounts.logout(token)  # e.g. a password change ends every session
    app.run()
    assert not app.exception
    assert "login_email" in [w.key for w in app.text_input]
