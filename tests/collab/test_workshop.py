"""Workshop co-creation in the core: join, add ideas, dot-vote, cluster, promote, consent, summary."""

from __future__ import annotations

import io
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from docx import Document

from workbench.access.accounts import Accounts
from workbench.access.permissions import AccessDenied, DossierRole
from workbench.collab.consent import ConsentError, Consents, consent_matrix
from workbench.collab.workshop import Workshops
from workbench.collab.workshop_records import (
    CODE_ALPHABET,
    CODE_LENGTH,
    IdeaKind,
    Limits,
    Workshop,
    WorkshopError,
)
from workbench.collab.workshop_summary import summarise, summary_docx
from workbench.dossier.model import DossierStatus, TargetGroup
from workbench.dossier.records import Decision
from workbench.dossier.units import Change, identity_unit, section_unit
from workbench.refusal import Refusal
from workbench.store.dossiers import EditConflict, ReadyWhileObjecting, Store
from workbench.workspace import Workspace


@pytest.fixture
def workshops(db_path: Path) -> Workshops:
    return Workshops(db_path)


@pytest.fixture
def workshop(workshops: Workshops, store: Store, dossier_id: int) -> Workshop:
    return workshops.start(store, dossier_id, "doelgroep", by="Fien (facilitator)", dots=2)


@contextmanager
def refusal(reason: str) -> Iterator[None]:
    """Expect a workshop or consent refusal with this catalogue key."""
    with pytest.raises(Refusal) as caught:
        yield
    assert caught.value.reason == reason


def _join(workshops: Workshops, workshop: Workshop, name: str) -> str:
    return workshops.join(workshop.code, name).token


# ---------------------------------------------------------------- joining


def test_workshop_code_is_short_and_unambiguous(workshop: Workshop) -> None:
    assert len(workshop.code) == CODE_LENGTH
    assert set(workshop.code) <= set(CODE_ALPHABET)
    assert not set("0O1IL") & set(CODE_ALPHABET)


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
    token = _join(workshops, workshop, "Ann")
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


def test_workshop_codes_are_stored_for_lookup_not_scanned(
    workshops: Workshops, workshop: Workshop, db_path: Path
) -> None:
    plan = (
        sqlite3.connect(db_path)
        .execute("EXPLAIN QUERY PLAN SELECT * FROM workshops WHERE code = ?", [workshop.code])
        .fetchall()
    )
    assert "USING INDEX" in " ".join(str(row[-1]) for row in plan)
    assert workshops.by_code(workshop.code.lower()) == workshop


def test_workshop_token_is_not_stored_in_the_clear(
    workshops: Workshops, workshop: Workshop, db_path: Path
) -> None:
    token = _join(workshops, workshop, "Ann")
    stored = sqlite3.connect(db_path).execute("SELECT token_hash FROM workshop_participants").fetchone()[0]
    assert token not in stored
    assert workshops.participant("not-a-token") is None


def test_workshop_needs_a_known_section_and_sane_dots(
    workshops: Workshops, store: Store, dossier_id: int
) -> None:
    with refusal("workshop.error.unknown_section"):
        workshops.start(store, dossier_id, "partners", by="Fien")
    with refusal("workshop.error.dots"):
        workshops.start(store, dossier_id, "doelgroep", by="Fien", dots=0)


# ---------------------------------------------------------------- ideas


def test_idea_added_by_a_participant_is_on_the_board(workshops: Workshops, workshop: Workshop) -> None:
    token = _join(workshops, workshop, "Ann")
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
    token = _join(workshops, workshop, "Ann")
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


def test_idea_count_per_participant_is_capped(db_path: Path, store: Store, dossier_id: int) -> None:
    capped = Workshops(db_path, Limits(ideas_per_participant=2))
    w = capped.start(store, dossier_id, "doelgroep", by="Fien")
    ann = capped.join(w.code, "Ann").token
    capped.add_idea(ann, "een")
    capped.add_idea(ann, "twee")
    with refusal("workshop.error.too_many_ideas"):
        capped.add_idea(ann, "drie")


