"""Start page: list, create, import and open dossiers; offer the demo on an empty database."""

from __future__ import annotations

import streamlit as st

from workbench.dossier.model import CallKind, Identity
from workbench.dossier.portable import ImportFailed, cleaned_summary, parse
from workbench.i18n import fmt_datetime
from workbench.ui import faults
from workbench.ui.common import PAGES, actor, labeller, lang, open_dossier, store, tr
from workbench.ui.markup import md

SHOWN_PROBLEMS = 50  # a hostile file may hold thousands: the first ones say enough


def render() -> None:
    st.title(tr("app.title"))
    st.caption(tr("start.intro"))
    db = store()
    dossiers = db.list_dossiers()

    if flash := st.session_state.pop("start_flash", None):
        key, params = flash
        st.success(md(key, **params))  # names the new dossier
    if cleaned := st.session_state.pop("start_cleaned", None):
        st.text(cleaned)  # names fields by the file's own names: plain text

    if not dossiers:
        st.info(tr("start.empty"))
        if st.button(tr("start.load_demo"), key="start_load_demo", type="primary"):
            from workbench.demo import demo_dossiers

            with faults.saving():
                for dossier in demo_dossiers():
                    db.import_dossier(dossier, by=actor())
                st.session_state["start_flash"] = ("start.demo_loaded", {})
                st.rerun()

    st.subheader(tr("start.dossiers"))
    for summary in dossiers:
        cols = st.columns([5, 3, 2, 3, 2], vertical_alignment="center")
        cols[0].text(summary.name)
        cols[1].text(tr(f"call.{summary.call}"))
        cols[2].text(tr(f"status.{summary.status}"))
        cols[3].text(tr("start.changed", at=fmt_datetime(summary.updated_at, lang()), by=summary.updated_by))
        if cols[4].button(tr("start.open"), key=f"start_open_{summary.id}"):
            open_dossier(summary.id)
            st.switch_page(PAGES["partnerschap"])

    # Not clear_on_submit: a name whose save failed must stay; it is cleared once saved.
    with st.form("start_create"):
        st.subheader(tr("start.new"))
        name = st.text_input(tr("field.name"), max_chars=200, key="start_new_name")
        call = st.selectbox(
            tr("field.call"), list(CallKind), format_func=labeller("call"), key="start_new_call"
        )
        if st.form_submit_button(tr("start.create"), type="primary"):
            if not name.strip():
                st.error(tr("start.name_required"))
            else:
                with faults.saving():
                    new_id = db.create(Identity(name=name, call=call), by=actor())
                    st.session_state["start_flash"] = ("start.created", {"name": name.strip(), "id": new_id})
                    faults.clear_after_save("start_new_name")
                    st.rerun()

    with st.expander(tr("start.import")):
        upload = st.file_uploader(tr("start.import_file"), type=["json"], key="start_import_file")
        if upload is not None and st.button(tr("start.import_button"), key="start_import_button"):
            _import(upload.getvalue())


def _import(data: bytes) -> None:
    """Import an uploaded file as a new dossier; say why not, or which fields were cleaned."""
    try:
        imported = parse(data)
    except ImportFailed as exc:
        st.error(tr("start.import_refused"), icon=":material/block:")
        st.text(tr(exc.reason, **exc.params))  # may quote the file: plain text
        for problem in exc.problems[:SHOWN_PROBLEMS]:
            st.text(problem.message(lang()))
        if len(exc.problems) > SHOWN_PROBLEMS:
            st.text(tr("import.more_problems", count=len(exc.problems) - SHOWN_PROBLEMS))
        return
    with faults.saving():
        dossier = imported.dossier
        new_id = store().import_dossier(dossier, by=actor())
        st.session_state["start_flash"] = ("start.created", {"name": dossier.identity.name, "id": new_id})
        st.session_state["start_cleaned"] = cleaned_summary(imported.cleaned, lang())
        st.rerun()


render()
