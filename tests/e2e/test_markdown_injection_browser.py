"""No user text is ever read as Markdown: every text of a dossier, its comments, reviews, workshop and
accounts holds image, link and bare-URL payloads; coordinator, coach and viewer open every page in
headless Chromium. Nothing leaves the machine, no link or image comes from user text, the text shows
as typed, and the Content-Security-Policy is never violated (the app works fully under it)."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.e2e.conftest import App, Offline, start_app, wait_for_app
from tests.e2e.payloads import poison
from workbench.access.accounts import Accounts
from workbench.access.permissions import DossierRole
from workbench.collab.consent import Consents
from workbench.collab.reviews import Anchor, Level, ReviewStatus
from workbench.collab.rubric import rubric
from workbench.collab.suggestions import Target
from workbench.collab.workshop import Workshops
from workbench.demo import demo_dossiers
from workbench.documents import generate as documents
from workbench.dossier.model import Dossier
from workbench.dossier.records import Decision
from workbench.guide import forms
from workbench.ui.common import PAGES
from workbench.workspace import Workspace

pytestmark = pytest.mark.e2e

PASSWORD = "Workshop-Wachtwoord-2026"
HOST = "203.0.113.9"  # TEST-NET-3: never a real server; any request to it is a leak
# Each piece is something Markdown (or Streamlit's extensions of it) would turn into an element.
PIECES = [
    f"![i](http://{HOST}/p.png)",
    f"[Klik hier om opnieuw aan te melden](http://{HOST}/login)",
    f"http://{HOST}/bare",
    "www.example.org",
    f"<img src=http://{HOST}/i>",
    ":red[x]",
    "$x^2$",
    f"<a href=//{HOST}>x</a>",
    "javascript:alert(1)",
    "user@example.org",
]
URL_PATHS = {
    "start": "",
    "history": "history",
    "inbox": "inbox",
    "projector": "projector",
    "participate": "meedoen",
}
ROLES = ("coordinator", "coach", "viewer")
# Only a logged-out visitor sees the login page; only an administrator the accounts.
PAGES_OF = {role: sorted(set(PAGES) - {"login", "users"}) for role in ROLES}
# The facilitator picks the workshop first: its board shows there and on the projector. (Coach and
# viewer reach a projector only through its link, which does not survive logging in.) The projector
# hides the sidebar: it comes last.
for keys in PAGES_OF.values():
    keys.sort(key=lambda key: {"workshop": 0, "projector": 2}.get(key, 1))
PAGES_OF["admin"] = ["users"]


def payload(limit: int, start: int = 0) -> str:
    """Return the payload pieces that fit in `limit` characters, beginning with piece `start`."""
    text = ""
    for piece in itertools.islice(itertools.cycle(PIECES), start, start + len(PIECES)):
        if len(candidate := f"{text} {piece}".strip()) <= limit:
            text = candidate
    return text


PAYLOAD = payload(10_000)  # every piece, for free text without a tight limit
_turn = itertools.count()


def poisoned(value: Any) -> Any:
    """Return a model's data with payloads in every free-text field (names keep within 200 characters)."""
    return poison(
        value, lambda item: f"{item[:20]} {payload(178, next(_turn))}"
    )  # each field starts elsewhere


def email(name: str) -> str:
    return f"[{name}](http://{HOST}/m)@example.org"  # a valid address that is a Markdown link


def display_name(name: str) -> str:
    return f"{name} {payload(110, 1)}"


