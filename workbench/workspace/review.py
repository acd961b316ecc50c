"""Comments and coach review in a Workspace: threads, section verdicts, the readiness rubric."""

from __future__ import annotations

from workbench import clock
from workbench.access.permissions import Action
from workbench.collab.readiness import ReadinessReport, build_report, report_docx
from workbench.collab.reviews import (
    Anchor,
    Level,
    ReviewError,
    ReviewStatus,
    SectionReview,
    Thread,
    ThreadStatus,
)
from workbench.collab.rubric import rubric
from workbench.collab.section_state import SectionProgress, of_record, record_clause_checks
from workbench.documents.checks import ClauseCheck, DocumentKind
from workbench.dossier.records import DossierRecord
from workbench.workspace.person import Person


class ReviewCalls(Person):
    """Comment threads (comment), section verdicts and rubric levels (review), read by every member."""

    # ------------------------------------------------------------ comments

    def threads(
        self, dossier_id: int, step: str | None = None, status: ThreadStatus | None = None
    ) -> list[Thread]:
        self.require(Action.READ, dossier_id)
        return self.reviews.threads(dossier_id, step=step, status=status)

    def start_thread(
        self, dossier_id: int, anchor: Anchor, body: str, responsible_partner: str | None = None
    ) -> Thread:
        self.require(Action.COMMENT, dossier_id)
        self._check_partner(dossier_id, responsible_partner)
        return self.reviews.start_thread(
            dossier_id, anchor, body, self.by, self._user_id, responsible_partner=responsible_partner
        )

    def reply(self, dossier_id: int, thread_id: int, body: str) -> Thread:
        self.require(Action.COMMENT, dossier_id)
        return self.reviews.reply(dossier_id, thread_id, body, self.by, self._user_id)

    def resolve(self, dossier_id: int, thread_id: int, note: str = "") -> Thread:
        self.require(Action.COMMENT, dossier_id)
        return self.reviews.set_status(
            dossier_id, thread_id, ThreadStatus.RESOLVED, self.by, self._user_id, note=note
        )

    def reopen(self, dossier_id: int, thread_id: int, note: str = "") -> Thread:
        self.require(Action.COMMENT, dossier_id)
        return self.reviews.set_status(
            dossier_id, thread_id, ThreadStatus.OPEN, self.by, self._user_id, note=note
        )

    def set_responsible(self, dossier_id: int, thread_id: int, partner_id: str | None) -> Thread:
        self.require(Action.COMMENT, dossier_id)
        self._check_partner(dossier_id, partner_id)
        return self.reviews.set_responsible(dossier_id, thread_id, partner_id)

    def _check_partner(self, dossier_id: int, partner_id: str | None) -> None:
        if partner_id and self.store.load(dossier_id).dossier.partner(partner_id) is None:
            raise ReviewError("comments.unknown_partner", partner=partner_id)

    # ------------------------------------------------------------ review

    def section_reviews(self, dossier_id: int) -> dict[str, SectionReview]:
        self.require(Action.READ, dossier_id)
        return self.reviews.section_reviews(dossier_id)

    def set_section_review(
        self,
        dossier_id: int,
        step: str,
        status: ReviewStatus,
        reason: str = "",
        seen_revision: int | None = None,
    ) -> SectionReview:
        """Record a verdict on the revision the coach saw (`seen_revision`; None: the current one)."""
        self.require(Action.REVIEW, dossier_id)
        return self.reviews.set_section_review(
            dossier_id, step, status, reason, by=self.by, seen_revision=seen_revision, by_id=self._user_id
        )

    def section_progress(self, dossier_id: int) -> SectionProgress:
        """Return every step's effective state: progress, the coach's verdict, whether it is stale."""
        self.require(Action.READ, dossier_id)
        return self._sections(self.store.load(dossier_id))

    def _sections(
        self, record: DossierRecord, reviews: dict[str, SectionReview] | None = None
    ) -> SectionProgress:
        if reviews is None:
            reviews = self.reviews.section_reviews(record.id)
        return of_record(record, reviews, lambda: self.store.step_changes(record.id))

    def document_readiness(self, dossier_id: int, lang: str, kind: DocumentKind) -> list[ClauseCheck]:
        """List per clause (or section) what is still open, the coach's "werk nodig" included."""
        self.require(Action.READ, dossier_id)
        record = self.store.load(dossier_id)
        return record_clause_checks(record, self._sections(record), lang, kind)

    def readiness(self, dossier_id: int, lang: str) -> ReadinessReport:
        """Score the dossier against the rubric, with the coach's overrides and verdicts."""
        self.require(Action.READ, dossier_id)
        record = self.store.load(dossier_id)
        reviews = self.reviews.section_reviews(dossier_id)
        return build_report(
            record.dossier,
            self.reviews.scores(dossier_id),
            lang,
            reviews=reviews,
            open_threads=tuple(self.reviews.threads(dossier_id, status=ThreadStatus.OPEN)),
            generated_at=clock.now(),
            sections=self._sections(record, reviews),
        )

    def set_rubric_level(
        self, dossier_id: int, criterion: str, level: Level | None, reason: str = ""
    ) -> None:
        """Override the pre-filled level of one criterion (None: back to the pre-filled level)."""
        self.require(Action.REVIEW, dossier_id)
        if criterion not in {c.key for c in rubric().criterion}:
            raise ReviewError("rubric.unknown_criterion", criterion=criterion)
        self.store.load(dossier_id)  # DossierNotFound before writing
        if level is None:
            self.reviews.clear_score(dossier_id, criterion)
        else:
            self.reviews.set_score(dossier_id, criterion, level, reason, by=self.by)

    def readiness_docx(self, dossier_id: int, lang: str) -> bytes:
        self.require(Action.EXPORT, dossier_id)
        return report_docx(self.readiness(dossier_id, lang))
