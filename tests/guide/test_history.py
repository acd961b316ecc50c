"""The history in the user's words."""

from __future__ import annotations

from workbench.guide import edits, forms, widget_values
from workbench.guide.history import revision_line, steps_in
from workbench.store.dossiers import Store


def test_revisions_name_the_step_the_item_and_what_changed(store: Store, dossier_id: int) -> None:
    record = store.load(dossier_id)
    partner = record.dossier.partner("vzw")
    values = widget_values.to_widgets(forms.PARTNER, partner) | {
        "legal_form": "vzw",
        "dpo_contact": "dpo@vzw",
    }
    plan = edits.plan_save(
        record, forms.PARTNER, "vzw", values, widget_values.snapshot(forms.PARTNER, partner)
    )
    store.apply(dossier_id, plan.changes, by="bob")
    store.apply(dossier_id, edits.plan_delete(store.load(dossier_id), forms.PARTNER, "vzw").changes, by="bob")
    dossier = store.load(dossier_id).dossier
    revisions = store.history(dossier_id)
    before = store.dossier_at(dossier_id, revisions[0].revision - 1)
    lines = [revision_line(r, dossier, "nl", before) for r in revisions]
    # Deleted with its partner: both named as they were just before.
    assert [line.title for line in lines[:2]] == [
        "Rollen en engagementen › Toeleider · Vzw Verbinding",
        "Partners › Vzw Verbinding",
    ]
    update = next(line for r, line in zip(revisions, lines, strict=True) if r.action == "update")
    assert update.changed == "gewijzigd: Functionaris voor gegevensbescherming, Rechtsvorm"
    assert steps_in(revisions)[:2] == ["partnerschap", "partners"]
