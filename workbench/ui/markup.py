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
import pyarrow as pa
import pyarrow.compute as pc

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


# A spreadsheet reads a cell that starts with one of these as a formula: =HYPERLINK(...) in a partner
# name became a live link (=WEBSERVICE, DDE: worse) in the CSV that every table's toolbar downloads.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def _formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(_FORMULA_START)


def inert_cell(value: Any) -> Any:
    """Return a text a spreadsheet reads as text (an invisible word joiner before a formula sign)."""
    if _formula(value):
        return WORD_JOINER + value
    return value


def plain_cell(value: Any) -> Any:
    """Undo inert_cell on a value read back from an editable table."""
    if isinstance(value, str) and value.startswith(WORD_JOINER) and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value


def inert_cells(table: Any) -> Any:
    """Return a table (rows of dicts, a DataFrame, an Arrow table) with texts and column names inert_cell'd.

    Streamlit's tables offer "Download as CSV", which writes every cell as it is.
    """
    if isinstance(table, pd.DataFrame):
        # A frame with nothing to change comes back as it is, uncopied: a frame kept for a revision
        # (ui/derived.py) and made inert when kept costs a glance per run, not a copy and a map.
        frame = table
        if any(_formula(name) for name in table.columns):
            frame = table.rename(columns=inert_cell)
        for position, dtype in enumerate(frame.dtypes):
            # Only columns that can hold text (numbers, dates and booleans cannot start with "=").
            if dtype.kind not in "OSU" and not isinstance(dtype, pd.StringDtype):
                continue
            values = frame.iloc[:, position]
            if any(_formula(value) for value in values.tolist()):
                frame = frame.copy() if frame is table else frame
                frame.iloc[:, position] = values.map(inert_cell)
        return frame
    if isinstance(table, pa.Table):
        return _inert_arrow(table)
    return [
        {inert_cell(k): inert_cell(v) for k, v in row.items()} if isinstance(row, dict) else row
        for row in table
    ]


_FORMULA_PATTERN = "^[" + re.escape("".join(_FORMULA_START)) + "]"


def _inert_arrow(table: pa.Table) -> pa.Table:
    """Return an Arrow table whose texts and column names are inert_cell'd; unchanged ones as they are."""
    if any(_formula(name) for name in table.column_names):
        table = table.rename_columns([inert_cell(name) for name in table.column_names])
    for position, column in enumerate(table.columns):
        if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
            continue
        if pc.any(pc.match_substring_regex(column, _FORMULA_PATTERN)).as_py():
            fixed = pa.array([inert_cell(v) for v in column.to_pylist()], type=column.type)
            table = table.set_column(position, table.field(position), fixed)
    return table
