"""Build the Word templates in this folder from their readable sources in source/.

    python agreement_templates/build_templates.py           write the four .docx files
    python agreement_templates/build_templates.py --check   exit 1 when a .docx is stale

The source dialect is described in README.md beside this script. The output is
deterministic (fixed zip timestamps and document properties), so a rebuild of unchanged
sources gives byte-identical files and the test suite can check that they are current.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

HERE = Path(__file__).parent
SOURCES = HERE / "source"

# Output file -> source file. Keys are what workbench.documents loads.
TEMPLATES: dict[str, str] = {
    "agreement_nl.docx": "agreement_nl.txt",
    "agreement_en.docx": "agreement_en.txt",
    "strategy_nl.docx": "strategy_nl.txt",
    "strategy_en.docx": "strategy_en.txt",
    "submission_nl.docx": "submission_nl.txt",
    "submission_en.docx": "submission_en.txt",
}

_FIXED_TIME = datetime(2024, 1, 1, tzinfo=UTC)
_ZIP_TIME = (2024, 1, 1, 0, 0, 0)
_ARTICLE_NUM_ID = 90
_ANNEX_NUM_ID = 91
_HEADER_FILL = "DCE6F0"
_FONT = "Calibri"
_TEXT_WIDTH_TWIPS = 9070  # A4 minus two 25 mm margins
_ACCENT = RGBColor(0x1F, 0x3A, 0x5F)

# A run boundary is needed around each {{ expression }} so that a value can be marked on
# its own (see workbench.documents), and around **bold** text.
_BOLD = re.compile(r"(\*\*.+?\*\*)")
_EXPRESSION = re.compile(r"(\{\{.*?\}\})")
_FIELD = re.compile(r"(?<!\{)\{(PAGE|NUMPAGES)\}(?!\})")


# ---------------------------------------------------------------- the source dialect


@dataclass
class Block:
    kind: str  # title, subtitle, heading1, heading2, annex, bullet, para, signature, table, toc, pagebreak
    text: str = ""
    key: str = ""
    rows: list[list[str]] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)  # tables: column widths in percent


@dataclass
class Source:
    settings: dict[str, str]
    blocks: list[Block]


_DIRECTIVE = re.compile(r"^\[(?P<name>[a-z0-9-]+)\](?:\s(?P<value>.*))?$")
_KEYED = re.compile(r"^(?P<key>[a-z0-9_]+)\s*\|\s*(?P<text>.+)$")


def parse(text: str) -> Source:
    """Parse a template source: one line is one paragraph, a prefix says what it is."""
    settings: dict[str, str] = {}
    blocks: list[Block] = []
    in_table = False
    widths: list[int] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if line.startswith("//"):
            continue
        if not line.strip():
            in_table = False  # a blank line ends a table: the next rows start a new one
            continue
        directive = _DIRECTIVE.match(line)
        if directive and directive["name"] in ("toc", "pagebreak"):
            blocks.append(Block(directive["name"]))
        elif directive and directive["name"] == "widths":
            widths = [int(w) for w in (directive["value"] or "").split()]
            continue
        elif directive:
            settings[directive["name"]] = (directive["value"] or "").strip()
        elif line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not in_table:
                blocks.append(Block("table", widths=widths))
                in_table, widths = True, []
            blocks[-1].rows.append(cells)
            continue
        else:
            blocks.append(_line_block(line, number))
        in_table = False
    return Source(settings, blocks)


def _line_block(line: str, number: int) -> Block:
    prefixes = (
        ("## ", "heading2"),
        ("# ", "heading1"),
        ("@ ", "annex"),
        ("= ", "title"),
        ("~ ", "subtitle"),
        ("- ", "bullet"),
        ("> ", "signature"),
    )
    for prefix, kind in prefixes:
        if line.startswith(prefix):
            rest = line[len(prefix) :].strip()
            if kind in ("heading1", "annex"):
                keyed = _KEYED.match(rest)
                if keyed is None:
                    raise ValueError(f"line {number}: '{prefix}' needs 'key | title'")
                return Block(kind, keyed["text"].strip(), keyed["key"])
            return Block(kind, rest)
    return Block("para", line.strip())


# ---------------------------------------------------------------- styles and numbering


def _setup_document(doc: DocumentObject, settings: dict[str, str]) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin, section.bottom_margin = Mm(25), Mm(22)
    section.header_distance = section.footer_distance = Mm(10)

    language = settings.get("language", "nl-BE")
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    assert defaults is not None
    for lang in defaults.iter(qn("w:lang")):
        lang.set(qn("w:val"), language)
        lang.set(qn("w:eastAsia"), language)

    fonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    assert fonts is not None
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), _FONT)

    styles = doc.styles
    normal = styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15

    for name, size, before, after in (("Heading 1", 14, 18, 6), ("Heading 2", 12, 12, 4)):
        style = styles[name]
        _plain_font(style.element)
        style.font.size = Pt(size)
        style.font.color.rgb = _ACCENT
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)

    title = styles["Title"]
    _plain_font(title.element)
    title.font.size = Pt(26)
    title.font.color.rgb = _ACCENT
    styles["Subtitle"].font.size = Pt(16)

    annex = styles.add_style("Annex Heading", WD_STYLE_TYPE.PARAGRAPH)
    annex.base_style = styles["Heading 1"]
    annex.next_paragraph_style = normal
    annex.paragraph_format.page_break_before = True
    annex.quick_style = True

    table_text = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.font.size = Pt(9)
    table_text.paragraph_format.space_after = Pt(0)
    table_text.paragraph_format.line_spacing = 1.0
    table_text.quick_style = True

    signature = styles.add_style("Signature Block", WD_STYLE_TYPE.PARAGRAPH)
    signature.base_style = normal
    signature.paragraph_format.space_after = Pt(2)
    signature.paragraph_format.keep_with_next = True
    signature.paragraph_format.keep_together = True
    signature.quick_style = True

    toc = styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    toc.base_style = normal
    # 23 articles and 9 annexes fit on the title page: no spill page with one line on it.
    toc.font.size = Pt(9.5)
    toc.paragraph_format.space_after = Pt(0)
    toc.paragraph_format.line_spacing = 1.0
    toc.element.get_or_add_pPr().append(
        parse_xml(f'<w:tabs {nsdecls("w")}><w:tab w:val="right" w:leader="dot" w:pos="9060"/></w:tabs>')
    )

    _number_style(doc, "Heading 1", _ARTICLE_NUM_ID, 0)
    _number_style(doc, "Heading 2", _ARTICLE_NUM_ID, 1)
    _number_style(doc, "Annex Heading", _ANNEX_NUM_ID, 0)
    # TOC Heading is based on Heading 1 but must not take an article number.
    _number_style(doc, "TOC Heading", 0, 0)
    outline = parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="0"/>')
    annex.element.get_or_add_pPr().insert_element_before(outline, "w:rPr")

    numbering = doc.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    assert first_num is not None
    article = settings.get("heading1", "%1.")
    sub = settings.get("heading2", "%1.%2")
    annex_label = settings.get("annex", "%1.")
    for abstract in (
        _abstract_num(_ARTICLE_NUM_ID, [(article, "Heading1"), (sub, "Heading2")]),
        _abstract_num(_ANNEX_NUM_ID, [(annex_label, "AnnexHeading")]),
    ):
        first_num.addprevious(parse_xml(abstract))
    for num_id in (_ARTICLE_NUM_ID, _ANNEX_NUM_ID):
        numbering.append(
            parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>')
        )


def _plain_font(style: Any) -> None:
    """Drop a style's theme fonts (they override named fonts) so it uses the document font."""
    rpr = style.find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    if fonts is not None:
        rpr.remove(fonts)


