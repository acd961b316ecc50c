"""The Word XML under native comments: a heading's section, its paragraphs, and replies with a done state.

python-docx 1.2 writes comments (`comments.xml`) but not their threads: a reply and the
resolved state live in `commentsExtended.xml` (`w15:commentEx`, keyed by the `w14:paraId` of the
comment's last paragraph; `w15:paraIdParent` names the comment it answers, `w15:done` says it is
resolved), the part Word 2013 and later and LibreOffice read. This module adds that part.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass

from docx.comments import Comment
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
EXTENDED_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
EXTENDED_REL = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
EXTENDED_URI = "/word/commentsExtended.xml"
# Headings that end a section: the build writes these styles on clause, section and annex headings.
_SECTION_STYLES = ("Title", "Heading 1", "Annex Heading")
_RANGE_START = qn("w:bookmarkStart")


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the blocks under it until the next heading of its rank."""

    heading: Paragraph
    blocks: tuple[Paragraph | Table, ...]

    def paragraphs(self) -> Iterator[Paragraph]:
        """Yield every paragraph of the section, those in its tables too, in reading order."""
        for block in self.blocks:
            if isinstance(block, Paragraph):
                yield block
            else:
                for row in block.rows:
                    for cell in row.cells:
                        yield from cell.paragraphs

    def lead(self) -> list[Paragraph]:
        """Return the paragraphs the section opens with (up to its first table or sub-heading)."""
        found: list[Paragraph] = []
        for block in self.blocks:
            if not isinstance(block, Paragraph) or _style(block).startswith("Heading"):
                break
            if block.text.strip():
                found.append(block)
        return found or [p for p in self.paragraphs() if p.text.strip()][:1]


def blocks(document: DocxDocument) -> list[Paragraph | Table]:
    """Return the body's paragraphs and tables in document order."""
    found: list[Paragraph | Table] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            found.append(Paragraph(child, document))
        elif child.tag == qn("w:tbl"):
            found.append(Table(child, document))
    return found


def section(body: list[Paragraph | Table], bookmark: str, number: int | None = None) -> Section | None:
    """Find the section whose heading carries this bookmark (else an "Artikel N" heading)."""
    start = next((i for i, b in enumerate(body) if isinstance(b, Paragraph) and bookmark in _marks(b)), None)
    if start is None and number is not None:
        title = re.compile(rf"^\s*(Artikel|Article|Art\.)\s+{number}\b", re.IGNORECASE)
        start = next(
            (i for i, b in enumerate(body) if isinstance(b, Paragraph) and title.match(b.text)), None
        )
    if start is None:
        return None
    end = start + 1
    while end < len(body) and not _ends_section(body[end]):
        end += 1
    heading = body[start]
    assert isinstance(heading, Paragraph)
    return Section(heading, tuple(body[start + 1 : end]))


def _ends_section(block: Paragraph | Table) -> bool:
    if not isinstance(block, Paragraph):
        return False
    return _style(block) in _SECTION_STYLES or any(m.startswith(("clause_", "annex_")) for m in _marks(block))


def _marks(paragraph: Paragraph) -> list[str]:
    return [m.get(qn("w:name"), "") for m in paragraph._p.iter(_RANGE_START)]


def _style(paragraph: Paragraph) -> str:
    try:
        return paragraph.style.name if paragraph.style is not None else ""
    except KeyError:  # a style id the document does not define (uploaded templates)
        return ""


def runs_of(paragraphs: list[Paragraph]) -> list[Run]:
    """Return the first paragraph's first run and the last one's last run (adding empty ones if need be)."""
    first = paragraphs[0].runs or [paragraphs[0].add_run("")]
    last = paragraphs[-1].runs or [paragraphs[-1].add_run("")]
    return [first[0], last[-1]]


def para_id(comment: Comment, taken: set[str]) -> str:
    """Give every paragraph of a comment a w14:paraId; return the last one's (it names the comment)."""
    value = ""
    for p in comment._comment_elm.iter(qn("w:p")):
        value = _fresh_id(taken)
        p.set(f"{{{W14}}}paraId", value)
        p.set(f"{{{W14}}}textId", "77777777")
    return value


def para_ids(document: DocxDocument) -> set[str]:
    """Return the w14:paraIds the document's body and its comments already use."""
    attribute = f"{{{W14}}}paraId"
    elements = [document.element.body]
    comments = [r.target_part for r in document.part.rels.values() if r.reltype == RT.COMMENTS]
    elements += [part.element for part in comments if hasattr(part, "element")]
    return {p.get(attribute) for root in elements for p in root.iter(qn("w:p")) if p.get(attribute)}


def _fresh_id(taken: set[str]) -> str:
    # paraIds are 8 hex digits below 0x80000000 (ST_LongHexNumber, as Word writes them).
    while True:
        value = f"{secrets.randbelow(0x7FFFFFFF) + 1:08X}"
        if value not in taken:
            taken.add(value)
            return value


def add_threads(document: DocxDocument, entries: list[tuple[str, str | None, bool]]) -> None:
    """Write commentsExtended.xml: per comment (its paraId, its parent's paraId or None, done)."""
    if not entries:
        return
    existing = next(
        (rel.target_part for rel in document.part.rels.values() if rel.reltype == EXTENDED_REL), None
    )
    # A template that already has comments has this part: add to it, never a second one beside it.
    root = (
        etree.fromstring(existing.blob)
        if existing is not None
        else etree.Element(f"{{{W15}}}commentsEx", nsmap={"w15": W15})
    )
    for pid, parent, done in entries:
        item = etree.SubElement(root, f"{{{W15}}}commentEx")
        item.set(f"{{{W15}}}paraId", pid)
        if parent is not None:
            item.set(f"{{{W15}}}paraIdParent", parent)
        item.set(f"{{{W15}}}done", "1" if done else "0")
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if existing is not None:
        existing._blob = blob  # a part python-docx does not model is a plain Part holding its bytes
        return
    package = document.part.package
    part = Part(PackURI(EXTENDED_URI), EXTENDED_TYPE, blob, package)
    document.part.relate_to(part, EXTENDED_REL)
