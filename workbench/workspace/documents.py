"""Documents in a Workspace: make a version (load, consent, generate, keep), list, fetch, comment.

`make_document_version` is written once, over the caller's protocol: a person's Workspace checks
their role and records their name; the bare Store (the command line) is trusted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, cast

from workbench.access.permissions import Action
from workbench.collab.consent import consent_matrix
from workbench.collab.document_places import Kind
from workbench.collab.reviews import ThreadStatus
from workbench.collab.suggestions import Suggestions
from workbench.collab.word_comments import add_comments, word_comments
from workbench.documents import generate as documents
from workbench.dossier.records import DocumentVersion, DossierRecord
from workbench.store.db import Backend
from workbench.workspace.dossiers import DossierCalls


class DocumentMaker(Protocol):
    """What making a document version needs of its caller: a Workspace, or the bare Store."""

    backend: Backend

    def require(self, action: Action, dossier_id: int) -> None: ...

    def author(self, given: str) -> str: ...

    def load(self, dossier_id: int) -> DossierRecord: ...

    def save_document(
        self,
        dossier_id: int,
        *,
        kind: str,
        lang: str,
        revision: int,
        data: bytes,
        by: str,
        template: str = "",
    ) -> DocumentVersion: ...


@dataclass(frozen=True, slots=True)
class MadeDocument:
    """A generated document, kept: its version, its bytes, and the dossier it was made from."""

    version: DocumentVersion
    data: bytes
    record: DossierRecord


def generate_for(
    caller: DocumentMaker,
    dossier_id: int,
    kind: documents.DocumentKind,
    lang: str,
    *,
    template: bytes | None = None,
    picture: bool = True,
    progress: Callable[[str], None] | None = None,
) -> tuple[DossierRecord, bytes]:
    """Generate a document of the dossier's current revision, with its consent matrix.

    Generating is an export; with an uploaded template it also needs UPLOAD_TEMPLATE, checked
    before anything is loaded or rendered (the refusal names what was tried).
    """
    if template is not None:
        caller.require(Action.UPLOAD_TEMPLATE, dossier_id)
    caller.require(Action.EXPORT, dossier_id)
    record = caller.load(dossier_id)
    data = documents.generate(
        record.dossier,
        lang,
        kind,
        revision=record.revision,
        template=template,
        picture=picture,
        progress=progress,
        consent=consent_matrix(caller.backend, dossier_id, record.dossier),
    )
    return record, data


def make_document_version(
    caller: DocumentMaker,
    dossier_id: int,
    kind: documents.DocumentKind,
    lang: str,
    *,
    by: str = "",
    template: bytes | None = None,
    template_name: str = "",
    picture: bool = True,
    progress: Callable[[str], None] | None = None,
    before_keeping: Callable[[bytes], None] | None = None,
) -> MadeDocument:
    """Load, take the consent, generate and keep a document as a version of the dossier revision.

    `progress` hears the steps ("picture", "render", "save"); `before_keeping` gets the bytes
    before the version is kept (the command line writes its file there: a failed write keeps none).
    """
    record, data = generate_for(
        caller, dossier_id, kind, lang, template=template, picture=picture, progress=progress
    )
    if before_keeping is not None:
        before_keeping(data)
    if progress is not None:
        progress("save")
    version = caller.save_document(
        dossier_id,
        kind=kind,
        lang=lang,
        revision=record.revision,
        data=data,
        by=caller.author(by),
        template=template_name if template is not None else "",
    )
    return MadeDocument(version, data, record)


class DocumentCalls(DossierCalls):
    """Generated documents: made, kept with their revision, listed, fetched, with comments."""

    def make_document_version(
        self,
        dossier_id: int,
        kind: documents.DocumentKind,
        lang: str,
        *,
        template: bytes | None = None,
        template_name: str = "",
        picture: bool = True,
        progress: Callable[[str], None] | None = None,
    ) -> MadeDocument:
        """Generate a document of the current revision and keep it as a version (an export)."""
        return make_document_version(
            self,
            dossier_id,
            kind,
            lang,
            template=template,
            template_name=template_name,
            picture=picture,
            progress=progress,
        )

    def generate_document(
        self,
        dossier_id: int,
        kind: documents.DocumentKind,
        lang: str,
        *,
        template: bytes | None = None,
        picture: bool = True,
        progress: Callable[[str], None] | None = None,
    ) -> tuple[int, bytes]:
        """Generate a document of the current revision without keeping it; return (revision, bytes)."""
        record, data = generate_for(
            self, dossier_id, kind, lang, template=template, picture=picture, progress=progress
        )
        return record.revision, data

    def template_variables(self, record: DossierRecord, lang: str) -> list[str]:
        """List the variables an uploaded template may use, filled from this dossier (for a coach)."""
        from workbench.documents.uploaded.templates import variable_paths

        self.require(Action.UPLOAD_TEMPLATE, record.id)
        consent = consent_matrix(self.backend, record.id, record.dossier)
        return variable_paths(documents.context(record.dossier, lang, consent=consent))

    def save_document(
        self,
        dossier_id: int,
        *,
        kind: str,
        lang: str,
        revision: int,
        data: bytes,
        by: str | None = None,
        template: str = "",
    ) -> DocumentVersion:
        """Keep a generated document with the dossier (generating one is an export)."""
        self.require(Action.EXPORT, dossier_id)
        return self.store.save_document(
            dossier_id,
            kind=kind,
            lang=lang,
            revision=revision,
            data=data,
            by=self.by,
            template=template,
            by_id=self._user_id,
        )

    def documents(self, dossier_id: int) -> list[DocumentVersion]:
        self.require(Action.READ, dossier_id)
        return self.store.documents(dossier_id)

    def document(self, dossier_id: int, document_id: int) -> tuple[DocumentVersion, bytes]:
        self.require(Action.EXPORT, dossier_id)
        return self.store.document(dossier_id, document_id)

    def document_with_comments(self, dossier_id: int, document_id: int, *, resolved: bool = False) -> bytes:
        """Return a generated document with the comments as Word comments on the paragraphs they concern.

        Open threads only, unless `resolved` (then resolved ones come too, marked done). Items are
        found by their names as the document's own revision had them.
        """
        version, data = self.document(dossier_id, document_id)
        threads = self.reviews.threads(dossier_id, status=None if resolved else ThreadStatus.OPEN)
        dossier = self.store.dossier_at(dossier_id, version.revision)
        kind = cast(Kind, version.kind)
        suggested = Suggestions(self.backend, migrate=False).suggestions(dossier_id)
        proposed = {s.thread_id: s.proposed for s in suggested.values()}
        found = word_comments(threads, dossier, kind, version.lang, resolved=resolved, proposed=proposed)
        return add_comments(data, found, version.lang)
