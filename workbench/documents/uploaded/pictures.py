"""Pictures in documents from uploaded templates: a marker in the template, the image put in by us.

An uploaded template must see plain data only (an InlineImage carries the live DocxTemplate),
so it gets a marker string for each picture, e.g. `{{ network_picture }}` renders
"[[picture:3f2a...]]". After the sandboxed render, trusted code here replaces every marker with
the image, in the body, in tables, headers and footers. The marker holds a fresh random token per
render, so text typed in the dossier cannot forge one.
"""

from __future__ import annotations

import copy
import io
import secrets
from collections.abc import Mapping

import docx
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.parts.story import StoryPart
from docx.shared import Length


def new_marker() -> str:
    """Return a fresh marker for one picture in one render."""
    return f"[[picture:{secrets.token_hex(12)}]]"


def place_pictures(document: bytes, pictures: Mapping[str, bytes], width: Length) -> bytes:
    """Replace every marker (key of `pictures`) by its PNG; return the document unchanged without any."""
    if not pictures:
        return document
    word = docx.Document(io.BytesIO(document))
    placed = 0
    for part in word.part.package.iter_parts():
        if isinstance(part, StoryPart):  # the body, headers and footers
            placed += _place_in_part(part, pictures, width)
    if not placed:
        return document
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _place_in_part(part: StoryPart, pictures: Mapping[str, bytes], width: Length) -> int:
    placed = 0
    for text in list(part.element.iter(qn("w:t"))):
        value = text.text or ""
        if not any(marker in value for marker in pictures):
            continue
        # A run may hold text and drawings in turn: split the w:t around each marker in place.
        pieces = _split(value, pictures)
        anchor = text
        for piece in pieces:
            if piece in pictures:
                inline = part.new_pic_inline(io.BytesIO(pictures[piece]), width, None)
                element = OxmlElement("w:drawing")
                element.append(inline)
                placed += 1
            elif piece:
                element = copy.deepcopy(text)
                element.text = piece
                element.set(qn("xml:space"), "preserve")
            else:
                continue
            anchor.addnext(element)
            anchor = element
        text.getparent().remove(text)
    return placed


def _split(value: str, pictures: Mapping[str, bytes]) -> list[str]:
    """Split a text into plain pieces and markers, in order."""
    pieces = [value]
    for marker in pictures:
        split: list[str] = []
        for piece in pieces:
            if piece in pictures:
                split.append(piece)
                continue
            parts = piece.split(marker)
            for i, part in enumerate(parts):
                if i:
                    split.append(marker)
                split.append(part)
        pieces = split
    return pieces
