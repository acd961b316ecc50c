"""AppTest of the review loop: a coach sees stored values and suggests, the coordinator accepts; the inbox."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.backends import rows
from tests.ui.test_app_access import Setup, setup  # noqa: F401 - the fixture
from workbench.collab.reviews import Anchor, Reviews, ReviewStatus
from workbench.collab.suggestions import Suggestions
from workbench.dossier.units import Change, section_unit
from workbench.guide import forms
from workbench.store.dossiers import Store
from workbench.ui.common import PAGES
from workbench.workspace import Workspace

NAME = f"edit_{forms.IDENTITY.form_id()}_name"


def _open(app: AppTest, setup: Setup, user: object, page: str) -> AppTest:  # noqa: F811
    setup.logged_in(app, user)  # type: ignore[arg-type]
    app.session_state["dossier_id"] = setup.own
    app.run()
    return app.switch_page(PAGES[page]).run()


def test_a_coach_sees_stored_values_only_never_a_draft(app: AppTest, setup: Setup, db_path: Path) -> None:  # noqa: F811
    _open(app, setup, setup.coach, "partnerschap")
    field = app.text_input(key=NAME)
    assert field.disabled and field.value == "Digibank Test"
    # A value that reaches the server anyway (a crafted message) is no draft: not kept, not shown.
    app.session_state[NAME] = "Wat de coach typte"
    app.run()
    app.switch_page(PAGES["partners"]).run()
    app.switch_page(PAGES["partnerschap"]).run()
    assert app.text_input(key=NAME).value == "Digibank Test"
    assert rows(db_path, "SELECT * FROM drafts") == []
    assert not any("Niet bewaard" in str(c.value) for c in app.caption)
    assert Store(db_path).load(setup.own).dossier.identity.name == "Digibank Test"


def test_coach_suggests_and_the_coordinator_accepts_with_one_click(
    app: AppTest,
    new_app: Callable[[], AppTest],
    setup: Setup,  # noqa: F811
    db_path: Path,
) -> None:
    _open(app, setup, setup.coach, "partnerschap")
    form = forms.IDENTITY.form_id()
    app.selectbox(key=f"suggest_field_{form}").set_value("name")
    app.text_area(key=f"suggest_text_{form}").input("Digibank Rupel & Vliet")
    app.text_area(key=f"suggest_note_{form}").input("Korter")
    app.button(key=f"FormSubmitter:suggest_{form}-Voorstel versturen").click().run()
    assert not app.exception
    (suggestion,) = Suggestions(db_path).suggestions(setup.own).values()
    assert suggestion.proposed == "Digibank Rupel & Vliet"

    coordinator = _open(new_app(), setup, setup.coordinator, "partnerschap")
    assert "Digibank Rupel & Vliet" in [t.value for t in coordinator.text]
    coordinator.button(key=f"suggestion_accept_{suggestion.thread_id}").click().run()
    assert not coordinator.exception
    assert Store(db_path).load(setup.own).dossier.identity.name == "Digibank Rupel & Vliet"
    assert coordinator.text_input(key=NAME).value == "Digibank Rupel & Vliet"
    accepted = Suggestions(db_path).suggestion(setup.own, suggestion.thread_id)
    assert accepted is not None and accepted.decided_by == "Cora" and accepted.revision == 2


def test_a_reply_shows_in_the_coaches_inbox_and_opening_marks_it_read(
    app: AppTest,
    setup: Setup,  # noqa: F811
    db_path: Path,
) -> None:
    reviews = Reviews(db_path)
    thread = reviews.start_thread(setup.own, Anchor(step="doelgroep"), "Vraag", "Cas", setup.coach.id)
    reviews.reply(setup.own, thread.id, "Antwoord van Cora", "Cora", setup.coordinator.id)
    inbox = _open(app, setup, setup.coach, "inbox")
    assert not inbox.exception
    assert "Antwoord van Cora" in [t.value for t in inbox.text]
    assert "Nieuw sinds je laatste bezoek (1)" in [s.value for s in inbox.subheader]
    inbox.button(key=f"inbox_read_thread:{thread.id}").click().run()
    assert "Nieuw sinds je laatste bezoek (0)" in [s.value for s in inbox.subheader]


def test_a_verdict_clicked_after_an_unseen_save_is_stale(app: AppTest, setup: Setup, db_path: Path) -> None:  # noqa: F811
    coach = _open(app, setup, setup.coach, "review")
    assert not coach.exception
    coach.session_state["review_open_doelgroep"] = True  # the coach opens "Beoordelen"
    coach.run()
    # The coordinator saves doelgroep while the coach's page still shows the old text.
    store = Store(db_path)
    record = store.load(setup.own)
    unit = section_unit("doelgroep")
    changed = record.dossier.strategy.doelgroep.model_copy(update={"narrative": "Nieuw, ongezien"})
    store.save(setup.own, Change.put(unit, changed, record.version(unit)), by="Cora")
    coach.radio(key="review_status_doelgroep").set_value(ReviewStatus.OK)
    coach.button(key="review_save_doelgroep").click().run()
    assert not coach.exception
    (verdict,) = Reviews(db_path).section_reviews(setup.own).values()
    assert verdict.status == ReviewStatus.OK and verdict.revision == record.revision
    assert Workspace(db_path, setup.coach).section_progress(setup.own).sections["doelgroep"].stale


def test_a_suggestion_the_field_refuses_says_why_on_the_page(
    app: AppTest,
    setup: Setup,  # noqa: F811
    db_path: Path,
) -> None:
    _open(app, setup, setup.coach, "partnerschap")
    form = forms.IDENTITY.form_id()
    app.selectbox(key=f"suggest_field_{form}").set_value("name")
    app.text_area(key=f"suggest_text_{form}").input("N" * 5000)
    app.button(key=f"FormSubmitter:suggest_{form}-Voorstel versturen").click().run()
    assert not app.exception
    assert any("200" in str(e.value) for e in app.error)
    assert Suggestions(db_path).suggestions(setup.own) == {}


def test_accepting_says_when_the_field_changed_since_the_suggestion(
    app: AppTest,
    new_app: Callable[[], AppTest],
    setup: Setup,  # noqa: F811
    db_path: Path,
) -> None:
    # The coach proposed on "Digibank Test"; the coordinator renamed it since. One click would silently
    # replace their newer name: the page says so and shows what the field holds now.
    _open(app, setup, setup.coach, "partnerschap")
    form = forms.IDENTITY.form_id()
    app.selectbox(key=f"suggest_field_{form}").set_value("name")
    app.text_area(key=f"suggest_text_{form}").input("Digibank Rupel")
    app.button(key=f"FormSubmitter:suggest_{form}-Voorstel versturen").click().run()
    store = Store(db_path)
    record = store.load(setup.own)
    unit = forms.IDENTITY.unit("")
    renamed = record.dossier.identity.model_copy(update={"name": "Digibank Rupel en Nete"})
    store.save(setup.own, Change.put(unit, renamed, record.version(unit)), by="Cora")
    coordinator = _open(new_app(), setup, setup.coordinator, "partnerschap")
    assert not coordinator.exception
    assert len(Suggestions(db_path).suggestions(setup.own)) == 1
    assert any("veranderde sinds dit voorstel" in str(w.value) for w in coordinator.warning)
    texts = [t.value for t in coordinator.text]
    assert "Digibank Test" in texts and "Digibank Rupel en Nete" in texts  # then and now, as text
