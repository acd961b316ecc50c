"""Charts as plain Vega-Lite specs: data in, a dict out, drawn by the page (offline, no Altair)."""

from __future__ import annotations

from typing import Any

from workbench.dossier.steps import STEP_KEYS
from workbench.guide.progress import OVERVIEW_STEP, Progress, StepState
from workbench.i18n import t

# Grey, blue, green, orange: the state colours of the navigation icons.
STATE_COLOURS = {
    StepState.EMPTY: "#a3a8b4",
    StepState.IN_PROGRESS: "#1c83e1",
    StepState.COMPLETE: "#21c354",
    StepState.NEEDS_ATTENTION: "#ff8700",
}
STEPS = [k for k in STEP_KEYS if k != OVERVIEW_STEP]


def progress_chart(progress: Progress, lang: str) -> dict[str, Any]:
    """Return a Vega-Lite bar chart of the completeness per step, coloured by state, in the user's language.

    A plain spec rather than Altair: building and validating an Altair chart took half the page's time.
    """
    rows = [
        {
            "step": t(f"step.{k}", lang),
            "percent": round(progress.completeness[k] * 100),
            "label": f"{round(progress.completeness[k] * 100)} %",
            "state": t(f"progress.state.{progress.states[k].value}", lang),
            "open": len(progress.findings_for(k)),
        }
        for k in STEPS
    ]
    share, state = t("overview.chart_share", lang), t("overview.chart_state", lang)
    return {
        "data": {"values": rows},
        "height": {"step": 26},
        "padding": {"right": 48},  # room for the "100 %" labels
        "encoding": {
            "x": {
                "field": "percent",
                "type": "quantitative",
                "title": share,
                "scale": {"domain": [0, 100]},
                "axis": {"values": [0, 25, 50, 75, 100]},
            },
            "y": {
                "field": "step",
                "type": "nominal",
                "title": None,
                "sort": [r["step"] for r in rows],
                "axis": {"labelLimit": 260, "labelOverlap": False},
            },
            "tooltip": [
                {"field": "step", "type": "nominal", "title": t("overview.chart_step", lang)},
                {"field": "label", "type": "nominal", "title": share},
                {"field": "state", "type": "nominal", "title": state},
                {"field": "open", "type": "quantitative", "title": t("overview.chart_open", lang)},
            ],
        },
        "layer": [
            {
                "mark": {"type": "bar"},
                "encoding": {
                    "color": {
                        "field": "state",
                        "type": "nominal",
                        "title": state,
                        "scale": {
                            "domain": [t(f"progress.state.{s.value}", lang) for s in STATE_COLOURS],
                            "range": list(STATE_COLOURS.values()),
                        },
                        "legend": {"orient": "bottom"},
                    }
                },
            },
            {
                "mark": {"type": "text", "align": "left", "dx": 4, "color": "#31333f"},
                "encoding": {"text": {"field": "label", "type": "nominal"}},
            },
        ],
    }
