"""Forms as data: every model field has a widget, values round-trip, saves merge, deletes cascade."""

from __future__ import annotations

import typing
from datetime import date
from decimal import Decimal

import pytest

from workbench import forms
from workbench import model as m
from workbench.demo import demo_dossiers, large_dossier
from workbench.forms import Kind
from workbench.model import Dossier, Model, dangling_references
from workbench.store import Store
from workbench.units import assemble, disassemble

DEMOS = {d.identity.name: d for d in [*demo_dossiers(), large_dossier(partners=40)]}


def _leaf_fields(cls: type[Model], prefix: str = "") -> list[tuple[type[Model], str]]:
    """List (model, dotted path) of every field, descending into nested models (not lists)."""
    found = []
    for name, info in cls.model_fields.items():
        ann = info.annotation
        if isinstance(ann, type) and issubclass(ann, Model):
            found += _leaf_fields(ann, f"{prefix}{name}.")
        else:
            found.append((cls, f"{prefix}{name}"))
    return found


def _list_item_models(cls: type[Model]) -> dict[str, type[Model]]:
    out = {}
    for name, info in cls.model_fields.items():
        if typing.get_origin(info.annotation) is list:
            inner = typing.get_args(info.annotation)[0]
            if isinstance(inner, type) and issubclass(inner, Model):
                out[name] = inner
    return out


def test_every_field_of_the_dossier_model_is_edited_by_some_form() -> None:
    """Walk the dossier model: every field is a form field, a list with its own item form, or documented."""
    edited = {(spec.model, f.path) for spec in forms.ALL_FORMS for f in spec.fields}
    item_forms = {
        (spec.unit_kind, spec.section, spec.items): spec.model for spec in forms.ALL_FORMS if spec.items
    }
    missing: list[str] = []

    def visit(unit_kind: str, section: str, cls: type[Model]) -> None:
        for owner, path in _leaf_fields(cls):
            name = path.rsplit(".", 1)[-1]
            if (cls, path) in edited or f"{owner.__name__}.{name}" in forms.NOT_EDITED:
                continue
            inner = _list_item_models(owner).get(name)
            if inner is not None and item_forms.get((unit_kind, section, path)) is inner:
                visit(unit_kind, section, inner)  # edited item by item through its own form
                continue
            missing.append(f"{cls.__name__}.{path}")

    for kind, spec in forms.KINDS.items():
        if kind == "planning":  # the Budget en planning page edits it with its own tables
            assert {f"Planning.{name}" for name in m.Planning.model_fields} == set(forms.EDITED_ELSEWHERE)
            continue
        if kind == "section":
            for section, section_model in m.SECTION_MODELS.items():
                visit(kind, section, section_model)
            continue
        annotation = m.Dossier.model_fields[spec.field].annotation
        unit_model = typing.get_args(annotation)[0] if spec.key_field else annotation
        visit(kind, "", unit_model)
    assert missing == []
    # Units and the dossier itself: nothing else lives in a dossier.
    assert set(m.Dossier.model_fields) - {k.field for k in forms.KINDS.values()} == {"schema_version"}
    assert set(m.Strategy.model_fields) == set(m.SECTION_KEYS)


def test_processing_roles_are_edited_as_partners_per_gdpr_role() -> None:
    (roles,) = [f for f in forms.PROCESSING.fields if f.path == "roles"]
    assert roles.kind is Kind.GDPR_ROLES
    assert roles.widget_names() == ("roles:controller", "roles:processor", "roles:joint_controller")


@pytest.mark.parametrize("name", sorted(DEMOS))
def test_widget_values_round_trip_every_part_of_the_demo_dossiers(name: str) -> None:
    dossier = DEMOS[name]
    checked = 0
    for spec in forms.ALL_FORMS:
        for item in _items(dossier, spec):
            obj = forms.part(dossier, spec, item)
            assert obj is not None
            values = forms.to_widgets(spec, obj)
            rebuilt = spec.model.model_validate(forms.apply_values(spec, obj.model_dump(mode="json"), values))
            assert rebuilt.model_dump(mode="json") == obj.model_dump(mode="json") or spec is forms.PROCESSING
            assert forms.snapshot(spec, rebuilt) == forms.snapshot(spec, obj)
            checked += 1
    assert checked > 20


