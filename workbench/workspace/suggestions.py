"""Suggestions in a Workspace: a commenter proposes text for one field; an editor accepts or declines it."""

from __future__ import annotations

from typing import Any

from workbench.access.permissions import Action, edit_action
from workbench.clock import stamp
from workbench.collab.review_records import Anchor, ReviewError, Thread, clean_review_text
from workbench.collab.suggestions import (
    MAX_PROPOSED_LENGTH,
    Suggestion,
    SuggestionDecided,
    Suggestions,
    SuggestionStatus,
    Target,
    decide,
)
from workbench.dossier.records import DossierRecord, EditConflict, InvalidChange
from workbench.dossier.steps import step_of_unit
from workbench.guide import edits, parts, widget_values
from workbench.guide.form_specs import FormSpec, Kind
from workbench.guide.forms import ALL_FORMS
from workbench.store.db import Connection, scope
from workbench.workspace.person import Person

TEXT_KINDS = (Kind.LINE, Kind.TEXT, Kind.LINES)  # what a suggestion can propose: wording


def form_spec(key: str) -> FormSpec:
    """Return the form a suggestion names, or refuse an unknown one."""
    found = next((spec for spec in ALL_FORMS if spec.key == key), None)
    if found is None:
        raise ReviewError("suggestion.unknown_field", field=key)
    return found


def text_fields(spec: FormSpec) -> list[str]:
    """List the fields of a form whose wording can be suggested."""
    return [f.path for f in spec.fields if f.kind in TEXT_KINDS]


def current_text(record: DossierRecord, target: Target) -> tuple[str, int]:
    """Return a field's saved text (as its widget shows it) and the version of the unit holding it."""
    spec = form_spec(target.form)
    if target.field not in text_fields(spec) or (target.item and not spec.is_list):
        raise ReviewError("suggestion.unknown_field", field=target.field)
    obj = parts.part(record.dossier, spec, target.item)
    if obj is None:
        raise ReviewError("suggestion.gone")
    value = widget_values.to_widgets(spec, obj).get(target.field)
    return str(value or ""), record.version(spec.unit(target.item))


def planned_save(record: DossierRecord, spec: FormSpec, item: str, field: str, proposed: str) -> edits.Plan:
    """Plan the save of proposed text into its field; refuse text the field would refuse."""
    obj = parts.part(record.dossier, spec, item)
    if obj is None:
        raise ReviewError("suggestion.gone")
    values: dict[str, Any] = widget_values.to_widgets(spec, obj)
    values[field] = proposed
    plan = edits.plan_save(record, spec, item, values, widget_values.snapshot(spec, obj))
    if plan.outcome == "invalid":
        raise InvalidChange(plan.problems)
    return plan


class SuggestionCalls(Person):
    """Suggest (comment), accept or decline (the edit right of the part the field belongs to)."""

    @property
    def suggestions_sql(self) -> Suggestions:
        return Suggestions(self.backend, migrate=False)

    def suggest(self, dossier_id: int, target: Target, proposed: str, note: str = "") -> Thread:
        """Propose text for one field of one item; the thread hangs on the field's step."""
        self.require(Action.COMMENT, dossier_id)
        record = self.store.load(dossier_id)
        original, version = current_text(record, target)
        spec = form_spec(target.form)
        # Text the field would refuse (too long, ...) could never be accepted: refused now, not at the click.
        planned_save(
            record,
            spec,
            target.item,
            target.field,
            clean_review_text(proposed, MAX_PROPOSED_LENGTH, required=True),
        )
        unit = spec.unit(target.item)
        # Pinned to its item, as a comment on one item is: which partner, which target group.
        item = target.item if spec.is_list else None
        anchor = Anchor(step=step_of_unit(unit.kind, unit.key), field=target.field, item=item or None)
        return self.suggestions_sql.suggest(
            dossier_id, anchor, target, original, proposed, version, note, self.by, self._user_id
        )

    def suggestion(self, dossier_id: int, thread_id: int) -> Suggestion | None:
        self.require(Action.READ, dossier_id)
        return self.suggestions_sql.suggestion(dossier_id, thread_id)

    def suggestions(self, dossier_id: int) -> dict[int, Suggestion]:
        self.require(Action.READ, dossier_id)
        return self.suggestions_sql.suggestions(dossier_id)

    def may_decide(self, dossier_id: int, suggestion: Suggestion) -> bool:
        """Tell whether this person may accept or decline a suggestion (for showing the buttons)."""
        unit = form_spec(suggestion.form).unit(suggestion.item)
        return self.can(edit_action(unit.kind), dossier_id)

    def accept_suggestion(self, dossier_id: int, thread_id: int, base_version: int) -> int:
        """Save the proposed text into its field as a normal versioned save; return the new revision.

        `base_version` is the version of the part the accepting person saw: when someone saved it
        since, EditConflict, as for any edit, and the suggestion stays open.
        """
        found = self._open_suggestion(dossier_id, thread_id)
        spec = form_spec(found.form)
        unit = spec.unit(found.item)
        self.require(edit_action(unit.kind), dossier_id)
        record = self.store.load(dossier_id)
        saved = record.versions.get(str(unit))
        if record.version(unit) != base_version:
            raise EditConflict(unit, saved.by if saved else "?", saved.at if saved else None, None)
        plan = planned_save(record, spec, found.item, found.field, found.proposed)
        by, by_id = self.by, self._user_id

        def mark(db: Connection, revision: int) -> None:
            decide(db, dossier_id, thread_id, SuggestionStatus.ACCEPTED, by, by_id, revision, stamp())

        if plan.outcome == "unchanged":  # the field says so already: accepted, with no new revision
            with self.backend.write(scope("dossier", dossier_id)) as db:
                mark(db, record.revision)
            return record.revision
        return self.store.apply(dossier_id, plan.changes, by=by, action="suggestion", then=mark)

    def decline_suggestion(self, dossier_id: int, thread_id: int) -> Suggestion:
        """Decline a suggestion, resolving its thread."""
        found = self._open_suggestion(dossier_id, thread_id)
        self.require(edit_action(form_spec(found.form).unit(found.item).kind), dossier_id)
        return self.suggestions_sql.decline(dossier_id, thread_id, self.by, self._user_id)

    def _open_suggestion(self, dossier_id: int, thread_id: int) -> Suggestion:
        self.require(Action.READ, dossier_id)
        found = self.suggestions_sql.suggestion(dossier_id, thread_id)
        if found is None:
            raise ReviewError("comments.thread_not_found", id=thread_id)
        if not found.is_open:
            raise SuggestionDecided(thread_id)
        return found
