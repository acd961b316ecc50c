"""The access matrix: every role x every action, on its own and on a foreign dossier, in the core."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from workbench.access.account_records import LastCoordinator
from workbench.access.accounts import Accounts
from workbench.access.permissions import PERMISSIONS, AccessDenied, Action, DossierRole, LoginRequired
from workbench.collab.reviews import Anchor, ReviewStatus, ThreadNotFound
from workbench.dossier.model import Dossier, Identity, Partner
from workbench.dossier.units import Change, UnitRef, item_unit, section_unit
from workbench.store.dossiers import DossierNotFound, Store
from workbench.workspace import Workspace

# Written out by hand, not derived from access.PERMISSIONS: this is the specification.
EXPECTED: dict[str, set[str]] = {
    "coordinator": {
        "read",
        "edit_section",
        "manage_partners",
        "comment",
        "export",
        "delete",
        "manage_members",
        "request_review",
    },
    "partner_editor": {"read", "edit_section", "manage_partners", "comment", "export"},
    "coach": {"read", "comment", "review", "export", "upload_template"},
    "viewer": {"read", "export"},
    "non_member": set(),
    "admin": {a.value for a in Action},
}
PEOPLE = list(EXPECTED)


class World:
    """Two partnerships; one person per role in the first ("own"), a stranger and an admin."""

    def __init__(self, path: Path, dossier: Dossier) -> None:
        self.path = path
        self.store = Store(path)
        self.accounts = Accounts(path)
        self.own = self.store.import_dossier(dossier, by="setup")
        self.foreign = self.store.import_dossier(
            Dossier(identity=Identity(name="Digibank Elders", call="voortraject")), by="setup"
        )
        self.users = {name: self.accounts.add_user(f"{name}@example.be", name.title()) for name in PEOPLE}
        self.accounts.set_admin(self.users["admin"].id, True)
        for role in DossierRole:
            self.accounts.set_member(self.own, self.users[role.value].id, role, by="setup")
        elsewhere = self.accounts.add_user("coordinator@elders.be", "Elders")
        self.accounts.set_member(self.foreign, elsewhere.id, DossierRole.COORDINATOR, by="setup")
        coach_elsewhere = self.accounts.add_user("coach@elders.be", "Coach Elders")
        self.accounts.set_member(self.foreign, coach_elsewhere.id, DossierRole.COACH, by="setup")

    def workspace(self, person: str) -> Workspace:
        user = self.accounts.get_user(self.users[person].id)
        return Workspace(self.path, user)


@pytest.fixture
def world(db_path: Path, small_dossier: Dossier) -> World:
    return World(db_path, small_dossier)


def _do(action: str, ws: Workspace, dossier_id: int) -> Callable[[], object]:
    """Return the call that performs an action, as a page would make it."""
    if action == "read":
        return lambda: ws.load(dossier_id)
    if action == "edit_section":

        def edit() -> object:
            record = ws.store.load(dossier_id)
            unit = section_unit("doelgroep")
            data = {**record.dossier.strategy.doelgroep.model_dump(mode="json"), "narrative": "Nieuw"}
            return ws.save(dossier_id, Change(unit=unit, data=data, base_version=record.version(unit)))

        return edit
    if action == "manage_partners":
        partner = Partner(id="new", name="Kringwinkel Nieuw", org_type="sociale_economie")
        return lambda: ws.save(dossier_id, Change.put(item_unit("partner", "new"), partner, 0))
    if action == "comment":
        return lambda: ws.start_thread(dossier_id, Anchor(step="doelgroep"), "Wie is de doelgroep?")
    if action == "review":
        return lambda: ws.set_section_review(dossier_id, "doelgroep", ReviewStatus.NEEDS_WORK, "Te vaag")
    if action == "export":
        return lambda: ws.export_json(dossier_id)
    if action == "delete":
        return lambda: ws.delete_dossier(dossier_id)
    if action == "manage_members":
        return lambda: ws.invite(dossier_id, DossierRole.VIEWER)
    if action == "request_review":
        coach = next(m.user_id for m in ws.accounts.members(dossier_id) if m.role == DossierRole.COACH)
        return lambda: ws.request_review(dossier_id, coach, "Graag")
    if action == "upload_template":
        template = _template("{{ dossier_name }}")
        return lambda: ws.generate_document(dossier_id, "agreement", "nl", template=template, picture=False)
    raise AssertionError(action)


def _template(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _effect_seen(world: World, action: str, dossier_id: int) -> bool:
    """Read the database to see whether the action left its mark."""
    if action == "delete":
        return dossier_id not in {s.id for s in world.store.list_dossiers()}
    dossier = world.store.load(dossier_id).dossier
    if action == "edit_section":
        return dossier.strategy.doelgroep.narrative == "Nieuw"
    if action == "manage_partners":
        return dossier.partner("new") is not None
    if action == "comment":
        return bool(world.workspace("admin").threads(dossier_id))
    if action == "review":
        return "doelgroep" in world.workspace("admin").section_reviews(dossier_id)
    if action == "manage_members":
        return bool(world.accounts.invitations(dossier_id))
    if action == "request_review":
        return bool(world.workspace("admin").review_requests(dossier_id))
    return True  # read, export and generating a document leave no mark


def test_expected_table_covers_every_role_and_action() -> None:
    assert {r.value for r in DossierRole} | {"non_member", "admin"} == set(EXPECTED)
    assert set().union(*EXPECTED.values()) <= {a.value for a in Action}


@pytest.mark.parametrize("where", ["own", "foreign"])
@pytest.mark.parametrize("action", [a.value for a in Action])
@pytest.mark.parametrize("person", PEOPLE)
def test_access_matrix(world: World, person: str, action: str, where: str) -> None:
    dossier_id = world.own if where == "own" else world.foreign
    ws = world.workspace(person)
    expected = action in EXPECTED[person] if where == "own" or person == "admin" else False
    call = _do(action, ws, dossier_id)
    if expected:
        call()
        assert _effect_seen(world, action, dossier_id)
    else:
        with pytest.raises(AccessDenied) as refused:
            call()
        assert refused.value.who == f"{person}@example.be"
        assert refused.value.action == action
        assert refused.value.dossier_id == dossier_id
        if action not in ("read", "export", "upload_template"):
            assert not _effect_seen(world, action, dossier_id)


@pytest.mark.parametrize("person", PEOPLE)
def test_access_matrix_agrees_with_the_permission_data(person: str) -> None:
    if person in ("admin", "non_member"):
        return
    assert {a.value for a in PERMISSIONS[DossierRole(person)]} == EXPECTED[person]


@pytest.mark.parametrize("person", PEOPLE)
def test_access_list_shows_only_own_dossiers(world: World, person: str) -> None:
    listed = {s.id for s in world.workspace(person).list_dossiers()}
    if person == "admin":
        assert listed == {world.own, world.foreign}
    elif person == "non_member":
        assert listed == set()
    else:
        assert listed == {world.own}


@pytest.mark.parametrize("person", ["coach", "viewer", "non_member"])
def test_access_refused_for_history_and_restore_without_edit_rights(world: World, person: str) -> None:
    ws = world.workspace(person)
    revision = world.store.history(world.own)[-1]
    if person == "non_member":
        with pytest.raises(AccessDenied):
            ws.history(world.own)
    with pytest.raises(AccessDenied):
        ws.restore_unit(world.own, revision.id)
    with pytest.raises(AccessDenied):
        ws.restore_dossier(world.own, 1)


def test_access_records_changes_under_the_person_not_the_argument(world: World) -> None:
    ws = world.workspace("partner_editor")
    record = world.store.load(world.own)
    unit = section_unit("outreach")
    data = record.dossier.strategy.outreach.model_dump(mode="json") | {"narrative": "Via OCMW"}
    ws.save(world.own, Change(unit=unit, data=data, base_version=record.version(unit)), by="Iemand Anders")
    assert world.store.history(world.own)[0].by == "Partner_Editor"


def test_access_mixed_change_needs_every_permission_it_touches(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With partner editors limited to content, a save that also deletes a partner is refused whole."""
    from workbench.access import permissions as access

    limited = dict(access.PERMISSIONS)
    limited[DossierRole.PARTNER_EDITOR] = limited[DossierRole.PARTNER_EDITOR] - {Action.MANAGE_PARTNERS}
    monkeypatch.setattr(access, "PERMISSIONS", limited)
    ws = world.workspace("partner_editor")
    record = world.store.load(world.own)
    section, partner = section_unit("outreach"), UnitRef("partner", "vzw")
    text = record.dossier.strategy.outreach.model_dump(mode="json") | {"narrative": "Via OCMW"}
    edit = Change(unit=section, data=text, base_version=record.version(section))
    drop = Change(unit=partner, data=None, base_version=record.version(partner))
    with pytest.raises(AccessDenied) as refused:
        ws.apply(world.own, [edit, drop])
    assert refused.value.action == "manage_partners"
    assert world.store.load(world.own).revision == record.revision
    ws.apply(world.own, [edit])
    assert world.store.load(world.own).dossier.strategy.outreach.narrative == "Via OCMW"


