"""The history in the user's words: which step and which item each revision changed, and why."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from workbench.dossier.model import Dossier
from workbench.dossier.records import Revision
from workbench.dossier.steps import STEP_KEYS, step_of_unit
from workbench.guide.labels import unit_title
from workbench.guide.parts import unit_model
from workbench.i18n import has, t


class RevisionLine(NamedTuple):
    step: str  # the step where the changed part is edited
    title: str  # 'Partners › STW vzw', 'Doelgroep'
    changed: str  # 'gewijzigd: Naam, Noden' (empty unless an update)


def revision_line(rev: Revision, dossier: Dossier, lang: str, before: Dossier | None = None) -> RevisionLine:
    """Describe one revision: the step, the part, what changed.

    The part is named as it is now; a part that is gone is named as it was in `before` (the
    dossier just before the revision), so a deleted role still reads 'Toeleider · Vzw X'.
    """
    step = step_of_unit(rev.unit.kind, rev.unit.key)
    exists = unit_model(dossier, rev.unit) is not None
    named_in = dossier if exists or before is None else before
    title = unit_title(rev.unit, named_in, lang, fallback=rev.label)
    fields = [t(f"field.{f}", lang) if has(f"field.{f}", lang) else f for f in rev.changed[:6]]
    changed = (
        t("history.changed", lang, fields=", ".join(fields)) if fields and rev.action == "update" else ""
    )
    return RevisionLine(step, title, changed)


class HistoryEntry(NamedTuple):
    revision: Revision
    line: RevisionLine
    note: str  # the note in one line, e.g. a workshop's vote record ('' when there is none)


class HistoryPage(NamedTuple):
    entries: list[HistoryEntry]  # the revisions shown, newest first
    steps: list[str]  # the steps the whole history touches (to filter by), in the order of the path
    total: int  # the revisions of the chosen step (all of them when none is chosen)


def history_page(
    revisions: list[Revision],
    dossier: Dossier,
    lang: str,
    dossier_at: Callable[[int], Dossier],
    step: str = "",
    shown: int | None = None,
) -> HistoryPage:
    """Describe the newest `shown` revisions of one step (or of all), each in the user's words.

    A part that is gone is named as it was just before its revision: `dossier_at(n)` rebuilds
    the dossier at revision n, once per revision that needs it.
    """
    steps = steps_in(revisions)
    if step:
        revisions = [r for r in revisions if step_of_unit(r.unit.kind, r.unit.key) == step]
    earlier: dict[int, Dossier] = {}
    entries = []
    for rev in revisions[:shown]:
        before = None
        if is_gone(rev, dossier) and rev.revision > 1:
            if rev.revision not in earlier:
                earlier[rev.revision] = dossier_at(rev.revision - 1)
            before = earlier[rev.revision]
        entries.append(
            HistoryEntry(rev, revision_line(rev, dossier, lang, before), note_line(rev.note, lang))
        )
    return HistoryPage(entries, steps, len(revisions))


def is_gone(rev: Revision, dossier: Dossier) -> bool:
    """Tell whether a revision's part no longer exists (to name it from an earlier state)."""
    return unit_model(dossier, rev.unit) is None


def steps_in(revisions: list[Revision]) -> list[str]:
    """Return the steps that occur in a list of revisions, in the order of the guided path."""
    seen = {step_of_unit(r.unit.kind, r.unit.key) for r in revisions}
    return [k for k in STEP_KEYS if k in seen]


def note_line(note: dict[str, Any] | None, lang: str) -> str:
    """Describe a revision's note in one line for the history ('' when there is none)."""
    if not note:
        return ""
    if "workshop" in note:
        ideas = note.get("ideas", [])
        return t(
            "workshop.note",
            lang,
            code=note["workshop"].get("code", "?"),
            count=len(ideas),
            votes=", ".join(str(i.get("votes", 0)) for i in ideas),
            by=note.get("promoted_by", "?"),
            cast=note.get("votes_cast", 0),
            people=note.get("participants", 0),
        )
    if "consent" in note:
        return t("consent.note", lang, section=t(f"section.{note['consent'].get('section', '')}", lang))
    return ""
