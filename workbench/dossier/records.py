"""What the store hands out and the refusals it gives: records (dossiers, documents, consent), errors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from workbench.dossier.model import Dossier
from workbench.dossier.units import UnitRef
from workbench.dossier.validation import Problem
from workbench.i18n import fmt_datetime, t
from workbench.refusal import Refusal

# ---------------------------------------------------------------- errors


class StoreError(Refusal):
    """Base of every refusal the store gives."""


class DossierNotFound(StoreError):
    def __init__(self, dossier_id: int) -> None:
        super().__init__("cli.unknown_dossier", id=dossier_id)
        self.args = (f"no dossier with id {dossier_id}",)
        self.dossier_id = dossier_id


class EditConflict(StoreError):
    """A save based on a stale version: someone else changed the unit first."""

    def __init__(self, unit: UnitRef, by: str, at: datetime | None, theirs: dict[str, Any] | None) -> None:
        super().__init__("edit.conflict", by=by)
        self.args = (f"{unit} was changed by {by} at {at}",)
        self.unit = unit
        self.by = by
        self.at = at
        self.theirs = theirs  # their current data, None when they deleted it

    def message(self, lang: str) -> str:
        return t("edit.conflict", lang, by=self.by, at=fmt_datetime(self.at, lang) if self.at else "")


class InvalidChange(StoreError):
    """A change that would leave the dossier invalid (e.g. a role of a deleted partner)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("store.invalid_change")
        self.args = ("; ".join(p.message("en") for p in problems),)
        self.problems = problems

    def message(self, lang: str) -> str:
        return "\n".join(p.message(lang) for p in self.problems)


class ReadyWhileObjecting(InvalidChange):
    """The dossier cannot be marked ready while a partner objects to a section."""


# ---------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class UnitVersion:
    version: int
    by: str
    at: datetime


@dataclass(frozen=True, slots=True)
class DossierRecord:
    """A loaded dossier with the version of each unit, needed to save it back."""

    id: int
    revision: int
    dossier: Dossier
    versions: dict[str, UnitVersion]
    updated_at: datetime
    updated_by: str

    def version(self, unit: UnitRef) -> int:
        """Return the version a save of this unit must be based on (0 = new unit)."""
        found = self.versions.get(str(unit))
        return found.version if found else 0


@dataclass(frozen=True, slots=True)
class DossierSummary:
    id: int
    name: str
    call: str
    status: str
    revision: int
    updated_at: datetime
    updated_by: str


@dataclass(frozen=True, slots=True)
class Revision:
    """One recorded change of one unit."""

    id: int
    dossier_id: int
    revision: int
    unit: UnitRef
    version: int
    action: str
    by: str
    at: datetime
    changed: list[str]
    label: str
    note: dict[str, Any] | None = None  # e.g. the vote record of a workshop promotion


# ---------------------------------------------------------------- schema


@dataclass(frozen=True, slots=True)
class StepChange:
    """The last recorded change of a step's parts: the dossier revision and when."""

    revision: int
    at: datetime


@dataclass(frozen=True, slots=True)
class DocumentVersion:
    """One generated Word document, kept with the dossier revision it was made from."""

    id: int
    dossier_id: int
    revision: int
    kind: str  # "agreement" or "strategy"
    lang: str
    template: str  # "" for the built-in template, else the uploaded file's name
    size: int
    sha256: str
    by: str
    at: datetime


# ---------------------------------------------------------------- consent


class Decision(StrEnum):
    AGREE = "agree"
    ABSTAIN = "abstain"
    OBJECT = "object"


@dataclass(frozen=True, slots=True)
class Consent:
    section: str
    partner_id: str
    decision: Decision
    reason: str
    by: str
    at: datetime
    workshop_id: int | None = None
    round_id: int | None = None  # given on a phone in a consent round (collab/consent_round.py)


@dataclass(frozen=True, slots=True)
class ConsentRow:
    """One partner's latest word on every section (None: nothing recorded yet)."""

    partner_id: str
    partner_name: str
    cells: dict[str, Consent | None]

    @property
    def objections(self) -> list[Consent]:
        return [c for c in self.cells.values() if c is not None and c.decision == Decision.OBJECT]
