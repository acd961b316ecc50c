"""A phone keeps its identity: rejoining from the same browser or under the same name adds nobody."""

from __future__ import annotations

import secrets

from tests.collab.workshop_helpers import refusal
from workbench.collab.workshop import Workshops
from workbench.collab.workshop_records import Workshop


def _browser() -> str:
    return secrets.token_urlsafe(32)  # what the server's browser cookie holds


def test_joining_again_from_the_same_browser_keeps_the_person_and_the_dots(
    workshops: Workshops, workshop: Workshop
) -> None:
    phone = _browser()
    first = workshops.join(workshop.code, "Ann", browser=phone)
    idea = workshops.add_idea(first.token, "Digibus")
    assert workshops.vote(first.token, idea.id) == workshop.dots - 1
    again = workshops.join(workshop.code, "Ann", browser=phone)
    assert again.participant == first.participant
    assert workshops.vote(again.token, idea.id) == workshop.dots - 1  # still the same dot, no new budget
    board = workshops.board(workshop.id)
    assert board.participants == 1 and board.votes == 1


def test_a_reload_finds_the_participant_from_the_browser_cookie_alone(
    workshops: Workshops, workshop: Workshop
) -> None:
    phone = _browser()
    joined = workshops.join(workshop.code, "Ann", browser=phone)
    back = workshops.rejoin(workshop.code.lower(), phone)
    assert back is not None and back.participant == joined.participant and back.token == joined.token
    assert workshops.rejoin(workshop.code, _browser()) is None  # another phone is nobody here
    assert workshops.rejoin("", phone) is None


def test_the_same_name_from_another_phone_is_refused_and_gives_no_more_dots(
    workshops: Workshops, workshop: Workshop
) -> None:
    workshops.join(workshop.code, "Ann Peeters", browser=_browser())
    for name in ("Ann Peeters", "ann  peeters", "ANN PEETERS"):
        with refusal("workshop.error.name_taken"):
            workshops.join(workshop.code, name, browser=_browser())
        with refusal("workshop.error.name_taken"):
            workshops.join(workshop.code, name)  # without a cookie too
    assert workshops.board(workshop.id).participants == 1


def test_a_browser_joins_each_workshop_as_its_own_participant(
    workshops: Workshops, workshop: Workshop, store: object, dossier_id: int
) -> None:
    phone = _browser()
    other = workshops.start(store, dossier_id, "outreach", by="Fien", dots=2)  # type: ignore[arg-type]
    here = workshops.join(workshop.code, "Ann", browser=phone)
    there = workshops.join(other.code, "Ann", browser=phone)
    assert here.participant.id != there.participant.id
    assert workshops.rejoin(other.code, phone).participant.workshop_id == other.id  # type: ignore[union-attr]


def test_an_anonymous_idea_keeps_no_name_but_counts_against_its_author_limits(
    workshops: Workshops, workshop: Workshop
) -> None:
    token = workshops.join(workshop.code, "Ann Peeters", browser=_browser()).token
    idea = workshops.add_idea(token, "Een gevoelig punt", anonymous=True)
    assert idea.author == ""  # the name is not stored with the idea
    (shown,) = workshops.board(workshop.id).ideas
    assert shown.author == "" and "Ann" not in repr(shown)
    view = workshops.view(token)
    assert view is not None and [i.text for i in view.mine] == ["Een gevoelig punt"]  # still yours
