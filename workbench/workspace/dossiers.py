"""The Store's calls in a Workspace: reading, saving, restoring and deleting dossiers, and their history."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from workbench.access.permissions import Action, DossierRole, edit_action
from workbench.dossier.model import Dossier, Identity
from workbench.dossier.records import DossierRecord, DossierSummary, Revision, StepChange
from workbench.dossier.units import Change, UnitRef
from workbench.guide.history import HistoryPage, history_page
from workbench.workspace.person import Person


class DossierCalls(Person):
    """The Store's interface, same names and arguments; `by` is accepted and ignored."""

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

    def step_changes(self, dossier_id: int) -> dict[str, StepChange]:
        """Return per step the last revision that changed one of its parts (what makes a verdict stale)."""
        self.require(Action.READ, dossier_id)
        return self.store.step_changes(dossier_id)

    def history(self, dossier_id: int, limit: int | None = None) -> list[Revision]:
        self.require(Action.READ, dossier_id)
        return self.store.history(dossier_id, limit)

    def history_page(
        self, record: DossierRecord, lang: str, step: str = "", shown: int | None = None
    ) -> HistoryPage:
        """Describe the dossier's newest revisions (of one step, or all) in the user's words."""
        self.require(Action.READ, record.id)
        return history_page(
            self.store.history(record.id),
            record.dossier,
            lang,
            lambda revision: self.store.dossier_at(record.id, revision),
            step=step,
            shown=shown,
        )

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

    def export_json(self, dossier_id: int) -> str:
        """Return the dossier as portable JSON (the export action)."""
        from workbench.dossier.portable import to_json

        self.require(Action.EXPORT, dossier_id)
        return to_json(self.store.load(dossier_id).dossier)


def _edit_actions(units: Iterable[UnitRef]) -> list[Action]:
    needed = {edit_action(u.kind) for u in units}
    return sorted(needed) or [Action.EDIT_SECTION]
