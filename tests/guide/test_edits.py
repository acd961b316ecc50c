"""Saving through forms against a real store: validate, merge, conflicts, cascading deletes."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.demo import demo_dossiers, large_dossier
from workbench.dossier import model as m
from workbench.dossier.model import Dossier, Model
from workbench.guide import edits, forms, widget_values
from workbench.guide.form_specs import FormSpec
from workbench.store.dossiers import Store

DEMOS = {d.identity.name: d for d in [*demo_dossiers(), large_dossier(partners=40)]}


def test_custom_role_keys_are_made_from_the_label_and_unique() -> None:
    assert edits.custom_role_key("Buurtwerker (wijk)", set()) == "buurtwerker_wijk"
    assert edits.custom_role_key("Éénmalige hulp", set()) == "eenmalige_hulp"
    assert edits.custom_role_key("Trainer", {"trainer"}) == "trainer_2"
    assert edits.custom_role_key("???", set()) == "rol"


@pytest.fixture
def record(store: Store, dossier_id: int):
    return store.load(dossier_id)


def _edit(spec: FormSpec, obj: Model | None, **changes: object) -> dict[str, object]:
    return widget_values.to_widgets(spec, obj) | changes


def test_save_of_a_new_item_appends_it_with_a_new_id(store: Store, dossier_id: int, record) -> None:
    values = _edit(forms.TARGET_GROUP, None, name="Werkzoekenden", estimated_number=120)
    plan = edits.plan_save(record, forms.TARGET_GROUP, "", values, None)
    assert plan.outcome == "save" and plan.item
    store.apply(dossier_id, plan.changes, by="ann")
    (group,) = store.load(dossier_id).dossier.strategy.doelgroep.target_groups
    assert (group.id, group.name, group.estimated_number) == (plan.item, "Werkzoekenden", 120)


def test_invalid_values_are_problems_in_the_users_words(record) -> None:
    values = _edit(forms.PARTNER, None, name="", enterprise_number="123", **{"contact.email": "nope"})
    plan = edits.plan_save(record, forms.PARTNER, "", values, None)
    assert plan.outcome == "invalid" and plan.changes == []
    fields = {edits.problem_field(forms.PARTNER, p) for p in plan.problems}
    assert fields == {"name", "enterprise_number", "contact.email"}
    messages = [p.message("nl") for p in plan.problems]
    assert "Naam: mag niet leeg zijn" in messages


def test_period_rule_is_shown_at_the_end_date(record) -> None:
    identity = record.dossier.identity
    values = _edit(
        forms.IDENTITY, identity, **{"period.start": date(2024, 5, 1), "period.end": date(2024, 1, 1)}
    )
    plan = edits.plan_save(
        record, forms.IDENTITY, "", values, widget_values.snapshot(forms.IDENTITY, identity)
    )
    assert plan.outcome == "invalid"
    assert [edits.problem_field(forms.IDENTITY, p) for p in plan.problems] == ["period.end"]


def test_unchanged_form_saves_nothing(record) -> None:
    partner = record.dossier.partner("stad")
    seen = widget_values.snapshot(forms.PARTNER, partner)
    plan = edits.plan_save(
        record, forms.PARTNER, "stad", widget_values.to_widgets(forms.PARTNER, partner), seen
    )
    assert plan.outcome == "unchanged"


def test_someone_elses_change_to_the_same_part_is_a_conflict(store: Store, dossier_id: int, record) -> None:
    partner = record.dossier.partner("vzw")
    seen = widget_values.snapshot(forms.PARTNER, partner)
    theirs = edits.plan_save(
        record, forms.PARTNER, "vzw", _edit(forms.PARTNER, partner, legal_form="vzw"), seen
    )
    store.apply(dossier_id, theirs.changes, by="bob")

    newer = store.load(dossier_id)
    mine = edits.plan_save(
        newer, forms.PARTNER, "vzw", _edit(forms.PARTNER, partner, dpo_contact="dpo@x"), seen
    )
    assert (mine.outcome, mine.by, mine.changed) == ("conflict", "bob", ["legal_form"])
    assert mine.theirs is not None and mine.theirs.legal_form == "vzw"  # type: ignore[attr-defined]

    # Keeping mine: the newest version becomes the base and the save goes through.
    again = edits.plan_save(
        newer,
        forms.PARTNER,
        "vzw",
        _edit(forms.PARTNER, partner, dpo_contact="dpo@x"),
        widget_values.snapshot(forms.PARTNER, mine.theirs),
    )
    store.apply(dossier_id, again.changes, by="ann")
    saved = store.load(dossier_id).dossier.partner("vzw")
    assert saved is not None and (saved.legal_form, saved.dpo_contact) == ("", "dpo@x")


def test_changes_to_other_items_of_the_same_section_are_merged(store: Store, dossier_id: int, record) -> None:
    for name in ("Senioren", "Werkzoekenden"):
        current = store.load(dossier_id)
        plan = edits.plan_save(
            current, forms.TARGET_GROUP, "", _edit(forms.TARGET_GROUP, None, name=name), None
        )
        store.apply(dossier_id, plan.changes, by="ann")
    loaded = store.load(dossier_id)
    first, second = loaded.dossier.strategy.doelgroep.target_groups
    seen_first = widget_values.snapshot(forms.TARGET_GROUP, first)
    # Bob renames the second group and writes the narrative; Ann then edits the first group.
    bob = edits.plan_save(
        loaded,
        forms.TARGET_GROUP,
        second.id,
        _edit(forms.TARGET_GROUP, second, needs="Hulp"),
        widget_values.snapshot(forms.TARGET_GROUP, second),
    )
    store.apply(dossier_id, bob.changes, by="bob")
    newest = store.load(dossier_id)
    ann = edits.plan_save(
        newest,
        forms.TARGET_GROUP,
        first.id,
        _edit(forms.TARGET_GROUP, first, estimated_number=50),
        seen_first,
    )
    assert ann.outcome == "save"
    store.apply(dossier_id, ann.changes, by="ann")
    groups = store.load(dossier_id).dossier.strategy.doelgroep.target_groups
    assert [(g.estimated_number, g.needs) for g in groups] == [(50, ""), (None, "Hulp")]


def test_an_item_deleted_meanwhile_is_a_conflict_and_keep_mine_recreates_it(
    store: Store, dossier_id: int, record
) -> None:
    partner = record.dossier.partner("vzw")
    seen = widget_values.snapshot(forms.PARTNER, partner)
    store.apply(dossier_id, edits.plan_delete(record, forms.PARTNER, "vzw").changes, by="bob")
    newer = store.load(dossier_id)
    values = _edit(forms.PARTNER, partner, legal_form="vzw")
    conflict = edits.plan_save(newer, forms.PARTNER, "vzw", values, seen)
    assert conflict.outcome == "conflict" and conflict.theirs is None
    last = store.last_revision(dossier_id, forms.PARTNER.unit("vzw"))
    assert last is not None and (last.by, last.action) == ("bob", "delete")
    keep = edits.plan_save(newer, forms.PARTNER, "vzw", values, None)
    store.apply(dossier_id, keep.changes, by="ann")
    assert store.load(dossier_id).dossier.partner("vzw") is not None


def test_deleting_a_partner_takes_its_roles_and_unlinks_the_rest(
    store: Store, dossier_id: int, record
) -> None:
    plan = edits.plan_delete(record, forms.PARTNER, "vzw")
    assert [(c.unit.kind, c.action) for c in plan.consequences] == [("role", "delete")]
    store.apply(dossier_id, plan.changes, by="ann")
    dossier = store.load(dossier_id).dossier
    assert [p.id for p in dossier.partners] == ["stad"] and [r.id for r in dossier.roles] == ["r1"]


def test_deleting_a_custom_role_deletes_its_assignments(store: Store, small_dossier: Dossier) -> None:
    dossier = small_dossier.model_copy(
        update={
            "custom_roles": [m.CustomRole(key="buurtwerk", label="Buurtwerk")],
            "roles": [*small_dossier.roles, m.RoleAssignment(id="r3", partner_id="vzw", role="buurtwerk")],
        }
    )
    dossier_id = store.import_dossier(Dossier.model_validate(dossier.model_dump()), by="ann")
    plan = edits.plan_delete(store.load(dossier_id), forms.CUSTOM_ROLE, "buurtwerk")
    assert [(c.unit.key, c.action) for c in plan.consequences] == [("r3", "delete")]
    store.apply(dossier_id, plan.changes, by="ann")
    assert [r.id for r in store.load(dossier_id).dossier.roles] == ["r1", "r2"]


def test_new_custom_role_gets_a_key_from_its_label(store: Store, dossier_id: int, record) -> None:
    plan = edits.plan_save(record, forms.CUSTOM_ROLE, "", {"label": "Buurtwerker"}, None)
    store.apply(dossier_id, plan.changes, by="ann")
    assert store.load(dossier_id).dossier.role_keys()[-1] == "buurtwerker"


def test_deleting_an_item_removes_only_that_item(store: Store, dossier_id: int) -> None:
    record = store.load(dossier_id)
    ids = []
    for name in ("A", "B"):
        record = store.load(dossier_id)
        plan = edits.plan_save(record, forms.WERKGROEP, "", _edit(forms.WERKGROEP, None, name=name), None)
        store.apply(dossier_id, plan.changes, by="ann")
        ids.append(plan.item)
    store.apply(
        dossier_id, edits.plan_delete(store.load(dossier_id), forms.WERKGROEP, ids[0]).changes, by="ann"
    )
    assert [w.name for w in store.load(dossier_id).dossier.governance.werkgroepen] == ["B"]


def test_a_required_choice_left_empty_is_reported_as_required(record) -> None:
    values = _edit(forms.ACTIVITY, None, activity="Laptops klaarmaken")
    plan = edits.plan_save(record, forms.ACTIVITY, "", values, None)
    assert [p.message("nl") for p in plan.problems] == ["Partner: is verplicht"]
    assert [p.message("en") for p in plan.problems] == ["Partner: is required"]
