"""Database faults, for real: a full disk, a read-only file, an I/O error, half-way through a save.

Faults are made with the database itself, never with mocks: a trigger that refuses a write
half-way (as a full disk would), the database opened read-only through a `file:...?mode=ro` URI,
a file size limit on a child process, and a tiny tmpfs where the machine allows mounting one.
Every write of the core is also faulted on PostgreSQL (a trigger raising disk_full, a connection
with default_transaction_read_only), and a server that cannot be reached or locks too long.
"""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from tests.backends import PostgresFault, contents, read_only
from tests.shown import as_seen
from workbench.access.accounts import Accounts
from workbench.access.handoffs import Handoffs
from workbench.access.permissions import DossierRole
from workbench.collab.consent import Consents
from workbench.collab.reviews import Anchor, Level, Reviews, ReviewStatus, ThreadStatus
from workbench.collab.workshop import Workshops
from workbench.demo import large_dossier
from workbench.dossier.model import Dossier, Identity
from workbench.dossier.portable import to_json
from workbench.dossier.units import Change, item_unit, section_unit
from workbench.store.db import is_postgres
from workbench.store.dossiers import StorageFailure, Store
from workbench.store.drafts import Drafts, owner
from workbench.ui.common import PAGES

ROOT = Path(__file__).resolve().parents[2]
FULL = "database or disk is full"
PASSWORD = "Workshop-Wachtwoord-1"
NOT_SAVED_FULL = "Niet bewaard: de schijf van de databank is vol."
NOT_SAVED_READ_ONLY = "Niet bewaard: de databank is alleen-lezen."


# ---------------------------------------------------------------- making faults


class Fault:
    """Refuse writes to some tables of a database, as a full disk would, until lifted (both backends)."""

    def __init__(self, path: Any) -> None:
        self.path = path
        self._server = PostgresFault(str(path)) if is_postgres(path) else None

    def _tables(self) -> list[str]:
        with sqlite3.connect(self.path) as conn:
            rows = conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            ).fetchall()
        return [r[0] for r in rows]

    def on(self, *tables: str, message: str = FULL) -> None:
        if self._server is not None:
            self._server.on(*tables, message=message)
            return
        conn = sqlite3.connect(self.path, isolation_level=None)
        for table in tables or self._tables():
            for event in ("INSERT", "UPDATE", "DELETE"):
                conn.execute(
                    f"CREATE TRIGGER fault_{event.lower()}_{table} BEFORE {event} ON {table}"
                    f" BEGIN SELECT RAISE(FAIL, '{message}'); END"
                )
        conn.close()

    def off(self) -> None:
        if self._server is not None:
            self._server.off()
            return
        conn = sqlite3.connect(self.path, isolation_level=None)
        names = conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'fault_%'")
        for (name,) in names.fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        conn.close()


@pytest.fixture
def fault(db_path: Path, store: Store) -> Iterator[Fault]:
    made = Fault(db_path)
    yield made
    made.off()


# ---------------------------------------------------------------- the store: all or nothing


def test_a_save_that_fails_half_way_leaves_every_unit_as_it_was(
    store: Store, db_path: Path, dossier_id: int, fault: Fault
) -> None:
    record = store.load(dossier_id)
    partner = record.dossier.partner("vzw")
    assert partner is not None
    changes = [
        Change.put(item_unit("partner", "vzw"), partner.model_copy(update={"legal_form": "vzw"}), 1),
        Change(unit=section_unit("doelgroep"), data={"narrative": "Nieuw"}, base_version=1),
    ]
    before = contents(db_path)
    fault.on("revisions")  # the units are written first: the fault strikes half-way
    with pytest.raises(StorageFailure) as caught:
        store.apply(dossier_id, changes, by="ann")
    assert caught.value.reason == "full"
    assert contents(db_path) == before
    fault.off()
    store.apply(dossier_id, changes, by="ann")
    assert store.load(dossier_id).dossier.partner("vzw").legal_form == "vzw"  # type: ignore[union-attr]


