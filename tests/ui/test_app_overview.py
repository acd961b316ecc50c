"""AppTest runs of the Overzicht and Budget en planning pages, in Dutch and English, with the demos."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.shown import as_seen
from workbench.demo import demo_dossiers
from workbench.dossier.model import Dossier
from workbench.dossier.steps import STEP_KEYS
from workbench.dossier.units import Change, item_unit
from workbench.guide.budget import PLANNING_UNIT, changes_for_budget_edits
from workbench.store.dossiers import Store
from workbench.ui.common import PAGES

OVERVIEW = PAGES["overzicht"]
BUDGET = PAGES["budget"]


def open_page(app: AppTest, db_path: Path, dossier: Dossier, page: str, lang: str = "nl") -> int:
    dossier_id = Store(db_path).import_dossier(dossier, by="test")
    app.session_state["dossier_id"] = dossier_id
    app.session_state["lang"] = lang
    app.run()
    app.switch_page(page).run()
    assert not app.exception
    return dossier_id


def texts(app: AppTest) -> list[str]:
    """Return the lines of plain text on the page (open points come as one text of many lines)."""
    return [line for t in app.text for line in t.value.split("\n")]


def by_name(name: str) -> Dossier:
    return next(d for d in demo_dossiers() if d.identity.name == name)


# ---------------------------------------------------------------- Overzicht


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("page", [OVERVIEW, BUDGET])
def test_pages_run_without_a_dossier(app: AppTest, page: str, lang: str) -> None:
    app.session_state["lang"] = lang
    app.run()
    app.switch_page(page).run()
    assert not app.exception
    assert app.info


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", ["Digibank ZORA Werkt", "Digibank Halle - Pepingen - Gooik"])
def test_a_complete_demo_shows_everything_complete(app: AppTest, db_path: Path, name: str, lang: str) -> None:
    open_page(app, db_path, by_name(name), OVERVIEW, lang)
    assert [as_seen(m.value) for m in app.metric] == ["14 / 14", "0"]
    assert app.get("progress")[0].proto.value == 100
    assert app.success and not app.error and not app.warning
    assert len(app.expander) == 0


def test_digibasics_has_one_remark_on_a_short_text(app: AppTest, db_path: Path) -> None:
    open_page(app, db_path, by_name("DigiBasics"), OVERVIEW)
    assert [as_seen(m.value) for m in app.metric] == ["13 / 14", "1"]
    (expander,) = app.expander
    assert expander.label == "Sociale economie (1)"
    assert texts(app)[-1].startswith("⚠ De toelichting bij “Sociale economie” is kort (194 tekens")


@pytest.mark.parametrize(
    ("lang", "heading", "line"),
    [
        (
            "nl",
            "Rollen en engagementen (7)",
            "⚠ Niemand heeft de rol “Uitleendienst”, die de oproep verwacht.",
        ),
        (
            "en",
            "Roles and commitments (7)",
            "⚠ Nobody holds the role “Lending service”, which the call expects.",
        ),
    ],
)
def test_the_digbij_draft_shows_missing_items_and_steps_needing_attention(
    app: AppTest, db_path: Path, lang: str, heading: str, line: str
) -> None:
    open_page(app, db_path, by_name("DIGbij"), OVERVIEW, lang)
    complete, open_count = (as_seen(m.value) for m in app.metric)
    assert complete == "0 / 14" and int(open_count) > 30
    labels = [e.label for e in app.expander]
    assert heading in labels
    assert line in texts(app)
    open_rollen = next(e for e in app.expander if e.label == heading)
    assert open_rollen.proto.expanded  # needs attention: open by default
    assert any(t.startswith("○ ") for t in texts(app))  # missing items


def _links(app: AppTest) -> list[tuple[str, str]]:
    return [(link.proto.label, link.proto.query_string) for link in app.get("page_link")]


def test_a_closed_group_of_open_points_draws_its_links_only_when_opened(app: AppTest, db_path: Path) -> None:
    dossier_id = open_page(app, db_path, by_name("DIGbij"), OVERVIEW)
    budget = next(e for e in app.expander if e.label.startswith("Budget en planning ("))
    assert not budget.proto.expanded  # not "needs attention": closed, and its links not drawn
    assert ("Naar Budget en planning", f"dossier={dossier_id}") not in _links(app)
    assert ("Openen", f"dossier={dossier_id}&focus=ms-aanvraag") not in _links(app)
    app.session_state["overview_open_budget"] = True  # what opening it in the browser sets
    app.run()
    assert not app.exception
    assert ("Naar Budget en planning", f"dossier={dossier_id}") in _links(app)
    assert ("Openen", f"dossier={dossier_id}&focus=ms-aanvraag") in _links(app)


def test_every_open_point_links_to_its_step_page(app: AppTest, db_path: Path) -> None:
    dossier_id = open_page(app, db_path, by_name("DIGbij"), OVERVIEW)
    for step in STEP_KEYS:  # every group opened
        app.session_state[f"overview_open_{step}"] = True
    app.run()
    links = _links(app)
    assert ("Naar Budget en planning", f"dossier={dossier_id}") in links
    assert ("Openen", f"dossier={dossier_id}&focus=ms-aanvraag") in links
    # Every step's page is routed: no open point is left as a caption without its link.
    assert not [c.value for c in app.caption if c.value.startswith("Naar ")]
    assert all(q.startswith(f"dossier={dossier_id}") for label, q in links if label.startswith("Naar "))


def test_the_overview_reports_a_budget_over_the_cap_as_a_rule_problem(app: AppTest, db_path: Path) -> None:
    dossier = by_name("Digibank ZORA Werkt")
    dossier.roles[0].budget.externe_prestaties += Decimal(1000)
    open_page(app, db_path, dossier, OVERVIEW, "en")
    assert (
        "✖ The share charged to the call (€500,892.00) exceeds the call's maximum "
        "(€500,000.00); other funding sources do not count towards it." in texts(app)
    )
    assert not app.success


def test_the_overview_shows_user_text_only_as_plain_text(app: AppTest, db_path: Path) -> None:
    dossier = by_name("DIGbij")
    dossier.partners[2].name = "**Heers** <img src=x onerror=alert(1)>"
    open_page(app, db_path, dossier, OVERVIEW)
    assert "○ **Heers** <img src=x onerror=alert(1)> heeft nog geen ondernemingsnummer." in texts(app)
    assert not [m for m in app.markdown if "onerror" in m.value]


def test_chart_labels_follow_the_language(app: AppTest, db_path: Path) -> None:
    open_page(app, db_path, by_name("DIGbij"), OVERVIEW, "en")
    spec = app.get("vega_lite_chart")[0].proto.spec
    assert "Filled in (%)" in spec and "Needs attention" in spec and "Budget and planning" in spec
    assert "http" not in spec.replace("https://vega.github.io/schema/", "")


# ---------------------------------------------------------------- Budget en planning


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_budget_page_shows_totals_and_the_cap_in_the_users_format(
    app: AppTest, db_path: Path, lang: str
) -> None:
    open_page(app, db_path, by_name("Digibank ZORA Werkt"), BUDGET, lang)
    metrics = [as_seen(m.value) for m in app.metric]
    assert metrics == (
        ["€\xa0499.892,00", "€\xa0500.000,00", "€\xa0108,00"]
        if lang == "nl"
        else ["€499,892.00", "€500,000.00", "€108.00"]
    )
    summary = app.dataframe[0].value
    assert summary.iloc[-1].iloc[0] == ("Totaal" if lang == "nl" else "Total")


def test_budget_page_warns_with_the_findings_of_its_step(app: AppTest, db_path: Path) -> None:
    open_page(app, db_path, by_name("DIGbij"), BUDGET)
    assert texts(app) == [
        "○ Mijlpaal “Aanvraag indienen” heeft geen datum.",
        "○ De toelichting bij de planning is nog leeg.",
    ]


def test_budget_warnings_name_partners_as_plain_text(app: AppTest, db_path: Path) -> None:
    dossier = by_name("DIGbij")
    dossier.partners[3].name = "[Wellen](http://evil.example) <b>x</b>"
    dossier.roles[-1].budget.werkingskosten = Decimal("1234.5")
    open_page(app, db_path, dossier, BUDGET)
    assert (
        "⚠ [Wellen](http://evil.example) <b>x</b> krijgt budget (€\xa01.234,50) als Partner, maar ontvangt "
        "volgens de partnerfiche geen subsidie." in texts(app)
    )
    assert not [m for m in app.markdown if "evil" in m.value]


def editor_key(app: AppTest, prefix: str) -> str:
    """Return the current key of a table editor (a new one after every save)."""
    return next(str(e.key) for e in app.data_editor if str(e.key).startswith(prefix))


def set_amount(app: AppTest, prefix: str, row: int, column: str, value: float) -> None:
    """Edit one data_editor cell the way the browser reports it."""
    edits = {"edited_rows": {row: {column: value}}, "added_rows": [], "deleted_rows": []}
    app.session_state[editor_key(app, prefix)] = edits


def test_budget_edit_is_saved_per_role(app: AppTest, db_path: Path) -> None:
    dossier_id = open_page(app, db_path, by_name("DIGbij"), BUDGET)
    set_amount(app, "budget_roles_editor", 1, "werkingskosten", 2500.5)
    app.button(key="budget_roles_save").click().run()
    assert not app.exception
    saved = {r.id: r.budget for r in Store(db_path).load(dossier_id).dossier.roles}
    assert saved["r-tongeren-bakfiets"].werkingskosten == Decimal("2500.50")
    assert saved["r-tongeren-promotor"].loonkosten == Decimal(45000)


def test_a_stale_budget_edit_shows_the_conflict_and_keeps_theirs(app: AppTest, db_path: Path) -> None:
    dossier_id = open_page(app, db_path, by_name("DIGbij"), BUDGET)
    # While Ann has the table open, Bob saves the same role.
    store = Store(db_path)
    record = store.load(dossier_id)
    unit = item_unit("role", "r-tongeren-promotor")
    theirs = record.dossier.roles[0].model_copy(update={"engagement": "Bob was here"})
    store.save(dossier_id, Change.put(unit, theirs, record.version(unit)), by="Bob")

    # The browser sends the table's edits with every interaction; AppTest needs them set each time.
    set_amount(app, "budget_roles_editor", 0, "loonkosten", 40000)
    app.button(key="budget_roles_save").click().run()
    assert not app.exception
    assert any("Bob heeft dit onderdeel intussen aangepast" in t for t in texts(app))
    saved = store.load(dossier_id).dossier.roles[0]
    assert (saved.engagement, saved.budget.loonkosten) == ("Bob was here", Decimal(45000))

    set_amount(app, "budget_roles_editor", 0, "loonkosten", 40000)
    app.button(key="budget_roles_keep_mine").click().run()
    assert not app.exception
    saved = store.load(dossier_id).dossier.roles[0]
    assert (saved.engagement, saved.budget.loonkosten) == ("Bob was here", Decimal(40000))


def test_taking_their_version_drops_my_budget_edit(app: AppTest, db_path: Path) -> None:
    dossier_id = open_page(app, db_path, by_name("DIGbij"), BUDGET)
    store = Store(db_path)
    store.apply(
        dossier_id,
        changes_for_budget_edits(store.load(dossier_id), {"r-tongeren-promotor": {"loonkosten": 1}}),
        by="Bob",
    )
    set_amount(app, "budget_roles_editor", 0, "loonkosten", 40000)
    app.button(key="budget_roles_save").click().run()
    set_amount(app, "budget_roles_editor", 0, "loonkosten", 40000)
    app.button(key="budget_roles_take_theirs").click().run()
    assert not app.exception and not [t for t in texts(app) if "intussen aangepast" in t]
    assert store.load(dossier_id).dossier.roles[0].budget.loonkosten == Decimal(1)
    assert app.data_editor[0].value.iloc[0]["loonkosten"] == 1


def test_a_negative_amount_is_refused_naming_the_role(app: AppTest, db_path: Path) -> None:
    dossier_id = open_page(app, db_path, by_name("DIGbij"), BUDGET)
    set_amount(app, "budget_roles_editor", 0, "loonkosten", -1)
    app.button(key="budget_roles_save").click().run()
    assert not app.exception
    # In the box that says nothing was saved, one point a line.
    boxes = " ".join(as_seen(e.value) for e in app.error)
    assert (
        "Rollen en engagementen > Stad Tongeren (promotor) > Budget > Loonkosten: moet minstens 0 zijn"
        in boxes
    )
    assert Store(db_path).load(dossier_id).dossier.roles[0].budget.loonkosten == Decimal(45000)


def test_planning_milestones_and_text_are_saved(app: AppTest, db_path: Path) -> None:
    dossier_id = open_page(app, db_path, by_name("DIGbij"), BUDGET)
    app.session_state[editor_key(app, "budget_planning_editor")] = {
        "edited_rows": {0: {"due": "2023-03-31"}},
        "added_rows": [{"title": "Eerste rit e-bakfiets", "due": "2023-05-01", "owner": "OCMW Tongeren"}],
        "deleted_rows": [],
    }
    app.text_area(key="budget_planning_narrative_0").input("Eerst de aanvraag, dan de eerste rit.")
    app.button(key="budget_planning_save").click().run()
    assert not app.exception
    planning = Store(db_path).load(dossier_id).dossier.planning
    assert [(m.title, m.due, m.owner_partner_id) for m in planning.milestones] == [
        ("Aanvraag indienen", date(2023, 3, 31), "tongeren"),
        ("Eerste rit e-bakfiets", date(2023, 5, 1), "ocmw-tongeren"),
    ]
    assert planning.narrative == "Eerst de aanvraag, dan de eerste rit."
    # After the save, the overview no longer lists the planning as missing.
    app.switch_page(OVERVIEW).run()
    assert not any("planning" in t and "leeg" in t for t in texts(app))


def test_an_untouched_table_follows_newer_saves(app: AppTest, db_path: Path) -> None:
    dossier_id = open_page(app, db_path, by_name("DIGbij"), BUDGET)
    store = Store(db_path)
    edit = {"r-tongeren-promotor": {"loonkosten": 1}}
    store.apply(dossier_id, changes_for_budget_edits(store.load(dossier_id), edit), by="Bob")
    app.run()
    assert app.data_editor[0].value.iloc[0]["loonkosten"] == 1


def test_a_stale_planning_text_meets_the_conflict_and_stays_in_the_form(app: AppTest, db_path: Path) -> None:
    dossier_id = open_page(app, db_path, by_name("DIGbij"), BUDGET)
    app.text_area(key="budget_planning_narrative_0").input("Ann: eerst de aanvraag.")
    store = Store(db_path)
    record = store.load(dossier_id)
    bob = record.dossier.planning.model_copy(update={"narrative": "Bob: eerst de fiets."})
    store.save(dossier_id, Change.put(PLANNING_UNIT, bob, record.version(PLANNING_UNIT)), by="Bob")
    app.button(key="budget_planning_save").click().run()
    assert not app.exception
    assert any("Bob heeft dit onderdeel intussen aangepast" in t for t in texts(app))
    assert store.load(dossier_id).dossier.planning.narrative == "Bob: eerst de fiets."
    assert app.text_area(key="budget_planning_narrative_0").value == "Ann: eerst de aanvraag."
    app.button(key="budget_planning_keep_mine").click().run()
    assert store.load(dossier_id).dossier.planning.narrative == "Ann: eerst de aanvraag."
    assert not [t for t in texts(app) if "intussen aangepast" in t]
