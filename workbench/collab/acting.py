"""Who acts when a workshop or a consent writes into a dossier: the caller's protocol and two checks."""

from __future__ import annotations

from typing import Any, Protocol

from workbench.access.permissions import Action
from workbench.dossier.fields import clean_line
from workbench.dossier.records import DossierRecord
from workbench.dossier.units import Change


class Dossiers(Protocol):
    """What a workshop or a consent needs of its caller: a person's Workspace, or the bare Store.

    A Workspace checks every call against the person's role and records changes under the name
    of whoever is logged in; the bare Store (command line, tests, benches) is trusted: it allows
    everything and records the name it is given.
    """

    def require(self, action: Action, dossier_id: int) -> None: ...

    def author(self, given: str) -> str: ...

    def load(self, dossier_id: int) -> DossierRecord: ...

    def apply(
        self,
        dossier_id: int,
        changes: list[Change],
        by: str,
        action: str = "",
        note: dict[str, Any] | None = None,
    ) -> int: ...


def authorise(dossiers: Dossiers, dossier_id: int) -> DossierRecord:
    """Check that the caller may edit this dossier's sections (AccessDenied when not); load it."""
    dossiers.require(Action.EDIT_SECTION, dossier_id)
    return dossiers.load(dossier_id)


def who(dossiers: Dossiers, by: str) -> str:
    """Return the name to record: the person logged in, else the name given (open workshop mode)."""
    return name(dossiers.author(by))


def name(value: str, default: str = "?") -> str:
    """Return a name as it is read aloud and shown big: no doubled spaces, no line breaks."""
    return " ".join(clean_line(value).split())[:200] or default