def _fill(db: Path) -> dict[str, Any]:
    """Build the hostile database: dossier, accounts by invitation, comments, reviews, workshop, consent."""
    dossier = Dossier.model_validate(poisoned(demo_dossiers()[0]))
    accounts = Accounts(db)
    admin = accounts.add_user(email("admin"), display_name("Ann"), PASSWORD, admin=True)
    dossier_id = Workspace(db, admin).import_dossier(dossier)
    admin_ws = Workspace(db, admin)
    users = {}
    for role, dossier_role in [
        ("coordinator", DossierRole.COORDINATOR),
        ("coach", DossierRole.COACH),
        ("viewer", DossierRole.VIEWER),
    ]:
        code, _ = admin_ws.invite(dossier_id, dossier_role)
        accounts.register_with_invitation(code, email(role), display_name(role.title()), PASSWORD)
        users[role] = accounts.find_user(email(role))
    admin_ws.invite(dossier_id, DossierRole.PARTNER_EDITOR)  # one pending invitation on the members page
    coordinator, coach = Workspace(db, users["coordinator"]), Workspace(db, users["coach"])
    record = coordinator.load(dossier_id)
    partner = record.dossier.partners[0]
    for step in ("partnerschap", "partners", "doelgroep", "overzicht"):
        thread = coach.start_thread(dossier_id, Anchor(step=step), PAYLOAD, responsible_partner=partner.id)
        coordinator.reply(dossier_id, thread.id, PAYLOAD)
    resolved = coach.start_thread(dossier_id, Anchor(step="partners", field="name"), PAYLOAD)
    # Pinned to one item (its name is poisoned too, and shown where the thread is) and to a clause.
    group = record.dossier.strategy.doelgroep.target_groups[1]
    coach.start_thread(
        dossier_id, Anchor(step="doelgroep", item=group.id), PAYLOAD, responsible_partner=partner.id
    )
    coach.start_thread(dossier_id, Anchor(step="partners", item=partner.id), PAYLOAD)
    coach.start_thread(dossier_id, Anchor(step="governance", clause="governance"), PAYLOAD)
    coordinator.resolve(dossier_id, resolved.id, PAYLOAD)
    # Issue 15: a suggestion, an assignment and a review request, each carrying the payload.
    for form in (forms.IDENTITY.key, forms.SECTIONS["doelgroep"].own.key):
        field = "name" if form == forms.IDENTITY.key else "narrative"
        coach.suggest(dossier_id, Target(form, "", field), payload(190, 3), PAYLOAD)
    coach.assign_thread(dossier_id, thread.id, users["coordinator"].id)
    coordinator.assign_thread(dossier_id, resolved.id, users["coach"].id)
    coordinator.request_review(dossier_id, users["coach"].id, PAYLOAD)
    for step in ("partnerschap", "partners", "doelgroep", "budget"):
        coach.set_section_review(dossier_id, step, ReviewStatus.NEEDS_WORK, PAYLOAD)
    coach.set_rubric_level(dossier_id, rubric().criterion[0].key, Level.PARTLY, PAYLOAD)
    workshops = Workshops(db)
    workshop = workshops.start(coordinator, dossier_id, "doelgroep", by=users["coordinator"].label)
    ideas = []
    for n in range(4):
        # Names on one board are unique (issue 15): each payload name ends in its own number.
        joined = workshops.join(workshop.code, f"{payload(36, n)} #{n}")
        ideas.append(workshops.add_idea(joined.token, payload(500, n)))
        workshops.vote(joined.token, ideas[-1].id)
    workshops.cluster(coordinator, workshop.id, [ideas[0].id, ideas[1].id], payload(60, 2))
    workshops.add_formulation(coordinator, workshop.id, PAYLOAD, users["coordinator"].label)
    Consents(db).record(
        coordinator,
        dossier_id,
        "doelgroep",
        partner.id,
        Decision.OBJECT,
        PAYLOAD,
        by=users["coordinator"].label,
    )
    record = coordinator.load(dossier_id)
    coordinator.save_document(
        dossier_id,
        kind="agreement",
        lang="nl",
        revision=record.revision,
        data=documents.generate(record.dossier, "nl", "agreement", picture=False),
        template=f"{payload(60, 0)}.docx",  # the name of an uploaded template file is user text
    )
    return {"dossier_id": dossier_id, "workshop_id": workshop.id, "dossier": record.dossier}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[App, dict[str, Any]]]:
    db = tmp_path_factory.mktemp("markdown") / "workbench.db"
    facts = _fill(db)
    app = start_app(db)
    yield app, facts
    app.process.terminate()
    app.process.wait(timeout=10)


