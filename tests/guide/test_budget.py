"""Budget per partner and cost category, and budget and planning edits saved through the store."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pandas as pd
import pytest

from workbench.demo import demo_dossiers
from workbench.dossier.model import Budget, Dossier, Partner, RoleAssignment
from workbench.dossier.units import Change, item_unit
from workbench.guide.budget import (
    budget_changes_on,
    budget_table,
    changes_for_budget_edits,
    milestone_rows,
    money,
    partner_choices,
    planning_change,
    planning_from_rows,
    role_lines,
)
from workbench.store.dossiers import EditConflict, InvalidChange, Store


def test_budget_table_sums_roles_per_partner_and_category(small_dossier: Dossier) -> None:
    dossier = small_dossier.model_copy(
        update={
            "roles": [
                RoleAssignment(id="r1", partner_id="stad", role="promotor", budget=Budget(loonkosten=100)),
                RoleAssignment(
                    id="r3", partner_id="stad", role="trainer", budget=Budget(loonkosten=50, werkingskosten=5)
                ),
                RoleAssignment(
                    id="r2", partner_id="vzw", role="toeleider", budget=Budget(externe_prestaties="12.5")
                ),
            ]
        }
    )
    table = budget_table(dossier)
    assert [(r.partner, r.amounts["loonkosten"], r.total) for r in table.rows] == [
        ("Stad Voorbeeld", Decimal(150), Decimal(155)),
        ("Vzw Verbinding", Decimal(0), Decimal("12.5")),
    ]
    assert table.totals == {
        "loonkosten": Decimal(150),
        "werkingskosten": Decimal(5),
        "externe_prestaties": Decimal("12.5"),
    }
    assert (table.cap, table.remaining) == (Decimal(15000), Decimal("14832.5"))


def test_zora_werkt_table_adds_up_to_its_published_budget() -> None:
    zora = demo_dossiers()[0]
    table = budget_table(zora)
    assert table.total == Decimal("499892")
    assert table.rows[0].partner == "Stad Mortsel"
    assert table.remaining == Decimal("108")


def test_role_lines_follow_partner_order_and_name_custom_roles(small_dossier: Dossier) -> None:
    dossier = Dossier.model_validate(
        small_dossier.model_dump()
        | {
            "custom_roles": [{"key": "buurtkok", "label": "Buurtkok"}],
            "roles": [
                {"id": "r2", "partner_id": "vzw", "role": "buurtkok"},
                {"id": "r1", "partner_id": "stad", "role": "promotor"},
            ],
        }
    )
    assert [(line.role_id, line.partner, line.role) for line in role_lines(dossier)] == [
        ("r1", "Stad Voorbeeld", "promotor"),
        ("r2", "Vzw Verbinding", "Buurtkok"),
    ]


@pytest.mark.parametrize(
    ("typed", "amount"),
    [(None, "0"), ("", "0"), (float("nan"), "0"), (1234.5, "1234.50"), ("0.005", "0.01"), (12, "12.00")],
)
def test_money_reads_table_cells(typed: object, amount: str) -> None:
    assert money(typed) == Decimal(amount)


def test_money_refuses_text() -> None:
    with pytest.raises(ValueError):
        money("veel")


def test_only_changed_roles_become_changes_based_on_their_loaded_version(
    store: Store, dossier_id: int
) -> None:
    record = store.load(dossier_id)
    changes = changes_for_budget_edits(
        record,
        {
            "r1": {"loonkosten": 1000.0, "werkingskosten": None, "externe_prestaties": 0},
            "r2": {"loonkosten": 0, "werkingskosten": 0, "externe_prestaties": 0},
        },
    )
    assert [(c.unit, c.base_version) for c in changes] == [(item_unit("role", "r1"), 1)]
    store.apply(dossier_id, changes, by="ann")
    saved = store.load(dossier_id).dossier.roles[0]
    assert (saved.role, saved.budget.loonkosten) == ("promotor", Decimal(1000))


def test_a_budget_edit_on_a_stale_version_is_refused_not_overwritten(store: Store, dossier_id: int) -> None:
    loaded = store.load(dossier_id)
    # Bob changes the same role's budget first.
    bob = changes_for_budget_edits(store.load(dossier_id), {"r1": {"loonkosten": 500}})
    store.apply(dossier_id, bob, by="bob")
    ann = changes_for_budget_edits(loaded, {"r1": {"loonkosten": 900}})
    with pytest.raises(EditConflict) as conflict:
        store.apply(dossier_id, ann, by="ann")
    assert conflict.value.by == "bob"
    assert store.load(dossier_id).dossier.roles[0].budget.loonkosten == Decimal(500)


def test_a_stale_edit_of_another_field_of_the_role_also_conflicts(store: Store, dossier_id: int) -> None:
    loaded = store.load(dossier_id)
    role = loaded.dossier.roles[0].model_copy(update={"engagement": "Coördineert"})
    store.save(
        dossier_id, Change.put(item_unit("role", "r1"), role, loaded.version(item_unit("role", "r1"))), "bob"
    )
    with pytest.raises(EditConflict):
        store.apply(dossier_id, changes_for_budget_edits(loaded, {"r1": {"loonkosten": 1}}), by="ann")
    assert store.load(dossier_id).dossier.roles[0].engagement == "Coördineert"


def test_bad_amounts_are_refused_naming_the_role_and_category(store: Store, dossier_id: int) -> None:
    record = store.load(dossier_id)
    with pytest.raises(InvalidChange) as refused:
        changes_for_budget_edits(record, {"r1": {"loonkosten": -5}, "r2": {"werkingskosten": "veel"}})
    assert [p.message("nl") for p in refused.value.problems] == [
        "Rollen en engagementen > Stad Voorbeeld (promotor) > Budget > Loonkosten: moet minstens 0 zijn",
        "Rollen en engagementen > Vzw Verbinding (toeleider) > Budget > Werkingskosten: moet een getal zijn",
    ]


# ---------------------------------------------------------------- planning


def test_milestone_rows_and_back_keep_ids_and_owners() -> None:
    zora = demo_dossiers()[0]
    rows = milestone_rows(zora)
    assert rows[0] == {
        "id": zora.planning.milestones[0].id,
        "title": "Startvergadering stuurgroep",
        "due": date(2023, 1, 31),
        "owner": "Stad Mortsel",
    }
    assert planning_from_rows(zora, rows, zora.planning.narrative) == zora.planning


def test_new_rows_get_an_id_and_empty_rows_are_dropped() -> None:
    zora = demo_dossiers()[0]
    rows = [
        {"id": None, "title": "Evaluatie", "due": datetime(2024, 6, 30), "owner": "STW vzw"},
        {"id": None, "title": None, "due": None, "owner": None},
    ]
    planning = planning_from_rows(zora, rows, "Tekst")
    (milestone,) = planning.milestones
    assert milestone.id and milestone.due == date(2024, 6, 30) and milestone.owner_partner_id == "stw"
    assert planning.narrative == "Tekst"


def test_table_cells_without_a_date_mean_no_date() -> None:
    zora = demo_dossiers()[0]
    rows = [
        {"title": "Een", "due": pd.NaT},
        {"title": "Twee", "due": float("nan")},
        {"title": "Drie", "due": ""},
    ]
    assert [m.due for m in planning_from_rows(zora, rows, "").milestones] == [None, None, None]


def test_a_milestone_without_title_is_refused_naming_the_row() -> None:
    rows = [{"title": "Start"}, {"title": "", "due": date(2024, 1, 1)}]
    with pytest.raises(InvalidChange) as refused:
        planning_from_rows(demo_dossiers()[0], rows, "")
    assert [p.message("nl") for p in refused.value.problems] == [
        "Planning > Mijlpalen > 2 > Titel: mag niet leeg zijn"
    ]


def test_partners_with_the_same_name_get_distinct_labels(small_dossier: Dossier) -> None:
    twin = Partner(id="vzw2", name="Vzw Verbinding")
    dossier = small_dossier.model_copy(update={"partners": [*small_dossier.partners, twin]})
    assert partner_choices(dossier) == {
        "Stad Voorbeeld": "stad",
        "Vzw Verbinding (vzw)": "vzw",
        "Vzw Verbinding (vzw2)": "vzw2",
    }


def test_budget_edits_of_different_roles_do_not_conflict(store: Store, dossier_id: int) -> None:
    loaded = store.load(dossier_id)
    store.apply(dossier_id, changes_for_budget_edits(loaded, {"r2": {"loonkosten": 300}}), by="bob")
    store.apply(
        dossier_id, budget_changes_on(loaded, {"r1": {"loonkosten": 700}, "r2": {}})(loaded), by="ann"
    )
    saved = {r.id: r.budget.loonkosten for r in store.load(dossier_id).dossier.roles}
    assert saved == {"r1": Decimal(700), "r2": Decimal(300)}


def test_keeping_my_budget_after_a_conflict_keeps_their_other_changes(store: Store, dossier_id: int) -> None:
    loaded = store.load(dossier_id)
    # Ann's table shows both roles; she changes r1 only.
    ann = budget_changes_on(loaded, {"r1": {"loonkosten": 700}, "r2": {"loonkosten": 0}})
    # Bob meanwhile writes r1's engagement and r2's budget.
    role = loaded.dossier.roles[0].model_copy(update={"engagement": "Coördineert"})
    bob = [
        Change.put(item_unit("role", "r1"), role, 1),
        *changes_for_budget_edits(loaded, {"r2": {"loonkosten": 300}}),
    ]
    store.apply(dossier_id, bob, by="bob")
    with pytest.raises(EditConflict):
        store.apply(dossier_id, ann(loaded), by="ann")
    # Ann chooses her version: it is applied on the newest record, only to what she changed.
    store.apply(dossier_id, ann(store.load(dossier_id)), by="ann")
    roles = {r.id: r for r in store.load(dossier_id).dossier.roles}
    assert (roles["r1"].budget.loonkosten, roles["r1"].engagement) == (Decimal(700), "Coördineert")
    assert roles["r2"].budget.loonkosten == Decimal(300)


def test_planning_change_conflicts_when_someone_saved_the_planning_first(
    store: Store, dossier_id: int
) -> None:
    loaded = store.load(dossier_id)
    dossier = loaded.dossier
    store.apply(dossier_id, planning_change(loaded, planning_from_rows(dossier, [], "Bob")), by="bob")
    mine = planning_change(loaded, planning_from_rows(dossier, [{"title": "Start"}], "Ann"))
    with pytest.raises(EditConflict):
        store.apply(dossier_id, mine, by="ann")
    assert store.load(dossier_id).dossier.planning.narrative == "Bob"
    assert planning_change(loaded, loaded.dossier.planning) == []