def test_access_creator_becomes_coordinator(world: World) -> None:
    ws = world.workspace("viewer")
    new_id = ws.create(Identity(name="Digibank Nieuw", call="voortraject"))
    assert ws.role(new_id) == DossierRole.COORDINATOR
    assert new_id in {s.id for s in ws.list_dossiers()}
    assert world.store.list_dossiers()[0].updated_by == "Viewer"


def test_access_unknown_dossier_is_refused_not_revealed(world: World) -> None:
    with pytest.raises(AccessDenied):
        world.workspace("coordinator").load(999)
    with pytest.raises(DossierNotFound):
        world.workspace("admin").load(999)


def test_access_thread_of_a_foreign_dossier_cannot_be_reached_through_an_own_one(world: World) -> None:
    foreign_thread = world.workspace("admin").start_thread(world.foreign, Anchor(step="partners"), "Geheim")
    ws = world.workspace("coordinator")
    with pytest.raises(ThreadNotFound):
        ws.resolve(world.own, foreign_thread.id)
    with pytest.raises(ThreadNotFound):
        ws.reply(world.own, foreign_thread.id, "Gezien")
    assert world.workspace("admin").threads(world.foreign)[0].is_open


def test_access_ends_when_the_membership_or_account_ends(world: World) -> None:
    ws = world.workspace("coach")
    ws.load(world.own)
    world.accounts.remove_member(world.own, world.users["coach"].id)
    with pytest.raises(AccessDenied):
        ws.load(world.own)
    editor = world.workspace("partner_editor")
    world.accounts.set_disabled(world.users["partner_editor"].id, True)
    with pytest.raises(AccessDenied):
        editor.load(world.own)


