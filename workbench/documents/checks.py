"""What each clause of the agreement, or each section of the strategy, still misses before a clean document.

Read from the document context alone (the defaults it records as gaps): no template is rendered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from workbench.documents.context import CLAUSES, build
from workbench.dossier.model import SECTION_KEYS, Dossier
from workbench.i18n import has, t

DocumentKind = Literal["agreement", "strategy", "submission"]
STRATEGY_SECTIONS: tuple[str, ...] = (
    "partnerschap",
    *SECTION_KEYS,
    "toegangspunten",
    "governance",
    "budget_planning",
    "netwerk",
    "instemming",
)
# The strategy as it is submitted: no consent matrix (it stays with the working version).
SUBMISSION_SECTIONS: tuple[str, ...] = tuple(s for s in STRATEGY_SECTIONS if s != "instemming")


@dataclass(frozen=True)
class ClauseCheck:
    """What one clause (or strategy section) still misses before a clean document."""

    number: int
    key: str
    title: str
    missing: tuple[str, ...]

    @property
    def ready(self) -> bool:
        return not self.missing


def readiness(dossier: Dossier, lang: str, document: DocumentKind = "agreement") -> list[ClauseCheck]:
    """List per clause (or strategy section) what the dossier leaves open."""
    _, gaps = build(dossier, lang)
    if document == "agreement":
        keys, prefix = CLAUSES, "clause"
    elif document == "submission":
        keys, prefix = SUBMISSION_SECTIONS, "strategy"
    else:
        keys, prefix = STRATEGY_SECTIONS, "strategy"
    checks = []
    for number, key in enumerate(keys, start=1):
        own = f"{document}.{key}"
        if key in SECTION_KEYS:
            label = t(f"section.{key}", lang)
        else:
            label = t(own, lang) if has(own, lang) else t(f"{prefix}.{key}", lang)
        checks.append(ClauseCheck(number, key, label, tuple(gaps.by_place.get(key, ()))))
    return checks