def test_a_read_only_database_refuses_the_save_with_its_own_reason(
    store: Store, db_path: Path, dossier_id: int
) -> None:
    before = contents(db_path)
    locked = Store(read_only(db_path))
    assert locked.load(dossier_id).dossier.identity.name == "Digibank Test"  # reading still works
    change = Change(unit=section_unit("doelgroep"), data={"narrative": "Nieuw"}, base_version=1)
    with pytest.raises(StorageFailure) as caught:
        locked.apply(dossier_id, [change], by="ann")
    assert caught.value.reason == "read_only"
    assert contents(db_path) == before


def test_a_missing_folder_is_a_storage_failure(tmp_path: Path) -> None:
    with pytest.raises(StorageFailure) as caught:
        Store(tmp_path / "nowhere" / "workbench.db")
    assert caught.value.reason == "cannot_open"


def test_a_file_that_is_not_a_database_is_a_storage_failure(tmp_path: Path) -> None:
    path = tmp_path / "workbench.db"
    path.write_bytes(b"this is not SQLite" * 500)
    with pytest.raises(StorageFailure) as caught:
        Store(path)
    assert caught.value.reason == "corrupt"


class World:
    """One dossier with something in every table, and every way to write to it."""

    def __init__(self, db_path: Path, dossier: Dossier) -> None:
        self.db = db_path
        self.store = Store(db_path)
        self.dossier_id = self.store.import_dossier(dossier, by="ann")
        hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
        self.accounts = Accounts(db_path, hasher=hasher)
        self.admin = self.accounts.add_user("admin@stad.be", "Ann", PASSWORD, admin=True)
        self.other = self.accounts.add_user("bob@stad.be", "Bob", PASSWORD)
        self.accounts.set_member(self.dossier_id, self.admin.id, DossierRole.COORDINATOR, by="setup")
        self.token = self.accounts.login(self.admin.email, PASSWORD).token
        self.code, self.invitation = self.accounts.create_invitation(
            self.dossier_id, DossierRole.VIEWER, by="setup"
        )
        self.reviews = Reviews(db_path, migrate=False)
        self.thread = self.reviews.start_thread(
            self.dossier_id, Anchor(step="doelgroep"), "Eerste", "Ann", None
        )
        self.consents = Consents(db_path)
        self.workshops = Workshops(db_path)
        self.workshop = self.workshops.start(self.store, self.dossier_id, "doelgroep", by="Fien")
        self.joined = self.workshops.join(self.workshop.code, "Jan")
        self.idea = self.workshops.add_idea(self.joined.token, "Meer laptops")
        base = self.store.load(self.dossier_id).version(section_unit("doelgroep"))
        first = Change(unit=section_unit("doelgroep"), data={"narrative": "Eerst"}, base_version=base)
        self.store.apply(self.dossier_id, [first], by="ann")  # so that there is something to restore
        # What outlives a reload: a draft, an open-mode setting, a hand-over code (issue 14).
        self.drafts = Drafts(db_path)
        self.drafts.update(owner("session", self.token), {(self.dossier_id, "identity"): "{}"})
        self.drafts.set_setting(owner("browser", "cookie-of-ann"), "actor_name", "Ann")
        self.handoffs = Handoffs(db_path)
        self.handoffs.offer(self.token, "cookie-of-ann")

    def writes(self) -> dict[str, Callable[[], object]]:
        d, s, w = self.dossier_id, self.store, self.workshops
        record = s.load(d)
        section = record.version(section_unit("doelgroep"))
        narrative = Change(unit=section_unit("doelgroep"), data={"narrative": "Nieuw"}, base_version=section)
        partner = record.dossier.partner("vzw")
        assert partner is not None
        return {
            "create a dossier": lambda: s.create(Identity(name="Nieuw", call="voortraject"), by="ann"),
            "import a dossier": lambda: s.import_dossier(record.dossier, by="ann"),
            "save a section": lambda: s.apply(d, [narrative], by="ann"),
            "save a partner": lambda: s.save(
                d,
                Change.put(item_unit("partner", "vzw"), partner.model_copy(update={"legal_form": "x"}), 1),
                "ann",
            ),
            "restore a part": lambda: s.restore_dossier(d, 1, by="ann"),
            "keep a document": lambda: s.save_document(
                d, kind="agreement", lang="nl", revision=record.revision, data=b"docx", by="ann"
            ),
            "delete the dossier": lambda: s.delete_dossier(d),
            "start a thread": lambda: self.reviews.start_thread(
                d, Anchor(step="partners"), "Vraag", "Ann", None
            ),
            "reply": lambda: self.reviews.reply(d, self.thread.id, "Antwoord", "Ann", None),
            "resolve": lambda: self.reviews.set_status(d, self.thread.id, ThreadStatus.RESOLVED, "Ann"),
            "review a section": lambda: self.reviews.set_section_review(
                d, "doelgroep", ReviewStatus.NEEDS_WORK, "Vaag", "Cas"
            ),
            "score a criterion": lambda: self.reviews.set_score(d, "doelgroep", Level.FULLY, "Goed", "Cas"),
            "record consent": lambda: self.consents.record(s, d, "doelgroep", "vzw", "agree", "", by="Ann"),
            "start a workshop": lambda: w.start(s, d, "outreach", by="Fien"),
            "join a workshop": lambda: w.join(self.workshop.code, "Piet"),
            "add an idea": lambda: w.add_idea(self.joined.token, "Nog een idee"),
            "vote": lambda: w.vote(self.joined.token, self.idea.id),
            "cluster": lambda: w.cluster(s, self.workshop.id, [self.idea.id], "Toestellen"),
            "hide an idea": lambda: w.hide(s, self.workshop.id, self.idea.id),
            "start a round": lambda: w.start_round(s, self.workshop.id, 300),
            "promote ideas": lambda: w.promote(
                s, self.workshop.id, [self.idea.id], "Tekst", section, by="Fien"
            ),
            "close the workshop": lambda: w.close(s, self.workshop.id, by="Fien"),
            "add an account": lambda: self.accounts.add_user("nieuw@stad.be", "Nieuw", PASSWORD),
            "log in": lambda: self.accounts.login(self.admin.email, PASSWORD),
            "log in wrongly": lambda: self.accounts.login(self.admin.email, "fout-wachtwoord"),
            "log out": lambda: self.accounts.logout(self.token),
            "change a password": lambda: self.accounts.set_password(self.other.id, "Nieuw-Wachtwoord-2"),
            "add a member": lambda: self.accounts.set_member(d, self.other.id, DossierRole.VIEWER, by="Ann"),
            "invite": lambda: self.accounts.create_invitation(d, DossierRole.COACH, by="Ann"),
            "register with an invitation": lambda: self.accounts.register_with_invitation(
                self.code, "carla@stad.be", "Carla", PASSWORD
            ),
            "disable an account": lambda: self.accounts.set_disabled(self.other.id, True),
            "keep a draft": lambda: self.drafts.update(
                owner("session", self.token), {(d, "section:doelgroep"): '{"narrative": "Half"}'}
            ),
            "keep the typed name": lambda: self.drafts.set_setting(
                owner("browser", "cookie-of-ann"), "actor_name", "Anna"
            ),
            "offer a hand-over": lambda: self.handoffs.offer(self.token, "cookie-of-ann"),
        }


