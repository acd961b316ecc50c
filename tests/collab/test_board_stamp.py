"""The board's stamp: one cheap read that changes whenever what the projector shows does."""

from __future__ import annotations

from datetime import timedelta

from tests.collab.workshop_helpers import join_as
from workbench import clock
from workbench.collab.workshop import Workshops
from workbench.collab.workshop_records import Workshop
from workbench.dossier.units import section_unit
from workbench.store.dossiers import Store


def test_the_stamp_changes_with_every_change_of_the_board(
    workshops: Workshops, workshop: Workshop, store: Store
) -> None:
    seen = [workshops.stamp(workshop.id)]

    def changed() -> None:
        now = workshops.stamp(workshop.id)
        assert now != seen[-1], "the stamp missed a change"
        seen.append(now)

    assert workshops.stamp(workshop.id) == seen[0]  # nothing changed: the same stamp
    assert seen[0][0] == workshop.dossier_id
    ann = join_as(workshops, workshop, "Ann")
    changed()
    bob = join_as(workshops, workshop, "Bob")
    changed()
    a = workshops.add_idea(ann, "Digibus").id
    changed()
    b = workshops.add_idea(bob, "Bib").id
    changed()
    workshops.vote(ann, b)
    changed()
    workshops.vote(bob, a)
    changed()
    workshops.unvote(bob, a, now=clock.now() + timedelta(seconds=5))  # not a double tap
    changed()
    workshops.vote(bob, b)  # the dot taken back and another given: the same count, perhaps the same id
    changed()
    workshops.cluster(store, workshop.id, [a, b], "Locaties")
    changed()
    workshops.cluster(store, workshop.id, [b], "Toeleiding")
    changed()
    workshops.hide(store, workshop.id, a)
    changed()
    workshops.set_votes_hidden(store, workshop.id, True, by="Fien")
    changed()
    workshops.start_round(store, workshop.id, 60)
    changed()
    base = store.load(workshop.dossier_id).version(section_unit(workshop.section))
    workshops.promote(store, workshop.id, [b], "Nieuwe tekst", base, by="Fien")
    changed()
    workshops.close(store, workshop.id, by="Fien")
    changed()
    assert workshops.stamp(workshop.id) == seen[-1]
