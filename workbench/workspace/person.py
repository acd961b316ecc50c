"""Who acts in a Workspace: the person (or the open workshop mode), their role, the checks of every call."""

from __future__ import annotations

from workbench.access.account_records import User
from workbench.access.accounts import Accounts
from workbench.access.permissions import AccessDenied, Action, DossierRole, LoginRequired, allowed
from workbench.collab.reviews import Reviews
from workbench.dossier.model import clean_line
from workbench.store.db import Address, open_backend
from workbench.store.dossiers import Store

MANAGE_USERS = "manage_users"  # an admin-only action outside any dossier


class Person:
    """The person a Workspace acts for, and the checks every call of it makes first."""

    def __init__(
        self,
        address: Address,
        user: User | None,
        *,
        open_name: str = "",
        accounts: Accounts | None = None,
    ) -> None:
        self.backend = open_backend(address)
        self.user = user
        self._open_name = " ".join(clean_line(open_name).split()) or "?"
        self.store = Store(self.backend)  # brings the schema up to date (once per process and database)
        self.accounts = accounts or Accounts(self.backend, migrate=False)
        self.reviews = Reviews(self.backend, migrate=False)
        self._accounts_exist = False  # once an account exists it stays: accounts are never deleted
        self._open_seen = False  # whether any_users was asked by this Workspace yet

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

    @property
    def _user_id(self) -> int | None:
        return self.user.id if self.user else None

    def role(self, dossier_id: int) -> DossierRole | None:
        """Return this person's role in a dossier (None: not a member)."""
        if self.user is None:
            return None
        return self.accounts.role_of(dossier_id, self.user.id)

    # ------------------------------------------------------------ the checks

    def can(self, action: Action, dossier_id: int) -> bool:
        """Tell whether this person may do an action on a dossier (for showing controls)."""
        try:
            self._check(action, dossier_id, showing=True)
        except AccessDenied:
            return False
        return True

    def require(self, action: Action, dossier_id: int) -> None:
        """Raise AccessDenied unless this person may do the action on the dossier."""
        self._check(action, dossier_id, showing=False)

    def _check(self, action: Action, dossier_id: int, *, showing: bool) -> None:
        if self.user is None:
            # Open workshop mode while no account exists. Showing controls and reading (a page asks
            # for each of its forms and lists) may take the answer this Workspace had: one script
            # run draws what it decided to show when it began. Changing anything asks again.
            earlier = self._open_seen and (showing or action == Action.READ)
            if self._accounts_exist if earlier else self._any_users():
                raise LoginRequired(action, dossier_id)
            if action == Action.MANAGE_MEMBERS:
                raise AccessDenied(self.who, action, dossier_id)
            return
        current, role = self.accounts.standing(self.user.id, dossier_id)  # as they are now: one read
        if current is None or current.disabled:
            raise AccessDenied(self.who, action, dossier_id)
        if current.is_admin:
            return
        if not allowed(role, action):
            raise AccessDenied(self.who, action, dossier_id)

    def _any_users(self) -> bool:
        """Tell whether accounts exist (open workshop mode while none does); asked once they do."""
        self._accounts_exist = self._accounts_exist or self.accounts.any_users()
        self._open_seen = True
        return self._accounts_exist

    def require_active(self) -> None:
        """Refuse a person whose account was disabled (or removed) since they logged in."""
        current = self.accounts.get_user(self.user.id) if self.user else None
        if self.user is not None and (current is None or current.disabled):
            raise AccessDenied(self.who, "create")

    def _require_admin(self) -> None:
        current = self.accounts.get_user(self.user.id) if self.user else None
        if current is None or not current.is_admin or current.disabled:
            raise AccessDenied(self.who, MANAGE_USERS)

    def _require_someone(self, action: str) -> None:
        if self.user is None and self._any_users():
            raise LoginRequired(action)
