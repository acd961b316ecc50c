"""A consent round on the phones: claims, words, refusals, the round's matrix; on both backends."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.backends import count, rows
from tests.collab.workshop_helpers import join_as, mark_ready, person, refusal
from tests.e2e.payloads import HOSTILE
from workbench.access.permissions import AccessDenied, DossierRole
from workbench.collab.consent import ConsentError, Consents
from workbench.collab.consent_round import ConsentRound, ConsentRounds
from workbench.collab.workshop import Workshops
from workbench.collab.workshop_records import Workshop
from workbench.dossier.model import DossierStatus
from workbench.dossier.records import Decision
from workbench.store.dossiers import ReadyWhileObjecting, Store
from workbench.workspace import Workspace


@pytest.fixture
def rounds(db_path: Path) -> ConsentRounds:
    return ConsentRounds(db_path)


@pytest.fixture
def opened(rounds: ConsentRounds, store: Store, workshop: Workshop) -> ConsentRound:
    return rounds.open(store, workshop.id, ["outreach", "doelgroep"], by="Fien")


def test_a_round_covers_the_chosen_sections_in_dossier_order(opened: ConsentRound) -> None:
    assert opened.sections == ("doelgroep", "outreach")
    assert opened.is_open


def test_a_workshop_has_one_open_round_and_a_round_needs_sections(
    rounds: ConsentRounds, store: Store, workshop: Workshop, opened: ConsentRound
) -> None:
    with refusal("consent_round.error.already_open"):
        rounds.open(store, workshop.id, ["doelgroep"], by="Fien")
    rounds.close(store, opened.id, by="Fien")
    with refusal("consent_round.error.no_sections"):
        rounds.open(store, workshop.id, [], by="Fien")
    with refusal("workshop.error.unknown_section"):
        rounds.open(store, workshop.id, ["budget"], by="Fien")
    assert rounds.open(store, workshop.id, ["doelgroep"], by="Fien").is_open


def test_phones_give_their_partners_words_into_the_consent_records(
    db_path: Path,
    rounds: ConsentRounds,
    store: Store,
    workshops: Workshops,
    workshop: Workshop,
    opened: ConsentRound,
) -> None:
    an, bo = join_as(workshops, workshop, "An"), join_as(workshops, workshop, "Bo")
    rounds.claim(store, an, opened.id, "stad")
    rounds.claim(store, bo, opened.id, "vzw")
    rounds.answer(store, an, opened.id, "stad", "doelgroep", "agree", "")
    rounds.answer(store, bo, opened.id, "vzw", "doelgroep", "object", "Geen cijfers per gemeente")
    latest = Consents(db_path).latest(workshop.dossier_id)
    assert latest[("doelgroep", "stad")].decision == Decision.AGREE
    assert latest[("doelgroep", "vzw")].reason == "Geen cijfers per gemeente"
    assert latest[("doelgroep", "vzw")].by == "Bo"
    table = rounds.table(opened.id, store.load(workshop.dossier_id).dossier)
    cells = {r.partner_id: (r.representative, r.cells) for r in table.rows}
    assert cells["stad"][0] == "An" and cells["vzw"][0] == "Bo"
    assert cells["vzw"][1]["doelgroep"].decision == Decision.OBJECT  # type: ignore[union-attr]
    assert cells["vzw"][1]["outreach"] is None
    assert table.answered == 2


def test_a_second_phone_claiming_a_partner_is_refused_naming_who_represents_it(
    rounds: ConsentRounds, store: Store, workshops: Workshops, workshop: Workshop, opened: ConsentRound
) -> None:
    an, bo = join_as(workshops, workshop, "An"), join_as(workshops, workshop, "Bo")
    rounds.claim(store, an, opened.id, "stad")
    with pytest.raises(Exception) as refused:
        rounds.claim(store, bo, opened.id, "stad")
    assert refused.value.reason == "consent_round.error.partner_taken"  # type: ignore[attr-defined]
    assert refused.value.message("nl").startswith(  # type: ignore[attr-defined]
        "Stad Voorbeeld wordt al vertegenwoordigd door An."
    )
    with refusal("consent_round.error.already_representing"):
        rounds.claim(store, an, opened.id, "vzw")  # one partner per phone
    rounds.claim(store, an, opened.id, "stad")  # the same choice again (a reload, a double tap): fine
    assert rounds.release(store, opened.id, "stad")  # the facilitator frees it for the right phone
    assert rounds.claim(store, bo, opened.id, "stad").partner_id == "stad"


def test_a_phone_cannot_answer_for_a_partner_it_does_not_represent(
    db_path: Path,
    rounds: ConsentRounds,
    store: Store,
    workshops: Workshops,
    workshop: Workshop,
    opened: ConsentRound,
) -> None:
    an, bo = join_as(workshops, workshop, "An"), join_as(workshops, workshop, "Bo")
    rounds.claim(store, an, opened.id, "stad")
    rounds.claim(store, bo, opened.id, "vzw")
    with refusal("consent_round.error.not_your_partner"):
        rounds.answer(store, an, opened.id, "vzw", "doelgroep", "object", "Sabotage")
    cara = join_as(workshops, workshop, "Cara")  # no partner chosen at all
    with refusal("consent_round.error.not_your_partner"):
        rounds.answer(store, cara, opened.id, "stad", "doelgroep", "agree", "")
    assert count(db_path, "consents") == 0


def test_no_word_after_the_round_closed_nor_on_a_section_outside_it(
    db_path: Path,
    rounds: ConsentRounds,
    store: Store,
    workshops: Workshops,
    workshop: Workshop,
    opened: ConsentRound,
) -> None:
    an = join_as(workshops, workshop, "An")
    rounds.claim(store, an, opened.id, "stad")
    with refusal("consent_round.error.section_not_in_round"):
        rounds.answer(store, an, opened.id, "stad", "impactmeting", "agree", "")
    rounds.close(store, opened.id, by="Fien")
    with refusal("consent_round.error.closed"):
        rounds.answer(store, an, opened.id, "stad", "doelgroep", "agree", "")
    with refusal("consent_round.error.closed"):
        rounds.claim(store, join_as(workshops, workshop, "Bo"), opened.id, "vzw")
    assert count(db_path, "consents") == 0


def test_closing_the_workshop_closes_its_round(
    rounds: ConsentRounds, store: Store, workshops: Workshops, workshop: Workshop, opened: ConsentRound
) -> None:
    an = join_as(workshops, workshop, "An")
    rounds.claim(store, an, opened.id, "stad")
    workshops.close(store, workshop.id, by="Fien")
    assert not rounds.get(opened.id).is_open
    with refusal("workshop.error.closed"):
        rounds.answer(store, an, opened.id, "stad", "doelgroep", "agree", "")


def test_a_double_submit_is_one_record_and_a_changed_word_is_the_latest(
    db_path: Path,
    rounds: ConsentRounds,
    store: Store,
    workshops: Workshops,
    workshop: Workshop,
    opened: ConsentRound,
) -> None:
    an = join_as(workshops, workshop, "An")
    rounds.claim(store, an, opened.id, "stad")
    for _ in range(3):
        rounds.answer(store, an, opened.id, "stad", "doelgroep", "agree", "")
    rounds.answer(store, an, opened.id, "stad", "doelgroep", "abstain", "")
    rounds.answer(store, an, opened.id, "stad", "doelgroep", "abstain", "")
    stored = rows(db_path, "SELECT decision, round_id FROM consents ORDER BY id")
    assert [r["decision"] for r in stored] == ["agree", "abstain"]
    assert {r["round_id"] for r in stored} == {opened.id}


def test_an_objection_without_reason_is_refused_in_the_users_language(
    rounds: ConsentRounds, store: Store, workshops: Workshops, workshop: Workshop, opened: ConsentRound
) -> None:
    an = join_as(workshops, workshop, "An")
    rounds.claim(store, an, opened.id, "stad")
    with pytest.raises(Exception) as refused:
        rounds.answer(store, an, opened.id, "stad", "doelgroep", "object", "   ")
    assert refused.value.message("nl") == "Een bezwaar heeft een reden nodig."  # type: ignore[attr-defined]
    assert refused.value.message("en") == "An objection needs a reason."  # type: ignore[attr-defined]


def test_hostile_reasons_are_stored_as_typed(
    rounds: ConsentRounds, store: Store, workshops: Workshops, workshop: Workshop, opened: ConsentRound
) -> None:
    an = join_as(workshops, workshop, "An")
    rounds.claim(store, an, opened.id, "stad")
    payload = HOSTILE
    rounds.answer(store, an, opened.id, "stad", "doelgroep", "object", payload)
    cell = rounds.table(opened.id, store.load(workshop.dossier_id).dossier).rows[0].cells["doelgroep"]
    assert cell is not None and cell.reason == payload.strip()


def test_a_phone_objection_sets_a_ready_dossier_back_and_blocks_ready(
    rounds: ConsentRounds, store: Store, workshops: Workshops, workshop: Workshop, opened: ConsentRound
) -> None:
    mark_ready(store, workshop.dossier_id)
    an = join_as(workshops, workshop, "An")
    rounds.claim(store, an, opened.id, "vzw")
    rounds.answer(store, an, opened.id, "vzw", "outreach", "object", "Te vaag")
    assert store.load(workshop.dossier_id).dossier.identity.status == DossierStatus.IN_REVIEW
    with pytest.raises(ReadyWhileObjecting):
        mark_ready(store, workshop.dossier_id)


def test_a_phone_sees_its_partner_and_answers_again_after_a_reload(
    rounds: ConsentRounds, store: Store, workshops: Workshops, workshop: Workshop, opened: ConsentRound
) -> None:
    an, bo = join_as(workshops, workshop, "An"), join_as(workshops, workshop, "Bo")
    rounds.claim(store, an, opened.id, "stad")
    rounds.answer(store, an, opened.id, "stad", "outreach", "agree", "")
    seen = rounds.phone(store, an)
    assert seen is not None and seen.partner_id == "stad"
    assert seen.answers["outreach"].decision == Decision.AGREE
    other = rounds.phone(store, bo)
    assert other is not None and other.partner_id is None and other.taken == {"stad": "An"}


def test_only_who_may_edit_sections_opens_closes_or_releases(
    db_path: Path, rounds: ConsentRounds, store: Store, workshop: Workshop, opened: ConsentRound
) -> None:
    coach = person(db_path, workshop.dossier_id, DossierRole.COACH)
    with pytest.raises(AccessDenied):
        rounds.close(coach, opened.id, by="x")
    with pytest.raises(AccessDenied):
        rounds.release(coach, opened.id, "stad")
    with pytest.raises(AccessDenied):
        coach.open_consent_round(workshop.id, ["doelgroep"])


def test_phones_claiming_one_partner_at_once_get_one_representative(
    rounds: ConsentRounds, store: Store, workshops: Workshops, workshop: Workshop, opened: ConsentRound
) -> None:
    phones = [join_as(workshops, workshop, f"Telefoon {n}") for n in range(6)]
    start = threading.Barrier(len(phones))
    outcomes: list[str] = []

    def claim(token: str) -> None:
        start.wait()
        try:
            rounds.claim(store, token, opened.id, "stad")
            outcomes.append("claimed")
        except ConsentError as exc:
            outcomes.append(exc.reason)

    threads = [threading.Thread(target=claim, args=(t,)) for t in phones]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert sorted(outcomes) == ["claimed"] + ["consent_round.error.partner_taken"] * 5


def test_phones_need_no_account_when_logins_are_required_but_facilitating_does(
    db_path: Path, store: Store, workshops: Workshops, workshop: Workshop
) -> None:
    coordinator = person(db_path, workshop.dossier_id, DossierRole.COORDINATOR)  # accounts exist now
    opened = coordinator.open_consent_round(workshop.id, ["doelgroep"])
    anonymous = Workspace(db_path, None)  # a phone: no login, only its workshop token
    token = join_as(workshops, workshop, "An")
    assert anonymous.represent_partner(token, opened.id, "stad").partner_id == "stad"
    anonymous.give_consent(token, opened.id, "stad", "doelgroep", "agree", "")
    assert coordinator.consent_round_table(opened.id).answered == 1
    with pytest.raises(AccessDenied):
        anonymous.close_consent_round(opened.id)
    with pytest.raises(AccessDenied):
        anonymous.consent_round_table(opened.id)
