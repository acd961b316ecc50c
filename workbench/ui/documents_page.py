"""Documenten: readiness per clause, the Word files to download, their versions and what changed."""

from __future__ import annotations

from typing import Literal

import streamlit as st

from workbench.access.permissions import AccessDenied, Action
from workbench.documents import generate as documents
from workbench.documents.uploaded.templates import TemplateProblem
from workbench.documents.versions import change_title, comparable, default_pair, describe_causes
from workbench.i18n import LANGUAGES, fmt_datetime, t
from workbench.store.dossiers import DocumentVersion, DossierRecord, StorageFailure
from workbench.ui import faults
from workbench.ui.common import labeller, lang, store, tr
from workbench.ui.markup import inert, md
from workbench.ui.prelude import open_record
from workbench.workspace import Workspace

Kind = Literal["agreement", "strategy", "submission"]


def _label(v: DocumentVersion) -> str:
    kind = tr(f"documents.page.kind.{v.kind}")
    head = tr("documents.page.version_label", id=v.id, kind=kind, lang=v.lang, revision=v.revision)
    return " · ".join(x for x in (head, v.by, fmt_datetime(v.at, lang()), v.template) if x)


def _readiness(record: DossierRecord, kind: Kind) -> None:
    found = store().document_readiness(record.id, lang(), kind)  # a coach's "werk nodig" counts too
    ready = sum(check.ready for check in found)
    st.subheader(tr("documents.page.readiness"))
    st.progress(ready / len(found), text=md("documents.page.ready_count", ready=ready, total=len(found)))
    for check in (c for c in found if not c.ready):
        points = tr("documents.page.open_points", count=len(check.missing))
        with st.expander(inert(f"{check.number}. {check.title} · {points}"), icon=":material/edit_note:"):
            st.text("\n".join(f"• {missing}" for missing in check.missing))  # holds user text: no Markdown


def _generate(db: Workspace, record: DossierRecord, kind: Kind, doc_lang: str, picture: bool) -> None:
    upload = None
    if db.can(Action.UPLOAD_TEMPLATE, record.id):  # a coach's tool; the core refuses everyone else too
        upload = st.file_uploader(
            tr("documents.page.template"),
            type=["docx"],
            key="documents_page_template",
            help=tr("documents.page.template_help"),
        )
    if upload is not None:
        with st.expander(tr("documents.page.variables")):
            st.code("\n".join(db.template_variables(record, doc_lang)), language=None, wrap_lines=True)
    if not st.button(tr("documents.page.generate"), type="primary", key="documents_page_generate"):
        return
    with st.status(tr("documents.page.generating"), expanded=True) as status:
        try:
            made = db.make_document_version(
                record.id,
                kind,
                doc_lang,
                template=upload.getvalue() if upload is not None else None,
                template_name=upload.name if upload is not None else "",
                picture=picture,
                progress=lambda step: status.write(md(f"documents.page.step.{step}")),
            )
        except TemplateProblem as problem:
            # Expanded: the coach must read why (the refused call, the unknown variable).
            status.update(label=tr("documents.page.template_failed"), state="error", expanded=True)
            st.text(problem.message)  # may quote the uploaded template
            return
        except AccessDenied as refused:  # a role changed since the page was drawn
            status.update(
                label=md("access.denied", action=tr(f"access.action.{refused.action}")), state="error"
            )
            return
        except StorageFailure as failure:
            faults.show(failure)
            status.update(label=tr("documents.page.not_saved"), state="error")
            return
        status.update(label=tr("documents.page.done"), state="complete", expanded=False)
    # Show the new version, and compare it with the one before it of the same kind. Assigning
    # (not deleting) the keys is what makes the browser's widgets follow.
    version = made.version
    pair = default_pair(db.documents(record.id))
    st.session_state["documents_page_version"] = version.id
    if pair:
        st.session_state["documents_page_older"], st.session_state["documents_page_newer"] = pair


