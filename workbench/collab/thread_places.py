"""Where a thread is pinned, in words; the comment list filtered by partner, author and step."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workbench.collab.reviews import Thread
from workbench.collab.rubric import criterion_label, rubric
from workbench.dossier.model import Dossier
from workbench.dossier.steps import STEP_KEYS
from workbench.guide.items import item_title
from workbench.i18n import has, t

GENERAL_STEP = "overzicht"  # the step of comments about the dossier as a whole


def clause_step(clause: str) -> str:
    """Return the step a comment on an agreement clause belongs to: the first step writing it."""
    criterion = next(c for c in rubric().criterion if c.key == clause)
    return criterion.steps[0] if criterion.steps else GENERAL_STEP


def clause_title(clause: str, lang: str) -> str:
    """Name a clause as the agreement numbers it ("Artikel 6. Governance")."""
    spec = rubric()
    return t(
        "rubric.clause_label", lang, number=spec.clause_number(clause), label=criterion_label(clause, lang)
    )


def where(thread: Thread, dossier: Dossier, lang: str, *, step: bool = True) -> list[str]:
    """Say where a thread is pinned: step, field, item (by its current name), clause."""
    anchor = thread.anchor
    found = [t(f"step.{anchor.step}", lang)] if step else []
    if anchor.field:
        key = f"field.{anchor.field}"
        found.append(t(key, lang) if has(key, lang) else anchor.field)
    if anchor.item:
        found.append(item_title(dossier, anchor.step, anchor.item, lang) or t("comments.item_gone", lang))
    if anchor.clause and anchor.clause in rubric().clauses:
        found.append(clause_title(anchor.clause, lang))
    return found


@dataclass(frozen=True, slots=True)
class ThreadFilter:
    """What the comment list shows: a status, and optionally one partner, one author, one step."""

    status: str = "open"  # "open", "resolved" or "all"
    partner: str | None = None  # the responsible partner's id
    author: str | None = None  # anyone who wrote in the thread
    step: str | None = None

    def keeps(self, thread: Thread) -> bool:
        if self.status != "all" and thread.is_open != (self.status == "open"):
            return False
        if self.partner is not None and thread.responsible_partner != self.partner:
            return False
        if self.author is not None and self.author not in {e.author for e in thread.comments}:
            return False
        return self.step is None or thread.anchor.step == self.step

    def apply(self, threads: Iterable[Thread]) -> list[Thread]:
        """Return the threads kept, in the order of the guided path, then as they were started."""
        kept = [thread for thread in threads if self.keeps(thread)]
        return sorted(kept, key=lambda thread: (STEP_KEYS.index(thread.anchor.step), thread.id))


def authors(threads: Iterable[Thread]) -> list[str]:
    """List everyone who wrote in these threads, alphabetically."""
    return sorted({e.author for thread in threads for e in thread.comments}, key=str.casefold)