def _items(dossier: Dossier, spec: forms.FormSpec) -> list[str]:
    if spec.items:
        holder = forms.unit_model(dossier, spec.unit())
        return [x.id for x in getattr(holder, spec.items)]
    if spec.is_list:
        return [u.key for u, _ in forms.units(dossier) if u.kind == spec.unit_kind]
    return [""]


def test_new_items_start_from_the_model_defaults() -> None:
    values = forms.to_widgets(forms.DEVICE, None)
    assert values == {
        "device_type": "",
        "source": "",
        "collected": 0,
        "refurbished": 0,
        "lent": 0,
        "end_of_life": "",
    }
    assert forms.to_widgets(forms.INDICATOR, None)["type"] == "output"
    assert forms.to_widgets(forms.PARTNER, None)["representative.mandate.decision_date"] is None


def test_widget_values_become_model_input() -> None:
    values = forms.to_widgets(forms.ROLE, None) | {
        "partner_id": "stad",
        "role": "trainer",
        "objectives": ["vaardigheden"],
        "budget.loonkosten": 1234.5,
        "budget.werkingskosten": None,
    }
    data = forms.apply_values(forms.ROLE, {"id": "r9"}, values)
    role = m.RoleAssignment.model_validate(data)
    assert role.budget.loonkosten == Decimal("1234.50")
    assert role.budget.werkingskosten == Decimal(0)  # emptied: back to the default
    identity = forms.apply_values(
        forms.IDENTITY,
        {},
        forms.to_widgets(forms.IDENTITY, None)
        | {"name": "X", "call": "voortraject", "werkingsgebied": " Mortsel \n\nEdegem\n"},
    )
    assert identity["werkingsgebied"] == ["Mortsel", "Edegem"]
    partner = forms.apply_values(
        forms.PARTNER, {"id": "p"}, forms.to_widgets(forms.PARTNER, None) | {"name": "P"}
    )
    assert m.Partner.model_validate(partner).enterprise_number is None


def test_custom_role_keys_are_made_from_the_label_and_unique() -> None:
    assert forms.custom_role_key("Buurtwerker (wijk)", set()) == "buurtwerker_wijk"
    assert forms.custom_role_key("Éénmalige hulp", set()) == "eenmalige_hulp"
    assert forms.custom_role_key("Trainer", {"trainer"}) == "trainer_2"
    assert forms.custom_role_key("???", set()) == "rol"


# ---------------------------------------------------------------- planning saves against a real store


@pytest.fixture
def record(store: Store, dossier_id: int):
    return store.load(dossier_id)


def _edit(spec: forms.FormSpec, obj: Model | None, **changes: object) -> dict[str, object]:
    return forms.to_widgets(spec, obj) | changes


def test_save_of_a_new_item_appends_it_with_a_new_id(store: Store, dossier_id: int, record) -> None:
    values = _edit(forms.TARGET_GROUP, None, name="Werkzoekenden", estimated_number=120)
    plan = forms.plan_save(record, forms.TARGET_GROUP, "", values, None)
    assert plan.outcome == "save" and plan.item
    store.apply(dossier_id, plan.changes, by="ann")
    (group,) = store.load(dossier_id).dossier.strategy.doelgroep.target_groups
    assert (group.id, group.name, group.estimated_number) == (plan.item, "Werkzoekenden", 120)


def test_invalid_values_are_problems_in_the_users_words(record) -> None:
    values = _edit(forms.PARTNER, None, name="", enterprise_number="123", **{"contact.email": "nope"})
    plan = forms.plan_save(record, forms.PARTNER, "", values, None)
    assert plan.outcome == "invalid" and plan.changes == []
    fields = {forms.problem_field(forms.PARTNER, p) for p in plan.problems}
    assert fields == {"name", "enterprise_number", "contact.email"}
    messages = [p.message("nl") for p in plan.problems]
    assert "Naam: mag niet leeg zijn" in messages