def _downloads(db: Workspace, record: DossierRecord, versions: list[DocumentVersion]) -> None:
    labels = {v.id: _label(v) for v in versions}
    if st.session_state.get("documents_page_version") not in labels:
        st.session_state["documents_page_version"] = versions[0].id
    chosen = st.selectbox(
        tr("documents.page.version"),
        list(labels),
        format_func=labels.__getitem__,
        key="documents_page_version",
        placeholder=tr("form.choose"),
    )
    version, data = db.document(record.id, chosen)
    name = f"{version.kind}-{record.id}-r{version.revision}-v{version.id}-{version.lang}"
    if st.toggle(tr("comments.word"), key="documents_page_with_comments", help=tr("comments.word_help")):
        # The comments as native Word comments on the paragraphs they concern, in every kind of document.
        resolved = st.toggle(tr("comments.word_resolved"), key="documents_page_with_resolved")
        data = db.document_with_comments(record.id, version.id, resolved=resolved)
        name += "-opmerkingen"
    left, right = st.columns(2)
    left.download_button(
        tr("documents.page.download_docx"),
        data=data,
        file_name=f"{name}.docx",
        mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        on_click="ignore",
        icon=":material/download:",
        key="documents_page_docx",
    )
    reason = documents.pdf_unavailable_reason(lang())
    pdf = st.session_state.get("documents_page_pdf")
    if reason:
        right.info(inert(reason))
    elif pdf is not None and pdf[0] == version.id:
        right.download_button(
            tr("documents.page.download_pdf"),
            data=pdf[1],
            file_name=f"{name}.pdf",
            mime="application/pdf",
            on_click="ignore",
            icon=":material/picture_as_pdf:",
            key="documents_page_pdf_download",
        )
    elif right.button(tr("documents.page.make_pdf"), key="documents_page_make_pdf"):
        with st.spinner(tr("documents.page.making_pdf")):
            try:
                st.session_state["documents_page_pdf"] = (version.id, documents.to_pdf(data, lang=lang()))
            except documents.PdfError as exc:
                right.error(tr("documents.page.pdf_failed"))
                right.text(str(exc))
                return
        st.rerun()


def _compare(db: Workspace, record: DossierRecord, versions: list[DocumentVersion]) -> None:
    st.subheader(tr("documents.page.compare"))
    by_id = {v.id: v for v in versions}
    labels = {v.id: _label(v) for v in versions}
    left, right = st.columns(2)
    pair = default_pair(versions)
    if pair and st.session_state.get("documents_page_newer") not in by_id:
        st.session_state["documents_page_older"], st.session_state["documents_page_newer"] = pair
    newer = right.selectbox(
        tr("documents.page.newer"),
        list(by_id),
        format_func=labels.__getitem__,
        key="documents_page_newer",
        placeholder=tr("form.choose"),
    )
    # Only the same kind of document: an agreement against a strategy shows every section changed.
    same = [v.id for v in comparable(versions, newer)]
    if st.session_state.get("documents_page_older") not in same:
        st.session_state["documents_page_older"] = next((i for i in same if i != newer), newer)
    older = left.selectbox(
        tr("documents.page.older"),
        same,
        format_func=labels.__getitem__,
        key="documents_page_older",
        placeholder=tr("form.choose"),
    )
    old, new = by_id[older], by_id[newer]
    # Versions and past revisions never change: one comparison per pair is enough.
    memo = st.session_state.get("documents_page_diff")
    if memo is None or memo[0] != (old.id, new.id):
        changes = documents.compare_versions(
            db.document(record.id, old.id)[1],
            db.document(record.id, new.id)[1],
            since=old.revision,
            until=new.revision,
            history=db.history(record.id),
        )
        memo = st.session_state["documents_page_diff"] = ((old.id, new.id), changes)
    changes = memo[1]
    if not changes:
        st.success(tr("documents.page.no_changes"))
    for change in changes:
        title = f"{change_title(change, lang())} · {tr(f'documents.page.status.{change.status}')}"
        with st.expander(inert(title)):  # a clause title may quote the dossier
            st.text("\n".join(describe_causes(change, lang())) or tr("documents.page.no_cause"))
            st.code("\n".join(change.diff), language="diff", wrap_lines=True)


def render() -> None:
    record = open_record()
    if record is None:
        return
    dossier_id, db = record.id, store()
    st.title(tr("documents.page.title"))
    st.caption(tr("documents.page.intro"))
    cols = st.columns([3, 2, 2])
    kind: Kind = (
        cols[0].segmented_control(
            tr("documents.page.kind"),
            ["agreement", "strategy", "submission"],
            format_func=labeller("documents.page.kind"),
            default="agreement",
            key="documents_page_kind",
        )
        or "agreement"
    )
    doc_lang = (
        cols[1].segmented_control(
            tr("documents.page.doc_lang"),
            list(LANGUAGES),
            format_func=lambda code: t(f"app.language.{code}", code),
            default=lang(),
            key="documents_page_lang",
        )
        or lang()
    )
    picture = cols[2].toggle(tr("documents.page.picture"), value=True, key="documents_page_picture")
    _readiness(record, kind)
    _generate(db, record, kind, doc_lang, picture)
    versions = db.documents(dossier_id)
    st.subheader(tr("documents.page.versions"))
    if not versions:
        st.info(tr("documents.page.no_versions"))
        return
    _downloads(db, record, versions)
    _compare(db, record, versions)


render()
