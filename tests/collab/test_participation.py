"""Taking part in a workshop with a code and a name: join, add ideas, dot-vote, under load."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.backends import everything_stored, rows
from tests.collab.workshop_helpers import join_as, person, refusal
from workbench.access.accounts import Accounts
from workbench.access.permissions import DossierRole
from workbench.collab.workshop import Workshops
from workbench.collab.workshop_records import (
    CODE_ALPHABET,
    IdeaKind,
    Limits,
    Workshop,
    WorkshopError,
)
from workbench.dossier.units import section_unit
from workbench.store.dossiers import Store


def test_workshop_join_accepts_a_code_typed_loosely(workshops: Workshops, workshop: Workshop) -> None:
    typed = f" {workshop.code[:3].lower()}-{workshop.code[3:].lower()} "
    joined = workshops.join(typed, "  Ann   Peeters ")
    assert joined.workshop.id == workshop.id
    assert joined.participant.name == "Ann Peeters"
    assert workshops.participant(joined.token) == joined.participant


def test_workshop_join_refuses_an_unknown_code(workshops: Workshops, workshop: Workshop) -> None:
    other = next(c for c in CODE_ALPHABET if c != workshop.code[0]) + workshop.code[1:]
    for code in (other, "", "ABC", "O0O0O0", workshop.code + "X"):
        with pytest.raises(WorkshopError) as refused:
            workshops.join(code, "Ann")
        assert refused.value.reason == "workshop.error.unknown_code"


def test_workshop_join_refuses_a_closed_workshop(
    workshops: Workshops, workshop: Workshop, store: Store
) -> None:
    token = join_as(workshops, workshop, "Ann")
    workshops.close(store, workshop.id, by="Fien")
    with pytest.raises(WorkshopError) as refused:
        workshops.join(workshop.code, "Bob")
    # A stranger cannot tell a closed code from an unknown one; a participant is told it closed.
    assert refused.value.reason == "workshop.error.unknown_code"
    with refusal("workshop.error.closed"):
        workshops.add_idea(token, "Te laat")


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("", "workshop.error.name_empty"),
        ("   \t ", "workshop.error.name_empty"),
        ("x" * 41, "workshop.error.name_too_long"),
    ],
)
def test_workshop_join_limits_the_name(
    workshops: Workshops, workshop: Workshop, name: str, reason: str
) -> None:
    with pytest.raises(WorkshopError) as refused:
        workshops.join(workshop.code, name)
    assert refused.value.reason == reason
    assert workshops.board(workshop.id).participants == 0


def test_workshop_join_refuses_when_full(db_path: Path, store: Store, dossier_id: int) -> None:
    small = Workshops(db_path, Limits(participants_per_workshop=2))
    w = small.start(store, dossier_id, "outreach", by="Fien")
    small.join(w.code, "Ann")
    small.join(w.code, "Bob")
    with refusal("workshop.error.full"):
        small.join(w.code, "Cas")


def test_workshop_token_is_not_stored_in_the_clear(
    workshops: Workshops, workshop: Workshop, db_path: Path
) -> None:
    token = join_as(workshops, workshop, "Ann")
    (stored,) = rows(db_path, "SELECT token_hash FROM workshop_participants")
    assert token not in stored["token_hash"]
    assert b"Ann" in everything_stored(db_path) and token.encode() not in everything_stored(db_path)
    assert workshops.participant("not-a-token") is None


def test_idea_added_by_a_participant_is_on_the_board(workshops: Workshops, workshop: Workshop) -> None:
    token = join_as(workshops, workshop, "Ann")
    idea = workshops.add_idea(token, "  Senioren in de wijk <b>bereiken</b> & ophalen\r\nmet de digibus ")
    assert idea.text == "Senioren in de wijk <b>bereiken</b> & ophalen\nmet de digibus"
    assert (idea.author, idea.kind) == ("Ann", IdeaKind.IDEA)
    board = workshops.board(workshop.id)
    assert [i.text for i in board.ideas] == [idea.text]
    assert workshops.view(token).mine == board.ideas  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "workshop.error.idea_empty"),
        (" \n ", "workshop.error.idea_empty"),
        ("x" * 501, "workshop.error.idea_too_long"),
    ],
)
def test_idea_text_is_limited(workshops: Workshops, workshop: Workshop, text: str, reason: str) -> None:
    token = join_as(workshops, workshop, "Ann")
    with pytest.raises(WorkshopError) as refused:
        workshops.add_idea(token, text)
    assert refused.value.reason == reason


def test_idea_needs_a_known_participant(workshops: Workshops, workshop: Workshop) -> None:
    with refusal("workshop.error.unknown_participant"):
        workshops.add_idea("forged-token", "Iets")


def test_idea_burst_is_rate_limited_per_participant(db_path: Path, store: Store, dossier_id: int) -> None:
    limited = Workshops(db_path, Limits(burst_ideas=3, burst_seconds=60))
    w = limited.start(store, dossier_id, "doelgroep", by="Fien")
    ann, bob = limited.join(w.code, "Ann").token, limited.join(w.code, "Bob").token
    for n in range(3):
        limited.add_idea(ann, f"idee {n}")
    with pytest.raises(WorkshopError) as refused:
        limited.add_idea(ann, "nog een")
    assert refused.value.reason == "workshop.error.too_fast"
    assert refused.value.message("nl") == "Even wachten: probeer het over 60 seconden opnieuw."
    limited.add_idea(bob, "Bob mag nog")  # the limit is per participant


def test_idea_burst_message_says_the_time_actually_left(db_path: Path, store: Store, dossier_id: int) -> None:
    limited = Workshops(db_path, Limits(burst_ideas=3, burst_seconds=60))
    w = limited.start(store, dossier_id, "doelgroep", by="Fien")
    ann = limited.join(w.code, "Ann").token
    start = datetime.now(UTC) - timedelta(seconds=5)
    for n in range(3):
        limited.add_idea(ann, f"idee {n}", now=start + timedelta(seconds=n))
    with pytest.raises(WorkshopError) as refused:
        limited.add_idea(ann, "nog een", now=start + timedelta(seconds=45))
    assert refused.value.message("nl") == "Even wachten: probeer het over 15 seconden opnieuw."
    with pytest.raises(WorkshopError) as refused:
        limited.add_idea(ann, "nog een", now=start + timedelta(seconds=59, milliseconds=500))
    assert refused.value.message("nl") == "Even wachten: probeer het over 1 seconde opnieuw."
    assert refused.value.message("en") == "Please wait: try again in 1 second."
    limited.add_idea(ann, "nu wel", now=start + timedelta(seconds=60, milliseconds=1))


def test_idea_count_per_participant_is_capped(db_path: Path, store: Store, dossier_id: int) -> None:
    capped = Workshops(db_path, Limits(ideas_per_participant=2))
    w = capped.start(store, dossier_id, "doelgroep", by="Fien")
    ann = capped.join(w.code, "Ann").token
    capped.add_idea(ann, "een")
    capped.add_idea(ann, "twee")
    with refusal("workshop.error.too_many_ideas"):
        capped.add_idea(ann, "drie")


def test_vote_counts_dots_per_idea(workshops: Workshops, workshop: Workshop) -> None:
    ann, bob = join_as(workshops, workshop, "Ann"), join_as(workshops, workshop, "Bob")
    first = workshops.add_idea(ann, "Digibus")
    second = workshops.add_idea(bob, "Bib")
    assert workshops.vote(ann, first.id) == 1
    assert workshops.vote(bob, first.id) == 1
    assert workshops.vote(bob, second.id) == 0
    board = workshops.board(workshop.id)
    assert [(i.text, i.votes) for i in board.ideas] == [("Digibus", 2), ("Bib", 1)]
    assert board.votes == 3


def test_vote_cannot_exceed_the_dots(workshops: Workshops, workshop: Workshop) -> None:
    ann = join_as(workshops, workshop, "Ann")
    ideas = [workshops.add_idea(ann, f"idee {n}").id for n in range(3)]
    workshops.vote(ann, ideas[0])
    workshops.vote(ann, ideas[1])
    with pytest.raises(WorkshopError) as refused:
        workshops.vote(ann, ideas[2])
    assert refused.value.message("en") == "You have used your dots (2). Take one back first."
    assert workshops.unvote(ann, ideas[0], now=datetime.now(UTC) + timedelta(seconds=2)) == 1
    assert workshops.vote(ann, ideas[2]) == 0


def test_two_taps_400_ms_apart_never_give_and_take_back_a_dot(
    workshops: Workshops, workshop: Workshop
) -> None:
    ann = join_as(workshops, workshop, "Ann")
    idea = workshops.add_idea(ann, "Digibus")
    tapped = datetime.now(UTC)
    workshops.vote(ann, idea.id, now=tapped)
    # The second tap lands on the redrawn button, which now says "take back".
    assert workshops.unvote(ann, idea.id, now=tapped + timedelta(milliseconds=400)) == workshop.dots - 1
    assert workshops.board(workshop.id).votes == 1
    assert workshops.unvote(ann, idea.id, now=tapped + timedelta(seconds=3)) == workshop.dots  # on purpose
    assert workshops.board(workshop.id).votes == 0


def test_vote_twice_on_one_idea_counts_once(workshops: Workshops, workshop: Workshop) -> None:
    ann = join_as(workshops, workshop, "Ann")
    idea = workshops.add_idea(ann, "Digibus")
    assert workshops.vote(ann, idea.id) == 1
    assert workshops.vote(ann, idea.id) == 1
    assert workshops.board(workshop.id).ideas[0].votes == 1


def test_vote_only_on_ideas_of_the_own_workshop(
    workshops: Workshops, workshop: Workshop, store: Store, dossier_id: int
) -> None:
    other = workshops.start(store, dossier_id, "outreach", by="Fien")
    foreign = workshops.add_idea(join_as(workshops, other, "Cas"), "elders")
    ann = join_as(workshops, workshop, "Ann")
    with refusal("workshop.error.unknown_idea"):
        workshops.vote(ann, foreign.id)


def test_vote_storm_from_many_threads_never_exceeds_the_dots(
    workshops: Workshops, workshop: Workshop
) -> None:
    tokens = [join_as(workshops, workshop, f"P{n}") for n in range(8)]
    ideas = [workshops.add_idea(tokens[0], f"idee {n}").id for n in range(5)]
    errors: list[BaseException] = []

    def storm(token: str) -> None:
        for idea_id in ideas * 3:  # every idea three times, from every participant at once
            try:
                workshops.vote(token, idea_id)
            except WorkshopError as refused:
                if refused.reason != "workshop.error.no_dots_left":
                    errors.append(refused)
            except BaseException as exc:  # pragma: no cover - shown in the assert
                errors.append(exc)

    threads = [threading.Thread(target=storm, args=(t,)) for t in tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    board = workshops.board(workshop.id)
    assert board.votes == len(tokens) * workshop.dots
    for token in tokens:
        assert len(workshops.view(token).my_votes) == workshop.dots  # type: ignore[union-attr]


def test_workshop_participant_needs_no_account_when_logins_are_required(
    workshops: Workshops, db_path: Path, dossier_id: int
) -> None:
    coordinator = person(db_path, dossier_id, DossierRole.COORDINATOR)
    assert Accounts(db_path).any_users()
    w = workshops.start(coordinator, dossier_id, "doelgroep", by="Coordinator")
    token = workshops.join(w.code, "Buurtbewoner").token
    idea = workshops.add_idea(token, "Wifi in het dienstencentrum")
    assert workshops.vote(token, idea.id) == w.dots - 1
    record = coordinator.load(dossier_id)
    revision = workshops.promote(
        coordinator,
        w.id,
        [idea.id],
        "Wifi in het dienstencentrum.",
        record.version(section_unit("doelgroep")),
        by="x",
    )
    latest = coordinator.history(dossier_id)[0]
    assert (latest.revision, latest.by, latest.action) == (revision, "Coordinator", "workshop")
    assert latest.note is not None and latest.note["ideas"][0]["author"] == "Buurtbewoner"
    assert latest.note["promoted_by"] == "Coordinator"  # the person logged in, whatever a page says