def _abstract_num(num_id: int, levels: list[tuple[str, str]]) -> str:
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:pStyle w:val="{style}"/><w:suff w:val="space"/><w:lvlText w:val="{text}"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>'
        for i, (text, style) in enumerate(levels)
    )
    return (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'
    )


def _number_style(doc: DocumentObject, style_name: str, num_id: int, level: int) -> None:
    numbered = parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    )
    ppr = doc.styles[style_name].element.get_or_add_pPr()
    ppr.insert_element_before(
        numbered,
        "w:suppressLineNumbers",
        "w:pBdr",
        "w:shd",
        "w:tabs",
        "w:spacing",
        "w:ind",
        "w:jc",
        "w:outlineLvl",
        "w:rPr",
    )


# ---------------------------------------------------------------- paragraphs and runs


def _add_runs(paragraph: Paragraph, text: str, bold: bool = False) -> None:
    for part in _BOLD.split(text):
        if not part:
            continue
        is_bold = bold or (part.startswith("**") and part.endswith("**") and len(part) > 4)
        body = part[2:-2] if is_bold and not bold else part
        for piece in _EXPRESSION.split(body):
            if piece:
                run = paragraph.add_run(piece)
                if is_bold:
                    run.bold = True


def _add_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>'))
    run = paragraph.add_run()
    run._r.append(
        parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve"> {instruction} </w:instrText>')
    )
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>'))
    paragraph.add_run(shown)
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>'))


