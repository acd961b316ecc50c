"""The graph page in a real Chromium, cut off from the internet: drawing, filters, drop-out, no XSS."""

from __future__ import annotations

import functools
import json
import threading
import time
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import App, wait_for_app
from tests.graph_dossiers import PAYLOADS, payload_dossier
from workbench.demo import demo_dossiers
from workbench.network.analysis import analyse
from workbench.network.graph import build, partner_node
from workbench.network.page import to_html
from workbench.network.words import describe_dropout
from workbench.store.dossiers import Store

pytestmark = pytest.mark.e2e

# Record what a payload would do if it ever ran, and every Content-Security-Policy refusal.
WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class names it so
        pass


@pytest.fixture(scope="module")
def publish(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str, str], str]]:
    """Serve generated pages from a tiny loopback HTTP server; return their address."""
    root = tmp_path_factory.mktemp("graph_pages")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def put(name: str, html: str) -> str:
        (root / name).write_text(html, encoding="utf-8")
        return f"http://127.0.0.1:{server.server_port}/{name}"

    yield put
    server.shutdown()
    server.server_close()


def wait_until(page: Any, expression: str, timeout: float = 30.0) -> None:
    """Poll an expression from outside the page: wait_for_function would eval() inside it, which
    the page's Content-Security-Policy rightly refuses."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression}")
        time.sleep(0.05)


def open_graph(new_page: Callable[..., Any], url: str) -> tuple[Any, list[str]]:
    page = new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda dialog: (errors.append("dialog: " + dialog.message), dialog.dismiss()))
    page.add_init_script(WATCH)
    page.goto(url)
    wait_until(page, "Boolean(window.werkbankGraph && window.werkbankGraph.ready)")
    return page, errors


def node_point(page: Any, node_id: str) -> dict[str, float]:
    return page.evaluate(
        """id => {
            const net = werkbankGraph.network;
            const dom = net.canvasToDOM(net.getPositions([id])[id]);
            const box = document.querySelector('#mynetwork canvas').getBoundingClientRect();
            return {x: box.left + dom.x, y: box.top + dom.y};
        }""",
        node_id,
    )


def edge_point(page: Any, edge_id: str) -> dict[str, float]:
    return page.evaluate(
        """id => {
            const net = werkbankGraph.network;
            const edge = net.body.edges[id];
            const middle = net.canvasToDOM(edge.edgeType.getPoint(0.5));
            const box = document.querySelector('#mynetwork canvas').getBoundingClientRect();
            return {x: box.left + middle.x, y: box.top + middle.y};
        }""",
        edge_id,
    )


def visible_nodes(page: Any) -> set[str]:
    return set(page.evaluate("werkbankGraph.nodes.get({filter: n => !n.hidden}).map(n => n.id)"))


def visible_edges(page: Any) -> set[str]:
    return set(page.evaluate("werkbankGraph.edges.get({filter: e => !e.hidden}).map(e => e.id)"))


def tooltip_after_hover(page: Any, point: dict[str, float]) -> str:
    page.mouse.move(5, 5)
    page.wait_for_timeout(50)
    page.mouse.move(point["x"], point["y"], steps=4)
    wait_until(
        page,
        "(() => { const t = document.querySelector('div.vis-tooltip');"
        " return Boolean(t && getComputedStyle(t).visibility === 'visible' && t.innerText.length > 0); })()",
        timeout=5,
    )
    return page.locator("div.vis-tooltip").inner_text()


def assert_no_script_ran(page: Any, errors: list[str]) -> None:
    assert page.evaluate("window.__xss") is None
    assert page.evaluate("window.__csp") == []
    assert errors == []


# ---------------------------------------------------------------- a demo dossier


def test_demo_graph_is_drawn_filtered_and_a_dropout_greys_what_is_lost(new_page, publish) -> None:
    dossier = demo_dossiers()[0]  # ZORA Werkt
    built = build(dossier, include_access_points=True)
    analysis = analyse(dossier, built)
    page, errors = open_graph(new_page, publish("zora.html", to_html(dossier, built, analysis, "nl")))

    # drawn: every node on a canvas that is no longer blank
    assert page.evaluate("werkbankGraph.nodes.length") == built.number_of_nodes()
    painted = page.evaluate(
        """() => { const c = document.querySelector('#mynetwork canvas');
                   const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                   let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 200 || d[i+1] < 200) n++;
                   return n; }"""
    )
    assert painted > 2_000
    assert page.locator("#wb-legend").inner_text().count("Lokaal bestuur") == 1

    # filter by role: only the toeleiders stay, with what hangs off them
    toeleiders = {partner_node(p.id) for p in dossier.partners_with_role("toeleider")}
    page.select_option("#wb-filter-role", "toeleider")
    shown = visible_nodes(page)
    assert {n for n in shown if n.startswith("partner:")} == toeleiders
    page.select_option("#wb-filter-role", "")
    assert visible_nodes(page) == set(built.nodes)

    # filter by flow type: subsidy lines disappear, the others stay
    subsidy = {f"edge:{f.id}" for f in dossier.flows if f.type == "subsidy"}
    page.uncheck("#wb-flow-subsidy")
    assert not visible_edges(page) & subsidy
    assert len(visible_edges(page)) == built.number_of_edges() - len(subsidy)
    page.check("#wb-flow-subsidy")

    # click the promotor: its roles show; the drop-out toggle greys what would be lost
    promotor = dossier.partners_with_role("promotor")[0]
    point = node_point(page, partner_node(promotor.id))
    page.mouse.click(point["x"], point["y"])
    details = page.locator("#wb-details")
    details.get_by_text(promotor.name, exact=True).wait_for()
    assert "Promotor" in details.inner_text()
    page.click("#wb-dropout-toggle")
    impact = analysis.dropouts[promotor.id]
    lost = [partner_node(p) for p in impact.cut_off_partners]
    assert lost  # Stad Mortsel holds Borsbeek and Hove to the rest
    for node in lost:
        assert page.evaluate(f"werkbankGraph.nodes.get('{node}').color.background") == "#E4E4E4"
    impact_text = page.locator("#wb-impact").inner_text()
    for line in describe_dropout(dossier, impact, "nl"):
        assert line in impact_text
    assert page.locator("#wb-dropout-toggle").get_attribute("aria-pressed") == "true"

    page.click("#wb-dropout-toggle")  # and back
    assert page.evaluate(f"werkbankGraph.nodes.get('{lost[0]}').color.background") != "#E4E4E4"
    assert page.locator("#wb-impact").inner_text() == ""
    assert_no_script_ran(page, errors)


# ---------------------------------------------------------------- hostile text


def test_script_and_html_in_every_text_stay_text_on_hover_and_click(new_page, publish) -> None:
    dossier = payload_dossier()
    built = build(dossier, include_access_points=True, include_target_groups=True)
    html = to_html(dossier, built, analyse(dossier, built), "nl")
    page, errors = open_graph(new_page, publish("payloads.html", html))
    view = json.loads(page.locator("#wb-data").text_content())

    for node in built.nodes:
        tooltip = tooltip_after_hover(page, node_point(page, node))
        assert tooltip.strip() == view["nodes"][node]["tooltip"].strip()
        point = node_point(page, node)
        page.mouse.click(point["x"], point["y"])
        expected = built.nodes[node]["label"] if node.startswith("partner:") else view["nodes"][node]["label"]
        page.locator("#wb-details h2").get_by_text(expected, exact=True).wait_for()

    for edge in [e for e in view["edges"] if view["edges"][e]["kind"] == "flow"]:
        tooltip = tooltip_after_hover(page, edge_point(page, edge))
        assert tooltip.strip() == view["edges"][edge]["tooltip"].strip()

    # the literal text shows: names, engagements and the drop-out explanation
    point = node_point(page, "partner:x0")
    page.mouse.click(point["x"], point["y"])
    details = page.locator("#wb-details").inner_text()
    assert f"P0 {PAYLOADS[0]}" in details
    assert dossier.roles[0].engagement.splitlines()[1] in details
    for partner in dossier.partners:
        page.select_option("#wb-dropout", partner.id)
        assert partner.name in page.locator("#wb-impact h2").inner_text()
    page.select_option("#wb-filter-role", "eigen_rol")
    assert visible_nodes(page) >= {"partner:x2"}
    assert page.locator("#wb-filter-role option[value=eigen_rol]").inner_text() == f"Rol {PAYLOADS[1]}"
    assert page.title() == f"Dossier {PAYLOADS[1]} - Partnernetwerk"
    assert_no_script_ran(page, errors)


def test_the_href_pitfall_of_pyvis_does_not_apply(new_page, publish) -> None:
    # TECH_NOTES: a partner named "zie href <img src=x onerror=...>" ran script on hover in pyvis.
    dossier = payload_dossier()
    built = build(dossier)
    html = to_html(dossier, built, analyse(dossier, built), "en")
    page, errors = open_graph(new_page, publish("href.html", html))
    tooltip = tooltip_after_hover(page, node_point(page, "partner:x1"))
    assert tooltip.splitlines()[0] == f"P1 {PAYLOADS[1]}"
    assert page.locator("div.vis-tooltip script, div.vis-tooltip img").count() == 0
    assert_no_script_ran(page, errors)


def test_page_written_to_disk_needs_nothing_else(new_page, publish, tmp_path: Path) -> None:
    # the same page the CLI writes, opened from the loopback server with every other request blocked
    dossier = demo_dossiers()[3]
    built = build(dossier)
    page, errors = open_graph(
        new_page, publish("digbij.html", to_html(dossier, built, analyse(dossier), "en"))
    )
    assert "Legend" in page.locator("#wb-legend").inner_text()
    assert_no_script_ran(page, errors)


def test_the_content_security_policy_stops_injected_markup(new_page, publish) -> None:
    # Defence in depth: even if a future change let user HTML into the page, it could not run.
    dossier = demo_dossiers()[1]
    page, errors = open_graph(
        new_page, publish("csp.html", to_html(dossier, build(dossier), analyse(dossier), "nl"))
    )
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=\"window.__xss=1\">')")
    page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', '<svg><script>window.__xss=1</script></svg>')"
    )
    wait_until(page, "window.__csp.length > 0", timeout=5)
    assert page.evaluate("window.__xss") is None
    assert errors == []


# ---------------------------------------------------------------- through the running app


def graph_frame(page: Any) -> Any:
    """Return the frame of the graph (a srcdoc iframe) once its network is ready."""
    page.wait_for_selector("iframe")
    for _ in range(100):
        for frame in page.frames:
            if frame is page.main_frame:
                continue
            try:
                if frame.evaluate("Boolean(window.werkbankGraph && window.werkbankGraph.ready)"):
                    return frame
            except Exception:  # frame still loading or detached
                pass
        page.wait_for_timeout(200)
    raise AssertionError("the graph did not become ready in its iframe")


def frame_node_point(page: Any, frame: Any, node_id: str) -> dict[str, float]:
    inner = node_point(frame, node_id)
    box = page.locator("iframe").first.bounding_box()
    return {"x": box["x"] + inner["x"], "y": box["y"] + inner["y"]}


def test_app_graph_page_of_a_demo_dossier(app: App, new_page) -> None:
    dossier = demo_dossiers()[1]  # Halle - Pepingen - Gooik
    dossier_id = Store(app.db).import_dossier(dossier, by="test")
    page = new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.add_init_script(WATCH)
    page.goto(f"{app.url}/graph_page?dossier={dossier_id}")
    wait_for_app(page)
    page.get_by_role("heading", name="Partnernetwerk").wait_for()
    frame = graph_frame(page)
    assert frame.evaluate("werkbankGraph.nodes.length") == len(dossier.partners)

    frame.select_option("#wb-filter-objective", "toegang")
    holders = {partner_node(p) for p in analyse(dossier).coverage_of("objective", "toegang").partner_ids}
    assert {n for n in visible_nodes(frame) if n.startswith("partner:")} == holders
    frame.select_option("#wb-filter-objective", "")

    stad = next(p for p in dossier.partners if p.name == "Stad Halle")
    frame.select_option("#wb-dropout", stad.id)
    impact = frame.locator("#wb-impact").inner_text()
    assert "Partners die los komen te staan van het netwerk" in impact
    greyed = frame.evaluate("werkbankGraph.greyed")
    assert greyed == 1 + len(analyse(dossier).dropouts[stad.id].cut_off_partners)

    assert page.evaluate("window.__xss") is None and frame.evaluate("window.__csp") == []
    assert errors == []


def test_app_graph_page_keeps_hostile_text_inert(app: App, new_page) -> None:
    dossier = payload_dossier()
    dossier_id = Store(app.db).import_dossier(dossier, by="test")
    page = new_page()
    page.add_init_script(WATCH)
    page.goto(f"{app.url}/graph_page?dossier={dossier_id}")
    wait_for_app(page)
    frame = graph_frame(page)
    for partner in dossier.partners:
        point = frame_node_point(page, frame, partner_node(partner.id))
        page.mouse.move(point["x"], point["y"], steps=3)
        page.mouse.click(point["x"], point["y"])
        frame.locator("#wb-details h2").get_by_text(partner.name, exact=True).wait_for()
    # the plain Streamlit drop-out question shows the custom role label literally
    chooser = page.get_by_label("Wat als deze partner wegvalt?")
    chooser.click()
    if (
        chooser.get_attribute("aria-expanded") != "true"
    ):  # the first click may only take focus from the iframe
        chooser.press("ArrowDown")
    page.get_by_role("option").filter(has_text=dossier.partners[2].name).click()
    wait_for_app(page)
    page.get_by_text(f"Rollen die niemand anders heeft: Rol {PAYLOADS[1]}.", exact=False).wait_for()
    assert page.evaluate("window.__xss") is None
    assert frame.evaluate("window.__xss") is None
    assert frame.evaluate("window.__csp") == []
