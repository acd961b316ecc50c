"""The partner network as an offline HTML page, with every user string kept inert."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import workbench
from tests.graph_dossiers import PAYLOADS, every_gap, healthy, payload_dossier
from workbench.demo import demo_dossiers
from workbench.dossier.model import Dossier
from workbench.network.analysis import analyse
from workbench.network.graph import build
from workbench.network.page import EXTERNAL_REFERENCE, to_html

JS = Path(workbench.__file__).parent / "data" / "graph_view.js"


class Markup(HTMLParser):
    """Collect the elements a browser would build (script bodies and comments are no elements)."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def count(self, tag: str) -> int:
        return sum(1 for name, _ in self.tags if name == tag)


def page_of(dossier, lang="nl", **view):
    g = build(dossier, **view)
    return to_html(dossier, g, analyse(dossier, g), lang)


def embedded_view(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="wb-data">(.*?)</script>', page, re.DOTALL)
    assert block
    return json.loads(block.group(1))


@pytest.mark.parametrize("dossier", demo_dossiers(), ids=lambda d: d.identity.name)
def test_the_page_references_no_external_resource(dossier):
    page = page_of(dossier, include_access_points=True, include_target_groups=True)
    assert not EXTERNAL_REFERENCE.search(page)
    assert "bootstrap" not in page.lower()
    assert "cdnjs" not in page and "jsdelivr" not in page
    assert "vis.Network" in page  # the library itself is inlined
    assert "<h1>" not in page


def test_the_page_allows_only_its_own_scripts():
    page = page_of(healthy())
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    scripts = [a for tag, a in Markup(page).tags if tag == "script" and a.get("type") != "application/json"]
    assert policy.count("'sha256-") == len(scripts) == 4
    assert not [a for a in scripts if "src" in a]


def test_user_text_never_appears_as_markup_in_the_page():
    page = page_of(payload_dossier(), include_access_points=True, include_target_groups=True)
    for payload in PAYLOADS:
        if "<" in payload or ">" in payload:
            assert payload not in page
    markup, harmless = Markup(page), Markup(page_of(healthy(), include_access_points=True))
    assert [tag for tag, _ in markup.tags] == [tag for tag, _ in harmless.tags]
    assert not [a for _, attrs in markup.tags for a in attrs if a.startswith("on")]


def test_user_text_round_trips_through_the_embedded_data():
    dossier = payload_dossier()
    view = embedded_view(page_of(dossier, include_access_points=True))
    names = {p["name"] for p in view["partners"].values()}
    assert names == {p.name for p in dossier.partners}
    engagement = view["partners"]["x0"]["roles"][0]["engagement"]
    assert engagement == dossier.roles[0].engagement


def test_no_tooltip_goes_through_pyvis_so_href_cannot_switch_it_to_html():
    # TECH_NOTES: a pyvis title containing "href" selects a template that uses innerHTML.
    page = page_of(payload_dossier())
    assert "popup.innerHTML" not in page
    assert '"title":' not in page.split('id="wb-data"')[0]


def test_the_page_script_builds_the_dom_from_text_only():
    source = JS.read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function("):
        assert sink not in source


def test_the_page_speaks_the_chosen_language():
    nl, en = page_of(every_gap(), "nl"), page_of(every_gap(), "en")
    assert embedded_view(nl)["text"]["legend"] == "Legende"
    assert embedded_view(en)["text"]["legend"] == "Legend"
    assert '<html lang="en">' in en


def test_the_dropout_data_greys_what_is_lost():
    view = embedded_view(page_of(every_gap(), include_access_points=True))
    bridge = view["partners"]["b"]["dropout"]
    assert bridge["grey_nodes"] == ["partner:c", "partner:f"]
    assert set(bridge["grey_edges"]) == {"edge:f1", "edge:f2", "edge:f3", "edge:f4"}
    assert bridge["critical"] is True
    assert view["partners"]["a"]["dropout"]["grey_nodes"] == ["digipunt:ap1"]


def test_the_legend_shows_only_what_the_graph_holds():
    legend = embedded_view(page_of(every_gap()))["legend"]
    assert [e["label"] for e in legend["org_types"]] == [
        "Lokaal bestuur",
        "OCMW",
        "Vzw / middenveld",
        "Opleidingsverstrekker",
        "Bedrijf",
    ]
    assert "Digipunt" not in [e["label"] for e in legend["shapes"]]
    assert {e["label"] for e in legend["flows"]} == {
        "Doorverwijzing",
        "Subsidie",
        "Opleiding",
        "Toestellen",
        "Gegevensuitwisseling",
    }


def test_an_empty_dossier_still_draws_a_page():
    dossier = Dossier.model_validate({"identity": {"name": "Leeg", "call": "voortraject"}})
    assert "wb-data" in page_of(dossier)
