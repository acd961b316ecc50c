"""Beoordeling: the coach's verdict per section and the readiness rubric, exportable as .docx."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from workbench import clock
from workbench.access.permissions import Action
from workbench.collab.readiness import ReadinessReport, basis, build_report, verdict_label
from workbench.collab.reviews import Level, ReviewError, ThreadStatus
from workbench.collab.rubric import GROUPS
from workbench.collab.section_state import SectionProgress
from workbench.dossier.steps import STEP_KEYS
from workbench.store.dossiers import DossierRecord
from workbench.ui import derived, faults
from workbench.ui.comments import review_control
from workbench.ui.common import labeller, lang, store, tr
from workbench.ui.markup import inert_cells, md
from workbench.ui.prelude import open_record


def _report(record: DossierRecord, sections: SectionProgress) -> ReadinessReport:
    """Return the readiness report, kept until the dossier, a score, a verdict or a thread changes.

    The pre-filled levels come from the progress, the network and the clause checks of the
    revision (about a tenth of a second for 60 partners); the coach's scores and the open threads
    are read every run and are part of the key.
    """
    ws = store()
    ws.require(Action.READ, record.id)
    scores = ws.reviews.scores(record.id)
    threads = tuple(ws.threads(record.id, status=ThreadStatus.OPEN))
    code = lang()
    verdicts = {step: status.review for step, status in sections.sections.items() if status.review}
    return derived.once(
        "readiness",
        record,
        lambda: build_report(
            record.dossier,
            scores,
            code,
            reviews=verdicts,
            open_threads=threads,
            generated_at=clock.now(),
            sections=sections,
        ),
        code,
        repr(sorted(scores.items())),
        repr(sorted((step, status.review, status.stale) for step, status in sections.sections.items())),
        repr(threads),
    )


def _rubric(record: DossierRecord, sections: SectionProgress) -> None:
    dossier_id = record.id
    ws = store()
    report = _report(record, sections)
    for group in GROUPS:
        counts = report.counts(group)
        st.subheader(tr(f"rubric.group.{group}"))
        st.caption(
            md(
                "rubric.summary",
                score=round(report.score(group) * 100),
                fully=counts[Level.FULLY],
                partly=counts[Level.PARTLY],
                none=counts[Level.NOT_IN_PLACE],
            )
        )
        rows = [
            {
                tr("rubric.col.criterion"): tr("rubric.clause_label", number=i.number, label=i.label)
                if i.number
                else i.label,
                tr("rubric.col.level"): tr(f"rubric.level.{i.level}"),
                tr("rubric.col.prefilled"): tr(f"rubric.level.{i.prefilled.level}"),
                tr("rubric.col.basis"): basis(i, lang()),
            }
            for i in report.group(group)
        ]
        # Every criterion visible without scrolling inside the table: 35 px per row plus the header.
        st.dataframe(
            inert_cells(pd.DataFrame(rows)), hide_index=True, width="stretch", height=38 + 35 * len(rows)
        )
    _verdicts(report)
    if ws.can(Action.REVIEW, dossier_id):
        with st.form("review_rubric_override"):
            st.subheader(tr("rubric.override"))
            labels: dict[str, str] = {i.criterion.key: i.label for i in report.items}
            criterion = st.selectbox(
                tr("rubric.col.criterion"),
                list(labels),
                format_func=lambda key: labels[key],
                key="review_rubric_criterion",
                placeholder=tr("form.choose"),
            )
            level = st.radio(
                tr("rubric.col.level"),
                [None, *Level],
                format_func=labeller("rubric.level", none="rubric.back_to_prefilled"),
                horizontal=True,
                key="review_rubric_level",
            )
            reason = st.text_input(tr("review.col.reason"), key="review_rubric_reason", max_chars=2000)
            if st.form_submit_button(tr("review.save"), type="primary") and criterion is not None:
                with faults.saving():
                    try:
                        ws.set_rubric_level(dossier_id, criterion, level, reason)
                    except ReviewError as refused:
                        st.error(md(refused.reason, **refused.params))
                    else:
                        st.rerun()
    if ws.can(Action.EXPORT, dossier_id):
        code = lang()  # read here: the callable runs on another thread, without session state
        st.download_button(
            tr("rubric.download"),
            data=lambda: ws.readiness_docx(dossier_id, code),
            file_name=f"klaar-om-in-te-dienen-{dossier_id}.docx",
            mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            on_click="ignore",
            key="review_rubric_docx",
        )


def _verdicts(report: ReadinessReport) -> None:
    """List the coach's verdict per step as the rubric counts it, stale ones marked."""
    st.subheader(tr("review.heading"))
    rows = [
        {
            tr("review.col.step"): tr(f"step.{step}"),
            tr("review.col.status"): verdict_label(status.review, status, lang()),
            tr("review.col.reason"): status.review.reason if status.review else "",
        }
        for step, status in report.sections.items()
    ]
    st.dataframe(
        inert_cells(pd.DataFrame(rows)), hide_index=True, width="stretch", height=38 + 35 * len(rows)
    )


def render() -> None:
    record = open_record()
    if record is None:
        return
    dossier_id = record.id
    st.title(tr("access.nav.review"))
    st.text(record.dossier.identity.name)  # user text: never Markdown
    progress = store().section_progress(dossier_id)  # once for every step's verdict and the rubric
    # Lazy: only the open tab is drawn (the rubric alone costs what the fourteen verdicts cost).
    sections, readiness = st.tabs(
        [tr("review.heading"), tr("rubric.title")], key="review_tab", on_change="rerun"
    )
    if sections.open:
        may_review = store().can(Action.REVIEW, dossier_id)
        with sections:
            steps = [s for s in STEP_KEYS if s != "overzicht"]
            columns = st.columns(3)
            for index, step in enumerate(steps):
                with columns[index % 3], st.container(border=True, key=f"review_step_{step}"):
                    st.markdown(f"**{tr(f'step.{step}')}**")
                    review_control(dossier_id, step, progress, may_review=may_review)
    if readiness.open:
        with readiness:
            _rubric(record, progress)


render()