def test_period_rule_is_shown_at_the_end_date(record) -> None:
    identity = record.dossier.identity
    values = _edit(
        forms.IDENTITY, identity, **{"period.start": date(2024, 5, 1), "period.end": date(2024, 1, 1)}
    )
    plan = forms.plan_save(record, forms.IDENTITY, "", values, forms.snapshot(forms.IDENTITY, identity))
    assert plan.outcome == "invalid"
    assert [forms.problem_field(forms.IDENTITY, p) for p in plan.problems] == ["period.end"]


def test_unchanged_form_saves_nothing(record) -> None:
    partner = record.dossier.partner("stad")
    seen = forms.snapshot(forms.PARTNER, partner)
    plan = forms.plan_save(record, forms.PARTNER, "stad", forms.to_widgets(forms.PARTNER, partner), seen)
    assert plan.outcome == "unchanged"


def test_someone_elses_change_to_the_same_part_is_a_conflict(store: Store, dossier_id: int, record) -> None:
    partner = record.dossier.partner("vzw")
    seen = forms.snapshot(forms.PARTNER, partner)
    theirs = forms.plan_save(
        record, forms.PARTNER, "vzw", _edit(forms.PARTNER, partner, legal_form="vzw"), seen
    )
    store.apply(dossier_id, theirs.changes, by="bob")

    newer = store.load(dossier_id)
    mine = forms.plan_save(
        newer, forms.PARTNER, "vzw", _edit(forms.PARTNER, partner, dpo_contact="dpo@x"), seen
    )
    assert (mine.outcome, mine.by, mine.changed) == ("conflict", "bob", ["legal_form"])
    assert mine.theirs is not None and mine.theirs.legal_form == "vzw"  # type: ignore[attr-defined]

    # Keeping mine: the newest version becomes the base and the save goes through.
    again = forms.plan_save(
        newer,
        forms.PARTNER,
        "vzw",
        _edit(forms.PARTNER, partner, dpo_contact="dpo@x"),
        forms.snapshot(forms.PARTNER, mine.theirs),
    )
    store.apply(dossier_id, again.changes, by="ann")
    saved = store.load(dossier_id).dossier.partner("vzw")
    assert saved is not None and (saved.legal_form, saved.dpo_contact) == ("", "dpo@x")


