"""Word layout after rendering: column widths that follow the content, long rows that may split.

Fixed percentages in the templates cannot know that a partner is called "Interlokale vereniging
Digitaal Vlaamse Ardennen" or that a header says "Ondernemingsnummer". After rendering, every
table gets widths the way an automatic table layout would choose them: never narrower than its
longest word (no word broken mid-way), the rest shared in proportion to how much text a column
holds. Rows that carry a lot of text may break across pages instead of leaving half a page blank.
"""

from __future__ import annotations

import re
from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

TEXT_WIDTH_TWIPS = 9070  # A4 minus two 25 mm margins (agreement_templates/build_templates.py)
_CHAR_TWIPS = 92  # an average character of 9 pt Calibri (bold or digits), with a little room
_CELL_MARGIN_TWIPS = 70  # left and right margin of a cell, narrower than Word's 108
_SMALL_CHAR_TWIPS = 82  # the same at 8 pt, for a table with many long words
_SMALL_MARGIN_TWIPS = 45
_LONGEST_WORD = 22  # a longer "word" (a URL, an e-mail address) may wrap rather than widen a column
_ENOUGH = 300  # characters of one paragraph beyond which a column asks for no more width
_SPLIT_ROW_CHARS = 400  # a row with more text than this may break across pages


def tidy(document: Any) -> None:
    """Fit every table of a rendered document to its content and let long rows split."""
    for tbl in document.element.body.iter(qn("w:tbl")):
        _fit(tbl)
        _let_long_rows_split(tbl)


def _cells(tr: Any) -> list[Any]:
    return list(tr.iterchildren(qn("w:tc")))


def _text(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _fit(tbl: Any) -> None:
    rows = [r for r in tbl.iterchildren(qn("w:tr"))]
    if not rows:
        return
    columns = len(_cells(rows[0]))
    if columns < 2 or any(len(_cells(r)) != columns for r in rows):
        return  # merged cells: keep the template's widths
    least = [1] * columns  # the longest word, in characters
    most = [1] * columns  # the longest paragraph, in characters
    for row in rows:
        for c, cell in enumerate(_cells(row)):
            for paragraph in cell.iter(qn("w:p")):
                text = _text(paragraph)
                # Only a plain space breaks: "€\xa01.234,00" stays on one line.
                words = [len(w) for w in re.split(r"[ \t\n]+", text)] or [0]
                least[c] = max(least[c], min(max(words), _LONGEST_WORD))
                most[c] = max(most[c], len(text))
    char, margin = _CHAR_TWIPS, _CELL_MARGIN_TWIPS
    if sum(n * char + 2 * margin + 30 for n in least) > TEXT_WIDTH_TWIPS:
        # Too many long words for 9 pt: 8 pt and narrower margins before any word is broken.
        char, margin = _SMALL_CHAR_TWIPS, _SMALL_MARGIN_TWIPS
        _shrink(tbl)
    widths = _share(least, most, TEXT_WIDTH_TWIPS, char, 2 * margin + 30)
    grid = tbl.find(qn("w:tblGrid"))
    if grid is not None:
        for col, width in zip(grid.iterchildren(qn("w:gridCol")), widths, strict=False):
            col.set(qn("w:w"), str(width))
    for row in rows:
        for cell, width in zip(_cells(row), widths, strict=True):
            props = cell.get_or_add_tcPr()
            for old in props.findall(qn("w:tcW")):
                props.remove(old)
            props.insert(0, parse_xml(f'<w:tcW {nsdecls("w")} w:w="{width}" w:type="dxa"/>'))
    props = tbl.find(qn("w:tblPr"))
    if props is not None:
        _put_before_look(props, "w:tblLayout", f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>')
        _put_before_look(
            props,
            "w:tblCellMar",
            f'<w:tblCellMar {nsdecls("w")}><w:left w:w="{margin}" w:type="dxa"/>'
            f'<w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>',
        )
        _schema_order(props)


# The order CT_TblPr prescribes; Word may refuse a file whose table properties come in another.
_TBL_PR_ORDER = [
    qn(f"w:{name}")
    for name in (
        "tblStyle",
        "tblpPr",
        "tblOverlap",
        "bidiVisual",
        "tblStyleRowBandSize",
        "tblStyleColBandSize",
        "tblW",
        "jc",
        "tblCellSpacing",
        "tblInd",
        "tblBorders",
        "shd",
        "tblLayout",
        "tblCellMar",
        "tblLook",
        "tblCaption",
        "tblDescription",
        "tblPrChange",
    )
]


def _schema_order(props: Any) -> None:
    children = list(props)
    rank = {tag: i for i, tag in enumerate(_TBL_PR_ORDER)}
    ordered = sorted(children, key=lambda c: rank.get(c.tag, len(rank)))
    if ordered != children:
        for child in children:
            props.remove(child)
        props.extend(ordered)


def _put_before_look(props: Any, tag: str, xml: str) -> None:
    """Add a table property once, in schema order: tblLayout and tblCellMar come before tblLook."""
    if props.find(qn(tag)) is not None:
        return
    look = props.find(qn("w:tblLook"))
    element = parse_xml(xml)
    if look is not None:
        look.addprevious(element)
    else:
        props.append(element)


_AFTER_SIZE = {
    qn(f"w:{name}")
    for name in (
        "szCs",
        "highlight",
        "u",
        "effect",
        "bdr",
        "shd",
        "fitText",
        "vertAlign",
        "rtl",
        "cs",
        "em",
        "lang",
        "eastAsianLayout",
        "specVanish",
        "oMath",
    )
}


def _shrink(tbl: Any) -> None:
    """Set every run of a table in 8 pt."""
    for run in tbl.iter(qn("w:r")):
        props = run.find(qn("w:rPr"))
        if props is None:
            props = parse_xml(f"<w:rPr {nsdecls('w')}/>")
            run.insert(0, props)
        for old in props.findall(qn("w:sz")):
            props.remove(old)
        size = parse_xml(f'<w:sz {nsdecls("w")} w:val="16"/>')
        # Schema order: w:sz comes before these (a misplaced element can make Word complain).
        later = next((c for c in props if c.tag in _AFTER_SIZE), None)
        if later is not None:
            later.addprevious(size)
        else:
            props.append(size)


def _share(least: list[int], most: list[int], total: int, char: int = 92, padding: int = 170) -> list[int]:
    """Choose widths between each column's minimum (its longest word) and its maximum (one line)."""
    low = [n * char + padding for n in least]
    # A long text column wants more room, but not all of it: past a few lines it may just wrap.
    high = [max(lo, min(n, _ENOUGH) * char + padding) for lo, n in zip(low, most, strict=True)]
    if sum(low) >= total:
        widths = [total * w // sum(low) for w in low]
    elif sum(high) <= total:
        spare = total - sum(high)
        widths = [h + spare * h // sum(high) for h in high]
    else:
        room = total - sum(low)
        extra = sum(h - lo for h, lo in zip(high, low, strict=True))
        widths = [lo + room * (h - lo) // extra for h, lo in zip(high, low, strict=True)]
    widths[-1] += total - sum(widths)
    return widths


def _let_long_rows_split(tbl: Any) -> None:
    for row in tbl.iterchildren(qn("w:tr")):
        props = row.find(qn("w:trPr"))
        if props is None or props.find(qn("w:tblHeader")) is not None:
            continue
        if len(_text(row)) > _SPLIT_ROW_CHARS:
            for flag in props.findall(qn("w:cantSplit")):
                props.remove(flag)
