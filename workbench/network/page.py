"""The partner network as an interactive offline HTML page (pyvis, hardened); picture.py draws images.

Renderers are pure: dossier, graph and analysis in, a string or bytes out; nothing is written to disk.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import Counter
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, FileSystemLoader
from pyvis.network import Network

from workbench.dossier.model import CallKind, Dossier, Identity
from workbench.i18n import DEFAULT_LANGUAGE, t
from workbench.network.analysis import analyse
from workbench.network.findings import Analysis
from workbench.network.graph import EdgeKind, NodeKind, build
from workbench.network.style import (
    ACCESS_POINT_SHAPE,
    FLOW_STYLES,
    NO_ROLE_BORDER,
    ORG_COLOURS,
    RELATION_STYLE,
    node_shape,
    short_label,
    vis_colour,
)
from workbench.network.view import view_model, vis_edge_id

_DATA_DIR = Path(__file__).parents[1] / "data"

# ---------------------------------------------------------------- HTML page


def script_json(value: Any) -> str:
    """Serialise data for a <script> block: no '<', '>' or '&' can close or open a tag."""
    return (
        json.dumps(value, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


@cache
def _pyvis_templates() -> Environment:
    """Share one Jinja environment: parsing pyvis's template with 700 kB of inlined JS costs ~50 ms."""
    import pyvis

    return Environment(loader=FileSystemLoader(str(Path(pyvis.__file__).parent / "templates")))


@cache
def _asset(name: str) -> str:
    return (_DATA_DIR / name).read_text(encoding="utf-8")


# pyvis links Bootstrap from a CDN in every mode and prints an <h1> heading it never escapes.
_CDN_TAGS = re.compile(
    r"<link\b[^>]*\bhref=[\"']?(?:https?:)?//[^>]*>|<script\b[^>]*\bsrc=[\"']?(?:https?:)?//[^>]*>\s*</script>",
    re.IGNORECASE,
)
_HEADING = re.compile(r"<center>\s*<h1>.*?</h1>\s*</center>", re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)  # pyvis leaves a commented-out <script src=...>
EXTERNAL_REFERENCE = re.compile(
    r"""(?:\bsrc|\bhref|\baction|\bposter|\bdata)\s*=\s*["']?\s*(?:https?:|ftp:)?//"""
    r"""|url\(\s*["']?\s*(?:https?:)?//|@import""",
    re.IGNORECASE,
)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.IGNORECASE | re.DOTALL)


def _harden(page: str) -> str:
    page = _HEADING.sub("", _CDN_TAGS.sub("", _COMMENT.sub("", page)))
    # Look at the markup only: script bodies hold vendor code and user data, which are no references.
    markup = _SCRIPT.sub("<script></script>", page)
    if "<h1>" in markup.lower() or EXTERNAL_REFERENCE.search(markup):
        # pyvis changed its template: refuse rather than ship a page that calls out.
        raise RuntimeError("the pyvis page still references an external resource")
    return page


def _script_hashes(page: str) -> list[str]:
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"
        for attrs, body in _SCRIPT.findall(page)
        if "application/json" not in attrs
    ]


def _content_security_policy(page: str) -> str:
    """Allow exactly the scripts on the page: an injected <script> or onerror= would be refused."""
    return (
        "default-src 'none'; "
        f"script-src {' '.join(_script_hashes(page))}; "
        "style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; "
        "media-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'"
    )


@cache
def script_hashes() -> tuple[str, ...]:
    """Return the CSP hashes of the page's scripts: the same for every dossier (the data is JSON).

    The app shows the page in an srcdoc iframe, which inherits the app's own policy: that policy
    names these hashes (workbench/ui/server.py).
    """
    empty = Dossier(identity=Identity(name="-", call=CallKind.VOORTRAJECT))
    built = build(empty)
    return tuple(dict.fromkeys(_script_hashes(to_html(empty, built, analyse(empty, built)))))


_SKELETON = """
<div id="wb-controls" role="toolbar" aria-label="{controls}"><span id="wb-count"></span></div>
<aside id="wb-side">
  <section id="wb-impact" aria-live="polite"></section>
  <section id="wb-details" aria-live="polite"></section>
  <section id="wb-legend"></section>
</aside>
"""


