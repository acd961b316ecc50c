"""The one-page workshop summary: what changed, what was decided, what is still open (.docx)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Cm, Pt

from workbench.collab.consent import Consents
from workbench.collab.workshop import Idea, Workshop, Workshops
from workbench.dossier.records import Consent, Revision
from workbench.dossier.units import UnitRef
from workbench.i18n import fmt_datetime, t, tn
from workbench.store.db import Address
from workbench.store.dossiers import Store

ROWS = 6  # per list: one page is the promise, the rest is counted ("and 12 more")
TEXT = 150  # characters of an idea or reason on the page


@dataclass(frozen=True)
class WorkshopSummary:
    workshop: Workshop
    dossier_name: str
    participants: int
    ideas: int
    votes: int
    changes: list[Revision]  # every revision of the dossier during the workshop, oldest first
    decisions: list[dict[str, Any]]  # the vote records of the promotions
    open_ideas: list[Idea]  # not promoted, most dots first
    objections: list[tuple[str, Consent]]  # (partner name, consent), every section


def summarise(address: Address, workshop_id: int) -> WorkshopSummary:
    """Collect what the summary shows, from the workshop and the dossier's history."""
    workshops = Workshops(address)
    store = Store(address)
    board = workshops.board(workshop_id)
    workshop = board.workshop
    record = store.load(workshop.dossier_id)
    until = workshop.closed_at
    changes = [
        r
        for r in reversed(store.history(workshop.dossier_id))
        if r.revision > workshop.base_revision and (until is None or r.at <= until)
    ]
    return WorkshopSummary(
        workshop=workshop,
        dossier_name=record.dossier.identity.name,
        participants=board.participants,
        ideas=len(board.ideas),
        votes=board.votes,
        changes=changes,
        decisions=workshops.decisions(workshop_id),
        open_ideas=[i for i in board.ideas if i.id not in board.promoted],
        objections=Consents(address).objections(workshop.dossier_id, record.dossier),
    )


def summary_docx(summary: WorkshopSummary, lang: str) -> bytes:
    """Render the summary as a one-page Word document (user text goes in as plain text runs)."""
    w = summary.workshop
    doc = Document()
    section = doc.sections[0]
    section.top_margin = section.bottom_margin = Cm(1.6)
    section.left_margin = section.right_margin = Cm(1.8)
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"  # Carlito where Calibri is missing: metric-compatible
    normal.font.size = Pt(9.5)
    normal.paragraph_format.space_after = Pt(2)
    for level in (1, 2):
        doc.styles[f"Heading {level}"].paragraph_format.space_before = Pt(8 if level == 2 else 0)
        doc.styles[f"Heading {level}"].paragraph_format.space_after = Pt(3)
    doc.core_properties.title = t("workshop.summary.title", lang, section=t(f"section.{w.section}", lang))
    doc.core_properties.author = w.started_by

    doc.add_heading(doc.core_properties.title, level=1)
    meta = doc.add_paragraph()
    meta.add_run(summary.dossier_name).bold = True
    meta.add_run().add_break(WD_BREAK.LINE)
    meta.add_run(
        t(
            "workshop.summary.meta",
            lang,
            start=fmt_datetime(w.started_at, lang),
            by=w.started_by,
            code=w.code,
            participants=tn("workshop.summary.people", summary.participants, lang),
            ideas=tn("workshop.summary.ideas", summary.ideas, lang),
            votes=tn("workshop.summary.dots", summary.votes, lang),
        )
    )

    doc.add_heading(t("workshop.summary.changed", lang), level=2)
    _bullets(doc, _change_lines(summary.changes, lang), lang, "workshop.summary.no_changes")

    doc.add_heading(t("workshop.summary.decided", lang), level=2)
    decided = []
    for decision in summary.decisions:
        note = decision["note"]
        decided += [
            t(
                "workshop.summary.decided_line",
                lang,
                votes=_dots(i["votes"], lang),
                text=_short(i["text"]),
                author=i["author"] or t("workshop.anonymous", lang),
            )
            for i in note.get("ideas", [])
        ]
        if note.get("text"):  # the wording that went into the section (records before issue 15 lack it)
            name = t(f"section.{w.section}", lang)
            decided.append(t("workshop.summary.new_text", lang, section=name, text=_short(note["text"])))
    _bullets(doc, decided, lang, "workshop.summary.no_decisions")

    doc.add_heading(t("workshop.summary.open", lang), level=2)
    still_open = [
        t(
            "workshop.summary.open_line",
            lang,
            votes=_dots(i.votes, lang),
            text=_short(i.text),
            author=i.author or t("workshop.anonymous", lang),
        )
        for i in summary.open_ideas
    ]
    _bullets(doc, still_open, lang, "workshop.summary.no_open_ideas")
    objections = [
        t(
            "workshop.summary.objection_line",
            lang,
            partner=name,
            section=t(f"section.{c.section}", lang),
            reason=_short(c.reason),
        )
        for name, c in summary.objections
    ]
    _bullets(doc, objections, lang, "workshop.summary.no_objections")

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _change_lines(changes: list[Revision], lang: str) -> list[str]:
    """Sum up the revisions per part of the dossier: what, how often, how, by whom, when last."""
    grouped: dict[UnitRef, list[Revision]] = {}
    for revision in changes:
        grouped.setdefault(revision.unit, []).append(revision)
    lines = []
    for unit, revisions in grouped.items():
        last = revisions[-1]
        what = t(f"section.{unit.key}", lang) if unit.kind == "section" else t(f"unit.{unit.kind}", lang)
        if last.label and unit.kind != "section":
            what = f"{what}: {last.label}"
        actions = ", ".join(dict.fromkeys(t(f"history.action.{r.action}", lang) for r in revisions))
        people = ", ".join(dict.fromkeys(r.by for r in revisions))
        lines.append(
            t(
                "workshop.summary.changed_line",
                lang,
                what=what,
                count=len(revisions),
                actions=actions,
                by=people,
                at=fmt_datetime(last.at, lang),
            )
        )
    return lines


def _bullets(doc: Any, lines: list[str], lang: str, empty_key: str) -> None:
    if not lines:
        doc.add_paragraph(t(empty_key, lang))
        return
    for line in lines[:ROWS]:
        doc.add_paragraph(line, style="List Bullet")
    if len(lines) > ROWS:
        doc.add_paragraph(t("workshop.summary.more", lang, count=len(lines) - ROWS))


def _dots(count: int, lang: str) -> str:
    return tn("workshop.summary.dots", count, lang)


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= TEXT else flat[: TEXT - 1] + "…"