def test_ideas_are_clustered_and_unclustered(workshops: Workshops, workshop: Workshop, store: Store) -> None:
    token = _join(workshops, workshop, "Ann")
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
    token = _join(workshops, workshop, "Ann")
    spam = workshops.add_idea(token, "spam")
    workshops.vote(token, spam.id)
    workshops.hide(store, workshop.id, spam.id)
    assert workshops.board(workshop.id).ideas == []
    assert workshops.view(token).dots_left == 2  # type: ignore[union-attr]
    with refusal("workshop.error.unknown_idea"):
        workshops.vote(token, spam.id)


# ---------------------------------------------------------------- voting


def test_vote_counts_dots_per_idea(workshops: Workshops, workshop: Workshop) -> None:
    ann, bob = _join(workshops, workshop, "Ann"), _join(workshops, workshop, "Bob")
    first = workshops.add_idea(ann, "Digibus")
    second = workshops.add_idea(bob, "Bib")
    assert workshops.vote(ann, first.id) == 1
    assert workshops.vote(bob, first.id) == 1
    assert workshops.vote(bob, second.id) == 0
    board = workshops.board(workshop.id)
    assert [(i.text, i.votes) for i in board.ideas] == [("Digibus", 2), ("Bib", 1)]
    assert board.votes == 3


def test_vote_cannot_exceed_the_dots(workshops: Workshops, workshop: Workshop) -> None:
    ann = _join(workshops, workshop, "Ann")
    ideas = [workshops.add_idea(ann, f"idee {n}").id for n in range(3)]
    workshops.vote(ann, ideas[0])
    workshops.vote(ann, ideas[1])
    with pytest.raises(WorkshopError) as refused:
        workshops.vote(ann, ideas[2])
    assert refused.value.message("en") == "You have used your dots (2). Take one back first."
    assert workshops.unvote(ann, ideas[0]) == 1
    assert workshops.vote(ann, ideas[2]) == 0


def test_vote_twice_on_one_idea_counts_once(workshops: Workshops, workshop: Workshop) -> None:
    ann = _join(workshops, workshop, "Ann")
    idea = workshops.add_idea(ann, "Digibus")
    assert workshops.vote(ann, idea.id) == 1
    assert workshops.vote(ann, idea.id) == 1
    assert workshops.board(workshop.id).ideas[0].votes == 1


def test_vote_only_on_ideas_of_the_own_workshop(
    workshops: Workshops, workshop: Workshop, store: Store, dossier_id: int
) -> None:
    other = workshops.start(store, dossier_id, "outreach", by="Fien")
    foreign = workshops.add_idea(_join(workshops, other, "Cas"), "elders")
    ann = _join(workshops, workshop, "Ann")
    with refusal("workshop.error.unknown_idea"):
        workshops.vote(ann, foreign.id)


def test_vote_storm_from_many_threads_never_exceeds_the_dots(
    workshops: Workshops, workshop: Workshop
) -> None:
    tokens = [_join(workshops, workshop, f"P{n}") for n in range(8)]
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


# ---------------------------------------------------------------- promoting


def test_promoted_idea_lands_in_the_section_and_its_history(
    workshops: Workshops, workshop: Workshop, store: Store, dossier_id: int
) -> None:
    ann, bob = _join(workshops, workshop, "Ann"), _join(workshops, workshop, "Bob")
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
    idea = workshops.add_idea(_join(workshops, workshop, "Ann"), "Senioren eerst")
    workshops.promote(
        store, workshop.id, [idea.id], "Senioren eerst.", store.load(dossier_id).version(unit), by="Fien"
    )
    doelgroep = store.load(dossier_id).dossier.strategy.doelgroep
    assert [g.name for g in doelgroep.target_groups] == ["Senioren"]
    assert doelgroep.narrative == "Senioren eerst."


def test_promote_on_a_stale_section_raises_edit_conflict(
    workshops: Workshops, workshop: Workshop, store: Store, dossier_id: int
) -> None:
    idea = workshops.add_idea(_join(workshops, workshop, "Ann"), "Digibus")
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
    idea = workshops.add_idea(_join(workshops, workshop, "Ann"), "Digibus")
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
        workshops.vote(_join(workshops, workshop, name), b.id)
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


# ---------------------------------------------------------------- consent


@pytest.fixture
def consents(db_path: Path) -> Consents:
    return Consents(db_path)


