"""People in a Workspace: members and invitations of a dossier, joining one, accounts (admins only)."""

from __future__ import annotations

from datetime import timedelta

from workbench.access.account_records import AccountError, Invitation, Membership, User
from workbench.access.memberships import INVITATION_LIFETIME
from workbench.access.permissions import Action, DossierRole, LoginRequired
from workbench.workspace.person import Person


class PeopleCalls(Person):
    """Who works on a dossier (manage_members) and who has an account (administrators)."""

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
