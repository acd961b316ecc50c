"""workbench copy-db: a whole database from SQLite to PostgreSQL and back, checked table by table."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.backends import count, rows
from tests.security.test_faults import World
from workbench import clock
from workbench.access.account_records import LoginFailed
from workbench.access.permissions import DossierRole
from workbench.cli.main import main
from workbench.collab.consent_round import ConsentRounds
from workbench.collab.handoffs import Handoffs
from workbench.collab.inbox import Inbox
from workbench.collab.reviews import Anchor, Level, ReviewStatus
from workbench.collab.suggestions import Suggestions, Target
from workbench.dossier.model import Dossier, Identity
from workbench.guide import forms
from workbench.store import copy
from workbench.store.copy import CopyRefused, content_digest, copy_database
from workbench.store.db import open_backend
from workbench.store.dossiers import Store
from workbench.store.limit_storage import DatabaseStorage, storage_uri


def filled(address: object, dossier: Dossier) -> World:
    """A database with rows in every table of the schema."""
    world = World(address, dossier)  # type: ignore[arg-type]
    record = world.store.load(world.dossier_id)
    world.store.save_document(
        world.dossier_id,
        kind="agreement",
        lang="nl",
        revision=record.revision,
        data=bytes(range(256)),
        by="a",
    )
    world.reviews.set_section_review(world.dossier_id, "doelgroep", ReviewStatus.NEEDS_WORK, "Vaag", "Cas")
    world.reviews.set_score(world.dossier_id, "doelgroep", Level.FULLY, "Goed", "Cas")
    world.consents.record(world.store, world.dossier_id, "doelgroep", "vzw", "object", "Te vaag", by="Ann")
    world.workshops.vote(world.joined.token, world.idea.id)
    rounds = ConsentRounds(address)  # type: ignore[arg-type]  (a consent round, its representative)
    opened = rounds.open(world.store, world.joined.workshop.id, ["doelgroep"], by="Fien")
    rounds.claim(world.store, world.joined.token, opened.id, "stad")
    rounds.answer(world.store, world.joined.token, opened.id, "stad", "doelgroep", "agree", "")
    DatabaseStorage(storage_uri(address)).incr("een-teller", 60)  # type: ignore[arg-type]
    with pytest.raises(LoginFailed):  # a counted failure: a rate limit entry
        world.accounts.login(world.admin.email, "fout-wachtwoord")
    # Issue 15: a suggestion, a review request to a coach, a read mark, a mail that failed.
    world.accounts.set_member(world.dossier_id, world.other.id, DossierRole.COACH, by="setup")
    target = Target(forms.IDENTITY.key, "", "name")
    anchor = Anchor(step="partnerschap", field="name")
    Suggestions(address).suggest(
        world.dossier_id, anchor, target, "Oud", "Nieuw", 1, "", "Bob", world.other.id
    )
    Handoffs(address).request_review(world.dossier_id, world.other.id, "Graag", "Ann", world.admin.id)
    Inbox(address).mark_read(world.other.id, {f"thread:{world.thread.id}": clock.now()})
    with open_backend(address).write() as db:  # type: ignore[arg-type]
        db.execute(
            "INSERT INTO mail_failures (at, recipient, subject, error) VALUES (?, ?, ?, ?)",
            [clock.stamp(), "bob@stad.be", "Onderwerp", "refused"],
        )
    return world


def test_a_database_goes_to_postgresql_and_back_and_every_table_matches(
    tmp_path: Path, pg_database: str, small_dossier: Dossier
) -> None:
    source = tmp_path / "bron.db"
    filled(source, small_dossier)
    tables = open_backend(source).tables()
    assert all(count(source, t) > 0 for t in tables), [t for t in tables if not count(source, t)]

    checks = copy_database(source, pg_database)
    assert {c.table for c in checks} == set(tables) and all(c.matches for c in checks)
    back = tmp_path / "terug.db"
    copy_database(pg_database, back)
    for table in tables:
        assert content_digest(open_backend(back), table) == content_digest(open_backend(source), table)
    assert Store(back).load(1) == Store(source).load(1)

    # New rows on the copy get new ids, after the copied ones.
    new_id = Store(pg_database).create(Identity(name="Na de kopie", call="voortraject"), by="ann")
    assert new_id == max(r["id"] for r in rows(source, "SELECT id FROM dossiers")) + 1


def test_a_copy_never_overwrites_a_database_with_data(
    tmp_path: Path, pg_database: str, small_dossier: Dossier
) -> None:
    Store(tmp_path / "bron.db").import_dossier(small_dossier, by="ann")
    Store(pg_database).import_dossier(small_dossier, by="bob")
    with pytest.raises(CopyRefused) as refused:
        copy_database(tmp_path / "bron.db", pg_database)
    assert refused.value.reason == "copy.not_empty"
    assert [r["created_by"] for r in rows(pg_database, "SELECT created_by FROM dossiers")] == ["bob"]


def test_the_check_finds_a_copy_that_differs(
    tmp_path: Path, pg_database: str, small_dossier: Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(tmp_path / "bron.db").import_dossier(small_dossier, by="ann")
    monkeypatch.setattr(copy, "_stored", lambda v: "veranderd" if v == "ann" else v)  # a copy that alters
    with pytest.raises(CopyRefused) as refused:
        copy_database(tmp_path / "bron.db", pg_database)
    assert refused.value.reason == "copy.differs" and "dossiers" in refused.value.params["tables"]


def test_the_command_copies_and_reports_the_check(
    tmp_path: Path, pg_database: str, small_dossier: Dossier
) -> None:
    Store(tmp_path / "bron.db").import_dossier(small_dossier, by="ann")
    result = CliRunner().invoke(main, ["--lang", "en", "copy-db", str(tmp_path / "bron.db"), pg_database])
    assert result.exit_code == 0, result.output
    assert "Checked: all" in result.output and "dossiers\t1\t1" in result.output
    assert pg_database.split("@")[0].split(":")[-1] not in result.output  # the password is never shown
    again = CliRunner().invoke(main, ["--lang", "nl", "copy-db", str(tmp_path / "bron.db"), pg_database])
    assert again.exit_code == 1 and "bevat al gegevens" in again.output
