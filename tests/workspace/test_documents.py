"""Making a document version in one call: load, consent, generate, keep; the same for the command line."""

from __future__ import annotations

import io

import docx
import pytest

from tests.workspace.conftest import People
from workbench.access.permissions import AccessDenied
from workbench.store.dossiers import Store
from workbench.workspace.documents import make_document_version


def test_a_viewer_makes_a_version_kept_under_their_own_name(people: People) -> None:
    made = people.workspace("viewer").make_document_version(
        people.dossier_id, "agreement", "nl", picture=False
    )
    [kept] = people.workspace("coordinator").documents(people.dossier_id)
    assert kept == made.version
    assert (kept.by, kept.revision, kept.kind, kept.lang) == (
        "Viewer",
        made.record.revision,
        "agreement",
        "nl",
    )
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(made.data)).paragraphs)
    assert "Digibank Test" in text


def test_a_stranger_makes_nothing(people: People) -> None:
    with pytest.raises(AccessDenied):
        people.workspace("stranger").make_document_version(people.dossier_id, "strategy", "nl", picture=False)
    assert Store(people.path).documents(people.dossier_id) == []


def test_the_progress_hears_every_step_up_to_saving(people: People) -> None:
    steps: list[str] = []
    people.workspace("coach").make_document_version(
        people.dossier_id, "strategy", "en", progress=steps.append
    )
    # The first of this content in this process draws the picture; the same content again reuses it
    # (also when the other backend's run of this test drew it first: the picture follows the content).
    assert steps[0] in ("picture", "picture_reused") and steps[1:] == ["render", "save"]
    again: list[str] = []
    people.workspace("coach").make_document_version(
        people.dossier_id, "strategy", "en", progress=again.append
    )
    assert again == ["picture_reused", "render", "save"]


def test_the_trusted_store_records_the_name_given_and_a_failed_delivery_keeps_nothing(
    store: Store, dossier_id: int
) -> None:
    made = make_document_version(store, dossier_id, "agreement", "nl", by="cli-user", picture=False)
    assert made.version.by == "cli-user"

    def refuse(data: bytes) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError):
        make_document_version(
            store, dossier_id, "agreement", "nl", by="cli", picture=False, before_keeping=refuse
        )
    assert [d.id for d in store.documents(dossier_id)] == [made.version.id]


def test_the_template_variables_are_for_whoever_may_upload_a_template(people: People) -> None:
    record = people.workspace("coach").load(people.dossier_id)
    assert "dossier_name" in people.workspace("coach").template_variables(record, "nl")
    with pytest.raises(AccessDenied):
        people.workspace("viewer").template_variables(record, "nl")
