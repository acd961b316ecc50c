"""Dossier -> Word documents: the samenwerkingsovereenkomst and the samenwerkingsstrategie.

Rendering follows TECH_NOTES: a fresh DocxTemplate per render, autoescape on, StrictUndefined,
document properties set from Python after rendering. Values arrive clean (model.clean_text).
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from copy import deepcopy
from functools import cache
from pathlib import Path
from typing import Any

from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.text.run import Run
from docxtpl import DocxTemplate, InlineImage
from jinja2 import Environment, StrictUndefined
from lxml import etree
from markupsafe import Markup, escape

from workbench.documents import layout as document_layout
from workbench.documents.builder import IMAGE_WIDTH
from workbench.documents.checks import DocumentKind
from workbench.documents.context import ANNEXES, CLAUSES, context
from workbench.documents.versions import CLAUSE_SOURCES, ClauseChange, clauses, compare_versions, diff_clauses
from workbench.dossier.model import Dossier, clean_text, needs_cleaning
from workbench.dossier.records import ConsentRow
from workbench.i18n import language, t

__all__ = [
    "ANNEXES",
    "CLAUSES",
    "CLAUSE_SOURCES",
    "ClauseChange",
    "PdfError",
    "agreement",
    "clauses",
    "compare_versions",
    "context",
    "diff_clauses",
    "gap_findings",
    "generate",
    "network_picture",
    "pdf_unavailable_reason",
    "render",
    "strategy",
    "submission",
    "template_bytes",
    "to_pdf",
]

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "agreement_templates"


# ---------------------------------------------------------------- rendering


@cache
def template_bytes(kind: DocumentKind, lang: str) -> bytes:
    """Return the bytes of a built-in template (cached: a DocxTemplate is not reusable)."""
    return (TEMPLATE_DIR / f"{kind}_{language(lang)}.docx").read_bytes()


def finalize(value: Any) -> Any:
    """Prepare a value for the document XML: keep it exactly as typed, or as close as XML allows."""
    if not isinstance(value, str) or isinstance(value, Markup):
        return value
    if needs_cleaning(value):
        # The model already cleans text; a context built elsewhere may not have. docxtpl
        # would turn \a and \f into paragraph and page breaks, XML forbids the others.
        value = clean_text(value)
    if "_" in value:
        # docxtpl turns "{_{", "}_}", "{_%" and "%_}" into Jinja braces after rendering: an
        # underscore next to a brace becomes a character reference that XML reads back as "_".
        escaped = str(escape(value))
        return Markup(escaped.replace("{_", "{&#95;").replace("_}", "&#95;}").replace("%_", "%&#95;"))
    return value


def environment() -> Environment:
    """Return the Jinja environment for our own templates: autoescape and strict."""
    return Environment(autoescape=True, undefined=StrictUndefined, finalize=finalize)


def render(
    template: bytes,
    ctx: dict[str, Any],
    *,
    lang: str,
    images: dict[str, bytes] | None = None,
    title: str = "",
    jinja_env: Environment | None = None,
) -> bytes:
    """Render a .docx template with a context; return the document bytes."""
    tpl = DocxTemplate(io.BytesIO(template))
    values = dict(ctx)
    for key, png in (images or {}).items():
        values[key] = InlineImage(tpl, io.BytesIO(png), width=IMAGE_WIDTH)
    tpl.render(values, jinja_env=jinja_env or environment())
    mark_points_to_discuss(tpl.docx, lang)
    document_layout.tidy(tpl.docx)
    props = tpl.docx.core_properties
    props.title = title
    props.author = "Digibank Werkbank"
    props.last_modified_by = "Digibank Werkbank"
    props.comments = str(values.get("doc", {}).get("version_label", ""))
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def mark_points_to_discuss(document: Any, lang: str) -> None:
    """Highlight every "[Te bespreken: ...]" default: the marker itself, not the text around it."""
    prefix = t("documents.todo", lang).split("{text}")[0]
    find = etree.XPath("//w:t[contains(., $prefix)]", namespaces={"w": _W})
    for text in find(document.element, prefix=prefix):
        run = text.getparent()
        if run is None or run.tag != qn("w:r"):
            continue
        parts = _marked_parts(text.text or "", prefix)
        single = len(run.findall(qn("w:t"))) == 1 and run.find(qn("w:br")) is None
        if not single or len(parts) == 1:
            Run(run, None).font.highlight_color = WD_COLOR_INDEX.YELLOW  # type: ignore[arg-type]
            continue
        for piece, marked in parts:
            copy = deepcopy(run)
            copy.find(qn("w:t")).text = piece
            if marked:
                Run(copy, None).font.highlight_color = WD_COLOR_INDEX.YELLOW  # type: ignore[arg-type]
            run.addprevious(copy)
        run.getparent().remove(run)


def _marked_parts(text: str, prefix: str) -> list[tuple[str, bool]]:
    """Split a text into plain and marked pieces; a marker ends at its own closing bracket."""
    parts: list[tuple[str, bool]] = []
    i = 0
    while (start := text.find(prefix, i)) >= 0:
        depth, end = 0, start
        while end < len(text):
            depth += {"[": 1, "]": -1}.get(text[end], 0)
            end += 1
            if depth == 0:
                break
        parts += [(text[i:start], False), (text[start:end], True)]
        i = end
    parts.append((text[i:], False))
    return [(piece, marked) for piece, marked in parts if piece]


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def gap_findings(dossier: Dossier, lang: str) -> list[tuple[str, str]]:
    """Return the gap analysis of the partner network as (level, message) pairs."""
    # networkx is only needed here
    from workbench.network.analysis import analyse
    from workbench.network.words import report

    found = report(dossier, analyse(dossier), lang)
    return [(f["severity_label"], f["message"]) for f in found["findings"]]


def network_picture(dossier: Dossier, lang: str) -> bytes:
    """Return the picture of the partner network (PNG with legend) for the documents."""
    from workbench.network import picture  # matplotlib is only needed when a picture is drawn

    return picture.to_png(dossier, lang, page=True)


def generate(
    dossier: Dossier,
    lang: str,
    kind: DocumentKind,
    *,
    revision: int | None = None,
    template: bytes | None = None,
    picture: bool = True,
    progress: Callable[[str], None] | None = None,
    consent: Sequence[ConsentRow] | None = None,
) -> bytes:
    """Make one document with its gap analysis and network picture, from ours or a custom template.

    `progress` hears the steps ("picture", "render") so a page can show where it is. A custom
    template is rendered sandboxed in another process (workbench.documents.uploaded).
    """
    step = progress or (lambda name: None)
    lang = language(lang)
    findings = gap_findings(dossier, lang)
    png = None
    if picture:
        step("picture")
        png = network_picture(dossier, lang)
    step("render")
    if template is None:
        return _document(kind, dossier, lang, revision, png, findings, consent)
    from workbench.documents.uploaded.templates import render_custom

    return render_custom(
        template,
        context(dossier, lang, revision=revision, findings=findings, consent=consent),
        lang=lang,
        images={"network_picture": png} if png else None,
        title=document_title(kind, dossier, lang),
    )


def document_title(kind: DocumentKind, dossier: Dossier, lang: str) -> str:
    """Return the title a document carries in its properties."""
    return f"{t(f'documents.{kind}_title', lang)} – {dossier.identity.name}"


def agreement(
    dossier: Dossier,
    lang: str,
    *,
    revision: int | None = None,
    network_png: bytes | None = None,
    findings: list[tuple[str, str]] | None = None,
) -> bytes:
    """Return the draft samenwerkingsovereenkomst of a dossier as .docx bytes."""
    return _document("agreement", dossier, lang, revision, network_png, findings)


def strategy(
    dossier: Dossier,
    lang: str,
    *,
    revision: int | None = None,
    network_png: bytes | None = None,
    findings: list[tuple[str, str]] | None = None,
    consent: Sequence[ConsentRow] | None = None,
) -> bytes:
    """Return the samenwerkingsstrategie of a dossier as .docx bytes (with the consent matrix)."""
    return _document("strategy", dossier, lang, revision, network_png, findings, consent)


def submission(
    dossier: Dossier,
    lang: str,
    *,
    revision: int | None = None,
    network_png: bytes | None = None,
    findings: list[tuple[str, str]] | None = None,
) -> bytes:
    """Return the samenwerkingsstrategie as it is submitted: no tool language, consent or raw findings."""
    return _document("submission", dossier, lang, revision, network_png, findings)


def _document(
    kind: DocumentKind,
    dossier: Dossier,
    lang: str,
    revision: int | None,
    network_png: bytes | None,
    findings: list[tuple[str, str]] | None,
    consent: Sequence[ConsentRow] | None = None,
) -> bytes:
    lang = language(lang)
    ctx = context(dossier, lang, revision=revision, findings=findings, consent=consent)
    if kind == "submission":
        from workbench.documents.submission import risks  # the network analysis, for this document only

        ctx["risks"] = risks(dossier, lang)
    images = {"network_picture": network_png} if network_png else None
    return render(
        template_bytes(kind, lang), ctx, lang=lang, images=images, title=document_title(kind, dossier, lang)
    )


# ---------------------------------------------------------------- PDF


class PdfError(RuntimeError):
    """LibreOffice could not convert the document."""


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_unavailable_reason(lang: str = "nl") -> str | None:
    """Return why PDF export is unavailable, or None when LibreOffice is installed."""
    return None if _soffice() else t("documents.pdf_unavailable", lang)


def to_pdf(docx_bytes: bytes, timeout: float = 180, lang: str = "nl") -> bytes | None:
    """Convert a .docx to PDF with LibreOffice; None when LibreOffice is not installed.

    A document that links outside itself is refused (PdfError, in `lang`): LibreOffice would fetch
    a linked picture from the network or read it from the server's disk while converting.
    """
    from workbench.documents.links import describe, external_references

    soffice = _soffice()
    if soffice is None:
        return None
    if linked := external_references(docx_bytes):
        raise PdfError(t("documents.pdf_external", lang, names=describe(linked)))
    with tempfile.TemporaryDirectory(prefix="workbench-pdf-") as tmp:
        work = Path(tmp)
        source = work / "document.docx"
        source.write_bytes(docx_bytes)
        # A private profile per conversion: parallel conversions must not share one.
        profile = (work / "profile").as_uri()
        command = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        env = {**os.environ, "HOME": tmp}
        # soffice starts helper processes: a new session lets a time-out end them all.
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            start_new_session=True,
        )
        try:
            _, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise PdfError(f"LibreOffice took longer than {timeout:.0f} s") from exc
        pdf = work / "document.pdf"
        if process.returncode != 0 or not pdf.exists():
            raise PdfError(stderr.decode(errors="replace").strip() or "LibreOffice produced no PDF")
        return pdf.read_bytes()
