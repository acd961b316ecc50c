"""Dossier -> Word documents: the samenwerkingsovereenkomst and the samenwerkingsstrategie.

Rendering follows TECH_NOTES: a fresh DocxTemplate per render, autoescape on, StrictUndefined,
document properties set from Python after rendering. Values arrive clean (model.clean_text).
"""

from __future__ import annotations

import difflib
import io
import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import docx
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from docxtpl import DocxTemplate, InlineImage
from jinja2 import Environment, StrictUndefined
from lxml import etree
from markupsafe import Markup, escape

from workbench.document_context import ANNEXES, CLAUSES, build, context
from workbench.i18n import language, t
from workbench.model import SECTION_KEYS, Dossier
from workbench.units import UnitRef

if TYPE_CHECKING:
    from workbench.store import Revision

__all__ = [
    "ANNEXES",
    "CLAUSES",
    "STRATEGY_SECTIONS",
    "ClauseChange",
    "ClauseCheck",
    "PdfError",
    "agreement",
    "clauses",
    "compare_versions",
    "context",
    "diff_clauses",
    "network_parts",
    "pdf_unavailable_reason",
    "readiness",
    "render",
    "strategy",
    "template_bytes",
    "to_pdf",
]

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "agreement_templates"
DocumentKind = Literal["agreement", "strategy"]
STRATEGY_SECTIONS: tuple[str, ...] = (
    "partnerschap",
    *SECTION_KEYS,
    "toegangspunten",
    "governance",
    "budget_planning",
    "netwerk",
)
# Which editing units (workbench.units) each clause is written from: a changed clause
# points at the dossier revisions that touched them.
CLAUSE_SOURCES: dict[str, tuple[str, ...]] = {
    "partijen": ("partner", "role"),
    "overwegingen": ("identity",),
    "voorwerp": ("identity", "role"),
    "duur": ("identity",),
    "rollen": ("partner", "role", "custom_role", "flow", "access_point"),
    "promotor": ("partner", "role"),
    "governance": ("governance", "partner"),
    "financiering": ("partner", "role", "identity"),
    "subsidievoorwaarden": ("partner", "role"),
    "rapportering": ("section:impactmeting", "partner"),
    "gegevensbescherming": ("processing", "partner"),
    "uitleendienst": ("role", "partner", "section:circulariteit"),
    "communicatie": ("identity",),
    "geschillen": ("partner", "role"),
    "ondertekening": ("partner",),
    "strategie": ("identity",),
    "rolmatrix": ("partner", "role", "custom_role"),
    "budget": ("partner", "role", "identity"),
    "planning": ("planning", "partner"),
    "digipunten": ("access_point", "partner"),
    "indicatoren": ("section:impactmeting", "partner"),
    "avg": ("processing", "partner"),
    "netwerk": ("flow", "partner", "role"),
}
IMAGE_WIDTH = Mm(160)


# ---------------------------------------------------------------- rendering


@cache
def template_bytes(kind: DocumentKind, lang: str) -> bytes:
    """Return the bytes of a built-in template (cached: a DocxTemplate is not reusable)."""
    return (TEMPLATE_DIR / f"{kind}_{language(lang)}.docx").read_bytes()


def finalize(value: Any) -> Any:
    # docxtpl turns "{_{", "}_}", "{_%" and "%_}" into Jinja braces after rendering. A user's
    # text must come out as typed, so an underscore next to a brace becomes a character
    # reference that XML reads back as "_" but that docxtpl's replacement does not see.
    if isinstance(value, str) and not isinstance(value, Markup) and "_" in value:
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
    props = tpl.docx.core_properties
    props.title = title
    props.author = "Digibank Werkbank"
    props.last_modified_by = "Digibank Werkbank"
    props.comments = str(values.get("doc", {}).get("version_label", ""))
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def mark_points_to_discuss(document: Any, lang: str) -> None:
    """Highlight every run that carries a "[Te bespreken: ...]" default."""
    prefix = t("documents.todo", lang).split("{text}")[0]
    find = etree.XPath("//w:t[contains(., $prefix)]", namespaces={"w": _W})
    for text in find(document.element, prefix=prefix):
        run = text.getparent()
        if run is not None and run.tag == qn("w:r"):
            Run(run, None).font.highlight_color = WD_COLOR_INDEX.YELLOW  # type: ignore[arg-type]


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def network_parts(dossier: Dossier, lang: str) -> tuple[bytes, list[tuple[str, str]]]:
    """Return the network picture (PNG) and the gap findings (level, message) of a dossier."""
    # Imported here: matplotlib and networkx are only needed when a picture is drawn.
    from workbench import graph, graph_render

    report = graph.report(dossier, graph.analyse(dossier), lang)
    findings = [(f["severity_label"], f["message"]) for f in report["findings"]]
    return graph_render.to_png(dossier, lang), findings


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
) -> bytes:
    """Return the samenwerkingsstrategie of a dossier as .docx bytes."""
    return _document("strategy", dossier, lang, revision, network_png, findings)


