"""Word layout after rendering: widths from the content, no word broken, long rows split, markers alone."""

from __future__ import annotations

import io
import re

import docx
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn

from workbench.demo.leuven import leuven
from workbench.demo.noordrand import noordrand
from workbench.documents import generate as documents
from workbench.documents import layout as document_layout


def _tables(data: bytes) -> list[object]:
    return list(docx.Document(io.BytesIO(data)).element.body.iter(qn("w:tbl")))


def test_every_table_spans_the_text_width_and_no_column_is_narrower_than_its_longest_word() -> None:
    for dossier in (leuven(), noordrand()):
        for tbl in _tables(documents.agreement(dossier, "nl")):
            widths = [int(c.get(qn("w:w"))) for c in tbl.find(qn("w:tblGrid")).iterchildren(qn("w:gridCol"))]
            assert sum(widths) == document_layout.TEXT_WIDTH_TWIPS
            small = tbl.find(".//" + qn("w:sz")) is not None
            char = document_layout._SMALL_CHAR_TWIPS if small else document_layout._CHAR_TWIPS
            rows = list(tbl.iterchildren(qn("w:tr")))
            for c, width in enumerate(widths):
                words = [
                    len(w)
                    for row in rows
                    for p in list(row.iterchildren(qn("w:tc")))[c].iter(qn("w:p"))
                    for w in re.split(r"[ \t\n]+", "".join(t.text or "" for t in p.iter(qn("w:t"))))
                ]
                longest = min(max(words, default=0), document_layout._LONGEST_WORD)
                assert width >= longest * char, (dossier.identity.name, c, longest, width)


def test_a_long_row_may_break_across_pages_a_short_one_may_not() -> None:
    tables = _tables(documents.agreement(noordrand(), "nl"))
    parties = tables[0]
    rows = list(parties.iterchildren(qn("w:tr")))[1:]
    long_rows = [r for r in rows if len("".join(t.text or "" for t in r.iter(qn("w:t")))) > 400]
    short_rows = [r for r in rows if r not in long_rows]
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is None for r in long_rows)
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in short_rows)


def test_only_the_marker_is_highlighted_not_the_text_around_it() -> None:
    document = docx.Document(io.BytesIO(documents.agreement(noordrand(), "nl")))
    line = next(p for p in document.paragraphs if p.text.startswith("De partijen worden vertegenwoordigd"))
    marked = [r for r in line.runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    assert marked and all(r.text.startswith("[Te bespreken:") and r.text.endswith("]") for r in marked)
    plain = [r for r in line.runs if r.font.highlight_color != WD_COLOR_INDEX.YELLOW]
    assert any("art. 279" in r.text for r in plain)


def test_the_table_of_contents_is_compact_enough_for_the_title_page() -> None:
    styles = docx.Document(io.BytesIO(documents.template_bytes("agreement", "nl"))).styles
    toc = styles["toc 1"]
    assert toc.font.size.pt == 9.5 and toc.paragraph_format.space_after.pt == 0