def _mark_ready(store: Store, dossier_id: int, by: str = "ann") -> int:
    record = store.load(dossier_id)
    identity = record.dossier.identity.model_copy(update={"status": DossierStatus.READY})
    return store.save(
        dossier_id, Change.put(identity_unit(), identity, record.version(identity_unit())), by=by
    )


def test_consent_objection_requires_a_reason(consents: Consents, store: Store, dossier_id: int) -> None:
    with pytest.raises(ConsentError) as refused:
        consents.record(store, dossier_id, "doelgroep", "vzw", "object", "  ", by="Fien")
    assert refused.value.message("nl") == "Een bezwaar heeft een reden nodig."
    consents.record(store, dossier_id, "doelgroep", "vzw", Decision.ABSTAIN, "", by="Fien")
    assert consents.latest(dossier_id)[("doelgroep", "vzw")].decision == Decision.ABSTAIN


def test_consent_refuses_unknown_partner_section_or_decision(
    consents: Consents, store: Store, dossier_id: int
) -> None:
    with refusal("consent.error.unknown_partner"):
        consents.record(store, dossier_id, "doelgroep", "nobody", "agree", "", by="Fien")
    with refusal("workshop.error.unknown_section"):
        consents.record(store, dossier_id, "budget", "vzw", "agree", "", by="Fien")
    with refusal("consent.error.decision"):
        consents.record(store, dossier_id, "doelgroep", "vzw", "maybe", "", by="Fien")


def test_consent_blocks_ready_while_a_partner_objects(
    consents: Consents, store: Store, dossier_id: int
) -> None:
    consents.record(store, dossier_id, "doelgroep", "stad", "agree", "", by="Fien")
    consents.record(store, dossier_id, "outreach", "vzw", "object", "Geen toeleiding via OCMW", by="Fien")
    with pytest.raises(ReadyWhileObjecting) as refused:
        _mark_ready(store, dossier_id)
    (problem,) = refused.value.problems
    assert problem.message("nl") == (
        "Het dossier kan niet klaar zijn zolang Vzw Verbinding bezwaar maakt tegen Outreach:"
        " Geen toeleiding via OCMW"
    )
    assert "Vzw Verbinding objects to Outreach" in problem.message("en")
    assert store.load(dossier_id).dossier.identity.status == DossierStatus.CONCEPT


def test_consent_changed_to_agree_clears_the_block(consents: Consents, store: Store, dossier_id: int) -> None:
    consents.record(store, dossier_id, "outreach", "vzw", "object", "Te vaag", by="Fien")
    consents.record(store, dossier_id, "outreach", "vzw", "agree", "", by="Fien")
    _mark_ready(store, dossier_id)
    assert store.load(dossier_id).dossier.identity.status == DossierStatus.READY


def test_consent_objection_on_a_ready_dossier_sets_it_back_to_review(
    consents: Consents, store: Store, dossier_id: int
) -> None:
    _mark_ready(store, dossier_id)
    consents.record(store, dossier_id, "impactmeting", "stad", "object", "Geen nulmeting", by="Fien")
    assert store.load(dossier_id).dossier.identity.status == DossierStatus.IN_REVIEW
    assert store.history(dossier_id)[0].action == "consent"


def test_consent_of_a_removed_partner_no_longer_blocks(
    consents: Consents, store: Store, dossier_id: int
) -> None:
    consents.record(store, dossier_id, "outreach", "vzw", "object", "Te vaag", by="Fien")
    record = store.load(dossier_id)
    role = next(r for r in record.dossier.roles if r.partner_id == "vzw")
    store.apply(
        dossier_id,
        [
            Change(
                unit=("role", role.id), data=None, base_version=record.versions[f"role:{role.id}"].version
            ),
            Change(unit=("partner", "vzw"), data=None, base_version=record.versions["partner:vzw"].version),
        ],
        by="ann",
    )
    _mark_ready(store, dossier_id)


