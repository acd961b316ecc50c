"""Overzicht: progress per step as a chart, the open points grouped by step with links, the call's rules."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from workbench.progress import OVERVIEW_STEP, Progress, StepState, assess
from workbench.steps import STEP_KEYS
from workbench.ui import step_page
from workbench.ui.common import tr
from workbench.ui.progress_view import (
    STATE_ICONS,
    finding_line,
    link_to_step,
    load_record,
    show_alerts,
    state_label,
)

# Grey, blue, green, orange: the state colours of the navigation icons.
STATE_COLOURS = {
    StepState.EMPTY: "#a3a8b4",
    StepState.IN_PROGRESS: "#1c83e1",
    StepState.COMPLETE: "#21c354",
    StepState.NEEDS_ATTENTION: "#ff8700",
}
STEPS = [k for k in STEP_KEYS if k != OVERVIEW_STEP]


def chart(progress: Progress) -> alt.LayerChart | alt.FacetChart:
    """Draw the completeness share per step, coloured by state, labelled in the user's language."""
    frame = pd.DataFrame(
        {
            "step": tr(f"step.{k}"),
            "percent": round(progress.completeness[k] * 100),
            "label": f"{round(progress.completeness[k] * 100)} %",
            "state": state_label(progress.states[k]),
            "open": len(progress.findings_for(k)),
        }
        for k in STEPS
    )
    colours = alt.Scale(domain=[state_label(s) for s in STATE_COLOURS], range=list(STATE_COLOURS.values()))
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X(
                "percent:Q",
                title=tr("overview.chart_share"),
                scale=alt.Scale(domain=[0, 100]),
                axis=alt.Axis(values=[0, 25, 50, 75, 100]),
            ),
            y=alt.Y(
                "step:N",
                title=None,
                sort=[tr(f"step.{k}") for k in STEPS],
                axis=alt.Axis(labelLimit=260, labelOverlap=False),
            ),
            color=alt.Color(
                "state:N", title=tr("overview.chart_state"), scale=colours, legend=alt.Legend(orient="bottom")
            ),
            tooltip=[
                alt.Tooltip("step:N", title=tr("overview.chart_step")),
                alt.Tooltip("label:N", title=tr("overview.chart_share")),
                alt.Tooltip("state:N", title=tr("overview.chart_state")),
                alt.Tooltip("open:Q", title=tr("overview.chart_open")),
            ],
        )
    )
    labels = bars.mark_text(align="left", dx=4).encode(text="label:N", color=alt.value("#31333f"))
    # Room on the right for the "100 %" labels.
    return alt.layer(bars, labels).properties(height=alt.Step(26), padding={"right": 48})


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
        with st.expander(title, icon=STATE_ICONS[state], expanded=state is StepState.NEEDS_ATTENTION):
            link_to_step(
                key, tr("overview.go_to", step=tr(f"step.{key}")), dossier_id, icon=":material/edit:"
            )
            for finding in found:
                line, link = st.columns([5, 1], vertical_alignment="center")
                line.text(finding_line(finding))
                with link:
                    link_to_step(key, tr("overview.open"), dossier_id, subject=finding.subject)


def render() -> None:
    loaded = load_record()
    if loaded is None:
        return
    dossier_id, record = loaded
    progress = assess(record.dossier)
    st.title(tr("step.overzicht"))
    st.text(record.dossier.identity.name)
    overall = progress.completeness[OVERVIEW_STEP]
    complete = sum(progress.states[k] is StepState.COMPLETE for k in STEPS)
    st.progress(overall, text=tr("overview.overall", percent=round(overall * 100)))
    left, right = st.columns(2)
    left.metric(tr("overview.steps_complete"), f"{complete} / {len(STEPS)}")
    right.metric(tr("overview.open_count"), len(progress.findings))

    st.altair_chart(chart(progress), width="stretch")
    st.subheader(tr("overview.steps"))
    for key in STEPS:
        state = progress.states[key]
        name, status = st.columns([2, 3], vertical_alignment="center")
        with name:
            link_to_step(key, tr(f"step.{key}"), dossier_id, icon=STATE_ICONS[state])
        status.caption(f"{state_label(state)} · {round(progress.completeness[key] * 100)} %")

    st.subheader(tr("overview.rules"))
    problems = [f for f in progress.findings if f.code.startswith("rule.")]
    if problems:
        show_alerts(problems)
    else:
        st.success(tr("overview.rules_ok"))
    _open_points(dossier_id, progress)
    step_page.end("overzicht")


render()