def test_changes_to_other_items_of_the_same_section_are_merged(store: Store, dossier_id: int, record) -> None:
    for name in ("Senioren", "Werkzoekenden"):
        current = store.load(dossier_id)
        plan = forms.plan_save(
            current, forms.TARGET_GROUP, "", _edit(forms.TARGET_GROUP, None, name=name), None
        )
        store.apply(dossier_id, plan.changes, by="ann")
    loaded = store.load(dossier_id)
    first, second = loaded.dossier.strategy.doelgroep.target_groups
    seen_first = forms.snapshot(forms.TARGET_GROUP, first)
    # Bob renames the second group and writes the narrative; Ann then edits the first group.
    bob = forms.plan_save(
        loaded,
        forms.TARGET_GROUP,
        second.id,
        _edit(forms.TARGET_GROUP, second, needs="Hulp"),
        forms.snapshot(forms.TARGET_GROUP, second),
    )
    store.apply(dossier_id, bob.changes, by="bob")
    newest = store.load(dossier_id)
    ann = forms.plan_save(
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
    seen = forms.snapshot(forms.PARTNER, partner)
    store.apply(dossier_id, forms.plan_delete(record, forms.PARTNER, "vzw").changes, by="bob")
    newer = store.load(dossier_id)
    values = _edit(forms.PARTNER, partner, legal_form="vzw")
    conflict = forms.plan_save(newer, forms.PARTNER, "vzw", values, seen)
    assert conflict.outcome == "conflict" and conflict.theirs is None
    last = store.last_revision(dossier_id, forms.PARTNER.unit("vzw"))
    assert last is not None and (last.by, last.action) == ("bob", "delete")
    keep = forms.plan_save(newer, forms.PARTNER, "vzw", values, None)
    store.apply(dossier_id, keep.changes, by="ann")
    assert store.load(dossier_id).dossier.partner("vzw") is not None


# ---------------------------------------------------------------- deleting with everything that refers to it


@pytest.mark.parametrize("name", sorted(DEMOS)[:4])
def test_deleting_any_partner_leaves_no_dangling_reference(name: str) -> None:
    dossier = DEMOS[name]
    for partner in dossier.partners:
        obj, consequences = forms.deletion(dossier, forms.PARTNER, partner.id)
        assert obj == partner
        state = disassemble(dossier)
        del state[forms.PARTNER.unit(partner.id)]
        for c in consequences:
            if c.action == "delete":
                del state[c.unit]
            else:
                state[c.unit] = c.model.model_dump(mode="json")
        after = assemble(state)  # validates: a dangling reference would raise here
        assert dangling_references(after) == []


def test_deleting_a_partner_takes_its_roles_and_unlinks_the_rest(
    store: Store, dossier_id: int, record
) -> None:
    plan = forms.plan_delete(record, forms.PARTNER, "vzw")
    assert [(c.unit.kind, c.action) for c in plan.consequences] == [("role", "delete")]
    store.apply(dossier_id, plan.changes, by="ann")
    dossier = store.load(dossier_id).dossier
    assert [p.id for p in dossier.partners] == ["stad"] and [r.id for r in dossier.roles] == ["r1"]


def test_deleting_a_target_group_unlinks_it_from_outreach_channels() -> None:
    dossier = DEMOS["Digibank ZORA Werkt"]
    channel = next(c for c in dossier.strategy.outreach.channels if c.target_group_ids)
    group = channel.target_group_ids[0]
    obj, consequences = forms.deletion(dossier, forms.TARGET_GROUP, group)
    assert obj is not None and [(c.unit.key, c.action) for c in consequences] == [("outreach", "unlink")]
    assert all(group not in c.target_group_ids for c in consequences[0].model.channels)  # type: ignore[attr-defined]


def test_deleting_a_custom_role_deletes_its_assignments(store: Store, small_dossier: Dossier) -> None:
    dossier = small_dossier.model_copy(
        update={
            "custom_roles": [m.CustomRole(key="buurtwerk", label="Buurtwerk")],
            "roles": [*small_dossier.roles, m.RoleAssignment(id="r3", partner_id="vzw", role="buurtwerk")],
        }
    )
    dossier_id = store.import_dossier(Dossier.model_validate(dossier.model_dump()), by="ann")
    plan = forms.plan_delete(store.load(dossier_id), forms.CUSTOM_ROLE, "buurtwerk")
    assert [(c.unit.key, c.action) for c in plan.consequences] == [("r3", "delete")]
    store.apply(dossier_id, plan.changes, by="ann")
    assert [r.id for r in store.load(dossier_id).dossier.roles] == ["r1", "r2"]


def test_new_custom_role_gets_a_key_from_its_label(store: Store, dossier_id: int, record) -> None:
    plan = forms.plan_save(record, forms.CUSTOM_ROLE, "", {"label": "Buurtwerker"}, None)
    store.apply(dossier_id, plan.changes, by="ann")
    assert store.load(dossier_id).dossier.role_keys()[-1] == "buurtwerker"


def test_deleting_an_item_removes_only_that_item(store: Store, dossier_id: int) -> None:
    record = store.load(dossier_id)
    ids = []
    for name in ("A", "B"):
        record = store.load(dossier_id)
        plan = forms.plan_save(record, forms.WERKGROEP, "", _edit(forms.WERKGROEP, None, name=name), None)
        store.apply(dossier_id, plan.changes, by="ann")
        ids.append(plan.item)
    store.apply(
        dossier_id, forms.plan_delete(store.load(dossier_id), forms.WERKGROEP, ids[0]).changes, by="ann"
    )
    assert [w.name for w in store.load(dossier_id).dossier.governance.werkgroepen] == ["B"]
