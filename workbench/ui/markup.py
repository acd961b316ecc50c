"""The one way user text enters a place where Streamlit renders Markdown (labels, captions, alerts).

Streamlit reads Markdown in st.markdown, st.caption, alerts, toasts, headings and in the labels
of buttons, expanders, tabs, widgets and tooltips. User text shown there goes through `inert`;
everything else here is built from it. Prefer st.text or a widget value where the layout allows:
they never read Markdown at all. tests/security/test_markdown_calls.py checks every call site.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from workbench.ui.common import tr

WORD_JOINER = "\u2060"  # invisible, zero width, no line break: splits a pattern, not the word
# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping them all stops
# emphasis, links, images, HTML, headings, lists, math ("$x$") and Streamlit's ":red[...]".
_PUNCTUATION = re.compile(r"[!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~]")
# Some rules run on the text after the escapes are resolved: GFM autolink literals ("http://",
# "www.", "mailto:", "name@host.org"), emoji shortcodes (":smile:"), ":material/icon:" and
# ":red[...]". A word joiner breaks each pattern at one spot: after a colon that a word or a
# slash follows, after "@", between "www" and its dot. Ordinary text ("Stap 2: Partners") gets none.
_AUTOLINKS = re.compile(r"(?<=:)(?=[\w/+-])|(?<=@)|(?<=www)(?=\.)", re.IGNORECASE)
_LINE_BREAKS = re.compile(r"[ \t]*[\t\n\r\v\f\x85\u2028\u2029]+[ \t]*")


def inert(text: object) -> str:
    """Return text that Streamlit's Markdown shows literally, on one line."""
    # Line breaks become spaces; leading spaces go (four make a code block); a no-break space stays.
    line = _LINE_BREAKS.sub(" ", str(text)).strip(" ")
    return _PUNCTUATION.sub(r"\\\g<0>", _AUTOLINKS.sub(WORD_JOINER, line))


def md(key: str, **params: Any) -> str:
    """Translate a catalogue text for a Markdown place, making every text parameter inert."""
    return tr(key, **{name: inert(v) if isinstance(v, str) else v for name, v in params.items()})


def strong(text: str) -> str:
    """Return text in bold, inert."""
    return f"**{inert(text)}**"


def red(text: str) -> str:
    """Return text in red, inert (a problem beside its field)."""
    return f":red[{inert(text)}]"


def bullets(lines: Iterable[str]) -> str:
    """Return a Markdown list of inert lines."""
    return "\n".join(f"- {inert(line)}" for line in lines)


_ANCHOR = re.compile(r"^[a-z][a-z0-9-]{0,63}$")


def link_to(key: str, anchor: str, **params: Any) -> str:
    """Return a link to a place on this page: a catalogue text (parameters inert) and an anchor of ours."""
    if not _ANCHOR.match(anchor):
        raise ValueError(f"not an anchor of ours: {anchor!r}")
    return f"[{md(key, **params)}](#{anchor})"
