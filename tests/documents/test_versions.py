"""Generated documents kept per dossier revision, listed, loaded and compared clause by clause."""

from __future__ import annotations

import pytest

from tests.document_samples import rich_dossier
from workbench.documents import generate as documents
from workbench.dossier.units import Change, UnitRef
from workbench.store.dossiers import Store


@pytest.fixture
def rich_id(store: Store) -> int:
    return store.import_dossier(rich_dossier(), by="ann")


def generate(store: Store, dossier_id: int, by: str = "ann") -> int:
    record = store.load(dossier_id)
    data = documents.agreement(record.dossier, "nl", revision=record.revision)
    return store.save_document(
        dossier_id, kind="agreement", lang="nl", revision=record.revision, data=data, by=by
    ).id


def test_comparing_two_versions_names_the_clause_and_the_edit_behind_it(store: Store, rich_id: int) -> None:
    old_id = generate(store, rich_id)
    record = store.load(rich_id)
    unit = UnitRef(kind="governance")
    governance = record.dossier.governance.model_copy(deep=True)
    governance.stuurgroep.frequency = "tweemaandelijks"
    store.save(rich_id, Change.put(unit, governance, record.version(unit)), by="bob")
    new_id = generate(store, rich_id)

    old, old_data = store.document(rich_id, old_id)
    new, new_data = store.document(rich_id, new_id)
    changes = documents.compare_versions(
        old_data, new_data, since=old.revision, until=new.revision, history=store.history(rich_id)
    )
    assert [c.key for c in changes] == ["clause_governance"]
    [cause] = changes[0].causes
    assert (cause.unit, cause.by, cause.revision) == (unit, "bob", 2)