WRITE_NAMES = [
    "create a dossier",
    "import a dossier",
    "save a section",
    "save a partner",
    "restore a part",
    "keep a document",
    "delete the dossier",
    "start a thread",
    "reply",
    "resolve",
    "review a section",
    "score a criterion",
    "record consent",
    "start a workshop",
    "join a workshop",
    "add an idea",
    "vote",
    "cluster",
    "hide an idea",
    "start a round",
    "promote ideas",
    "close the workshop",
    "add an account",
    "log in",
    "log in wrongly",
    "log out",
    "change a password",
    "add a member",
    "invite",
    "register with an invitation",
    "disable an account",
    "keep a draft",
    "keep the typed name",
    "offer a hand-over",
]


@pytest.fixture
def world(backend: Any, small_dossier: Dossier) -> World:
    """Every write, on both backends: a SQLite file, then a PostgreSQL schema."""
    return World(backend, small_dossier)


def test_the_list_of_writes_is_complete(world: World) -> None:
    assert sorted(world.writes()) == sorted(WRITE_NAMES)


@pytest.mark.parametrize("name", WRITE_NAMES)
def test_every_write_fails_as_a_storage_failure_and_stores_nothing(world: World, name: str) -> None:
    write = world.writes()[name]
    before = contents(world.db)
    fault = Fault(world.db)
    fault.on()
    try:
        with pytest.raises(StorageFailure) as caught:
            write()
    finally:
        fault.off()
    assert caught.value.reason == "full"
    assert contents(world.db) == before


