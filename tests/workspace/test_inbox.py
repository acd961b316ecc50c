"""What is new for whom: comments, replies, resolve, reopen, verdicts, documents, requests, assignments."""

from __future__ import annotations

import pytest

from tests.workspace.conftest import People
from workbench.access.permissions import AccessDenied, DossierRole
from workbench.collab.reviews import Anchor, ReviewError, ReviewStatus
from workbench.store.dossiers import Store
from workbench.workspace import Workspace
from workbench.workspace.inbox import INBOX_LIMIT


def _new(people: People, name: str) -> list[tuple[str, str]]:
    return [(i.kind, i.who) for i in people.workspace(name).inbox() if i.unread]


def test_a_reply_by_the_coordinator_is_new_for_the_coach_until_read(people: People) -> None:
    coach, coordinator = people.workspace("coach"), people.workspace("coordinator")
    thread = coach.start_thread(people.dossier_id, Anchor(step="doelgroep"), "Hoeveel senioren?")
    assert _new(people, "coach") == []  # what you did yourself is not news
    assert _new(people, "coordinator") == [("comment", "Coach")]
    coordinator.reply(people.dossier_id, thread.id, "Een 1.200, zie de tabel.")
    (item,) = [i for i in coach.inbox() if i.unread]
    assert (item.kind, item.who, item.text, item.step) == (
        "reply",
        "Coordinator",
        "Een 1.200, zie de tabel.",
        "doelgroep",
    )
    coach.mark_read([item])
    assert _new(people, "coach") == []
    coordinator.resolve(people.dossier_id, thread.id)
    assert _new(people, "coach") == [("resolved", "Coordinator")]  # newer activity: unread again
    coach.mark_threads_read(people.dossier_id, [thread.id])
    coordinator.reopen(people.dossier_id, thread.id)
    assert _new(people, "coach") == [("reopened", "Coordinator")]


def test_read_marks_are_per_person(people: People) -> None:
    coach = people.workspace("coach")
    coach.start_thread(people.dossier_id, Anchor(step="doelgroep"), "Een vraag")
    viewer, coordinator = people.workspace("viewer"), people.workspace("coordinator")
    viewer.mark_read(i for i in viewer.inbox() if i.unread)
    assert _new(people, "viewer") == []
    assert _new(people, "coordinator") == [("comment", "Coach")]
    assert coordinator.unread_counts() == {people.dossier_id: 1}
    assert _new(people, "stranger") == []  # not a member: nothing of this dossier


def test_verdicts_and_documents_are_news(people: People, store: Store) -> None:
    people.workspace("coach").set_section_review(
        people.dossier_id, "doelgroep", ReviewStatus.NEEDS_WORK, "Cijfers"
    )
    coordinator = people.workspace("coordinator")
    revision, data = coordinator.generate_document(people.dossier_id, "agreement", "nl", picture=False)
    coordinator.save_document(people.dossier_id, kind="agreement", lang="nl", revision=revision, data=data)
    assert ("verdict", "Coach") in _new(people, "coordinator")
    assert ("document", "Coordinator") in _new(people, "coach")


def test_a_namesake_sees_the_verdicts_and_documents_of_the_other(people: People) -> None:
    # Two people with one display name (two "An Peeters"): what the one did is news for the other.
    # Verdicts and documents keep the account that made them; only a person's own are left out.
    namesake = people.accounts.add_user("an.peeters@elders.be", "Coach")
    people.accounts.set_member(people.dossier_id, namesake.id, DossierRole.COORDINATOR, by="setup")
    people.workspace("coach").set_section_review(
        people.dossier_id, "doelgroep", ReviewStatus.NEEDS_WORK, "Cijfers"
    )
    other = Workspace(people.path, people.accounts.get_user(namesake.id))
    revision, data = other.generate_document(people.dossier_id, "agreement", "nl", picture=False)
    other.save_document(people.dossier_id, kind="agreement", lang="nl", revision=revision, data=data)
    assert [(i.kind, i.who) for i in other.inbox() if i.unread] == [("verdict", "Coach")]
    assert ("document", "Coach") in _new(people, "coach")
    assert ("verdict", "Coach") not in _new(people, "coach")  # their own verdict is no news to them


def test_the_coordinator_asks_a_named_coach_for_a_review(people: People) -> None:
    coordinator = people.workspace("coordinator")
    assert coordinator.coaches(people.dossier_id) == [(people.ids["coach"], "Coach")]
    coordinator.request_review(people.dossier_id, people.ids["coach"], "Graag voor vrijdag")
    (item,) = [i for i in people.workspace("coach").inbox() if i.unread]
    assert (item.kind, item.who, item.text) == ("request", "Coordinator", "Graag voor vrijdag")
    with pytest.raises(ReviewError):  # only a member with the coach role
        coordinator.request_review(people.dossier_id, people.ids["viewer"])
    with pytest.raises(ReviewError):
        coordinator.request_review(people.dossier_id, people.ids["stranger"])
    with pytest.raises(AccessDenied):  # the coach does not ask themselves, nor does a viewer
        people.workspace("viewer").request_review(people.dossier_id, people.ids["coach"])


def test_a_thread_is_assigned_to_a_member(people: People) -> None:
    coach, coordinator = people.workspace("coach"), people.workspace("coordinator")
    thread = coach.start_thread(people.dossier_id, Anchor(step="partners"), "Wie tekent voor de vzw?")
    coordinator.mark_read(coordinator.inbox())
    assigned = coach.assign_thread(people.dossier_id, thread.id, people.ids["coordinator"])
    assert assigned.assignee_id == people.ids["coordinator"]
    assert _new(people, "coordinator") == [("assigned", "Coach")]
    with pytest.raises(ReviewError):
        coach.assign_thread(people.dossier_id, thread.id, people.ids["stranger"])
    with pytest.raises(AccessDenied):
        people.workspace("viewer").assign_thread(people.dossier_id, thread.id, people.ids["coach"])


def test_a_reply_changes_the_last_change_on_the_board(people: People) -> None:
    coordinator = people.workspace("coordinator")
    thread = coordinator.start_thread(people.dossier_id, Anchor(step="doelgroep"), "Eerste vraag")
    people.workspace("coach").reply(people.dossier_id, thread.id, "Antwoord van de coach")
    (row,) = coordinator.portfolio()
    assert row.updated_by == "Coach"
    assert row.unread == 1


def test_an_unread_item_never_falls_off_behind_many_newer_read_ones(people: People, store: Store) -> None:
    # A quiet dossier's question, then a busy dossier's 200 threads the coordinator has read: the
    # question stayed unread but fell beyond the newest 200, off the inbox and off the board's count.
    busy = store.import_dossier(store.load(people.dossier_id).dossier, by="setup")
    people.accounts.set_member(busy, people.ids["coordinator"], DossierRole.COORDINATOR, by="setup")
    people.accounts.set_member(busy, people.ids["coach"], DossierRole.COACH, by="setup")
    coach, coordinator = people.workspace("coach"), people.workspace("coordinator")
    quiet = coach.start_thread(people.dossier_id, Anchor(step="doelgroep"), "Een vraag die wacht")
    for n in range(INBOX_LIMIT):
        coach.start_thread(busy, Anchor(step="doelgroep"), f"Druk {n}")
    coordinator.mark_read([i for i in coordinator.inbox() if i.dossier_id == busy])
    assert [i.thread_id for i in coordinator.inbox() if i.unread] == [quiet.id]
    assert coordinator.unread_counts() == {people.dossier_id: 1}
