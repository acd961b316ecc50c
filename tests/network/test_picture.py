"""The partner network as a picture: PNG and SVG with a legend, every user string shown literally."""

from __future__ import annotations

from xml.etree import ElementTree

from tests.graph_dossiers import payload_dossier
from workbench.dossier.model import Dossier
from workbench.network.graph import build
from workbench.network.page import EXTERNAL_REFERENCE
from workbench.network.picture import to_png, to_svg


def test_png_has_a_legend_and_survives_dollar_signs():
    png = to_png(payload_dossier(), "nl")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(png) > 20_000


def test_svg_is_well_formed_with_a_legend_and_escaped_text():
    svg = to_svg(payload_dossier(), "en", build(payload_dossier(), include_access_points=True))
    root = ElementTree.fromstring(svg.encode("utf-8"))
    texts = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "Legend" in texts and "Colour: organisation type" in texts and "Referral" in texts
    assert "P0 <img src=x onerror=windo…" in texts and "P2 {{7*7}} ${7*7} {partner}" in texts
    assert "P5 $x^2$ & <b>vet</b> $\\fra…" in texts  # shown literally, no mathtext
    assert not list(root.iter("{http://www.w3.org/2000/svg}script"))
    assert "<script" not in svg and "<img" not in svg
    assert not EXTERNAL_REFERENCE.search(svg)


def test_an_empty_dossier_still_draws():
    dossier = Dossier.model_validate({"identity": {"name": "Leeg", "call": "voortraject"}})
    assert to_png(dossier).startswith(b"\x89PNG")
    assert "No partners yet" in to_svg(dossier, "en")
