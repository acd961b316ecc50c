"""Facilitating a workshop in the core: start, codes, cluster, hide, promote into the section, timer."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.collab.workshop_helpers import join_as, person, refusal
from workbench.access.permissions import AccessDenied, DossierRole
from workbench.collab.workshop import Workshops
from workbench.collab.workshop_records import (
    CODE_ALPHABET,
    CODE_LENGTH,
    IdeaKind,
    Workshop,
)
from workbench.dossier.model import TargetGroup
from workbench.dossier.units import Change, section_unit
from workbench.store.db import connect, is_postgres
from workbench.store.dossiers import EditConflict, Store


def test_workshop_code_is_short_and_unambiguous(workshop: Workshop) -> None:
    assert len(workshop.code) == CODE_LENGTH
    assert set(workshop.code) <= set(CODE_ALPHABET)
    assert not set("0O1IL") & set(CODE_ALPHABET)


def test_workshop_codes_are_stored_for_lookup_not_scanned(
    workshops: Workshops, workshop: Workshop, db_path: Path
) -> None:
    with connect(db_path) as db:
        if is_postgres(db_path):
            db.execute("SET LOCAL enable_seqscan = off")  # a table this small would be read whole anyway
            plan = db.execute("EXPLAIN SELECT * FROM workshops WHERE code = ?", [workshop.code]).fetchall()
            assert "Index Scan" in " ".join(str(row[0]) for row in plan)
        else:
            plan = db.execute(
                "EXPLAIN QUERY PLAN SELECT * FROM workshops WHERE code = ?", [workshop.code]
            ).fetchall()
            assert "USING INDEX" in " ".join(str(row[-1]) for row in plan)
    assert workshops.by_code(workshop.code.lower()) == workshop


def test_workshop_needs_a_known_section_and_sane_dots(
    workshops: Workshops, store: Store, dossier_id: int
) -> None:
    with refusal("workshop.error.unknown_section"):
        workshops.start(store, dossier_id, "partners", by="Fien")
    with refusal("workshop.error.dots"):
        workshops.start(store, dossier_id, "doelgroep", by="Fien", dots=0)


def test_ideas_are_clustered_and_unclustered(workshops: Workshops, workshop: Workshop, store: Store) -> None:
    token = join_as(workshops, workshop, "Ann")
    a, b, c = (workshops.add_idea(token, text).id for text in ("bus", "bib", "OCMW"))
    assert workshops.cluster(store, workshop.id, [a, b], " Locaties ") == 2
    workshops.cluster(store, workshop.id, [c], "Toeleiding")
    groups = workshops.board(workshop.id).clusters()
    assert [(label, sorted(i.id for i in ideas)) for label, ideas in groups] == [
        ("Locaties", [a, b]),
        ("Toeleiding", [c]),
    ]
    workshops.cluster(store, workshop.id, [c], "")
    assert workshops.board(workshop.id).clusters()[-1][0] == ""


def test_hidden_idea_leaves_the_board_and_returns_its_dots(
    workshops: Workshops, workshop: Workshop, store: Store
) -> None:
    token = join_as(workshops, workshop, "Ann")
    spam = workshops.add_idea(token, "spam")
    workshops.vote(token, spam.id)
    workshops.hide(store, workshop.id, spam.id)
    assert workshops.board(workshop.id).ideas == []
    assert workshops.view(token).dots_left == 2  # type: ignore[union-attr]
    with refusal("workshop.error.unknown_idea"):
        workshops.vote(token, spam.id)


def test_promoted_idea_lands_in_the_section_and_its_history(
    workshops: Workshops, workshop: Workshop, store: Store, dossier_id: int
) -> None:
    ann, bob = join_as(workshops, workshop, "Ann"), join_as(workshops, workshop, "Bob")
    bus = workshops.add_idea(ann, "Digibus naar de deelgemeenten")
    bib = workshops.add_idea(bob, "Spreekuur in de bib")
    workshops.vote(ann, bus.id)
    workshops.vote(bob, bus.id)
    workshops.vote(bob, bib.id)
    before = store.load(dossier_id)
    unit = section_unit("doelgroep")
    revision = workshops.promote(
        store,
        workshop.id,
        [bus.id],
        "We bereiken senioren met een digibus naar de deelgemeenten.",
        before.version(unit),
        by="Fien",
    )
    after = store.load(dossier_id)
    assert (
        after.dossier.strategy.doelgroep.narrative
        == "We bereiken senioren met een digibus naar de deelgemeenten."
    )
    assert after.revision == revision
    (latest, *_) = store.history(dossier_id)
    assert (latest.unit, latest.action, latest.by) == (unit, "workshop", "Fien")
    assert latest.note is not None
    assert latest.note["workshop"] == {"id": workshop.id, "code": workshop.code, "section": "doelgroep"}
    assert [(i["text"], i["votes"], i["author"]) for i in latest.note["ideas"]] == [
        ("Digibus naar de deelgemeenten", 2, "Ann")
    ]
    assert [(t["text"], t["votes"]) for t in latest.note["tally"]] == [
        ("Digibus naar de deelgemeenten", 2),
        ("Spreekuur in de bib", 1),
    ]
    assert workshops.board(workshop.id).promoted == {bus.id}


def test_promote_keeps_the_rest_of_the_section(
    workshops: Workshops, workshop: Workshop, store: Store, dossier_id: int
) -> None:
    record = store.load(dossier_id)
    unit = section_unit("doelgroep")
    section = record.dossier.strategy.doelgroep.model_copy(
        update={"target_groups": [TargetGroup(id="sen", name="Senioren")]}
    )
    store.save(dossier_id, Change.put(unit, section, record.version(unit)), by="ann")
    idea = workshops.add_idea(join_as(workshops, workshop, "Ann"), "Senioren eerst")
    workshops.promote(
        store, workshop.id, [idea.id], "Senioren eerst.", store.load(dossier_id).version(unit), by="Fien"
    )
    doelgroep = store.load(dossier_id).dossier.strategy.doelgroep
    assert [g.name for g in doelgroep.target_groups] == ["Senioren"]
    assert doelgroep.narrative == "Senioren eerst."


def test_promote_on_a_stale_section_raises_edit_conflict(
    workshops: Workshops, workshop: Workshop, store: Store, dossier_id: int
) -> None:
    idea = workshops.add_idea(join_as(workshops, workshop, "Ann"), "Digibus")
    unit = section_unit("doelgroep")
    loaded = store.load(dossier_id)
    section = loaded.dossier.strategy.doelgroep.model_copy(update={"narrative": "Intussen door Bob"})
    store.save(dossier_id, Change.put(unit, section, loaded.version(unit)), by="Bob")
    with pytest.raises(EditConflict) as refused:
        workshops.promote(store, workshop.id, [idea.id], "Digibus", loaded.version(unit), by="Fien")
    assert refused.value.by == "Bob"
    assert store.load(dossier_id).dossier.strategy.doelgroep.narrative == "Intussen door Bob"
    assert workshops.board(workshop.id).promoted == frozenset()


def test_promote_refuses_unknown_ideas_and_empty_text(
    workshops: Workshops, workshop: Workshop, store: Store, dossier_id: int
) -> None:
    idea = workshops.add_idea(join_as(workshops, workshop, "Ann"), "Digibus")
    version = store.load(dossier_id).version(section_unit("doelgroep"))
    with refusal("workshop.error.unknown_idea"):
        workshops.promote(store, workshop.id, [idea.id, 9999], "Digibus", version, by="Fien")
    with refusal("workshop.error.unknown_idea"):
        workshops.promote(store, workshop.id, [], "Digibus", version, by="Fien")
    with refusal("workshop.error.text_empty"):
        workshops.promote(store, workshop.id, [idea.id], "  ", version, by="Fien")


def test_promoted_formulation_wins_the_vote(
    workshops: Workshops, workshop: Workshop, store: Store, dossier_id: int
) -> None:
    a = workshops.add_formulation(store, workshop.id, "Formulering A", by="Fien")
    b = workshops.add_formulation(store, workshop.id, "Formulering B", by="Fien")
    for name in ("Ann", "Bob", "Cas"):
        workshops.vote(join_as(workshops, workshop, name), b.id)
    winner = workshops.board(workshop.id).ideas[0]
    assert (winner.id, winner.kind, winner.votes) == (b.id, IdeaKind.FORMULATION, 3)
    version = store.load(dossier_id).version(section_unit("doelgroep"))
    workshops.promote(store, workshop.id, [winner.id], winner.text, version, by="Fien")
    assert store.load(dossier_id).dossier.strategy.doelgroep.narrative == "Formulering B"
    assert a.id not in workshops.board(workshop.id).promoted


def test_workshop_round_timer_counts_down(workshops: Workshops, workshop: Workshop, store: Store) -> None:
    assert workshop.remaining() is None
    running = workshops.start_round(store, workshop.id, 300)
    assert 295 <= (running.remaining() or 0) <= 300
    assert running.round_started_at is not None
    from datetime import timedelta

    assert running.remaining(running.round_started_at + timedelta(seconds=400)) == 0
    assert workshops.stop_round(store, workshop.id).remaining() is None
    with refusal("workshop.error.round"):
        workshops.start_round(store, workshop.id, 5)


def test_workshop_facilitating_needs_the_right_to_edit_sections(
    workshops: Workshops, db_path: Path, dossier_id: int
) -> None:
    coach = person(db_path, dossier_id, DossierRole.COACH)
    with pytest.raises(AccessDenied):
        workshops.start(coach, dossier_id, "doelgroep", by="Coach")
    coordinator = person(db_path, dossier_id, DossierRole.COORDINATOR)
    w = workshops.start(coordinator, dossier_id, "doelgroep", by="Coordinator")
    for refused_call in (
        lambda: workshops.close(coach, w.id, by="Coach"),
        lambda: workshops.start_round(coach, w.id, 60),
        lambda: workshops.cluster(coach, w.id, [], "x"),
        lambda: workshops.add_formulation(coach, w.id, "Mijn versie", by="Coach"),
    ):
        with pytest.raises(AccessDenied):
            refused_call()