def _document(
    kind: DocumentKind,
    dossier: Dossier,
    lang: str,
    revision: int | None,
    network_png: bytes | None,
    findings: list[tuple[str, str]] | None,
) -> bytes:
    lang = language(lang)
    ctx = context(dossier, lang, revision=revision, findings=findings)
    images = {"network_picture": network_png} if network_png else None
    title = f"{t(f'documents.{kind}_title', lang)} – {dossier.identity.name}"
    return render(template_bytes(kind, lang), ctx, lang=lang, images=images, title=title)


# ---------------------------------------------------------------- readiness


@dataclass(frozen=True)
class ClauseCheck:
    """What one clause (or strategy section) still misses before a clean document."""

    number: int
    key: str
    title: str
    missing: tuple[str, ...]

    @property
    def ready(self) -> bool:
        return not self.missing


def readiness(dossier: Dossier, lang: str, document: DocumentKind = "agreement") -> list[ClauseCheck]:
    """List per clause (or strategy section) what the dossier leaves open."""
    _, gaps = build(dossier, lang)
    if document == "agreement":
        keys, prefix = CLAUSES, "clause"
    else:
        keys, prefix = STRATEGY_SECTIONS, "strategy"
    checks = []
    for number, key in enumerate(keys, start=1):
        label = t(f"section.{key}", lang) if key in SECTION_KEYS else t(f"{prefix}.{key}", lang)
        checks.append(ClauseCheck(number, key, label, tuple(gaps.by_place.get(key, ()))))
    return checks


# ---------------------------------------------------------------- reading back and comparing


def clauses(docx_bytes: bytes) -> dict[str, str]:
    """Return the text of every article, section and annex of a generated document, by key.

    Keys are the bookmarks the templates put on headings ("clause_partijen", "annex_avg");
    each text starts with its heading line and includes its tables (cells joined by " | ").
    """
    document = docx.Document(io.BytesIO(docx_bytes))
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            key = _heading_key(block)
            if key:
                current = found.setdefault(key, [])
            if current is not None:
                current.append(block.text)
        elif isinstance(block, Table) and current is not None:
            current.extend(_table_lines(block))
    return {key: "\n".join(lines) for key, lines in found.items()}


def _heading_key(paragraph: Paragraph) -> str | None:
    for mark in paragraph._p.iterchildren(qn("w:bookmarkStart")):
        name = mark.get(qn("w:name")) or ""
        if name.startswith(("clause_", "annex_")):
            return name
    return None


def _table_lines(table: Table) -> list[str]:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            if not cells or cell.text != cells[-1]:  # merged cells repeat
                cells.append(cell.text)
        lines.append(" | ".join(cells))
    return lines


@dataclass(frozen=True)
class ClauseChange:
    """One clause that differs between two generated versions, and the edits behind it."""

    key: str
    title: str
    status: Literal["added", "removed", "changed"]
    diff: tuple[str, ...]
    sources: tuple[str, ...]
    causes: tuple[Revision, ...] = ()


def diff_clauses(old: dict[str, str], new: dict[str, str]) -> list[ClauseChange]:
    """List the clauses that were added, removed or changed, in document order."""
    changes = []
    for key in [*new, *(k for k in old if k not in new)]:
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        status: Literal["added", "removed", "changed"] = (
            "added" if before is None else "removed" if after is None else "changed"
        )
        title = (after or before or "").split("\n", 1)[0]
        lines = difflib.unified_diff(
            (before or "").splitlines(), (after or "").splitlines(), lineterm="", n=1
        )
        diff = tuple(line for line in lines if not line.startswith(("---", "+++")))
        bare = key.split("_", 1)[1] if "_" in key else key
        changes.append(ClauseChange(key, title, status, diff, CLAUSE_SOURCES.get(bare, ())))
    return changes


def touches(unit: UnitRef, sources: tuple[str, ...]) -> bool:
    """Tell whether an edited unit is one a clause is written from."""
    return unit.kind in sources or str(unit) in sources


def compare_versions(
    old: bytes, new: bytes, *, since: int, until: int, history: list[Revision]
) -> list[ClauseChange]:
    """Diff two generated documents clause by clause and name the dossier edits in between.

    `since` and `until` are the dossier revisions the documents came from; `history` is the
    store's revision list. A clause's causes are the edits after `since` up to `until` that
    touched one of the units the clause is written from.
    """
    low, high = sorted((since, until))
    window = [r for r in history if low < r.revision <= high]
    changes = diff_clauses(clauses(old), clauses(new))
    return [replace(c, causes=tuple(r for r in window if touches(r.unit, c.sources))) for c in changes]


# ---------------------------------------------------------------- PDF


class PdfError(RuntimeError):
    """LibreOffice could not convert the document."""


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_unavailable_reason(lang: str = "nl") -> str | None:
    """Return why PDF export is unavailable, or None when LibreOffice is installed."""
    return None if _soffice() else t("documents.pdf_unavailable", lang)


def to_pdf(docx_bytes: bytes, timeout: float = 180) -> bytes | None:
    """Convert a .docx to PDF with LibreOffice; None when LibreOffice is not installed."""
    soffice = _soffice()
    if soffice is None:
        return None
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