def test_access_keeps_a_coordinator(world: World) -> None:
    ws = world.workspace("coordinator")
    with pytest.raises(LastCoordinator):
        ws.remove_member(world.own, world.users["coordinator"].id)
    with pytest.raises(LastCoordinator):
        ws.set_member_role(world.own, world.users["coordinator"].id, DossierRole.VIEWER)
    ws.set_member_role(world.own, world.users["viewer"].id, DossierRole.COORDINATOR)
    ws.remove_member(world.own, world.users["coordinator"].id)
    assert world.accounts.role_of(world.own, world.users["coordinator"].id) is None


def test_access_user_management_is_for_admins(world: World) -> None:
    for person in PEOPLE:
        ws = world.workspace(person)
        if person == "admin":
            assert len(ws.users()) == len(PEOPLE) + 2  # and the two people of the other dossier
        else:
            with pytest.raises(AccessDenied):
                ws.users()
            with pytest.raises(AccessDenied):
                ws.set_user_admin(ws.user.id if ws.user else 0, True)


def test_access_open_mode_until_the_first_account(db_path: Path, small_dossier: Dossier) -> None:
    ws = Workspace.open_mode(db_path, "Workshop tafel 3")
    dossier_id = ws.import_dossier(small_dossier)
    ws.start_thread(dossier_id, Anchor(step="partners"), "Vraag")
    assert Store(db_path).history(dossier_id)[0].by == "Workshop tafel 3"
    with pytest.raises(AccessDenied):
        ws.invite(dossier_id, DossierRole.COACH)

    Accounts(db_path).add_user("admin@example.be", "Admin", admin=True)
    ws = Workspace.open_mode(db_path, "Workshop tafel 3")  # the next script run
    with pytest.raises(LoginRequired):
        ws.load(dossier_id)
    with pytest.raises(LoginRequired):
        ws.list_dossiers()
    with pytest.raises(LoginRequired):
        ws.create(Identity(name="Nog een", call="voortraject"))


