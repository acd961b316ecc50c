"""AppTest of the lazy panels: verdict forms, review tabs and the new-comment form drawn only when open."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.ui.test_app_access import Setup, setup  # noqa: F401 - the fixture
from workbench.access.permissions import DossierRole
from workbench.collab.reviews import Reviews, ReviewStatus
from workbench.ui.common import PAGES

SAVE_VERDICT = "review_save_doelgroep"


def _open(app: AppTest, setup: Setup, page: str) -> AppTest:  # noqa: F811
    setup.logged_in(app, setup.coach)
    app.session_state["dossier_id"] = setup.own
    app.run()
    app.switch_page(PAGES[page]).run()
    assert not app.exception
    return app


def _keys(app: AppTest, kind: str) -> set[str]:
    return {str(widget.key) for widget in app.get(kind) if getattr(widget, "key", None)}


def _verdict_line(app: AppTest) -> list[str]:
    return [c.value for c in app.caption if c.value.startswith("Beoordeling coach: ")]


def test_the_verdict_forms_are_drawn_only_for_the_popover_opened(app: AppTest, setup: Setup) -> None:  # noqa: F811
    _open(app, setup, "review")
    assert len(_verdict_line(app)) == 14  # every step's verdict line is there
    assert not {k for k in _keys(app, "radio") if k.startswith("review_status_")}
    app.session_state["review_open_doelgroep"] = True  # what opening "Beoordelen" sets
    app.run()
    assert {k for k in _keys(app, "radio") if k.startswith("review_status_")} == {"review_status_doelgroep"}


def test_a_verdict_saved_through_the_popover_closes_it_and_shows_on_the_line(
    app: AppTest,
    setup: Setup,  # noqa: F811
    db_path: Path,
) -> None:
    _open(app, setup, "review")
    app.session_state["review_open_doelgroep"] = True
    app.run()
    app.radio(key="review_status_doelgroep").set_value(ReviewStatus.NEEDS_WORK)
    app.text_area(key="review_reason_doelgroep").input("Geen cijfers per doelgroep")
    app.button(key=SAVE_VERDICT).click().run()
    assert not app.exception
    review = Reviews(db_path).section_reviews(setup.own)["doelgroep"]
    assert (review.status, review.reason) == (ReviewStatus.NEEDS_WORK, "Geen cijfers per doelgroep")
    assert app.session_state["review_open_doelgroep"] is False  # closed after the save
    assert "review_status_doelgroep" not in _keys(app, "radio")
    assert any(line.startswith("Beoordeling coach: Werk nodig · ") for line in _verdict_line(app))
    assert "Geen cijfers per doelgroep" in [t.value for t in app.text]


def test_the_coachs_reason_survives_a_click_outside_the_popover(
    app: AppTest,
    setup: Setup,  # noqa: F811
    db_path: Path,
) -> None:
    # A click outside closes the popover; the reason typed into it must not be lost with it.
    _open(app, setup, "review")
    app.session_state["review_open_doelgroep"] = True
    app.run()
    app.radio(key="review_status_doelgroep").set_value(ReviewStatus.NEEDS_WORK)
    app.text_area(key="review_reason_doelgroep").input("Geen <b>cijfers</b> per doelgroep")
    app.run()  # the reason is sent when the field loses the focus
    app.session_state["review_open_doelgroep"] = False  # the click outside
    app.run()
    assert "review_reason_doelgroep" not in _keys(app, "text_area")
    app.session_state["review_open_doelgroep"] = True
    app.run()
    assert app.text_area(key="review_reason_doelgroep").value == "Geen <b>cijfers</b> per doelgroep"
    assert app.radio(key="review_status_doelgroep").value == ReviewStatus.NEEDS_WORK
    assert "doelgroep" not in Reviews(db_path).section_reviews(setup.own)  # not saved until asked
    app.button(key=SAVE_VERDICT).click().run()
    review = Reviews(db_path).section_reviews(setup.own)["doelgroep"]
    assert (review.status, review.reason) == (ReviewStatus.NEEDS_WORK, "Geen <b>cijfers</b> per doelgroep")
    # Opened again after the save, the form starts from the saved verdict.
    app.session_state["review_open_doelgroep"] = True
    app.run()
    assert app.text_area(key="review_reason_doelgroep").value == "Geen <b>cijfers</b> per doelgroep"


def test_only_the_open_tab_of_the_review_page_is_drawn(app: AppTest, setup: Setup) -> None:  # noqa: F811
    _open(app, setup, "review")
    assert "review_rubric_criterion" not in _keys(app, "selectbox")
    app.session_state["review_tab"] = "Klaar om in te dienen?"
    app.run()
    assert not app.exception
    assert "review_rubric_criterion" in _keys(app, "selectbox")
    assert not _verdict_line(app)  # the verdicts tab is not drawn now


def test_the_new_comment_form_is_drawn_only_when_opened(app: AppTest, setup: Setup) -> None:  # noqa: F811
    _open(app, setup, "doelgroep")
    assert "comments_new_text_doelgroep" not in _keys(app, "text_area")
    app.session_state["comments_new_open_doelgroep"] = True  # what opening "Nieuwe opmerking" sets
    app.run()
    assert "comments_new_text_doelgroep" in _keys(app, "text_area")


def test_a_typed_comment_survives_closing_and_reopening_and_is_posted(
    app: AppTest,
    setup: Setup,  # noqa: F811
    db_path: Path,
) -> None:
    _open(app, setup, "doelgroep")
    app.session_state["comments_new_open_doelgroep"] = True
    app.run()
    app.text_area(key="comments_new_text_doelgroep").input("Hoeveel mensen bereiken we echt?")
    app.selectbox(key="comments_new_partner_doelgroep").select("vzw").run()
    app.session_state["comments_new_open_doelgroep"] = False  # closed with the text unsent
    app.run()
    assert "comments_new_text_doelgroep" not in _keys(app, "text_area")
    app.switch_page(PAGES["partners"]).run()  # another page meanwhile
    app.switch_page(PAGES["doelgroep"]).run()
    app.session_state["comments_new_open_doelgroep"] = True
    app.run()
    assert app.text_area(key="comments_new_text_doelgroep").value == "Hoeveel mensen bereiken we echt?"
    assert app.selectbox(key="comments_new_partner_doelgroep").value == "vzw"
    app.button(key="comments_post_doelgroep").click().run()
    assert not app.exception
    (thread,) = Reviews(db_path).threads(setup.own)
    assert (thread.comments[0].body, thread.responsible_partner) == (
        "Hoeveel mensen bereiken we echt?",
        "vzw",
    )
    assert app.text_area(key="comments_new_text_doelgroep").value == ""  # emptied once posted
    app.session_state["comments_new_open_doelgroep"] = False
    app.run()
    app.session_state["comments_new_open_doelgroep"] = True
    app.run()
    assert app.text_area(key="comments_new_text_doelgroep").value == ""  # and not brought back


def test_a_comment_typed_in_one_dossier_never_shows_in_another(app: AppTest, setup: Setup) -> None:  # noqa: F811
    setup.accounts.set_member(setup.foreign, setup.coach.id, DossierRole.COACH, by="setup")
    _open(app, setup, "doelgroep")
    app.session_state["comments_new_open_doelgroep"] = True
    app.run()
    app.text_area(key="comments_new_text_doelgroep").input("Alleen voor dit dossier")
    app.session_state["comments_new_open_doelgroep"] = False
    app.run()
    app.switch_page(PAGES["start"]).run()
    app.query_params["dossier"] = str(setup.foreign)  # the other dossier, as its link opens it
    app.switch_page(PAGES["doelgroep"]).run()
    app.session_state["comments_new_open_doelgroep"] = True
    app.run()
    assert not app.exception
    assert "Geheime Digibank Elders" in next(c.value for c in app.caption)
    assert app.text_area(key="comments_new_text_doelgroep").value == ""
    app.query_params["dossier"] = str(setup.own)  # back: the text typed there is still there
    app.session_state["comments_new_open_doelgroep"] = False
    app.run()
    app.session_state["comments_new_open_doelgroep"] = True
    app.run()
    assert app.text_area(key="comments_new_text_doelgroep").value == "Alleen voor dit dossier"
