"""The readiness report: rubric levels pre-filled from the dossier, coach overrides on top, as .docx.

Pre-filling uses the completeness rules (workbench.guide.progress), the network analysis
(workbench.network) and the clause checks of the agreement (workbench.documents.checks).
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

import docx

from workbench.collab.reviews import Level, RubricScore, SectionReview, Thread
from workbench.collab.rubric import GROUPS, Criterion, Group, criterion_label, rubric
from workbench.collab.section_state import SectionProgress, SectionStatus, section_progress
from workbench.documents import checks
from workbench.dossier.model import Dossier
from workbench.dossier.steps import STEP_KEYS
from workbench.guide.progress import StepState
from workbench.i18n import fmt_datetime, t
from workbench.network.analysis import analyse
from workbench.network.findings import Severity

MAX_NOTES = 6
_WEIGHT = {Level.NOT_IN_PLACE: 0.0, Level.PARTLY: 0.5, Level.FULLY: 1.0}


# ---------------------------------------------------------------- pre-fill


@dataclass(frozen=True)
class Prefill:
    level: Level
    notes: tuple[str, ...] = ()


def _combine(levels: list[Level]) -> Level:
    if not levels:
        return Level.FULLY
    if all(level == Level.FULLY for level in levels):
        return Level.FULLY
    if all(level == Level.NOT_IN_PLACE for level in levels):
        return Level.NOT_IN_PLACE
    return Level.PARTLY


class _Evidence:
    """What the other modules say about a dossier, gathered once for all criteria."""

    def __init__(self, dossier: Dossier, lang: str, sections: SectionProgress) -> None:
        self.lang = lang
        self.progress = sections.progress  # the verdicts counted in: "werk nodig" is an open point
        self.graph_findings = analyse(dossier).findings
        self.clauses = {c.key: c for c in checks.readiness(dossier, lang)}

    def step_level(self, step: str) -> Level:
        state = self.progress.states.get(step)
        if state == StepState.EMPTY:
            return Level.NOT_IN_PLACE
        return Level.FULLY if state == StepState.COMPLETE else Level.PARTLY

    def step_notes(self, step: str) -> list[str]:
        return [
            f.message(self.lang)
            for f in self.progress.findings
            if f.step == step and f.severity in ("error", "missing")
        ]

    def prefill(self, criterion: Criterion) -> Prefill:
        levels = [self.step_level(s) for s in criterion.steps]
        notes = [n for s in criterion.steps for n in self.step_notes(s)]
        level = Level.FULLY if criterion.standard and not levels else _combine(levels)
        for finding in self.graph_findings:
            if finding.code in criterion.graph:
                notes.append(finding.message(self.lang))
                if finding.severity == Severity.ERROR and level == Level.FULLY:
                    level = Level.PARTLY
        check = self.clauses.get(criterion.key) if criterion.group == "agreement" else None
        if check is not None and check.missing:
            notes.extend(str(m) for m in check.missing)
            if level == Level.FULLY:
                level = Level.PARTLY
        return Prefill(level, tuple(dict.fromkeys(notes))[:MAX_NOTES])


# ---------------------------------------------------------------- the report


@dataclass(frozen=True)
class ReportItem:
    criterion: Criterion
    number: int | None  # the clause number for agreement criteria
    label: str
    prefilled: Prefill
    override: RubricScore | None
    needs_work: tuple[str, ...] = ()  # steps of this criterion a coach marked "werk nodig"

    @property
    def level(self) -> Level:
        """Return the level that counts: never "fully" while one of its steps needs work."""
        level = self.override.level if self.override else self.prefilled.level
        return Level.PARTLY if self.needs_work and level == Level.FULLY else level


@dataclass(frozen=True)
class ReadinessReport:
    dossier_name: str
    items: tuple[ReportItem, ...]
    lang: str
    generated_at: datetime | None = None
    reviews: dict[str, SectionReview] = field(default_factory=dict)
    open_threads: tuple[Thread, ...] = ()
    sections: dict[str, SectionStatus] = field(default_factory=dict)

    def group(self, group: Group) -> tuple[ReportItem, ...]:
        return tuple(i for i in self.items if i.criterion.group == group)

    def counts(self, group: Group) -> Counter[Level]:
        return Counter(i.level for i in self.group(group))

    def score(self, group: Group) -> float:
        """Return the share in place, 0..1: fully counts 1, partly a half."""
        items = self.group(group)
        return sum(_WEIGHT[i.level] for i in items) / len(items) if items else 0.0


def build_report(
    dossier: Dossier,
    scores: dict[str, RubricScore],
    lang: str,
    *,
    reviews: dict[str, SectionReview] | None = None,
    open_threads: tuple[Thread, ...] = (),
    generated_at: datetime | None = None,
    sections: SectionProgress | None = None,
) -> ReadinessReport:
    """Score a dossier against the rubric: pre-filled levels with the coach's overrides on top."""
    sections = sections or section_progress(dossier, reviews or {}, {})
    evidence = _Evidence(dossier, lang, sections)
    spec = rubric()
    items = tuple(
        ReportItem(
            criterion=c,
            number=spec.clause_number(c.key) if c.group == "agreement" else None,
            label=criterion_label(c.key, lang),
            prefilled=evidence.prefill(c),
            override=scores.get(c.key),
            needs_work=tuple(s for s in c.steps if s in sections.needs_work),
        )
        for c in spec.criterion
    )
    return ReadinessReport(
        dossier_name=dossier.identity.name,
        items=items,
        lang=lang,
        generated_at=generated_at,
        reviews=reviews or {},
        open_threads=open_threads,
        sections=sections.sections,
    )


