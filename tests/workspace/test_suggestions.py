"""A coach cannot save but suggests wording; the coordinator accepts it as a versioned save or declines it."""

from __future__ import annotations

import pytest

from tests.workspace.conftest import People
from workbench.access.permissions import AccessDenied
from workbench.collab.review_records import Anchor, EntryKind, ReviewError
from workbench.collab.suggestions import SuggestionDecided, SuggestionStatus, Target
from workbench.collab.thread_places import where
from workbench.dossier.records import EditConflict, InvalidChange
from workbench.dossier.units import Change, section_unit
from workbench.guide import forms
from workbench.store.dossiers import Store

NARRATIVE = Target(form=forms.SECTIONS["doelgroep"].own.key, item="", field="narrative")


def _narrative(store: Store, dossier_id: int) -> str:
    return store.load(dossier_id).dossier.strategy.doelgroep.narrative


def test_the_server_refuses_a_coach_and_a_viewer_saving_a_section(people: People, store: Store) -> None:
    record = store.load(people.dossier_id)
    unit = section_unit("doelgroep")
    data = record.dossier.strategy.doelgroep.model_dump(mode="json") | {"narrative": "Van de coach"}
    for name in ("coach", "viewer"):
        with pytest.raises(AccessDenied):
            people.workspace(name).apply(people.dossier_id, [Change(unit=unit, data=data, base_version=1)])
    assert _narrative(store, people.dossier_id) == ""


def test_coach_suggests_and_coordinator_accepts_as_a_versioned_save(people: People, store: Store) -> None:
    coach, coordinator = people.workspace("coach"), people.workspace("coordinator")
    thread = coach.suggest(people.dossier_id, NARRATIVE, "Senioren <b>zonder</b> internet\nin Boom", "Zo?")
    assert thread.anchor.step == "doelgroep" and thread.anchor.field == "narrative"
    (suggestion,) = coordinator.suggestions(people.dossier_id).values()
    assert suggestion.is_open and suggestion.original == "" and suggestion.proposed.startswith("Senioren <b>")
    version = store.load(people.dossier_id).version(section_unit("doelgroep"))
    revision = coordinator.accept_suggestion(people.dossier_id, thread.id, version)
    assert _narrative(store, people.dossier_id) == "Senioren <b>zonder</b> internet\nin Boom"
    accepted = coordinator.suggestion(people.dossier_id, thread.id)
    assert accepted is not None and accepted.status == SuggestionStatus.ACCEPTED
    assert accepted.decided_by == "Coordinator" and accepted.revision == revision
    newest = store.history(people.dossier_id, limit=1)[0]
    assert newest.by == "Coordinator" and newest.revision == revision
    assert not coordinator.reviews.thread(people.dossier_id, thread.id).is_open
    with pytest.raises(SuggestionDecided):  # never twice
        coordinator.accept_suggestion(people.dossier_id, thread.id, version + 1)


def test_a_stale_base_is_refused_and_the_suggestion_stays_open(people: People, store: Store) -> None:
    coach, coordinator = people.workspace("coach"), people.workspace("coordinator")
    thread = coach.suggest(people.dossier_id, NARRATIVE, "Voorstel van de coach")
    seen = store.load(people.dossier_id).version(section_unit("doelgroep"))
    record = store.load(people.dossier_id)
    data = record.dossier.strategy.doelgroep.model_dump(mode="json") | {"narrative": "Intussen bewaard"}
    store.apply(
        people.dossier_id, [Change(unit=section_unit("doelgroep"), data=data, base_version=seen)], by="Pat"
    )
    with pytest.raises(EditConflict) as refused:
        coordinator.accept_suggestion(people.dossier_id, thread.id, seen)
    assert refused.value.by == "Pat"
    assert _narrative(store, people.dossier_id) == "Intussen bewaard"
    assert coordinator.suggestion(people.dossier_id, thread.id).is_open  # type: ignore[union-attr]