def test_access_showing_and_reading_may_take_the_workspaces_answer_but_acting_asks_again(
    db_path: Path, small_dossier: Dossier
) -> None:
    # A page asks `can` for each of its forms and loads for each list; one Workspace (one script
    # run) asks the database once whether accounts exist.
    ws = Workspace.open_mode(db_path, "Workshop tafel 3")
    dossier_id = ws.import_dossier(small_dossier)
    assert ws.can(Action.EDIT_SECTION, dossier_id)
    Accounts(db_path).add_user("admin@example.be", "Admin", admin=True)
    assert ws.can(Action.EDIT_SECTION, dossier_id)  # this run's menu, drawn a moment ago
    assert ws.load(dossier_id).id == dossier_id  # the rest of the page this run began to draw
    record = Store(db_path).load(dossier_id)
    change = Change(
        unit=section_unit("doelgroep"),
        data={"narrative": "x"},
        base_version=record.version(section_unit("doelgroep")),
    )
    with pytest.raises(LoginRequired):
        ws.apply(dossier_id, [change])
    with pytest.raises(LoginRequired):  # once a change asked, the Workspace knows
        ws.load(dossier_id)
    # The next script run has a Workspace of its own: it neither shows nor reads.
    assert not Workspace.open_mode(db_path, "Workshop tafel 3").can(Action.READ, dossier_id)
    with pytest.raises(LoginRequired):
        Workspace.open_mode(db_path, "Workshop tafel 3").load(dossier_id)


def test_access_workspace_wraps_every_public_store_method() -> None:
    """A new Store method must be given an authorised twin in Workspace (or be listed here)."""
    not_for_pages: set[str] = set()
    public = {name for name in dir(Store) if not name.startswith("_") and callable(getattr(Store, name))}
    assert {"apply", "save_document"} <= public  # the Store's own calls and those of its parts
    # Every one has a twin written in the Workspace package (inherited ones count: the calls live by concern).
    twins = {
        name
        for name in public
        if getattr(getattr(Workspace, name, None), "__module__", "").startswith("workbench.workspace.")
    }
    assert sorted(public - twins - not_for_pages) == []


def test_access_all_actions_are_named() -> None:
    assert {a.value for a in Action} == ALL_NAMES


ALL_NAMES = {
    "read",
    "edit_section",
    "manage_partners",
    "comment",
    "review",
    "export",
    "delete",
    "manage_members",
    "upload_template",
    "request_review",
}


@pytest.mark.parametrize("person", PEOPLE)
def test_access_only_a_coach_renders_an_uploaded_template(world: World, person: str) -> None:
    """The core refuses before any child process starts, whatever a page shows or hides."""
    ws = world.workspace(person)
    template = _template("Sjabloon van {{ dossier_name }}")
    if "upload_template" in EXPECTED[person]:
        revision, data = ws.generate_document(world.own, "agreement", "nl", template=template, picture=False)
        assert revision == world.store.load(world.own).revision
        assert "Sjabloon van Digibank Test" in docx.Document(io.BytesIO(data)).paragraphs[0].text
    else:
        with pytest.raises(AccessDenied) as refused:
            ws.generate_document(world.own, "agreement", "nl", template=template, picture=False)
        assert refused.value.action == "upload_template"


@pytest.mark.parametrize("person", ["coordinator", "partner_editor", "viewer"])
def test_access_everyone_who_exports_generates_from_the_built_in_templates(world: World, person: str) -> None:
    revision, data = world.workspace(person).generate_document(world.own, "agreement", "nl", picture=False)
    assert revision == 1 and data.startswith(b"PK")
