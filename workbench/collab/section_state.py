"""The effective state of a section: its progress, the coach's verdict, and whether that verdict is stale.

One truth for every place that shows a section's state (the navigation, the step page, the
Overzicht, the readiness rubric, the documents' readiness per clause): a "werk nodig" verdict
is an open point and keeps the step from green, stale or not (the coach has to look again);
an "in orde" verdict counts as approval only while the section is unchanged since it was given.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from workbench.collab.document_places import places
from workbench.collab.review_records import ReviewStatus, SectionReview
from workbench.documents import checks
from workbench.documents.checks import ClauseCheck, DocumentKind
from workbench.dossier.model import Dossier
from workbench.dossier.records import DossierRecord, StepChange
from workbench.dossier.steps import STEP_KEYS
from workbench.guide import progress as completeness
from workbench.guide.progress import OVERVIEW_STEP, Finding, Progress, StepState
from workbench.i18n import t
from workbench.store import record_cache

NEEDS_WORK_CODE = "review_needs_work"


def is_stale(review: SectionReview, change: StepChange | None) -> bool:
    """Tell whether the step changed after the verdict: a later revision (or, for old verdicts, time)."""
    if change is None:
        return False
    if review.revision is not None:
        return change.revision > review.revision
    return change.at > review.at


@dataclass(frozen=True, slots=True)
class SectionStatus:
    """One step as every page shows it: completeness state, verdict, staleness."""

    step: str
    completeness: StepState  # from the completeness rules alone
    review: SectionReview | None
    stale: bool

    @property
    def needs_work(self) -> bool:
        return self.review is not None and self.review.status == ReviewStatus.NEEDS_WORK

    @property
    def approved(self) -> bool:
        return self.review is not None and self.review.status == ReviewStatus.OK and not self.stale

    @property
    def verdict(self) -> ReviewStatus:
        """Return the verdict that counts: a stale "in orde" counts as not reviewed."""
        if self.needs_work:
            return ReviewStatus.NEEDS_WORK
        return ReviewStatus.OK if self.approved else ReviewStatus.NOT_REVIEWED

    @property
    def state(self) -> StepState:
        return StepState.NEEDS_ATTENTION if self.needs_work else self.completeness


@dataclass(frozen=True, slots=True)
class SectionProgress:
    """The dossier's progress with the verdicts counted in, and the status of every step."""

    progress: Progress
    sections: dict[str, SectionStatus]
    revision: int | None = None  # the dossier revision judged: what a verdict given on it approves

    @property
    def needs_work(self) -> tuple[str, ...]:
        return tuple(s for s, status in self.sections.items() if status.needs_work)


def section_progress(
    dossier: Dossier,
    reviews: dict[str, SectionReview],
    changes: dict[str, StepChange],
    base: Progress | None = None,
) -> SectionProgress:
    """Decide the effective state of every step from progress, verdict and staleness."""
    base = base or completeness.assess(dossier)
    sections: dict[str, SectionStatus] = {}
    extra: list[Finding] = []
    for step in STEP_KEYS:
        if step == OVERVIEW_STEP:
            continue
        review = reviews.get(step)
        stale = review is not None and is_stale(review, changes.get(step))
        status = sections[step] = SectionStatus(step, base.states[step], review, stale)
        if review is not None and status.needs_work:
            extra.append(
                Finding(
                    code=NEEDS_WORK_CODE + ("_stale" if stale else ""),
                    severity="error",
                    step=step,
                    params={"by": review.by, "reason": review.reason},
                )
            )
    states = {step: status.state for step, status in sections.items() if status.needs_work}
    return SectionProgress(base.amended(extra, states), sections)


def of_record(
    record: DossierRecord,
    reviews: dict[str, SectionReview],
    step_changes: Callable[[], dict[str, StepChange]],
) -> SectionProgress:
    """Decide the effective states of one revision; its progress and last changes computed once per revision.

    The verdicts are read by the caller every time (a verdict does not change the revision); the
    progress is the same memo the pages use (ui/derived.py), the last change per step is read once.
    """
    base = record_cache.once("progress", record, lambda: completeness.assess(record.dossier))
    # The last changes only tell whether a verdict is stale: without any verdict, not read at all
    # (a query over the whole history, which grows with every save).
    changes = record_cache.once("step_changes", record, step_changes) if reviews else {}
    found = section_progress(record.dossier, reviews, changes, base)
    return SectionProgress(found.progress, found.sections, record.revision)


def clause_checks(
    dossier: Dossier, sections: SectionProgress, lang: str, kind: DocumentKind
) -> list[ClauseCheck]:
    """List per clause (or strategy section) what is open: the document's gaps, then "werk nodig".

    A step's verdict counts in the clauses that write it (data/document_places.toml).
    """
    return with_verdicts(checks.readiness(dossier, lang, kind), sections, lang, kind)


def record_clause_checks(
    record: DossierRecord, sections: SectionProgress, lang: str, kind: DocumentKind
) -> list[ClauseCheck]:
    """List what clause_checks lists, the document's own gaps computed once per revision.

    Finding the gaps builds the whole document context (about 30 ms for 60 partners); the
    verdicts are read by the caller every time, as they do not change the revision.
    """
    gaps = record_cache.once(
        "clause_gaps", record, lambda: checks.readiness(record.dossier, lang, kind), lang, kind
    )
    return with_verdicts(gaps, sections, lang, kind)


def with_verdicts(
    gaps: list[ClauseCheck], sections: SectionProgress, lang: str, kind: DocumentKind
) -> list[ClauseCheck]:
    """Add each step's "werk nodig" to the clauses that write that step."""
    written = places()["strategy" if kind == "submission" else kind]
    found = []
    for check in gaps:
        mark = f"clause_{check.key}"
        verdicts = [
            t(f"finding.{NEEDS_WORK_CODE}", lang, by=status.review.by, reason=status.review.reason)
            for step, status in sections.sections.items()
            if status.needs_work and status.review is not None and mark in written.get(step, ())
        ]
        found.append(ClauseCheck(check.number, check.key, check.title, (*check.missing, *verdicts)))
    return found
