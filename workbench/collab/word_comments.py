"""Open coach comments as native Word comments on the clause of the draft agreement they concern.

Works on the bytes of any generated agreement: a clause heading is found by its bookmark
("clause_<key>", as workbench.documents writes them) or else by its text ("Artikel N" /
"Article N"); a comment whose clause cannot be found goes on the document's first paragraph,
so none is lost.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from workbench.collab.reviews import Thread
from workbench.collab.rubric import rubric
from workbench.dossier.model import clean_text


@dataclass(frozen=True, slots=True)
class WordComment:
    clause: str | None  # clause key, e.g. "governance"; None: about the document as a whole
    text: str
    author: str


def clause_of(thread: Thread) -> str | None:
    """Return the clause a thread concerns: its own anchor, else the clause its step writes."""
    return thread.anchor.clause or rubric().step_clause.get(thread.anchor.step)


def word_comments(threads: Iterable[Thread]) -> list[WordComment]:
    """Turn open threads into Word comments: the first message, then the replies with their authors."""
    found = []
    for thread in threads:
        if not thread.is_open or not thread.comments:
            continue
        first, *replies = thread.comments
        text = "\n".join([first.body, *(f"— {r.author}: {r.body}" for r in replies)])
        found.append(WordComment(clause=clause_of(thread), text=text, author=first.author))
    return found


def initials(name: str) -> str:
    """Return up to three initials of a name ("Ann De Smet" -> "ADS")."""
    return "".join(word[0] for word in name.split() if word[:1].isalnum())[:3].upper()


def add_comments(docx_bytes: bytes, comments: Iterable[WordComment]) -> bytes:
    """Return the document with each comment anchored on the heading of its clause."""
    document = docx.Document(io.BytesIO(docx_bytes))
    paragraphs = list(document.paragraphs)
    spec = rubric()
    for comment in comments:
        number = spec.clause_number(comment.clause) if comment.clause in spec.clauses else None
        target = _heading(paragraphs, comment.clause, number) or _first_paragraph(document, paragraphs)
        runs = target.runs or [target.add_run("")]
        document.add_comment(
            runs,
            text=_xml_safe(comment.text),
            author=_xml_safe(comment.author) or "?",
            initials=initials(comment.author),
        )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _heading(paragraphs: list[Paragraph], clause: str | None, number: int | None) -> Paragraph | None:
    if clause is None:
        return None
    for paragraph in paragraphs:
        for mark in paragraph._p.iter(qn("w:bookmarkStart")):
            if mark.get(qn("w:name")) == f"clause_{clause}":
                return paragraph
    if number is None:
        return None
    title = re.compile(rf"^\s*(Artikel|Article|Art\.)\s+{number}\b", re.IGNORECASE)
    return next((p for p in paragraphs if title.match(p.text)), None)


def _first_paragraph(document: DocxDocument, paragraphs: list[Paragraph]) -> Paragraph:
    found = next((p for p in paragraphs if p.text.strip()), None)
    return found if found is not None else document.add_paragraph("")


def _xml_safe(text: str) -> str:
    return clean_text(text)
