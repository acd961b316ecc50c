"""What a person sees of text made inert for Streamlit's Markdown: escapes resolved, joiners invisible."""

from __future__ import annotations

import re

from workbench.ui.markup import WORD_JOINER


def as_seen(text: str) -> str:
    """Return the text Markdown displays for `text` (made by workbench.ui.markup)."""
    return re.sub(r"\\(.)", r"\1", text).replace(WORD_JOINER, "")