def test_a_coach_may_not_accept_and_the_coordinator_declines(people: People, store: Store) -> None:
    coach, coordinator = people.workspace("coach"), people.workspace("coordinator")
    thread = coach.suggest(people.dossier_id, NARRATIVE, "Voorstel")
    version = store.load(people.dossier_id).version(section_unit("doelgroep"))
    with pytest.raises(AccessDenied):
        coach.accept_suggestion(people.dossier_id, thread.id, version)
    with pytest.raises(AccessDenied):
        people.workspace("viewer").suggest(people.dossier_id, NARRATIVE, "Ook iets")
    declined = coordinator.decline_suggestion(people.dossier_id, thread.id)
    assert declined.status == SuggestionStatus.DECLINED and declined.decided_by == "Coordinator"
    assert _narrative(store, people.dossier_id) == ""
    with pytest.raises(SuggestionDecided):
        coordinator.accept_suggestion(people.dossier_id, thread.id, version)


def test_a_suggestion_for_one_item_of_a_list(people: People, store: Store) -> None:
    target = Target(form=forms.PARTNER.key, item="vzw", field="name")
    coach, coordinator = people.workspace("coach"), people.workspace("coordinator")
    thread = coach.suggest(people.dossier_id, target, "Vzw Verbinding Boom")
    assert thread.anchor.step == "partners"
    version = store.load(people.dossier_id).version(forms.PARTNER.unit("vzw"))
    coordinator.accept_suggestion(people.dossier_id, thread.id, version)
    assert store.load(people.dossier_id).dossier.partner("vzw").name == "Vzw Verbinding Boom"  # type: ignore[union-attr]


def test_a_suggestion_for_one_item_is_pinned_to_that_item(people: People, store: Store) -> None:
    # Which of the two partners? The thread says so in the comment list, the filters and the Word file.
    target = Target(form=forms.PARTNER.key, item="vzw", field="name")
    thread = people.workspace("coach").suggest(people.dossier_id, target, "Vzw Verbinding Boom")
    assert thread.anchor.item == "vzw"
    stored = people.workspace("coordinator").reviews.thread(people.dossier_id, thread.id)
    assert stored.anchor == Anchor(step="partners", field="name", item="vzw")
    dossier = store.load(people.dossier_id).dossier
    assert "Vzw Verbinding" in where(stored, dossier, "nl")
    singleton = Target(form=forms.IDENTITY.key, item="", field="name")
    assert people.workspace("coach").suggest(people.dossier_id, singleton, "Digibank X").anchor.item is None


def test_a_forged_item_on_a_form_without_items_is_refused(people: People) -> None:
    forged = Target(form=forms.IDENTITY.key, item="../andere", field="name")
    with pytest.raises(ReviewError):
        people.workspace("coach").suggest(people.dossier_id, forged, "Digibank X")


def test_a_suggestion_the_field_refuses_is_refused_when_made_not_at_acceptance(
    people: People, store: Store
) -> None:
    # 5,000 characters for a name of at most 200: it stayed open with an accept button that always failed.
    too_long = Target(form=forms.IDENTITY.key, item="", field="name")
    with pytest.raises(InvalidChange):
        people.workspace("coach").suggest(people.dossier_id, too_long, "N" * 5000)
    assert people.workspace("coordinator").suggestions(people.dossier_id) == {}


def test_deciding_a_suggestion_whose_thread_was_resolved_resolves_it_once(people: People) -> None:
    coach, coordinator = people.workspace("coach"), people.workspace("coordinator")
    thread = coach.suggest(people.dossier_id, NARRATIVE, "Voorstel")
    coordinator.resolve(people.dossier_id, thread.id)
    coordinator.decline_suggestion(people.dossier_id, thread.id)
    kinds = [e.kind for e in coordinator.reviews.thread(people.dossier_id, thread.id).entries]
    assert kinds.count(EntryKind.RESOLVED) == 1  # no second "resolved" in the thread nor in the inbox
