"""Overzicht: progress per step as a chart, the open points grouped by step with links, the call's rules."""

from __future__ import annotations

import streamlit as st

from workbench.collab.section_state import SectionStatus
from workbench.dossier.steps import STEP_KEYS
from workbench.guide.charts import progress_chart
from workbench.guide.progress import OVERVIEW_STEP, Progress, StepState
from workbench.ui import step_page
from workbench.ui.comments import open_threads_summary
from workbench.ui.common import lang, store, tr
from workbench.ui.markup import inert, md
from workbench.ui.prelude import open_record
from workbench.ui.progress_view import (
    STATE_ICONS,
    finding_line,
    link_to_step,
    show_alerts,
    state_label,
)

STEPS = [k for k in STEP_KEYS if k != OVERVIEW_STEP]


def _open_points(dossier_id: int, progress: Progress) -> None:
    st.subheader(tr("overview.open_points"))
    if not progress.findings:
        st.success(tr("overview.nothing_open"))
    for key in STEPS:
        found = progress.findings_for(key)
        if not found:
            continue
        state = progress.states[key]
        title = f"{tr(f'step.{key}')} ({len(found)})"
        # Lazy: a group's links are drawn only while it is open (all of them made 60 % of the page).
        # Given as `expanded`, the state stays when the count in the title changes.
        opened = f"overview_open_{key}"
        box = st.expander(
            title,
            icon=STATE_ICONS[state],
            expanded=bool(st.session_state.get(opened, state is StepState.NEEDS_ATTENTION)),
            key=opened,
            on_change="rerun",
        )
        if not box.open:
            continue
        with box:
            link_to_step(
                key, tr("overview.go_to", step=tr(f"step.{key}")), dossier_id, icon=":material/edit:"
            )
            plain: list[str] = []  # points with nothing to open but the step, linked above
            for finding in found:
                if not finding.subject:
                    plain.append(finding_line(finding))
                    continue
                line, link = st.columns([5, 1], vertical_alignment="center")
                line.text(finding_line(finding))
                with link:
                    link_to_step(key, tr("overview.open"), dossier_id, subject=finding.subject)
            if plain:  # one element for all of them (forty lines cost forty elements)
                st.text("\n".join(plain))


def _verdict(status: SectionStatus) -> list[str]:
    """Name the coach's verdict on a step, marked stale when the step changed after it."""
    if status.review is None:
        return []
    label = tr(f"review.status.{status.review.status}")
    return [tr("review.stale_label", status=label) if status.stale else label]


def render() -> None:
    record = open_record()
    if record is None:
        return
    dossier_id = record.id
    sections = store().section_progress(dossier_id)  # a coach's "werk nodig" is an open point here too
    progress = sections.progress
    st.title(tr("step.overzicht"))
    st.text(record.dossier.identity.name)
    overall = progress.completeness[OVERVIEW_STEP]
    complete = sum(progress.states[k] is StepState.COMPLETE for k in STEPS)
    st.progress(overall, text=md("overview.overall", percent=round(overall * 100)))
    left, right = st.columns(2)
    left.metric(tr("overview.steps_complete"), inert(f"{complete} / {len(STEPS)}"))
    right.metric(tr("overview.open_count"), len(progress.findings))

    st.vega_lite_chart(spec=progress_chart(progress, lang()), width="stretch")
    st.subheader(tr("overview.steps"))
    for key in STEPS:
        # One link per step, its state in its words (four elements a row made a quarter of the page).
        state = progress.states[key]
        words = [
            tr(f"step.{key}"),
            state_label(state),
            f"{round(progress.completeness[key] * 100)} %",
            *_verdict(sections.sections[key]),
        ]
        link_to_step(key, " · ".join(words), dossier_id, icon=STATE_ICONS[state])

    st.subheader(tr("overview.rules"))
    problems = [f for f in progress.findings if f.code.startswith("rule.")]
    if problems:
        show_alerts(problems)
    else:
        st.success(tr("overview.rules_ok"))
    _open_points(dossier_id, progress)
    open_threads_summary(dossier_id)
    step_page.end("overzicht")


render()
