"""The one way user text enters a place where Streamlit renders Markdown (labels, captions, alerts).

Streamlit reads Markdown in st.markdown, st.caption, alerts, toasts, headings and in the labels
of buttons, expanders, tabs, widgets and tooltips. User text shown there goes through `inert`;
everything else here is built from it. Prefer st.text or a widget value where the layout allows:
they never read Markdown at all. tests/security/test_markdown_calls.py checks every call site.
Tables go through `inert_cells`: their CSV download must hold no spreadsheet formula
(tests/security/test_table_cells.py checks every table).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pandas as pd

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


# A spreadsheet reads a cell that starts with one of these as a formula: =HYPERLINK(...) in a partner
# name became a live link (=WEBSERVICE, DDE: worse) in the CSV that every table's toolbar downloads.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def inert_cell(value: Any) -> Any:
    """Return a text a spreadsheet reads as text (an invisible word joiner before a formula sign)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return WORD_JOINER + value
    return value


def plain_cell(value: Any) -> Any:
    """Undo inert_cell on a value read back from an editable table."""
    if isinstance(value, str) and value.startswith(WORD_JOINER) and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value


def inert_cells(table: Any) -> Any:
    """Return a table (rows of dicts, or a DataFrame) whose texts and column names are inert_cell'd.

    Streamlit's tables offer "Download as CSV", which writes every cell as it is.
    """
    if isinstance(table, pd.DataFrame):
        frame = table.rename(columns=inert_cell)
        for column in frame.columns:
            if pd.api.types.is_object_dtype(frame[column]) or pd.api.types.is_string_dtype(frame[column]):
                frame[column] = frame[column].map(inert_cell)
        return frame
    return [
        {inert_cell(k): inert_cell(v) for k, v in row.items()} if isinstance(row, dict) else row
        for row in table
    ]
