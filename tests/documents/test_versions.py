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


def test_the_default_comparison_pairs_documents_of_the_same_kind_and_language() -> None:
    from datetime import UTC, datetime

    from workbench.documents.versions import comparable, default_pair
    from workbench.dossier.records import DocumentVersion

    def version(i: int, kind: str, lang: str = "nl") -> DocumentVersion:
        at = datetime(2026, 1, i, tzinfo=UTC)
        return DocumentVersion(i, 1, i, kind, lang, "", 1, "x", "ann", at)

    newest_first = [
        version(4, "agreement", "en"),
        version(3, "agreement"),
        version(2, "strategy"),
        version(1, "agreement", "en"),
    ]
    assert default_pair(newest_first) == (1, 4)
    assert default_pair(newest_first[1:]) == (1, 3)  # no Dutch agreement before it: the English one
    assert default_pair(newest_first[2:3]) == (2, 2)  # nothing to compare with: itself
    assert [v.id for v in comparable(newest_first, 2)] == [2]
    assert default_pair([]) is None