def test_consent_matrix_has_every_partner_and_section(
    consents: Consents, store: Store, dossier_id: int, db_path: Path
) -> None:
    consents.record(store, dossier_id, "doelgroep", "vzw", "object", "Eerst", by="Fien")
    consents.record(store, dossier_id, "doelgroep", "vzw", "abstain", "Toch niet", by="Fien")
    consents.record(store, dossier_id, "circulariteit", "stad", "agree", "", by="Fien")
    rows = consent_matrix(db_path, dossier_id, store.load(dossier_id).dossier)
    assert [r.partner_name for r in rows] == ["Stad Voorbeeld", "Vzw Verbinding"]
    assert len(rows[0].cells) == 7
    assert rows[1].cells["doelgroep"] is not None and rows[1].cells["doelgroep"].reason == "Toch niet"
    assert rows[0].cells["circulariteit"] is not None
    assert rows[0].cells["doelgroep"] is None
    assert all(not r.objections for r in rows)


# ---------------------------------------------------------------- summary


def test_workshop_summary_docx_shows_changed_decided_and_open(
    workshops: Workshops, workshop: Workshop, store: Store, dossier_id: int, db_path: Path
) -> None:
    ann = _join(workshops, workshop, "Ann & Co <b>")
    kept = workshops.add_idea(ann, "Digibus & bib <script>")
    workshops.add_idea(ann, "Nog te bespreken")
    workshops.vote(ann, kept.id)
    version = store.load(dossier_id).version(section_unit("doelgroep"))
    workshops.promote(store, workshop.id, [kept.id], "Digibus & bib", version, by="Fien")
    Consents(db_path).record(store, dossier_id, "doelgroep", "vzw", "object", "Te duur", by="Fien")
    workshops.close(store, workshop.id, by="Fien")

    summary = summarise(db_path, workshop.id)
    assert [i.text for i in summary.open_ideas] == ["Nog te bespreken"]
    text = "\n".join(p.text for p in Document(io.BytesIO(summary_docx(summary, "nl"))).paragraphs)
    assert "Workshop Doelgroep: samenvatting" in text
    assert "Wat veranderde" in text and "uit workshop" in text
    assert "Digibus & bib <script> (Ann & Co <b>, 1 stippen)" in text
    assert "Nog te bespreken (Ann & Co <b>, 0 stippen)" in text
    assert "Bezwaar van Vzw Verbinding tegen Doelgroep: Te duur" in text
    english = "\n".join(p.text for p in Document(io.BytesIO(summary_docx(summary, "en"))).paragraphs)
    assert "What was decided" in english


def test_workshop_summary_of_a_quiet_workshop_says_so(
    workshops: Workshops, workshop: Workshop, db_path: Path
) -> None:
    text = "\n".join(
        p.text for p in Document(io.BytesIO(summary_docx(summarise(db_path, workshop.id), "nl"))).paragraphs
    )
    assert "Niets gewijzigd in het dossier." in text
    assert "Geen open ideeën." in text


# ---------------------------------------------------------------- the consent matrix in the strategy


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_consent_matrix_appears_in_the_strategy_document(
    consents: Consents, store: Store, dossier_id: int, db_path: Path, lang: str
) -> None:
    from tests.documents.test_generate import document_text
    from workbench.documents import generate as documents

    consents.record(store, dossier_id, "doelgroep", "stad", "agree", "", by="Fien")
    consents.record(store, dossier_id, "outreach", "vzw", "object", "Kosten & baten <onduidelijk>", by="Fien")
    dossier = store.load(dossier_id).dossier
    rows = consent_matrix(db_path, dossier_id, dossier)
    text = document_text(documents.strategy(dossier, lang, consent=rows))
    heading = {"nl": "Instemming van de partners", "en": "Consent of the partners"}[lang]
    agree, objection = {"nl": ("akkoord", "bezwaar"), "en": ("agree", "object")}[lang]
    assert heading in text
    table = text.split(heading, 1)[1]
    assert f"Stad Voorbeeld\n{agree}\n–\n" in table
    assert f"Vzw Verbinding\n–\n{objection}\n" in table
    assert "Kosten & baten <onduidelijk>" in table


def test_consent_matrix_missing_from_a_document_made_without_the_database(
    store: Store, dossier_id: int
) -> None:
    from tests.documents.test_generate import document_text
    from workbench.documents import generate as documents

    text = document_text(documents.strategy(store.load(dossier_id).dossier, "nl"))
    assert "De instemming van de partners is niet opgenomen in deze versie van het document." in text