def _vis_options() -> dict[str, Any]:
    return {
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120, "avoidOverlap": 0.4},
            "stabilization": {"enabled": False},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "keyboard": {"enabled": True, "bindToWindow": False},
        },
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}, "smooth": {"type": "continuous"}},
        "nodes": {"borderWidth": 2, "font": {"size": 14, "face": "sans-serif"}},
        "layout": {"randomSeed": 7, "improvedLayout": False},
    }


def to_html(
    dossier: Dossier, graph: nx.MultiDiGraph, analysis: Analysis, lang: str = DEFAULT_LANGUAGE
) -> str:
    """Render a self-contained interactive page: no CDN, no remote font, user text only as text."""
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    net.templateEnv = _pyvis_templates()
    for node, data in graph.nodes(data=True):
        shape = node_shape(data)
        style: dict[str, Any] = {"shape": shape[0], "font": {"color": "#222222"}, "borderWidth": 2}
        if data["kind"] == NodeKind.PARTNER:
            style["color"] = vis_colour(ORG_COLOURS[data["org_type"]], "#333333")
            style["size"] = 22 if "promotor" in data["roles"] else 16
            if not data["roles"]:
                style.update(
                    color=vis_colour(ORG_COLOURS[data["org_type"]], NO_ROLE_BORDER),
                    borderWidth=3,
                    shapeProperties={"borderDashes": [4, 3]},
                )
        elif data["kind"] == NodeKind.UNKNOWN:
            style.update(
                color=vis_colour("#FFFFFF", "#999999"), size=8, shapeProperties={"borderDashes": [2, 2]}
            )
        else:
            style["color"] = vis_colour("#FFFFFF" if shape == ACCESS_POINT_SHAPE else "#FFF6D5", "#555555")
        # No "title" here: pyvis switches to an innerHTML tooltip template when a title contains
        # "href" (TECH_NOTES). The page's own script sets plain-text tooltips instead.
        net.add_node(node, label=short_label(data["label"]), **style)
    seen: Counter[tuple[str, str]] = Counter()
    for source, target, key, data in graph.edges(keys=True, data=True):
        colour, width, dashes = FLOW_STYLES[data["type"]] if data["kind"] == EdgeKind.FLOW else RELATION_STYLE
        pair = (min(source, target), max(source, target))
        seen[pair] += 1
        edge: dict[str, Any] = {
            "id": vis_edge_id(key),
            "color": {"color": colour, "highlight": colour, "hover": colour},
            "width": width,
            "dashes": dashes or False,
        }
        if seen[pair] > 1:  # parallel flows: bend each one a little further
            edge["smooth"] = {"type": "curvedCW", "roundness": 0.15 * (seen[pair] - 1)}
        # Appended directly: pyvis's add_edge scans every edge so far (50 ms for 1,000 flows).
        net.edges.append({"from": source, "to": target, "arrows": "to", **edge})
    net.options = _vis_options()
    # pyvis's drawing script gets no data: nodes and edges travel in the JSON block, and
    # graph_view.js adds them. So every script on the page is the same for every dossier.
    drawn = {"nodes": net.nodes, "edges": net.edges}
    net.nodes, net.edges = [], []
    page = _harden(net.generate_html())
    title = escape(f"{dossier.identity.name} - {t('graph.view.title', lang)}")
    head = (
        f'<meta http-equiv="Content-Security-Policy" content="{{csp}}">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{title}</title>\n'
        f"<style>{_asset('graph_view.css')}</style>\n"
    )
    view = script_json({**view_model(dossier, graph, analysis, lang), "vis": drawn})
    body_end = (
        f'<script type="application/json" id="wb-data">{view}</script>\n'
        f"<script>{_asset('graph_view.js')}</script>\n"
    )
    page = page.replace("<html>", f'<html lang="{escape(lang)}">', 1)
    page = page.replace("<head>", "<head>\n" + head, 1)
    page = page.replace(
        "<body>", "<body>" + _SKELETON.format(controls=escape(t("graph.view.controls", lang))), 1
    )
    page = page.replace("</body>", body_end + "</body>", 1)
    return page.replace("{csp}", _content_security_policy(page), 1)
