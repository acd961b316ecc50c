"""Generated documents kept per dossier revision, listed, loaded and compared clause by clause."""

from __future__ import annotations

import pytest

from tests.document_samples import rich_dossier
from workbench import documents
from workbench.store import DossierNotFound, Store, StoreError
from workbench.units import Change, UnitRef


@pytest.fixture
def rich_id(store: Store) -> int:
    return store.import_dossier(rich_dossier(), by="ann")


def generate(store: Store, dossier_id: int, by: str = "ann") -> int:
    record = store.load(dossier_id)
    data = documents.agreement(record.dossier, "nl", revision=record.revision)
    return store.save_document(
        dossier_id, kind="agreement", lang="nl", revision=record.revision, data=data, by=by
    ).id


def test_a_generated_document_is_kept_with_its_revision(store: Store, rich_id: int) -> None:
    record = store.load(rich_id)
    data = documents.agreement(record.dossier, "nl", revision=record.revision)
    kept = store.save_document(
        rich_id, kind="agreement", lang="nl", revision=record.revision, data=data, by="ann"
    )
    [listed] = store.documents(rich_id)
    assert listed == kept
    assert (listed.revision, listed.kind, listed.lang, listed.by) == (1, "agreement", "nl", "ann")
    version, loaded = store.document(rich_id, kept.id)
    assert loaded == data and version.size == len(data)


def test_versions_are_listed_newest_first(store: Store, rich_id: int) -> None:
    first = generate(store, rich_id)
    second = generate(store, rich_id, by="bob")
    assert [d.id for d in store.documents(rich_id)] == [second, first]


def test_a_document_for_a_revision_that_does_not_exist_is_refused(store: Store, rich_id: int) -> None:
    with pytest.raises(StoreError):
        store.save_document(rich_id, kind="agreement", lang="nl", revision=9, data=b"x", by="ann")
    with pytest.raises(StoreError):
        store.document(rich_id, 12345)


def test_documents_go_with_their_dossier(store: Store, rich_id: int) -> None:
    generate(store, rich_id)
    store.delete_dossier(rich_id)
    with pytest.raises(DossierNotFound):
        store.documents(rich_id)


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

    from workbench.document_versions import comparable, default_pair
    from workbench.records import DocumentVersion

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