def test_consent_matrix_reaches_the_strategy_from_the_cli(
    consents: Consents, store: Store, dossier_id: int, db_path: Path, tmp_path: Path
) -> None:
    from click.testing import CliRunner

    from tests.documents.test_generate import document_text
    from workbench.cli.main import main

    consents.record(store, dossier_id, "impactmeting", "vzw", "object", "Geen nulmeting", by="Fien")
    out = tmp_path / "strategie.docx"
    args = ["strategy", str(dossier_id), "-o", str(out), "--no-picture", "--db", str(db_path)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Geen nulmeting" in document_text(out.read_bytes())


def test_workshop_summary_of_a_busy_workshop_fits_on_one_page(
    db_path: Path, store: Store, dossier_id: int
) -> None:
    import re

    from workbench.documents import generate as documents

    if documents.pdf_unavailable_reason():
        pytest.skip("LibreOffice is not installed")
    busy = Workshops(db_path, Limits(burst_ideas=1000, ideas_per_participant=1000))
    w = busy.start(store, dossier_id, "doelgroep", by="Fien")
    tokens = [busy.join(w.code, f"Deelnemer met een lange naam {n}").token for n in range(12)]
    long_idea = "Een digibus die elke week langs de deelgemeenten rijdt, met spreekuren in de bib " * 6
    ideas = [busy.add_idea(t, f"{long_idea[:490]} {n}").id for n, t in enumerate(tokens * 4)]
    for token in tokens:
        busy.vote(token, ideas[0])
    for n in range(10):
        version = store.load(dossier_id).version(section_unit("doelgroep"))
        busy.promote(store, w.id, [ideas[n]], f"Tekst {n}", version, by="Fien")
    for partner in ("stad", "vzw"):
        for section in ("doelgroep", "outreach", "impactmeting", "circulariteit"):
            Consents(db_path).record(store, dossier_id, section, partner, "object", "Te vaag " * 100, by="F")
    pdf = documents.to_pdf(summary_docx(summarise(db_path, w.id), "nl"))
    assert pdf is not None
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


# ---------------------------------------------------------------- with accounts


def _person(db_path: Path, dossier_id: int, role: DossierRole) -> Workspace:
    accounts = Accounts(db_path)
    user = accounts.add_user(f"{role.value}@example.be", role.value.title())
    accounts.set_member(dossier_id, user.id, role, by="setup")
    return Workspace(db_path, accounts.get_user(user.id))


def test_workshop_facilitating_needs_the_right_to_edit_sections(
    workshops: Workshops, db_path: Path, dossier_id: int
) -> None:
    coach = _person(db_path, dossier_id, DossierRole.COACH)
    with pytest.raises(AccessDenied):
        workshops.start(coach, dossier_id, "doelgroep", by="Coach")
    coordinator = _person(db_path, dossier_id, DossierRole.COORDINATOR)
    w = workshops.start(coordinator, dossier_id, "doelgroep", by="Coordinator")
    for refused_call in (
        lambda: workshops.close(coach, w.id, by="Coach"),
        lambda: workshops.start_round(coach, w.id, 60),
        lambda: workshops.cluster(coach, w.id, [], "x"),
        lambda: workshops.add_formulation(coach, w.id, "Mijn versie", by="Coach"),
    ):
        with pytest.raises(AccessDenied):
            refused_call()


def test_workshop_participant_needs_no_account_when_logins_are_required(
    workshops: Workshops, db_path: Path, dossier_id: int
) -> None:
    coordinator = _person(db_path, dossier_id, DossierRole.COORDINATOR)
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


def test_consent_is_recorded_by_someone_who_may_edit(db_path: Path, dossier_id: int) -> None:
    viewer = _person(db_path, dossier_id, DossierRole.VIEWER)
    with pytest.raises(AccessDenied):
        Consents(db_path).record(viewer, dossier_id, "doelgroep", "vzw", "agree", "", by="Viewer")
    editor = _person(db_path, dossier_id, DossierRole.PARTNER_EDITOR)
    Consents(db_path).record(editor, dossier_id, "doelgroep", "vzw", "agree", "", by="Somebody Else")
    assert Consents(db_path).latest(dossier_id)[("doelgroep", "vzw")].by == "Partner_Editor"
