"""Comment threads as native Word comments on the paragraphs they are about (agreement and strategy).

Where a thread lands is data (data/document_places.toml): its step (or its clause) names the
sections of the document that write it, by the bookmarks the templates put on their headings.
Within those, a thread pinned to an item (a target group, a partner) or a field lands on the
paragraph that holds the item's name or the field's text; otherwise on the paragraphs the first
section opens with, never on the heading. Every message keeps its own author and date; replies
are Word replies, a resolved thread is marked done (or left out), and the responsible partner is
named. A thread whose place is missing (an uploaded template) lands on the title, so none is lost.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

import docx
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from workbench.collab import word_parts
from workbench.collab.document_places import Kind, places_of
from workbench.collab.reviews import Thread
from workbench.collab.rubric import rubric
from workbench.dossier.model import Dossier, clean_text
from workbench.guide.items import find_item
from workbench.guide.labels import item_title, partner_name
from workbench.i18n import t

_NEEDLE_ATTRS = ("name", "title", "description", "activity", "device_type", "source", "purpose")


@dataclass(frozen=True, slots=True)
class WordNote:
    """One message of a thread: its text, who wrote it and when."""

    text: str
    author: str
    at: datetime


@dataclass(frozen=True, slots=True)
class WordComment:
    """A thread as Word shows it: where it lands, its messages (the first, then replies), its state."""

    places: tuple[str, ...]  # bookmarks of the sections it is about, in order of preference
    needles: tuple[str, ...]  # texts that find its item's or field's paragraph inside those
    notes: tuple[WordNote, ...]
    done: bool = False
    responsible: str = ""  # the partner who should act, by name
    clause_number: int | None = None  # finds an "Artikel N" heading in a template without bookmarks
    proposed: str = ""  # a suggestion's proposed text: the point of its thread, its note may be empty


def needles_of(thread: Thread, dossier: Dossier, lang: str) -> tuple[str, ...]:
    """Return the texts that find a thread's item or field in the document (none: the whole section)."""
    anchor = thread.anchor
    found: list[str] = []
    if anchor.item:
        item = find_item(dossier, anchor.step, anchor.item)
        if item is not None:
            found += [v for a in _NEEDLE_ATTRS if isinstance(v := getattr(item, a, None), str)]
            found.append(item_title(item, dossier, lang))
    elif anchor.field:
        value = _field_value(dossier, anchor.step, anchor.field)
        if isinstance(value, str) and dossier.partner(value) is not None:
            value = partner_name(dossier, value, lang)
        if isinstance(value, str):
            found.append(value)
    # The first line is enough to find a paragraph, and a line break never splits it.
    return tuple(dict.fromkeys(n.strip().splitlines()[0][:80] for n in found if n.strip()))


def _field_value(dossier: Dossier, step: str, field: str) -> object:
    holders = [getattr(dossier.strategy, step, None), dossier.identity, dossier.governance, dossier.planning]
    for holder in holders:
        if holder is not None and field in type(holder).model_fields:
            return getattr(holder, field)
    return None


def word_comments(
    threads: Iterable[Thread],
    dossier: Dossier,
    kind: Kind,
    lang: str,
    *,
    resolved: bool = False,
    proposed: Mapping[int, str] | None = None,
) -> list[WordComment]:
    """Turn threads into Word comments: open ones, and resolved ones (marked done) when asked."""
    spec = rubric()
    found = []
    for thread in threads:
        if not thread.comments or (not thread.is_open and not resolved):
            continue
        clause = thread.anchor.clause
        found.append(
            WordComment(
                places=places_of(thread, kind),
                needles=needles_of(thread, dossier, lang),
                notes=tuple(WordNote(e.body, e.author, e.at) for e in thread.comments),
                done=not thread.is_open,
                responsible=partner_name(dossier, thread.responsible_partner, lang)
                if thread.responsible_partner
                else "",
                clause_number=spec.clause_number(clause) if clause in spec.clauses else None,
                proposed=(proposed or {}).get(thread.id, ""),
            )
        )
    return found


def initials(name: str) -> str:
    """Return up to three initials of a name ("Ann De Smet" -> "ADS")."""
    return "".join(word[0] for word in name.split() if word[:1].isalnum())[:3].upper()


def add_comments(docx_bytes: bytes, comments: Iterable[WordComment], lang: str = "nl") -> bytes:
    """Return the document with each thread as a Word comment (and its replies) on its paragraphs."""
    document = docx.Document(io.BytesIO(docx_bytes))
    body = word_parts.blocks(document)
    taken = word_parts.para_ids(document)  # a new paraId must not repeat one the file has
    threads: list[tuple[str, str | None, bool]] = []
    for comment in comments:
        runs = _target(document, body, comment)
        parent: str | None = None
        for index, note in enumerate(comment.notes):
            text = clean_text(note.text)
            if index == 0 and comment.proposed:
                line = t("comments.word_suggestion", lang, text=clean_text(comment.proposed))
                text = f"{text}\n{line}" if text else line
            if index == 0 and comment.responsible:
                text += "\n" + t("comments.word_responsible", lang, partner=clean_text(comment.responsible))
            added = document.add_comment(
                runs, text=text, author=clean_text(note.author) or "?", initials=initials(note.author)
            )
            added._comment_elm.date = _word_date(note.at)
            pid = word_parts.para_id(added, taken)
            threads.append((pid, parent, comment.done))
            parent = parent or pid  # every reply answers the first message, as Word threads them
    word_parts.add_threads(document, threads)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _target(document: DocxDocument, body: list[Paragraph | Table], comment: WordComment) -> list[Run]:
    sections = [
        found
        for index, place in enumerate(comment.places)
        if (found := word_parts.section(body, place, comment.clause_number if index == 0 else None))
    ]
    for found in sections:
        for paragraph in found.paragraphs():
            if any(n in paragraph.text for n in comment.needles):
                return word_parts.runs_of([paragraph])
    for found in sections:
        if lead := found.lead():
            return word_parts.runs_of(lead)
    title = next((b for b in body if isinstance(b, Paragraph) and b.text.strip()), None)
    return word_parts.runs_of([title if title is not None else document.add_paragraph("")])


def _word_date(at: datetime) -> datetime:
    """Return a moment as Word stores it: UTC, whole seconds."""
    moment = at if at.tzinfo else at.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0)
