"""A hidden vote: while it runs no count and no order reaches the room, until the facilitator reveals them."""

from __future__ import annotations

from tests.collab.workshop_helpers import join_as
from workbench.collab.workshop import Workshops
from workbench.collab.workshop_records import Workshop
from workbench.store.dossiers import Store


def test_a_hidden_vote_shows_no_count_nor_order_until_revealed(
    workshops: Workshops, workshop: Workshop, store: Store
) -> None:
    ann, bob = join_as(workshops, workshop, "Ann"), join_as(workshops, workshop, "Bob")
    first, second = workshops.add_idea(ann, "Bib"), workshops.add_idea(bob, "Digibus")
    workshops.set_votes_hidden(store, workshop.id, True, by="Fien")
    workshops.vote(ann, second.id)
    workshops.vote(bob, second.id)

    room = workshops.room_board(workshop.id)
    assert room.hidden
    assert [(i.id, i.votes) for i in room.ideas] == [(first.id, 0), (second.id, 0)]  # oldest first
    assert room.votes == 0
    phone = workshops.view(ann)
    assert phone is not None and all(i.votes == 0 for i in phone.ideas)
    assert workshops.board(workshop.id).votes == 2  # counted all the same

    workshops.set_votes_hidden(store, workshop.id, False, by="Fien")
    revealed = workshops.room_board(workshop.id)
    assert not revealed.hidden
    assert [(i.id, i.votes) for i in revealed.ideas] == [(second.id, 2), (first.id, 0)]
    assert revealed.votes == 2
