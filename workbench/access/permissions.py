"""Who may do what in a dossier: roles, actions and the permission matrix as data."""

from __future__ import annotations

from enum import StrEnum
from types import MappingProxyType

from workbench.i18n import t
from workbench.refusal import Refusal


class DossierRole(StrEnum):
    """A person's role in one dossier (a membership)."""

    COORDINATOR = "coordinator"
    PARTNER_EDITOR = "partner_editor"
    COACH = "coach"
    VIEWER = "viewer"


class Action(StrEnum):
    """Everything a person can try to do with a dossier."""

    READ = "read"
    EDIT_SECTION = "edit_section"  # the content of the guided steps
    MANAGE_PARTNERS = "manage_partners"  # who is a partner, their roles and flows
    COMMENT = "comment"  # start, answer, resolve and reopen comment threads
    REVIEW = "review"  # section verdicts and the readiness rubric
    EXPORT = "export"  # JSON, the agreement, the readiness report
    UPLOAD_TEMPLATE = "upload_template"  # generate a document from an own, uploaded .docx template
    DELETE = "delete"
    MANAGE_MEMBERS = "manage_members"  # roles of people, invitations
    REQUEST_REVIEW = "request_review"  # ask a named coach of the dossier for a review


# The matrix as data: a role may do exactly the actions listed. A coach reads, comments and
# reviews but never edits content; the coordinator alone deletes and manages members; review
# stays with the coach so a partnership cannot sign off its own dossier. Admins may do all.
# An uploaded template is code run on the server, however confined: only the coach (the
# house style of the review) may upload one; coordinators and partner editors generate from
# the built-in templates, which hold every clause the call needs.
PERMISSIONS: MappingProxyType[DossierRole, frozenset[Action]] = MappingProxyType(
    {
        DossierRole.COORDINATOR: frozenset(
            {
                Action.READ,
                Action.EDIT_SECTION,
                Action.MANAGE_PARTNERS,
                Action.COMMENT,
                Action.EXPORT,
                Action.DELETE,
                Action.MANAGE_MEMBERS,
                Action.REQUEST_REVIEW,
            }
        ),
        DossierRole.PARTNER_EDITOR: frozenset(
            {Action.READ, Action.EDIT_SECTION, Action.MANAGE_PARTNERS, Action.COMMENT, Action.EXPORT}
        ),
        DossierRole.COACH: frozenset(
            {Action.READ, Action.COMMENT, Action.REVIEW, Action.EXPORT, Action.UPLOAD_TEMPLATE}
        ),
        DossierRole.VIEWER: frozenset({Action.READ, Action.EXPORT}),
    }
)

# Editing these unit kinds changes the composition of the partnership, not a section's text.
PARTNER_UNIT_KINDS: frozenset[str] = frozenset({"partner", "role", "custom_role", "flow", "signatory"})


def allowed(role: DossierRole | None, action: Action, *, admin: bool = False) -> bool:
    """Tell whether a member with this role (None: not a member) may do an action."""
    if admin:
        return True
    return role is not None and action in PERMISSIONS[role]


def edit_action(unit_kind: str) -> Action:
    """Return the action that saving a unit of this kind needs."""
    return Action.MANAGE_PARTNERS if unit_kind in PARTNER_UNIT_KINDS else Action.EDIT_SECTION


class AccessDenied(Refusal):
    """A refused call: names who tried what on which dossier."""

    def __init__(self, who: str, action: Action | str, dossier_id: int | None = None) -> None:
        super().__init__("access.denied", action=str(action))
        where = f" on dossier {dossier_id}" if dossier_id is not None else ""
        self.args = (f"{who} may not {action}{where}",)
        self.who = who
        self.action = str(action)
        self.dossier_id = dossier_id

    def message(self, lang: str) -> str:
        return t("access.denied", lang, action=t(f"access.action.{self.action}", lang))


class LoginRequired(AccessDenied):
    """Accounts exist, so acting without logging in is no longer possible."""

    def __init__(self, action: Action | str, dossier_id: int | None = None) -> None:
        super().__init__("nobody (not logged in)", action, dossier_id)

    def message(self, lang: str) -> str:
        return t("access.login_required", lang)
