"""AppTest runs of the step forms: add, edit, validate, conflicts, cascading deletes, drafts, history."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.shown import as_seen
from workbench.dossier.model import Dossier
from workbench.guide import edits, forms, widget_values
from workbench.i18n import t
from workbench.store.dossiers import Store
from workbench.ui.common import PAGES
from workbench.ui.editing import FormRef
from workbench.ui.form_view import field_anchor

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def opened(app: AppTest, store: Store, small_dossier: Dossier) -> int:
    dossier_id = store.import_dossier(small_dossier, by="ann")
    app.session_state["dossier_id"] = dossier_id
    app.session_state["actor_name"] = "Ann"
    return dossier_id


def go(app: AppTest, page: str, *open_forms: str) -> AppTest:
    """Show a page with some item forms opened (as a click on their expander would)."""
    for form_id in open_forms:
        app.session_state[f"open_{form_id}"] = True
    app.run()
    app.switch_page(PAGES[page]).run()
    assert not app.exception
    return app


def key(form_id: str, field: str) -> str:
    return f"edit_{form_id}_{field}"


def shown(app: AppTest) -> str:
    """All text on the page, Markdown escapes removed."""
    parts = [e.value for e in (*app.markdown, *app.text, *app.caption, *app.warning, *app.error)]
    return " | ".join(as_seen(str(p)) for p in parts)


def test_opening_a_dossier_from_the_start_page_goes_to_partnerschap(
    app: AppTest, store: Store, small_dossier: Dossier
) -> None:
    dossier_id = store.import_dossier(small_dossier, by="ann")
    app.run()
    app.button(key=f"start_open_{dossier_id}").click().run()
    assert not app.exception
    assert "Partnerschap" in [h.value for h in app.title]


def test_a_new_partner_is_added_and_opened(app: AppTest, store: Store, opened: int) -> None:
    go(app, "partners", "partner:new")
    app.text_input(key=key("partner:new", "name")).input("Bibliotheek Voorbeeld")
    app.selectbox(key=key("partner:new", "org_type")).select("opleidingsverstrekker")
    app.text_input(key=key("partner:new", "enterprise_number")).input("0207451227")
    app.checkbox(key=key("partner:new", "funded")).check()
    app.button(key="save_partner:new").click().run()
    assert not app.exception
    partner = store.load(opened).dossier.partners[-1]
    assert (partner.name, partner.org_type, partner.enterprise_number, partner.funded) == (
        "Bibliotheek Voorbeeld",
        "opleidingsverstrekker",
        "0207.451.227",
        True,
    )
    assert app.session_state[f"open_partner:{partner.id}"] is True
    assert key("partner:new", "name") not in app.session_state  # the add form starts afresh
    assert [tt.value for tt in app.toast] == ["Bewaard"]
    assert store.history(opened, limit=1)[0].by == "Ann"


def test_invalid_input_is_shown_beside_the_field_and_nothing_is_saved(
    app: AppTest, store: Store, opened: int
) -> None:
    go(app, "partners", "partner:vzw")
    app.text_input(key=key("partner:vzw", "enterprise_number")).input("123")
    app.text_input(key=key("partner:vzw", "contact.email")).input("niet-een-adres")
    app.button(key="save_partner:vzw").click().run()
    assert not app.exception
    text = shown(app)
    assert "“123” is geen geldig ondernemingsnummer" in text  # beside the field
    assert "heeft niet de juiste vorm" in text
    assert app.session_state[key("partner:vzw", "enterprise_number")] == "123"  # kept for correcting
    assert store.load(opened).dossier.partner("vzw").enterprise_number is None  # type: ignore[union-attr]


def test_the_not_saved_box_lists_its_points_and_links_to_the_first_field(
    app: AppTest, store: Store, opened: int
) -> None:
    go(app, "partners", "partner:vzw")
    app.text_input(key=key("partner:vzw", "contact.email")).input("niet-een-adres")
    app.text_input(key=key("partner:vzw", "enterprise_number")).input("123")
    app.button(key="save_partner:vzw").click().run()
    (box,) = [e for e in app.error if as_seen(e.value).startswith("Niet bewaard: verbeter eerst")]
    seen = as_seen(box.value)
    assert "Ondernemingsnummer: “123” is geen geldig ondernemingsnummer" in seen  # the points, in the box
    assert "heeft niet de juiste vorm" in seen
    # The link leads to the first of those fields in the form's order (the number comes before the email).
    anchor = field_anchor(FormRef(forms.PARTNER, "vzw"), "enterprise_number")
    assert f"](#{anchor})" in box.value and "Naar het veld “Ondernemingsnummer”" in seen
    assert anchor in [h.proto.anchor for h in app.subheader]  # the place it scrolls to


def test_problems_are_in_english_when_the_user_works_in_english(app: AppTest, opened: int) -> None:
    app.session_state["lang"] = "en"
    go(app, "doelgroep", "target_group:new")
    app.button(key="save_target_group:new").click().run()
    assert "must not be empty" in shown(app)
    assert "Not saved" in shown(app)


def test_a_stale_save_shows_who_changed_it_and_keeping_mine_saves_on_the_newest(
    app: AppTest, store: Store, opened: int
) -> None:
    go(app, "partners", "partner:vzw")
    app.text_input(key=key("partner:vzw", "legal_form")).input("vzw (mijn tekst)")
    # Bob saves the same partner from another laptop.
    record = store.load(opened)
    bob = widget_values.to_widgets(forms.PARTNER, record.dossier.partner("vzw")) | {"legal_form": "vzw (Bob)"}
    plan = edits.plan_save(
        record,
        forms.PARTNER,
        "vzw",
        bob,
        widget_values.snapshot(forms.PARTNER, record.dossier.partner("vzw")),
    )
    store.apply(opened, plan.changes, by="Bob")

    app.button(key="save_partner:vzw").click().run()
    assert not app.exception
    text = shown(app)
    assert "Bob heeft dit onderdeel intussen aangepast" in text
    assert "Rechtsvorm: vzw (Bob)" in text  # what they changed, their version
    assert app.session_state[key("partner:vzw", "legal_form")] == "vzw (mijn tekst)"  # mine kept
    assert store.load(opened).dossier.partner("vzw").legal_form == "vzw (Bob)"  # type: ignore[union-attr]

    app.button(key="keep_mine_partner:vzw").click().run()
    assert not app.exception
    assert store.load(opened).dossier.partner("vzw").legal_form == "vzw (mijn tekst)"  # type: ignore[union-attr]
    assert "Bob heeft" not in shown(app)


def test_after_a_conflict_loading_theirs_shows_their_version(app: AppTest, store: Store, opened: int) -> None:
    go(app, "doelgroep")
    app.text_area(key=key("section_doelgroep", "narrative")).input("Mijn tekst")
    record = store.load(opened)
    values = {"narrative": "Hun tekst"}
    plan = edits.plan_save(record, forms.SECTIONS["doelgroep"].own, "", values, {"narrative": ""})
    store.apply(opened, plan.changes, by="Bob")
    app.button(key="save_section_doelgroep").click().run()
    assert "Bob heeft dit onderdeel intussen aangepast" in shown(app)
    app.button(key="take_theirs_section_doelgroep").click().run()
    assert app.session_state[key("section_doelgroep", "narrative")] == "Hun tekst"
    assert store.load(opened).dossier.strategy.doelgroep.narrative == "Hun tekst"


def test_someone_elses_save_is_followed_quietly_while_nothing_was_typed(
    app: AppTest, store: Store, opened: int
) -> None:
    go(app, "doelgroep")
    record = store.load(opened)
    plan = edits.plan_save(
        record, forms.SECTIONS["doelgroep"].own, "", {"narrative": "Nieuw"}, {"narrative": ""}
    )
    store.apply(opened, plan.changes, by="Bob")
    app.run()
    assert app.session_state[key("section_doelgroep", "narrative")] == "Nieuw"


def test_other_items_of_a_section_saved_meanwhile_are_merged_not_conflicting(
    app: AppTest, store: Store, opened: int
) -> None:
    go(app, "doelgroep", "target_group:new")
    app.text_input(key=key("target_group:new", "name")).input("Senioren")
    # Bob adds another target group to the same section first.
    record = store.load(opened)
    bob = widget_values.to_widgets(forms.TARGET_GROUP, None) | {"name": "Werkzoekenden"}
    store.apply(opened, edits.plan_save(record, forms.TARGET_GROUP, "", bob, None).changes, by="Bob")
    app.button(key="save_target_group:new").click().run()
    names = [g.name for g in store.load(opened).dossier.strategy.doelgroep.target_groups]
    assert names == ["Werkzoekenden", "Senioren"]


def test_typed_text_survives_going_to_another_page_and_back(app: AppTest, store: Store, opened: int) -> None:
    go(app, "doelgroep")
    app.text_area(key=key("section_doelgroep", "narrative")).input("Half af, nog niet bewaard")
    app.switch_page(PAGES["partners"]).run()
    assert key("section_doelgroep", "narrative") not in app.session_state  # Streamlit dropped the widget
    app.switch_page(PAGES["doelgroep"]).run()
    assert app.session_state[key("section_doelgroep", "narrative")] == "Half af, nog niet bewaard"
    assert "Niet bewaarde wijzigingen" in shown(app)
    assert store.load(opened).dossier.strategy.doelgroep.narrative == ""


def test_typed_text_survives_closing_the_expander(app: AppTest, opened: int) -> None:
    go(app, "partners", "partner:vzw")
    app.text_input(key=key("partner:vzw", "legal_form")).input("vzw")
    app.session_state["open_partner:vzw"] = False
    app.run()
    assert "Niet bewaard in: Vzw Verbinding" in shown(app)
    app.session_state["open_partner:vzw"] = True
    app.run()
    assert app.session_state[key("partner:vzw", "legal_form")] == "vzw"


def test_deleting_a_partner_shows_and_takes_its_roles_along(app: AppTest, store: Store, opened: int) -> None:
    go(app, "partners", "partner:vzw")
    app.button(key="delete_partner:vzw").click().run()
    text = shown(app)
    assert "“Vzw Verbinding” verwijderen?" in text
    assert "Rollen en engagementen › Toeleider · Vzw Verbinding" in text
    app.button(key="delete_yes_partner:vzw").click().run()
    assert not app.exception
    dossier = store.load(opened).dossier
    assert [p.id for p in dossier.partners] == ["stad"] and [r.id for r in dossier.roles] == ["r1"]
    assert [tt.value for tt in app.toast] == ["Verwijderd"]


def test_a_custom_role_can_be_made_and_assigned(app: AppTest, store: Store, opened: int) -> None:
    app.session_state["rollen_tab"] = t("form.tab.custom_roles", "nl")  # tabs are drawn when chosen
    go(app, "rollen", "custom_role:new")
    app.text_input(key=key("custom_role:new", "label")).input("Buurtwerker")
    app.button(key="save_custom_role:new").click().run()
    app.session_state["open_role:new"] = True
    app.session_state["rollen_tab"] = t("form.tab.roles", "nl")
    app.run()
    app.selectbox(key=key("role:new", "partner_id")).select("vzw")
    app.selectbox(key=key("role:new", "role")).select("buurtwerker")
    app.multiselect(key=key("role:new", "objectives")).select("ondersteuning")
    app.number_input(key=key("role:new", "budget.loonkosten")).set_value(1234.5)
    app.run()
    assert "Totaal van deze rol: €\xa01.234,50" in shown(app)
    app.button(key="save_role:new").click().run()
    role = store.load(opened).dossier.roles[-1]
    assert (role.partner_id, role.role, [o.value for o in role.objectives]) == (
        "vzw",
        "buurtwerker",
        ["ondersteuning"],
    )
    assert str(role.budget.loonkosten) == "1234.50"


def test_processing_roles_are_saved_per_partner(app: AppTest, store: Store, opened: int) -> None:
    go(app, "gegevensbescherming", "processing:new")
    app.text_input(key=key("processing:new", "name")).input("Uitleenregister")
    app.multiselect(key=key("processing:new", "roles:controller")).select("stad")
    app.multiselect(key=key("processing:new", "roles:processor")).select("vzw")
    app.button(key="save_processing:new").click().run()
    (activity,) = store.load(opened).dossier.processing
    assert [(r.partner_id, r.role.value) for r in activity.roles] == [
        ("stad", "controller"),
        ("vzw", "processor"),
    ]


def test_governance_parts_save_separately(app: AppTest, store: Store, opened: int) -> None:
    go(app, "governance")
    app.multiselect(key=key("stuurgroep", "stuurgroep.member_partner_ids")).select("stad").select("vzw")
    app.selectbox(key=key("stuurgroep", "stuurgroep.chair_partner_id")).select("stad")
    app.button(key="save_stuurgroep").click().run()
    app.text_area(key=key("klankbordgroep", "klankbordgroep.composition")).input("Tien gebruikers")
    app.button(key="save_klankbordgroep").click().run()
    governance = store.load(opened).dossier.governance
    assert governance.stuurgroep.member_partner_ids == ["stad", "vzw"]
    assert governance.stuurgroep.chair_partner_id == "stad"
    assert governance.klankbordgroep.composition == "Tien gebruikers"


def test_a_link_from_the_overview_opens_the_item(app: AppTest, opened: int) -> None:
    app.run()
    app.query_params["focus"] = "vzw"
    app.switch_page(PAGES["partners"]).run()
    assert app.session_state["open_partner:vzw"] is True
    assert app.session_state[key("partner:vzw", "name")] == "Vzw Verbinding"


def test_history_restores_a_section_and_a_deleted_partner(app: AppTest, store: Store, opened: int) -> None:
    record = store.load(opened)
    own = forms.SECTIONS["doelgroep"].own
    store.apply(
        opened, edits.plan_save(record, own, "", {"narrative": "Eerste"}, {"narrative": ""}).changes, by="ann"
    )
    record = store.load(opened)
    store.apply(
        opened,
        edits.plan_save(record, own, "", {"narrative": "Tweede"}, {"narrative": "Eerste"}).changes,
        by="bob",
    )
    store.apply(opened, edits.plan_delete(store.load(opened), forms.PARTNER, "vzw").changes, by="bob")
    go(app, "history")
    text = shown(app)
    assert "Partners › Vzw Verbinding" in text and "Doelgroep" in text
    first = next(r for r in store.history(opened) if r.unit.key == "doelgroep" and r.by == "ann")
    app.button(key=f"history_restore_{first.id}").click().run()
    assert store.load(opened).dossier.strategy.doelgroep.narrative == "Eerste"
    partner_created = next(r for r in store.history(opened) if r.unit.key == "vzw" and r.action == "import")
    app.button(key=f"history_restore_{partner_created.id}").click().run()
    assert store.load(opened).dossier.partner("vzw") is not None
    # A role of a partner that is gone cannot come back first: the reason is in the user's words.
    store.apply(opened, edits.plan_delete(store.load(opened), forms.PARTNER, "vzw").changes, by="bob")
    role_created = next(r for r in store.history(opened) if r.unit.key == "r2" and r.action == "import")
    app.run()
    app.button(key=f"history_restore_{role_created.id}").click().run()
    assert "Terugzetten lukte niet" in shown(app)
    assert "verwijst naar een partner" in shown(app)


def test_a_long_history_is_shown_twenty_five_at_a_time(app: AppTest, store: Store) -> None:
    from workbench.demo import large_dossier

    dossier_id = store.import_dossier(large_dossier(partners=20), by="test")
    app.session_state["dossier_id"] = dossier_id
    go(app, "history")
    restore_buttons = [b for b in app.button if str(b.key).startswith("history_restore_")]
    assert len(restore_buttons) == 25
    app.button(key="history_more").click().run()
    assert len([b for b in app.button if str(b.key).startswith("history_restore_")]) == 50
    app.selectbox(key="history_step").select("partners")
    app.run()
    assert len([b for b in app.button if str(b.key).startswith("history_restore_")]) == 20


def test_an_opened_add_form_is_not_unsaved_until_something_is_typed(app: AppTest, opened: int) -> None:
    go(app, "rollen", "role:new")
    assert app.session_state[key("role:new", "partner_id")] == "stad"  # the first partner
    assert "Niet bewaard" not in shown(app)
    app.selectbox(key=key("role:new", "partner_id")).select("vzw").run()
    assert "Niet bewaard in: Rol toekennen" in shown(app)