@pytest.mark.parametrize("name", WRITE_NAMES)
def test_every_write_on_a_read_only_database_is_refused_as_read_only(world: World, name: str) -> None:
    locked = World.__new__(World)
    locked.__dict__.update(world.__dict__)
    hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    locked.store = Store(read_only(world.db))
    locked.accounts = Accounts(read_only(world.db), hasher=hasher)
    locked.reviews = Reviews(read_only(world.db), migrate=False)
    locked.consents = Consents(read_only(world.db))
    locked.workshops = Workshops(read_only(world.db))
    locked.drafts = Drafts(read_only(world.db), migrate=False)
    locked.handoffs = Handoffs(read_only(world.db), migrate=False)
    before = contents(world.db)
    with pytest.raises(StorageFailure) as caught:
        locked.writes()[name]()
    assert caught.value.reason == "read_only"
    assert contents(world.db) == before


# ---------------------------------------------------------------- the command line


def run_cli(*args: str, limit: int | None = None, lang: str = "nl") -> subprocess.CompletedProcess[str]:
    def limited() -> None:
        if limit is not None:  # a real I/O error: SQLite may not grow a file past this size
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

    return subprocess.run(
        [sys.executable, "-m", "workbench.cli", "--lang", lang, *args],
        capture_output=True,
        text=True,
        preexec_fn=limited,
        cwd=ROOT,
        timeout=120,
    )


def test_the_command_line_reports_a_disk_error_in_dutch_and_stores_nothing(
    store: Store, db_path: Path, tmp_path: Path, small_dossier: Dossier
) -> None:
    for _ in range(20):  # a database bigger than the limit, so that only growing it fails
        store.import_dossier(small_dossier, by="ann")
    file = tmp_path / "dossier.json"
    file.write_text(to_json(large_dossier(40)), encoding="utf-8")
    before = contents(db_path)
    result = run_cli("import", str(file), "--db", str(db_path), limit=64 * 1024)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        "Fout: De databank faalde, er werd niets bewaard:"
        " de databank kon niet lezen of schrijven (schijffout)."
    )
    assert contents(db_path) == before


def test_the_command_line_reports_a_read_only_database_in_english(
    store: Store, db_path: Path, tmp_path: Path, small_dossier: Dossier
) -> None:
    file = tmp_path / "dossier.json"
    file.write_text(json.dumps(small_dossier.model_dump(mode="json")), encoding="utf-8")
    result = run_cli("import", str(file), "--db", read_only(db_path), lang="en")
    assert result.returncode == 1
    assert (
        result.stderr.strip() == "Error: The database failed, nothing was saved: the database is read-only."
    )
    assert store.list_dossiers() == []


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs: a disk that really fills up (skipped where mounting is not allowed)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here: " + made.stderr.decode(errors="replace").strip())
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path) -> Path:
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