# Record every Content-Security-Policy refusal, in every frame (the graph is an srcdoc iframe), and
# count the websocket messages the page has been handed (this listener comes before Streamlit's).
WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
window.__messages = 0;
window.WebSocket = class extends window.WebSocket {
  constructor(...args) {
    super(...args);
    this.addEventListener('message', () => { window.__messages += 1; });
  }
};
"""


class Runs:
    """Follow the script runs of one tab through its websocket: which message ended the last run.

    A run can start and end within one browser frame, so the page's own "running" state may never
    show; and on a loaded machine the browser may draw a run well after the server finished it.
    """

    def __init__(self, page: Any) -> None:
        self.messages = 0  # messages received so far
        self.finished = 0  # runs (of the page or of a fragment) finished so far
        self.last = 0  # the number of the message that ended the last run
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload: str | bytes) -> None:
        self.messages += 1
        if isinstance(payload, bytes):
            message = ForwardMsg.FromString(payload)
            # A field or a button inside a form reruns that form's fragment alone: a run too.
            if message.WhichOneof("type") == "script_finished" and message.script_finished in (
                ForwardMsg.FINISHED_SUCCESSFULLY,
                ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
            ):
                self.finished += 1
                self.last = self.messages


# Links and images the page has that do not point at this server, or that carry payload text;
# elements that Markdown or HTML in user text would have made.
INSPECT = """
() => {
  const found = [];
  const local = url => url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')
    || new URL(url, document.baseURI).host === location.host || location.protocol === 'about:';
  const marks = ['203.0.113.9', '203-0-113-9', 'example.org', 'example-org', 'javascript', 'mailto:',
                 'Klik hier'];
  for (const a of document.querySelectorAll('a')) {
    const href = a.getAttribute('href') || '';
    if (marks.some(m => href.includes(m) || a.textContent.includes(m)) || (href && !local(a.href)))
      found.push('link ' + a.outerHTML.slice(0, 200));
  }
  for (const img of document.querySelectorAll('img')) {
    const src = img.getAttribute('src') || '';
    if (marks.some(m => src.includes(m) || (img.alt || '').includes(m)) || !local(img.src))
      found.push('image ' + img.outerHTML.slice(0, 200));
  }
  for (const el of document.querySelectorAll('.katex, [data-testid=stMarkdownContainer] a[href*="."]'))
    found.push('markup ' + el.outerHTML.slice(0, 200));
  return found;
}
"""


def logged_in(new_page: Any, app: App, role: str, query: str) -> tuple[Any, Runs]:
    """Open a browser tab, watched, and log in as one of the people (the session cookie keeps it)."""
    page = new_page()
    page.add_init_script(WATCH)
    page.goto(f"{app.url}/{query}")
    wait_for_app(page)
    page.get_by_label("E-mailadres").fill(email(role))
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    # The login hands itself over to the cookie with a page load of its own: watch the runs from
    # a fresh page load on, so the page's count and ours start together.
    page.get_by_role("button", name="Afmelden").wait_for(timeout=30_000)
    page.wait_for_function(
        "() => document.readyState === 'complete' && !location.pathname.startsWith('/auth')"
    )
    runs = Runs(page)
    page.reload()
    wait_for_app(page)
    page.get_by_role("button", name="Afmelden").wait_for(timeout=30_000)
    return page, runs


def visible_text(page: Any) -> str:
    """Return the text of the page as a person reads it (the invisible word joiners removed)."""
    return str(page.inner_text("body")).replace("\u2060", "")


def act(page: Any, runs: Runs, action: Callable[[], object]) -> None:
    """Do something that reruns the script; return once that run has ended and is drawn."""
    finished = runs.finished
    action()
    deadline = time.monotonic() + 30
    while runs.finished <= finished:
        assert time.monotonic() < deadline, "the script run did not finish"
        page.wait_for_timeout(50)  # lets Playwright deliver the websocket messages
    # The page has been handed the message that ended the run; let it finish handling it and draw.
    page.wait_for_function("last => window.__messages >= last", arg=runs.last, timeout=30_000)
    page.evaluate(
        "async () => { await new Promise(r => setTimeout(r, 0));"
        " await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0))); }"
    )
    page.wait_for_function(
        """() => !document.querySelector('[data-stale="true"]')
            && document.querySelector('[data-testid=stApp]').dataset.testScriptState === 'notRunning'""",
        timeout=30_000,
    )
    wait_for_app(page)


def go_to(page: Any, runs: Runs, app: App, key: str) -> None:
    """Open a page through the sidebar, as a person would (the login holds for this tab only)."""
    path = URL_PATHS.get(key, Path(PAGES[key]).stem)
    act(page, runs, page.locator(f"[data-testid='stSidebarNav'] a[href='{app.url}/{path}']").click)


def choose_workshop(page: Any, runs: Runs) -> None:
    """Pick the workshop on the facilitator's page: its board shows, and the projector follows it."""
    page.locator(".st-key-ws_choose input").click()
    act(page, runs, page.get_by_role("option").first.click)