def _add_text_with_fields(paragraph: Paragraph, text: str) -> None:
    for i, piece in enumerate(_FIELD.split(text)):
        if i % 2:
            _add_field(paragraph, piece, "1")
        elif piece:
            _add_runs(paragraph, piece)


def _bookmark(paragraph: Paragraph, name: str, bookmark_id: int) -> None:
    start = parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="{bookmark_id}" w:name="{name}"/>')
    end = parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{bookmark_id}"/>')
    ppr = paragraph._p.pPr
    if ppr is not None:
        ppr.addnext(start)
    else:
        paragraph._p.insert(0, start)
    paragraph._p.append(end)


# ---------------------------------------------------------------- tables


def _add_table(doc: DocumentObject, rows: list[list[str]], widths: list[int]) -> Table:
    header, body = rows[0], rows[1:]
    columns = len(header)
    if widths and (len(widths) != columns or sum(widths) != 100):
        raise ValueError(f"[widths] {widths} must give {columns} percentages that add up to 100")
    widths = widths or [100 // columns] * columns
    right = [cell.startswith(">") for cell in header]
    header = [cell.lstrip(">").strip() for cell in header]
    table = doc.add_table(rows=len(rows), cols=columns)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblW")):
        tbl_pr.remove(old)
    tbl_pr.append(parse_xml(f'<w:tblW {nsdecls("w")} w:w="5000" w:type="pct"/>'))
    twips = [_TEXT_WIDTH_TWIPS * w // 100 for w in widths]
    for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), twips, strict=True):
        grid_col.set(qn("w:w"), str(width))
    for r, cells in enumerate([header, *body]):
        row = table.rows[r]
        if r == 0:
            row._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
        else:
            row._tr.get_or_add_trPr().append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
        padded = cells + [""] * (columns - len(cells))
        if len(padded) > columns:
            raise ValueError(f"table row has {len(padded)} cells, header has {columns}: {cells}")
        for c, text in enumerate(padded):
            cell = row.cells[c]
            cell._tc.get_or_add_tcPr().append(
                parse_xml(f'<w:tcW {nsdecls("w")} w:w="{twips[c]}" w:type="dxa"/>')
            )
            paragraph = cell.paragraphs[0]
            paragraph.style = doc.styles["Table Text"]
            if right[c] and r > 0 and not text.startswith("{%"):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if r == 0:
                cell._tc.get_or_add_tcPr().append(
                    parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{_HEADER_FILL}"/>')
                )
                if right[c]:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _add_runs(paragraph, text, bold=r == 0)
    return table


# ---------------------------------------------------------------- table of contents


def _add_toc(doc: DocumentObject, source: Source) -> None:
    """Insert a TOC field whose cached entries already list the level-1 headings."""
    settings = source.settings
    entries = []
    counters = {"heading1": 0, "annex": 0}
    for block in source.blocks:
        if block.kind in counters:
            counters[block.kind] += 1
            label = settings.get("heading1" if block.kind == "heading1" else "annex", "%1.")
            number = label.replace("%1", str(counters[block.kind]))
            entries.append((f"{_prefix(block)}{block.key}", f"{number} {block.text}"))
    heading = doc.add_paragraph(settings.get("toc-title", "Inhoud"), style=doc.styles["TOC Heading"])
    heading.paragraph_format.space_after = Pt(6)
    levels = settings.get("toc-levels", "1-1")
    for i, (anchor, text) in enumerate(entries):
        paragraph = doc.add_paragraph(style=doc.styles["toc 1"])
        if i == 0:
            for xml in (
                f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>',
                f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> TOC \\o "{levels}" \\h \\z \\u '
                "</w:instrText></w:r>",
                f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>',
            ):
                paragraph._p.append(parse_xml(xml))
        link = parse_xml(f'<w:hyperlink {nsdecls("w")} w:anchor="{anchor}" w:history="1"/>')
        run = parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"></w:t></w:r>')
        run[0].text = text
        link.append(run)
        paragraph._p.append(link)
        if i == len(entries) - 1:
            paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))


