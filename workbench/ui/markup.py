"""Escaping user text for places where Streamlit renders Markdown (labels, captions, st.markdown)."""

from __future__ import annotations

import re

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping them all
# also stops Streamlit's own directives (":red[...]", ":material/x:") and "$...$" math.
_PUNCTUATION = re.compile(r"([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


def escape(text: str) -> str:
    """Return text that Markdown shows literally; line breaks become spaces."""
    return _PUNCTUATION.sub(r"\\\1", " ".join(str(text).split()))
