"""The app's own styles: visible focus, large targets for participants, Dutch where Streamlit says English.

Streamlit's widgets carry a few English words of their own ("Press Enter to apply", "Upload",
"20MB per file", "No results") that no option changes. The stylesheet hides them and puts the
catalogue's words in their place through CSS generated content, which screen readers read too.
Only catalogue text goes into the CSS, escaped; never user text.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit import config

from workbench.i18n import t

_SHEET = Path(__file__).parent / "static" / "werkbank.css"


def css_string(text: str) -> str:
    """Return text as a CSS string literal: every character outside plain letters and digits escaped."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text) + '"'


def stylesheet(lang: str, upload_mb: int) -> str:
    """Return the whole stylesheet for one language."""
    words = {
        '[data-testid="InputInstructions"]::before': t("look.enter_apply", lang),
        '[data-testid="stTextArea"] [data-testid="InputInstructions"]::before': t(
            "look.ctrl_enter_apply", lang
        ),
        '[data-testid="stForm"] [data-testid="InputInstructions"]::before': t("look.enter_submit", lang),
        '[data-testid="stForm"] [data-testid="stTextArea"] [data-testid="InputInstructions"]::before': t(
            "look.ctrl_enter_submit", lang
        ),
        '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after': t(
            "look.upload", lang
        ),
        '[data-testid="stFileUploaderDropzoneInstructions"] > div::after': t(
            "look.upload_limit", lang, mb=upload_mb
        ),
        '[role="listbox"][data-empty="true"]::after': t("look.no_results", lang),
        'a[data-testid="stSkipToContent"]::after': t("look.skip_to_content", lang),
    }
    rules = "\n".join(f"{selector} {{ content: {css_string(text)}; }}" for selector, text in words.items())
    return _SHEET.read_text(encoding="utf-8") + "\n" + rules + "\n"


_MB = int(config.get_option("server.maxUploadSize"))
# Built once from our own file and the catalogue (tests/security/test_markdown_calls.py accepts
# only module constants for st.html).
STYLE_NL = "<style>" + stylesheet("nl", _MB) + "</style>"
STYLE_EN = "<style>" + stylesheet("en", _MB) + "</style>"


def apply(lang: str) -> None:
    """Put the stylesheet of the language on the page (a style element takes no room in the layout)."""
    if lang == "en":
        st.html(STYLE_EN)
    else:
        st.html(STYLE_NL)
