"""AppTest of the access pages: login gate, throttling, own dossiers only, comments, invitations."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from tests.shown import as_seen
from workbench.access.account_records import User
from workbench.access.accounts import Accounts
from workbench.access.permissions import DossierRole
from workbench.collab.reviews import Reviews
from workbench.dossier.model import Dossier, Identity
from workbench.guide import forms
from workbench.store.dossiers import Store
from workbench.ui.common import PAGES

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Workshop-Wachtwoord-1"


class Setup:
    def __init__(self, db_path: Path, dossier: Dossier) -> None:
        self.db = db_path
        store = Store(db_path)
        self.own = store.import_dossier(dossier, by="setup")
        self.foreign = store.import_dossier(
            Dossier(identity=Identity(name="Geheime Digibank Elders", call="voortraject")), by="setup"
        )
        self.accounts = Accounts(db_path, hasher=PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        self.coordinator = self._user("coordinator@stad.be", "Cora", DossierRole.COORDINATOR)
        self.coach = self._user("coach@vlaanderen.be", "Cas", DossierRole.COACH)
        other = self.accounts.add_user("other@elders.be", "Olga", PASSWORD)
        self.accounts.set_member(self.foreign, other.id, DossierRole.COORDINATOR, by="setup")

    def _user(self, email: str, name: str, role: DossierRole) -> User:
        user = self.accounts.add_user(email, name, PASSWORD)
        self.accounts.set_member(self.own, user.id, role, by="setup")
        return user

    def logged_in(self, app: AppTest, user: User) -> AppTest:
        app.session_state["auth_token"] = self.accounts.login(user.email, PASSWORD).token
        return app


@pytest.fixture
def setup(db_path: Path, small_dossier: Dossier) -> Setup:
    return Setup(db_path, small_dossier)


def _texts(app: AppTest) -> str:
    parts = [
        e.value
        for kind in ("text", "markdown", "caption", "title", "error", "info", "success")
        for e in getattr(app, kind)
    ]
    return "\n".join(str(p) for p in parts)


def _login(app: AppTest, email: str, password: str) -> AppTest:
    app.text_input(key="login_email").input(email)
    app.text_input(key="login_password").input(password)
    return app.button(key="FormSubmitter:login-Aanmelden").click().run()


def test_with_accounts_nothing_shows_before_login(app: AppTest, setup: Setup) -> None:
    app.run()
    assert not app.exception
    assert [t.value for t in app.title] == ["Aanmelden"]
    assert "Digibank Test" not in _texts(app)


def test_wrong_logins_are_refused_then_throttled(app: AppTest, setup: Setup) -> None:
    app.run()
    for _ in range(5):
        _login(app, "coach@vlaanderen.be", "niet-het-wachtwoord")
        assert [e.value for e in app.error] == ["E-mailadres of wachtwoord klopt niet."]
    _login(app, "coach@vlaanderen.be", PASSWORD)
    assert app.error[0].value.startswith("Te veel pogingen. Probeer opnieuw over")
    assert "auth_token" not in app.session_state


def test_login_shows_only_own_dossiers_and_logout_ends_the_session(app: AppTest, setup: Setup) -> None:
    app.run()
    _login(app, "Coach@Vlaanderen.be", PASSWORD)
    assert not app.exception
    token = app.session_state["auth_token"]
    texts = _texts(app)
    assert "Digibank Test" in texts and "Geheime Digibank Elders" not in texts
    app.button(key="auth_logout").click().run()
    assert setup.accounts.user_for_token(token) is None
    assert [t.value for t in app.title] == ["Aanmelden"]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("page", sorted(PAGES))
@pytest.mark.parametrize("who", ["coordinator", "coach"])
def test_every_page_runs_for_a_logged_in_member(
    app: AppTest, setup: Setup, page: str, lang: str, who: str
) -> None:
    if page == "login":
        return  # replaced by the workbench once logged in
    setup.logged_in(app, getattr(setup, who))
    app.session_state["dossier_id"] = setup.own
    app.session_state["lang"] = lang
    app.run()
    if page == "users":
        setup.accounts.set_admin(setup.coordinator.id, True)
        app.run()
        if who == "coach":
            return
    app.switch_page(PAGES[page]).run()
    assert not app.exception
    assert "Geheime Digibank Elders" not in _texts(app)


def test_foreign_dossier_by_id_is_refused_without_showing_it(app: AppTest, setup: Setup) -> None:
    setup.logged_in(app, setup.coordinator)
    app.query_params["dossier"] = str(setup.foreign)
    app.run()
    assert not app.exception
    assert "Je hebt geen toegang tot dit dossier." in [e.value for e in app.error]
    app.switch_page(PAGES["partnerschap"]).run()
    assert "Geheime Digibank Elders" not in _texts(app)
    assert "dossier_id" not in app.session_state


def test_coach_comments_and_the_coordinator_resolves(
    app: AppTest, new_app: Callable[[], AppTest], setup: Setup, db_path: Path
) -> None:
    setup.logged_in(app, setup.coach)
    app.session_state["dossier_id"] = setup.own
    app.run()
    app.switch_page(PAGES["partnerschap"]).run()
    app.session_state["comments_new_open_partnerschap"] = True  # "Nieuwe opmerking" opened
    app.run()
    app.text_area(key="comments_new_text_partnerschap").input("Welk werkingsgebied precies?")
    app.button(key="comments_post_partnerschap").click().run()
    assert not app.exception
    (thread,) = Reviews(db_path).threads(setup.own)
    assert (thread.comments[0].author, thread.is_open) == ("Cas", True)

    # The coach may not edit the content: no save button (and the core would refuse the save).
    assert "Alleen lezen: je rol in dit dossier laat niet toe dit te bewaren." in [
        c.value for c in app.caption
    ]
    assert f"save_{forms.IDENTITY.form_id()}" not in [b.key for b in app.button]

    coordinator = new_app()
    setup.logged_in(coordinator, setup.coordinator)
    coordinator.session_state["dossier_id"] = setup.own
    coordinator.run()
    coordinator.switch_page(PAGES["partnerschap"]).run()
    assert "Welk werkingsgebied precies?" in _texts(coordinator)
    coordinator.button(key=f"FormSubmitter:comments_reply_{thread.id}-Oplossen").click().run()
    assert not Reviews(db_path).thread(setup.own, thread.id).is_open


def test_coordinator_invites_and_a_new_person_joins(
    app: AppTest, new_app: Callable[[], AppTest], setup: Setup, db_path: Path
) -> None:
    setup.logged_in(app, setup.coordinator)
    app.session_state["dossier_id"] = setup.own
    app.run()
    app.switch_page(PAGES["members"]).run()
    app.selectbox(key="members_invite_role").select(DossierRole.PARTNER_EDITOR)
    app.button(key="FormSubmitter:members_invite-Uitnodigingscode maken").click().run()
    code = app.code[0].value
    assert len(code) == 19 and code.count("-") == 3

    newcomer = new_app()
    newcomer.query_params["invite"] = code
    newcomer.run()
    assert "Je bent uitgenodigd als Partner (bewerker)." in [as_seen(i.value) for i in newcomer.info]
    newcomer.text_input(key="join_email").input("nieuw@vzw.be")
    newcomer.text_input(key="join_name").input("Nina")
    newcomer.text_input(key="join_password").input(PASSWORD)
    newcomer.text_input(key="join_repeat").input(PASSWORD)
    newcomer.button(key="FormSubmitter:join_register-Account aanmaken en deelnemen").click().run()
    assert not newcomer.exception
    nina = setup.accounts.find_user("nieuw@vzw.be")
    assert nina is not None and setup.accounts.role_of(setup.own, nina.id) == DossierRole.PARTNER_EDITOR
    assert [t.value for t in newcomer.title] == ["Partnerschap"]
    assert "Digibank Test" in _texts(newcomer)


def test_coach_sets_a_section_review(app: AppTest, setup: Setup, db_path: Path) -> None:
    setup.logged_in(app, setup.coach)
    app.session_state["dossier_id"] = setup.own
    app.run()
    app.switch_page(PAGES["review"]).run()
    app.session_state["review_open_doelgroep"] = True  # "Beoordelen" opened
    app.run()
    app.radio(key="review_status_doelgroep").set_value("needs_work")
    app.text_area(key="review_reason_doelgroep").input("Geen cijfers per doelgroep")
    app.button(key="review_save_doelgroep").click().run()
    assert not app.exception
    review = Reviews(db_path).section_reviews(setup.own)["doelgroep"]
    assert (review.status, review.reason, review.by) == ("needs_work", "Geen cijfers per doelgroep", "Cas")


def test_a_comment_can_point_at_one_field(app: AppTest, setup: Setup, db_path: Path) -> None:
    setup.logged_in(app, setup.coach)
    app.session_state["dossier_id"] = setup.own
    app.run()
    app.switch_page(PAGES["partners"]).run()
    app.session_state["comments_new_open_partners"] = True
    app.run()
    app.text_area(key="comments_new_text_partners").input("Ondernemingsnummer van de vzw?")
    app.selectbox(key="comments_new_field_partners").select("enterprise_number")
    app.selectbox(key="comments_new_partner_partners").select("vzw")
    app.button(key="comments_post_partners").click().run()
    assert not app.exception
    (thread,) = Reviews(db_path).threads(setup.own)
    assert (thread.anchor.step, thread.anchor.field, thread.responsible_partner) == (
        "partners",
        "enterprise_number",
        "vzw",
    )
    assert "Ondernemingsnummer · voor Vzw Verbinding" in [c.value for c in app.caption]
