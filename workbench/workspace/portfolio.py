"""The coach's board in a Workspace: one row per followed dossier, and the board's filter."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from workbench.access.permissions import DossierRole
from workbench.collab.inbox import Inbox, last_activity
from workbench.collab.reviews import ReviewStatus
from workbench.collab.section_state import of_record
from workbench.dossier.steps import STEP_KEYS
from workbench.workspace.dossiers import DossierCalls


@dataclass(frozen=True)
class PortfolioRow:
    """One dossier on a coach's board."""

    id: int
    name: str
    call: str
    role: DossierRole | None
    completeness: dict[str, float]  # per step, 0..1
    overall: float
    open_comments: int
    gaps: int
    updated_at: datetime
    updated_by: str
    reviews: dict[str, ReviewStatus]  # per step; absent = not reviewed
    unread: int = 0  # inbox items of this dossier this person has not read
    stale: tuple[
        str, ...
    ] = ()  # steps changed after their verdict (a stale "in orde" counts as not reviewed)

    @property
    def review_state(self) -> ReviewStatus:
        """Sum up the section verdicts: needs work wins, then not reviewed, else ok."""
        statuses = set(self.reviews.values())
        if ReviewStatus.NEEDS_WORK in statuses:
            return ReviewStatus.NEEDS_WORK
        reviewable = len(_reviewable_steps())
        if len(self.reviews) < reviewable or ReviewStatus.NOT_REVIEWED in statuses:
            return ReviewStatus.NOT_REVIEWED
        return ReviewStatus.OK

    @property
    def needs_work(self) -> int:
        """Count the sections a coach sent back."""
        return sum(1 for s in self.reviews.values() if s == ReviewStatus.NEEDS_WORK)


def filter_portfolio(
    rows: list[PortfolioRow],
    search: str = "",
    calls: Collection[str] = (),
    states: Collection[ReviewStatus] = (),
) -> list[PortfolioRow]:
    """Keep the rows whose name contains the search text (any case), of the calls and review states given."""
    wanted = search.strip().lower()
    return [
        r
        for r in rows
        if (not wanted or wanted in r.name.lower())
        and (not calls or r.call in calls)
        and (not states or r.review_state in states)
    ]


class PortfolioCalls(DossierCalls):
    """Every dossier this person follows, with progress, open comments, gaps and reviews."""

    def portfolio(self) -> list[PortfolioRow]:
        """Return one row per dossier this person follows: progress, open comments, gaps, reviews."""
        summaries = self.list_dossiers()
        ids = [s.id for s in summaries]
        roles = self.accounts.roles_of(self.user.id) if self.user else {}
        open_counts = self.reviews.open_counts(ids)
        # A reply is a change as much as a save: the newest of both is the dossier's last change.
        talk = last_activity(self.backend, ids)
        unread = (
            Counter(
                i.dossier_id
                for i in Inbox(self.backend, migrate=False).items(self.user.id, self.by)
                if i.unread
            )
            if self.user
            else Counter()
        )
        rows = []
        for summary in summaries:
            record = self.store.load(summary.id)
            # The effective state, as every page shows it: a "werk nodig" is a gap, an "in orde"
            # given before the section changed no longer counts (it is stale).
            sections = of_record(
                record, self.reviews.section_reviews(summary.id), partial(self.store.step_changes, summary.id)
            )
            completeness = dict(sections.progress.completeness)
            gaps = sum(1 for f in sections.progress.findings if f.severity in ("error", "missing"))
            changed_at, changed_by = max(
                (summary.updated_at, summary.updated_by),
                talk.get(summary.id, (summary.updated_at, summary.updated_by)),
            )
            rows.append(
                PortfolioRow(
                    id=summary.id,
                    name=summary.name,
                    call=summary.call,
                    role=roles.get(summary.id),
                    completeness=completeness,
                    overall=completeness.get("overzicht", 0.0),
                    open_comments=open_counts.get(summary.id, 0),
                    gaps=gaps,
                    updated_at=changed_at,
                    updated_by=changed_by,
                    reviews={step: s.verdict for step, s in sections.sections.items() if s.review},
                    stale=tuple(step for step, s in sections.sections.items() if s.stale),
                    unread=unread.get(summary.id, 0),
                )
            )
        return rows


def _reviewable_steps() -> tuple[str, ...]:
    return tuple(s for s in STEP_KEYS if s != "overzicht")