def test_a_really_full_disk_is_a_storage_failure_and_the_database_stays_whole(
    tiny_disk: Path, small_dossier: Dossier
) -> None:
    path = tiny_disk / "workbench.db"
    store = Store(path)
    dossier_id = store.import_dossier(small_dossier, by="ann")
    before = contents(path)
    filler = fill(tiny_disk)
    big = small_dossier.model_copy(deep=True)
    big.identity.summary = "x" * 19_000
    with pytest.raises(StorageFailure) as caught:
        store.import_dossier(big, by="ann")
    assert caught.value.reason in ("full", "io")  # SQLite says which: the WAL or its index could not grow
    filler.unlink()
    assert contents(path) == before
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert store.load(dossier_id).dossier.identity.name == small_dossier.identity.name
    store.import_dossier(small_dossier, by="ann")  # room again: saving works


# ---------------------------------------------------------------- the pages: message, typed text kept, retry


def opened(app: AppTest, dossier_id: int, page: str, *forms: str) -> AppTest:
    app.session_state["dossier_id"] = dossier_id
    app.session_state["actor_name"] = "Ann"
    for form_id in forms:
        app.session_state[f"open_{form_id}"] = True
    app.run()
    app.switch_page(PAGES[page]).run()
    assert not app.exception
    return app


def errors(app: AppTest) -> str:
    return " | ".join(as_seen(str(e.value)) for e in app.error)


def test_a_failing_partner_save_keeps_the_form_and_the_text_and_saves_once_fixed(
    app: AppTest, store: Store, db_path: Path, dossier_id: int, fault: Fault
) -> None:
    opened(app, dossier_id, "partners", "partner:vzw")
    app.text_input(key="edit_partner:vzw_legal_form").input("vzw met een lange naam")
    before = contents(db_path)
    fault.on("revisions")
    app.button(key="save_partner:vzw").click().run()
    assert not app.exception
    assert NOT_SAVED_FULL in errors(app)
    assert app.text_input(key="edit_partner:vzw_legal_form").value == "vzw met een lange naam"
    assert app.session_state["form_partner:vzw"]["draft"]["legal_form"] == "vzw met een lange naam"
    assert contents(db_path) == before

    fault.off()
    app.button(key="save_partner:vzw").click().run()
    assert not app.exception
    assert NOT_SAVED_FULL not in errors(app)
    assert store.load(dossier_id).dossier.partner("vzw").legal_form == "vzw met een lange naam"  # type: ignore[union-attr]