def leaks(page: Any) -> list[str]:
    """Inspect every frame; return what came from user text, and every CSP violation."""
    found = []
    for frame in page.frames:
        found += [f"{frame.url[:40]}: {item}" for item in frame.evaluate(INSPECT)]
        found += [f"{frame.url[:40]}: csp {v}" for v in frame.evaluate("() => window.__csp || []")]
    return found


@pytest.mark.parametrize("role", [*ROLES, "admin"])
def test_every_page_shows_user_text_as_text(
    hostile: tuple[App, dict[str, Any]], new_page, offline: Offline, role: str
) -> None:
    app, facts = hostile
    page, runs = logged_in(new_page, app, role, f"?dossier={facts['dossier_id']}")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    failures: dict[str, list[str]] = {}
    for key in PAGES_OF[role]:
        before = len(offline.blocked)
        go_to(page, runs, app, key)
        if key == "workshop" and role == "coordinator":
            choose_workshop(page, runs)
        found = leaks(page) + [f"request {url}" for url in offline.blocked[before:]]
        if found:
            failures[key] = found
        page.evaluate("() => { window.__csp = []; }")
    details = "\n".join(f"{key}: {items[:4]}" for key, items in failures.items())
    assert not failures, f"pages that leak: {sorted(failures)}\n{details}"
    assert dialogs == []
    assert offline.blocked == []


def test_the_dossier_name_and_comments_show_as_typed(hostile: tuple[App, dict[str, Any]], new_page) -> None:
    app, facts = hostile
    page, runs = logged_in(new_page, app, "coordinator", f"?dossier={facts['dossier_id']}")
    name = facts["dossier"].identity.name
    go_to(page, runs, app, "workshop")
    choose_workshop(page, runs)
    go_to(page, runs, app, "projector")
    assert payload(500, 3) in visible_text(page)  # an idea on the board
    page, runs = logged_in(new_page, app, "coach", f"?dossier={facts['dossier_id']}")
    go_to(page, runs, app, "overzicht")
    assert name in visible_text(page)
    go_to(page, runs, app, "comments")
    assert PAYLOAD in visible_text(page)  # comment bodies and replies
    assert display_name("Coach") in visible_text(page)  # the author of a comment
    go_to(page, runs, app, "partners")
    assert facts["dossier"].partners[0].name in visible_text(page)  # an expander label, made inert


def test_asking_to_delete_a_partner_names_it_as_typed(hostile: tuple[App, dict[str, Any]], new_page) -> None:
    # The confirmation is an st.warning (Markdown) that quotes the partner's name.
    app, facts = hostile
    page, runs = logged_in(new_page, app, "coordinator", f"?dossier={facts['dossier_id']}")
    go_to(page, runs, app, "partners")
    name = facts["dossier"].partners[0].name
    act(
        page,
        runs,
        page.locator("[data-testid='stExpander'] summary").filter(has_text=name.split(":")[0]).first.click,
    )
    act(page, runs, page.get_by_role("button", name="Verwijderen").first.click)
    warning = page.locator("[data-testid='stAlertContentWarning']")
    assert f"“{name}” verwijderen?" in warning.inner_text().replace("\u2060", "")
    assert leaks(page) == []
