"""What a .docx would fetch or read by itself: external relationships and fields that include content.

A document made from an uploaded template carries whatever XML the template holds. LibreOffice
fetches an externally linked picture (`<a:blip r:link>` to `http://...` or `file:///...`) while it
converts the document to PDF on the server: a request out of an offline server, and any picture on
the server's disk copied into the PDF (verified on main). Word also follows an attached template
(`\\\\host\\share` hands over the reader's Windows credentials), INCLUDEPICTURE and INCLUDETEXT when it
opens or updates the document. None of it belongs in a generated document: they are reported here,
refused after an uploaded template renders (uploaded/templates.py) and before any conversion (to_pdf).
Hyperlinks stay: following one takes a click.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

from lxml import etree

_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_INSTR_TEXT, _FLD_SIMPLE, _FLD_CHAR = f"{{{_W}}}instrText", f"{{{_W}}}fldSimple", f"{{{_W}}}fldChar"
# Field codes that pull content from elsewhere (a file, a URL, another program).
_INCLUDING = re.compile(r"^\s*(INCLUDEPICTURE|INCLUDETEXT|INCLUDE|LINK|DDE|DDEAUTO|IMPORT|DATABASE)\b", re.I)
MAX_NAMED = 5  # references named in a message; the rest are counted


def external_references(docx_bytes: bytes) -> list[str]:
    """Return what the document would fetch or include by itself (empty: nothing), e.g. 'image: http://...'.

    A file that is no zip is nothing to report here (the caller refuses it on its own terms).
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(docx_bytes))
    except (zipfile.BadZipFile, ValueError):
        return []
    found: list[str] = []
    with archive:
        for name in archive.namelist():
            if name.endswith(".rels"):
                found.extend(_external_relationships(archive.read(name)))
            elif name.startswith("word/") and name.endswith(".xml"):
                found.extend(_including_fields(archive.read(name)))
    return found


def describe(found: list[str]) -> str:
    """Name the first few references for a message, and how many more there are."""
    shown = ", ".join(found[:MAX_NAMED])
    return shown if len(found) <= MAX_NAMED else f"{shown} (+{len(found) - MAX_NAMED})"


def _elements(xml: bytes, *tags: str) -> Iterator[etree._Element]:
    # No entity is expanded and nothing is fetched while looking: the document is hostile.
    try:
        for _, element in etree.iterparse(
            io.BytesIO(xml),
            events=("end",),
            tag=tags,
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
        ):
            yield element
    except etree.XMLSyntaxError:
        return  # a part that does not parse is refused by whoever reads it; it fetches nothing here


def _external_relationships(xml: bytes) -> Iterator[str]:
    for rel in _elements(xml, _RELATIONSHIP):
        if rel.get("TargetMode", "").lower() == "external" and rel.get("Type") != _HYPERLINK:
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            yield f"{kind}: {rel.get('Target', '')[:200]}"


def _including_fields(xml: bytes) -> Iterator[str]:
    # A field's code may be split over many runs: join the instrText of one field before matching.
    code: list[str] = []
    for element in _elements(xml, _INSTR_TEXT, _FLD_SIMPLE, _FLD_CHAR):
        if element.tag == _FLD_SIMPLE:
            yield from _including(element.get(f"{{{_W}}}instr") or "")
        elif element.tag == _INSTR_TEXT:
            code.append(element.text or "")
        elif element.get(f"{{{_W}}}fldCharType") in ("separate", "end"):
            yield from _including("".join(code))
            code = []
    yield from _including("".join(code))


def _including(code: str) -> Iterator[str]:
    if match := _INCLUDING.match(code):
        yield f"{match.group(1).upper()}: {code.strip()[len(match.group(1)) :].strip()[:200]}"