def test_a_read_only_database_keeps_the_narrative_in_english(
    app: AppTest, store: Store, db_path: Path, dossier_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    app.session_state["lang"] = "en"
    opened(app, dossier_id, "doelgroep")
    key = "edit_section_doelgroep_narrative"
    app.text_area(key=key).input("Wie bereiken we, en hoe?")
    monkeypatch.setenv("WORKBENCH_DB", read_only(db_path))  # e.g. a disk remounted read-only
    app.button(key="save_section_doelgroep").click().run()
    assert not app.exception
    assert "Not saved: the database is read-only." in errors(app)
    assert app.text_area(key=key).value == "Wie bereiken we, en hoe?"
    assert store.load(dossier_id).dossier.strategy.doelgroep.narrative == ""

    monkeypatch.setenv("WORKBENCH_DB", str(db_path))
    app.button(key="save_section_doelgroep").click().run()
    assert store.load(dossier_id).dossier.strategy.doelgroep.narrative == "Wie bereiken we, en hoe?"


def test_a_failing_delete_keeps_the_item_and_says_why(
    app: AppTest, store: Store, db_path: Path, dossier_id: int, fault: Fault
) -> None:
    opened(app, dossier_id, "partners", "partner:vzw")
    app.button(key="delete_partner:vzw").click().run()
    before = contents(db_path)
    fault.on("units")
    app.button(key="delete_yes_partner:vzw").click().run()
    assert not app.exception
    assert NOT_SAVED_FULL in errors(app)
    assert contents(db_path) == before


def test_a_failing_planning_save_keeps_the_text(
    app: AppTest, store: Store, db_path: Path, dossier_id: int, fault: Fault
) -> None:
    opened(app, dossier_id, "budget")
    key = "budget_planning_narrative_0"  # the table's widgets get new keys only after a save
    app.text_area(key=key).input("Start in januari, evaluatie in juni.")
    before = contents(db_path)
    fault.on()
    app.button(key="budget_planning_save").click().run()
    assert not app.exception
    assert NOT_SAVED_FULL in errors(app)
    assert app.text_area(key=key).value == "Start in januari, evaluatie in juni."
    assert contents(db_path) == before
    fault.off()
    app.button(key="budget_planning_save").click().run()
    assert store.load(dossier_id).dossier.planning.narrative == "Start in januari, evaluatie in juni."


def test_a_failing_comment_keeps_its_text(
    app: AppTest, store: Store, db_path: Path, dossier_id: int, fault: Fault
) -> None:
    opened(app, dossier_id, "doelgroep")
    app.session_state["comments_new_open_doelgroep"] = True
    app.run()
    key = "comments_new_text_doelgroep"
    app.text_area(key=key).input("Hoeveel mensen bereiken we echt?")
    before = contents(db_path)
    fault.on()
    app.button(key="comments_post_doelgroep").click().run()
    assert not app.exception
    assert NOT_SAVED_FULL in errors(app)
    assert app.text_area(key=key).value == "Hoeveel mensen bereiken we echt?"
    assert contents(db_path) == before
    fault.off()
    app.button(key="comments_post_doelgroep").click().run()
    assert not app.exception
    threads = Reviews(db_path, migrate=False).threads(dossier_id, step="doelgroep")
    assert [t.entries[0].body for t in threads] == ["Hoeveel mensen bereiken we echt?"]
    assert app.text_area(key=key).value == ""  # cleared once it is saved


def test_a_failing_section_review_says_why(
    app: AppTest, db_path: Path, dossier_id: int, fault: Fault
) -> None:
    opened(app, dossier_id, "doelgroep")
    app.session_state["review_open_doelgroep"] = True
    app.run()
    app.radio(key="review_status_doelgroep").set_value(ReviewStatus.NEEDS_WORK)
    app.text_area(key="review_reason_doelgroep").input("Te vaag")
    before = contents(db_path)
    fault.on()
    app.button(key="review_save_doelgroep").click().run()
    assert not app.exception
    assert NOT_SAVED_FULL in errors(app)
    assert app.text_area(key="review_reason_doelgroep").value == "Te vaag"
    assert contents(db_path) == before


def test_a_failing_consent_keeps_the_reason(
    app: AppTest, store: Store, db_path: Path, dossier_id: int, fault: Fault
) -> None:
    opened(app, dossier_id, "consent")
    app.radio(key="consent_decision").set_value("object")
    app.text_area(key="consent_reason").input("Onze raad moet eerst beslissen.")
    before = contents(db_path)
    fault.on()
    app.button(key="FormSubmitter:consent_record-Bewaren").click().run()
    assert not app.exception
    assert NOT_SAVED_FULL in errors(app)
    assert app.text_area(key="consent_reason").value == "Onze raad moet eerst beslissen."
    assert contents(db_path) == before


def test_failing_workshop_actions_keep_the_facilitators_text(
    app: AppTest, store: Store, db_path: Path, dossier_id: int, fault: Fault
) -> None:
    opened(app, dossier_id, "workshop")
    before = contents(db_path)
    fault.on()
    app.button(key="FormSubmitter:ws_start-Workshop starten").click().run()
    assert not app.exception
    assert NOT_SAVED_FULL in errors(app)
    assert contents(db_path) == before
    fault.off()
    app.button(key="FormSubmitter:ws_start-Workshop starten").click().run()
    [workshop] = Workshops(db_path).of_dossier(dossier_id)
    phone = Workshops(db_path).join(workshop.code, "Jan")
    idea = Workshops(db_path).add_idea(phone.token, "Laptops in de bib")
    app.run()
    app.checkbox(key=f"ws_pick_{idea.id}").check().run()

    text_key = f"ws_text_{workshop.id}"
    app.text_area(key=text_key).input("De tekst die de groep koos.")
    before = contents(db_path)
    fault.on()
    app.button(key="ws_promote").click().run()
    assert not app.exception
    assert NOT_SAVED_FULL in errors(app)
    assert app.text_area(key=text_key).value == "De tekst die de groep koos."
    app.text_area(key="ws_formulation_text").input("Een andere formulering")
    app.button(key="FormSubmitter:ws_formulation-Formulering toevoegen").click().run()
    assert not app.exception
    assert NOT_SAVED_FULL in errors(app)
    assert app.text_area(key="ws_formulation_text").value == "Een andere formulering"
    app.button(key="ws_round_start").click().run()
    assert not app.exception and NOT_SAVED_FULL in errors(app)
    assert contents(db_path) == before

    fault.off()
    app.button(key="ws_promote").click().run()
    assert store.load(dossier_id).dossier.strategy.doelgroep.narrative == "De tekst die de groep koos."


def test_a_participants_idea_survives_a_failing_save(
    app: AppTest, store: Store, db_path: Path, dossier_id: int, fault: Fault
) -> None:
    workshop = Workshops(db_path).start(store, dossier_id, "doelgroep", by="Fien")
    app.run()
    app.switch_page(PAGES["participate"]).run()
    app.text_input(key="part_code").input(workshop.code)
    app.text_input(key="part_name").input("Jan")
    app.button(key="FormSubmitter:part_join-Doe mee").click().run()
    app.text_area(key="part_idea_text").input("Laptops uitlenen in de bib")
    before = contents(db_path)
    fault.on()
    app.button(key="FormSubmitter:part_idea-Idee toevoegen").click().run()
    assert not app.exception
    assert NOT_SAVED_FULL in errors(app)
    assert app.text_area(key="part_idea_text").value == "Laptops uitlenen in de bib"
    assert contents(db_path) == before
    fault.off()
    app.button(key="FormSubmitter:part_idea-Idee toevoegen").click().run()
    assert [i.text for i in Workshops(db_path).board(workshop.id).ideas] == ["Laptops uitlenen in de bib"]


def test_a_failing_document_version_says_why_and_keeps_nothing(
    app: AppTest, store: Store, db_path: Path, dossier_id: int, fault: Fault
) -> None:
    opened(app, dossier_id, "documents")
    app.toggle(key="documents_page_picture").set_value(False).run()
    fault.on("documents")
    app.button(key="documents_page_generate").click().run()
    assert not app.exception
    assert NOT_SAVED_FULL in errors(app)
    assert store.documents(dossier_id) == []
    fault.off()
    app.button(key="documents_page_generate").click().run()
    assert len(store.documents(dossier_id)) == 1


def test_a_failing_restore_says_why(
    app: AppTest, store: Store, db_path: Path, dossier_id: int, fault: Fault
) -> None:
    revision = store.history(dossier_id)[-1]
    opened(app, dossier_id, "history")
    before = contents(db_path)
    fault.on()
    app.button(key=f"history_restore_{revision.id}").click().run()
    assert not app.exception
    assert NOT_SAVED_FULL in errors(app)
    assert contents(db_path) == before


def test_a_failing_new_dossier_keeps_its_name(
    app: AppTest, store: Store, db_path: Path, fault: Fault
) -> None:
    app.run()
    app.text_input(key="start_new_name").input("Digibank Rupelstreek")
    fault.on()
    app.button(key="FormSubmitter:start_create-Dossier aanmaken").click().run()
    assert not app.exception
    assert NOT_SAVED_FULL in errors(app)
    assert app.text_input(key="start_new_name").value == "Digibank Rupelstreek"
    assert store.list_dossiers() == []
    fault.off()
    app.button(key="FormSubmitter:start_create-Dossier aanmaken").click().run()
    assert [s.name for s in store.list_dossiers()] == ["Digibank Rupelstreek"]
    # The new dossier opened; back on the start page the saved name has left the field.
    app.switch_page(PAGES["start"]).run()
    assert app.text_input(key="start_new_name").value == ""


def test_a_failing_demo_or_import_says_why(app: AppTest, store: Store, db_path: Path, fault: Fault) -> None:
    app.run()
    fault.on()
    app.button(key="start_load_demo").click().run()
    assert not app.exception
    assert NOT_SAVED_FULL in errors(app)
    data = json.dumps({"identity": {"name": "Uit een bestand", "call": "voortraject"}}).encode()
    app.file_uploader(key="start_import_file").set_value(("dossier.json", data, "application/json")).run()
    app.button(key="start_import_button").click().run()
    assert not app.exception
    assert NOT_SAVED_FULL in errors(app)
    assert store.list_dossiers() == []


class Accounted:
    def __init__(self, db_path: Path, dossier_id: int) -> None:
        hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
        self.accounts = Accounts(db_path, hasher=hasher)
        self.admin = self.accounts.add_user("admin@stad.be", "Ann", PASSWORD, admin=True)
        self.bob = self.accounts.add_user("bob@stad.be", "Bob", PASSWORD)
        self.accounts.set_member(dossier_id, self.admin.id, DossierRole.COORDINATOR, by="setup")

    def logged_in(self, app: AppTest) -> AppTest:
        app.session_state["auth_token"] = self.accounts.login(self.admin.email, PASSWORD).token
        return app


def test_a_failing_login_says_why_in_dutch(
    app: AppTest, db_path: Path, dossier_id: int, fault: Fault
) -> None:
    Accounted(db_path, dossier_id)
    app.run()
    app.text_input(key="login_email").input("admin@stad.be")
    app.text_input(key="login_password").input(PASSWORD)
    fault.on("sessions", "rate_limit_entries", "rate_limit_counters")
    app.button(key="FormSubmitter:login-Aanmelden").click().run()
    assert not app.exception
    assert NOT_SAVED_FULL in errors(app)
    assert "auth_token" not in app.session_state
    assert app.text_input(key="login_email").value == "admin@stad.be"


def test_failing_member_changes_keep_the_email(
    app: AppTest, db_path: Path, dossier_id: int, fault: Fault
) -> None:
    people = Accounted(db_path, dossier_id)
    people.logged_in(app)
    opened(app, dossier_id, "members")
    app.text_input(key="members_add_email").input("bob@stad.be")
    before = contents(db_path)
    fault.on("memberships", "invitations")
    app.button(key="FormSubmitter:members_add-Toevoegen").click().run()
    assert not app.exception
    assert NOT_SAVED_FULL in errors(app)
    assert app.text_input(key="members_add_email").value == "bob@stad.be"
    app.button(key="FormSubmitter:members_invite-Uitnodigingscode maken").click().run()
    assert not app.exception
    assert NOT_SAVED_FULL in errors(app)
    assert contents(db_path) == before
    fault.off()
    app.button(key="FormSubmitter:members_add-Toevoegen").click().run()
    assert not app.exception
    assert people.accounts.role_of(dossier_id, people.bob.id) is not None


def test_a_page_that_cannot_read_the_database_says_so(
    app: AppTest, db_path: Path, dossier_id: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    opened(app, dossier_id, "partners")
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"not a database" * 1000)
    monkeypatch.setenv("WORKBENCH_DB", str(broken))
    app.run()
    assert not app.exception
    assert "De databank is niet beschikbaar: het databankbestand is beschadigd" in errors(app)


def test_invitation_lifetimes_are_checked_in_the_core(db_path: Path, dossier_id: int) -> None:
    from workbench.access.account_records import AccountError

    people = Accounted(db_path, dossier_id)
    for days in (0, -5, 91, 10**8):
        with pytest.raises(AccountError) as caught:
            people.accounts.create_invitation(
                dossier_id, DossierRole.VIEWER, by="Ann", valid_for=timedelta(days=days)
            )
        assert caught.value.reason == "members.invalid_days"
