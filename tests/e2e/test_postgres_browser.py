"""Two app processes on two ports, one PostgreSQL database: one shows what the other saved; conflicts caught.

This is the hosted set-up of the README's "Deployment" section without its proxy: each browser
stays with one process (as sticky sessions do), and the database is all they share.
"""

from __future__ import annotations

import json
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.backends import rows
from tests.e2e.conftest import App, start_app
from tests.e2e.test_guided_path_browser import click, narrative_form, settle, sign_in
from workbench.dossier.model import Dossier, Identity, Partner
from workbench.store.dossiers import Store

pytestmark = [pytest.mark.e2e, pytest.mark.postgresql]


def _stop(app: App) -> None:
    app.process.terminate()
    try:
        app.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        app.process.kill()


@pytest.fixture
def two_apps(pg_database: str, tmp_path: Path) -> Iterator[tuple[App, App]]:
    first = start_app(pg_database, log_file=tmp_path / "first.log")
    try:
        second = start_app(pg_database, log_file=tmp_path / "second.log")
    except BaseException:
        _stop(first)
        raise
    yield first, second
    _stop(first)
    _stop(second)
    assert not list(tmp_path.glob("*.db"))  # the rows are on the server, no SQLite file was made


def _narrative(url: str, dossier_id: int) -> str:
    (row,) = rows(
        url,
        "SELECT data FROM units WHERE dossier_id = ? AND kind = 'section' AND key = 'doelgroep'",
        [dossier_id],
    )
    return str(json.loads(row["data"])["narrative"])


def _open(new_page: Any, app: App, dossier_id: int, name: str) -> Any:
    page = new_page()
    page.goto(f"{app.url}/doelgroep?dossier={dossier_id}")
    settle(page)
    sign_in(page, name)
    page.get_by_role("textbox", name="Toelichting", exact=True).wait_for()
    return page


def test_an_edit_in_one_process_shows_in_the_other_and_a_conflict_between_them_is_caught(
    two_apps: tuple[App, App], new_page: Any, pg_database: str
) -> None:
    first, second = two_apps
    for app in two_apps:  # what a proxy asks before it sends anyone there
        with urllib.request.urlopen(f"{app.url}/healthz", timeout=30) as answer:
            assert (answer.status, answer.read()) == (200, b"ok\n")
    dossier_id = Store(pg_database).import_dossier(
        Dossier(
            identity=Identity(name="Gedeeld over twee processen", call="voortraject"),
            partners=[Partner(id="stad", name="Stad Boom")],
        ),
        by="test",
    )
    ann = _open(new_page, first, dossier_id, "Ann")
    bob = _open(new_page, second, dossier_id, "Bob")

    ann.get_by_role("textbox", name="Toelichting", exact=True).fill("Ann, op poort één.")
    click(ann, narrative_form(ann), "Bewaren")
    assert _narrative(pg_database, dossier_id) == "Ann, op poort één."

    # Bob loaded the section before Ann saved: his save in the other process is a conflict.
    bob.get_by_role("textbox", name="Toelichting", exact=True).fill("Bob, op poort twee.")
    click(bob, narrative_form(bob), "Bewaren")
    panel = bob.locator("[class*='st-key-conflict_section_doelgroep']")
    panel.get_by_text("Ann heeft dit onderdeel intussen aangepast").wait_for()
    panel.get_by_text("Toelichting: Ann, op poort één.").wait_for()
    assert bob.get_by_role("textbox", name="Toelichting", exact=True).input_value() == "Bob, op poort twee."
    assert _narrative(pg_database, dossier_id) == "Ann, op poort één."

    # He takes hers: what one process saved, the other shows.
    click(bob, panel, "Hun versie laden")
    assert bob.get_by_role("textbox", name="Toelichting", exact=True).input_value() == "Ann, op poort één."
    bob.get_by_role("textbox", name="Toelichting", exact=True).fill("Bob, verder op Ann haar tekst.")
    click(bob, narrative_form(bob), "Bewaren")
    bob.get_by_text("Bewaard").first.wait_for()
    assert _narrative(pg_database, dossier_id) == "Bob, verder op Ann haar tekst."

    # A fresh tab on the first process shows Bob's save from the second.
    again = _open(new_page, first, dossier_id, "Ann")
    assert again.get_by_role("textbox", name="Toelichting", exact=True).input_value() == (
        "Bob, verder op Ann haar tekst."
    )
    history = [(r.by, r.action) for r in Store(pg_database).history(dossier_id, limit=2)]
    assert history == [("Bob", "update"), ("Ann", "update")]
