"""A coach and a coordinator in two browsers: verdicts count everywhere and turn stale; pinned comments."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from playwright.sync_api import expect

from tests.e2e.conftest import App, start_app, wait_for_app
from tests.e2e.test_access_browser import PASSWORD, log_in
from tests.e2e.test_guided_path_browser import (
    choose,
    click,
    eventually,
    expander,
    narrative_form,
    nav_link,
    nav_state,
    open_expander,
    settle,
    type_into,
)
from workbench.access.accounts import Accounts
from workbench.access.permissions import DossierRole
from workbench.collab.reviews import Anchor, Reviews, ReviewStatus
from workbench.collab.thread_places import clause_title
from workbench.demo import demo_dossiers
from workbench.store.dossiers import Store

pytestmark = pytest.mark.e2e
REASON = "Geen aantallen per gemeente"
MONDAY = datetime(2026, 3, 2, 9, 15, tzinfo=UTC)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    """A running app with the ZORA demo dossier, a coordinator and a coach."""
    db = tmp_path_factory.mktemp("review") / "workbench.db"
    ids = [Store(db).import_dossier(demo_dossiers()[0], by="setup") for _ in range(4)]
    accounts = Accounts(db)
    for email, name, role in [
        ("coordinator@zora.be", "Cora Coördinator", DossierRole.COORDINATOR),
        ("coach@vlaanderen.be", "Cas Coach", DossierRole.COACH),
    ]:
        user = accounts.add_user(email, name, PASSWORD)
        for dossier_id in ids:
            accounts.set_member(dossier_id, user.id, role, by="setup")
    running = start_app(db)
    running.ids = ids  # type: ignore[attr-defined]
    yield running
    running.process.terminate()
    running.process.wait(timeout=10)


def _enter(page: Any, app: App, email: str, dossier_id: int) -> None:
    """Log in with the dossier open, then go to its Doelgroep page (a reload would end the session)."""
    log_in(page, app, email, query=f"/?dossier={dossier_id}")
    _open(page, "Doelgroep")
    page.get_by_role("heading", name="Doelgroep").first.wait_for()


def _open(page: Any, title: str) -> None:
    """Go to a page through the sidebar, as a person does (keeping the session)."""
    nav_link(page, title).click()
    settle(page)


def test_needs_work_shows_in_the_navigation_and_the_overview_and_turns_stale_after_an_edit(
    app: App, new_page: Any
) -> None:
    dossier_id = app.ids[0]  # type: ignore[attr-defined]
    coach = new_page()
    _enter(coach, app, "coach@vlaanderen.be", dossier_id)
    assert nav_state(coach, "Doelgroep") == "check_circle"  # complete by the rules alone

    coach.locator(".st-key-verdict_doelgroep").wait_for()
    click(coach, coach, "Beoordelen")
    # The popover draws its form once it is open: wait for it.
    form = coach.locator("[data-testid='stPopoverBody']").filter(has=coach.get_by_text("Beoordeling bewaren"))
    form.wait_for(timeout=30_000)
    form.get_by_text("Werk nodig", exact=True).click()
    form.get_by_label("Reden", exact=True).fill(REASON)
    click(coach, form, "Beoordeling bewaren")
    eventually(lambda: "doelgroep" in Reviews(app.db).section_reviews(dossier_id))
    # Saved: the popover closes by itself and the verdict line shows the new verdict.
    expect(form).to_have_count(0, timeout=30_000)
    expect(coach.locator(".st-key-verdict_doelgroep")).to_contain_text("Werk nodig", timeout=30_000)
    coach.get_by_text(REASON, exact=True).first.wait_for()
    _open(coach, "Doelgroep")
    assert nav_state(coach, "Doelgroep") == "error"  # no longer green
    coach.screenshot(path=str(Path(app.db).with_name("needs-work.png")), full_page=True)

    _open(coach, "Overzicht")
    finding = f"✖ Coach Cas Coach: werk nodig. {REASON}"
    open_expander(coach, "Doelgroep (1)").get_by_text(finding, exact=True).wait_for()
    coach.get_by_text(re.compile(r"^Doelgroep · Vraagt aandacht · \d+ % · Werk nodig$")).wait_for()

    coordinator = new_page()
    _enter(coordinator, app, "coordinator@zora.be", dossier_id)
    coordinator.get_by_role("textbox", name="Toelichting", exact=True).fill("Nu met aantallen per gemeente.")
    click(coordinator, narrative_form(coordinator), "Bewaren")
    narrative = lambda: Store(app.db).load(dossier_id).dossier.strategy.doelgroep.narrative  # noqa: E731
    eventually(lambda: narrative() == "Nu met aantallen per gemeente.")

    _open(coach, "Doelgroep")
    verdict = coach.locator(".st-key-verdict_doelgroep")
    verdict.get_by_text("Verouderd: het onderdeel is gewijzigd na deze beoordeling.").wait_for()
    assert nav_state(coach, "Doelgroep") == "error"  # still needs work until the coach looks again
    _open(coach, "Beoordeling")
    coach.locator(".st-key-verdict_doelgroep").get_by_text("Verouderd", exact=False).wait_for()
    _open(coach, "Overzicht")
    coach.get_by_text(
        re.compile(r"^Doelgroep · Vraagt aandacht · \d+ % · Werk nodig \(verouderd\)$")
    ).wait_for()
    coach.screenshot(path=str(Path(app.db).with_name("stale.png")), full_page=True)


def test_the_coachs_reason_stays_when_a_click_outside_closes_the_popover(app: App, new_page: Any) -> None:
    dossier_id = app.ids[3]  # type: ignore[attr-defined]
    coach = new_page()
    _enter(coach, app, "coach@vlaanderen.be", dossier_id)
    coach.locator(".st-key-verdict_doelgroep").wait_for()
    click(coach, coach, "Beoordelen")
    body = coach.locator("[data-testid='stPopoverBody']").filter(has=coach.get_by_text("Beoordeling bewaren"))
    body.wait_for(timeout=30_000)
    body.get_by_text("Werk nodig", exact=True).click()
    settle(coach)
    reason = "Cijfers <b>per</b> gemeente {{ 7*7 }}"
    body.get_by_label("Reden", exact=True).fill(reason)
    coach.get_by_role("heading", name="Doelgroep").first.click()  # outside: the popover closes
    expect(body).to_have_count(0, timeout=30_000)
    settle(coach)
    click(coach, coach, "Beoordelen")
    body.wait_for(timeout=30_000)
    expect(body.get_by_label("Reden", exact=True)).to_have_value(reason)
    assert "doelgroep" not in Reviews(app.db).section_reviews(dossier_id)  # kept, not saved
    click(coach, body, "Beoordeling bewaren")
    eventually(lambda: Reviews(app.db).section_reviews(dossier_id).get("doelgroep") is not None)
    saved = Reviews(app.db).section_reviews(dossier_id)["doelgroep"]
    assert (saved.status, saved.reason) == (ReviewStatus.NEEDS_WORK, reason)


def test_a_stale_ok_verdict_no_longer_counts(app: App, new_page: Any) -> None:
    dossier_id = app.ids[1]  # type: ignore[attr-defined]
    Reviews(app.db).set_section_review(dossier_id, "outreach", ReviewStatus.OK, "", by="Cas Coach")
    coordinator = new_page()
    _enter(coordinator, app, "coordinator@zora.be", dossier_id)
    _open(coordinator, "Overzicht")
    coordinator.get_by_text("· In orde", exact=False).first.wait_for()
    _open(coordinator, "Outreach")
    coordinator.get_by_role("textbox", name="Toelichting", exact=True).fill("Via het OCMW en de bib.")
    click(coordinator, narrative_form(coordinator), "Bewaren")
    narrative = lambda: Store(app.db).load(dossier_id).dossier.strategy.outreach.narrative  # noqa: E731
    eventually(lambda: narrative() == "Via het OCMW en de bib.")
    _open(coordinator, "Overzicht")
    coordinator.get_by_text("In orde (verouderd)", exact=False).wait_for(timeout=60_000)  # a loaded machine


def test_a_comment_pinned_to_the_second_target_group_shows_there(app: App, new_page: Any) -> None:
    dossier_id = app.ids[2]  # type: ignore[attr-defined]
    first, second, _ = Store(app.db).load(dossier_id).dossier.strategy.doelgroep.target_groups
    coach = new_page()
    _enter(coach, app, "coach@vlaanderen.be", dossier_id)
    form = open_expander(coach, "Nieuwe opmerking")  # its widgets are drawn once it is open
    text = form.get_by_label("Nieuwe opmerking", exact=True)
    type_into(coach, form, "Nieuwe opmerking", "Hoeveel gezinnen <b>precies</b>?")  # sent on leaving it
    # Closed and opened again before sending: what was typed is still there.
    form.locator("summary").click()
    settle(coach)
    expect(text).to_have_count(0)
    form = open_expander(coach, "Nieuwe opmerking")
    expect(form.get_by_label("Nieuwe opmerking", exact=True)).to_have_value(
        "Hoeveel gezinnen <b>precies</b>?"
    )
    choose(coach, form, "Over welk item", second.name)
    click(coach, form, "Opmerking plaatsen")
    eventually(lambda: len(Reviews(app.db).threads(dossier_id)) == 1)
    (thread,) = Reviews(app.db).threads(dossier_id)
    assert thread.anchor == Anchor(step="doelgroep", item=second.id)

    coach.get_by_text(f"{second.name}", exact=False).first.wait_for()
    box = open_expander(coach, second.name)
    box.get_by_text("Opmerkingen bij dit item (1 open)", exact=False).wait_for()
    box.get_by_text("Hoeveel gezinnen <b>precies</b>?", exact=True).wait_for()
    other = open_expander(coach, first.name)
    assert other.get_by_text("Hoeveel gezinnen", exact=False).count() == 0
    coach.screenshot(path=str(Path(app.db).with_name("pinned.png")), full_page=True)

    # The comment list: filtered by step and author, each entry links to its place.
    _open(coach, "Opmerkingen")
    choose(coach, coach, "Geschreven door", "Cas Coach")
    card = coach.locator(f".st-key-comments_thread_{thread.id}")
    card.get_by_text(f"Doelgroep · {second.name}", exact=True).wait_for()
    card.get_by_role("link", name="Naar Doelgroep").click()
    settle(coach)
    assert "/doelgroep" in coach.url
    expander(coach, second.name).get_by_text("Opmerkingen bij dit item (1 open)", exact=False).wait_for()


def test_the_agreements_word_comments_sit_on_their_paragraphs_with_their_own_dates(
    app: App, new_page: Any
) -> None:
    dossier_id = app.ids[2]  # type: ignore[attr-defined]
    reviews = Reviews(app.db)
    thread = reviews.start_thread(
        dossier_id, Anchor(step="governance"), "Wie zit voor?", "Cas Coach", now=MONDAY
    )
    reviews.reply(dossier_id, thread.id, "De burgemeester", "Cora Coördinator")
    coordinator = new_page()
    _enter(coordinator, app, "coordinator@zora.be", dossier_id)
    # A clause comment from the UI.
    _open(coordinator, "Opmerkingen")
    box = open_expander(coordinator, "Opmerking bij een artikel van de overeenkomst")
    choose(coordinator, box, "Artikel", clause_title("vertrouwelijkheid", "nl"))
    box.get_by_label("Nieuwe opmerking", exact=True).fill("Ook voor vrijwilligers?")
    click(coordinator, box, "Opmerking plaatsen")
    eventually(lambda: any(t.anchor.clause == "vertrouwelijkheid" for t in reviews.threads(dossier_id)))

    _open(coordinator, "Documenten")
    coordinator.get_by_role("button", name="Document genereren").click()
    coordinator.get_by_text("Document klaar en bewaard").wait_for(timeout=90_000)
    wait_for_app(coordinator)
    coordinator.get_by_text("Met de open opmerkingen als Word-opmerkingen").click()
    settle(coordinator)
    with coordinator.expect_download(timeout=60_000) as caught:
        coordinator.get_by_role("button", name="Word-bestand downloaden").click()
    document = docx.Document(io.BytesIO(Path(caught.value.path()).read_bytes()))
    comments = {c.comment_id: c for c in document.comments}
    anchored = {}
    for paragraph in document.paragraphs:
        for start in paragraph._p.iter(qn("w:commentRangeStart")):
            anchored[comments[int(start.get(qn("w:id")))].text] = paragraph.text
    assert anchored["Wie zit voor?"].startswith("Stuurgroep. De stuurgroep stuurt")
    assert anchored["De burgemeester"] == anchored["Wie zit voor?"]
    assert anchored["Ook voor vrijwilligers?"] != "Vertrouwelijkheid"  # the clause's text, not its heading
    by_text = {c.text: c for c in comments.values()}
    assert by_text["Wie zit voor?"].timestamp == MONDAY
    assert by_text["De burgemeester"].author == "Cora Coördinator"
    assert by_text["De burgemeester"].timestamp != MONDAY
