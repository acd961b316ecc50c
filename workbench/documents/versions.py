"""Generated documents read back clause by clause, and two versions compared."""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from workbench.dossier.units import UnitRef
from workbench.i18n import fmt_datetime, has, t

if TYPE_CHECKING:
    from workbench.dossier.records import DocumentVersion, Revision

# Which editing units (workbench.dossier.units) each clause is written from: a changed clause
# points at the dossier revisions that touched them.
CLAUSE_SOURCES: dict[str, tuple[str, ...]] = {
    "partijen": ("partner", "role", "signatory"),
    "overwegingen": ("identity", "trajectory", "funding_stream"),
    "voorwerp": ("identity", "role"),
    "duur": ("identity",),
    "rollen": ("partner", "role", "custom_role", "flow", "access_point"),
    "promotor": ("partner", "role"),
    "governance": ("governance", "partner"),
    "financiering": ("partner", "role", "identity", "funding_stream", "funding_line"),
    "subsidievoorwaarden": ("partner", "role", "funding_stream"),
    "rapportering": ("section:impactmeting", "partner"),
    "gegevensbescherming": ("processing", "partner"),
    "uitleendienst": ("role", "partner", "section:circulariteit", "lending"),
    "communicatie": ("identity",),
    "toetreding_uittreding": ("role", "partner"),
    "geschillen": ("partner", "role"),
    "ondertekening": ("partner", "signatory"),
    "strategie": ("identity",),
    "rolmatrix": ("partner", "role", "custom_role"),
    "budget": ("partner", "role", "identity", "funding_stream", "funding_line"),
    "planning": ("planning", "partner"),
    "digipunten": ("access_point", "partner"),
    "indicatoren": ("section:impactmeting", "partner"),
    "avg": ("processing", "partner"),
    "uitleenreglement": ("lending", "partner"),
    "netwerk": ("flow", "partner", "role"),
}


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


def change_title(change: ClauseChange, lang: str) -> str:
    """Name a changed clause or annex in the user's language."""
    kind, _, key = change.key.partition("_")
    catalogue_key = f"{'clause' if kind == 'clause' else 'annex'}.{key}"
    return t(catalogue_key, lang) if has(catalogue_key, lang) else change.title


def describe_causes(change: ClauseChange, lang: str) -> list[str]:
    """Describe the dossier edits behind a changed clause, one line each."""
    return [
        t(
            "documents.page.cause",
            lang,
            revision=r.revision,
            unit=t(f"unit.{r.unit.kind}", lang),
            label=r.label,
            by=r.by,
            at=fmt_datetime(r.at, lang),
        )
        for r in change.causes
    ]


def comparable(versions: list[DocumentVersion], newer: int) -> list[DocumentVersion]:
    """Return the versions a document can be compared with: the same kind of document, newest first."""
    chosen = next((v for v in versions if v.id == newer), None)
    if chosen is None:
        return []
    return [v for v in versions if v.kind == chosen.kind]


def default_pair(versions: list[DocumentVersion]) -> tuple[int, int] | None:
    """Pick what to compare first: the newest document and the version before it of the same kind.

    An agreement is compared with an agreement (in the same language when there is one), never
    with a strategy. Versions are newest first, as the store lists them.
    """
    if not versions:
        return None
    newest = versions[0]
    same = [v for v in versions[1:] if v.kind == newest.kind]
    older = next((v for v in same if v.lang == newest.lang), same[0] if same else newest)
    return older.id, newest.id
