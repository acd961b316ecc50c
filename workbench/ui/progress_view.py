"""What the step pages share: state icons, links to a step, open points shown safely."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from workbench.guide.progress import Finding, StepState
from workbench.i18n import has, t
from workbench.ui.common import PAGES, lang, tr
from workbench.ui.markup import inert

ROOT = Path(__file__).resolve().parents[2]
STATE_ICONS: dict[StepState, str] = {
    StepState.EMPTY: ":material/radio_button_unchecked:",
    StepState.IN_PROGRESS: ":material/pending:",
    StepState.COMPLETE: ":material/check_circle:",
    StepState.NEEDS_ATTENTION: ":material/error:",
}
# Plain characters, because findings are shown with st.text (user names never render as Markdown).
SEVERITY_MARKS = {"error": "✖", "missing": "○", "hint": "⚠"}


def step_page(key: str) -> str:
    """Return the page file of a step (or of a page in PAGES), as an absolute path."""
    return str(ROOT / PAGES.get(key, f"workbench/ui/steps/{key}.py"))


def link_to_step(
    key: str, label: str, dossier_id: int | None, *, icon: str | None = None, subject: str | None = None
) -> None:
    """Link to a step's page, keeping the dossier (and the item) in the address; text if not routed."""
    params = {"dossier": str(dossier_id)} if dossier_id is not None else {}
    if subject:
        params["focus"] = subject
    try:
        st.page_link(step_page(key), label=inert(label), icon=icon, query_params=params or None)
    except StreamlitPageNotFoundError:
        # The step's page is not (yet) part of the navigation: say where, without a broken link.
        st.caption(inert(label))


def finding_line(finding: Finding) -> str:
    """Return one open point as a plain line: mark, sentence."""
    return f"{SEVERITY_MARKS[finding.severity]} {finding.message(lang())}"


def show_findings(findings: list[Finding]) -> None:
    """List open points as plain text, one line each, errors first (the order progress.assess gives)."""
    if findings:  # one element for all of them: a page with forty points draws one, not forty
        st.text("\n".join(finding_line(f) for f in findings))


def state_label(state: StepState) -> str:
    return tr(f"progress.state.{state.value}")


def role_label(role: str, code: str | None = None) -> str:
    """Return a role's label: from the catalogue, or the dossier's own label of a custom role.

    `code` is the language when the caller has it (a table of a hundred roles asks once).
    """
    code = code or lang()
    key = f"role.{role}"
    return t(key, code) if has(key, code) else role


def show_alerts(findings: list[Finding]) -> None:
    """Show open points in a box, one plain line each: they name partners and items, never Markdown."""
    if not findings:
        return
    with st.container(border=True):
        show_findings(findings)