def report_docx(report: ReadinessReport) -> bytes:
    """Write the readiness report as a Word document."""
    lang = report.lang
    document = docx.Document()
    document.core_properties.title = f"{t('rubric.title', lang)} – {report.dossier_name}"
    document.add_heading(t("rubric.title", lang), level=0)
    document.add_paragraph(report.dossier_name)
    if report.generated_at:
        document.add_paragraph(t("rubric.generated", lang, at=fmt_datetime(report.generated_at, lang)))
    for group in GROUPS:
        counts = report.counts(group)
        document.add_heading(t(f"rubric.group.{group}", lang), level=1)
        document.add_paragraph(
            t(
                "rubric.summary",
                lang,
                score=round(report.score(group) * 100),
                fully=counts[Level.FULLY],
                partly=counts[Level.PARTLY],
                none=counts[Level.NOT_IN_PLACE],
            )
        )
        table = document.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        header = table.rows[0].cells
        for cell, key in zip(
            header, ("rubric.col.criterion", "rubric.col.level", "rubric.col.basis"), strict=True
        ):
            cell.text = t(key, lang)
        for item in report.group(group):
            cells = table.add_row().cells
            cells[0].text = (
                t("rubric.clause_label", lang, number=item.number, label=item.label)
                if item.number
                else item.label
            )
            cells[1].text = t(f"rubric.level.{item.level}", lang)
            cells[2].text = basis(item, lang)
    document.add_heading(t("review.heading", lang), level=1)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, key in zip(
        table.rows[0].cells, ("review.col.step", "review.col.status", "review.col.reason"), strict=True
    ):
        cell.text = t(key, lang)
    for step in STEP_KEYS:
        if step == "overzicht":
            continue
        review = report.reviews.get(step)
        cells = table.add_row().cells
        cells[0].text = t(f"step.{step}", lang)
        cells[1].text = verdict_label(review, report.sections.get(step), lang)
        cells[2].text = f"{review.reason} ({review.by})" if review and review.reason else ""
    if report.open_threads:
        document.add_heading(t("comments.open_heading", lang), level=1)
        for thread in report.open_threads:
            first = thread.comments[0] if thread.comments else None
            text = f"{t(f'step.{thread.anchor.step}', lang)}: {first.body if first else ''}"
            document.add_paragraph(text + (f" ({first.author})" if first else ""), style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def verdict_label(review: SectionReview | None, status: SectionStatus | None, lang: str) -> str:
    """Name a verdict, marked "verouderd" when the section changed after it."""
    label = t(f"review.status.{review.status if review else 'not_reviewed'}", lang)
    return t("review.stale_label", lang, status=label) if status is not None and status.stale else label


def basis(item: ReportItem, lang: str) -> str:
    """Say what a criterion's level rests on: the coach's override or the pre-filled notes."""
    capped = [t("rubric.capped", lang)] if item.needs_work else []
    if item.override:
        prefix = t("rubric.set_by", lang, by=item.override.by)
        return "\n".join([f"{prefix}: {item.override.reason}" if item.override.reason else prefix, *capped])
    notes = list(item.prefilled.notes) or [t("rubric.prefilled", lang)]
    return "\n".join([*notes, *capped])