def _prefix(block: Block) -> str:
    return "annex_" if block.kind == "annex" else "clause_"


# ---------------------------------------------------------------- the document


def build(source_text: str) -> bytes:
    """Return the .docx bytes of one template source."""
    source = parse(source_text)
    doc = Document()
    _setup_document(doc, source.settings)
    _drop_thumbnail(doc)
    # python-docx starts with one empty paragraph in the body: remove it.
    body = doc.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)
    bookmark_id = 0
    styles = {
        "title": "Title",
        "subtitle": "Subtitle",
        "heading1": "Heading 1",
        "heading2": "Heading 2",
        "annex": "Annex Heading",
        "bullet": "List Bullet",
        "para": "Normal",
        "signature": "Signature Block",
    }
    for i, block in enumerate(source.blocks):
        if block.kind == "toc":
            _add_toc(doc, source)
        elif block.kind == "pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif block.kind == "table":
            _add_table(doc, block.rows, block.widths)
        else:
            paragraph = doc.add_paragraph(style=doc.styles[styles[block.kind]])
            _add_runs(paragraph, block.text)
            if block.key:
                bookmark_id += 1
                _bookmark(paragraph, f"{_prefix(block)}{block.key}", bookmark_id)
            if i and source.blocks[i - 1].kind == "table" and block.kind == "para":
                paragraph.paragraph_format.space_before = Pt(6)  # air between a table and the text below
            following = source.blocks[i + 1] if i + 1 < len(source.blocks) else None
            if block.kind == "signature" and (following is None or following.kind != "signature"):
                # The last line of a signature block: room to sign above it, free to break after.
                paragraph.paragraph_format.keep_with_next = False
                paragraph.paragraph_format.space_before = Pt(20)
                paragraph.paragraph_format.space_after = Pt(16)
    _header_footer(doc, source.settings)
    _settings(doc)
    # Word drops leading and trailing spaces of a text node unless told to keep them.
    for part in (doc.element, doc.sections[0].header._element, doc.sections[0].footer._element):
        for node in part.iter(qn("w:t")):
            node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    props = doc.core_properties
    props.author = "Digibank Werkbank"
    props.last_modified_by = "Digibank Werkbank"
    props.title = ""
    props.comments = ""
    props.revision = 1
    props.created = props.modified = _FIXED_TIME
    props.language = source.settings.get("language", "nl-BE")
    out = io.BytesIO()
    doc.save(out)
    return normalise_zip(out.getvalue())


def _drop_thumbnail(doc: DocumentObject) -> None:
    rels = doc.part.package.rels
    for rid, rel in list(rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            rels.pop(rid)


def _header_footer(doc: DocumentObject, settings: dict[str, str]) -> None:
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    header.style = doc.styles["Header"]
    _add_text_with_fields(header, settings.get("header", "{{ dossier_name }}"))
    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["Footer"]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _add_text_with_fields(footer, settings.get("footer", "{PAGE}"))
    for paragraph in (header, footer):
        for run in paragraph.runs:
            run.font.size = Pt(8)


def _settings(doc: DocumentObject) -> None:
    # Ask Word to refresh the table of contents (page numbers) when the file is opened.
    settings = doc.settings.element
    settings.append(parse_xml(f'<w:updateFields {nsdecls("w")} w:val="true"/>'))


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and sorted entries, so equal content gives equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = sorted(source.namelist(), key=lambda n: (n != "[Content_Types].xml", n))
        for name in names:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()


def build_all() -> dict[str, bytes]:
    """Return every template, built from its source, by output file name."""
    return {name: build((SOURCES / src).read_text(encoding="utf-8")) for name, src in TEMPLATES.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="only report stale templates")
    args = parser.parse_args(argv)
    stale = []
    for name, data in build_all().items():
        path = HERE / name
        if path.exists() and path.read_bytes() == data:
            continue
        stale.append(name)
        if not args.check:
            path.write_bytes(data)
            print(f"wrote {path}")
    if args.check and stale:
        print("stale templates: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
