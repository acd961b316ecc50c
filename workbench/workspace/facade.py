"""A person's view of the workbench: the dossier store, comments and reviews, with every call authorised.

Pages talk to a Workspace exactly as they would to a Store (same method names and arguments),
but the Workspace knows who acts: it checks the permission matrix before each call and records
changes under the person's own name. A `by` argument is accepted for compatibility with Store
and ignored, so a page cannot record a change under someone else's name.

Open workshop mode: while no account exists, an open Workspace lets everybody do everything
except managing members (there is nobody to manage). As soon as the first account is created
(`workbench user add EMAIL --admin`), an open Workspace refuses every call with LoginRequired.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from workbench import clock
from workbench.access.account_records import AccountError, Invitation, Membership, User
from workbench.access.accounts import Accounts
from workbench.access.memberships import INVITATION_LIFETIME
from workbench.access.permissions import (
    AccessDenied,
    Action,
    DossierRole,
    LoginRequired,
    allowed,
    edit_action,
)
from workbench.collab.consent import consent_matrix
from workbench.collab.readiness import ReadinessReport, build_report, report_docx
from workbench.collab.reviews import (
    Anchor,
    Level,
    ReviewError,
    Reviews,
    ReviewStatus,
    SectionReview,
    Thread,
    ThreadStatus,
)
from workbench.collab.rubric import rubric
from workbench.collab.word_comments import add_comments, word_comments
from workbench.documents import generate as documents
from workbench.dossier.model import Dossier, Identity, clean_line
from workbench.dossier.steps import STEP_KEYS
from workbench.dossier.units import Change, UnitRef
from workbench.guide import progress
from workbench.store.dossiers import (
    DocumentVersion,
    DossierNotFound,
    DossierRecord,
    DossierSummary,
    Revision,
    Store,
)

MANAGE_USERS = "manage_users"  # an admin-only action outside any dossier


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


def _reviewable_steps() -> tuple[str, ...]:
    return tuple(s for s in STEP_KEYS if s != "overzicht")


class Workspace:
    """Everything one person may do, checked in the core: a refused call raises AccessDenied."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        user: User | None,
        *,
        open_name: str = "",
        accounts: Accounts | None = None,
    ) -> None:
        self.path = Path(path)
        self.user = user
        self._open_name = " ".join(clean_line(open_name).split()) or "?"
        self.store = Store(self.path)  # brings the schema up to date once for all three
        self.accounts = accounts or Accounts(self.path, migrate=False)
        self.reviews = Reviews(self.path, migrate=False)

    @classmethod
    def open_mode(cls, path: str | os.PathLike[str], name: str) -> Workspace:
        """Return the workspace of the single-user workshop mode (no accounts yet)."""
        return cls(path, None, open_name=name)

    # ------------------------------------------------------------ who acts

    @property
    def by(self) -> str:
        """Return the name recorded for this person's changes."""
        return self.user.label if self.user else self._open_name

    def author(self, given: str = "") -> str:
        """Return the name a change is recorded under: always this person's, whatever name is given."""
        return self.by

    @property
    def who(self) -> str:
        return self.user.email if self.user else self._open_name

    @property
    def is_admin(self) -> bool:
        return bool(self.user and self.user.is_admin)

    def role(self, dossier_id: int) -> DossierRole | None:
        """Return this person's role in a dossier (None: not a member)."""
        if self.user is None:
            return None
        return self.accounts.role_of(dossier_id, self.user.id)

    def can(self, action: Action, dossier_id: int) -> bool:
        """Tell whether this person may do an action on a dossier (for showing controls)."""
        try:
            self.require(action, dossier_id)
        except AccessDenied:
            return False
        return True

    def require(self, action: Action, dossier_id: int) -> None:
        """Raise AccessDenied unless this person may do the action on the dossier."""
        if self.user is None:
            if self.accounts.any_users():
                raise LoginRequired(action, dossier_id)
            if action == Action.MANAGE_MEMBERS:
                raise AccessDenied(self.who, action, dossier_id)
            return
        current = self.accounts.get_user(self.user.id)
        if current is None or current.disabled:
            raise AccessDenied(self.who, action, dossier_id)
        if current.is_admin:
            return
        if not allowed(self.accounts.role_of(dossier_id, current.id), action):
            raise AccessDenied(self.who, action, dossier_id)

    def _require_admin(self) -> None:
        current = self.accounts.get_user(self.user.id) if self.user else None
        if current is None or not current.is_admin or current.disabled:
            raise AccessDenied(self.who, MANAGE_USERS)

    def _require_someone(self, action: str) -> None:
        if self.user is None and self.accounts.any_users():
            raise LoginRequired(action)

    # ------------------------------------------------------------ the Store interface

    def list_dossiers(self) -> list[DossierSummary]:
        """Return the dossiers this person is a member of (admins and open mode: all)."""
        self._require_someone(Action.READ)
        everything = self.store.list_dossiers()
        if self.user is None or self.is_admin:
            return everything
        mine = self.accounts.roles_of(self.user.id)
        return [s for s in everything if s.id in mine]

    def load(self, dossier_id: int) -> DossierRecord:
        self.require(Action.READ, dossier_id)
        return self.store.load(dossier_id)

    def history(self, dossier_id: int, limit: int | None = None) -> list[Revision]:
        self.require(Action.READ, dossier_id)
        return self.store.history(dossier_id, limit)

    def last_revision(self, dossier_id: int, unit: UnitRef) -> Revision | None:
        self.require(Action.READ, dossier_id)
        return self.store.last_revision(dossier_id, unit)

    def unit_at(self, dossier_id: int, revision_id: int) -> tuple[UnitRef, dict[str, Any] | None]:
        self.require(Action.READ, dossier_id)
        return self.store.unit_at(dossier_id, revision_id)

    def dossier_at(self, dossier_id: int, revision: int) -> Dossier:
        self.require(Action.READ, dossier_id)
        return self.store.dossier_at(dossier_id, revision)

    def create(self, identity: Identity, by: str | None = None) -> int:
        """Create a dossier; its creator becomes its coordinator."""
        return self.import_dossier(Dossier(identity=identity), action="create")

    def import_dossier(self, dossier: Dossier, by: str | None = None, action: str = "import") -> int:
        """Store a whole dossier as a new one; its creator becomes its coordinator."""
        self._require_someone("create")
        if self.user is not None:
            self.require_active()
        dossier_id = self.store.import_dossier(dossier, by=self.by, action=action)
        if self.user is not None:
            self.accounts.set_member(dossier_id, self.user.id, DossierRole.COORDINATOR, by=self.by)
        return dossier_id

    def require_active(self) -> None:
        """Refuse a person whose account was disabled (or removed) since they logged in."""
        current = self.accounts.get_user(self.user.id) if self.user else None
        if self.user is not None and (current is None or current.disabled):
            raise AccessDenied(self.who, "create")

    def save(self, dossier_id: int, change: Change, by: str | None = None) -> int:
        return self.apply(dossier_id, [change])

    def apply(
        self,
        dossier_id: int,
        changes: list[Change],
        by: str | None = None,
        action: str = "",
        note: dict[str, Any] | None = None,
    ) -> int:
        """Apply unit changes; partner, role and flow units need manage_partners, the rest edit_section."""
        for needed in _edit_actions(c.unit for c in changes):
            self.require(needed, dossier_id)
        return self.store.apply(dossier_id, changes, by=self.by, action=action, note=note)

    def restore_unit(self, dossier_id: int, revision_id: int, by: str | None = None) -> int:
        unit, _ = self.unit_at(dossier_id, revision_id)
        self.require(edit_action(unit.kind), dossier_id)
        return self.store.restore_unit(dossier_id, revision_id, by=self.by)

    def restore_dossier(self, dossier_id: int, revision: int, by: str | None = None) -> int:
        self.require(Action.EDIT_SECTION, dossier_id)
        self.require(Action.MANAGE_PARTNERS, dossier_id)
        return self.store.restore_dossier(dossier_id, revision, by=self.by)

    def delete_dossier(self, dossier_id: int) -> None:
        self.require(Action.DELETE, dossier_id)
        self.store.delete_dossier(dossier_id)

    def save_document(
        self,
        dossier_id: int,
        *,
        kind: str,
        lang: str,
        revision: int,
        data: bytes,
        by: str | None = None,
        template: str = "",
    ) -> DocumentVersion:
        """Keep a generated document with the dossier (generating one is an export)."""
        self.require(Action.EXPORT, dossier_id)
        return self.store.save_document(
            dossier_id, kind=kind, lang=lang, revision=revision, data=data, by=self.by, template=template
        )

    def generate_document(
        self,
        dossier_id: int,
        kind: documents.DocumentKind,
        lang: str,
        *,
        template: bytes | None = None,
        picture: bool = True,
        progress: Callable[[str], None] | None = None,
    ) -> tuple[int, bytes]:
        """Generate a document of the current revision; return (revision, .docx bytes).

        Generating is an export; with an uploaded template it also needs UPLOAD_TEMPLATE, checked
        before anything is rendered.
        """
        if template is not None:  # first: the refusal names what was tried
            self.require(Action.UPLOAD_TEMPLATE, dossier_id)
        self.require(Action.EXPORT, dossier_id)
        record = self.store.load(dossier_id)
        data = documents.generate(
            record.dossier,
            lang,
            kind,
            revision=record.revision,
            template=template,
            picture=picture,
            progress=progress,
            consent=consent_matrix(self.path, dossier_id, record.dossier),
        )
        return record.revision, data

    def documents(self, dossier_id: int) -> list[DocumentVersion]:
        self.require(Action.READ, dossier_id)
        return self.store.documents(dossier_id)

    def document(self, dossier_id: int, document_id: int) -> tuple[DocumentVersion, bytes]:
        self.require(Action.EXPORT, dossier_id)
        return self.store.document(dossier_id, document_id)

    def document_with_comments(self, dossier_id: int, document_id: int) -> bytes:
        """Return a generated agreement with the open comments as Word comments on their clauses."""
        _, data = self.document(dossier_id, document_id)
        threads = self.reviews.threads(dossier_id, status=ThreadStatus.OPEN)
        return add_comments(data, word_comments(threads))

    def export_json(self, dossier_id: int) -> str:
        """Return the dossier as portable JSON (the export action)."""
        from workbench.dossier.portable import to_json

        self.require(Action.EXPORT, dossier_id)
        return to_json(self.store.load(dossier_id).dossier)

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

    @property
    def _user_id(self) -> int | None:
        return self.user.id if self.user else None

    # ------------------------------------------------------------ review

    def section_reviews(self, dossier_id: int) -> dict[str, SectionReview]:
        self.require(Action.READ, dossier_id)
        return self.reviews.section_reviews(dossier_id)

    def set_section_review(
        self, dossier_id: int, step: str, status: ReviewStatus, reason: str = ""
    ) -> SectionReview:
        self.require(Action.REVIEW, dossier_id)
        return self.reviews.set_section_review(dossier_id, step, status, reason, by=self.by)

    def readiness(self, dossier_id: int, lang: str) -> ReadinessReport:
        """Score the dossier against the rubric, with the coach's overrides."""
        self.require(Action.READ, dossier_id)
        record = self.store.load(dossier_id)
        return build_report(
            record.dossier,
            self.reviews.scores(dossier_id),
            lang,
            reviews=self.reviews.section_reviews(dossier_id),
            open_threads=tuple(self.reviews.threads(dossier_id, status=ThreadStatus.OPEN)),
            generated_at=clock.now(),
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

    # ------------------------------------------------------------ members and invitations

    def members(self, dossier_id: int) -> list[Membership]:
        self.require(Action.READ, dossier_id)
        return self.accounts.members(dossier_id)

    def set_member_role(self, dossier_id: int, user_id: int, role: DossierRole) -> None:
        self.require(Action.MANAGE_MEMBERS, dossier_id)
        self.accounts.set_member(dossier_id, user_id, role, by=self.by)

    def add_member(self, dossier_id: int, email: str, role: DossierRole) -> Membership:
        """Add an existing account to a dossier (new people join through an invitation)."""
        self.require(Action.MANAGE_MEMBERS, dossier_id)
        user = self.accounts.find_user(email)
        if user is None:
            raise AccountError("members.no_such_account")
        self.accounts.set_member(dossier_id, user.id, role, by=self.by)
        return next(m for m in self.accounts.members(dossier_id) if m.user_id == user.id)

    def remove_member(self, dossier_id: int, user_id: int) -> None:
        self.require(Action.MANAGE_MEMBERS, dossier_id)
        self.accounts.remove_member(dossier_id, user_id)

    def invite(
        self, dossier_id: int, role: DossierRole, valid_for: timedelta = INVITATION_LIFETIME
    ) -> tuple[str, Invitation]:
        """Create a one-time invitation code; it is shown once and only its hash is kept."""
        self.require(Action.MANAGE_MEMBERS, dossier_id)
        return self.accounts.create_invitation(dossier_id, DossierRole(role), by=self.by, valid_for=valid_for)

    def invitations(self, dossier_id: int) -> list[Invitation]:
        self.require(Action.MANAGE_MEMBERS, dossier_id)
        return self.accounts.invitations(dossier_id)

    def revoke_invitation(self, dossier_id: int, invitation_id: int) -> None:
        self.require(Action.MANAGE_MEMBERS, dossier_id)
        self.accounts.revoke_invitation(dossier_id, invitation_id)

    def join(self, code: str) -> Invitation:
        """Use an invitation code: this person becomes a member of its dossier."""
        if self.user is None:
            raise LoginRequired("join")
        self.require_active()
        return self.accounts.accept_invitation(code, self.user.id)

    # ------------------------------------------------------------ users (admins only)

    def users(self) -> list[User]:
        self._require_admin()
        return self.accounts.list_users()

    def set_user_disabled(self, user_id: int, disabled: bool) -> None:
        self._require_admin()
        if self.user and user_id == self.user.id:
            raise AccountError("users.not_yourself")
        self.accounts.set_disabled(user_id, disabled)

    def set_user_admin(self, user_id: int, admin: bool) -> None:
        self._require_admin()
        if self.user and user_id == self.user.id:
            raise AccountError("users.not_yourself")
        self.accounts.set_admin(user_id, admin)

    # ------------------------------------------------------------ the coach's board

    def portfolio(self) -> list[PortfolioRow]:
        """Return one row per dossier this person follows: progress, open comments, gaps, reviews."""
        summaries = self.list_dossiers()
        ids = [s.id for s in summaries]
        roles = self.accounts.roles_of(self.user.id) if self.user else {}
        open_counts = self.reviews.open_counts(ids)
        rows = []
        for summary in summaries:
            dossier = self.store.load(summary.id).dossier
            completeness, gaps = _progress_of(dossier)
            verdicts = self.reviews.section_reviews(summary.id)
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
                    updated_at=summary.updated_at,
                    updated_by=summary.updated_by,
                    reviews={step: v.status for step, v in verdicts.items()},
                )
            )
        return rows


def _edit_actions(units: Iterable[UnitRef]) -> list[Action]:
    needed = {edit_action(u.kind) for u in units}
    return sorted(needed) or [Action.EDIT_SECTION]


def _progress_of(dossier: Dossier) -> tuple[dict[str, float], int]:
    """Return completeness per step and the number of gaps (missing required items and errors)."""
    assessed = progress.assess(dossier)
    gaps = sum(1 for f in assessed.findings if f.severity in ("error", "missing"))
    return dict(assessed.completeness), gaps


__all__ = ["AccessDenied", "DossierNotFound", "LoginRequired", "PortfolioRow", "Workspace"]
