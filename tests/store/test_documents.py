"""Generated documents kept with their dossier revision: saved, listed newest first, fetched, deleted."""

from __future__ import annotations

import pytest

from tests.document_samples import rich_dossier
from workbench.documents import generate as documents
from workbench.store.dossiers import DossierNotFound, Store, StoreError


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


def test_a_document_id_of_another_dossier_finds_nothing(store: Store, rich_id: int) -> None:
    other = store.import_dossier(rich_dossier(), by="bob")
    kept = generate(store, rich_id)
    with pytest.raises(StoreError):
        store.document(other, kept)
