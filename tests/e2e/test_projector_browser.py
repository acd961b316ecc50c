"""The projector at 1440x900 in a real browser: 45 ideas in 6 clusters, every card on screen, page by page."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import App, start_app, wait_for_app
from tests.e2e.payloads import HOSTILE_IDEAS
from workbench import clock
from workbench.collab.workshop import Workshops
from workbench.collab.workshop_records import Workshop
from workbench.dossier.model import Dossier, Identity, Partner
from workbench.store.dossiers import Store

pytestmark = pytest.mark.e2e
WIDTH, HEIGHT = 1440, 900
CLUSTERS = ["Locaties", "Toeleiding", "Vrijwilligers", "Materiaal", "Communicatie", "Opvolging"]
LONG = (
    "Een digibus die elke week langs de deelgemeenten rijdt, met twee begeleiders en tien laptops, "
    "zodat mensen zonder vervoer toch dicht bij huis geholpen worden met hun eID, Itsme, de bank en "
    "de afspraken bij de dokter; de bibliotheek en het OCMW plannen samen de haltes en de uren. "
)


def _texts() -> list[str]:
    """45 idea texts: mostly short, some of the longest a phone may send, some hostile."""
    texts = [f"Idee {n}: oefenmomenten in wijk {n}" for n in range(33)]
    texts += [LONG * 2, (LONG * 2)[:500], LONG, LONG[:250], LONG[:180], LONG[:400], LONG[:320]]
    texts += HOSTILE_IDEAS
    assert len(texts) == 45
    return texts


def _room(app: App, texts: list[str]) -> tuple[int, Workshop, list[int]]:
    """A dossier, a workshop with these 45 ideas from 9 phones in 6 clusters, and some dots."""
    store = Store(app.db)
    dossier_id = store.import_dossier(
        Dossier(
            identity=Identity(name="Digibank Projectordorp", call="voortraject"),
            partners=[Partner(id="stad", name="Stad")],
        ),
        by="setup",
    )
    workshops = Workshops(app.db)
    workshop = workshops.start(store, dossier_id, "doelgroep", by="Fien", dots=5)
    tokens = [workshops.join(workshop.code, f"Deelnemer {n} met een lange naam").token for n in range(9)]
    ids: list[int] = []
    later = clock.now()
    for n, text in enumerate(texts):
        # Five ideas per phone, each a minute apart: no burst limit in the way.
        ids.append(workshops.add_idea(tokens[n % 9], text, now=later + timedelta(minutes=n)).id)
    for n, label in enumerate(CLUSTERS):
        workshops.cluster(store, workshop.id, ids[n::7], label)  # ids[6::7] stay ungrouped
    for n, token in enumerate(tokens):
        for idea in ids[n : n + 4]:
            workshops.vote(token, idea)
    return dossier_id, workshop, ids


def _cards_on_screen(page: Any) -> set[int]:
    """Return the ids of the idea cards drawn now; each must lie inside the viewport."""
    boxes = page.evaluate(
        """() => [...document.querySelectorAll("[class*='st-key-proj_idea_']")].map(e => {
            const r = e.getBoundingClientRect();
            const key = [...e.classList].find(c => c.startsWith('st-key-proj_idea_'));
            return {key, left: r.left, top: r.top, right: r.right, bottom: r.bottom};
        })"""
    )
    outside = [
        b for b in boxes if b["left"] < 0 or b["top"] < 0 or b["right"] > WIDTH or b["bottom"] > HEIGHT
    ]
    assert outside == [], f"cards outside the {WIDTH}x{HEIGHT} screen: {outside}"
    return {int(b["key"].rsplit("_", 1)[1]) for b in boxes}


def _projector(app: App, new_page: Any, dossier_id: int, workshop: Workshop, first: int) -> Any:
    projector = new_page()
    projector.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    projector.goto(f"{app.url}/projector?dossier={dossier_id}&workshop={workshop.id}")
    wait_for_app(projector)
    projector.locator(f".st-key-proj_idea_{first}").wait_for(timeout=30_000)
    return projector


def _pages_seen(projector: Any) -> tuple[int, set[int]]:
    """Turn every page; return how many there are and the ideas they showed, each card on screen."""
    seen: set[int] = set()
    paging = projector.locator(".st-key-proj_page_of")
    pages = int(paging.inner_text().split()[-1]) if paging.count() else 1
    for n in range(pages):
        if n:
            projector.get_by_role("button", name="Volgende").click()
            expect(paging).to_have_text(f"Pagina {n + 1} van {pages}", timeout=20_000)
            wait_for_app(projector)
        seen |= _cards_on_screen(projector)
    return pages, seen


@pytest.fixture(scope="module")
def room_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    """An app with an address for the room's phones: the projector shows the link and its QR code."""
    running = start_app(
        Path(tmp_path_factory.mktemp("room")) / "workbench.db",
        {"WORKBENCH_PUBLIC_URL": "http://werkbank.zaal.test:8501/"},
    )
    yield running
    running.process.terminate()
    try:
        running.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        running.process.kill()


def test_45_short_ideas_fit_one_projector_screen_beside_the_qr_code(room_app: App, new_page: Any) -> None:
    texts = [f"Idee {n}: oefenmomenten in wijk {n}" for n in range(42)] + HOSTILE_IDEAS[:2] + ["Digibus"]
    dossier_id, workshop, ids = _room(room_app, texts)
    projector = _projector(room_app, new_page, dossier_id, workshop, ids[0])
    expect(projector.locator(".st-key-room_qr img")).to_be_visible()
    expect(projector.locator(".st-key-proj_paging")).to_have_count(0)  # one page: nothing to turn
    assert _cards_on_screen(projector) == set(ids)
    assert projector.evaluate("window.__xss") is None


def test_45_ideas_fit_the_projector_page_by_page_with_a_cluster_overview(app: App, new_page: Any) -> None:
    dossier_id, workshop, ids = _room(app, [t[:500] for t in _texts()])
    projector = _projector(app, new_page, dossier_id, workshop, ids[0])

    # The cluster overview: every cluster with its ideas and dots, on screen.
    overview = projector.locator(".st-key-proj_overview")
    expect(overview).to_be_visible()
    for label in CLUSTERS:
        expect(overview).to_contain_text(label)
    expect(overview).to_contain_text("Niet gegroepeerd")
    box = overview.bounding_box()
    assert box is not None and box["y"] + box["height"] <= HEIGHT
    expect(projector.locator("[class*='st-key-proj_overview_']")).to_have_count(7)
    assert re.search(r"\d+ ideeën · \d+ stip", overview.inner_text())

    # Every page's cards lie inside the screen; the pages together show all 45. Long ideas take more
    # than one page: wait for the pager (on a loaded machine the first drawing may come before it).
    expect(projector.locator(".st-key-proj_page_of")).to_be_visible(timeout=30_000)
    pages, seen = _pages_seen(projector)
    assert seen == set(ids)
    assert pages <= 3  # compact: not one idea a page
    assert projector.evaluate("window.__xss") is None  # the hostile ideas stayed text
    assert projector.locator("[class*='st-key-proj_idea_'] img").count() == 0
